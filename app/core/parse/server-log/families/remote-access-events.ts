import { d, type Hit } from '../kit';
import type { Cause } from '../types';
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
 * 20024 under RRAS is 20026 under RAS; KB Q117304's list): its "Remote Access" (NT 3.x, two words)
 * is left out; its NT 4.0 "RemoteAccess" cannot be told apart and is read as RRAS's (assumed rare now).
 */
export const isRemoteAccessSource = (source: string): boolean => /^(?:RemoteAccess|Router)$/i.test(source);

interface RemoteAccessEvent {
  /** the mprlog.h symbol, shown after the plain sentence */
  symbol: string;
  /** decode key under serverLog.decode */
  key: string;
  cause?: Cause;
  code?: number;
  /** the message's last insertion string is a RAS error's text (ras-error-messages.ts): read it for the code */
  reasonInText?: boolean;
}

const EVENTS: Record<number, RemoteAccessEvent> = {
  // "The user %1 has connected and failed to authenticate on port %2."
  20014: { symbol: 'ROUTERLOG_AUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691 },
  // "The user connected to port %1 has been disconnected because the authentication process did not complete within the required amount of time."
  20049: { symbol: 'ROUTERLOG_AUTH_TIMEOUT', key: 'rrasEventAuthTimeout' },
  // "The user %1 connected to port %2 has been disconnected because no network protocols were successfully negotiated."
  // (the PC's code assumed from raserror.h's meaning: 720 ERROR_PPP_NO_PROTOCOLS_CONFIGURED, "A connection to the remote computer could not be established.")
  20050: { symbol: 'ROUTERLOG_AUTH_NO_PROJECTIONS', key: 'rrasEventNoProtocols', cause: 'ras-error', code: 720 },
  // "The following error occurred in the Point to Point Protocol module on port: %1, UserName: %2. %3"
  20073: { symbol: 'ROUTERLOG_PPP_FAILURE', key: 'rrasEventPppError', reasonInText: true },
  // "The password for user %1\%2 connected on port %3 has expired." (raserror.h 648 ERROR_PASSWD_EXPIRED)
  20076: { symbol: 'ROUTERLOG_PASSWORD_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 648 },
  // "The account for user %1\%2 connected on port %3 has expired." (708 ERROR_ACCT_EXPIRED)
  20077: { symbol: 'ROUTERLOG_ACCT_EXPIRED', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 708 },
  // "The account for user %1\%2 connected on port %3 does not have Remote Access privilege." (649 ERROR_NO_DIALIN_PERMISSION)
  20078: { symbol: 'ROUTERLOG_NO_DIALIN_PRIVILEGE', key: 'rrasEventAccountRefused', cause: 'credentials-rejected', code: 649 },
  // "The server machine is configured to require data encryption. The machine for user %1\%2 connected on port %3 does not support encryption."
  20080: { symbol: 'ROUTERLOG_ENCRYPTION_REQUIRED', key: 'rrasEventEncryptionRequired', cause: 'mppe-unavailable' },
  // "The Remote Access Server was unable to acquire an IP Address from the DHCP Server to assign to the incoming user."
  20086: { symbol: 'ROUTERLOG_ADDRESS_NOT_AVAILABLE', key: 'rrasEventNoAddress', cause: 'address-pool' },
  // "Unable to load %1." / "Unable to add the interface %1 with the Router Manager for the %2 protocol." — start-up notices, nothing about a connection
  20103: { symbol: 'ROUTERLOG_LOAD_DLL_ERROR', key: 'rrasEventStartup' },
  20106: { symbol: 'ROUTERLOG_COULDNT_ADD_INTERFACE', key: 'rrasEventStartup' },
  // "The RADIUS server %1 did not respond to the initial request." / "The RADIUS server name %1 could not be successfully resolved to an IP address."
  20146: { symbol: 'ROUTERLOG_RADIUS_SERVER_NO_RESPONSE', key: 'rrasEventRadiusUnreachable', cause: 'radius-unreachable' },
  20148: { symbol: 'ROUTERLOG_RADIUS_SERVER_NAME', key: 'rrasEventRadiusUnreachable', cause: 'radius-unreachable' },
  // "No IP address is available to hand out to the dial-in client."
  20167: { symbol: 'ROUTERLOG_NO_IP_ADDRESS', key: 'rrasEventNoAddress', cause: 'address-pool' },
  // "Unable to contact a DHCP server. The Automatic Private IP Address %1 will be assigned to dial-in clients."
  20169: { symbol: 'ROUTERLOG_AUTONET_ADDRESS', key: 'rrasEventAutonetAddress', cause: 'address-pool' },
  // "The user %1 has connected and failed to authenticate because of the following error: %2"
  20170: { symbol: 'ROUTERLOG_EAP_AUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true },
  // "The user %1 failed an authentication attempt due to the following reason: %2" / "The user %1 connected from %2 but failed …: %3"
  20187: { symbol: 'ROUTERLOG_NTAUTH_FAILURE', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true },
  20189: { symbol: 'ROUTERLOG_NTAUTH_FAILURE_EX', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true },
  // "A certificate could not be found. Connections that use the L2TP protocol over IPSec require the installation of a machine certificate …"
  20192: { symbol: 'ROUTERLOG_NO_IPSEC_CERT', key: 'rrasEventNoCertificate', cause: 'certificate-missing' },
  // Windows Server 2008 and later, the same texts with the connection's CoId first (windows-event-block.test.ts, KB 2801679)
  20255: { symbol: 'PPP module error', key: 'rrasEventPppError', reasonInText: true },
  20271: { symbol: 'authentication failure', key: 'rrasEventAuthFailed', cause: 'credentials-rejected', code: 691, reasonInText: true },
};

/**
 * A RemoteAccess event known by its id, read from the id and (for the ones whose reason is a RAS
 * error's text) the English message; undefined for an id not in the table.
 */
export function remoteAccessEventHit(id: number, message: string): Hit | undefined {
  const ev = EVENTS[id];
  if (!ev) return undefined;
  const why = ev.reasonInText ? rasErrorOfText(message) : undefined;
  const cause = why?.cause ?? ev.cause;
  const code = why?.code ?? ev.code;
  const key = ev.key === 'rrasEventPppError' && code === undefined ? 'rrasEventPppErrorUnknown' : ev.key;
  const hit: Hit = { decoded: [d(key, { id, symbol: ev.symbol, ...(code !== undefined ? { code } : {}) })], outcome: ev.key === 'rrasEventStartup' ? 'info' : 'failure' };
  if (cause) hit.cause = cause;
  if (code !== undefined) hit.code = code;
  // the user and the address, where the message is the English one of mprlog.h ("The user %1 connected from %2 but failed …",
  // "The user %1 has connected and failed to authenticate …"): for matching the PC's side; other languages leave them unknown
  const who = message.match(/\bThe user (\S+?) (?:connected from (\S+?) but failed|has connected and failed|failed an authentication)/);
  if (who) {
    hit.user = who[1]!;
    if (who[2]) hit.peer = who[2];
  }
  return hit;
}
