import { d, step, tagged, type Hit, type Rule } from '../kit';

/**
 * Cisco IOS / IOS-XE `debug crypto pki transactions` / `validation` (ios.ts reads the rest of the family): how the router checks the
 * certificate the other side sent in IKE_AUTH (a Windows IKEv2 client's machine certificate, another router's). Each line starts
 * `CRYPTO_PKI:` (IOS 15 writes some `CRYPTO_PKI :`), then, in a chain check, the check's context id in brackets, `(A16A8)`. The texts
 * are the real ones of Cisco's document 117337 (an ASA's certificate checked by an IOS router: `(A16A8) Adding peer certificate`,
 * `validation path has 1 certs`, `Create a list of suitable trustpoints`, `Unable to locate cert record by issuername`, `No trust point
 * for cert issuer, looking up cert chain`, `(A16A8) No suitable trustpoints found`; test/fixtures/real/SOURCES.md), and the enrollment
 * lines of IOS routers' notes (`Certificate Request Fingerprint MD5: …`); the expiry wording is assumed (marked below).
 *
 * What the PC sees when the router refuses its certificate: the router answers IKE_AUTH with AUTHENTICATION_FAILED (RFC 7296 §2.21.2),
 * which Windows reports as 13801, "IKE authentication credentials are unacceptable" (winerror.h ERROR_IPSEC_IKE_AUTH_FAIL; the cause
 * ike-auth-failed, as ras-error-messages.ts reads 13801).
 */
const HEAD = /^CRYPTO_PKI ?: ?(?:\(([0-9A-Fa-f]+)\) ?)?\s*(.*?)\s*$/;

/** Whether a header-less (or IOS-timed) line is one of this debug's: a plain prefix test, for the lines of `C` only (ios.ts claims). */
export const pkiClaims = (message: string): boolean => message.charCodeAt(0) === 67 /* C */ && message.startsWith('CRYPTO_PKI') && HEAD.test(message);

/**
 * The router found no trustpoint whose CA issued the other side's certificate: the chain cannot be built to a CA it trusts (its
 * `crypto pki trustpoint` holds another CA, or none; an intermediate the other side did not send). The last of the lines that look
 * ("No suitable trustpoints found") is the refusal; the lines before it are steps of the search.
 */
const NO_TRUSTPOINT = /^No suitable trustpoints? found\b/i;
/** "… looking up cert chain" / "Unable to locate cert record by issuername": the search goes on (to the chain the peer sent) */
const LOOKING = /^(?:No trust ?point for cert issuer\b|Unable to locate cert record by issuer ?name\b)/i;
/**
 * A certificate out of its validity period: assumed wording (IOS's `%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has
 * failed. The certificate (SN: …) has expired.` names it so; the debug's own texts are not in the public material read) — either
 * certificate may have run out, or one of the two clocks is wrong (Cisco's "PKI Service for Large Scale IPSec Aggregation", "Clock
 * not Synchronized or Certificate Expired").
 */
const EXPIRED = /\b(?:has expired|is expired|not yet valid)\b/i;
/** "Certificate validation failed", "chain validation has failed", "Verify chain failed" (assumed wordings of a refused chain) */
const CHAIN_FAILED = /\b(?:validation (?:has )?failed|verify chain failed)\b/i;

/**
 * A PKI operation's error status, `status = 0x760(E_DIGEST_ALG_NOT_SUPPORTED : message digest algorithms not supported): Imported PKCS12
 * file failure` (an IOS-XE router refusing a SHA-256-signed PKCS #12 bundle, CSCvz41428; a playbook's README, SOURCES.md): the
 * operation after the colon failed for the reason in brackets — an import or enrollment of the router's own certificate, without which
 * it cannot authenticate with certificates (IKEv2 `authentication local rsa-sig`)
 */
const STATUS = /^status = (0x[0-9A-Fa-f]+)\((E_[A-Z0-9_]+) ?: ?([^)]*?)\s*\): ?(.*?)\s*$/;

function pkiHit(text: string): Hit {
  const hit = ((): Hit => {
    const status = text.match(STATUS);
    if (status) return { decoded: [d('iosPkiStatusFailed', { code: status[1]!, name: status[2]!, reason: status[3]!, what: status[4]! })], outcome: /fail/i.test(status[4]!) ? 'failure' : 'warning' };
    if (NO_TRUSTPOINT.test(text)) return { decoded: [d('iosPkiNoTrustpoint')], outcome: 'failure', cause: 'ike-auth-failed' };
    if (EXPIRED.test(text)) return { decoded: [d('iosPkiExpired', { text })], outcome: 'failure', cause: 'ike-auth-failed' };
    if (CHAIN_FAILED.test(text)) return { decoded: [d('iosPkiChainFailed', { text })], outcome: 'failure', cause: 'ike-auth-failed' };
    if (LOOKING.test(text)) return step('iosPkiIssuerUnknown', { text }, 'warning');
    return step('iosPki', { text });
  })();
  // (no session: the line's first word is no interface; the chain check's context id, `(A16A8)`, is no IKE session's)
  return tagged(hit, { session: '' });
}

export const IOS_PKI_RULES: Rule[] = [[HEAD, (m) => pkiHit(m[2]!)]];
