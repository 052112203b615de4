import { d, fallback, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import { markPeerIsRouter } from './ios-crypto';

/**
 * `show crypto ipsec sa` as a help desk gets it, typed after `debug crypto isakmp` (the three commands a lab note on IOS-XE crypto
 * maps calls the best for troubleshooting: search index file 20666743554; the same block in Cisco "IPsec Troubleshooting:
 * Understanding and Using debug Commands", doc 5409). Per SA:
 *   `interface: Ethernet0/0` / `Crypto map tag: outside_map, local addr 203.0.113.10` (an ASA adds `seq num: 10,` and a colon),
 *   `local  ident (addr/mask/prot/port): (192.168.1.0/255.255.255.0/0/0)`, `remote ident (addr/mask/prot/port): (…)`,
 *   `current_peer 203.0.113.1 port 500` (ASA: `current_peer: 203.0.113.1`),
 *   `#pkts encaps: 4, #pkts encrypt: 4, #pkts digest: 4`, `#pkts decaps: 0, #pkts decrypt: 0, #pkts verify: 0`.
 * The idents are the SA's proxy identities, the crypto map ACL's pair: networks on both sides say the other side is a router
 * (a PC's own side is its one address, mask 255.255.255.255, or everything, 0.0.0.0 — as ios-crypto.ts reads Quick Mode's
 * `local_proxy=`/`remote_proxy=`). The counters say whether traffic goes both ways: packets encrypted out and none decrypted
 * back is the lab note's case (the tunnel up, the ping failing: the other router had no route back into the tunnel).
 *
 * Per line: only lines whose first non-blank character begins one of the lines read (a Set of char codes) go on to a `startsWith`
 * (claims runs for every header-less record).
 */

/** the first non-blank character's index (these lines are indented by 3 to 6 blanks), or -1 past 12 */
function firstNonBlank(text: string): number {
  for (let i = 0; i < 12 && i < text.length; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return i;
  return -1;
}

const STARTS = ['local  ident (', 'local ident (', 'remote ident (', 'current_peer', 'Crypto map tag: ', '#pkts encaps: ', '#pkts decaps: '];
/**
 * The block's other lines, said as printed (IOS and ASA): the remaining counters, the endpoints, MTUs, the SPIs and each SA's
 * settings. Only these beginnings (`spi: 0x…(n)` only whole: a bare `spi:` is no sign of this block).
 */
const DETAIL_STARTS = ['#pkts ', '#send errors', '#pre-frag ', '#PMTUs ', '#TFC ', '#Valid ICMP ', '#decapsulated ', 'local crypto endpt.', 'protected vrf', 'Protected vrf', 'PERMIT, flags={', 'current outbound spi: ', 'PFS (Y/N): ', 'in use settings ={', 'inbound esp sas:', 'outbound esp sas:', 'inbound ah sas:', 'outbound ah sas:', 'inbound pcp sas:', 'outbound pcp sas:', 'plaintext mtu ', 'path mtu ', 'sa timing: remaining key lifetime', 'replay detection support: ', 'PMTU time remaining ', 'spi: 0x'];
const FIRST = new Set([...STARTS, ...DETAIL_STARTS].map((s) => s.charCodeAt(0)));

/** whether a header-less line is one of `show crypto ipsec sa`'s lines read below (a char-code test before any string compare) */
export function showIpsecSaClaims(message: string): boolean {
  const i = firstNonBlank(message);
  if (i < 0) return false;
  const c = message.charCodeAt(i);
  // (a copy may join `interface: Ethernet0/0` and the indented `Crypto map tag: …` under it into one record)
  if (c === 105 /* i */ && message.startsWith('interface: ', i)) return message.includes('Crypto map tag: ');
  if (!FIRST.has(c)) return false;
  return STARTS.some((s) => message.startsWith(s, i)) || DETAIL_STARTS.some((s) => message.startsWith(s, i));
}

/** `192.168.1.0/255.255.255.0/0/0`: address, mask, protocol, port */
const IDENT = /^([\d.]+)\/([\d.]+)\/(\d+)\/(\d+)$/;
/** a mask that is a network: neither one address nor everything */
const networkMask = (mask: string): boolean => mask !== '255.255.255.255' && mask !== '0.0.0.0';

const LOCAL = 'iosShowLocalIdent';
const ENCAPS = 'iosShowEncaps';
const PEER = 'iosShowPeer';

/** an ident in words: the network and mask, and its protocol and port when the ACL names them (an L2TP PC's 17/1701) */
function ident(which: 'Local' | 'Remote', text: string, state: FamilyState): Hit {
  const m = text.match(IDENT);
  if (!m) return step(`iosShowIpsec${which}Ident`, { ident: text });
  const [, addr, mask, proto, port] = m;
  const net = `${addr}/${mask}${proto !== '0' ? ` (protocol ${proto}${port !== '0' ? `, port ${port}` : ''})` : ''}`;
  if (which === 'Local') state[LOCAL] = networkMask(mask!);
  // both ends networks: the crypto map's pair of two LANs, a router's on the other side (the local ident comes first in each SA)
  else if (state[LOCAL] === true && networkMask(mask!)) markPeerIsRouter(state);
  if (which === 'Local') delete state[ENCAPS];
  return step(`iosShowIpsec${which}Ident`, { ident: net });
}

/** the encaps/decaps counters: one way only is a warning (the SA is up, traffic does not come back, or does not go out) */
function decaps(n: number, state: FamilyState): Hit {
  const out = state[ENCAPS] as number | undefined;
  const peer = (state[PEER] as string | undefined) ?? '?';
  delete state[ENCAPS];
  if (out !== undefined && out > 0 && n === 0) return tagged({ decoded: [d('iosShowIpsecOneWayOut', { out, peer })], outcome: 'warning' }, { peer });
  if (out === 0 && n > 0) return tagged({ decoded: [d('iosShowIpsecOneWayIn', { in: n, peer })], outcome: 'warning' }, { peer });
  return step('iosShowIpsecDecaps', { n });
}

export const IOS_SHOW_IPSEC_SA_RULES: Rule[] = [
  [/^(?:interface: (\S+)\s+)?Crypto map tag: ([^,\s]+),(?: seq num: \d+,)? local addr:? (\S+)$/, (m) => step('iosShowIpsecMap', { map: m[2]!, local: m[3]! })],
  [/^local {1,2}ident \(addr\/mask\/prot\/port\): \((\S+)\)$/, (m, _pre, state) => ident('Local', m[1]!, state)],
  [/^remote ident \(addr\/mask\/prot\/port\): \((\S+)\)$/, (m, _pre, state) => ident('Remote', m[1]!, state)],
  [/^current_peer:? (\S+?)(?:\/\d+)?(?: port (\d+))?$/, (m, _pre, state) => ((state[PEER] = m[1]!), tagged(step('iosShowIpsecPeer', { peer: m[1]! }), { peer: m[1] }))],
  [/^#pkts encaps: (\d+), #pkts encrypt: \d+, #pkts digest: \d+$/, (m, _pre, state) => ((state[ENCAPS] = Number(m[1])), step('iosShowIpsecEncaps', { n: Number(m[1]) }))],
  [/^#pkts decaps: (\d+), #pkts decrypt: \d+, #pkts verify: \d+$/, (m, _pre, state) => decaps(Number(m[1]), state)],
  // the SA's mode: Tunnel between two networks, Transport for one host's traffic (an L2TP/IPsec PC's, or GRE between two routers)
  [/^in use settings =\{([A-Za-z-]+)/, (m) => step('iosShowIpsecMode', { mode: m[1]! })],
  // (a catch-all for the block's other lines, also the two counters above take: never the rule cache's answer)
  fallback(/^(?:#(?:pkts |send errors|pre-frag |PMTUs |TFC |Valid ICMP |decapsulated )|local crypto endpt\.|[Pp]rotected vrf|PERMIT, flags=\{|current outbound spi: |PFS \(Y\/N\): |(?:in|out)bound (?:esp|ah|pcp) sas:|plaintext mtu |path mtu |sa timing: remaining key lifetime|replay detection support: |PMTU time remaining |spi: 0x[0-9A-Fa-f]+\(\d+\)$).*$/, (m) => step('iosShowIpsecLine', { text: m[0] })),
];
