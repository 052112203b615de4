import type { Cause, Outcome } from '../types';

/** What a SoftEther error code means for a VPN connection that ended with it: its name, how bad, a plain sentence, a cause. */
export interface SoftEtherError {
  name: string;
  outcome: Outcome;
  /** the i18n key (serverLog.decode) of the plain-language sentence */
  say?: string;
  cause?: Cause;
  /** the error the PC shows for it (a Windows RAS error code), when the PC gets the same refusal */
  pcCode?: number;
}

/**
 * SoftEther VPN's error codes as its server_log names them at a connection's end (`Connection "CID-78" terminated by the cause
 * "…" (code 11).`): the names from src/Cedar/Cedar.h ("Error code" #defines, ERR_NO_ERROR 0 … ), the texts the log quotes from
 * src/bin/hamcore/strtable_en.stb (ERR_<n>). Only the codes a VPN server ends a client's connection with have a sentence here;
 * the others (client-side, management, licence) are named and said as logged.
 */
export const SOFTETHER_ERRORS: Readonly<Record<number, SoftEtherError>> = {
  0: { name: 'ERR_NO_ERROR', outcome: 'info' },
  3: { name: 'ERR_DISCONNECTED', outcome: 'warning', say: 'seErrDisconnected' },
  4: { name: 'ERR_PROTOCOL_ERROR', outcome: 'warning', say: 'seErrProtocol' },
  // "A client which is non-SoftEther VPN software has connected to the port." (ERR_5): whatever connected spoke no protocol SoftEther
  // takes on that port — in server logs mostly scanners and browsers (fixture softether-server-log-scanner-…); a PC's own VPN
  // (SSTP, OpenVPN) whose protocol is switched off on the server would end the same way (assumed from the text)
  5: { name: 'ERR_CLIENT_IS_NOT_VPN', outcome: 'warning', say: 'seErrNotVpnClient' },
  6: { name: 'ERR_USER_CANCEL', outcome: 'info' },
  7: { name: 'ERR_AUTHTYPE_NOT_SUPPORTED', outcome: 'failure', say: 'seErrAuthType', cause: 'auth-protocol-mismatch' },
  // the Virtual Hub the log-in named does not exist: a PC names it in its user name (`user@HUB`, SoftEther manual 4.x "10.4 L2TP/
  // IPsec", "How to specify the Virtual Hub") or gets the default hub; a wrong hub is a wrong user name for the PC (its 691)
  8: { name: 'ERR_HUB_NOT_FOUND', outcome: 'failure', say: 'seErrHubNotFound', cause: 'credentials-rejected', pcCode: 691 },
  9: { name: 'ERR_AUTH_FAILED', outcome: 'failure', say: 'seErrAuthFailed', cause: 'credentials-rejected', pcCode: 691 },
  10: { name: 'ERR_HUB_STOPPING', outcome: 'failure', say: 'seErrHubStopped' },
  // "The VPN session has been deleted. It is possible that either the administrator disconnected the session or the connection
  // from the client to the VPN Server has been disconnected." (ERR_11): the usual end of a session, the PC hanging up included
  11: { name: 'ERR_SESSION_REMOVED', outcome: 'info', say: 'seErrSessionRemoved' },
  12: { name: 'ERR_ACCESS_DENIED', outcome: 'failure', say: 'seErrAccessDenied' },
  13: { name: 'ERR_SESSION_TIMEOUT', outcome: 'warning', say: 'seErrSessionTimeout' },
  14: { name: 'ERR_INVALID_PROTOCOL', outcome: 'warning', say: 'seErrProtocol' },
  15: { name: 'ERR_TOO_MANY_CONNECTION', outcome: 'failure', say: 'seErrTooMany' },
  16: { name: 'ERR_HUB_IS_BUSY', outcome: 'failure', say: 'seErrTooMany' },
  20: { name: 'ERR_TOO_MANY_USER_SESSION', outcome: 'failure', say: 'seErrTooManyUserSessions' },
  23: { name: 'ERR_INTERNAL_ERROR', outcome: 'warning' },
  103: { name: 'ERR_CLIENT_LICENSE_NOT_ENOUGH', outcome: 'failure', say: 'seErrTooMany' },
  109: { name: 'ERR_IP_ADDRESS_DENIED', outcome: 'failure', say: 'seErrIpDenied' },
  126: { name: 'ERR_AUTO_DISCONNECTED', outcome: 'info', say: 'seErrAutoDisconnected' },
};
