import type { Cause, Decoded, ServerLogEntry } from './types';

/**
 * A Configure-Reject of the authentication method or of MPPE (ppp-reject.ts) is a cause only when the link could not do without
 * what was refused. The side that asked then either gives up (pppd auth.c "peer refused to authenticate: terminating link", ccp.c
 * "MPPE required but peer refused": lines with their own cause, which keep the reject beside them) or goes on — RFC 1661 §5.4: its
 * next Configure-Request leaves the rejected option out:
 * - it asks for another authentication method (a real pptp client asking `<auth eap>`, refused, then `<auth chap MD5>`);
 * - the other side acknowledges its next request (the same protocol's Configure-Ack, travelling the way the reject did) and nothing
 *   later in the session gives the same cause: the asker did without it.
 * Either way the reject's line is no failure: it keeps no cause, and is worded as what happened (the next method asked; or the link
 * going on without the other side proving who it is, or unencrypted: a warning). With nothing after it (a log cut there, or only the
 * reject logged) it stays as it was. A reject on a router's own link (no cause, a warning: ios-nak.ts) is worded the same way.
 *
 * Decided once the whole log is read (ServerLogParser.end), over the kept entries, by structure: the packets' protocol, code and
 * direction — pppd's and accel-ppp's dumps carry their options in the packet's statement; Cisco IOS `debug ppp negotiation`,
 * RouterOS's packet debug and mpd write them one a line under the packet (`Vi1 LCP:    AuthProto CHAP (0x0305C22305)`, `<auth chap>`,
 * `[L-1]   AUTHPROTO CHAP MSOFTv2`).
 */

interface RejectKind {
  proto: string;
  /** the authentication method (LCP): the asker may go on with another one (`…Next`) */
  auth: boolean;
  /** what the reject's statement becomes (with who refused and how the asker went on): `rejectAuth…`, `rejectEncryption…`, `rejectAddress…` */
  stem: string;
  causes: ReadonlySet<Cause>;
}
const AUTH: RejectKind = { proto: 'LCP', auth: true, stem: 'rejectAuth', causes: new Set<Cause>(['auth-protocol-mismatch']) };
const ENCRYPTION: RejectKind = { proto: 'CCP', auth: false, stem: 'rejectEncryption', causes: new Set<Cause>(['pc-refused-encryption', 'server-refused-encryption', 'mppe-unavailable']) };
/**
 * IPCP's IP-Address refused (RFC 1332 §3.3): the asker may ask again without it (RFC 1661 §5.4) and be acknowledged — it goes on
 * with an address of its own, not one given (a PPPoE or 3G client with a fixed address, a router's link): then the reject was no
 * empty pool. Without that Ack (a Windows PC asks for 0.0.0.0 again and again) it stays the cause.
 */
const ADDRESS: RejectKind = { proto: 'IPCP', auth: false, stem: 'rejectAddress', causes: new Set<Cause>(['address-pool']) };
/** The reject statements judged here: whether this side refused (`here`) or the other side */
const REJECTS: ReadonlyMap<string, { kind: RejectKind; here: boolean }> = new Map([
  ['rejectAuthByOther', { kind: AUTH, here: false }],
  ['rejectAuthHere', { kind: AUTH, here: true }],
  ['rejectEncryptionHere', { kind: ENCRYPTION, here: true }],
  ['rejectEncryptionByOther', { kind: ENCRYPTION, here: false }],
  // (ppp-reject.ts words every family's reject of the address so)
  ['ipcpAddressRefusedHere', { kind: ADDRESS, here: true }],
  ['ipcpAddressRefusedByOther', { kind: ADDRESS, here: false }],
]);
const hasReject = (e: ServerLogEntry): boolean => e.outcome !== 'info' && e.outcome !== 'success' && e.decoded.some((dd) => REJECTS.has(dd.key));

/** How far past a reject its link is looked at (entries; assumed: a negotiation ends in a few dozen packets, a busy server's log interleaves other sessions' lines) */
const LOOKAHEAD = 5000;

/** pppd's and RouterOS's code names and Cisco IOS's (codes/ppp.ts PPP_CODES) */
const REQUEST = new Set(['ConfReq', 'Configure-Request']);
const ACK = new Set(['ConfAck', 'Configure-Ack']);

interface Packet {
  proto: string;
  code: string;
  dir: string;
}

/**
 * a PPP packet's statement: pppd/accel-ppp/RouterOS (families/pppd-packet.ts) and IOS (families/ios.ts) both say `packet`; Windows'
 * ppp.log (families/ppp-log.ts) says a Configure-* packet by its code and who sent it, with the same values
 */
const PACKET_KEYS: ReadonlySet<string> = new Set(['packet', 'step.pppLogRequestSent', 'step.pppLogRequestReceived', 'step.pppLogAckSent', 'step.pppLogAckReceived', 'step.pppLogRejectSent', 'step.pppLogRejectReceived', 'step.pppLogNakSent', 'step.pppLogNakReceived']);
const packetOf = (e: ServerLogEntry): Packet | undefined => {
  const v = PACKET_KEYS.has(e.decoded[0]?.key ?? '') ? e.decoded[0]!.values : undefined;
  return v && typeof v.proto === 'string' && typeof v.dir === 'string' ? { proto: v.proto, code: String(v.code), dir: v.dir } : undefined;
};

/** An option line under a packet: IOS's (`option`, its text `Authentication-Protocol CHAP (MD5)`), RouterOS's (`<auth chap>`), mpd's (`AUTHPROTO CHAP MD5`) */
const OPTION_LINES = new Set(['option', 'step.mtPppOption', 'step.mpdOption']);
const optionLineOf = (e: ServerLogEntry): string | undefined => {
  const dd = e.decoded[0];
  return dd && OPTION_LINES.has(dd.key) ? String(dd.values?.option ?? '') : undefined;
};

/** The authentication method a Configure-Request's option names, in the words of the dump: pppd `auth chap MD5`, IOS `Authentication-Protocol …`, mpd `AUTHPROTO …` */
function authMethodIn(options: string): string | undefined {
  for (const o of options.split(', ')) {
    if (o.startsWith('auth ')) return o.slice(5);
    if (o.startsWith('Authentication-Protocol ')) return o.slice(24);
    if (o.startsWith('AUTHPROTO ')) return o.slice(10);
  }
  return undefined;
}

/** the link an entry's packet belongs to: the session (pppd's pid, IOS's interface) and the peer RouterOS tags it with */
const linkOf = (e: ServerLogEntry) => `${e.session ?? ''}\u0000${e.peer ?? ''}`;

interface Reject {
  at: number;
  statement: Decoded;
  kind: RejectKind;
  here: boolean;
  /** the packet the reject is (pppd) or the option line is under (IOS, RouterOS) */
  packet: Packet;
}

/** Revises, in place, the rejects whose asker went on (see above). The entries in line order; cheap when none has a judged cause. */
export function settleRejectsGotPast(entries: ServerLogEntry[]): void {
  if (!entries.some(hasReject)) return;
  // the packet each link's option lines are under, as the entries go (RouterOS tags the packet line with the peer, not the option
  // lines under it: an option line no packet of its own link is before belongs to the packet just before it)
  const current = new Map<string, { packet: Packet; link: string }>();
  let last: { packet: Packet; link: string } | undefined;
  const rejects: Reject[] = [];
  const at: ({ packet: Packet; link: string } | undefined)[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const own = packetOf(e);
    if (own) current.set(linkOf(e), (last = { packet: own, link: linkOf(e) }));
    const under = own ? last : optionLineOf(e) !== undefined ? (current.get(linkOf(e)) ?? last) : undefined;
    at.push(under);
    const packet = under?.packet;
    if (!packet || (packet.code !== 'ConfRej' && packet.code !== 'Configure-Reject')) continue;
    for (const dd of e.decoded) {
      const r = REJECTS.get(dd.key);
      // (with the cause the reject gave, or none: a router's own link, ios-nak.ts judgeRejectedOption, words it as a warning)
      if (r && (e.cause === undefined || r.kind.causes.has(e.cause)) && r.kind.proto === packet.proto) rejects.push({ at: i, statement: dd, kind: r.kind, here: r.here, packet });
    }
  }
  for (const r of rejects) wentOn(entries, at, r);
}

function wentOn(entries: ServerLogEntry[], at: readonly ({ packet: Packet; link: string } | undefined)[], r: Reject): void {
  const e = entries[r.at]!;
  const link = at[r.at]!.link;
  let acked = false;
  let next: string | undefined;
  for (let j = r.at + 1; j < Math.min(entries.length, r.at + 1 + LOOKAHEAD); j++) {
    const later = entries[j]!;
    const under = at[j];
    if ((under?.link ?? linkOf(later)) !== link) continue;
    // (the asker gave up after all: that line is the finding, with this reject beside it)
    if (later.cause !== undefined && r.kind.causes.has(later.cause) && !later.decoded.some((dd) => REJECTS.has(dd.key))) return;
    const p = under?.packet;
    if (!p || p.proto !== r.packet.proto) continue;
    // another authentication method asked for, by the side whose request was refused (its requests go the other way)
    if (r.kind.auth && REQUEST.has(p.code) && p.dir !== r.packet.dir) {
      const options = optionLineOf(later) ?? String(later.decoded[0]?.values?.options ?? '');
      next = authMethodIn(options);
      if (next !== undefined) break;
    }
    if (ACK.has(p.code) && p.dir === r.packet.dir && optionLineOf(later) === undefined) acked = true;
  }
  if (next === undefined && !acked) return;
  const side = r.here ? 'Here' : 'ByOther';
  const option = String(r.statement.values?.option ?? r.statement.values?.options ?? r.statement.values?.address ?? '');
  r.statement.key = `${r.kind.stem}${side}${next !== undefined ? 'Next' : 'Without'}`;
  r.statement.values = { ...r.statement.values, option, ...(next !== undefined ? { next } : {}) };
  // (another method asked: a normal step; the link going on without the sign-in, the encryption or the address asked for: a warning)
  e.outcome = next !== undefined ? 'info' : 'warning';
  delete e.cause;
}
