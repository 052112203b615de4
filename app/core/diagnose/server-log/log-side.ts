import { INITIATOR_WORDED, SITE_WORDED } from '../../parse/server-log/describe';
import type { Cause, LogFamily, ServerLogEntry } from '../../parse/server-log/types';
import { isWanLink } from '../../parse/server-log/families/mpd';

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
// (traffic-selector-mismatch: the responder refused the networks this side asked for — its own policy's networks, not a PC's)
const CAUSES_BY_ROLE: ReadonlySet<Cause> = new Set(['auth-protocol-mismatch', 'ike-auth-failed', 'ike-no-proposal', 'traffic-selector-mismatch', 'address-pool', 'no-ppp-frames', 'certificate-missing', 'mppe-unavailable', 'ppp-setup-failed', 'credentials-rejected', 'pc-refused-encryption', 'server-refused-encryption']);
/**
 * The entry is from a router that answered another router (a site-to-site tunnel: its statements were worded so,
 * strongswan-site.ts): causes of SITE_CAUSES are worded under serverLog.causeAsSite (no PC is involved either).
 */
const fromSite = (e: ServerLogEntry): boolean => e.decoded.some((dd) => dd.values?.role === 'site');
// (the IKE causes whose advice names the PC: between two routers each is the two routers' settings or the path between them, and the
// other router's administrator is the one to ask — ike-no-tunnel-group's an ASA's L2L tunnel group, named by the peer's address)
// (traffic-selector-mismatch between two routers: each one's local networks must be the other's remote ones)
// (auth-protocol-mismatch, credentials-rejected: a Windows RRAS server's own demand-dial call to another router, RemoteAccess 20111 —
// the other router refusing to authenticate itself with the method configured, 919, or refusing this router's user name and password)
// (address-pool, pc-refused-encryption, server-refused-encryption: the same demand-dial call's 738 / 742 / 741, causeOfRasCode — the link
// between the two routers got no address, or the two did not agree on MPPE: no PC's IPv4 or Data encryption setting is involved)
const SITE_CAUSES: ReadonlySet<Cause> = new Set(['auth-protocol-mismatch', 'credentials-rejected', 'ike-auth-failed', 'ike-no-proposal', 'traffic-selector-mismatch', 'ike-no-mi3', 'ike-auth-never-came', 'ike-init-unanswered', 'ike-no-tunnel-group', 'address-pool', 'pc-refused-encryption', 'server-refused-encryption']);
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

/**
 * Whose log a whole log is, when its lines say it is not a server's (the report's `writtenBy`, the "No cause found in this log
 * (…)" line, the app's paste box): a router's, a PC's or another client's own log as the side that dials, or a router's in a
 * tunnel with another router. Read from what the families already decided per statement — a statement worded for the side that
 * dialled (`role: 'initiator'`, IOS's `role: 'client'` for a link where the router logs in: ios-link-side.ts) or for a site — and
 * from the statements that would have been so worded but were not (INITIATOR_WORDED / SITE_WORDED without a role: the family
 * judged the line a server's). Any such server statement, or both a dialling and a site statement, and the log says nothing
 * (undefined): a gateway that answers PCs and dials out as well is still a server, and its report keeps "the server log".
 */
export type WrittenBy = 'dialling-router' | 'dialling-pc' | 'dialling-side' | 'site-router';
export const WRITTEN_BY: readonly WrittenBy[] = ['dialling-router', 'dialling-pc', 'dialling-side', 'site-router'];
/** Families whose every log is a network device's (a router, firewall or concentrator): its dialling is the device's own link. */
const ROUTER_FAMILIES: ReadonlySet<LogFamily> = new Set(['ios', 'mikrotik', 'junos', 'draytek', 'sonicwall', 'fortigate', 'asa', 'vpn3000', 'sophos', 'sfos', 'zyxel']);
// (rasman: Windows RAS tracing — rasman.log / ppp.log — written on the Windows machine that dials, a PC; an RRAS server's own
// traces are judged its by their packets: ppp-log.ts, rasman.ts DIALLER. pppd, strongSwan, Libreswan: a Linux PC, a 3G modem or a
// router alike, so only "the dialling side")
/**
 * Statements only the side that dials writes, though no wording of theirs needs a role: each says by itself that the log is that
 * side's own.
 */
const DIALLING_STATEMENTS: ReadonlySet<string> = new Set([
  // PPPoE discovery as the host (pppoe-client.ts, rp-pppoe discovery.c; ios-pppoe-client.ts, IOS debug vpdn pppoe-events): the host broadcasts PADI and waits for a PADO, asks with PADR
  // and is given the session in a PADS (RFC 2516 §5.1–§5.3); an access concentrator logs none of these
  'pppoeNoPado', 'pppoeNoPads', 'pppoeDiscoveryFailed', 'pppoeAcError', 'step.pppoeServiceGranted', 'step.pppoeSession', 'step.pppoeConnected',
  'step.pppoePadi', 'step.pppoePado', 'step.pppoePadr', 'step.pppoePads', 'step.pppoePadsConfirmed',
  // xl2tpd dialling out as a LAC (l2tp_call.c lac_connect / lac_call, control.c control_finish's SCCRQ, SCCCN, ICRQ and ICCN:
  // xl2tpd.ts SENDS_STEPS; the tunnel and call set up in its SCCRP and ICRP cases, the other side having answered this one)
  'step.l2tpLacConnects', 'step.l2tpLacCalls', 'step.l2tpSendsSccrq', 'step.l2tpSendsIcrq', 'step.l2tpSendsScccn', 'step.l2tpSendsIccn', 'step.l2tpTunnelUpAsLac', 'step.l2tpCallUpAsLac',
  // a RouterOS client interface dialling, its own log-in refused, its server silent (mikrotik.ts ownLinkKey), its OpenVPN client's TLS
  'mtClientDialing', 'mtClientDialingPppoe', 'step.mtClientDialing', 'step.mtClientDialingPppoe', 'mtOwnAuthFailed', 'mtOwnAuthFailedPppoe', 'mtServerNotResponding', 'mtServerNotRespondingPppoe', 'mtOwnTlsFailed',
  // Cisco IOS on a link where it logs in itself (ios-link-side.ts: `PPP: sendauth`, its own name and password, the server's refusal)
  'step.iosSendauthFailed', 'step.iosNoOwnCredentials', 'iosOwnLoginRefused', 'iosOwnLoginDisc', 'step.iosLinkClient',
  // mpd as the client of its link (mpd.ts: the other side asks this side to log in; PPPoE discovery unanswered)
  'step.mpdOwnAuthAsked', 'step.mpdPppoeTimeout', 'step.pppOwnLoginOk', 'step.mpdPppoeConnecting', 'step.mpdPppoeAcName',
  // a RASMAN trace that opened a phone-book entry and dialled its number (rasman.ts DIALLER: RasDial, on the side that connects)
  'step.rasEntry', 'step.rasServer',
]);
// Logs that say nothing, and why (no structural sign in what their lines hold):
// - RouterOS IPsec (mikrotik.ts): its logged lines name the two gateways' addresses and IKE identities (`identity not found for responder:
//   ADDR4:… peer: ADDR4:…`, `ID_I (ADDR4)`), never the policy's networks — `processing payload: TS_I` and `TS_UNACCEPTABLE` carry none —
//   and a PC's IKE identity is an address too; the networks are in `/ip ipsec policy print`, no log line (the real RouterOS IPsec logs
//   of test/fixtures/real/server-logs/routeros*). Two networks would be a site sign, as IOS's idents are (ios-show-ipsec-sa.ts).
// - a firewall's packet log alone dropping GRE (netfilter-log.ts, windows-firewall-log.ts, filterlog.ts): a PPTP client and a PPTP server
//   each receive the other's GRE (RFC 2637 §4) and send their own, so an inbound or outbound GRE drop fits either end; with the client's
//   pppd or pptp lines beside it the log is the client's (client-firewall-gre.test.ts).
/**
 * A Windows RRAS server's statements about calls it answered (remote-access-events.ts, rras.ts): each says the log is a server's, so
 * a server that also dials another router on a demand-dial interface (20111, `role: 'site'`) is still read as the server it is (KB
 * Q172290 quotes its PPP-module and initial-data events beside its demand-dial one).
 */
const ANSWERING_STATEMENTS: ReadonlySet<string> = new Set(
  ['EventAuthFailed', 'EventAuthTimeout', 'EventNoProtocols', 'EventPppError', 'EventPppErrorUnknown', 'EventAccountRefused', 'EventEncryptionRequired', 'EventNoAddress', 'EventLoggedOn', 'EventSessionEnded', 'EventSessionEndedTunnel', 'EventAddressAssigned', 'EventLicenseLimit', 'EventNoInitialData', 'EventNoInitialDataUnknown'].flatMap((k) => [`rras${k}`, `ras${k}`]).concat(['rrasAuthFailed', 'rrasPppError']),
);
type EntrySide = 'dialling' | 'site' | 'server' | undefined;
function entrySide(e: ServerLogEntry): EntrySide {
  if (INITIATOR_CAUSES.has(e.cause!)) return 'dialling';
  let said: EntrySide;
  for (const dd of e.decoded) {
    const role = dd.values?.role;
    // (`pc`: a Windows PC's own RAS trace, ppp-log.ts / rasman.ts)
    if (role === 'initiator' || role === 'client' || role === 'pc') return 'dialling';
    if (role === 'site') return 'site';
    if (DIALLING_STATEMENTS.has(dd.key)) return 'dialling';
    if (role === undefined && (INITIATOR_WORDED.has(dd.key) || SITE_WORDED.has(dd.key) || ANSWERING_STATEMENTS.has(dd.key))) said = 'server';
  }
  return said;
}
/** each parsed log's answer (its entries are final once read): the report and the findings both ask (report.ts, findings.ts serverDrafts) */
const writtenByOf = new WeakMap<readonly ServerLogEntry[], WrittenBy | 'none'>();
export function logWrittenBy(entries: readonly ServerLogEntry[]): WrittenBy | undefined {
  let whose = writtenByOf.get(entries);
  if (whose === undefined) writtenByOf.set(entries, (whose = readWrittenBy(entries) ?? 'none'));
  return whose === 'none' ? undefined : whose;
}
function readWrittenBy(entries: readonly ServerLogEntry[]): WrittenBy | undefined {
  let dialling = false;
  let site = false;
  let router = false;
  let pc = false;
  for (const e of entries) {
    const side = entrySide(e);
    if (side === 'server') return undefined;
    if (side === 'site') site = true;
    else if (side === 'dialling') {
      dialling = true;
      // (an mpd link a pfSense / OPNsense interface dials out on, `[wan_link0]`: the firewall's own uplink — mpd.ts isWanLink)
      if (ROUTER_FAMILIES.has(e.family) || (e.session !== undefined && isWanLink(e.session))) router = true;
      else if (e.family === 'rasman' || fromPc(e)) pc = true;
    }
  }
  if (dialling === site) return undefined;
  if (site) return 'site-router';
  return router === pc ? 'dialling-side' : router ? 'dialling-router' : 'dialling-pc';
}

/**
 * The side whose words "the log says" takes: the entry's own, or where the entry's lines are a server's by default (a firewall's drop,
 * a line no family words for a side) and the whole log is known not to be a server's, the log's (a PPTP client's own ufw, say).
 */
export const saysSideOf = (e: ServerLogEntry, whose: WrittenBy | undefined): Side => {
  const side = sideOf(e);
  if (side !== 'server' || !whose) return side;
  return whose === 'site-router' ? 'site' : whose === 'dialling-pc' ? 'pc' : 'initiator';
};
