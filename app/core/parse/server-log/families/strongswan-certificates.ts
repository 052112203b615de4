import { context, d, step, type Rule } from '../kit';
import { setRole } from './strongswan-role';

/**
 * strongSwan charon's certificate checks as a client's `ipsec up` prints them (jawj/IKEv2-setup #123) or a server logs them: the
 * chain it could not build, the issuer missing, the revocation check, the other side's key not trusted; and the lines only the side that
 * started a connection logs: the controller's "establishing connection … failed", the AUTHENTICATION_FAILED notify received.
 */
export const CERTIFICATE_RULES: Rule[] = [
  // strongSwan src/libcharon/sa/ikev2/authenticators/pubkey_authenticator.c process(): no certificate of the other side's identity
  // chains up to a trusted CA here (`no issuer certificate found for "…"` / `issuer is "…"` just before name the missing one:
  // jawj/IKEv2-setup #123, a client without the ISRG Root X1 root), or the identity is not in it (strongswan/strongswan #1712)
  [/^no trusted (?:RSA|ECDSA|ED25519|ED448) public key found for '([^']*)'$/, (m) => ({ decoded: [d('noTrustedKey', { id: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed' })],
  // src/libstrongswan/credentials/credential_manager.c (issuer_of / verify chain): the CA that issued a certificate is not here
  context(/^no issuer certificate found for "([^"]*)"$/, (m) => step('noIssuerCert', { subject: m[1]! }, 'warning')),
  context(/^issuer is "([^"]*)"$/, (m) => step('certIssuer', { issuer: m[1]! })),
  // src/libcharon/sa/ikev2/tasks/ike_cert_pre.c process_certreqs: the other side's CERTREQ payloads name CAs (by key id) of which this
  // side holds no certificate — `received %u cert requests for an unknown ca`, one line for all of them (each at DBG2 before it).
  // Windows names every root CA in its store (ftao/vpn-deploy-playbook #123: 20, openwrt/packages #25801: 135), so it is the usual
  // line of a Windows PC's IKE_AUTH and no fault by itself: this side sends its certificate all the same
  context(/^received (\d+) cert requests? for an unknown ca$/, (m) => step('certRequestsUnknownCa', { n: m[1]! })),
  // the same at log level 2, one line per CA (ike_cert_pre.c process_certreq: "received cert request for unknown ca with keyid %Y")
  context(/^received cert request for unknown ca with keyid [0-9a-f:]+$/, () => step('certRequestsUnknownCa', { n: '1' })),
  // src/libstrongswan/credentials/credential_manager.c verify_trust_chain (DBG1 CFG): the chain of the other side's certificate ended
  // at a trusted root CA — "  reached self-signed root ca with a path length of %d" (intermediate CAs between); the trust check passed
  context(/^reached self-signed root ca with a path length of (\d+)$/, (m) => step('certChainTrusted', { n: m[1]! }, 'success')),
  // ike_cert_post.c build_certs (isakmp_cert_post.c the same for IKEv1): this side's own certificate, then each intermediate CA
  // certificate it sends along (AUTH_RULE_IM_CERT) so the other side can build the chain to a root it trusts
  context(/^sending (end entity|issuer) cert "([^"]*)"$/, (m) => step(m[1] === 'issuer' ? 'certSentIssuer' : 'certSent', { subject: m[2]! })),
  // credential_manager.c / revocation plugin: the certificate's revocation check (OCSP, CRL) — bookkeeping unless it fails
  // (revocation_validator.c: "ocsp check skipped, no ocsp found" / "crl check skipped, no crl found" — the certificate names no OCSP
  // responder / CRL and none is configured: its status stays "not available", the usual case for a self-made CA)
  context(/^checking certificate status of "[^"]*"$|^(?:ocsp|crl) check skipped, no (?:ocsp|crl) found$|^ocsp response (?:correctly signed by "[^"]*"|is valid: until .*)$|^using cached ocsp response$|^certificate status is (?:good|not available)$/, () => step('charonHousekeeping')),
  // src/libcharon/sa/ikev2/tasks/ike_auth.c process_i: an error notify in the IKE_AUTH response, which only the initiator processes — the
  // responder answers an AUTH it cannot verify with AUTHENTICATION_FAILED (RFC 7296 §2.21.2): this side initiated and the other side
  // refused its authentication, a role-telling line (a paste of both routers' logs, or an initiator's swanctl output, may hold no other)
  [
    /^received AUTHENTICATION_FAILED notify error$/,
    (_m, _p, s) => {
      setRole(s, true);
      return { decoded: [d('ikeAuthFailed', { id: '', role: 'initiator' })], outcome: 'failure', cause: 'ike-auth-failed' };
    },
  ],
  // src/libcharon/control/controller.c: `ipsec up` / an initiate that ended without an IKE_SA — only the side that starts a connection logs it
  [
    /^establishing connection '([^']*)' failed$/,
    (m, _p, s) => {
      setRole(s, true);
      return { decoded: [d('connectionFailed', { name: m[1]! })], outcome: 'warning' };
    },
  ],
];
