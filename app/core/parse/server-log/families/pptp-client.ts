import { PPTP_CONTROL_TYPES } from '../codes/pptp';
import { applyRules, context, d, step, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';

/**
 * The PPTP client's own lines (pptp-linux, "PPTP Client", pptpclient.sourceforge.net: pptp.c, pptp_callmgr.c, pptp_ctrl.c,
 * pptp_gre.c), the program a Linux PC, a router or NetworkManager's pptp plugin runs as pppd's `pty`. util.c writes every message
 * as `<log string> <level>[<function>:<file>:<line>]: <text>`: the log string is `anon` unless `--log-string` names it
 * (NetworkManager passes `nm-pptp-service-<pid>`), the level `log`, `warn` or `fatal`. This side dialled (RFC 2637's PNS, the
 * client): the other side of every message is the server, so the statements carry `role: 'initiator'`.
 *
 * A forum's copy may put blanks after the function's colon (`log[ctrlp_disp:  pptp_ctrl.c:858]`: forum software breaks up `:p`,
 * its tongue smiley — assumed from the real lines, Ubuntu Forums thread "Absolute Complete Removal of PPTP settings/
 * configurations", 2015, test/fixtures/real/server-logs/netfilter-ufw-block-gre-*), read alike (also where an editor made them a tab), as blanks a copy doubled (`pptp[3487]:
 *  nm-pptp-service-3458  log[…]: Sent control packet  type is 7`, the Czech thread "VPN PPTP issue", 2018).
 */
export const PPTP_CLIENT_LINE = /^[ \t]*\S+[ \t]+(log|warn|fatal)\[(\w+):[ \t]*[\w.]+:\d+\]: ?(.*)$/;

const AS_CLIENT = { role: 'initiator' } as const;

/** A control message this side sent (`out`) or received (`in`), by its RFC 2637 §2.1 Control Message Type. */
function control(n: number, dir: 'in' | 'out', outcome: Hit['outcome'] = 'info'): Hit {
  const t = PPTP_CONTROL_TYPES[n];
  return { decoded: [d('pptpControl', { dir, type: n, name: t ? `${t.name} (${t.short})` : `type ${n}`, ...AS_CLIENT })], outcome };
}

const withStep = (hit: Hit, key: string, values?: Record<string, string | number>): Hit => {
  hit.decoded.push(d(key, values));
  return hit;
};

/** pptp_ctrl.c ctrlp_disp's "Received …" lines and the message type each names (RFC 2637 §2.1). */
const RECEIVED: Readonly<Record<string, number>> = {
  'Start Control Connection Request': 1,
  'Start Control Connection Reply': 2,
  'Stop Control Connection Request.': 3,
  'Stop Control Connection Reply.': 4,
  'Outgoing Call Request.': 7,
  'Outgoing Call Reply.': 8,
  'Call Clear Request.': 12,
};

const RULES: Rule[] = [
  // pptp_ctrl.c ctrlp_rep: each control message written to TCP 1723 (or buffered until the socket takes it)
  [/^(?:Sent|Buffered) control packet type is (\d+) '[^']*'$/, (m) => {
    const n = Number(m[1]);
    const hit = control(n, 'out');
    // 12: this side hangs up the call; 3: it closes the control connection
    return n === 12 ? withStep(hit, 'selfHungUp') : hit;
  }],
  [/^Received (Start Control Connection Re(?:quest|ply)|Stop Control Connection Re(?:quest|ply)\.|Outgoing Call Re(?:quest|ply)\.|Call Clear Request\.)$/, (m) => {
    const n = RECEIVED[m[1]!]!;
    // the server hangs up the call (12) or closes the control connection (3)
    if (n === 12) return withStep(control(n, 'in', 'warning'), 'pptpServerHungUp');
    if (n === 3) return withStep(control(n, 'in', 'warning'), 'pptpServerStopped');
    return control(n, 'in');
  }],
  context(/^Call disconnect notification received \(call id \d+\)$/, () => control(13, 'in')),
  context(/^PPTP_SET_LINK_INFO received from peer_callid \d+$/, () => control(15, 'in')),
  // logecho: the first few keep-alives each way (RFC 2637 §2.5, §2.6), then "no more … will be reported"
  context(/^Echo Re(quest|ply) received\.$/, (m) => control(m[1] === 'quest' ? 5 : 6, 'in')),
  // the server's ACCMs (RFC 2637 §2.15): pptp ignores them (async HDLC is done by pppd), the warning is harmless
  context(/^(?:send_accm is [0-9A-F]+, recv_accm is [0-9A-F]+|Non-zero Async Control Character Maps are not supported!|no more Echo Reply\/Request packets will be reported\.|The synchronous pptp option is (?:NOT )?activated|\d+ bad bytes thrown away\.|pptp_conn_close\(\d+\)|reserved0 field is not zero! .*)$/, () => step('pptpClientHousekeeping')),
  context(/^(?:Client|server) connection (?:established|ESTABLISHED)\.$/, () => step('pptpClientCtrlUp', AS_CLIENT, 'success')),
  context(/^Outgoing call established \(call ID \d+, peer's call ID \d+\)\.?$/, () => step('pptpClientCallUp', AS_CLIENT, 'success')),
  // the server refused the control connection (Start-Control-Connection-Reply, result ≠ 1) or the call (Outgoing-Call-Reply,
  // result ≠ 1); ctrlp_error's next lines give the result and error codes (RFC 2637 §2.2, §2.8, §2.16)
  [/^Negative reply received to our Start Control Connection Request$/, () => ({ decoded: [d('pptpClientCtrlRefused', AS_CLIENT)], outcome: 'failure' })],
  [/^Our outgoing call request \[callid \d+\] has not been accepted\.$/, () => ({ decoded: [d('pptpClientCallRefused', AS_CLIENT)], outcome: 'failure' })],
  context(/^(?:Reply r|R)esult code is (\d+) '([^']*)'\. Error code is (\d+)(?:, Cause code is (\d+))?$/, (m) => step('pptpResultCode', { code: m[1]!, text: m[2]!, error: m[3]! })),
  context(/^Error is '([^']*)', Error message: '([^']*)'$/, (m) => step('pptpGeneralError', { name: m[1]!, text: m[2]! })),
  context(/^Result code is something else then "general error", so the following error is probably bogus\.$/, () => step('pptpClientHousekeeping')),
  // pptp_ctrl.c pptp_read_some / pptp_write_some, pptp_handle_timer: the control connection (TCP 1723) to the server ended
  context(/^read returned zero, peer has closed$/, () => ({ decoded: [d('pptpClientServerClosed', AS_CLIENT)], outcome: 'warning' })),
  context(/^(?:read|write) error: (.+)$/, (m) => ({ decoded: [d('pptpClientCtrlError', { error: m[1]!, ...AS_CLIENT })], outcome: 'warning' })),
  context(/^closing control connection due to missing echo reply$/, () => ({ decoded: [d('pptpClientNoEchoReply', AS_CLIENT)], outcome: 'warning' })),
  context(/^(?:Closing connection \((?:unhandled|call state|shutdown)\)|Closing PPTP connection|Call closed \(RQST\) \(call id \d+\))$/, () => step('pptpClientClosing')),
  // pptp_gre.c decaps_hdlc: reading pppd's PTY failed — pppd ended (its own lines say why), not the network
  context(/^(?:short read \(-?\d+\): .*|pppd may have shutdown, see pppd log)$/, () => step('pptpClientLostPppd')),
  // pptp_gre.c: GRE packets out of order or missing (a lossy path; pptp waits a little, then passes on what it has)
  context(/^(?:buffering packet \d+ \(expecting \d+, lost or reordered\)|discarding (?:duplicate or old|out of order) packet.*|timeout waiting for \d+ packets)$/, () => step('greOutOfOrder')),
  // pptp.c open_callmgr: the call manager (the process holding TCP 1723) ended with an error; its own lines say why
  context(/^Call manager exited with error \d+$/, () => step('pptpClientCallManagerEnded', undefined, 'warning')),
  // pptp_callmgr.c callmgr_main: TCP 1723 to the server could not be opened at all (refused, unreachable, timed out): nothing
  // of PPTP began, so the server (its address, its service, the path to TCP 1723) is the cause — a Windows PC shows it as 800
  [/^Could not open control connection to (\S+)$/, (m) => ({ decoded: [d('pptpClientNoCtrl', { peer: m[1]!, ...AS_CLIENT })], outcome: 'failure', cause: 'pptp-server-unreachable', peer: m[1] })],
];

/**
 * `connect: …`, `bind: …`, `socket: …` are written by two functions: pptp_callmgr.c open_inetsock (the TCP 1723 control
 * connection) and pptp_gre.c pptp_gre_bind (the raw GRE socket, IP protocol 47): the function in the line's head says which.
 */
function socketError(func: string, what: string, error: string): Hit | null {
  if (func === 'open_inetsock') return { decoded: [d('pptpClientTcpError', { call: what, error, ...AS_CLIENT })], outcome: 'failure' };
  if (func === 'pptp_gre_bind') return { decoded: [d('pptpClientGreSocket', { call: what, error })], outcome: 'failure' };
  return null;
}

/** One pptp-linux line (its head matched PPTP_CLIENT_LINE): the message after the head, read by the rules above. */
export function pptpClientLine(m: RegExpMatchArray, pre: Prefixed, state: FamilyState): Hit | null {
  let text = m[3]!.trim();
  if (text.includes('  ') || text.includes('\t')) text = text.replace(/[ \t]{2,}|\t/g, ' ');
  const sock = text.match(/^(connect|bind|socket): (.+)$/);
  if (sock) return socketError(m[2]!, sock[1]!, sock[2]!);
  return applyRules(RULES, text, pre, state);
}
