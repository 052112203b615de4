/**
 * Whom a PPP Configure-Reject's statement names, by the side the log is from. ppp-reject.ts and ppp-got-past.ts word a refusal as
 * "this side / the other side"; the family that read the packet passes what it knows of its own side as the statement's `role`
 * (ppp-reject.ts RejectContext.role, pppd.ts for pppd's dump), and the text is chosen here:
 * - `server`: this side is the server, the other side the PC (a server's pppd, pppd-role.ts; accel-ppp; IOS, mpd and RouterOS
 *   answering a dial-in — each family's own default, the one its packet headings already take: "to the PC");
 * - `initiator` (the side that dialled: pppd-role.ts byRole, mpd's client link) or `client` (an IOS router's own dial-out link,
 *   ios-link-side.ts): this side logs in to the server — the other side is the server;
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
]);

/** The text variant of a reject statement for the side its `role` names (`serverLog.decode.<key><suffix>`); '' keeps the base text */
export function rejectTextSuffix(role: unknown): string {
  if (role === 'server') return 'AsServer';
  if (role === 'initiator' || role === 'client') return 'AsInitiator';
  return role === 'site' ? 'AsSite' : '';
}

/** The side values a family passes with its rejects (ppp-reject.ts RejectContext.role) */
export type RejectSide = 'server' | 'initiator' | 'client' | 'site';
