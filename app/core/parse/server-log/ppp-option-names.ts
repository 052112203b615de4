/**
 * A PPP option's number (RFC 1661 §6 Type: LCP's, IPCP's RFC 1332 §3 / RFC 1877, CCP's RFC 1962 §4) from the name a daemon's
 * packet dump gives it: what ppp-reject.ts judges a Configure-Reject by, whichever family wrote the option.
 */

/** Option numbers by the words pppd's and accel-ppp's option dumps print (pppd lcp.c/ipcp.c/ccp.c *_printpkt; accel-ppp ppp_lcp/ipcp/ccp). */
const PPPD_NAMES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  LCP: { mru: 1, asyncmap: 2, auth: 3, quality: 4, magic: 5, pcomp: 7, accomp: 8, callback: 13, mrru: 17, ssnhf: 18, endpoint: 19 },
  IPCP: { addrs: 1, compress: 2, addr: 3, 'ms-dns': 129, 'ms-dns1': 129, dns1: 129, 'ms-wins': 130, wins1: 130, 'ms-dns2': 131, dns2: 131, 'ms-dns3': 131, wins2: 132 },
  CCP: { mppe: 18, deflate: 26, 'deflate(old#)': 24, bsd: 21, predictor1: 1, predictor2: 2, lzs: 17, mppc: 18 },
};

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
 * Option numbers by the names mpd 5 writes under a packet (fsm.c FsmDecodeBuffer writes each option's name from its protocol's
 * table): LCP from lcp.c gLcpConfOpts (`MP MRRU`, `MP SHORTSEQ`, `ENDPOINTDISC`, `QUALPROTO` …), IPCP from ipcp.c gIpcpConfOpts,
 * CCP from ccp.c gCcpTypeNames (`PRED1`, `BSD`, `DEFLATE24` …) — the mpd repository's src/ (Stream-Technologies/mpd on GitHub).
 */
const MPD_NAMES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  LCP: {
    VENDOR: 0, MRU: 1, ACCMAP: 2, AUTHPROTO: 3, QUALPROTO: 4, MAGICNUM: 5, PROTOCOMP: 7, ACFCOMP: 8, FCSALT: 9, SDP: 10, NUMMODE: 11,
    MULTILINK: 12, CALLBACK: 13, 'MP MRRU': 17, 'MP SHORTSEQ': 18, ENDPOINTDISC: 19, BACP: 23,
  },
  IPCP: { IPADDRS: 1, COMPPROTO: 2, IPADDR: 3, PRIDNS: 129, PRINBNS: 130, SECDNS: 131, SECNBNS: 132 },
  CCP: { OUI: 0, PRED1: 1, PRED2: 2, PUDDLE: 3, HWPPC: 16, STAC: 17, MPPC: 18, GAND: 19, V42BIS: 20, BSD: 21, 'LZS-DCP': 23, DEFLATE24: 24, DCE: 25, DEFLATE: 26 },
};

/** Per protocol, mpd's option names of more than one word, the longest first (lcp.c gLcpConfOpts: `MP MRRU`, `MP SHORTSEQ`). */
const MPD_SPACED_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(MPD_NAMES).map(([proto, names]) => [proto, Object.keys(names).filter((n) => n.includes(' ')).sort((a, b) => b.length - a.length)]),
);

/**
 * One mpd option line read into its name and value (`MP MRRU 1600` → `MP MRRU`, `1600`; `MP SHORTSEQ` → `MP SHORTSEQ`, ``;
 * `MRU 1500` → `MRU`, `1500`): a name of the protocol's table that is more than one word is taken first, the longest first; else the
 * first word is the name (as mpd writes every other: fsm.c FsmDecodeBuffer, the table's name then its value after a blank).
 */
export function mpdOptionParts(proto: string, option: string): { name: string; value: string } {
  for (const name of MPD_SPACED_NAMES[proto] ?? []) {
    if (option.startsWith(name) && (option.length === name.length || option.charCodeAt(name.length) === 32)) return { name, value: option.slice(name.length + 1) };
  }
  const blank = option.indexOf(' ');
  return blank < 0 ? { name: option, value: '' } : { name: option.slice(0, blank), value: option.slice(blank + 1) };
}

/**
 * The option's number from one mpd option line (`MP MRRU 1600`: its name may be two words), or undefined. An option mpd has no
 * name for it writes as `UNKNOWN[<type>]` (ipcp.c IpcpDecodeConfig ` UNKNOWN[%d] len=%d`, ccp.c CcpTypeName).
 */
export function mpdOptionType(proto: string, option: string): number | undefined {
  const names = MPD_NAMES[proto];
  if (!names) return undefined;
  const unknown = /^UNKNOWN\[(\d{1,3})\]/.exec(option);
  if (unknown) return Number(unknown[1]);
  return names[mpdOptionParts(proto, option).name];
}
