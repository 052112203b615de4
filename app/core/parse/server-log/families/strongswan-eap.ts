import { context, d, step, tagged, type Rule } from '../kit';

/**
 * strongSwan as the EAP server of an IKEv2 log-in (Windows' "user name and password" is EAP-MSCHAPv2, its "certificate" EAP-TLS):
 * the lines charon logs between IKE_AUTH's start and the PC's AUTH payload. Spread into strongswan.ts's rule list.
 */
export const EAP_RULES: readonly Rule[] = [
  // src/libcharon/sa/ikev2/authenticators/eap_authenticator.c server_process_eap: the EAP-Identity response, "received EAP identity '%Y'"
  // (the eap-ttls and eap-peap plugins log their inner identity the same way) — the user name the PC logs in with, which Windows'
  // IKE identity (its IP address) is not: the entry's user, for --redact and for matching the PC's own events
  context(/^received EAP identity '([^']*)'$/, (m) => tagged(step('charonEapIdentity', { user: m[1]! }), { user: m[1] })),
  // eap_authenticator.c server_process_eap / process_client: "EAP method %N succeeded, %sMSK established" ("no " when the method
  // derives none), the vendor form "EAP vendor specific method %d-%d succeeded, …"
  context(/^EAP (?:method (\S+)|vendor specific method (\d+-\d+)) succeeded, (?:no )?MSK established$/, (m) => step('charonEapSucceeded', { method: m[1] ?? m[2]! }, 'success')),
  // eap_authenticator.c server_initiate_eap: eap_identity=%any asks the PC for its user name first, but the eap-identity plugin is not
  // loaded — charon goes on with the PC's IKE identity (Windows' IP address) as the EAP user name, which no EAP secret is for
  [/^EAP-Identity request configured, but not supported$/, () => step('charonEapIdentityUnsupported', undefined, 'warning')],
  // server_initiate_eap: "%s %N method failed" — `loading` when no plugin provides the configured method (eap-mschapv2, eap-tls …:
  // Debian's and Ubuntu's libcharon-extra-plugins, as the blog and write-up in test/fixtures/real/SOURCES.md found), `initiating` when
  // it is loaded but cannot start (assumed: EAP-TLS without a server certificate); the PC gets EAP-Failure. The vendor form names numbers
  [
    /^(loading|initiating) (?:(EAP_[A-Z0-9_]+)|EAP vendor type (\d+-\d+)) method failed$/,
    (m) => ({ decoded: [d(m[1] === 'loading' ? 'eapMethodNotLoaded' : 'eapMethodNotStarted', { method: m[2] ?? m[3]! })], outcome: 'failure', cause: 'eap-method-unavailable' }),
  ],
  // eap_authenticator.c server_initiate_eap: "initiating %N method (id 0x%02X)" (eap_type_names: EAP_IDENTITY, EAP_MSCHAPV2, EAP_TLS …),
  // "initiating EAP vendor type %d-%d method (id 0x%02X)" — the server's first EAP request; EAP_IDENTITY (eap_identity=%any) asks the
  // PC for its user name before the log-in method starts (Windows expects that request: strongswan/strongswan #2833)
  context(/^initiating (?:(EAP_[A-Z0-9_]+)|EAP vendor type (\d+-\d+)) method \(id 0x[0-9A-Fa-f]{2}\)$/, (m) => (m[1] === 'EAP_IDENTITY' ? step('eapIdentityRequest') : step('eapMethodStart', { method: m[1] ?? m[2]! }))),
  // src/libtls/tls_server.c (EAP-TLS, EAP-PEAP, EAP-TTLS with a client certificate): the certificate the PC sent, and none of the
  // server's trusted CAs vouching for it — the PC chose a wrong certificate (an old one, another CA's), or the server lacks its CA
  context(/^received TLS peer certificate '([^']*)'$/, (m) => step('charonTlsPeerCert', { subject: m[1]! })),
  // src/libtls/tls_eap.c (DBG2 TLS): the EAP-TLS (or TTLS, PEAP, TNC) records carried in IKE_AUTH, fragmented to fit — "sending %N start
  // packet (%u bytes)", "sending %N first fragment|further fragment|final fragment|packet (%u bytes)", "sending|received %N acknowledgment
  // packet" (each fragment is acknowledged by an empty packet, RFC 5216 §2.1.5), DBG1 "%N version is v%u" — the handshake's progress
  context(/^(?:sending (EAP_[A-Z0-9_]+) (?:start packet|first fragment|further fragment|final fragment|packet) \((\d+) bytes\)|(?:sending|received) (EAP_[A-Z0-9_]+) acknowledgment packet|(EAP_[A-Z0-9_]+) version is v\d+)$/, (m) => step('charonEapTlsRecord', { method: m[1] ?? m[3] ?? m[4]! })),
  // tls_eap.c's refusals of a packet (DBG1): the EAP-TLS conversation stops there, and the EAP method's failure follows
  context(/^(?:received (EAP_[A-Z0-9_]+) packet with unsupported version v\d+|(EAP_[A-Z0-9_]+) packet too short|invalid (EAP_[A-Z0-9_]+) packet length(?: \(\d+ bytes\))?|(EAP_[A-Z0-9_]+) packet count exceeded \(\d+ > \d+\)|received unexpected (EAP_[A-Z0-9_]+) start from client|received (EAP_[A-Z0-9_]+) acknowledgment packet before EAP conversation started)$/, (m) =>
    step('charonEapTlsRefused', { method: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]! }, 'warning')),
  // src/libtls/tls_alert.c (DBG1 TLS): the alerts that end or warn in the TLS handshake of EAP-TLS/PEAP/TTLS (RFC 8446 §6, RFC 5246
  // §7.2; tls_alert_desc_names: 'access denied', 'unknown ca', 'bad certificate', 'certificate unknown' …) — "received fatal TLS alert
  // '%N'" (the other side refused: a Windows PC that does not accept the server's certificate, or cannot use its own, answers so),
  // "sending fatal TLS alert '%N'" (this side refused), "… TLS alert warning '%N'", "received unknown TLS alert '%N'", "… TLS close
  // notify". The EAP method's failure line after it gives the cause
  context(/^received (?:fatal|unknown) TLS alert '([^']*)'$/, (m) => step('charonTlsAlertReceived', { alert: m[1]! }, 'warning')),
  context(/^sending fatal TLS alert '([^']*)'$/, (m) => step('charonTlsAlertSent', { alert: m[1]! }, 'warning')),
  context(/^(?:received|sending) TLS alert warning '([^']*)'$|^(?:received|sending) TLS close notify$/, () => step('charonHousekeeping')),
  [/^no trusted certificate found for '([^']*)' to verify TLS peer$/, (m) => ({ decoded: [d('tlsPeerUntrusted', { subject: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed' })],
];
