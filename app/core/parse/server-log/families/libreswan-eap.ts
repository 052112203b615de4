import { context, d, step, type Rule } from '../kit';

/**
 * Libreswan as the EAP-TLS server of an IKEv2 log-in (4.7 and later: `leftauth=eaponly`/`rightauth=eaponly`, `…autheap=tls` — Windows'
 * "certificate" IKEv2 log-in as a user, its "smart card or other certificate" EAP). Message texts from libreswan
 * programs/pluto/ikev2_eap.c (llog_sa, RC_LOG, after the usual `"conn"[n] peer #n: ` head): start_eap "added EAP payload to packet" and
 * "private key for connection not found"; process_v2_IKE_AUTH_request_EAP_start "Peer attempted EAP authentication, but EAP is not
 * allowed" (the connection's EAP is not TLS on both ends); the TLS conversation's "EAP with %zd bytes, flags %x", "EAP TLS Msglen %u",
 * "EAP TLS Fragmentation sending ACK", "EAP Fragment acknowledgement", "responding with %d bytes of %zd EAP data", "EAP Final ACK",
 * "responding with EAP termination code %d" (RFC 3748 §4.2: 3 Success, 4 Failure), "EAP Code %x unexpected", "EAP Type %x unexpected"
 * (RFC 3748 §5: type 3 is a Nak — the PC refused EAP-TLS and asked for another method, e.g. Windows set to EAP-MSCHAPv2); NSS's I/O layer
 * "NSS: I/O close|getpeername|getsocketoption(…)|shutdown(n)|read(n)|write(n)|recv(n): …|send(n): ok", "NSS: Handshake completed",
 * "NSS: Peer certificate subject='…' issuer='…'" after llog_nss_error's "Bad Server Certificate" (the PC's certificate NSS did not
 * accept), and llog_nss_error's "Handshake failed" (NSS's error name after it, as `SSL_ERROR_ACCESS_DENIED_ALERT`: libreswan #1392 — the
 * line's exact shape with its error is assumed, so any tail is read). 4.x also logs "sent EAP request" (libreswan #1392, a Windows 11 PC).
 * Spread into libreswan.ts's rule list.
 */
export const PLUTO_EAP_RULES: readonly Rule[] = [
  context(/^(?:added EAP payload to packet|sent EAP request|EAP with \d+ bytes, flags [0-9a-fA-F]+|EAP TLS Msglen \d+|EAP TLS Fragmentation sending ACK|EAP Fragment acknowledgement|responding with \d+ bytes of \d+ EAP data|EAP Final ACK)$/, () => step('plutoEapTlsRecord')),
  context(/^NSS: I\/O (?:close|getpeername|getsocketoption\([^)]*\)|shutdown\(-?\d+\)|read\(\d+\)|write\(\d+\)|recv\(\d+\): (?:would block|return \d+)|send\(\d+\): ok)$/, () => step('plutoEapTlsRecord')),
  // (keys.c / secrets.c: the server's own private key, found again for the certificate it signs with — bookkeeping)
  context(/^reloaded private key matching (?:left|right|local|remote) certificate '[^']*'$/, () => step('plutoHousekeeping')),
  context(/^NSS: Handshake completed$/, () => step('plutoEapTlsHandshakeDone', undefined, 'success')),
  // the termination: 3 (Success) ends the EAP conversation well, 4 (Failure) refuses the log-in (RFC 3748 §4.2)
  [/^responding with EAP termination code (\d+)$/, (m) => (m[1] === '3' ? step('plutoEapSuccessSent', undefined, 'success') : { decoded: [d('plutoEapFailureSent', { code: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed' })],
  context(/^NSS: Peer certificate subject='([^']*)' issuer='([^']*)'$/, (m) => step('plutoEapTlsPeerCert', { subject: m[1]!, issuer: m[2]! }, 'warning')),
  [/^(?:NSS: )?(?:Bad Server Certificate|Handshake failed)\b:?\s*(.*)$/, (m) => ({ decoded: [d('plutoEapTlsFailed', { error: m[1] ? ` (${m[1]})` : '' })], outcome: 'failure', cause: 'ike-auth-failed' })],
  [/^EAP Type ([0-9a-fA-F]+) unexpected$/, (m) => ({ decoded: [d(m[1] === '3' ? 'plutoEapNak' : 'plutoEapUnexpected', { what: `type ${m[1]}` })], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  [/^EAP Code ([0-9a-fA-F]+) unexpected$/, (m) => ({ decoded: [d('plutoEapUnexpected', { what: `code ${m[1]}` })], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  [/^Peer attempted EAP authentication, but EAP is not allowed$/, () => ({ decoded: [d('plutoEapNotTls')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  [/^private key for connection not found$/, () => ({ decoded: [d('plutoEapNoPrivateKey')], outcome: 'failure', cause: 'certificate-missing' })],
];
