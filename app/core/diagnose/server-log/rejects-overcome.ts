import type { Cause, ServerLogEntry, ServerLogResult } from '../../parse/server-log/types';

/**
 * A Configure-Reject of the authentication method or of MPPE (families/pppd-packet.ts judgeRejected) is a cause only when the link
 * could not do without what was refused. The side that asked then either gives up (pppd auth.c "peer refused to authenticate:
 * terminating link", ccp.c "MPPE required but peer refused": lines with their own cause, which keep the reject as their evidence) or
 * goes on (RFC 1661 §5.4: its next Configure-Request leaves the option out):
 * - it asks for another authentication method (the real case: a pptp client asking `<auth eap>`, refused, then `<auth chap MD5>`);
 * - the other side acknowledges its next request (the same protocol's Configure-Ack, travelling the way the reject did) and nothing
 *   later in the session gives the same cause: the asker did without it.
 * Either way the reject is left out of the findings. With nothing after it (a log cut there, or only the reject logged) it stays.
 */

/** The reject statements this judges, by key: the protocol whose negotiation goes on, and the causes that mean it did not */
interface RejectKind {
  proto: string;
  causes: ReadonlySet<Cause>;
}
const AUTH: RejectKind = { proto: 'LCP', causes: new Set<Cause>(['auth-protocol-mismatch']) };
const ENCRYPTION: RejectKind = { proto: 'CCP', causes: new Set<Cause>(['pc-refused-encryption', 'server-refused-encryption', 'mppe-unavailable']) };
const REJECTS: ReadonlyMap<string, RejectKind> = new Map([
  ['authRejected', AUTH],
  ['rejectAuthHere', AUTH],
  ['rejectEncryptionHere', ENCRYPTION],
  ['rejectEncryptionByOther', ENCRYPTION],
]);

/** How far past a reject its session is looked at (entries; assumed: a negotiation ends in a few dozen packets, a busy server's log interleaves other sessions' lines) */
const LOOKAHEAD = 5000;

const packetOf = (e: ServerLogEntry) => (e.decoded[0]?.key === 'packet' ? e.decoded[0].values : undefined);

const rejectOf = (e: ServerLogEntry) => {
  if (e.cause === undefined || e.session === undefined || e.decoded[0]?.key !== 'packet') return undefined;
  for (const dd of e.decoded) {
    const r = REJECTS.get(dd.key);
    if (r) return r;
  }
  return undefined;
};

export function rejectsOvercome(log: ServerLogResult, drop: Set<ServerLogEntry>): void {
  const rejects: number[] = [];
  for (let i = 0; i < log.entries.length; i++) if (rejectOf(log.entries[i]!)) rejects.push(i);
  for (const i of rejects) {
    const e = log.entries[i]!;
    const r = rejectOf(e)!;
    const dir = packetOf(e)!.dir;
    let wentOn = false;
    for (let j = i + 1; j < Math.min(log.entries.length, i + 1 + LOOKAHEAD); j++) {
      const later = log.entries[j]!;
      if (later.session !== e.session) continue;
      // (the asker gave up after all: that line is the finding, with this reject beside it)
      if (later.cause !== undefined && r.causes.has(later.cause) && !rejectOf(later)) {
        wentOn = false;
        break;
      }
      const p = packetOf(later);
      if (!p || p.proto !== r.proto) continue;
      // another authentication method asked for, by the side whose request was refused (its requests go the other way)
      if (r.proto === 'LCP' && p.code === 'ConfReq' && p.dir !== dir && /(?:^|, )auth /.test(String(p.options ?? ''))) {
        wentOn = true;
        break;
      }
      if (p.code === 'ConfAck' && p.dir === dir) wentOn = true;
    }
    if (wentOn) drop.add(e);
  }
}
