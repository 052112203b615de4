import { d, step, tagged, type Hit } from '../kit';

/**
 * How the ASA checks a client's certificate and the TLS handshake before an AnyConnect (or IKE certificate) log-in, by id as the
 * "Cisco Secure Firewall ASA Series Syslog Messages" guide gives them (https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html,
 * classes "ca" 717xxx and "npssl" 725xxx; 113026–113028 in "auth"):
 * - 717025 "Validating certificate chain containing n certificate(s).", 717029 "Identified client certificate within certificate
 *   chain. serial number: …, subject name: …", 717030 "Found a suitable trustpoint trustpoint to validate certificate.", 717022
 *   "Certificate was successfully validated. certificate_identifiers", 717028 "Certificate chain was successfully validated with
 *   warning, revocation status was not checked.", 717009 "Certificate validation failed. reason", 717027 "Certificate chain failed
 *   validation. reason";
 * - 717036 "Looking for a tunnel group match based on certificate maps for peer certificate with …", 717037 "Tunnel group search
 *   using certificate maps failed for peer certificate: …";
 * - 113028 "Extraction of username from VPN client certificate has string. [Request num]", 113026 "Error error while executing Lua
 *   script for group tunnel_group", 113027 "Error activating tunnel-group scripts" (the connection profile's username-from-certificate
 *   rule, which the ASA keeps as a Lua script: rnwolfe, "CAC Based Remote Access VPN on the ASA", 2016);
 * - 725001 "Starting SSL handshake with …", 725002 "Device completed SSL handshake with …", 725006 "Device failed SSL handshake with
 *   …", 725007 "SSL session with … terminated." (older images: `with client inside:ip/port`).
 * Real lines: test/fixtures/real/server-logs/asa-cac-*.txt (SOURCES.md).
 */

/** Whether the id is one of these: 717xxx, 725xxx, 113026–113028. */
export const isPkiId = (id: number): boolean => Math.floor(id / 1000) === 717 || Math.floor(id / 1000) === 725 || (id >= 113026 && id <= 113028);

/** `subject name: c=US,…,cn=NAME.` up to `, issuer_name:` or the line's end, without the sentence's final period */
const subjectOf = (text: string): string => text.match(/subject name: +(.*?)(?:, issuer_name:.*)?\.?\s*$/)?.[1] ?? '?';
/** `client inside:10.1.2.3/50536`, `client outside:ip/port to ip/port` or `server inside:ip/port`: the other side's address */
const clientOf = (text: string): string => text.match(/with (?:client|\S+) [^:\s]+:([0-9A-Fa-f.:]+?)\/\d+/)?.[1] ?? '?';

export function pkiHit(id: number, text: string, severity: number): Hit {
  // `SSL handshake with server inside:ip/port` (the guide's peer-type client|server): the ASA's own TLS connection to a server it
  // uses (an LDAP over SSL directory, say), no VPN client's
  if (Math.floor(id / 1000) === 725 && /\bwith server \S+:/.test(text)) return step('asaTlsToServer', { peer: clientOf(text) });
  switch (id) {
    case 717025:
      return step('asaCertChainCheck', { count: text.match(/containing (\d+) certificate/)?.[1] ?? '?' });
    case 717029:
      return step('asaCertClient', { subject: subjectOf(text) });
    case 717030:
      return step('asaCertTrustpoint', { trustpoint: text.match(/trustpoint (\S+) to validate/)?.[1] ?? '?' });
    case 717022:
      return step('asaCertValid', { subject: subjectOf(text) }, 'success');
    // "validated with warning, revocation status was not checked": accepted, the revocation check left out (revocation-check none,
    // or no CRL/OCSP answer with `revocation-check … none` as its fallback — the trustpoint's setting; assumed)
    case 717028:
      return step('asaCertNoRevocationCheck');
    // 717009/717027: the ASA refused the certificate. No PC-side cause named (serverLog.cause.certificate-rejected is worded for NPS)
    case 717009:
    case 717027:
      return { decoded: [d('asaCertInvalid', { reason: text.match(/(?:failed validation|validation failed)\.?\s*(?:Reason: )?(.*?)\.?\s*$/)?.[1] || '?' })], outcome: 'failure' };
    case 717036:
      return step('asaCertMapSearch');
    // no certificate map rule matched: the ASA goes on to its next `tunnel-group-map` policy (OU, IKE id, peer address) or the
    // default group (Cisco ASA Series CLI Configuration Guide, "Creating a Certificate Group Matching Rule and Policy") —
    // the connection goes on in another profile than the map would have chosen
    case 717037:
      return step('asaCertMapNone', undefined, 'warning');
    case 113028: {
      const request = text.match(/\[Request (\d+)\]/)?.[1] ?? '?';
      if (/with error/i.test(text)) return step('asaCertUserFailed', { request }, 'warning');
      return step(/completed|finished/i.test(text) ? 'asaCertUserDone' : 'asaCertUserStart', { request });
    }
    // the profile's username-from-certificate script failed: the ASA gets no user name (the AAA lookup after it asks for <Unknown>)
    case 113026: {
      const m = text.match(/^Error <?(.*?)>? while executing Lua script for group <?([^>]*)>?\s*$/);
      return step('asaCertScriptError', { error: m?.[1] ?? text, group: m?.[2] ?? '?' }, 'warning');
    }
    case 113027:
      return step('asaCertScriptsInactive', undefined, 'warning');
    case 725001:
      return tagged(step('asaTlsStart', { peer: clientOf(text) }), { peer: clientOf(text) });
    case 725002:
      return tagged(step('asaTlsDone', { peer: clientOf(text) }, 'success'), { peer: clientOf(text) });
    case 725006:
      return tagged(step('asaTlsFailed', { peer: clientOf(text) }, 'warning'), { peer: clientOf(text) });
    case 725007:
      return tagged(step('asaTlsEnded', { peer: clientOf(text) }), { peer: clientOf(text) });
    default:
      // any other certificate or TLS message: quoted, a warning at severity 3 or worse
      return step('asaPki', { text }, severity <= 3 ? 'warning' : 'info');
  }
}
