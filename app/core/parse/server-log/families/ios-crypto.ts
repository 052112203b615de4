import { d, fallback, step, tagged, type Hit, type Rule, withRole } from '../kit';
import type { Decoded } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';

/**
 * Cisco IOS / IOS-XE `debug crypto isakmp` heads and `debug crypto ipsec` records (ios.ts reads the rest of the family).
 *
 * The heads IOS puts before an ISAKMP text: `ISAKMP:(0):` and `ISAKMP (0:9577):` (IOS 12.x-15.x), `ISAKMP:` alone, and IOS-XE 16's
 * `ISAKMP: (1001):`, `ISAKMP-PAK: (1001):` (a packet sent or received) and `ISAKMP-ERROR: (0):`, the number in brackets the IKE SA's
 * connection id (0 before one exists). IOS 15 writes some lines with the id alone after a blank, `ISAKMP (0): vendor ID is NAT-T RFC
 * 3947`, `ISAKMP (12024): received packet from …` (an IOS L2TP/IPsec server's debug, nm-l2tp/NetworkManager-l2tp issue #137, fixture
 * ios-l2tp-ipsec-server-…). An `ISAKMP-ERROR:` line is read as the text it prints: IOS-XE prints some in a negotiation
 * that succeeds (`Failed to find peer index node to update peer_info_list`, in the real IOS-XE log of a Quick Mode that completed).
 */
const ISAKMP_HEAD_TEXT = String.raw`^ISAKMP(?:-(?:PAK|ERROR))?(?: ?\(\d+(?::\d+)?\))? ?:+ ?(?:\(\d+\):+ ?)?`;

/** A rule's pattern for an ISAKMP text after any of those heads (the body anchors its end). */
export const isakmp = (body: string, flags = ''): RegExp => new RegExp(ISAKMP_HEAD_TEXT + body, flags);

/**
 * `addr/mask/prot/port` as IOS prints a proxy identity (Cisco IOS Security Command Reference, show crypto ipsec sa: `local ident
 * (addr/mask/prot/port)`): the network as a prefix, and the protocol and port when they narrow it. Protocol 0 is any; IOS-XE writes
 * 256 for `permit ip` (the real IOS-XE log's crypto ACL is `permit ip …` and its proxies end `/256/0`), read as any too.
 */
export function proxyText(proxy: string): string {
  // (IOS 12.2 adds the identity's type, `(type=4)`: an address range by mask, RFC 2407 §4.6.2.1 ID_IPV4_ADDR_SUBNET)
  const m = proxy.replace(/\s*\(type=\d+\)$/, '').match(/^([0-9A-Fa-f.:]+)\/([0-9.]+)\/(\d+)\/(\d+)$/);
  if (!m) return proxy;
  const bits = m[2]!.split('.').reduce((n, octet) => n + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);
  const net = m[2]!.includes('.') ? `${m[1]}/${bits}` : `${m[1]}/${m[2]}`;
  const prot = m[3] === '0' || m[3] === '256' ? '' : ` protocol ${m[3]}`;
  return `${net}${prot}${m[4] === '0' ? '' : ` port ${m[4]}`}`;
}

/** IP protocol numbers of an IPsec SA (IANA "Assigned Internet Protocol Numbers": 50 ESP, 51 AH, 108 IPComp) */
const SA_PROTOCOLS: Record<string, string> = { '50': 'ESP', '51': 'AH', '108': 'IPComp' };

const field = (text: string, name: string): string => text.match(new RegExp(String.raw`\b${name}= ?([^,]*?)\s*(?:,|$)`))?.[1]?.trim() ?? '';

/** `(key eng. msg.) INBOUND local= A, remote= B, local_proxy= …` (IOS 12.4+), or `(key eng. msg.) src= A, dest= B, src_proxy= …` (12.2) */
function keyEngineMessage(fn: string, text: string): Hit {
  const local = field(text, 'local') || field(text, 'src');
  const remote = field(text, 'remote') || field(text, 'dest');
  const localNet = proxyText(field(text, 'local_proxy') || field(text, 'src_proxy'));
  const remoteNet = proxyText(field(text, 'remote_proxy') || field(text, 'dest_proxy'));
  const transform = field(text, 'transform').replace(/\s+/g, ' ');
  return step('iosIpsecKeyMessage', { fn, local: local || '?', remote: remote || '?', localNet: localNet || '?', remoteNet: remoteNet || '?', transform: transform ? `${field(text, 'protocol') || 'ESP'} ${transform}` : '?' });
}

export const IOS_IPSEC_RULES: Rule[] = [
  // `IPSEC(create_sa): sa created, (sa) sa_dest= 203.0.113.200, sa_proto= 50, sa_spi= 0x63A278D7(1671592151), sa_trans= esp-aes 256
  // esp-sha512-hmac , sa_conn_id= 2005 …`: one direction's IPsec SA is installed (IOS prints one per direction)
  [/^IPSEC\(create_sa\): sa created,? ?(.*)$/, (m) => {
    const proto = field(m[1]!, 'sa_proto') || field(m[1]!, 'sa_prot'); // (IOS 12.3 writes sa_prot=)
    const spi = field(m[1]!, 'sa_spi').replace(/\(\d+\)$/, '');
    return step('iosIpsecSaCreated', { dest: field(m[1]!, 'sa_dest') || '?', proto: SA_PROTOCOLS[proto] ?? (proto || '?'), spi: spi || '?', transform: field(m[1]!, 'sa_trans').replace(/\s+/g, ' ') || '?' }, 'success');
  }],
  // "IPSEC(validate_proposal): transform proposal (prot 3, trans 2, hmac_alg 1) not supported for identity" (Cisco "IPsec
  // Troubleshooting: Understanding and Using debug Commands", doc 5409, "Transform Set Mismatch"): no transform set of this router
  // matches the other side's phase 2 proposal; IOS-XE words it `transform proposals not supported`
  // IOS 15 adds the refused transforms as a transform set, `for identity: {esp-aes 256 esp-sha512-hmac }`, on the next line (joined:
  // detect.ts continues; an IOS L2TP/IPsec server refusing a Linux client's SHA-512, nm-l2tp/NetworkManager-l2tp issue #137)
  [/^IPSEC\((validate_proposal|validate_transform_proposal|ipsec_process_proposal)\): .*?transform proposals? (?:\((.*?)\) )?not supported(?: for identity:?\s*\{\s*(.*?)\s*\})?/, (m) => ({ decoded: [m[3] && !m[2] ? d('iosIpsecTransformRefusedOffer', { offer: m[3] }) : d('iosIpsecTransformRefused', { detail: m[2] ? ` (${m[2]})` : '' })], outcome: 'failure', cause: 'ike-no-proposal' })],
  [/^IPSEC\(([\w_]+)\): (?:[^,]*,\s*)?\(key eng\. msg\.?\) (.*)$/, (m) => keyEngineMessage(m[1]!, m[2]!)],
  // `Crypto mapdb : proxy_match` with its `src addr : …` fields (IOS-XE 16): the crypto map's ACL checked against the traffic pair
  [/^Crypto mapdb : proxy_match\b(.*)$/, (m) => step('iosCryptoMapMatch', { src: m[1]!.match(/src addr\s*: (\S+)/)?.[1] ?? '?', dst: m[1]!.match(/dst addr\s*: (\S+)/)?.[1] ?? '?' })],
  // the crypto engine's own debug lines around the Diffie-Hellman computation (`CryptoEngine0: generate alg parameter`, `CRYPTO_ENGINE:
  // Dh phase 1 status: 0`, IOS 12.2 in Cisco's VPN solutions guide): steps of the router's own, said as printed
  [/^(?:CryptoEngine\d+|CRYPTO_ENGINE): (.*?)\s*$/, (m) => step('iosCryptoEngine', { text: m[1]! })],
  // any other `debug crypto ipsec` line: `IPSEC(key_engine): got a queue event …`, and IOS-XE's `(ipsec_process_proposal)Map Accepted:
  // CMAP, 10` (a catch-all, also for the lines the rules above decode: never the rule cache's answer)
  fallback(/^(?:IPSEC\(([\w_]+)\):|\((ipsec_\w+)\)) ?(.*?)\s*$/, (m) => step('iosIpsec', { fn: m[1] ?? m[2]!, text: m[3]! })),
];

/**
 * Quick Mode refused by this router's IPsec policy: `IPSec policy invalidated proposal with error <n>`, then `phase 2 SA policy not
 * acceptable! (local A remote B)`, then IOS sends NO_PROPOSAL_CHOSEN. The number says what did not match; its values are not in
 * Cisco's documents and are read from real logs: 256 with `IPSEC(ipsec_process_proposal): transform proposal not supported for
 * identity` (no transform set takes the offer: an IOS L2TP/IPsec server, nm-l2tp/NetworkManager-l2tp issue #137; a network
 * engineer's IPsec notes list the same three lines under "Mismatched Phase 2 Policies", search index file 49495101492), 32 when the
 * crypto map's access list did not cover the networks asked for (an IOS-XE hub whose fix was a crypto ACL for that spoke, search
 * index file 20666743554). Any other number is named as printed.
 */
const PHASE2_ERRORS: Record<string, 'transform' | 'proxy'> = { '256': 'transform', '32': 'proxy' };
export const IOS_PHASE2_RULES: Rule[] = [
  [isakmp(String.raw`IPSec policy invalidated proposal with error (\d+)\s*$`), (m, _pre, state) => {
    const what = PHASE2_ERRORS[m[1]!];
    state.iosPhase2Error = what ?? m[1];
    if (what === 'transform') return { decoded: [d('iosIpsecTransformRefused', { detail: '' })], outcome: 'failure', cause: 'ike-no-proposal' };
    if (what === 'proxy') return { decoded: [d('iosPhase2ProxyRefused')], outcome: 'failure', cause: 'traffic-selector-mismatch' };
    return step('iosPhase2PolicyError', { code: m[1]! }, 'warning');
  }],
  // (the error line before it named the reason: this one names the two ends; without it, the reason is one of the two)
  [isakmp(String.raw`phase 2 SA policy not acceptable! \(local (\S+) remote (\S+)\)\s*$`), (m, _pre, state) => {
    const known = state.iosPhase2Error !== undefined;
    delete state.iosPhase2Error;
    return tagged({ decoded: [d(known ? 'iosPhase2Refused' : 'iosPhase2RefusedUnknown', { local: m[1]!, remote: m[2]! })], outcome: known ? 'warning' : 'failure' }, { peer: m[2] });
  }],
];

/** `show crypto isakmp sa`'s head (IOS 12.x `… conn-id slot`, 12.4+ `… conn-id slot status`, 15.x `… conn-id status`) and its rows */
export const SHOW_ISAKMP_SA_HEAD = /^(?:dst\s+src\s+state\s+conn-id\s+(?:slot|status)(?:\s+status)?|IPv[46] Crypto ISAKMP SA)\s*$/;
export const SHOW_ISAKMP_SA_ROW = /^([0-9A-Fa-f.:]+)\s+([0-9A-Fa-f.:]+)\s+((?:MM|AG|QM)_[A-Z0-9_]+)\s+(\d+)(?:\s+(\d+))?(?:\s+(ACTIVE|DELETED|STALE))?\s*$/;

export const IOS_ISAKMP_RULES: Rule[] = [
  [SHOW_ISAKMP_SA_HEAD, () => step('iosShowIsakmpSaHead')],
  [SHOW_ISAKMP_SA_ROW, (m) => {
    const state = m[3]!;
    // (a row's peer is its src when this router answered, its dst when it started: the command does not say which, so both are named;
    // the state in words: describe.ts iosStateText)
    return step('iosShowIsakmpSa', { dst: m[1]!, src: m[2]!, state }, state === 'QM_IDLE' || /_AUTH$/.test(state) ? 'success' : 'info');
  }],
  // "phase 1 packet is a duplicate of a previous packet." then "retransmitting due to retransmit phase 1": the other side sent its
  // phase 1 message again, so this router's answer did not reach it (or came late); IOS answers by sending its last one again
  // (Cisco TAC note "IPsec Stuck in MM_SA_SETUP and MM_NO_STATE": ISAKMP SAs stuck in those states show these lines)
  [isakmp(String.raw`phase 1 packet is a duplicate of a previous packet\.?$`), () => step('iosIsakmpDuplicate', undefined, 'warning')],
  // "retransmitting phase 1 MM_KEY_EXCH..." / "retransmitting due to retransmit phase 1": this router sends its last message again,
  // no answer yet; the state says how far the exchange got (codes/isakmp-payloads.ts IOS_IKE_SA_STATES)
  [isakmp(String.raw`retransmitting phase ([12]) ((?:MM|AG|QM)_[A-Z0-9_]+)\.*$`), (m) => step('iosIsakmpRetransmitIn', { phase: Number(m[1]), state: m[2]! }, 'warning')],
  [isakmp(String.raw`retransmitting (?:due to retransmit )?phase ([12])\.*$`), (m) => step('iosIsakmpRetransmit', { phase: Number(m[1]) }, 'warning')],
];

/**
 * Which side of the IKE negotiation this router is, as `debug crypto isakmp` shows it: IOS marks each packet line with `(I)` or `(R)`
 * before the SA's state (`sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) MM_SA_SETUP`, `received packet from … (R)
 * QM_IDLE`), and its states are named IKE_I_MMn / IKE_R_MMn (Cisco "IPsec Troubleshooting: Understanding and Using debug Commands",
 * doc 5409, and the real logs in test/fixtures/real/server-logs/ios-*: `(I)` in the initiator's, `(R)` in the responder's). A router
 * that started the negotiation is not a server a PC dialled: its causes are worded for the side that initiated (findings.ts
 * causeAsInitiator). `speaking to another IOS box!` (the other side's vendor ID is Cisco IOS's) says the other side is a router,
 * not a PC: a responder's causes are then worded for a site-to-site tunnel (causeAsSite). So do Quick Mode's proxy identities when
 * both are networks (`IPSEC(validate_proposal_request): … local_proxy= 192.168.102.0/255.255.255.0/256/0, remote_proxy=
 * 192.168.101.0/255.255.255.0/256/0`: the crypto map's ACL between two LANs, doc 5409's example of two routers); a PC asks for its
 * one address (an L2TP/IPsec PC: `10.1.1.5/255.255.255.255/17/1701`, mask 255.255.255.255) or everything (0.0.0.0). The last mark
 * read counts.
 */
const PACKET_SIDE = /\((I|R)\) (?:MM|AG|QM)_[A-Z0-9_]+\s*$/;
const STATE_SIDE = /New State = IKE_(I|R)_/;
const PROXIES = /local_proxy= *[\d.]+\/([\d.]+)\/[\s\S]*?remote_proxy= *[\d.]+\/([\d.]+)\//;
/** a proxy's mask that is a network: neither one address nor everything */
const networkMask = (mask: string): boolean => mask !== '255.255.255.255' && mask !== '0.0.0.0';
export function noteIkeSide(text: string, state: Record<string, unknown>): void {
  // (an `IPSEC(` record only: its first letter and the plain search before the regex — a long debug's other lines are neither)
  if (text.charCodeAt(0) === 73 /* I */ && text.charCodeAt(1) === 80 /* P */ && text.includes('remote_proxy=')) {
    const p = text.match(PROXIES);
    if (p && networkMask(p[1]!) && networkMask(p[2]!)) markPeerIsRouter(state);
    return;
  }
  // (cheap guards first: most lines of a long debug are neither)
  if (text.includes(') ') && (text.includes('sending packet') || text.includes('received packet'))) {
    const m = text.match(PACKET_SIDE);
    if (m) state.iosIkeSide = m[1] === 'I' ? 'initiator' : 'responder';
  } else if (text.includes('New State = IKE_')) {
    const m = text.match(STATE_SIDE);
    if (m) state.iosIkeSide = m[1] === 'I' ? 'initiator' : 'responder';
  } else if (text.includes('speaking to another IOS box')) markPeerIsRouter(state);
}

/**
 * A responder's IKE causes read before any sign of who the other side is, kept (bounded) so that a later sign words them too: a help
 * desk types `show crypto ipsec sa` (ios-show-ipsec-sa.ts) after the debug, and Quick Mode's proxies come after a phase 1 failure's
 * retries. Their decoded items are changed in place, as draytek-site.ts does with an attempt's.
 */
const WAITING = 'iosWaitingForSide';
const MAX_WAITING = 32;
/** (one key: the log's one other side) */
const PEER = 'peer';
export function awaitSide(decoded: Decoded[], state: Record<string, unknown>): void {
  const waiting = waitingOn<Decoded>(state, WAITING, { keys: 1, perKey: MAX_WAITING });
  for (const dd of decoded) waiting.put(PEER, dd);
}

/** the other side is a router: from now on, and for the causes that waited, a responder's IKE causes are worded for two routers */
export function markPeerIsRouter(state: Record<string, unknown>): void {
  state.iosPeerIsRouter = true;
  const waiting = state[WAITING] as WaitingForSide<Decoded> | undefined;
  if (!waiting) return;
  // (an initiator's causes were worded for that side when read: only a responder's wait)
  for (const dd of waiting.settle(PEER)) wordForSite(dd);
}

/**
 * The line that first told this router its peer is a router (`show crypto ipsec sa`'s idents, Quick Mode's proxies, both networks; the
 * other side's IOS vendor ID) carries `role: 'site'` on its statement: a log with no cause says so by it all the same (log-side.ts
 * logWrittenBy, the report's `writtenBy` "site-router"). One statement is enough; a statement already worded for a side keeps its role.
 */
export function roleSiteOnFirstSign(hit: Hit | null, wasRouter: boolean, state: Record<string, unknown>): void {
  if (wasRouter || state.iosPeerIsRouter !== true || !hit || hit.decoded.length === 0) return;
  hit.decoded = [withRole(hit.decoded[0]!, 'site'), ...hit.decoded.slice(1)];
}

/** one statement of an IKE cause worded for a side (the pre-shared key text names both sides: iosPskMismatchPeer) */
export function wordForSide(dd: Decoded, role: 'initiator' | 'site'): Decoded {
  return dd.values?.role === undefined ? d(dd.key === 'pskMismatch' ? 'iosPskMismatchPeer' : dd.key, { ...dd.values, role }) : dd;
}
function wordForSite(dd: Decoded): void {
  const worded = wordForSide(dd, 'site');
  dd.key = worded.key;
  dd.values = worded.values;
}

/** The role an IKE cause of this router's log is worded for: `initiator`, `site` (a responder whose peer is a router), or none. */
export function ikeRoleOf(state: Record<string, unknown>): 'initiator' | 'site' | undefined {
  if (state.iosIkeSide === 'initiator') return 'initiator';
  return state.iosPeerIsRouter === true ? 'site' : undefined;
}
