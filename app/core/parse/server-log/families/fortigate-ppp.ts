import { step, type Hit } from '../kit';

/**
 * FortiOS's own PPP daemon in debug (`diagnose debug application l2tp -1`: the PPP inside a Windows PC's L2TP/IPsec tunnel; the
 * SSL VPN daemon's tunnel mode runs the same PPP, its lines after sslvpnd's `[pid:vdom:index]`): one line a packet, `SND:` what
 * the FortiGate sent, `RCV:` what came in from the PC —
 *
 *     SND: LCP Echo_Request id(14) len(8) [Magic_Number 5c33c6bb]
 *     l2tp_ppp_send()-395: tunnel=52
 *     ipcp: down ppp:0x7f7940007000 caller:0x1872e100 tun:-1
 *     [5123:root:0]RCV: LCP Configure_Request id(1) len(14) [Maximum_Received_Unit 1354] [Magic_Number FB7C1352]
 *
 * (Fortinet's Technical Tip article 198742, kb FD51156, "L2TP Debug"; the SSL VPN one from a FortiGate debug walk-through: see
 * test/fixtures/real/server-logs/fortios-l2tp-debug-*). The code is written with underscores (`Configure_Request`, and the
 * daemon's own typo `Termiate_Request`): RFC 1661 §5's names; the protocol is named, its PPP number (RFC 1661 §2, the IANA PPP
 * DLL protocol numbers) added here. Its other lines (`No response to 3 echo-requests`, `Serial link appears to be disconnected.`,
 * `Connection terminated.`) are pppd's words and read as pppd's (families/pppd).
 */

/** m[1] the direction, m[2] the protocol, m[3] the code, m[4] the identifier */
const PACKET = /^(?:\[\d+:[^\]:]*:\d+\])?(SND|RCV): (LCP|IPCP|IPV6CP|CCP|PAP|CHAP|ECP) (\w+) id\((\d+)\) len\(\d+\)/;
/** the L2TP daemon's hand-over of a PPP frame to its tunnel */
const L2TP_SEND = /^l2tp_ppp_send\(\)-\d+: tunnel=(\d+)\s*$/;
/** IPCP (the PC's tunnel address) going up or down on a PPP link; `tun:-1` once its tunnel is gone */
const IPCP_STATE = /^ipcp: (up|down) ppp:0x[0-9a-f]+ caller:0x[0-9a-f]+ tun:(-?\d+)\s*$/;

const NUMBERS: Readonly<Record<string, string>> = { LCP: 'c021', IPCP: '8021', IPV6CP: '8057', CCP: '80fd', PAP: 'c023', CHAP: 'c223', ECP: '8053' };
/** FortiOS's code words to RFC 1661 §5's (its `Termiate` typo read as Terminate) */
const codeName = (word: string): string => word.replace('Termiate', 'Terminate').replace(/_/g, '-');

/** a cheap first test: the line's first character (S, R, `[`, l, i) before any regex */
export function isFortiOsPppDebug(message: string): boolean {
  const c = message.charCodeAt(0);
  if (c === 83 /* S */ || c === 82 /* R */ || c === 91 /* [ */) return PACKET.test(message);
  if (c === 108 /* l */) return L2TP_SEND.test(message);
  if (c === 105 /* i */) return IPCP_STATE.test(message);
  return false;
}

export function fortiOsPppDebug(message: string): Hit | null {
  const p = message.match(PACKET);
  if (p) {
    const values = { proto: `${p[2]} (0x${NUMBERS[p[2]!]})`, type: codeName(p[3]!), id: p[4]! };
    return step(p[1] === 'SND' ? 'fgPppSent' : 'fgPppReceived', values);
  }
  const l = message.match(L2TP_SEND);
  if (l) return step('fgL2tpPppSend', { tunnel: l[1]! });
  const i = message.match(IPCP_STATE);
  if (i) return step(i[1] === 'up' ? 'fgIpcpUp' : 'fgIpcpDown', undefined, i[1] === 'up' ? 'success' : 'info');
  return null;
}
