import { mppeBits } from './codes/ppp';

/**
 * What a Configure-Reject of one option means for the link, by the option (not by the packet): a Configure-Reject says the
 * option is "not recognizable or not acceptable for negotiation", and the side that asked MUST leave it out of its next
 * Configure-Request (RFC 1661 §5.4). For most options that is all: PPP has a default for each and goes on without it. For a few
 * the link cannot do without what was refused:
 * - LCP Authentication-Protocol (type 3): the side that asks demands the other side prove who it is with that method; refused,
 *   the asking side must offer another or give up (pppd auth.c: "peer refused to authenticate: terminating link"; RFC 1661
 *   §6.2 — a peer that will not authenticate rejects the option);
 * - CCP option 18, MPPE (RFC 3078 §2.1): refused, there is no encryption; a side that requires it closes the link (pppd ccp.c
 *   "MPPE required but peer refused"; Windows' "Require encryption", error 742). An MPPE option that names no key length
 *   (no 40-, 56- or 128-bit bit: RFC 3078 §2.1 Supported Bits) asks for no encryption, and its refusal is none of this;
 * - IPCP IP-Address (type 3) with 0.0.0.0, the request for an address (RFC 1332 §3.3): refused, the asking side gets none.
 *
 * The options PPP simply drops (RFC 1661 §6: each has a default the link falls back to): LCP MRU (1500), ACCM/asyncmap (all
 * control characters mapped), Quality-Protocol, Magic-Number (no loop detection), PFC and ACFC (full headers), Callback (RFC 1570
 * §2.3), the multilink options MRRU, short sequence numbers, endpoint discriminator (RFC 1990 §5.1) and link discriminator (RFC
 * 2125 §5.1); IPCP IP-Compression (Van Jacobson, RFC 1332 §3.2), the old IP-Addresses option (§3.1) and the DNS/NBNS addresses
 * (RFC 1877 §1); CCP's compression methods other than MPPE (Deflate RFC 1979, BSD-Compress RFC 1977, Predictor RFC 1978, Stac
 * RFC 1974: compression is optional, CCP opens with what both take, or with nothing).
 */

export type RejectedKind = 'auth' | 'encryption' | 'address' | 'dropped' | 'other';

export interface RejectedVerdict {
  kind: RejectedKind;
  /** for a dropped option, the key of its plain words (serverLog.pppOptionWords.<words>) */
  words?: string;
}

/** Option numbers by the words pppd's and accel-ppp's option dumps print (pppd lcp.c/ipcp.c/ccp.c *_printpkt; accel-ppp ppp_lcp/ipcp/ccp). */
const PPPD_NAMES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  LCP: { mru: 1, asyncmap: 2, auth: 3, quality: 4, magic: 5, pcomp: 7, accomp: 8, callback: 13, mrru: 17, ssnhf: 18, endpoint: 19 },
  IPCP: { addrs: 1, compress: 2, addr: 3, 'ms-dns': 129, 'ms-dns1': 129, dns1: 129, 'ms-wins': 130, wins1: 130, 'ms-dns2': 131, dns2: 131, 'ms-dns3': 131, wins2: 132 },
  CCP: { mppe: 18, deflate: 26, 'deflate(old#)': 24, bsd: 21, predictor1: 1, predictor2: 2, lzs: 17, mppc: 18 },
};

const LCP_DROPPED: Readonly<Record<number, string>> = { 1: 'mru', 2: 'asyncmap', 4: 'quality', 5: 'magic', 7: 'headerCompression', 8: 'headerCompression', 13: 'callback', 17: 'multilink', 18: 'multilink', 19: 'multilink', 23: 'multilink' };
const IPCP_DROPPED: Readonly<Record<number, string>> = { 1: 'oldAddresses', 2: 'headerCompression', 129: 'nameServers', 130: 'nameServers', 131: 'nameServers', 132: 'nameServers' };

/** Whether a word is an option's name in pppd's or accel-ppp's dump (`pcomp`, `mru`), of any protocol. */
export const isPppdOptionName = (name: string): boolean => Object.values(PPPD_NAMES).some((names) => Object.hasOwn(names, name));

/**
 * The option's number from one pppd-style option (`asyncmap 0x0`, `auth chap MS-v2`, `deflate(old#) 15`; one pppd does not know
 * is dumped as its bytes in hex, ` 17 04 00 52` by pppd, ` d 3 6 ` by accel-ppp: its first byte is the type, RFC 1661 §6).
 */
export function pppdOptionType(proto: string, option: string): number | undefined {
  const text = option.trim();
  const name = text.split(' ', 1)[0]!;
  const known = PPPD_NAMES[proto]?.[name];
  if (known !== undefined) return known;
  if (option.charCodeAt(0) === 32 && /^[0-9a-f]{1,2}(?: [0-9a-f]{1,2})*$/i.test(text)) return parseInt(name, 16);
  return undefined;
}

/**
 * Option numbers by the names mpd writes under a packet (fsm.c FsmDecodeBuffer: `  ACFCOMP`, `  MAGICNUM 16c02943`, `  SECDNS 0.0.0.0`,
 * `  COMPPROTO VJCOMP, 16 comp. channels, no comp-cid`: the names seen in real mpd 5 logs, test/fixtures/real/SOURCES.md; `QUALPROTO`,
 * `MP MRRU`, `MP SHORTSEQ`, `ENDPOINTDISC`, CCP's `DEFLATE`, `PRED1` and `BSD-COMP` assumed in the same style).
 */
const MPD_NAMES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  LCP: { MRU: 1, ACCMAP: 2, AUTHPROTO: 3, QUALPROTO: 4, MAGICNUM: 5, PROTOCOMP: 7, ACFCOMP: 8, CALLBACK: 13, 'MP MRRU': 17, 'MP SHORTSEQ': 18, ENDPOINTDISC: 19 },
  IPCP: { IPADDRS: 1, COMPPROTO: 2, IPADDR: 3, PRIDNS: 129, PRINBNS: 130, SECDNS: 131, SECNBNS: 132 },
  CCP: { PRED1: 1, PRED2: 2, MPPC: 18, 'BSD-COMP': 21, DEFLATE: 26 },
};

/** The option's number from one mpd option line (`MP MRRU 1600`: its name may be two words), or undefined. */
export function mpdOptionType(proto: string, option: string): number | undefined {
  const names = MPD_NAMES[proto];
  if (!names) return undefined;
  const words = option.split(' ', 2);
  return names[`${words[0]} ${words[1]}`] ?? names[words[0]!];
}

/**
 * The verdict on one rejected option. `value`: the option's value as the dump gives it (an IPCP address; for MPPE its Supported
 * Bits as a number, when known). `refusedHere`: this side sent the Configure-Reject.
 */
export function rejectedOption(proto: string, type: number | undefined, value: { address?: string; mppe?: number }, refusedHere: boolean): RejectedVerdict {
  if (type === undefined) return { kind: 'other' };
  if (proto === 'LCP') {
    if (type === 3) return { kind: 'auth' };
    // (a type LCP does not define is an option the refusing side does not know: left out, as any other dropped one)
    return { kind: 'dropped', words: LCP_DROPPED[type] ?? 'unknown' };
  }
  if (proto === 'IPCP') {
    // the request for an address refused; the PC's own address refused by a server (pppd ipcp.c: it has another for it, or none)
    if (type === 3) return value.address === '0.0.0.0' || refusedHere ? { kind: 'address' } : { kind: 'dropped', words: 'ownAddress' };
    return IPCP_DROPPED[type] ? { kind: 'dropped', words: IPCP_DROPPED[type] } : { kind: 'other' };
  }
  if (proto === 'CCP') {
    if (type !== 18) return { kind: 'dropped', words: 'dataCompression' };
    if (value.mppe === undefined) return { kind: 'other' };
    const b = mppeBits(value.mppe);
    return b.bits40 || b.bits56 || b.bits128 ? { kind: 'encryption' } : { kind: 'other' };
  }
  return { kind: 'other' };
}
