import { context, d, step, type Hit, type Rule } from '../kit';

/**
 * A PPPoE client's own lines: pppd's rp-pppoe plugin (`plugin rp-pppoe.so`, pppd's plugins/rp-pppoe, plugins/pppoe from 2.5:
 * discovery.c, plugin.c, common.c) and rp-pppoe's user-space `pppoe` program (the same discovery.c). Only the side that dials
 * writes them — the discovery (RFC 2516 §5) is the host looking for an access concentrator (the ISP's or a router's PPPoE
 * server): it broadcasts a PADI, takes a PADO, asks with a PADR and is given its session in a PADS. So they are worded for this
 * side, and pppd-role.ts takes them as telling its pppd is the client.
 */

/** `Send PPPOE Discovery …` / `Recv PPPOE Discovery …` (the discovery lines below): the fifth character, a blank, before the search */
export const isPppoeDiscovery = (message: string): boolean => message.charCodeAt(4) === 32 && message.startsWith(' PPPOE Discovery ', 4);

/** What each Discovery code says, by RFC 2516 §5.1–§5.5 (the host sends PADI and PADR, the access concentrator PADO and PADS) */
const DISCOVERY: Readonly<Record<string, string>> = { PADI: 'pppoePadi', PADO: 'pppoePado', PADR: 'pppoePadr', PADS: 'pppoePads' };

/** common.c pppoe_log_packet (with `debug`): `Send PPPOE Discovery V1T1 PADI session 0x0 length 12`, `Recv … PADO …` */
function discoveryPacket(dir: string, code: string, session: string): Hit {
  // (a PADT either way: the side that sends it ends the session, §5.5)
  if (code === 'PADT') return step(dir === 'Send' ? 'pppoePadtSent' : 'pppoePadtReceived', { session });
  const key = DISCOVERY[code];
  return step(key ?? 'pppoeDiscoveryOther', { code, session });
}

export const PPPOE_CLIENT_RULES: Rule[] = [
  context(/^(Send|Recv) PPPOE Discovery V\d+T\d+ (PAD[IORST]|unknown code [0-9a-f]+) session (0x[0-9a-f]+) length \d+$/, (m) => discoveryPacket(m[1]!, m[2]!, m[3]!)),
  // (pppoe_printpkt's next two lines of the same packet: ` dst <MAC>  src <MAC>`, then its tags, ` [service-name] [host-uniq  19 00 00 00]`;
  // the two blanks before `src` a tab where a copy tabified them)
  context(/^dst (?:[0-9a-f]{2}:){5}[0-9a-f]{2}[ \t]+src (?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/i, () => step('pppoeDiscoveryDetail')),
  context(/^\[(?:service-name|AC-name|host-uniq|AC-cookie|vendor-specific|relay-session-id|PPP-max-payload|end-of-list|unknown tag 0x[0-9a-f]+)\b.*\]$/, () => step('pppoeDiscoveryDetail')),
  // discovery.c parsePADSTags (LOG_DEBUG): the service the access concentrator granted; then waitForPADS: the session's number
  // (the user-space program adds it in hex: `PPP session is 3674 (0xe5a)`)
  context(/^PADS: Service-Name: '(.*)'$/, (m) => step('pppoeServiceGranted', { service: m[1]! })),
  context(/^PPP session is (\d+)(?: \(0x[0-9a-f]+\))?$/, (m) => step('pppoeSession', { session: m[1]! }, 'success')),
  // plugin.c PPPOEConnectDevice: the session's socket is connected to the access concentrator's Ethernet address
  context(/^Connected to ((?:[0-9a-f]{2}:){5}[0-9a-f]{2}) via interface (\S+)$/i, (m) => step('pppoeConnected', { mac: m[1]!, iface: m[2]! })),
  // discovery.c discovery(): no access concentrator answered the PADIs (PADO), or the one chosen did not confirm the session
  // (PADS), after its tries (pppd's pppoe-padi-attempts, 3 by default); plugin.c then "Unable to complete PPPoE Discovery". A PADO
  // whose AC-Name or Service-Name is not the one this side asks for is not taken (discovery.c parsePADOTags: acNameOK /
  // serviceNameOK), and an access concentrator that cannot serve the PADI's Service-Name sends no PADO (RFC 2516 §5.2): the statement
  // names them among what to check. No finding id: this side's own link to its PPPoE server (the provider's), not a PC's VPN —
  // vpn.server-unreachable is the PC's VPN server; the statement says what to check (the modem, the line, the service name / AC-Name)
  [/^Timeout waiting for (PADO|PADS) packets$/, (m) => ({ decoded: [d(m[1] === 'PADO' ? 'pppoeNoPado' : 'pppoeNoPads')], outcome: 'failure' })],
  [/^Unable to complete PPPoE Discovery$/, () => ({ decoded: [d('pppoeDiscoveryFailed')], outcome: 'failure' })],
  // discovery.c pktLogErrs: the access concentrator's error tag in its PADO or PADS (RFC 2516 Appendix A: Service-Name-Error,
  // AC-System-Error, Generic-Error) — it refuses this side a session
  [/^(PADO|PADS): (Service-Name-Error|System-Error|Generic-Error): (.*)$/, (m) => ({ decoded: [d('pppoeAcError', { packet: m[1]!, tag: m[2]!, text: m[3]! })], outcome: 'failure' })],
  // common.c sendPADT ("Sent PADT", this side ends the session); rp-pppoe's pppoe.c asyncReadFromPPP: the pppd it carries went away
  context(/^Sent PADT$/, () => step('pppoePadtSent', { session: '' })),
  context(/^read \(asyncReadFromPPP\): (?:Session \d+: )?(.+)$/, (m) => step('pppoeLostPppd', { error: m[1]! })),
  // rp-pppoe's own program on its Ethernet socket (its receivePacket and sendPacket, which log the failed call and the system's
  // error text, `recv (receivePacket): Network is down`: the function names as the real line gives them, the source file assumed):
  // the interface under the session went down or away, and the session with it. The error text is the system's (translated on a
  // localised system): passed on, not judged
  context(/^(recv|send) \((?:receivePacket|sendPacket)\): (?:Session \d+: )?(.+)$/, (m) => step('pppoeSocketFailed', { call: m[1]!, error: m[2]! }, 'warning')),
  // plugin.c plugin_init: its banner
  context(/^RP-PPPoE plugin version \S+ compiled against pppd \S+$/, () => step('pppdStart')),
];
