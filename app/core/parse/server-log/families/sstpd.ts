import { applyRules, d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { SSTP_STATUS } from '../codes/sstp';

/**
 * The Python SSTP server sstpd (github.com/sorz/sstp-server): Python logging's `2021-07-07 22:54:23,245 INFO: message`
 * (sstpd/__main__.py, format '%(asctime)s %(levelname)-s: %(message)s'). Once the PC's HTTP request is read, a session's
 * lines start with its tag, `[<SstpCorrelationID>/<host>:<port>] ` (sstp.py SessionLogger; `?` when the PC sent no
 * correlation ID, the host in brackets when it is IPv6). Texts as sstp.py, ppp.py and __main__.py log them; what each
 * means is read from the code around it.
 */

/** `[guid/host:port] `, `[guid/[v6]:port] `, `[guid/host] `, `[guid] ` */
const SESSION_TAG = /^\[([^\]/\s]+)(?:\/(?:\[([^\]]+)\]|([^\]\s:]+))(?::\d+)?)?\] (.*)$/;

/** Python's bytes escapes for the control characters a status byte may be (repr of b'\x00\x00\x00\n' for 10) */
const PY_ESCAPES: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13 };

/**
 * The Status Info value of `Abort (b'\x00\x00\x00\x07').` — sstpd logs the 4-byte status as Python prints bytes; its last byte
 * is the value (big-endian, the first three are 0): its name when known, else the text as logged.
 */
function abortStatus(repr: string): string {
  const last = repr.match(/\\(?:x([0-9a-f]{2})|([ntr]))'$/i);
  const value = last ? (last[1] !== undefined ? parseInt(last[1], 16) : PY_ESCAPES[last[2]!]!) : undefined;
  const name = value !== undefined ? SSTP_STATUS[value] : undefined;
  return name ? ` (${name}, ${value})` : ` (${repr})`;
}

const RULES: Rule[] = [
  // start-up: the certificate's fingerprints (the PC's crypto binding must name one of them), the event loop, the listener
  [/^Cert (SHA-1|SHA-256): ([0-9a-f]+)$/i, (m) => step('sstpdCertHash', { alg: m[1]!, hash: m[2]! })],
  [/^(?:Running without (?:uvloop|SSL)\.?|Using selector: \w+|PROXY PROTOCOL is activated\.|http handshake done|Send echo request\.|Connection finished\.|pppd closed with EoF|(?:Pause|Resume) (?:sstp )?produc?t?ing|PPP process is gone already)$/, () => step('sstpHousekeeping')],
  [/^Connection established\.$/, () => step('sstpdEstablished', undefined, 'success')],
  // the pool of PC addresses (--remote): one taken for the PC, given back at its end
  [/^(Registered|Unregistered) address (\S+)$/, (m) => step(m[1] === 'Registered' ? 'sstpdAddressTaken' : 'sstpdAddressFreed', { ip: m[2]! })],
  [/^IP address pool is full\. Cannot accept new connection\.$/, () => ({ decoded: [d('sstpdPoolFull')], outcome: 'failure', cause: 'address-pool' })],
  // pppd: cannot be started (a missing binary, a bad option file: the PC's call is aborted), its exit, its own output
  [/^Fail to start pppd: (.*)$/, (m) => ({ decoded: [d('sstpdPppdFailed', { error: m[1]! })], outcome: 'failure', cause: 'ppp-setup-failed' })],
  [/^pppd exited with code (-?\d+)$/, (m) => step('sstpdPppdExited', { code: m[1]! }, m[1] === '0' ? 'info' : 'warning')],
  [/^pppd closed with error: (.*)$/, (m) => step('sstpdPppdError', { error: m[1]! }, 'warning')],
  [/^pppd \((?:stdout|stderr)\): (.*)$/, (m) => step('sstpdPppdSays', { text: m[1]!.trim() })],
  [/^pppd plugin loaded: (.*)$/, () => step('sstpHousekeeping')],
  [/^pppd plugin not loaded, crypto binding was skipped$/, () => step('sstpdBindingSkipped', undefined, 'warning')],
  // the crypto binding of the PC's Call-Connected ([MS-SSTP] §3.2.5.2.3): it proves the PPP log-in and the TLS connection
  // belong together. The certificate hash is the one of the certificate the PC saw: another certificate than the server's own
  // means something between them (a TLS-inspecting proxy, a load balancer) showed its own
  [/^abort: certificate hash mismatched$/, () => ({ decoded: [d('sstpdCertHashMismatch')], outcome: 'failure' })],
  [/^(?:abort: wrong nonce received|Crypto Binding is invalid\.|abort: unsupported hash protocol: (\S+)|Crypto Binding Attribute (?:expected in Call Connect|length MUST be 104 \(0x068\)))$/, (m) =>
    // ("Crypto Binding is invalid." is sstp.py sstp_msg_call_connected's CMAC check — HMAC keyed from the CMK pppd's plugin took from
    // the log-in's MPPE keys: the two sides' log-in keys differ, the cause sstp-binding-failed as accel-ppp's "invalid Compound MAC")
    m[0].startsWith('Crypto Binding is')
      ? { decoded: [d('sstpBindingInvalid', { what: 'Compound MAC' })], outcome: 'failure', cause: 'sstp-binding-failed' }
      : { decoded: [d('sstpBindingInvalid', { what: m[0].includes('nonce') ? 'Nonce' : m[1] !== undefined ? `Hash Protocol ${m[1]}` : 'Crypto Binding attribute' })], outcome: 'failure' }],
  [/^abort: cmk not received from pppd$/, () => ({ decoded: [d('sstpdNoCmk')], outcome: 'failure' })],
  // the end of a call: the PC's abort, the server's (its status attribute as Python prints it), the PC gone quiet (no packet
  // for HELLO_TIMEOUT, 60 s, and no answer to the echo request)
  [/^Call abort\.$/, () => step('sstpdPeerAbort', undefined, 'warning')],
  [/^Abort(?: \((.*)\))?\.$/, (m) => step('sstpdAbort', { status: m[1] ? abortStatus(m[1]) : '' }, 'warning')],
  [/^Ping time out\.$/, () => ({ decoded: [d('sstpdPingTimeout')], outcome: 'warning' })],
  // not an SSTP client at all: a browser, a scanner, or a proxy that changed the request (SSTP opens with SSTP_DUPLEX_POST, [MS-SSTP] §2.2.1)
  [/^(?:Unexpected HTTP method \((.*)\) and\/or version \((.*)\)\.|Not a valid HTTP request\.|Request too large, may not a valid HTTP request\.)$/, (m) => step('sstpdNotSstp', { method: m[1] ?? '?' }, 'warning')],
  [/^(?:Unknown type of SSTP control packet\.|Unsupported encapsulated protocol\.|Not in the state\.|sstp protocl error: .*|PROXY PROTOCOL parsing error: .*)$/, (m) => step('sstpdProtocolError', { text: m[0] }, 'warning')],
];

/** Python logging's level names (uppercase, as `%(levelname)s` prints them) and sstpd's own VERBOSE (5, __main__.py addLevelName) */
const PY_LEVEL = /^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL|VERBOSE)$/;
/** The session tag with what sstpd puts first: the PC's SstpCorrelationID (a GUID, its braces stripped) or `?` (sstp.py SessionLogger) */
const SSTPD_TAG = /^\[(?:\?|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})[/\]]/;

/**
 * A line sstpd wrote, read or not: Python logging's header (an ISO time, then a level name and a colon, so `level` is one of
 * PY_LEVEL: SoftEther's server_log has no level word, its `SSTP` after the time is read as one) and a message that says SSTP or
 * starts with sstpd's session tag. A message of a newer or older sstpd no rule knows stays sstp's (unknown), not another
 * SSTP server's (before, SoftEther's family took every line saying "SSTP").
 */
export const isSstpdLine = (pre: Prefixed): boolean =>
  pre.shape === 'iso' && pre.level !== undefined && PY_LEVEL.test(pre.level) && (pre.message.includes('SSTP') || SSTPD_TAG.test(pre.message.trimStart()));

/** A sstpd line's message without its session tag, and the tag's correlation ID and host. */
function untag(message: string): { text: string; session?: string; peer?: string } {
  const m = message.match(SESSION_TAG);
  if (!m) return { text: message };
  return { text: m[4]!, session: m[1] === '?' ? undefined : m[1], peer: m[2] ?? m[3] };
}

/**
 * The python logging header always names a level: only such lines are read here (a bare "Abort." elsewhere is not sstpd's).
 * `older`: the SSTP rules older sstpd lines already go by (`SSTP control packet (…) received.`), tried on a tagged line's text.
 */
export function readSstpd(pre: Prefixed, state: FamilyState, older: readonly Rule[]): Hit | null {
  if (pre.shape !== 'iso' || !pre.level) return null;
  const { text, session, peer } = untag(pre.message.trim());
  const hit = applyRules(RULES, text, pre, state) ?? (text !== pre.message.trim() ? applyRules(older, text, pre, state) : null);
  return hit ? tagged(hit, { session, peer }) : null;
}
