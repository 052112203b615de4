/**
 * Whom a PPP Configure-Reject's statement names, by the side the log is from. ppp-reject.ts and ppp-got-past.ts word a refusal as
 * "this side / the other side"; the family that read the packet passes what it knows of its own side as the statement's `role`
 * (ppp-reject.ts RejectContext.role, pppd.ts for pppd's dump), and the text is chosen here:
 * - `server`: this side is the server, the other side the PC (a server's pppd, pppd-role.ts; accel-ppp; IOS, mpd and RouterOS
 *   answering a dial-in — each family's own default, the one its packet headings already take: "to the PC");
 * - `initiator` (the side that dialled: pppd-role.ts byRole, mpd's client link) or `client` (an IOS router's own dial-out link,
 *   ios-link-side.ts): this side logs in to the server — the other side is the server;
 * - `pc`: a Windows PC's own RAS trace (ppp.log whose packets say it logs in, a RASMAN trace that dialled a phone-book entry:
 *   families/ppp-log.ts, rasman.ts) — worded as the side that dialled (`initiator`'s texts); its findings keep the PC's own advice
 *   (diagnose/server-log/log-side.ts), not a Linux or router client's;
 * - `site`: a router in a tunnel with another router — the two routers;
 * - none: the side is not known (a family that cannot tell), the base text keeps "this side / the other side".
 */

/** The statements of a Configure-Reject (ppp-reject.ts) and of what the asker did after it (ppp-got-past.ts); a Protocol-Reject's */
export const REJECT_STATEMENTS: ReadonlySet<string> = new Set([
  'rejectDroppedHere',
  'rejectDroppedByOther',
  'rejectOtherHere',
  'rejectOtherByOther',
  'rejectAuthHere',
  'rejectAuthByOther',
  'rejectEncryptionHere',
  'rejectEncryptionByOther',
  'ipcpAddressRefusedHere',
  'ipcpAddressRefusedByOther',
  'rejectAuthHereNext',
  'rejectAuthByOtherNext',
  'rejectAuthHereWithout',
  'rejectAuthByOtherWithout',
  'rejectEncryptionHereWithout',
  'rejectEncryptionByOtherWithout',
  'rejectAddressHereWithout',
  'rejectAddressByOtherWithout',
  // an LCP Protocol-Reject of a protocol the refusing side does not run (pppd-packet.ts protocolRejected)
  'protRejSent',
  'protRejByOther',
  // mpd's (lcp.c LcpRecvProtoRej: the other side does not run a protocol this side started)
  'step.mpdProtoRejected',
  // Windows' ppp.log's own packet statements (families/ppp-log.ts: who proposes, accepts, asks other values of, refuses what)
  'step.pppLogRequestSent',
  'step.pppLogRequestReceived',
  'step.pppLogAckSent',
  'step.pppLogAckReceived',
  'step.pppLogNakSent',
  'step.pppLogNakReceived',
  'step.pppLogRejectSent',
  'step.pppLogRejectReceived',
]);

/** The text variant of a reject statement for the side its `role` names (`serverLog.decode.<key><suffix>`); '' keeps the base text */
export function rejectTextSuffix(role: unknown): string {
  if (role === 'server') return 'AsServer';
  if (role === 'initiator' || role === 'client' || role === 'pc') return 'AsInitiator';
  return role === 'site' ? 'AsSite' : '';
}

/** The side values a family passes with its rejects (ppp-reject.ts RejectContext.role) */
export type RejectSide = 'server' | 'initiator' | 'client' | 'pc' | 'site';
