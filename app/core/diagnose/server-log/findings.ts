import type { TFunction } from 'i18next';
import { FINDING_IDS } from '../../model/policy';
import type { Evidence, Finding, Severity, SummaryPart } from '../../model/report';
import { describeEntry } from '../../parse/server-log/describe';
import type { Cause, ServerLogEntry, ServerLogResult } from '../../parse/server-log/types';
import { explainRasError, RAS_ERRORS } from '../ras-errors';
import { retriedLogins, retriedWords, type Retry } from './retried-logins';
import { SERVICE_CAUSES, serviceState, type ServiceState } from './service-state';
import { logWrittenBy, pcEntryOf, saysSideOf, sideOf, type Side, type WrittenBy } from './log-side';
import { ACCOUNT_CODES, entryCauseKey, isFirewallDrop, serviceKey, serviceWords } from './cause-wording';
import { unaskedIkeDrops } from './unasked-ike';
import { routerRasAdvice } from './router-ras-advice';

/**
 * Server-log causes → findings. The ids are the client side's where the PC shows the same failure
 * (vpn.auth-mismatch, vpn.encryption-mismatch, vpn.gre-blocked, vpn.server-unreachable,
 * events.ras-error, os.nt4-service-pack), so one cause seen from both sides is one finding; the
 * `server.*` ids are for causes only the server can see (README "Finding ids").
 */

export const SERVER_FINDING_IDS = FINDING_IDS.filter((id) => id.startsWith('server.'));

const CAUSE_FINDING: Record<Exclude<Cause, 'ras-error'>, (typeof FINDING_IDS)[number]> = {
  'credentials-rejected': 'events.ras-error',
  // an IKEv1 XAUTH refusal (libreswan-xauth.ts, asa.ts 713167, vpn3000.ts): no Windows RAS error exists for it — Windows' built-in
  // client never speaks XAUTH, so the device is an iPhone, Mac, Android or Cisco client — and events.ras-error is the PC's RAS error
  // (DESIGN.md), matched with the PC's 691 by code. The log-in method of that device and the server's do not agree on the user: the
  // client side's vpn.auth-mismatch, worded by its own cause (serverLog.cause.xauth-rejected), no code, never matched with the PC's
  // events (correlate.ts)
  'xauth-rejected': 'vpn.auth-mismatch',
  'auth-protocol-mismatch': 'vpn.auth-mismatch',
  // xl2tpd's tunnel authentication (xl2tpd.ts): the L2TP tunnel's own secret, below PPP's log-in — no Windows code is known for it
  'l2tp-tunnel-auth': 'vpn.auth-mismatch',
  'pc-no-chap-response': 'vpn.auth-mismatch',
  // the PC's SSTP Call-Connected failed its crypto binding ([MS-SSTP] §3.2.5.2.3): the Compound MAC is keyed from the PPP log-in's
  // keys (MS-CHAPv2's MPPE keys; zeros for PAP), so the two sides' log-in keys differ — the log-in method's keys, not the password
  // (it was accepted). accel-ppp's maintainers (xebd/accel-ppp#100): the client's Compound-MAC computation or the RADIUS server
  // (works with FreeRADIUS, not with another backend), PAP on both sides as the workaround. The PC's error code is not known here
  'sstp-binding-failed': 'vpn.auth-mismatch',
  'pc-refused-encryption': 'vpn.encryption-mismatch',
  'server-refused-encryption': 'vpn.encryption-mismatch',
  'mppe-unavailable': 'vpn.encryption-mismatch',
  'mppe-stateful-only': 'vpn.encryption-mismatch',
  'mppe-renegotiated': 'vpn.encryption-mismatch',
  'no-ppp-frames': 'vpn.gre-blocked',
  'ike-no-mi3': 'vpn.server-unreachable',
  'ike-auth-never-came': 'vpn.server-unreachable',
  'ike-init-unanswered': 'vpn.server-unreachable',
  // this side initiated and the peer it dials (the responder, a VPN server or gateway) never answered: unreachable from here;
  // no Windows code — the log is not from a connection the PC made
  'ike-responder-unreachable': 'vpn.server-unreachable',
  'pptp-server-unreachable': 'vpn.server-unreachable',
  // a firewall (on the way, or the server's own) dropped what the PC sends the server (vpn-services.ts): the server is out of reach for
  // that part of the VPN — the PC's PPTP control connection (800), or IPsec's data after IKE (809, assumed) — the client side's
  // vpn.server-unreachable, as for UDP 500/4500 dropped (ike-init-unanswered)
  'pptp-control-blocked': 'vpn.server-unreachable',
  'esp-blocked': 'vpn.server-unreachable',
  'decrypt-failure': 'os.nt4-service-pack',
  // strongSwan did not start (or did not load the connection): nothing answers the PC's IKE, which Windows reports as 809, the
  // server not answering (families/strongswan-starter.ts); the finding says why, the PC's 809 and this one are one problem
  'ipsec-config-error': 'vpn.server-unreachable',
  // xl2tpd answered the PC's tunnel request with a StopCCN "No Authorization" (control.c control_finish: no [lns] section takes the
  // PC's address): IPsec is up, the L2TP tunnel is refused at once. What Windows shows then is assumed: 809 (RAS error table,
  // ../shared/windows-reference.md §7: "server not responding") or the attempt timing out — the finding says why, as for
  // ipsec-config-error, and a PC's 809 is one problem with it
  'l2tp-peer-refused': 'vpn.server-unreachable',
  'radius-unreachable': 'server.radius-unreachable',
  'ike-no-proposal': 'server.ike-proposal-mismatch',
  // IKE itself succeeded, then the IPsec part (Quick Mode, CHILD_SA) was refused over the networks it would carry — traffic selectors
  // (RFC 7296 §2.9, TS_UNACCEPTABLE §3.10.1) or IKEv1's proxy identities (a crypto map ACL, a policy, a connection's subnets). A new id, not
  // server.ike-proposal-mismatch: nothing about the algorithms is wrong, and the fix is the networks (and for L2TP/IPsec, a host-to-host
  // transport-mode policy for UDP 1701, RFC 3193 §4); the PC shows only a generic failure (no Windows code is named: assumed)
  'traffic-selector-mismatch': 'server.traffic-selector-mismatch',
  // (the same finding, its own advice: a connection that does not exist for this client, not its proposals — strongswan.ts noIkeConfig)
  'ike-no-connection': 'server.ike-proposal-mismatch',
  // (its PC advice, serverLog.cause.ike-auth-failed.pc, by how the PC logs in: a pre-shared key under the L2TP connection's Advanced
  // settings, or a computer certificate in the Local Computer's Personal store with its CA under Trusted Root Certification Authorities —
  // hwdsl2/setup-ipsec-vpn docs/ikev2-howto.md, "Windows 7, 8, 10 and 11": `certutil -f -importpfx`, then that placement checked)
  'ike-auth-failed': 'server.ike-auth-failed',
  // (the ASA found no tunnel group to take the pre-shared key and policy from: IPsec authentication cannot start, a server setting or
  // the group name the client sends; families/asa.ts "Can't find a valid tunnel group")
  'ike-no-tunnel-group': 'server.ike-auth-failed',
  'address-pool': 'server.address-pool',
  'ppp-setup-failed': 'server.ppp-setup-failed',
  'certificate-missing': 'server.certificate-missing',
  // the server's own certificate, as certificate-missing: the PC sees a TLS certificate error (winerror.h CERT_E_UNTRUSTEDROOT
  // 0x800B0109, CERT_E_CN_NO_MATCH 0x800B010F, CERT_E_EXPIRED 0x800B0101 — RasClient 20227 in decimal for SSTP: Richard Hicks,
  // "Always On VPN Error -2146762495", directaccess.richardhicks.com), nothing the PC can fix while the server has none loaded
  'sstp-server-certificate': 'server.certificate-missing',
  // NPS refused the certificate the PC logs in with, or could not check it (CRL): a log-in method problem, not a password (the
  // client side's vpn.auth-mismatch: the two sides do not agree on how the PC proves who it is); nps-log.ts NPS_REASONS 256–298
  'certificate-rejected': 'vpn.auth-mismatch',
  // the server's RADIUS client cannot start: as an unreachable RADIUS server, the password is never checked (the PC sees 691 or a timeout)
  'radius-misconfigured': 'server.radius-unreachable',
  // NPS reasons 67, 69–71 (codes/nps.ts): a network policy's constraint, the PC's error assumed the policy error 812, as reason 48's
  'policy-constraint': 'events.ras-error',
  // strongSwan's EAP method plugin is missing (strongswan-eap.ts): the log-in method cannot run at all, not the password — the two sides
  // do not get to agree how the PC proves who it is (Windows' error for the EAP-Failure is not known here: none is named)
  'eap-method-unavailable': 'vpn.auth-mismatch',
  // NPS reason 96: the EAP log-in was left half-way; the PC's error is not documented (none is named)
  'eap-timeout': 'events.ras-error',
  // the server's VPN daemon is not running (its systemd unit exited, crashed or could not start), or ran again after that: the PC sees
  // only that the server does not answer; nothing on it is involved (service-state.ts)
  'service-down': 'server.service-down',
  'service-recovered': 'server.service-down',
  // the tunnel is up and the server's own firewall drops what the PC sends through it (a netfilter drop of a packet that came in
  // through a PPP link from a private sender, a Sophos Firewall's denied packet out of a tunnel, a FortiGate's denied traffic out of
  // its SSL VPN tunnel): no Windows error at all — the PC is connected and nothing
  // behind the server answers. A new id: only the server's log shows it, and no other id's advice fits (nothing in the PC's VPN
  // settings is wrong; the fix is a firewall rule for the VPN clients' traffic, or the PC asking for what the rules forbid)
  'tunnel-traffic-dropped': 'server.tunnel-traffic-dropped',
};

/** The Windows error the PC shows for this cause, where one is known (for titles and correlation). */
const CAUSE_CODE: Partial<Record<Cause, number>> = { 'credentials-rejected': 691, 'pc-refused-encryption': 742, 'server-refused-encryption': 742, 'mppe-unavailable': 742, 'mppe-stateful-only': 742, 'mppe-renegotiated': 734, 'no-ppp-frames': 806, 'ike-no-mi3': 809, 'ike-auth-never-came': 809, 'ike-init-unanswered': 809, 'ipsec-config-error': 809, 'l2tp-peer-refused': 809, 'auth-protocol-mismatch': 734, 'pptp-server-unreachable': 800, 'pptp-control-blocked': 800, 'esp-blocked': 809, 'policy-constraint': 812 };

// (a firewall's refusal inside a working tunnel may be the site's rule — what VPN users may reach —, not a fault: a warning)
const WARNING_ONLY: ReadonlySet<Cause> = new Set(['pc-no-chap-response', 'ike-auth-never-came', 'tunnel-traffic-dropped']);

/** "The server's log (x) says: …", or for a log from the side that initiated "The log (x), from the side that started the connection, says: …" (from a router in a site-to-site tunnel: "…, from a router in a tunnel with another router (site-to-site), …"). */
const SAYS: Readonly<Record<Side, string>> = { initiator: 'serverLog.initiatorSays', site: 'serverLog.siteSays', server: 'serverLog.serverSays', pc: 'serverLog.pcSays' };
/**
 * rasdial's output is the PC's own too, but no trace: the command-line dialler's console lines (parse/server-log/families/rasdial-output.ts).
 * Said as Windows' RAS tracing, it sent a reader to %windir%\tracing for a log that is a command's output (the three real rasdial pastes).
 */
const isRasdialEntry = (e: ServerLogEntry): boolean => e.decoded[0]?.key === 'rasdialFailed';
const logSays = (item: ServerEvidence, t: TFunction): string => {
  const side = saysSideOf(item.entry, item.whose);
  return t(side === 'pc' && isRasdialEntry(item.entry) ? 'serverLog.pcSaysRasdial' : SAYS[side], { source: item.source, decoded: describeEntry(item.entry, t) });
};
/** On the PC's own RAS trace that names the VPN connection it dialled: which connection's settings the advice means (none otherwise). */
const pcEntryParts = (item: ServerEvidence, t: TFunction): SummaryPart[] => {
  const entry = pcEntryOf(item.entry);
  return entry ? [{ kind: 'advice', text: t('serverLog.pcEntry', { entry }) }] : [];
};

export function findingIdOf(e: Pick<ServerLogEntry, 'cause' | 'code'>): string | undefined {
  if (!e.cause) return undefined;
  if (e.cause === 'ras-error') return e.code !== undefined ? (RAS_ERRORS.get(e.code)?.findingId ?? 'events.ras-error') : 'events.ras-error';
  return CAUSE_FINDING[e.cause];
}

/** What the PC reports for a server entry (691, 742, 809 …), if it can be said. */
export const pcCodeOf = (e: Pick<ServerLogEntry, 'cause' | 'code'>): number | undefined => (e.cause === 'ras-error' || e.cause === 'credentials-rejected' ? e.code ?? CAUSE_CODE[e.cause] : CAUSE_CODE[e.cause!]);

export interface ServerEvidence {
  source: string;
  entry: ServerLogEntry;
  /** whose log the entry's is, where its lines say it is not a server's (log-side.ts logWrittenBy) */
  whose?: WrittenBy;
}

/** One server-side finding before correlation: the finding and the log entries behind it. */
export interface ServerDraft {
  finding: Finding;
  id: string;
  /** for events.ras-error: the Windows code (691 …) the two sides must share */
  code?: number;
  evidence: ServerEvidence[];
  /** the server's words a PC finding it is folded into takes (correlate.ts), where not the cause's advice: a retried log-in's */
  foldParts?: SummaryPart[];
}

/** A draft being gathered: its entries, and for a user refused and then let in (retried-logins.ts), who and when. */
interface Group {
  id: string;
  code?: number;
  items: ServerEvidence[];
  retry?: Retry;
}

const MAX_EVIDENCE = 8;

/**
 * A credentials rejection (XAUTH's too: Libreswan and the ASA may check it through RADIUS) in the same session as (or within 5 s
 * of) "the RADIUS server did not answer" is its consequence, not a wrong password: it is left out.
 */
function consequences(log: ServerLogResult): Set<ServerLogEntry> {
  const radius = log.entries.filter((e) => e.cause === 'radius-unreachable' || e.cause === 'radius-misconfigured');
  const drop = encryptionGoneWithout(log);
  scannerDrops(log, drop);
  unaskedIkeDrops(log, drop);
  if (!radius.length) return drop;
  const secs = (e: ServerLogEntry) => (e.time ? e.time.hour * 3600 + e.time.minute * 60 + e.time.second : undefined);
  for (const e of log.entries) {
    if (e.cause !== 'credentials-rejected' && e.cause !== 'xauth-rejected') continue;
    if (radius.some((r) => (r.session && r.session === e.session) || (secs(r) !== undefined && secs(e) !== undefined && Math.abs(secs(r)! - secs(e)!) <= 5))) drop.add(e);
  }
  return drop;
}

/** A firewall's line of a packet that is no VPN's (netfilter-log.ts, filterlog.ts, windows-firewall-log.ts), by its first statement's key: its values name the packet's service, sender and target */
const OTHER_PACKET: ReadonlySet<string> = new Set(['netfilterOther', 'filterlogOther', 'windowsFirewallOther']);
/** Other services one sender tried at one target, past which its drops are a port scan's (assumed: a VPN client tries its own two or three) */
const SCAN_PORTS = 3;

/**
 * A firewall's drop of a VPN's port (TCP 1723, UDP 500 …) from a sender that the same firewall logged trying SCAN_PORTS or more other
 * services at the same target is a port scan passing by, not a PC's VPN: no cause (a real one, SANS's network forensics challenge:
 * Shorewall's `FW reject_input` of one host's SYNs to 3306, 587, 53, 1720, then 1723). The target must be the same: a PC's own LAN
 * chatter that a firewall drops (NetBIOS, mDNS, SSDP) goes to broadcast and multicast addresses, not to the VPN server.
 */
function scannerDrops(log: ServerLogResult, drop: Set<ServerLogEntry>): void {
  if (!log.entries.some((e) => e.cause !== undefined && isFirewallDrop(e))) return;
  const others = new Map<string, Set<string>>();
  for (const e of log.entries) {
    const v = e.decoded[0]?.values;
    if (!v || !OTHER_PACKET.has(e.decoded[0]!.key)) continue;
    const pair = `${v.src}\u0000${v.dst}`;
    let seen = others.get(pair);
    if (!seen) others.set(pair, (seen = new Set()));
    seen.add(String(v.service));
  }
  for (const e of log.entries) {
    if (e.cause === undefined || !isFirewallDrop(e)) continue;
    const v = e.decoded[0]!.values!;
    if ((others.get(`${v.src}\u0000${v.dst}`)?.size ?? 0) >= SCAN_PORTS) drop.add(e);
  }
}

/** Bytes each way past which a PPP link carried data, not only its own negotiation (assumed: LCP, IPCP and CCP take a few hundred). */
const LINK_USED_BYTES = 10_000;

/**
 * pppd's Protocol-Reject of the PC's CCP (pppd-packet.ts unsupportedCcp) is the encryption refusal a PC that requires it hangs up
 * on (error 742). When the same pppd (its session, the pid) then counts data both ways at the link's end ("Sent N bytes, received M
 * bytes", both past LINK_USED_BYTES) the PC went on without encryption and used the link: the refusal did not end it, and is no
 * cause (the real case: a VyOS L2TP server and an Android phone that offered CCP, the link used 1.6 minutes and closed by the user).
 */
function encryptionGoneWithout(log: ServerLogResult): Set<ServerLogEntry> {
  const drop = new Set<ServerLogEntry>();
  const refused = log.entries.filter((e) => e.cause === 'server-refused-encryption' && e.session !== undefined && e.decoded.some((dd) => dd.key === 'unsupportedCcp'));
  if (!refused.length) return drop;
  // each session's last line that counted data both ways, in one pass (not a pass over the entries per refusal)
  const lastUsed = new Map<string, number>();
  for (const e of log.entries) {
    if (e.session === undefined || !e.decoded.some((dd) => dd.key === 'step.pppdCounters' && Number(dd.values?.sent) >= LINK_USED_BYTES && Number(dd.values?.received) >= LINK_USED_BYTES)) continue;
    lastUsed.set(e.session, Math.max(lastUsed.get(e.session) ?? -1, e.line));
  }
  for (const e of refused) if ((lastUsed.get(e.session!) ?? -1) > e.line) drop.add(e);
  return drop;
}

export function serverDrafts(logs: readonly ServerLogResult[], t: TFunction): ServerDraft[] {
  // the groups in the order first met; found by finding id and code, or for a retried user's refusals by their own key
  // (no key string built per entry: a string made per entry is flattened and hashed for every lookup, a tenth of the drafts' time)
  const groups: Group[] = [];
  const byId = new Map<string, Map<number | undefined, Group>>();
  const byRetry = new Map<string, Group>();
  for (const [n, log] of logs.entries()) {
    const drop = consequences(log);
    const retried = retriedLogins(log);
    const whose = logWrittenBy(log.entries);
    for (const entry of log.entries) {
      const id = findingIdOf(entry);
      if (!id || drop.has(entry)) continue;
      const retry = retried.get(entry);
      // a user's refusals the same user's log-in followed are their own finding (one per user and log), apart from the others'
      const code = id === 'events.ras-error' ? (retry ? pcCodeOf(retry.failures[0]!) : pcCodeOf(entry)) : undefined;
      let g: Group | undefined;
      if (retry) {
        const key = `${id}\u0000${code ?? ''}\u0000${n}\u0000${retry.user}`;
        g = byRetry.get(key);
        if (!g) byRetry.set(key, (g = newGroup(groups, id, code, retry)));
      } else {
        let byCode = byId.get(id);
        if (!byCode) byId.set(id, (byCode = new Map()));
        g = byCode.get(code);
        if (!g) byCode.set(code, (g = newGroup(groups, id, code, undefined)));
      }
      g.items.push(whose ? { source: log.source, entry, whose } : { source: log.source, entry });
    }
  }
  return groups.map((g) => {
    const finding = g.retry ? retriedFinding(g.id, g.items, g.retry, t) : draftFinding(g.id, g.code, g.items, t);
    // folded into the PC's 691, a retried log-in says what the log says and that the user got in, not "re-enter the password"
    return { id: g.id, ...(g.code !== undefined ? { code: g.code } : {}), evidence: g.items, finding, ...(g.retry ? { foldParts: finding.parts! } : {}) };
  });
}

function newGroup(groups: Group[], id: string, code: number | undefined, retry: Retry | undefined): Group {
  const g: Group = { id, ...(code !== undefined ? { code } : {}), items: [], ...(retry ? { retry } : {}) };
  groups.push(g);
  return g;
}

export const serverEvidence = (items: readonly ServerEvidence[]): Evidence[] => items.slice(0, MAX_EVIDENCE).map(({ source, entry }) => ({ source, line: entry.line, text: entry.text }));

/**
 * The item a finding quotes and words itself by: the first, unless it names no side and a later one of its log is worded as
 * between routers (a journal's copy without ike_name, `charon-systemd[2440]: tried 1 shared key … but MAC mismatched`, comes
 * before its IKE_SA's own `<PEER|3>` lines) or from the side that initiated (a pluto whose IKEv1 Informational `ignoring informational
 * payload NO_PROPOSAL_CHOSEN` comes before its `STATE_PARENT_I1: received unauthenticated v2N_NO_PROPOSAL_CHOSEN`, libreswan #701):
 * then that one, so the finding does not call the other router, or the responder, the PC. A Linux firewall's record that it dropped
 * GRE leads a GRE finding.
 */
function leadOf(items: readonly ServerEvidence[]): ServerEvidence {
  return withWindowsIkeWords(items, sideLeadOf(items));
}

/** The statements that say which Windows IPsec setting fits the server's configured proposals, or that none does (strongswan-proposal.ts) */
const WINDOWS_IKE_WORDS: ReadonlySet<string> = new Set(['windowsIkeSetting', 'windowsIkeNone']);
const saysWindowsIke = (i: ServerEvidence): boolean => i.entry.decoded.some((x) => WINDOWS_IKE_WORDS.has(x.key));
/**
 * A refusal of the PC's proposals without strongSwan's `configured proposals` line before it (the log's first, a paste that starts
 * after it, another IKE_SA's): where a later refusal of the same finding in the same log carries it, that one words the finding —
 * its Windows IPsec setting (cause-wording.ts ike-no-proposal), not the general "set the configuration to what the server allows"
 * (the real charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt: its first refusal has no such line, its third has).
 */
function withWindowsIkeWords(items: readonly ServerEvidence[], chosen: ServerEvidence): ServerEvidence {
  if (chosen.entry.cause !== 'ike-no-proposal' || saysWindowsIke(chosen)) return chosen;
  return items.find((i) => i.source === chosen.source && i.entry.cause === 'ike-no-proposal' && sideOf(i.entry) === sideOf(chosen.entry) && saysWindowsIke(i)) ?? chosen;
}

function sideLeadOf(items: readonly ServerEvidence[]): ServerEvidence {
  const first = items[0]!;
  // (a firewall's record of the drop leads before what the drop caused — a PPTP client's LCP time-out, which names no machine)
  if (first.entry.cause === 'no-ppp-frames') {
    const drop = items.find((i) => isFirewallDrop(i.entry));
    if (drop) return drop;
  }
  if (sideOf(first.entry) !== 'server') return first;
  return items.find((i) => i.source === first.source && sideOf(i.entry) !== 'server') ?? first;
}

/** "The server's log (x) says: …" + what to do on the PC + what to ask the administrator, per cause: one part each. */
export function serverAdvice(items: readonly ServerEvidence[], t: TFunction, service: ServiceState = serviceState(items)): SummaryPart[] {
  const causes = settledCauses(items, service);
  const lead = leadOf(spokenFor(items));
  const parts: SummaryPart[] = [{ kind: 'logSays', text: logSays(lead, t) }, ...pcEntryParts(lead, t)];
  const { unit, keys } = serviceWords(service, t);
  for (const c of causes) {
    const item = leadOf(items.filter((i) => i.entry.cause === c));
    const code = item.entry.code ?? CAUSE_CODE[c] ?? '';
    const key = SERVICE_CAUSES.has(c) ? serviceKey(c, service) : entryCauseKey(item.entry, item.whose);
    for (const k of ['pc', 'admin']) {
      const s = t(`${key}.${k}`, { code, unit, keys });
      if (s && !parts.some((p) => p.text === s)) parts.push({ kind: 'advice', text: s });
    }
  }
  return parts;
}

/**
 * The causes a finding's advice speaks for, once each in the order met — a VPN service's down and up again as the log's end
 * leaves it (service-state.ts): one that runs again is not advised as one still down, nor the other way round; a refused first
 * message's notify not advised as a proposal when no connection took the client at all.
 */
function settledCauses(items: readonly ServerEvidence[], service: ServiceState): Cause[] {
  let causes = [...new Set(items.map((i) => i.entry.cause!))];
  // no connection takes the client: the NO_PROPOSAL_CHOSEN pluto answers it with is that, not a proposal to change (libreswan.ts)
  if (causes.includes('ike-no-connection')) causes = causes.filter((c) => c !== 'ike-no-proposal');
  if (!causes.includes('service-down')) return causes;
  const settled = service.cause;
  return causes.filter((c) => c === settled || (c !== 'service-down' && c !== 'service-recovered'));
}

/**
 * The items a finding words itself by: without the NO_PROPOSAL_CHOSEN pluto answers a client with when no connection takes it —
 * a refusal of a peer whose packets the log says no connection took (settledCauses drops that cause from the advice; a paste
 * cut just before the first `no suitable connection found` line left its answer first, hwdsl2/docker-ipsec-vpn-server #199, and
 * the title said "none of the PC's proposals" over advice about the connection). Another peer's refusal stays (a pluto that
 * initiated to one peer and found no connection for another's packet, libreswan #2108). The evidence keeps them all.
 */
function spokenFor(items: readonly ServerEvidence[]): readonly ServerEvidence[] {
  const unmatched = new Set(items.filter((i) => i.entry.cause === 'ike-no-connection' && i.entry.peer !== undefined).map((i) => i.entry.peer));
  if (unmatched.size === 0) return items;
  const kept = items.filter((i) => !(i.entry.cause === 'ike-no-proposal' && unmatched.has(i.entry.peer)));
  return kept.length > 0 ? kept : items;
}

/** A summary and its parts, which it always joins (report.ts SummaryPartSchema). */
export const withParts = (parts: SummaryPart[]): { summary: string; parts: SummaryPart[] } => ({ summary: parts.map((p) => p.text).join(' '), parts });

/**
 * A user refused and then let in (retried-logins.ts): information, not a problem — what the log says, then who was refused when and
 * let in when, and that nothing needs changing. The log-in is quoted as evidence after the refusals.
 */
function retriedFinding(id: string, items: ServerEvidence[], retry: Retry, t: TFunction): Finding {
  const { title, sentence } = retriedWords(retry, ACCOUNT_CODES, t);
  // (the log's words first, then what they mean for the person, as every server finding's parts: report.ts SummaryPartSchema)
  const parts: SummaryPart[] = [
    { kind: 'logSays', text: logSays(items[0]!, t) },
    { kind: 'advice', text: sentence },
  ];
  const evidence = [...serverEvidence(items.slice(0, MAX_EVIDENCE - 1)), ...serverEvidence([{ source: items[0]!.source, entry: retry.success }])];
  return { id, severity: 'info', title, ...withParts(parts), evidence, fixes: [] };
}

function draftFinding(id: string, code: number | undefined, items: ServerEvidence[], t: TFunction): Finding {
  const cause = items[0]!.entry.cause!;
  // a VPN service that runs again by the log's end is a warning (the connections in between failed), its own title
  const service = serviceState(items);
  const settled = cause === 'service-down' ? service.cause : undefined;
  const severity: Severity = settled === 'service-recovered' || items.every((i) => WARNING_ONLY.has(i.entry.cause!)) ? 'warning' : 'critical';
  const lead = leadOf(spokenFor(items));
  const titleKey = settled ? serviceKey(settled, service) : entryCauseKey(lead.entry, lead.whose);
  let title = t(`${titleKey}.title`, { code: code ?? items[0]!.entry.code ?? CAUSE_CODE[cause] ?? '', unit: serviceWords(service, t).unit });
  let parts = serverAdvice(items, t, service);
  // a Windows error the server logged is explained as the PC's own would be, also when its finding is
  // another id (809 is vpn.server-unreachable): "see the PC's findings" pointed at nothing when only
  // the server's log was read
  const rasCode = cause === 'ras-error' ? (code ?? items[0]!.entry.code) : undefined;
  if (rasCode !== undefined) {
    const x = explainRasError(rasCode, t);
    title = t('vpnRules.rasError.title', { code: rasCode, meaning: x.meaning });
    // (a router's own call — an RRAS demand-dial interface's: the two routers' advice, not the PC's catalogue text; router-ras-advice.ts)
    const forRouters = routerRasAdvice(items[0]!.entry, items[0]!.whose, rasCode, t);
    parts = [{ kind: 'logSays', text: logSays(items[0]!, t) }, ...pcEntryParts(items[0]!, t), ...(forRouters ?? [{ kind: 'advice', text: x.causes }, { kind: 'advice', text: x.tryThis }])];
  }
  return { id, severity, title, ...withParts(parts), evidence: serverEvidence(items), fixes: [] };
}
