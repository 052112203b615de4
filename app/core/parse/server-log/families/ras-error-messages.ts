import type { Cause } from '../types';

/**
 * RemoteAccess 20271 ("The user %1 connected from %2 but failed an authentication attempt due to
 * the following reason: %3") and 20255 ("The following error occurred in the Point to Point
 * Protocol module on port: %1, UserName: %2. %3") carry the reason as the *message text* of a
 * Windows RAS error (FormatMessage of the raserror.h code), not as its number: the event has no
 * other trace of the code. So the reason is matched against the English texts those codes have in
 * RRAS's events; a reason in another language, or a text not listed, is left undecoded (20271 then
 * keeps its general "authentication failed", 691; 20255 names no cause).
 *
 * The texts are raserror.h's (Windows SDK, the message each code's FormatMessage gives on Vista and
 * later; read in the search index's copy of the header, file id 4614362637, and listed in Microsoft
 * Learn "Routing and Remote Access Error Codes",
 * https://learn.microsoft.com/en-us/windows/win32/rras/routing-and-remote-access-error-codes);
 * 812's as an RRAS event quoted it (below). Matched by a distinctive part, so a text with or without
 * its trailing sentence reads the same.
 */
interface RasErrorText {
  text: RegExp;
  code: number;
  cause: Cause;
}

const RAS_ERROR_TEXTS: readonly RasErrorText[] = [
  // 691 ERROR_AUTHENTICATION_FAILURE "The remote connection was denied because the user name and password combination you provided is not recognized, …"
  { text: /user name and password combination you provided is not recognized|username and\/or password was invalid/i, code: 691, cause: 'credentials-rejected' },
  // 691's text on a German Windows: a real 20271 whose binary data is B3020000 (691) gives it as its reason ("Die Remoteverbindung wurde
  // verweigert, weil die angegebene Kombination aus Benutzername und Kennwort nicht erkannt wird …": test/fixtures/real/server-logs/
  // rras-event-xml-one-line-de-20271-binary-691-german-reason.txt), so a German copy without its XML still names 691
  { text: /Kombination aus Benutzername und Kennwort nicht erkannt/i, code: 691, cause: 'credentials-rejected' },
  // 812 ERROR_SERVER_POLICY: 20271 and the PPP-module event quoted in Microsoft's KB 2801679 ("SSL/TLS communication problems after
  // you install KB 931125", its events table: a certificate-based EAP that failed on the server); the server's network policy does
  // not accept the way the PC authenticates
  { text: /policy configured on your RAS\/VPN server/i, code: 812, cause: 'ras-error' },
  // 649 ERROR_NO_DIALIN_PERMISSION "The account does not have permission to dial in."
  { text: /does not have permission to dial in/i, code: 649, cause: 'credentials-rejected' },
  // 647 ERROR_ACCT_DISABLED "The account is disabled."
  { text: /account is disabled/i, code: 647, cause: 'credentials-rejected' },
  // 648 ERROR_PASSWD_EXPIRED "The password for this account has expired."
  { text: /password for this account has expired/i, code: 648, cause: 'credentials-rejected' },
  // 708 ERROR_ACCT_EXPIRED "The account has expired." (after 648: "this account has expired" is that one)
  { text: /(?<!this )account has expired/i, code: 708, cause: 'credentials-rejected' },
  // 646 ERROR_RESTRICTED_LOGON_HOURS "The account is not permitted to log on at this time of day."
  { text: /not permitted to log on at this time of day/i, code: 646, cause: 'credentials-rejected' },
  // 709 ERROR_CHANGING_PASSWORD "There was an error changing the password on the domain. …"
  { text: /error changing the password on the domain/i, code: 709, cause: 'credentials-rejected' },
  // 717 ERROR_NO_IP_ADDRESSES "No IP addresses are available in the static pool of Remote Access Service IP addresses."
  { text: /No IP addresses are available in the static pool/i, code: 717, cause: 'address-pool' },
  // 718 ERROR_PPP_TIMEOUT "The connection was terminated because the remote computer did not respond in a timely manner."
  { text: /terminated because the remote computer did not respond in a timely manner/i, code: 718, cause: 'ras-error' },
  // 732 ERROR_PPP_NOT_CONVERGING "The PPP negotiation is not converging." Windows NT 4.0's RRAS logged it in its PPP-module event as
  // "The PPTP negotiation is not converging" when GRE (IP protocol 47) was blocked on the way and the PC saw 721 (Microsoft KB 888201,
  // "You receive an Error 721 …", whose CAUSE is a firewall that does not permit GRE): over PPTP, GRE blocked; the PPP wording alone
  // names no tunnel, so only the error
  { text: /\bPPTP negotiation is not converging/i, code: 732, cause: 'no-ppp-frames' },
  { text: /\bPPP negotiation is not converging/i, code: 732, cause: 'ras-error' },
  // 734 ERROR_PPP_LCP_TERMINATED "The PPP link control protocol was terminated."
  { text: /PPP link control protocol was terminated/i, code: 734, cause: 'ras-error' },
  // 738 ERROR_PPP_NO_ADDRESS_ASSIGNED "The remote connection was not made because the remote access server did not assign an IP address."
  { text: /remote access server did not assign an IP address/i, code: 738, cause: 'address-pool' },
  // 741 ERROR_NO_LOCAL_ENCRYPTION / 742 ERROR_NO_REMOTE_ENCRYPTION "The local (remote) computer does not support the required data
  // encryption type." Logged by the VPN server, "local" is the server and "remote" the PC: a 742 there is the PC without the
  // encryption the server requires (KB Q172215: a server forcing 128-bit logs it for a client without 128-bit, which shows 629),
  // a 741 the server without what the PC asks for. (Windows NT 4.0's RAS wrote it without "data".)
  { text: /local computer does not support the required (?:data )?encryption type/i, code: 741, cause: 'server-refused-encryption' },
  { text: /remote computer does not support the required (?:data )?encryption type/i, code: 742, cause: 'pc-refused-encryption' },
  // 942 ERROR_AUTH_PROTOCOL_RESTRICTION (mprerror.h ROUTEBASE+42, the VPN server's own code) "The connection could not be
  // established because the authentication method used by your connection profile is not permitted for use by an access policy
  // configured on the RAS/VPN server" (older text: "You do not have permission to connect using the selected authentication protocol")
  { text: /authentication method used by your connection profile is not permitted|permission to connect using the selected authentication protocol/i, code: 942, cause: 'auth-protocol-mismatch' },
  // 614 ERROR_OUT_OF_BUFFERS "Out of buffers." (Windows NT; "There were insufficient buffers available." later, obsolete since Vista):
  // KB Q172290 quotes it in an NT 4.0 RRAS server's PPP-module, initial-data and demand-dial events
  { text: /\bOut of buffers\b|\binsufficient buffers available\b/i, code: 614, cause: 'ras-error' },
  // 651 ERROR_FROM_DEVICE "Your modem (or other connecting device) has reported an error." (NT; "The modem …" later): KB Q183382
  // quotes it in a demand-dial event (20111) whose interface had IP disabled or could get no address from DHCP
  { text: /\bmodem \(or other connecting device\) has\s+reported an error/i, code: 651, cause: 'ras-error' },
  // 919 ERROR_PEER_REFUSED_AUTH (mprerror.h ROUTEBASE+19) "The remote computer refused to be authenticated using the configured
  // authentication protocol. The line has been disconnected.": this side asked the other to authenticate itself too (RRAS's two-way
  // authentication on a demand-dial interface, KB Q193843) and the other side would not with the method configured
  { text: /\bremote computer refused to be authenticated using the\s+configured\s+authentication protocol/i, code: 919, cause: 'auth-protocol-mismatch' },
  // 602 ERROR_PORT_ALREADY_OPEN "The port is already open." (KB Q175793: a demand-dial interface's port held by another connection)
  { text: /\bThe (?:specified )?port is\s+already open\b/i, code: 602, cause: 'ras-error' },
  // 925 ERROR_INTERFACE_HAS_NO_DEVICES (mprerror.h ROUTEBASE+25) "There are no routing enabled ports available for use by this demand
  // dial interface." (KB Q175793 writes "routing-enabled … the demand dial interface")
  { text: /\bno routing[- ]enabled\s+ports available for use by (?:this|the)\s+demand\s+dial/i, code: 925, cause: 'ras-error' },
  // 13801 ERROR_IPSEC_IKE_AUTH_FAIL "IKE authentication credentials are unacceptable" (winerror.h; not seen inside an RRAS event: assumed)
  { text: /IKE authentication credentials are unacceptable/i, code: 13801, cause: 'ike-auth-failed' },
];

/** The RAS error a reason text is, or undefined when it is none of the English texts above. */
export function rasErrorOfText(reason: string | undefined): { code: number; cause: Cause } | undefined {
  if (!reason) return undefined;
  const hit = RAS_ERROR_TEXTS.find((e) => e.text.test(reason));
  return hit ? { code: hit.code, cause: hit.cause } : undefined;
}

/** The accounts' and passwords' codes (raserror.h 646-649, 691, 708, 709): a credentials problem; the rest by what they are. */
const CREDENTIAL_CODES: ReadonlySet<number> = new Set([646, 647, 648, 649, 691, 708, 709]);
const ADDRESS_CODES: ReadonlySet<number> = new Set([717, 738]);

/** The cause a Windows RAS error code read from an event's data stands for (as the texts above map it). */
export function causeOfRasCode(code: number): Cause {
  if (CREDENTIAL_CODES.has(code)) return 'credentials-rejected';
  if (ADDRESS_CODES.has(code)) return 'address-pool';
  if (code === 942 || code === 919) return 'auth-protocol-mismatch';
  // the server's own 741/742, as their texts above
  if (code === 741) return 'server-refused-encryption';
  if (code === 742) return 'pc-refused-encryption';
  return code === 13801 ? 'ike-auth-failed' : 'ras-error';
}
