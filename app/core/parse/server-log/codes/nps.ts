import type { Cause } from '../types';

/**
 * NPS (IAS) reason codes: the number NPS writes with each decision (its log files' Reason-Code, the
 * "Reason Code" of events 6272–6274), the identifier administrators search for, the cause it names
 * and the Windows error (raserror.h) a denial turns into on the PC. What each code means, in the
 * reader's words, is `serverLog.npsReason.<code>` in the i18n catalogues (describe.ts npsReasonText):
 * the parser keeps the number, never English words.
 *
 * Meanings from Microsoft Learn "NPS Reason Codes" (Windows Server 2008 R2):
 * - 0–37: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/dd197464(v=ws.10)
 * - 38–257: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/dd197521(v=ws.10)
 * - 258–282: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/dd197582(v=ws.10)
 * - 283–303: https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-r2-and-2008/dd197508(v=ws.10)
 * The pages for 0–37 and 38–257 were read only in part (0–8, 38, 48, 49, 64); the other codes of
 * those ranges are worded from Microsoft's descriptions as bakerds/NPS-Log-Parsing Reason-Code.csv
 * (commit 6b43760) copies them, or as another public NPS log parser copies dd197521's whole table
 * (search index file id 3038080011: 65–73, 80, 96, 97, 112–118), and, where neither has a text, from
 * the IAS_ name (assumed).
 * The IAS_ names are those of Windows' IAS_REASON_CODE as public NPS-log parsers list them (the same
 * Reason-Code.csv); Microsoft Learn does not publish them, and codes that have none there have none here.
 */
export interface NpsReason {
  /** Windows' IAS_ identifier, where one is known */
  ias?: string;
  cause?: Cause;
  /** the Windows error the PC shows for it */
  code?: number;
}

/**
 * The codes that say the certificate a PC logs in with (EAP-TLS, PEAP-TLS, smart card) was refused, or could not be checked:
 * its chain, its validity, its purpose, its name, or the revocation list (CRL) NPS must read for it (dd197582, dd197508, and
 * 256/257 of dd197521). Left out as not a certificate: 260, 262, 266 (a message altered or malformed), 261 (no AD DS: a
 * directory outage), 263 (incomplete credentials), 264 (clocks), 269 (no common algorithm), 270 (smart card required), 271
 * (NPS shutting down), 273–277 (Windows Trust Verification of NPS's own EAP binaries), 299, 301, 302 (message sequence,
 * cryptobinding TLV). 73 ("The Enhanced Key Usage (EKU) extensions section of the user or computer certificate are not
 * valid or are missing", Reason-Code.csv) is the same refusal as 267.
 */
export const CERTIFICATE_REASON_CODES: readonly number[] = [73, 256, 257, 258, 259, 265, 267, 268, 272, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 300];

/** The reason codes the wording knows (each has `serverLog.npsReason.<code>` in every catalogue; nps-reason-wording.test.ts). */
export const NPS_REASONS: Readonly<Record<number, NpsReason>> = {
  0: { ias: 'IAS_SUCCESS' },
  1: { ias: 'IAS_INTERNAL_ERROR' },
  2: { ias: 'IAS_ACCESS_DENIED', cause: 'credentials-rejected', code: 691 },
  3: { ias: 'IAS_MALFORMED_REQUEST' },
  4: { ias: 'IAS_GLOBAL_CATALOG_UNAVAILABLE', cause: 'radius-unreachable' },
  5: { ias: 'IAS_DOMAIN_UNAVAILABLE', cause: 'radius-unreachable' },
  6: { ias: 'IAS_SERVER_UNAVAILABLE', cause: 'radius-unreachable' },
  7: { ias: 'IAS_NO_SUCH_DOMAIN', cause: 'credentials-rejected', code: 691 },
  8: { ias: 'IAS_NO_SUCH_USER', cause: 'credentials-rejected', code: 691 },
  16: { ias: 'IAS_AUTH_FAILURE', cause: 'credentials-rejected', code: 691 },
  17: { ias: 'IAS_CHANGE_PASSWORD_FAILURE', cause: 'credentials-rejected', code: 709 },
  18: { ias: 'IAS_UNSUPPORTED_AUTH_TYPE', cause: 'auth-protocol-mismatch' },
  // "the EAP type cannot be processed by the server" (dd197464); its IAS_ name is not published
  22: { cause: 'auth-protocol-mismatch' },
  // 9, 10, 21: a third-party or IAS extension DLL discarded, failed or rejected; 19: no reversibly encrypted password (CHAP);
  // 20: LAN Manager authentication not enabled; 23: "Unexpected error. Possible error in server or client configuration"
  9: {},
  10: {},
  19: {},
  20: {},
  21: {},
  23: {},
  // only local accounts (assumed from the name)
  32: { ias: 'IAS_LOCAL_USERS_ONLY' },
  33: { ias: 'IAS_PASSWORD_MUST_CHANGE', cause: 'credentials-rejected', code: 648 },
  34: { ias: 'IAS_ACCOUNT_DISABLED', cause: 'credentials-rejected', code: 647 },
  35: { ias: 'IAS_ACCOUNT_EXPIRED', cause: 'credentials-rejected', code: 647 },
  36: { ias: 'IAS_ACCOUNT_LOCKED_OUT', cause: 'credentials-rejected', code: 691 },
  37: { ias: 'IAS_INVALID_LOGON_HOURS', cause: 'credentials-rejected', code: 646 },
  // "Authentication failed due to a user account restriction or requirement that was not followed", e.g. a blank password (dd197521);
  // the PC's error assumed the general 691
  38: { ias: 'IAS_ACCOUNT_RESTRICTION', cause: 'credentials-rejected', code: 691 },
  // 812 is raserror.h ERROR_SERVER_POLICY (RASBASE+212, "The connection was prevented because of a policy configured on your
  // RAS/VPN server …"), the PC's error for a connection no network policy lets in. (ERROR_AUTH_PROTOCOL_RESTRICTION is another
  // code: mprerror.h ROUTEBASE+42 = 942, the VPN server's own error for an authentication method a policy does not allow.)
  48: { ias: 'IAS_NO_POLICY_MATCH', cause: 'ras-error', code: 812 },
  49: { cause: 'ras-error', code: 812 },
  // "Remote Access Account Lockout is enabled, and the user's authentication attempts have exceeded the designated lockout count" (dd197521)
  64: { ias: 'IAS_DIALIN_LOCKED_OUT', cause: 'credentials-rejected', code: 691 },
  65: { ias: 'IAS_DIALIN_DISABLED', cause: 'credentials-rejected', code: 649 },
  66: { ias: 'IAS_INVALID_AUTH_TYPE', cause: 'auth-protocol-mismatch' },
  // Where the PC connects from, to, or how, refused — not the password (dd197521, as NPS log parsers copy its texts, search index
  // file id 3038080011): 67 "the value of the Calling-Station-ID attribute … did not match the value of Verify Caller ID in user
  // account dial-in properties" (for a VPN the PC's public address); 69 "The telephone number of the network access server does
  // not match the value of the Calling-Station-ID attribute that is configured in the constraints of the matching network policy"
  // (the Called Station ID: the VPN server's own address the PC dialled); 70 "The network access method used by the access client
  // … does not match the value of the NAS-Port-Type attribute that is configured in the constraints" (a VPN is Virtual (VPN));
  // 71 has no text there, only its name IAS_INVALID_RESTRICTION (another constraint of the policy: assumed). Each is worded
  // on its own (serverLog.cause.policyConstraint.<reason>); the PC's error is assumed the policy error 812, as for 48.
  67: { ias: 'IAS_INVALID_CALLING_STATION', cause: 'policy-constraint', code: 812 },
  68: { ias: 'IAS_INVALID_DIALIN_HOURS', cause: 'credentials-rejected', code: 646 },
  69: { ias: 'IAS_INVALID_CALLED_STATION', cause: 'policy-constraint', code: 812 },
  70: { ias: 'IAS_INVALID_PORT_TYPE', cause: 'policy-constraint', code: 812 },
  71: { ias: 'IAS_INVALID_RESTRICTION', cause: 'policy-constraint', code: 812 },
  // the policy does not allow a password change
  72: {},
  // 80 IAS_NO_RECORD: "NPS attempted to write accounting data to the data store (a log file on the local computer or a SQL Server
  // database), but failed to do so" (dd197521). NPS then discards the request ("If logging fails, discard connection requests",
  // its accounting setting): the VPN server gets no answer and no password is checked, as with 4–6
  80: { ias: 'IAS_NO_RECORD', cause: 'radius-unreachable' },
  // 96 IAS_SESSION_TIMEOUT: "Authentication failed due to an Extensible Authentication Protocol (EAP) session timeout; the EAP
  // session with the access client was incomplete" (dd197521): the log-in stopped half-way, no answer to NPS's last challenge
  96: { ias: 'IAS_SESSION_TIMEOUT', cause: 'eap-timeout' },
  // 97 IAS_UNEXPECTED_REQUEST: "The authentication request was not processed because it contained a RADIUS message that was not
  // appropriate for the secure authentication transaction" (dd197521): one message out of turn, discarded; no cause by itself
  97: { ias: 'IAS_UNEXPECTED_REQUEST' },
  // NPS as a RADIUS proxy (Reason-Code.csv): 112 the remote server did not process the request, 113 no such remote server group,
  // 115 neither an accounting nor a connection request, 116 the request could not be sent (socket errors), 117 the remote
  // server did not respond, 118 its answer was malformed. 116 and 117: the password is never checked, as with 4–6
  112: {},
  113: {},
  115: {},
  116: { cause: 'radius-unreachable' },
  117: { cause: 'radius-unreachable' },
  118: {},
  // dd197582: 260 an altered EAP message, 261 AD DS or the local accounts database unreachable (as 4–6), 262 an incomplete
  // message, 263 incomplete credentials, 264 clocks not synchronized, 266 an unexpected or malformed message, 269 no common
  // algorithm, 270 a smart card required, 271 NPS shutting down, 273–277 Windows Trust Verification of NPS's own EAP binaries;
  // dd197508: 299 a wrong message sequence, 301 an invalid cryptobinding TLV, 302 a missing one
  260: {},
  261: { cause: 'radius-unreachable' },
  262: {},
  263: {},
  264: {},
  266: {},
  269: {},
  270: {},
  271: {},
  273: {},
  274: {},
  275: {},
  276: {},
  277: {},
  299: {},
  301: {},
  302: {},
  ...Object.fromEntries(CERTIFICATE_REASON_CODES.map((code) => [code, { cause: 'certificate-rejected' as const }])),
};
