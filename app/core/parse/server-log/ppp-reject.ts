import { mppeBits } from './codes/ppp';
import { d, type Hit } from './kit';
import type { RejectSide } from './ppp-reject-side';
import type { Cause } from './types';

/**
 * What a Configure-Reject of one option means for the link, by the option (not by the packet), and how it is said: one verdict
 * for every PPP family (pppd and accel-ppp dumps, families/pppd-packet.ts; RouterOS packet debug, mikrotik-debug.ts; Cisco IOS
 * option lines, ios-nak.ts; mpd option lines, mpd.ts), each passing only the options it parsed and who refused them.
 *
 * A Configure-Reject says the option is "not recognizable or not acceptable for negotiation", and the side that asked MUST leave
 * it out of its next Configure-Request (RFC 1661 §5.4). For most options that is all: PPP has a default for each and goes on
 * without it. For a few the link cannot do without what was refused:
 * - LCP Authentication-Protocol (type 3): the side that asks demands the other side prove who it is with that method; refused,
 *   the asking side must offer another or give up (pppd auth.c: "peer refused to authenticate: terminating link"; RFC 1661
 *   §6.2 — a peer that will not authenticate rejects the option);
 * - CCP option 18, MPPE (RFC 3078 §2.1): refused, there is no encryption; a side that requires it closes the link (pppd ccp.c
 *   "MPPE required but peer refused"; Windows' "Require encryption", error 742). An MPPE option that names no key length
 *   (no 40-, 56- or 128-bit bit: RFC 3078 §2.1 Supported Bits) asks for MPPC compression only (RFC 2118), and its refusal
 *   is a compression method dropped;
 * - IPCP IP-Address (type 3) with 0.0.0.0, the request for an address (RFC 1332 §3.3): refused, the asking side gets none (pppd
 *   ipcp.c ipcp_reqci rejects it when "neither we nor he knows his address": none from its options, chap-secrets or a pool).
 * These are causes (the got-past pass, ppp-got-past.ts, takes the cause back when the asker went on without it) — except on a
 * router's own link where it logs in to a server (`ownLink`: Cisco IOS's dial-out, mpd's pfSense/OPNsense WAN client): no PC is
 * involved there, the reject is a warning.
 *
 * The options PPP simply drops (RFC 1661 §6: each has a default the link falls back to): LCP MRU (1500), ACCM/asyncmap (all
 * control characters mapped), Quality-Protocol, Magic-Number (no loop detection), PFC and ACFC (full headers), Callback (RFC 1570
 * §2.3), the multilink options MRRU, short sequence numbers, endpoint discriminator (RFC 1990 §5.1) and link discriminator (RFC
 * 2125 §5.1); IPCP IP-Compression (Van Jacobson, RFC 1332 §3.2), the old IP-Addresses option (§3.1) and the DNS/NBNS addresses
 * (RFC 1877 §1); CCP's compression methods other than MPPE (Deflate RFC 1979, BSD-Compress RFC 1977, Predictor RFC 1978, Stac
 * RFC 1974: compression is optional, RFC 1962, CCP opens with what both take, or with nothing). Said in plain words, info.
 *
 * Any other option (a protocol or a type this table does not know): said as refused, info — a Configure-Reject is a normal step of
 * the negotiation (RFC 1661 §5.4); when the asker cannot do without it, its own later lines (an NCP that never opens, a
 * Terminate-Request) carry the failure.
 */

export type RejectedKind = 'auth' | 'encryption' | 'address' | 'dropped' | 'other';

export interface RejectedVerdict {
  kind: RejectedKind;
  /** for a dropped option, the key of its plain words (serverLog.pppOptionWords.<words>) */
  words?: string;
}

const LCP_DROPPED: Readonly<Record<number, string>> = { 1: 'mru', 2: 'asyncmap', 4: 'quality', 5: 'magic', 7: 'headerCompression', 8: 'headerCompression', 13: 'callback', 17: 'multilink', 18: 'multilink', 19: 'multilink', 23: 'multilink' };
const IPCP_DROPPED: Readonly<Record<number, string>> = { 1: 'oldAddresses', 2: 'headerCompression', 129: 'nameServers', 130: 'nameServers', 131: 'nameServers', 132: 'nameServers' };

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
    return b.bits40 || b.bits56 || b.bits128 ? { kind: 'encryption' } : { kind: 'dropped', words: 'dataCompression' };
  }
  return { kind: 'other' };
}

/** One option of a Configure-Reject, as its family parsed it. */
export interface RejectedOption {
  /** the option as the dump writes it, for the statement (`mrru 1614`, `Callback CBCP`, `MP MRRU 1600`) */
  text: string;
  /** its number (RFC 1661 §6 Type; ppp-option-names.ts), when the family knows its name */
  type: number | undefined;
  /** its value without the name: the sign-in method (`chap MS-v2`), the address (`0.0.0.0`) */
  value?: string;
  /** CCP option 18: its Supported Bits (RFC 3078 §2.1), when known */
  mppe?: number;
}

export interface RejectContext {
  /** this side sent the Configure-Reject (pppd `sent`, IOS `O`, mpd `Send…`) */
  refusedHere: boolean;
  /** a router's own link where it logs in to a server: no PC involved, a refusal there is a warning without a cause */
  ownLink?: boolean;
  /**
   * The side this log is from, as the family knows it (ppp-reject-side.ts): `server` (the other side is the PC), `initiator` or
   * `client` (this side dialled: the other side is the server), `site` (two routers); none when the family cannot tell. Every
   * statement of the reject carries it, and the got-past pass keeps it (ppp-got-past.ts).
   */
  role?: RejectSide;
}

const RANK = { info: 0, success: 0, warning: 1, failure: 2 } as const;
const raise = (hit: Hit, outcome: 'warning' | 'failure'): void => {
  if (RANK[hit.outcome as keyof typeof RANK] < RANK[outcome]) hit.outcome = outcome;
};

/** The cause of a refusal the link cannot do without: encryption by who refused (the PC's on a server's log; log-side.ts words it for a client's) */
const causeOf = (kind: RejectedKind, here: boolean): Cause | undefined =>
  kind === 'auth' ? 'auth-protocol-mismatch' : kind === 'encryption' ? (here ? 'server-refused-encryption' : 'pc-refused-encryption') : kind === 'address' ? 'address-pool' : undefined;

/**
 * A Configure-Reject's options judged and said, onto the hit of the line that carries them: the dropped ones in plain words, one
 * statement per kind of option; the sign-in method, MPPE with a key length and the request for an address as causes (see above);
 * any other as refused.
 */
export function judgeRejects(hit: Hit, proto: string, options: readonly RejectedOption[], ctx: RejectContext): void {
  const here = ctx.refusedHere;
  const side = here ? 'Here' : 'ByOther';
  const dropped = new Map<string, string[]>();
  const role: Record<string, string> = ctx.role !== undefined ? { role: ctx.role } : {};
  for (const o of options) {
    const v = rejectedOption(proto, o.type, { ...(o.value !== undefined ? { address: o.value } : {}), ...(o.mppe !== undefined ? { mppe: o.mppe } : {}) }, here);
    if (v.kind === 'dropped') {
      dropped.set(v.words!, [...(dropped.get(v.words!) ?? []), o.text]);
      continue;
    }
    if (v.kind === 'other') {
      hit.decoded.push(d(`rejectOther${side}`, { option: o.text, ...role }));
      continue;
    }
    if (v.kind === 'auth') hit.decoded.push(d(`rejectAuth${side}`, { option: o.value ?? o.text, ...role }));
    else if (v.kind === 'encryption') hit.decoded.push(d(`rejectEncryption${side}`, { option: o.text, mppe: o.mppe!, ...role }));
    else hit.decoded.push(d(`ipcpAddressRefused${side}`, { address: o.value ?? '', ...role }));
    if (ctx.ownLink) {
      raise(hit, 'warning');
      continue;
    }
    raise(hit, 'failure');
    hit.cause = causeOf(v.kind, here);
  }
  for (const [words, list] of dropped) hit.decoded.push(d(`rejectDropped${side}`, { option: list.join(', '), words, ...role }));
}
