import { PPPD_CODE_NAMES, PPPD_EXIT_CODES } from '../codes/ppp';
import { PPTPD_NAMES, PPTP_CONTROL_TYPES } from '../codes/pptp';
import { applyRules, context, d, messageAt, msChapErrorOf, step, tagged, trimmed, type FamilyParser, type Hit, type Rule } from '../kit';
import { mppeFromPppd } from '../ppp-packet';
import type { Prefixed } from '../prefix';

/**
 * pppd, pptpd (PoPToP: CTRL/GRE/MGR), accel-pptpd (Padavan/Asuswrt log pppd as `pptp[pid]`) and
 * xl2tpd: message texts from pppd (auth.c, lcp.c, ccp.c, ipcp.c, chap-new.c), pptpd
 * (pptpctrl.c, pqueue.c, pptpgre.c) and xl2tpd (xl2tpd.c, control.c). Server's view: "peer" = the PC.
 */

const PROGRAMS = /^(pppd|pptpd|pptp|pptpctrl|xl2tpd|accel-pppd|pppoe-server|pppoe|l2tpd|openl2tpd|PPP)$/i;

const pptpType = (n: number, dir: 'in' | 'out'): Hit => {
  const t = PPTP_CONTROL_TYPES[n];
  const hit: Hit = { decoded: [d('pptpControl', { dir, type: n, name: t ? `${t.name} (${t.short})` : `type ${n}` })], outcome: 'info' };
  return hit;
};

/** `sent [LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> …]` — pppd's debug packet dump. */
function packetDump(m: RegExpMatchArray): Hit {
  const dir = m[1] === 'sent' ? 'out' : 'in';
  const proto = m[2]!;
  const codeName = m[3]!;
  const body = m[4] ?? '';
  const code = PPPD_CODE_NAMES[codeName];
  const id = body.match(/id=(0x[0-9a-f]+)/i)?.[1];
  const options = [...body.matchAll(/<([^<>]*)>/g)].map((o) => o[1]!).filter((o) => !/^[0-9a-f]{16,}$/i.test(o));
  const quoted = body.match(/"((?:[^"\\]|\\.)*)"/)?.[1];
  const name = body.match(/name = "([^"]*)"/)?.[1];
  const values: Record<string, string | number> = { dir, proto, code: codeName, id: id ?? '-', options: options.join(', ') };
  const mppe = mppeFromPppd(body);
  if (mppe !== undefined) values.mppe = mppe;
  const hit: Hit = { decoded: [d('packet', values)], outcome: 'info' };
  if (proto === 'CHAP' && name && dir === 'in' && codeName === 'Response') hit.user = name;
  if (proto === 'CHAP' && codeName === 'Failure') {
    const e = msChapErrorOf(body);
    hit.outcome = 'failure';
    hit.cause = 'credentials-rejected';
    if (e) hit.code = e;
    hit.decoded.push(d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' }));
  }
  if (proto === 'LCP' && codeName === 'Ident' && quoted && /^MSRAS/.test(quoted)) hit.decoded.push(d('windowsRasIdent', { ident: quoted }));
  if (proto === 'LCP' && codeName === 'ProtRej' && /\b80 ?fd\b|CCP/i.test(body)) {
    hit.outcome = 'failure';
    hit.cause = dir === 'in' ? 'pc-refused-encryption' : 'server-refused-encryption';
  }
  if (proto === 'LCP' && codeName === 'ConfRej' && /<auth /.test(body) && dir === 'in') {
    hit.outcome = 'warning';
    hit.decoded.push(d('authRejected', { options: options.join(', ') }));
  }
  if (proto === 'LCP' && codeName === 'TermReq' && quoted) hit.decoded.push(d('termReason', { reason: quoted }));
  if (code === undefined) hit.decoded[0]!.values!.code = codeName;
  return hit;
}

const RULES: Rule[] = [
  [/^(sent|rcvd) \[(\w+) (\w+)(?: (.*))?\]$/, (m) => packetDump(m)],
  [/^(?:Peer (.+?) failed (CHAP|PAP|EAP|MS-CHAP(?:-?v2)?) authentication|(CHAP|PAP|EAP) peer authentication failed(?: for (.+))?)$/i, (m) => ({ decoded: [d('peerAuthFailed', { user: m[1] ?? m[4] ?? '?', method: (m[2] ?? m[3])!.toUpperCase() })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user: m[1] ?? m[4] })],
  [/^(MS-CHAP(?:v2)?|CHAP) authentication failed(?:: (.*))?$/i, (m) => {
    const e = msChapErrorOf(m[2] ?? '');
    return { decoded: [d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' })], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }],
  context(/^(CHAP|PAP|EAP|MS-CHAP\S*) (?:peer )?authentication succeeded(?: for (.+))?$/i, (m) => tagged(step('authOk', { method: m[1]!.toUpperCase(), user: m[2] ?? '' }, 'success'), { user: m[2] })),
  context(/^peer from calling number (\S+) authorized$/, (m) => tagged(step('peerAuthorized', { peer: m[1]! }), { peer: m[1] })),
  [/^LCP terminated by peer(?: \((.*)\))?$/, (m) => {
    const reason = m[1] ?? '';
    if (/MPPE required but not available/i.test(reason)) return { decoded: [d('peerNeedsMppe')], outcome: 'failure', cause: 'mppe-unavailable' };
    if (/auth/i.test(reason)) return { decoded: [d('lcpTerminatedByPeer', { reason })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
    // Windows puts its magic number and binary data in the Terminate-Request: no readable reason
    const readable = /^[\x20-\x7e]*$/.test(reason) && !/\^@|<M-/.test(reason);
    return { decoded: [d(readable && reason ? 'lcpTerminatedByPeer' : 'lcpTerminatedByPeerBinary', { reason })], outcome: 'warning' };
  }],
  [/^MPPE required but peer negotiation failed$/, () => ({ decoded: [d('mppeNegotiationFailed')], outcome: 'failure', cause: 'mppe-unavailable' })],
  [/^Refusing MPPE stateful mode offered by peer$/, () => ({ decoded: [d('mppeStatefulRefused')], outcome: 'failure', cause: 'mppe-stateful-only' })],
  [/^MPPE required, but (?:MS-CHAP\[v2\] auth not performed|kernel has no support)\.?$/i, () => ({ decoded: [d('mppeNotPossible')], outcome: 'failure', cause: 'mppe-unavailable' })],
  context(/^MPPE (\d+)-bit (stateless|stateful)? ?compression enabled$/, (m) => step('mppeUp', { mppe: (m[1] === '40' ? 0x20 : m[1] === '56' ? 0x80 : 0x40) | (m[2] === 'stateless' ? 0x01000000 : 0) }, 'success')),
  context(/^MPPE disabled$/, () => step('mppeDisabled', undefined, 'warning')),
  [/^LCP: timeout sending Config-Requests$/, () => ({ decoded: [d('lcpTimeout')], outcome: 'failure', cause: 'no-ppp-frames' })],
  // (LCP's is the rule above: the link itself never came up)
  context(/^(IPCP|CCP|IPV6CP): timeout sending Config-Requests$/, (m) => ({ decoded: [d('ncpTimeout', { proto: m[1]! })], outcome: 'warning' })),
  [/^Could not determine remote IP address: defaulting to (\S+)$/, (m) => ({ decoded: [d('noRemoteIp', { address: m[1]! })], outcome: 'failure', cause: 'address-pool' })],
  [/^IPCP terminated by peer \((.*)\)$/, (m) => /IP address/i.test(m[1]!) ? { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'failure', cause: 'address-pool' } : { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'warning' }],
  [/^(?:no (?:more )?(?:free )?IP addresses? (?:available|left)|Peer is not authorized to use remote address (\S+))/i, (m) => ({ decoded: [d('noAddressLeft', { address: m[1] ?? '' })], outcome: 'failure', cause: 'address-pool' })],
  context(/^(local|remote) +IP address (\S+)$/, (m) => step(m[1] === 'local' ? 'localIp' : 'remoteIp', { address: m[2]! }, 'success')),
  [/^(?:rc_send_server: no reply from RADIUS server(?: (\S+))?|RADIUS: .*(?:timed? ?out|no response)|Timeout on RADIUS server)/i, (m) => ({ decoded: [d('radiusNoReply', { server: m[1] ?? '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  context(/^(?:CTRL: )?Client (\S+) control connection (started|finished)$/, (m) => tagged(step(m[2] === 'started' ? 'ctrlStarted' : 'ctrlFinished', { peer: m[1]! }), { peer: m[1] })),
  context(/^CTRL: Starting call \(launching pppd, opening GRE\)$/, () => step('startingCall')),
  context(/^CTRL: Received PPTP Control Message \(type: (\d+)\)$/, (m) => {
    const n = Number(m[1]);
    const hit = pptpType(n, 'in');
    if (n === 12) hit.decoded.push(d('pcHungUp'));
    return hit;
  }),
  [/^CTRL: Made a (.+?) packet$/, (m) => (PPTPD_NAMES[m[1]!] ? pptpType(PPTPD_NAMES[m[1]!]!, 'out') : null)],
  context(/^CTRL: (Got|Ignored) a SET LINK INFO packet with (standard|real) ACCMs!?$/, (m) => ({ ...pptpType(15, 'in'), decoded: [...pptpType(15, 'in').decoded, d(m[1] === 'Got' ? 'sliStandard' : 'sliIgnored')] })),
  context(/^CTRL: Received CALL CLR request \(closing call\)$/, () => ({ decoded: [...pptpType(12, 'in').decoded, d('pcHungUp')], outcome: 'info' })),
  context(/^CTRL: (?:EOF or bad error reading ctrl packet length\.?|couldn't read packet header \(exit\)|CTRL read failed)$/, () => ({ decoded: [d('ctrlClosed')], outcome: 'warning' })),
  context(/^CTRL: (?:Reaping child PPP\[\d+\]|Client pppd TERM sending|Client pppd finish wait|Exiting now|I wrote \d+ bytes to the client\.|Sent packet to client|Set parameters to .*|(?:pty|tty)_fd = \d+|local address = .*|remote address = .*|pppd options file = .*|Sending (?:echo request|ECHO REQ).*)$/i, () => step('pptpdHousekeeping')),
  context(/^CTRL \(PPPD Launcher\): .*$/, () => step('pptpdHousekeeping')),
  context(/^GRE: accepting packet #(\d+)$/, (m) => step('greAccepted', { n: m[1]! }, 'success')),
  context(/^GRE: (?:read\(fd=\d+,buffer=[^)]*\) from (PTY|network) failed|xmit failed.*|Bad checksum.*|Discarding duplicate packet|.*failed.*)/, (m) => ({ decoded: [d('greError', { side: m[1] ?? '' })], outcome: 'warning' })),
  context(/^MGR: (?:Manager process started|Maximum of \d+ connections available|Launching .* to handle client|Reaped child \d+|.*)$/, () => step('pptpdHousekeeping')),
  context(/^accel-pptpd-\S+ compiled for .*$|^PPTP plugin version .*$|^Plugin \S+ loaded\.$|^(?:RADIUS|RADATTR) plugin initialized\.$|^pppd [\d.]+ started by .*$/, () => step('pppdStart')),
  context(/^Using interface (\S+)$/, (m) => step('usingInterface', { iface: m[1]! })),
  context(/^Connect: (\S+) <-->(?: (.*))?$/, (m) => step('connect', { iface: m[1]!, peer: m[2] ?? '' })),
  context(/^(?:Connection terminated\.?|Modem hangup|Exit\.|Terminating on signal \d+\.?|Hangup \(SIGHUP\)|Connect time [\d.]+ minutes\.|Sent \d+ bytes, received \d+ bytes\.|Terminating connection due to lack of activity\.?)$/, () => step('pppdEnd')),
  context(/^Cannot determine ethernet address for proxy ARP$/, () => step('noProxyArp', undefined, 'warning')),
  context(/^Overriding (mtu|mru) .*$/, () => step('mtuOverride')),
  context(/^(?:VPN server: )?peer (\S+) \(([^)]*)\) connected - ifname: (\S+), local IP: (\S+)$/, (m) => tagged(step('firmwarePeerConnected', { peer: m[1]!, user: m[2]!, address: m[4]! }, 'success'), { peer: m[1], user: m[2] })),
  context(/^(?:User request|LCP down)$/, (m) => step(m[0] === 'LCP down' ? 'lcpDown' : 'userRequest', undefined, 'warning')),
  context(/^sent Call-Clear-Request$/, () => ({ decoded: [...pptpType(12, 'out').decoded, d('selfHungUp')], outcome: 'info' })),
  // xl2tpd
  [/^(?:child_handler ?: )?pppd exited for call (\d+) with code (\d+)$/, (m) => {
    const c = Number(m[2]);
    const name = PPPD_EXIT_CODES[c] ?? `code ${c}`;
    const hit: Hit = { decoded: [d('pppdExit', { call: m[1]!, code: c, name })], outcome: c === 0 || c === 5 || c === 16 ? 'info' : 'failure' };
    if ([1, 2, 3, 4, 6, 7, 9, 18].includes(c)) hit.cause = 'ppp-setup-failed';
    else if (c === 11) {
      hit.cause = 'credentials-rejected';
      hit.code = 691;
    }
    return hit;
  }],
  context(/^Call established with (\S*),? PID: (\d+), Local: (\d+), Remote: (\d+), Serial: (\d+)$/, (m) => tagged(step('l2tpCallUp', { peer: m[1] || '?' }, 'success'), { peer: m[1] || undefined })),
  context(/^(?:call_close: )?Call (\d+) to (\S*) ?disconnected$/, () => step('l2tpCallDown')),
  context(/^(?:control_finish: )?Connection closed to (\S*),? .*$/, () => step('l2tpTunnelDown')),
  context(/^(?:control_finish: )?Connection established to (\S+), (\d+)\..*$/, (m) => tagged(step('l2tpTunnelUp', { peer: m[1]! }, 'success'), { peer: m[1] })),
  context(/^Maximum retries exceeded for tunnel (\d+)\. {1,2}Closing\.?$/, () => ({ decoded: [d('l2tpRetries')], outcome: 'warning' })),
  context(/^Terminating pppd: sending TERM signal to pid \d+$/, () => step('pppdEnd')),
  context(/^result_code_avp: result code endianness fix for buggy Apple client\. network=(\d+), le=(\d+)$/, (m) => step('l2tpResultCode', { code: m[2]! })),
  context(/^write_packet: tty is not open yet\.$|^(?:network_thread|check_control|handle_packet|control_xmit|build_fdset): .*$/, () => step('xl2tpdHousekeeping')),
];

export const pppdFamily: FamilyParser = {
  family: 'pppd',
  claims(pre: Prefixed): boolean {
    if (pre.program && PROGRAMS.test(pre.program)) return true;
    // Padavan firmware logs with the tag "VPN server" (syslog shows it like host + program)
    // (program first: host is read from the header again when asked)
    if (pre.program === 'server' && pre.host === 'VPN') return true;
    if (pre.shape === 'router-tab') return true;
    if (pre.program) return false;
    return applyRules(RULES, pre.message, pre, {}) !== null;
  },
  parse(pre, state, countOnly) {
    const message = trimmed(pre.message);
    const at = messageAt(pre, 0, message);
    return applyRules(RULES, message, pre, state, countOnly, at < 0 ? undefined : pre.src, at);
  },
};
