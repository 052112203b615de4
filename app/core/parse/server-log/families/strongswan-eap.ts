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
  [/^no trusted certificate found for '([^']*)' to verify TLS peer$/, (m) => ({ decoded: [d('tlsPeerUntrusted', { subject: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed' })],
];
