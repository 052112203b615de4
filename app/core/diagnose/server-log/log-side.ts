import type { Cause, ServerLogEntry } from '../../parse/server-log/types';

/**
 * Which side a server-log entry was written on — the server a PC connected to, the side that started the connection (a
 * Linux, Android or router client: the other side is the responder), or a router in a tunnel with another router (site-to-site)
 * — and so whose settings a cause's title and advice name (findings.ts).
 */

/** Causes only a log from the side that initiated shows: its other side is the peer that answers (the responder), and the log is not a server's. */
const INITIATOR_CAUSES: ReadonlySet<Cause> = new Set(['ike-responder-unreachable', 'pptp-server-unreachable']);

/** The entry is from the side that initiated: its cause says so, or its statements were worded by that role (strongswan.ts asInitiator). */
export const fromInitiator = (e: ServerLogEntry): boolean => INITIATOR_CAUSES.has(e.cause!) || e.decoded.some((dd) => dd.values?.role === 'initiator');

/**
 * Causes either side's log may show, whose title and advice name the PC and the server: for the side that initiated they are
 * worded under serverLog.causeAsInitiator (the other side is the responder; nothing on the PC is involved).
 */
// (address-pool: an initiator's INTERNAL_ADDRESS_FAILURE is the other side refusing this side an address, not this side's pool)
// (no-ppp-frames: a PPTP client's LCP time-out is the server's GRE not coming back to it)
// (certificate-missing: an initiator's own certificate or key, libreswan-initiator.ts plutoNoOwnKey)
// (mppe-unavailable: a PPTP/L2TP client's pppd could not agree MPPE with the server, or has none itself — pppd ccp.c on either side)
// (credentials-rejected: a PPTP/L2TP client's pppd got the server's CHAP/MS-CHAP Failure — its own configured secret, no PC's;
// pc-refused-encryption / server-refused-encryption: on a client's log the peer refusing MPPE is the server, this side's refusal its own)
// (auth-protocol-mismatch: a PPP client's pppd and the server have no authentication method in common — pppd-role.ts tells the side from
// the packets; a client requiring the server to authenticate, the 3G modem's `peer refused to authenticate`, is this side's setting)
const CAUSES_BY_ROLE: ReadonlySet<Cause> = new Set(['auth-protocol-mismatch', 'ike-auth-failed', 'ike-no-proposal', 'address-pool', 'no-ppp-frames', 'certificate-missing', 'mppe-unavailable', 'ppp-setup-failed', 'credentials-rejected', 'pc-refused-encryption', 'server-refused-encryption']);
/**
 * The entry is from a router that answered another router (a site-to-site tunnel: its statements were worded so,
 * strongswan-site.ts): causes of SITE_CAUSES are worded under serverLog.causeAsSite (no PC is involved either).
 */
const fromSite = (e: ServerLogEntry): boolean => e.decoded.some((dd) => dd.values?.role === 'site');
// (the IKE causes whose advice names the PC: between two routers each is the two routers' settings or the path between them, and the
// other router's administrator is the one to ask — ike-no-tunnel-group's an ASA's L2L tunnel group, named by the peer's address)
const SITE_CAUSES: ReadonlySet<Cause> = new Set(['ike-auth-failed', 'ike-no-proposal', 'ike-no-mi3', 'ike-auth-never-came', 'ike-init-unanswered', 'ike-no-tunnel-group']);
/**
 * The entry is from a Windows PC's own RAS trace (role 'pc': a RASMAN trace that dialled a phone-book entry, a ppp.log whose packets
 * say it logs in — parse/server-log/families/rasman.ts, ppp-log.ts): its causes keep serverLog.cause's wording, which is the Windows
 * PC's own advice (the VPN connection's settings), not causeAsInitiator's pppd options; only what the log is is said so (pcSays).
 */
export const fromPc = (e: ServerLogEntry): boolean => e.decoded.some((dd) => dd.values?.role === 'pc');
/** The VPN connection (phone-book entry) the PC's own RASMAN trace dialled, when the entry carries it (rasman.ts, ppp-log.ts pcFailureValues) */
export const pcEntryOf = (e: ServerLogEntry): string | undefined => {
  const entry = e.decoded.find((dd) => dd.values?.role === 'pc' && typeof dd.values.entry === 'string')?.values?.entry;
  return typeof entry === 'string' && entry ? entry : undefined;
};
// (ras-error: the error the PC's own trace set, not "the server logged": the PC's findings are where it is explained)
const PC_CAUSES: ReadonlySet<Cause> = new Set(['ras-error']);
export type Side = 'initiator' | 'site' | 'server' | 'pc';
export const sideOf = (e: ServerLogEntry): Side => (fromInitiator(e) ? 'initiator' : fromSite(e) ? 'site' : fromPc(e) ? 'pc' : 'server');
export const causeKey = (c: Cause, side: Side): string =>
  side === 'initiator' && CAUSES_BY_ROLE.has(c) ? `serverLog.causeAsInitiator.${c}` : side === 'site' && SITE_CAUSES.has(c) ? `serverLog.causeAsSite.${c}` : side === 'pc' && PC_CAUSES.has(c) ? `serverLog.causeAsPc.${c}` : `serverLog.cause.${c}`;

