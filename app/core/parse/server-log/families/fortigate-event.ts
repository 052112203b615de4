import { d, step, tagged, type Hit } from '../kit';
import type { Cause, LogTime } from '../types';
import { messageId, value } from './fortigate-fields';
import { tunnelTrafficRecord } from './fortigate-traffic';

/**
 * FortiOS event-log records (key=value, fortigate-fields.ts), decoded by their log id, action, status and reason — the
 * structured fields — and never by `msg`/`logdesc`, which name the same thing in words (the reason of a FortiOS 4 record,
 * which has no `reason` field, is the exception: its `msg` is `Negotiate SA Error: <reason>`).
 * Message ids and their meanings: FortiOS Log Message Reference (docs.fortinet.com/document/fortigate/<version>/
 * fortios-log-message-reference/<id>):
 *   37124 MESGID_NEG_I_P1_ERROR "IPsec phase 1 error"; 37137 MESGID_CONN_FAILURE "IPsec connection failed";
 *   37138 MESGID_CONN_UPDOWN "IPsec connection status changed" (action tunnel-up / tunnel-down);
 *   23101 LOG_ID_IPSEC_TUNNEL_UP "IPsec VPN tunnel up";
 *   40017 LOG_ID_L2TPD_CLIENT_CON_FAIL "L2TP client connection failed"; 40118 LOG_ID_L2TPD_CLIENT_CON "L2TP client connected";
 *   40019 LOG_ID_L2TPD_CLIENT_DISCON "L2TP client disconnected"; 40102 LOG_ID_L2TP_TUNNEL_DOWN "L2TP tunnel down";
 *   43009 LOG_ID_EVENT_AUTH_FAILED "Authentication failed" (subtype user).
 *   37133 MESGID_INSTALL_SA, 37135 MESGID_DELETE_P2_SA, 37139 MESGID_P2_UPDOWN "IPsec phase 2 status changed";
 *   37127 MESGID_NEG_PROGRESS_P1_NOTIF and 37128 MESGID_NEG_PROGRESS_P1_ERROR "Progress IPsec phase 1" (fields role "initiator or
 *   responder", init, mode, stage, result); 37123 MESGID_NEG_GENERIC_P2_ERROR "Negotiate IPsec phase 2";
 *   39943 LOG_ID_EVENT_SSL_VPN_SESSION_NEW_CON "SSL VPN new connection" (action ssl-new-con, tunneltype ssl: the real record in
 *   elastic/integrations' fortinet_fortigate pipeline sample, and the same record quoted by log-parser tests, search index files
 *   47166926700, 61549446314).
 * 37129 and 37130 as phase 2's progress records (notice, error) are assumed from the numbering next to 37127/37128.
 * 37125 as phase 2's error is assumed (a FortiGate automation config watches "logid 37124 37125" as "IPSEC_FAILED", search
 * index file 39843495310); 23102 as the tunnel-down counterpart of 23101 and 43008 as authentication success are assumed
 * from the numbering.
 */

/** the reasons FortiOS's IKE daemon gives a failed negotiation (`reason="…"`), by cause */
const REASON_CAUSES: readonly (readonly [RegExp, Cause, string])[] = [
  // phase 1: the real 37124 record (search index file 28702972436); "no SA proposal chosen" is the IKE debug's word for it
  [/^(?:peer SA proposal not match local policy|no SA proposal chosen)$/i, 'ike-no-proposal', 'ikeNoProposal'],
  // FortiOS 4's msg (community.fortinet.com article 194213): the responder cannot read the third Main Mode exchange — the keys differ
  [/^probable pre-shared (?:secret|key) mismatch$/i, 'ike-auth-failed', 'pskMismatch'],
  // no phase 1 (dial-up gateway) takes the first message — its mode, IKE version, peer ID or interface — before any proposal is
  // compared: a FortiOS 4 record of an aggressive-mode dial-up met by a phone (Fortinet forum question 409591, 2012); assumed from
  // the words and from where the lookup comes (Fortinet documents no meaning for this reason)
  [/^no matching gateway for new request$/i, 'ike-no-connection', 'fgNoMatchingGateway'],
];

/** a record's time from its own `date=` and `time=` fields (the device's local time; a relay's syslog header may come before it) */
function timeOf(fields: Map<string, string>): LogTime | undefined {
  const date = fields.get('date')?.match(/^(\d{4})-(\d\d)-(\d\d)$/);
  const time = fields.get('time')?.match(/^(\d\d):(\d\d):(\d\d)$/);
  if (!date || !time) return undefined;
  return { year: +date[1]!, month: +date[2]!, day: +date[3]!, hour: +time[1]!, minute: +time[2]!, second: +time[3]! };
}

/**
 * Who logged in: the XAUTH user when there is one; else `user` — but on an IPsec record without XAUTH FortiOS puts the
 * peer's address there (a site-to-site peer's "user" is the peer itself), and a certificate's subject when the PC logs in
 * with one (`user="C = CA, …, CN = tgerber"`, FortiOS 7.2 administration guide): its CN is the user.
 */
function userOf(fields: Map<string, string>): string | undefined {
  const xauth = value(fields, 'xauthuser');
  if (xauth) return xauth;
  const user = value(fields, 'user');
  if (!user || /^[\d.]+$|^[0-9a-f:]+:[0-9a-f:]*$/i.test(user)) return undefined;
  return user.match(/(?:^|,\s*)CN = ([^,]+)/)?.[1]?.trim() ?? user;
}

/** the VPN tunnel (phase 1) a record is about; a dial-up instance is named `<phase1>_<n>` */
const tunnelOf = (fields: Map<string, string>): string => value(fields, 'vpntunnel') ?? value(fields, 'vpn_tunnel') ?? '';

/** the IPsec phase a negotiation record's id is about (37125, 37129, 37130 assumed: see above) */
const PHASE_OF: Readonly<Record<number, string>> = { 37124: '1', 37127: '1', 37128: '1', 37123: '2', 37125: '2', 37129: '2', 37130: '2' };
/** the "Progress IPsec phase N" records: a step of the negotiation, said with who started it */
const PROGRESS: ReadonlySet<number> = new Set([37127, 37128, 37129, 37130]);

/**
 * A negotiation's progress (37127 `status="success" init="local" mode="main" dir="outbound" stage=1 role="initiator" result="OK"`,
 * the elastic pipeline's real record): which side started it — the FortiGate (role initiator: a site-to-site tunnel it brings up)
 * or the other side (responder: a PC dialling in) — its stage and FortiOS's result, quoted.
 */
function progress(fields: Map<string, string>, phase: string): Hit {
  const role = fields.get('role');
  const values = { phase: phase || '?', stage: value(fields, 'stage') ?? '?', result: value(fields, 'result') ?? value(fields, 'status') ?? '-' };
  return step(role === 'initiator' ? 'fgProgressInitiator' : role === 'responder' ? 'fgProgressResponder' : 'fgProgress', values);
}

/** IPsec negotiation records: an error (status negotiate_error) names its reason, any other status is a step */
function negotiation(fields: Map<string, string>, id: number | undefined): Hit {
  const status = fields.get('status') ?? '';
  const phase = PHASE_OF[id ?? 0] ?? '';
  if (status !== 'negotiate_error' && status !== 'failure') return PROGRESS.has(id ?? 0) ? progress(fields, phase) : step('fgNegotiate', { status: status || '-' });
  // (FortiOS 4's msg holds the reason after "Negotiate SA Error: "; a later msg only names the record — "IPsec phase 1 error" — no reason)
  const reason = value(fields, 'reason') ?? value(fields, 'error_reason') ?? fields.get('msg')?.match(/^Negotiate SA Error:\s*(.+)$/)?.[1] ?? '';
  // (no reason on the record — a progress error has none, a wrapped copy may bring it on a later line: families/fortigate.ts)
  const hit: Hit = { decoded: [reason ? d(`fgNegotiateError${phase}`, { reason }) : d(`fgNegotiateErrorNoReason${phase}`)], outcome: 'failure' };
  const known = REASON_CAUSES.find(([re]) => re.test(reason));
  if (known) {
    hit.cause = known[1];
    hit.decoded.push(d(known[2]));
  }
  return hit;
}

/** what a VPN record (subtype vpn, FortiOS 4 ipsec) says */
function vpnRecord(fields: Map<string, string>, id: number | undefined): Hit {
  const action = fields.get('action') ?? '';
  const tunnel = tunnelOf(fields);
  const l2tp = id !== undefined && id >= 40000 && id < 40200;
  if (id === 40017) {
    // assumed: the L2TP (and PPP) set-up after IPsec failed; the record's reason says why, quoted as FortiOS wrote it
    return { decoded: [d('fgL2tpFailed', { reason: value(fields, 'reason') ?? value(fields, 'status') ?? '' })], outcome: 'failure', cause: 'ppp-setup-failed' };
  }
  if (l2tp && (id === 40118 || action === 'tunnel-up')) return step('fgL2tpUp', { ip: value(fields, 'tunnelip') ?? value(fields, 'assignip') ?? '' }, 'success');
  if (l2tp) return step('fgL2tpDown');
  if (action === 'negotiate' || fields.get('status') === 'negotiate_error') return negotiation(fields, id);
  // FortiOS's SSL VPN (39947 LOG_ID_EVENT_SSL_VPN_SESSION_TUNNEL_UP "SSL VPN tunnel up", 39948 its tunnel down; `tunneltype="ssl-tunnel"`,
  // an anonymised FortiOS 6 record in elastic/integrations' fortinet_fortigate pipeline tests): FortiClient's tunnel over TLS, no IPsec —
  // Windows' built-in VPN client does not speak it
  if ((fields.get('tunneltype') ?? '').startsWith('ssl') && (action === 'tunnel-up' || action === 'tunnel-down')) {
    const user = value(fields, 'user');
    if (action === 'tunnel-down') return step('fgSslTunnelDown', { user: user ?? '?' });
    return step('fgSslTunnelUp', { user: user ?? '?', ip: value(fields, 'tunnelip') ?? '?' }, 'success');
  }
  // its log-in refused (39426 "SSL VPN login fail", action ssl-login-fail; FortiOS's log reference example and SIEM rules quote
  // the record): said with the user and FortiOS's reason in words — no cause: FortiClient's or the web portal's log-in, not a
  // Windows built-in VPN's, whose 691 advice would mislead (as tunnel up and down above)
  if (action === 'ssl-login-fail' || id === 39426) return sslLoginFail(fields);
  // a new TLS connection to the SSL VPN (39943): FortiClient or a browser reaching its port, before any log-in — no IPsec, and no
  // Windows built-in VPN's (said so, as the SSL VPN's tunnel and log-in records above)
  if (action === 'ssl-new-con' || id === 39943) return step('fgSslNewConnection', { ip: value(fields, 'remip') ?? '?' });
  if (action === 'tunnel-up' || id === 23101) {
    const user = userOf(fields);
    return step(user ? 'fgTunnelUpUser' : 'fgTunnelUp', { tunnel, user: user ?? '', ip: value(fields, 'assignip') ?? value(fields, 'tunnelip') ?? '' }, 'success');
  }
  if (action === 'tunnel-down' || id === 23102) return step('fgTunnelDown', { tunnel, seconds: value(fields, 'duration') ?? '?' });
  if (action === 'delete_phase1_sa') return step('fgPhase1Deleted', { tunnel });
  // phase 2 (the IPsec SA, the data tunnel): 37139 MESGID_P2_UPDOWN "IPsec phase 2 status changed" (action phase2-up / phase2-down,
  // its phase2_name: a FortiOS 5.6 record quoted by a syslog parser's tests, search index file 45993516545), 37133 MESGID_INSTALL_SA
  // (action install_sa), 37135 MESGID_DELETE_P2_SA (action delete_ipsec_sa) — the actions as a collector's notes list them from real
  // rows (search index file 66431324690); the ids' names from the Log Message Reference's change list (search index file 53886865521)
  if (action === 'phase2-up' || action === 'phase2-down') return step(action === 'phase2-up' ? 'fgPhase2Up' : 'fgPhase2Down', { tunnel, phase2: value(fields, 'phase2_name') ?? '?' }, action === 'phase2-up' ? 'success' : 'info');
  if (action === 'install_sa' || id === 37133) return step('fgPhase2Installed', { tunnel }, 'success');
  if (action === 'delete_ipsec_sa' || id === 37135) return step('fgPhase2Deleted', { tunnel });
  if (id === 37137) return { decoded: [d('fgConnectionFailed', { reason: value(fields, 'reason') ?? '' })], outcome: 'failure' };
  return step('fgVpnRecord', { id: id ?? '?', action: action || '-', status: value(fields, 'status') ?? '-' });
}

/**
 * FortiOS's `reason` of a refused SSL VPN log-in, in words (the values as real and documented records show them; what each
 * means is read from its name, and `permission_denied` also for a wrong password — assumed, as administrators' notes report it).
 */
const SSL_LOGIN_REASONS: Readonly<Record<string, string>> = {
  sslvpn_login_unknown_user: 'fgSslReasonUnknownUser',
  sslvpn_login_password_expired: 'fgSslReasonPasswordExpired',
  sslvpn_login_permission_denied: 'fgSslReasonPermissionDenied',
  sslvpn_login_no_matching_policy: 'fgSslReasonNoPolicy',
};

function sslLoginFail(fields: Map<string, string>): Hit {
  const user = value(fields, 'user') ?? '?';
  const reason = value(fields, 'reason') ?? '';
  const words = SSL_LOGIN_REASONS[reason];
  const why = words ? [d(words, { reason })] : reason ? [d('fgSslReasonOther', { reason })] : [];
  return { decoded: [d('fgSslLoginFail', { user }), ...why], outcome: 'failure' };
}

/** a user authentication record (subtype user): XAUTH's and L2TP's log-ins are checked by the same user database (assumed) */
function userRecord(fields: Map<string, string>, id: number | undefined): Hit {
  const user = value(fields, 'user') ?? '?';
  const reason = value(fields, 'reason');
  if (id === 43009) return { decoded: [reason ? d('fgAuthFailed', { user, reason }) : d('fgAuthFailedNoReason', { user })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
  if (id === 43008) return step('authOk', { user, method: value(fields, 'authproto') ?? 'FortiGate' }, 'success');
  return step('fgOtherRecord', { type: 'event', subtype: 'user', id: id ?? '?' });
}

/** a FortiOS event-log record (its fields, fortigate-fields.ts readFields): decoded, with its time, the peer (remip) and the user */
export function fortiOsRecord(fields: Map<string, string>): Hit {
  const id = messageId(fields);
  const subtype = fields.get('subtype') ?? '';
  const hit =
    subtype === 'vpn' || subtype === 'ipsec'
      ? vpnRecord(fields, id)
      : subtype === 'user'
        ? userRecord(fields, id)
        : // (a traffic record of what came out of a VPN tunnel: fortigate-traffic.ts; any other is no VPN's)
          ((fields.get('type') === 'traffic' ? tunnelTrafficRecord(fields) : undefined) ?? step('fgOtherRecord', { type: fields.get('type') ?? '?', subtype: subtype || '?', id: id ?? '?' }));
  const time = timeOf(fields);
  if (time) hit.time = time;
  const peer = value(fields, 'remip') ?? value(fields, 'rem_ip') ?? value(fields, 'srcip');
  return tagged(hit, { peer, user: subtype === 'user' ? value(fields, 'user') : userOf(fields), session: tunnelOf(fields) || undefined });
}
