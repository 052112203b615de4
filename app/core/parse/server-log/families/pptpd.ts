import { PPTPD_NAMES, PPTP_CONTROL_TYPES } from '../codes/pptp';
import { context, d, fallback, step, tagged, type Hit, type Rule } from '../kit';

/**
 * pptpd's own lines (PoPToP: pptpctrl.c, ctrlpacket.c, pptpgre.c, pptpmanager.c — `CTRL:`, `GRE:`, `MGR:`; accel-pptp's pptpctrl
 * writes the same): the PPTP control connection on TCP 1723 and GRE around the pppd it starts per call. A slice of pppd.ts's one
 * rule list, spread there in its place (as xl2tpd.ts's): rule order decides which rule takes a line (kit.ts). Server's view: the
 * other side is the PC.
 */

/** A PPTP control message by its RFC 2637 §2.1 Control Message Type, received (`in`) or sent (`out`). */
export const pptpType = (n: number, dir: 'in' | 'out'): Hit => {
  const t = PPTP_CONTROL_TYPES[n];
  const hit: Hit = { decoded: [d('pptpControl', { dir, type: n, name: t ? `${t.name} (${t.short})` : `type ${n}` })], outcome: 'info' };
  return hit;
};

export const PPTPD_RULES: readonly Rule[] = [
  context(/^(?:CTRL: )?Client (\S+) control connection (started|finished)$/, (m) => tagged(step(m[2] === 'started' ? 'ctrlStarted' : 'ctrlFinished', { peer: m[1]! }), { peer: m[1] })),
  context(/^CTRL: Starting call \(launching pppd, opening GRE\)$/, () => step('startingCall')),
  context(/^CTRL: Received PPTP Control Message \(type: (\d+)\)$/, (m) => {
    const n = Number(m[1]);
    const hit = pptpType(n, 'in');
    if (n === 12) hit.decoded.push(d('pcHungUp'));
    return hit;
  }),
  [/^CTRL: Made a (.+?) packet$/, (m) => (PPTPD_NAMES[m[1]!] ? pptpType(PPTPD_NAMES[m[1]!]!, 'out') : null)],
  // (newer pptpd adds why it ignores them: "(intentional non-compliance with section 2.15 of RFC 2637, …)")
  context(/^CTRL: (Got|Ignored) a SET LINK INFO packet with (standard|real) ACCMs!?(?: \(intentional non-compliance[^)]*\))?$/, (m) => ({ ...pptpType(15, 'in'), decoded: [...pptpType(15, 'in').decoded, d(m[1] === 'Got' ? 'sliStandard' : 'sliIgnored')] })),
  context(/^CTRL: Received CALL CLR request \(closing call\)$/, () => ({ decoded: [...pptpType(12, 'in').decoded, d('pcHungUp')], outcome: 'info' })),
  // pptpctrl.c: reading pppd's PTY or writing GRE failed; the call ends (pppd's lines before it say why, as for GRE's read)
  context(/^CTRL: PTY read or GRE write failed \(pty,gre\)=\(-?\d+,-?\d+\)$/, () => ({ decoded: [d('grePtyClosed')], outcome: 'warning' })),
  // pptpctrl.c, the other direction: reading GRE from the network or writing it to pppd's PTY failed; the call ends (GRE's read line
  // before it says why)
  context(/^CTRL: GRE read or PTY write failed \(gre,pty\)=\(-?\d+,-?\d+\)$/, () => ({ decoded: [d('greNetworkEnded')], outcome: 'warning' })),
  // ctrlpacket.c read_pptp_header: EOF on TCP 1723 while reading a control message's length or its body
  context(/^CTRL: (?:EOF or bad error reading ctrl packet(?: length)?\.?|couldn't read packet header \(exit\)|CTRL read failed)$/, () => ({ decoded: [d('ctrlClosed')], outcome: 'warning' })),
  // ctrlpacket.c: what arrived on TCP 1723 is not a PPTP control message (bad length, bad magic cookie, unknown type); pptpd closes
  context(/^CTRL: (?:11 < Control packet \(length=(-?\d+)\) < PPTP_MAX_CTRL_PCKT_SIZE \(\d+\)|Bad magic cookie - lost syncronization, closing control connection\.|PPTP Control Message type (\d+) not supported\.)$/, (m) => ({ decoded: [d('ctrlBadPacket', { what: m[1] !== undefined ? `length ${m[1]}` : m[2] !== undefined ? `type ${m[2]}` : 'magic cookie' })], outcome: 'warning' })),
  // ctrlpacket.c send_pptp_packet: the reply could not be written back to the PC (its TCP connection is gone)
  context(/^CTRL: Couldn't write packet to client\.$/, () => ({ decoded: [d('ctrlWriteFailed')], outcome: 'warning' })),
  // ctrlpacket.c deal_out_call: every Call ID is taken
  context(/^CTRL: No free Call IDs!$/, () => ({ decoded: [d('ctrlNoCallIds')], outcome: 'warning' })),
  // accel-pptp's pptpctrl.c (kernel-mode PPTP): the PPTP socket of the kernel's pptp module (AF_PPPOX, PX_PROTO_PPTP) cannot be made —
  // without that module ("Protocol not supported") no call can start; PoPToP's own pptpctrl uses no such socket
  [/^CTRL: failed to create PPTP socket \((.+)\)$/, (m) => ({ decoded: [d('pptpKernelSocket', { error: m[1]! })], outcome: 'failure', cause: 'ppp-setup-failed' })],
  // ctrlpacket.c: retryable reads (a partial message, EAGAIN/EINTR)
  context(/^CTRL: (?:couldn't read packet header \(retry\)|Read in previous incomplete ctrl packet|Incomplete ctrl packet(?: length)?, retry later|Error reading ctrl packet(?: length)? \(bytes_ttl=\d+(?:,length=\d+)?\): .*)$/, () => step('pptpdHousekeeping')),
  context(/^CTRL: (?:Reaping child PPP\[\d+\]|pppd speed = \d+|Client pppd TERM sending|Client pppd finish wait|Exiting now|I wrote \d+ bytes to the client\.|Sent packet to client|Set parameters to .*|(?:pty|tty)_fd = \d+|local address = .*|remote address = .*|pppd options file = .*|Sending (?:echo request|ECHO REQ).*)$/i, () => step('pptpdHousekeeping')),
  context(/^CTRL \(PPPD Launcher\): .*$/, () => step('pptpdHousekeeping')),
  context(/^GRE: accepting (?:packet )?#(\d+)(?: from queue)?$/, (m) => step('greAccepted', { n: m[1]! }, 'success')),
  // pptpgre.c decaps_gre: a packet ahead of the next one expected is queued until the gap fills (or times out)
  context(/^GRE: buffering packet #(\d+) \(expecting #(\d+), lost or reordered\)$/, (m) => step('greReordered', { n: m[1]!, expected: m[2]! })),
  // pptpgre.c: the raw GRE socket's read failed with ENOPROTOOPT — Linux reports an ICMP protocol-unreachable answer to the GRE
  // this server sent as that errno on the socket (net/ipv4/icmp.c icmp_err_convert: ICMP_PROT_UNREACH → ENOPROTOOPT): the PC, or
  // a NAT router in front of it without PPTP passthrough, refuses GRE — the PC's 806 (619 on older Windows)
  [/^GRE: read\(fd=\d+,buffer=[^)]*\) from network failed: status = -1 error = Protocol not available$/, () => ({ decoded: [d('greProtoUnreachable')], outcome: 'failure', cause: 'no-ppp-frames' })],
  // pptpgre.c decaps_hdlc: a frame from pppd could not be sent to the PC as GRE (sendto on the raw IP-protocol-47 socket): EPERM is
  // the server's own netfilter refusing it (conntrack/NAT helpers, an OUTPUT rule), ENOBUFS its send queue being full
  context(/^GRE: xmit failed from decaps_hdlc: (.+)$/, (m) => ({ decoded: [d(/not permitted/i.test(m[1]!) ? 'greXmitFirewall' : 'greXmitFailed', { error: m[1]! })], outcome: 'warning' })),
  // pptpgre.c decaps_hdlc: the HDLC frame read from pppd's PTY is damaged (bad FCS or escape): dropped — between pptpd and its own pppd
  context(/^GRE: (?:Bad checksum|Received bad packet) from pppd\.$/, () => step('greBadFromPppd', undefined, 'warning')),
  // pptpgre.c: a failed read from the PTY is pptpd losing its pppd (pppd ended: its own lines say why), not GRE
  // on the network — pptpd adds "usually caused by unexpected termination of pppd" when errno is EIO
  // (a fallback: the two rules above take some of its lines)
  fallback(/^GRE: (?:read\(fd=\d+,buffer=[^)]*\) from (PTY|network) failed|xmit failed.*|Bad checksum.*|Discarding duplicate packet|.*failed.*)/, (m) => (m[1] === 'PTY' ? { decoded: [d('grePtyClosed')], outcome: 'warning' } : { decoded: [d('greError', { side: m[1] ?? '' })], outcome: 'warning' })),
  // pptpmanager.c: every connection slot (pptpd.conf `connections`) or every address of `remoteip` is taken
  [/^MGR: No free connection slots or IPs - no more clients can connect!$/, () => ({ decoded: [d('mgrNoSlots')], outcome: 'failure', cause: 'address-pool' })],
  // (a catch-all: any other MGR line, also the one above)
  fallback(/^MGR: (?:Manager process started|Maximum of \d+ connections available|Launching .* to handle client|Reaped child \d+|.*)$/, () => step('pptpdHousekeeping')),
  // pptpgre.c: GRE packets arriving out of order are dropped (noisy on a lossy path, not a failure)
  context(/^GRE: Discarding out of order packet$/, () => step('greOutOfOrder')),
];
