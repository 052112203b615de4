import { d, type Hit } from '../kit';
import type { Cause } from '../types';
import { isDottedQuad } from '../../ipv4-dotted';
import { rasErrorOfText } from './ras-error-messages';

/**
 * RemoteAccess (RRAS) System-log events by id, where the id alone says what happened: an event
 * pasted as text without its XML (Event Viewer's copy, Windows 2000/2003 Event Viewer's "Copy",
 * a Knowledge Base quote) has no insertion strings, and its message is translated, so the id decides.
 *
 * Ids and meanings from mprlog.h (ROUTER_LOG_BASE 20000, the ROUTERLOG_* symbols and their message
 * texts; read in the search index's copy of the header, file id 7966717441); the ids are the same
 * on later Windows (Microsoft Learn's Windows Server 2008 event pages: 20071 ROUTERLOG_PPPCP_DLL_ERROR,
 * 20109 ROUTERLOG_UNRECOGNIZABLE_FRAME_RECVD). The Windows error the PC then shows (raserror.h) is
 * given where the message names it; the others are left without a code.
 *
 * The source is "RemoteAccess" (Windows 2000 and later) or "Router" (Windows NT 4.0 RRAS, KB Q176512).
 * Windows NT's RAS service before RRAS numbered its events otherwise (KB Q124919: the message that is
 * 20024 under RRAS is 20026 under RAS; KB Q117304's list), under the source "Remote Access Service" (NT 3.5/3.51, KB Q150153:
 * `Event ID: 20077 Source: Remote Access Service`, "An error occurred in the Point to Point Protocol module on port COM<x. The account
 * is disabled."), "Remote Access" (NT 3.x, two words; assumed the same service's shorter name) or, on NT 4.0, "RemoteAccess", RRAS's
 * own name: the RAS service's events are told apart by their English message where it has one (eventOf below), else read by RRAS's
 * numbering. "RRAS" (assumed: the name a forwarding agent or a copy may give the source) is read as RemoteAccess.
 */
export const isRemoteAccessSource = (source: string): boolean => /^(?:RemoteAccess|Router|Remote Access(?: Service)?|RRAS)$/i.test(source);

/**
 * The source names only NT 3.5x/4.0's RAS service gave (KB Q150153's "Remote Access Service", KB Q135680's "Remote Access"): its
 * events are worded as RAS's ("RAS event 20101", the Remote Access Service), not RRAS's — RRAS came with NT 4.0's Routing and RAS
 * update and Windows 2000. "RemoteAccess" (NT 4.0's RAS and RRAS alike), "Router" and "RRAS" stay RRAS's.
 */
const isNtRasSource = (source: string): boolean => /^Remote Access(?: Service)?$/i.test(source);

interface RemoteAccessEvent {
  /** the mprlog.h symbol, shown after the plain sentence */
  symbol: string;
  /** decode key under serverLog.decode */
  key: string;
  cause?: Cause;
  code?: number;
  /** the message's last insertion string is a RAS error's text (ras-error-messages.ts): read it for the code */
  reasonInText?: boolean;
  /** a session's progress, nothing failed: its values read by sessionValues */
  session?: SessionKind;
  /**
   * the English message's distinctive words: where a message has them, the message decides over the id (NT_RAS_TEXTS), else the
   * id; a translated message or none leaves the id to decide
   */
  text?: RegExp;
  /** the user's insertion string, counted after the leading CoId and routing-domain GUIDs (for a paste without the English message) */
  userAt?: number;
  /** the PC's address, an insertion string (after the GUIDs) that is a dotted quad */
  peerAt?: number;
  /** the user's domain, the insertion string before the user (`%1\\%2`, `%2\\%3` after a CoId): the user shown as DOMAIN\\user */
  domainAt?: number;
  /** the message names the PC's address (`connected from %2`): in a translated message, the one IPv4 address in it */
  addressInText?: boolean;
  /** the service could not start: it answers no PC until it does (cause service-down, its service named for the finding as RAS_SERVICE) */
  serviceDown?: boolean;
  /**
   * the server's own connection to another router (a demand-dial interface): its statement carries `role: 'site'`, so the log is
   * read as a router's in a tunnel with another router and no PC is advised (log-side.ts)
   */
  site?: boolean;
  /** RRAS's numbering only: NT's RAS service (no routing, no demand-dial) used the id for another message, so its source is not read so */
  rrasOnly?: boolean;
  /** nothing failed: a notice (outcome info) */
  notice?: boolean;
}

/**
 * The service a start-up failure names, by its key name (windows-services.ts), for the finding's title (server.service-down: "The
 * VPN service … is not running"), and so that the service manager's 7036 "running" of the same service says it came back
 */
const RAS_SERVICE = 'RemoteAccess';

/**
 * What a session event says: from its insertion strings (after the CoId and routing domain GUIDs newer Windows put first: the
 * positions the reporting script above reads, assumed the same for the older ids), else from its English message; the values
 * stay unknown in another language. The user's name (`%1`, `%1\%2`) is read up to the message's next words, not to a blank: a Windows
 * logon name may hold blanks (Microsoft Learn, "Naming conventions in Active Directory for computers, domains, sites, and OUs": logon
 * names "can contain all other special characters, including spaces"), `DESKTOP-1\John Smith`; up to four words, so a line that is
 * not the message costs little.
 */
type SessionKind = 'authenticated' | 'ended' | 'address' | 'released' | 'strong';
const SESSION_TEXT: Record<SessionKind, RegExp> = {
  authenticated: /\bThe user (\S+(?: \S+){0,3}?) has connected and has been successfully authenticated on\s+port (\S+?)\.?(?:\s|$)/,
  ended:
    /\bThe user (\S+(?: \S+){0,3}?) connected on port (\S+) on .+? and disconnected on .+?\.\s+The user was active for (\d+) minutes (\d+) seconds\.\s+(\d+) bytes\s+were sent and (\d+) bytes were received\.(?:\s+The\s+port speed was \S+\.)?\s+The\s+reason for disconnecting was (.+?)\.(?:\s+The tunnel used was (.+?)\.)?(?:\s|$)/,
  address: /\bThe user (\S+(?: \S+){0,3}?) connected on port (\S+) has been assigned address (\S+?)\.?(?:\s|$)/,
  released: /\bThe user with ip address (\S+?) has disconnected/i,
  strong: /\bThe user (\S+(?: \S+){0,3}?) connected to port (\S+) using strong encryption/i,
};
// (the words both numberings wrote; KB Q135680's copy begins "Unable to connect to com5.", not "A user was unable to connect on port")
const LICENSE_LIMIT_TEXT = /\bNo more connections can be made to\s+this remote computer because the computer\s+has exceeded its client\s+license\s+limit/i;
const EVENTS: Record<number, RemoteAccessEvent> = {
  // "Remote Access Server Security Failure. A network error has occurred when trying to establish a session with the security agent
  // on LANA %1." — the service starting on a LAN adapter (KB Q150820: at RRAS's start, on a multihomed server), nothing about a
  // connection. (NT's RAS service logged the same text as 20026, KB Q124919: read by its text, eventOf.)
  20024: { symbol: 'ROUTERLOG_SECURITY_NET_ERROR', key: 'rrasEventStartup', text: /error has occurred when trying to establish a session with the\s+security agent/i },
  // "The user %1 has connected and failed to authenticate on port %2."
  20014: { symbol: 'ROUTERLOG_AUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, userAt: 0, text: /has connected and failed to authenticate on\s+port/i },
  // "The user connected to port %1 has been disconnected because the authentication process did not complete within the required amount of time."
  20049: { symbol: 'ROUTERLOG_AUTH_TIMEOUT', key: 'rrasEventAuthTimeout', text: /has been disconnected (?:because the authentication process did not complete|due to an authentication timeout)/i },
  // "The user %1 connected to port %2 has been disconnected because no network protocols were successfully negotiated."
  // (the PC's code assumed from raserror.h's meaning: 720 ERROR_PPP_NO_PROTOCOLS_CONFIGURED, "A connection to the remote computer could not be established.")
  20050: { symbol: 'ROUTERLOG_AUTH_NO_PROJECTIONS', key: 'rrasEventNoProtocols', cause: 'ras-error', code: 720, text: /no network protocols were successfully negotia|could not be projected onto the network/i },
  // "The following error occurred in the Point to Point Protocol module on port: %1, UserName: %2. %3"
  20073: { symbol: 'ROUTERLOG_PPP_FAILURE', key: 'rrasEventPppError', reasonInText: true, text: /The following error occurred in the Point to Point Protocol\s+module on port/i },
  // "The password for user %1\%2 connected on port %3 has expired." (raserror.h 648 ERROR_PASSWD_EXPIRED)
  20076: { symbol: 'ROUTERLOG_PASSWORD_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 648, domainAt: 0, userAt: 1, text: /\bThe password for user \S+(?: \S+){0,3}? connected on port \S+ has expired/i },
  // "The account for user %1\%2 connected on port %3 has expired." (708 ERROR_ACCT_EXPIRED)
  20077: { symbol: 'ROUTERLOG_ACCT_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 708, domainAt: 0, userAt: 1, text: /\bThe account for user \S+(?: \S+){0,3}? connected on port \S+ has expired/i },
  // "The account for user %1\%2 connected on port %3 does not have Remote Access privilege." (649 ERROR_NO_DIALIN_PERMISSION)
  20078: { symbol: 'ROUTERLOG_NO_DIALIN_PRIVILEGE', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 649, domainAt: 0, userAt: 1, text: /does not have Remote Access\s+privilege/i },
  // "The server machine is configured to require data encryption. The machine for user %1\%2 connected on port %3 does not support encryption."
  20080: { symbol: 'ROUTERLOG_ENCRYPTION_REQUIRED', key: 'rrasEventEncryptionRequired', cause: 'mppe-unavailable', text: /is configured to require data encryption/i },
  // "The Remote Access Server was unable to acquire an IP Address from the DHCP Server to assign to the incoming user."
  20086: { symbol: 'ROUTERLOG_ADDRESS_NOT_AVAILABLE', key: 'rrasEventNoAddress', cause: 'address-pool', text: /unable to acquire an IP Address from the DHCP Server\s+to assign to the incoming user/i },
  // "Using the default value for Registry parameter %1 because the value given is not in the legal range for the parameter." — RRAS
  // reading its registry parameters as it starts (DIM/DDM/PPP load them and log this warning for one out of range); Microsoft Learn's
  // "Event ID 20101 — RRAS Authentication and Accounting" (dd315981): it "does not cause any interruption in service"
  20101: { symbol: 'ROUTERLOG_REGVALUE_OVERIDDEN', key: 'rrasEventStartup', text: /\bUsing the default value for (?:the )?Registry parameter\b/i },
  // "A user was unable to connect on port %1. No more connections can be made to this remote computer because the computer has
  // exceeded its client license limit." (mprlog.h ROUTER_LOG_BASE+97): the server refused the call, all its client licenses taken
  // (KB Q135680: the licensing service did not release RAS users' licenses after they hung up); NT's RAS numbered it 20101
  20097: { symbol: 'ROUTERLOG_LICENSE_LIMIT_EXCEEDED', key: 'rrasEventLicenseLimit', text: LICENSE_LIMIT_TEXT },
  // "Unable to load %1." / "Unable to add the interface %1 with the Router Manager for the %2 protocol." — start-up notices, nothing about a connection
  20103: { symbol: 'ROUTERLOG_LOAD_DLL_ERROR', key: 'rrasEventStartup' },
  20106: { symbol: 'ROUTERLOG_COULDNT_ADD_INTERFACE', key: 'rrasEventStartup' },
  // The service failing to start (mprlog.h): "Remote Access Service failed to start because the Remote Access Connection Manager failed
  // to initialize because of the following error: %1" (ROUTER_LOG_BASE+54), "Remote Access Connection Manager failed to start because
  // the Point to Point Protocol failed to initialize. %1" (+63), "Point to Point Protocol engine was unable to load the %1 module. %2"
  // (+70: at the service's start, KB Q168683 quotes it before the service's 7024), "The Remote Access service failed to start because
  // the Point to Point was not initialized successfully. %1" (+147). Until it runs, no PC connects (KB Q173539: 20063 when the RADIUS
  // server's name cannot be resolved). NT's RAS service numbered the same texts 20057, 20067, 20074 (errorlog.h): read by their text.
  20054: { symbol: 'ROUTERLOG_RASMAN_NOT_AVAILABLE', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bRemote Access Service failed to start because the Remote Access Connection Manager failed to\s+initialize/i },
  20063: { symbol: 'ROUTERLOG_CANNOT_INIT_PPP', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bfailed to start because the Point to Point\s+Protocol failed to initialize/i },
  20070: { symbol: 'ROUTERLOG_PPP_CANT_LOAD_DLL', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bPoint to Point Protocol engine was unable to load the\b/i },
  20147: { symbol: 'ROUTERLOG_PPP_INIT_FAILED', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bThe Remote Access service failed to start because the Point to Point was\s+not initialized/i },
  // "The currently configured authentication provider failed to load and initialize successfully. %1" (ROUTER_LOG_BASE+152,
  // ROUTERLOG_AUTHPROVIDER_FAILED_INIT): RRAS loads its authentication provider (Windows or RADIUS) as it starts; KB 840686 quotes it
  // with the service manager's 7024 for RRAS (error 87) on a Windows 2000 server whose IAS database was damaged — the service stays down
  20152: { symbol: 'ROUTERLOG_AUTHPROVIDER_FAILED_INIT', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bThe currently configured authentication provider failed to load and\s+initialize/i },
  // "Cannot receive initial data on port %1 because of the following error: %2 The user has been disconnected." (ROUTER_LOG_BASE+95):
  // a call the server answered dropped before its first frames came in; KB Q172290 quotes it with "Out of Buffers" (614) on an NT 4.0
  // RRAS server that dropped calls at random. (NT's RAS service wrote "Cannot receive initial data on port %1." as its 20099.)
  20095: { symbol: 'ROUTERLOG_CANT_RECEIVE_BYTES', key: 'rrasEventNoInitialData', reasonInText: true, rrasOnly: true, text: /\bCannot receive initial data on port \S+ because of the following\s+error\b/i },
  // "A Demand Dial connection to the remote interface %1 on port %2 was successfully initiated but failed to complete successfully
  // because of the following error: %3" (ROUTER_LOG_BASE+111): the server itself dialled another router on a demand-dial interface
  // (a site-to-site link: a branch office, an Azure gateway) and that call failed; the reason is a RAS error's text (KB Q193843: the
  // other router refusing to authenticate itself, 919; KB Q183382: 651 from the device; KB Q172290: 614). No PC is involved.
  20111: { symbol: 'ROUTERLOG_CONNECTION_ATTEMPT_FAILED', key: 'rrasEventDemandDialFailed', reasonInText: true, site: true, rrasOnly: true, text: /\bA Demand Dial connection to the remote interface\b/i },
  // The server's demand-dial interfaces (mprlog.h): "Unable to load the interface %1 from the registry. The following error occurred: %2"
  // (+105; KB Q175793 quotes it with "There are no routing-enabled ports available for use by the demand dial interface", 925) and its
  // later own event for that error (+143, ROUTERLOG_NO_DEVICES_FOR_IF); "A Demand Dial connection to the remote interface %1 failed to
  // be initated succesfully. The following error occurred: %2" (+138); "The port %1 has been disconnected due to inactivity." (+139:
  // a demand-dial interface's idle seconds ran out, KB Q177399: "This is normal"; mprlog.h names it a client's, so no side is read). "Unable to open the port %1 for use. %2" (+108)
  // names no side: a port the server answers on or dials out on alike.
  20105: { symbol: 'ROUTERLOG_COULDNT_LOAD_IF', key: 'rrasEventDemandDialNotLoaded', reasonInText: true, site: true, rrasOnly: true, text: /\bUnable to load the interface \S+(?:\s+\S+)?? from\s+the registry\b/i },
  20143: { symbol: 'ROUTERLOG_NO_DEVICES_FOR_IF', key: 'rrasEventDemandDialNotLoaded', reasonInText: true, site: true, rrasOnly: true, code: 925, cause: 'ras-error' },
  20108: { symbol: 'ROUTERLOG_UNABLE_TO_OPEN_PORT', key: 'rrasEventPortNotOpened', reasonInText: true, rrasOnly: true, text: /\bUnable to open the port \S+ for use\b/i },
  20138: { symbol: 'ROUTERLOG_CONNECTION_FAILURE', key: 'rrasEventDemandDialFailed', reasonInText: true, site: true, rrasOnly: true, text: /\bA Demand Dial connection to the remote interface \S+ failed to\s+be\s+initi?ated\b/i },
  20139: { symbol: 'ROUTERLOG_CLIENT_AUTODISCONNECT', key: 'rrasEventIdleDisconnect', notice: true, rrasOnly: true, text: /\bThe port \S+(?: \S+)?? has been disconnected due to\s+inactivity/i },
  // "The RADIUS server %1 did not respond to the initial request." / "The RADIUS server name %1 could not be successfully resolved to an IP address."
  20146: { symbol: 'ROUTERLOG_RADIUS_SERVER_NO_RESPONSE', key: 'rrasEventRadiusUnreachable', cause: 'radius-unreachable' },
  20148: { symbol: 'ROUTERLOG_RADIUS_SERVER_NAME', key: 'rrasEventRadiusUnreachable', cause: 'radius-unreachable' },
  // "No IP address is available to hand out to the dial-in client."
  20167: { symbol: 'ROUTERLOG_NO_IP_ADDRESS', key: 'rrasEventNoAddress', cause: 'address-pool' },
  // "Unable to contact a DHCP server. The Automatic Private IP Address %1 will be assigned to dial-in clients."
  20169: { symbol: 'ROUTERLOG_AUTONET_ADDRESS', key: 'rrasEventAutonetAddress', cause: 'address-pool' },
  // (20014, 20170, 20187, 20189: the user is their %1, the first insertion string — Windows 7 / 2008 R2 and earlier write no CoId
  // before it, and afterGuids skips one where a newer Windows does: read so where the message is not the English one)
  // "The user %1 has connected and failed to authenticate because of the following error: %2"
  20170: { symbol: 'ROUTERLOG_EAP_AUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true, userAt: 0, text: /\bhas connected and failed to authenticate because of the following error\b/i },
  // "The user %1 failed an authentication attempt due to the following reason: %2" / "The user %1 connected from %2 but failed …: %3"
  20187: { symbol: 'ROUTERLOG_NTAUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true, userAt: 0, text: /\bThe user \S+(?: \S+){0,3}? failed an authentication attempt due to the following reason\b/i },
  20189: { symbol: 'ROUTERLOG_NTAUTH_FAILURE_EX', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true, addressInText: true, userAt: 0, text: /\bconnected from \S+ but failed an authentication attempt due to the following reason\b/i },
  // "A certificate could not be found. Connections that use the L2TP protocol over IPSec require the installation of a machine certificate …"
  20192: { symbol: 'ROUTERLOG_NO_IPSEC_CERT', key: 'rrasEventNoCertificate', cause: 'certificate-missing' },
  // "The user %1 has connected and has been successfully authenticated on port %2."
  20015: { symbol: 'ROUTERLOG_AUTH_SUCCESS', key: 'rrasEventLoggedOn', session: 'authenticated', text: SESSION_TEXT.authenticated },
  // "The user %1 connected on port %2 on %3 at %4 and disconnected on %5 at %6. The user was active for %7 minutes %8 seconds.
  // %9 bytes were sent and %10 bytes were received. The reason for disconnecting was %11." — a session's end, nothing failed
  20194: { symbol: 'ROUTERLOG_USER_ACTIVE_TIME_VPN', key: 'rrasEventSessionEnded', session: 'ended', text: SESSION_TEXT.ended },
  // "The user %1 connected on port %2 has been assigned address %3" / "The user with ip address %1 has disconnected"
  20200: { symbol: 'ROUTERLOG_IP_USER_CONNECTED', key: 'rrasEventAddressAssigned', session: 'address', text: SESSION_TEXT.address },
  20201: { symbol: 'ROUTERLOG_IP_USER_DISCONNECTED', key: 'rrasEventAddressReleased', session: 'released', text: SESSION_TEXT.released },
  // Windows Server 2008 and later, the same texts with the connection's CoId first (windows-event-block.test.ts, KB 2801679): their own
  // symbols are not published, so each is named by the older id's symbol with the same text, as the newer ids below (before, an English
  // description stood in the symbol's place, in the Dutch report too)
  20255: { symbol: 'ROUTERLOG_PPP_FAILURE', key: 'rrasEventPppError', reasonInText: true },
  20271: { symbol: 'ROUTERLOG_NTAUTH_FAILURE_EX', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true, addressInText: true },
  // The newer ids of the texts above (20014, 20015, 20050, 20194, 20200, 20201), their messages and insertion strings as a public
  // RRAS reporting script lists them (search index file id 16055754270, its Get-EventLogNPSSystem: 20249 "The user %2 has connected
  // and failed to authenticate on port %3", 20250 "… has been successfully authenticated on port …", 20253 "… disconnected because
  // no network protocols were successfully negotiated", 20272 the session's end with "The tunnel used was WAN Miniport (…)", 20274
  // "… has been assigned address …", 20275 "The user with ip address … has disconnected"); their own symbols are not published, so
  // each is named by the older id's symbol with the same text
  20249: { symbol: 'ROUTERLOG_AUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, userAt: 0 },
  20250: { symbol: 'ROUTERLOG_AUTH_SUCCESS', key: 'rrasEventLoggedOn', session: 'authenticated' },
  20253: { symbol: 'ROUTERLOG_AUTH_NO_PROJECTIONS', key: 'rrasEventNoProtocols', cause: 'ras-error', code: 720 },
  20272: { symbol: 'ROUTERLOG_USER_ACTIVE_TIME_VPN', key: 'rrasEventSessionEnded', session: 'ended' },
  20274: { symbol: 'ROUTERLOG_IP_USER_CONNECTED', key: 'rrasEventAddressAssigned', session: 'address' },
  20275: { symbol: 'ROUTERLOG_IP_USER_DISCONNECTED', key: 'rrasEventAddressReleased', session: 'released' },
  // More of the newer ids (Windows Server 2008 R2 / 2012 and later), each the text of an older id above with `CoId=%1: ` first, as
  // the Microsoft-Windows-MPRMSG message table lists them (search index file id 20071358346, scheatkode/brain
  // knowledgebase/systems/windows/event-logs/Microsoft-Windows-MPRMSG.md): 20252 "CoId=%1: The user connected to port %2 has been
  // disconnected because the authentication process did not complete within the required amount of time" (20049); 20256/20257/20258
  // "CoId=%1: The password for user %2\%3 connected on port %4 has expired" / "The account for user %2\%3 … has expired" / "… does
  // not have Remote Access privilege" (20076/20077/20078); 20260 "CoId=%1: Cannot receive initial data on port %2 because of the
  // following error: %3" (20095); 20261 the client license limit (20097); 20263 "CoID=%1: The port %2 has been disconnected due to
  // inactivity" (20139); 20269 "CoId=%1: The user %2 failed an authentication attempt due to the following reason: %3" (20187). Before,
  // a newer server's event of these was named by nothing but its id and source. Named by the older id's symbol, as 20249–20275 are.
  20252: { symbol: 'ROUTERLOG_AUTH_TIMEOUT', key: 'rrasEventAuthTimeout' },
  20256: { symbol: 'ROUTERLOG_PASSWORD_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 648, domainAt: 0, userAt: 1 },
  20257: { symbol: 'ROUTERLOG_ACCT_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 708, domainAt: 0, userAt: 1 },
  20258: { symbol: 'ROUTERLOG_NO_DIALIN_PRIVILEGE', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 649, domainAt: 0, userAt: 1 },
  20260: { symbol: 'ROUTERLOG_CANT_RECEIVE_BYTES', key: 'rrasEventNoInitialData', reasonInText: true, rrasOnly: true },
  20261: { symbol: 'ROUTERLOG_LICENSE_LIMIT_EXCEEDED', key: 'rrasEventLicenseLimit', rrasOnly: true },
  20263: { symbol: 'ROUTERLOG_CLIENT_AUTODISCONNECT', key: 'rrasEventIdleDisconnect', notice: true, rrasOnly: true },
  20269: { symbol: 'ROUTERLOG_NTAUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true, userAt: 0 },
  // Two of the same table's texts with no older id (no symbol published: none shown): 20209 "A connection between the VPN server and
  // the VPN client %1 has been established, but the VPN connection cannot be completed. The most common cause for this is that a
  // firewall or router between the VPN server and the VPN client is not configured to allow Generic Routing Encapsulation (GRE)
  // packets (protocol 47)." — the server's side of the PC's 806 (raserror.h ERROR_VPN_GRE_BLOCKED, the same words), so the cause GRE
  // blocked on the way (no-ppp-frames) and the PC's address from %1; 20276 "CoId=%1: Layer=%2: SubLayer=%3: The connection attempt
  // failed on port: %4 because of the authentication protocol selected. Check to see if the authentication protocol is supported in
  // the operating systems at the client and server ends of the connection" — the PPP engine's (rasppp.dll, FsmSendConfigResult /
  // ReceiveTermReq log it) refusal of the authentication protocol: no method both ends accept (auth-protocol-mismatch)
  20209: { symbol: '', key: 'rrasEventGreBlocked', cause: 'no-ppp-frames', code: 806, peerAt: 0, addressInText: true, text: /\bhas been established, but the VPN connection cannot be completed\b/i },
  20276: { symbol: '', key: 'rrasEventAuthProtocolRefused', cause: 'auth-protocol-mismatch', text: /\bThe connection attempt failed on port: ?\S+ because of the authentication protocol selected\b/i },
};

const IPV4_IN_TEXT = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)/;

/**
 * A leading CoId or routing-domain GUID, or `{NA}` where a connection has none (IPBan issue #76's 20271: `<Data>{NA}</Data>`) —
 * braced as the event's XML and Event Viewer hold it, or without its braces as Get-EventLog's Format-List shows a list of strings
 * (`ReplacementStrings : {{NA}, bob, …}`, each string's braces dropped as rras.ts splits the list): without that, an older
 * Windows' first string (no CoId: Windows 7 / 2008 R2 and earlier) and a newer one's `NA` were told apart by a fixed index alone
 */
const GUID_OR_NA = /^(?:\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?|\{?NA\}?)$/i;

/** Whether an insertion string is a CoId (GUID_OR_NA): the strings an event's message names come after it. */
export const isCoIdString = (s: string | undefined): boolean => s !== undefined && GUID_OR_NA.test(s);

/** The insertion strings after the leading CoId and routing-domain GUIDs (or `{NA}`) newer Windows put first. */
function afterGuids(data: readonly string[]): readonly string[] {
  let i = 0;
  while (i < data.length && GUID_OR_NA.test(data[i]!)) i++;
  return data.slice(i);
}

function sessionValues(kind: SessionKind, message: string, data: readonly string[]): Record<string, string> {
  const d = afterGuids(data);
  const m = message.match(SESSION_TEXT[kind]);
  const pick = (at: number, group: number): string => (d.length > at && d[at] ? d[at]! : m?.[group] ?? '');
  if (kind === 'authenticated' || kind === 'strong') return { name: pick(0, 1) };
  if (kind === 'address') return { name: pick(0, 1), address: pick(2, 3) || '?' };
  if (kind === 'released') return { address: pick(0, 1) || '?' };
  // 20272 after the GUIDs: user, port, date, time, date, time, minutes, seconds, sent, received, reason, tunnel (20194 without the tunnel)
  const byData = d.length >= 11;
  const at = (n: number, group: number): string => (byData ? d[n] ?? '' : m?.[group] ?? '');
  return { name: at(0, 1), minutes: at(6, 3) || '?', seconds: at(7, 4) || '?', sent: at(8, 5) || '?', received: at(9, 6) || '?', why: at(10, 7) || '?', tunnel: at(11, 8) };
}

/**
 * NT's RAS service's own numbering, where the id means another event under RRAS (errorlog.h above: RAS_LOG_BASE+101 is
 * RASLOG_LICENSE_LIMIT_EXCEEDED, mprlog.h's +101 a registry notice): read so for an event whose source names only that service
 * (isNtRasSource) when its message does not say (translated, or none).
 */
const NT_RAS_IDS: Readonly<Record<number, RemoteAccessEvent>> = {
  20101: { symbol: 'RASLOG_LICENSE_LIMIT_EXCEEDED', key: 'rrasEventLicenseLimit', text: LICENSE_LIMIT_TEXT },
};

/**
 * Windows NT's RAS service (before RRAS) logged as "RemoteAccess" too, with ids of its own (errorlog.h, RAS_LOG_BASE 20000: its
 * 20077 is RASLOG_PPP_FAILURE, RRAS's 20077 an expired account; search index file id 143160026). The id cannot tell the two
 * apart; where the event's English message is one only NT's RAS writes, the message does (KB Q172215 quotes both below).
 */
const NT_RAS_TEXTS: readonly RemoteAccessEvent[] = [
  NT_RAS_IDS[20101]!,
  // "An error occured in the Point to Point Protocol module on port %1. %2" (RRAS: "The following error occurred … on port: %1, UserName: %2. %3")
  { symbol: 'RASLOG_PPP_FAILURE', key: 'rrasEventPppError', reasonInText: true, text: /\bAn error occur+ed in the Point to Point Protocol\s+module on port\b/i },
  // "The user %1 connected to port %2 using strong encryption." — NT 4.0 SP3's 128-bit RAS (KB Q172215's 20107; not in the errorlog.h read: assumed its text)
  { symbol: 'RAS', key: 'rasEventStrongEncryption', session: 'strong', text: SESSION_TEXT.strong },
  // "The Remote Access server could not be started because it has been configured to access the network and there are no network
  // adapters available." (RASLOG_NO_LANNETS_AVAILABLE, 20055; KB Q167205 quotes it as "The Remote Access Service server …") — RRAS's
  // 20055 is a NetBIOS name notice, so only the text tells
  { symbol: 'RASLOG_NO_LANNETS_AVAILABLE', key: 'rrasEventServiceFailed', serviceDown: true, text: /\bcould not be started\s+because it has been configured to access\s+the network and there are no network\s+adapters/i },
];

/** Every reading that names its English text: the message decides among them, whatever the id (RAS and RRAS numbered alike). */
const BY_TEXT: readonly RemoteAccessEvent[] = [...NT_RAS_TEXTS, ...Object.values(EVENTS).filter((e) => e.text)];

/**
 * The reading of an event: its id's, unless the id has none or names words the message lacks while it has another reading's —
 * NT's RAS service and RRAS numbered the same texts differently under the same source name (KB Q124919: RRAS's 20024 is RAS's
 * 20026; RAS's 20077 is a PPP failure, RRAS's an expired account), so an English message says which it is. A translated message,
 * or none, leaves the id to decide; an id whose entry names no words (the newer ids) is its own.
 */
function eventOf(id: number, message: string, source: string): RemoteAccessEvent | undefined {
  const own = (isNtRasSource(source) ? NT_RAS_IDS[id] : undefined) ?? EVENTS[id];
  if (!message || (own && (!own.text || own.text.test(message)))) return own;
  return BY_TEXT.find((e) => e.text!.test(message)) ?? own;
}

/**
 * The English heads of the authentication-failure events whose reason is a RAS error's text (mprlog.h: 20170 "The user %1 has connected
 * and failed to authenticate because of the following error", 20187/20269 "The user %1 failed an authentication attempt due to the
 * following reason", 20189/20271 "The user %1 connected from %2 but failed an authentication attempt …"): "The user" alone is enough, so
 * that a message the console cut (`… but failed an a...`) is still English
 */
const ENGLISH_AUTH_FAILURE = /\bThe user\b|\b(?:failed an authentication attempt|has connected and failed to authenticate)\b/i;

/** A message there, in another language than English (none of the English heads): its reason is not read, its code not in it */
const isTranslatedAuthFailure = (message: string): boolean => /\S/.test(message) && !ENGLISH_AUTH_FAILURE.test(message);

/** The statements with a wording of their own (`<key>Unknown`) for a reason text that is no known RAS error's: "the reason is in the event's text" */
const UNKNOWN_REASON_KEYS: ReadonlySet<string> = new Set(['rrasEventPppError', 'rrasEventNoInitialData', 'rrasEventDemandDialFailed', 'rrasEventDemandDialNotLoaded', 'rrasEventPortNotOpened']);

/**
 * A RemoteAccess event known by its id, read from the id and (for the ones whose reason is a RAS
 * error's text) the English message; undefined for an id not in the table.
 */
export function remoteAccessEventHit(id: number, message: string, data: readonly string[] = [], shownId: number | string = id, source = ''): Hit | undefined {
  const ev = eventOf(id, message, source);
  if (!ev) return undefined;
  // NT's RAS service by the source it named, or by a text only it wrote: its own words (rasEvent…), the same readings and causes
  const ras = isNtRasSource(source) || NT_RAS_TEXTS.includes(ev);
  if (ras && ev.rrasOnly) return undefined;
  const named = (key: string): string => (ras ? key.replace(/^rrasEvent/, 'rasEvent') : key);
  if (ev.session) {
    const { tunnel, ...values } = sessionValues(ev.session, message, data);
    // the tunnel (WAN Miniport (SSTP) …) only in the newer event: its own sentence
    const key = named(tunnel ? `${ev.key}Tunnel` : ev.key);
    const hit: Hit = { decoded: [d(key, { id: shownId, symbol: ev.symbol, ...values, ...(tunnel ? { tunnel } : {}) })], outcome: ev.session === 'authenticated' || ev.session === 'address' || ev.session === 'strong' ? 'success' : 'info' };
    if (values.name) hit.user = values.name;
    return hit;
  }
  const why = ev.reasonInText ? rasErrorOfText(message) : undefined;
  // A reason that is the text of a RAS error (raserror.h) names the code. A translated message (Event Viewer's copy from a German or
  // French server, without its XML) names none that is read, and the copy holds no other trace of it: the code is the event's binary
  // data (rras.ts reads it where the XML is there), and the message's insertion strings are words (user, address, reason), no number.
  // So no code is assumed there: 691 would be wrong for a policy's 812 or an expired password's 648, all logged under the same id.
  // The event still says a log-on failed: a RAS error without a number (cause ras-error), worded "not in the copy". An English
  // message whose reason is not listed keeps the event's general 691 (its reasons there are the account's: "The specified user
  // account does not exist."), and so does an event copied without any message (nothing says otherwise).
  const reasonUnread = ev.reasonInText === true && why === undefined && ev.code !== undefined && isTranslatedAuthFailure(message);
  const cause = why?.cause ?? (reasonUnread ? 'ras-error' : ev.cause);
  const code = why?.code ?? (reasonUnread ? undefined : ev.code);
  const key = named(reasonUnread ? `${ev.key}NoCode` : ev.reasonInText && UNKNOWN_REASON_KEYS.has(ev.key) && code === undefined ? `${ev.key}Unknown` : ev.key);
  const hit: Hit = {
    decoded: [d(key, { id: shownId, symbol: ev.symbol, ...(code !== undefined ? { code } : {}), ...(ev.serviceDown ? { winService: RAS_SERVICE } : {}), ...(ev.site ? { role: 'site' } : {}) })],
    outcome: ev.key === 'rrasEventStartup' || ev.notice ? 'info' : 'failure',
  };
  if (ev.serviceDown) hit.cause = 'service-down';
  if (cause) hit.cause = cause;
  if (code !== undefined) hit.code = code;
  // the user and the address, where the message is the English one of mprlog.h ("The user %1 connected from %2 but failed …",
  // "The user %1 has connected and failed to authenticate …"): for matching the PC's side; other languages leave them unknown
  const who = message.match(/\bThe user (\S+(?: \S+){0,3}?) (?:connected from (\S+?) but failed|has connected and failed|failed an authentication)/);
  if (who) {
    hit.user = who[1]!;
    if (who[2]) hit.peer = who[2];
  } else {
    // (the strings after the CoId, once for the user, its domain and the PC's address)
    const strings = afterGuids(data);
    const user = ev.userAt !== undefined ? strings[ev.userAt] : undefined;
    const domain = ev.domainAt !== undefined ? strings[ev.domainAt] : undefined;
    if (user) hit.user = domain ? `${domain}\\${user}` : user;
    const at = ev.peerAt !== undefined ? strings[ev.peerAt] : undefined;
    if (at && isDottedQuad(at)) hit.peer = at;
    // a translated message still holds the address as Windows wrote it (its words around it are the language's)
    const address = ev.addressInText ? message.match(IPV4_IN_TEXT)?.[0] : undefined;
    if (address && isDottedQuad(address)) hit.peer = address;
  }
  return hit;
}

/**
 * The newer id Windows Server 2008 and later log the same text under (the reporting script's list above; 20271 for 20189's
 * "connected from %2 but failed an authentication attempt", windows-event-block.test.ts)
 */
const NEWER_ID: Readonly<Record<number, number>> = { 20014: 20249, 20015: 20250, 20050: 20253, 20189: 20271, 20194: 20272, 20200: 20274, 20201: 20275 };

/**
 * A RemoteAccess event known only by its English message: one forwarded as a syslog line under its source's name, without its id
 * (NXLog's BSD syslog output puts the event's SourceName as the tag and its Message as the text — assumed, forwarded-event.ts). The message's text names the event (BY_TEXT); it is shown with the id
 * the text has in mprlog.h and the newer id of the same text ("20189/20271"). A translated message names none: undefined.
 */
export function remoteAccessTextHit(message: string, source = ''): Hit | undefined {
  for (const key of Object.keys(EVENTS)) {
    const id = Number(key);
    if (!EVENTS[id]!.text?.test(message)) continue;
    const newer = NEWER_ID[id];
    return remoteAccessEventHit(id, message, [], newer && !isNtRasSource(source) ? `${id}/${newer}` : id, source);
  }
  return undefined;
}
