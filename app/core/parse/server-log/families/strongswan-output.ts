import { step, type Hit } from '../kit';
import { hasLineBreak, type Prefixed } from '../prefix';

/**
 * What strongSwan's command-line tools print of charon's log, read by strongswan.ts: `swanctl --initiate` / `--terminate` (each
 * line `[GRP] message`, and swanctl's own result line) and `ipsec up` (stroke: the messages with no head at all).
 */

/**
 * `swanctl --initiate` / `--terminate` print the log lines charon streams to them as `[GRP] message`, the group without the
 * thread number (strongSwan src/swanctl/commands/initiate.c and terminate.c log_cb: `printf("[%s] %s\n", group, msg)`); the
 * groups are charon's (src/libstrongswan/utils/debug.c debug_names). Only those names: a bracketed word is no proof alone.
 */
const SWANCTL_GROUP = /^\[(?:DMN|MGR|IKE|CHD|JOB|CFG|KNL|NET|ASN|ENC|TNC|IMC|IMV|PTS|TLS|APP|ESP|LIB)\] /;
/** the IKE_SA's unique id after the group, `[2] ` (strongSwan 6.x, strongswan/strongswan#2833: `[ENC] [2] parsed IKE_SA_INIT request 0 [ … ]`) */
const IKE_SA_ID = /^\[\d+\] /;
export function afterSwanctlGroup(message: string, clean: boolean): string | undefined {
  if (message.charCodeAt(4) !== 93 || !SWANCTL_GROUP.test(message)) return undefined;
  let rest = message.slice(6);
  // (the id's head assumed from that log: a server's, its source not found)
  if (rest.charCodeAt(0) === 91 && IKE_SA_ID.test(rest)) rest = rest.slice(rest.indexOf(']') + 2);
  return !clean && hasLineBreak(rest) ? undefined : rest;
}
/**
 * `ipsec up NAME` (the stroke starter, strongSwan src/stroke/stroke.c) prints the charon messages streamed to it without any head —
 * no time, thread or group: `initiating IKE_SA ikev2[2] to 1.2.3.4`, `generating IKE_SA_INIT request 0 [ … ]` (a Linux client's
 * output, trailofbits/algo #799). Such a line is taken only in shapes no other family writes: an IKE message summary, a packet
 * line with charon's `addr[port]`, an IKE_SA/CHILD_SA name with its `[n]`/`{n}`, an own AUTH, NAT detection, a CERTREQ, a named vendor
 * ID (`received XAuth vendor ID`; a name with a backslash, `received draft-ietf-ipsec-nat-t-ike-02\n vendor ID` — isakmp_vendor.c's
 * name for that draft's ID, whose hash has a newline — nm-l2tp/NetworkManager-l2tp #220), IKEv1's check of the responder's ID (`IDir '…' does not match to '…'`, hwdsl2/setup-ipsec-vpn #526),
 * the certificate chain and its check (`received issuer cert`, `  using untrusted intermediate certificate`, `no issuer certificate found`,
 * `no trusted RSA public key found`, jawj/IKEv2-setup #123), `establishing connection '…' failed`, and a server's EAP log-in and
 * virtual IP lines as a write-up or blog quotes them without a head (strongswan-eap.ts; `no virtual IP found …`, `peer requested virtual IP`).
 */
export const STROKE_LINE = /^(?:(?:generating|parsed) [A-Z][A-Z_0-9]+ (?:request|response) \d+ \[|(?:sending|received) packet: from \S+\[\d+\] to \S+\[\d+\]|initiating (?:Main Mode |Aggressive Mode )?IKE_SA \S+\[\d+\] to |IKE_SA \S+\[\d+\] established(?: between |$)|CHILD_SA \S+\{\d+\} established with SPIs |establishing CHILD_SA \S+\{\d+\}|authentication of '[^']*' (?:\(myself\) )?with |(?:local|remote) host is behind NAT|(?:received|sending) cert request for "|sending end entity cert "|selected proposal: IKE:|received [A-Za-z][\w .()\\-]* vendor ID$|IDi?r '[^']*' does not match to '|deleting IKE_SA \S+\[\d+\] between |received (?:end entity|issuer) cert "|\s*using (?:untrusted intermediate |trusted (?:intermediate |ca )?)?certificate "|checking certificate status of "|\s*ocsp response (?:correctly signed by "|is valid: until )|\s*using cached ocsp response$|certificate status is (?:good|not available)$|no issuer certificate found for "|\s*issuer is "|no trusted (?:RSA|ECDSA) public key found for '|establishing connection '[^']*' failed$|received EAP identity '|EAP method \S+ succeeded, (?:no )?MSK established$|EAP-Identity request configured, but not supported$|(?:loading|initiating) EAP_[A-Z0-9_]+ method failed$|received TLS peer certificate '|no trusted certificate found for '[^']*' to verify TLS peer$|no virtual IP found(?: for \S+ requested by '|, sending INTERNAL_ADDRESS_FAILURE$)|peer requested virtual IP \S+$)/;
/** swanctl's own last line after an --initiate / --terminate (initiate.c: "initiate completed successfully", "initiate failed: %s") */
export const SWANCTL_RESULT = /^(initiate|terminate) (?:completed successfully|failed: (.*))$/;
export const startsSwanctlResult = (m: string): boolean => (m.charCodeAt(0) === 105 && m.startsWith('initiate ')) || (m.charCodeAt(0) === 116 && m.startsWith('terminate '));
export function swanctlResult(message: string): Hit | null {
  const m = message.trim().match(SWANCTL_RESULT);
  if (!m) return null;
  return m[2] === undefined ? step('swanctlDone', { what: m[1]! }, 'success') : step('swanctlFailed', { what: m[1]!, error: m[2] }, 'warning');
}

/**
 * NetworkManager's L2TP plugin runs `ipsec start` and `ipsec up` itself: the journal holds their output under NetworkManager's tag and
 * the child's pid (`NetworkManager[5252]: initiating Main Mode IKE_SA …`), the starter's lines and charon's stroke output alike.
 */
const NETWORK_MANAGER = 'NetworkManager';
/**
 * charon's messages NetworkManager's copy of `ipsec up` holds besides STROKE_LINE's shapes (a header-less copy takes only those): an IKEv1
 * exchange's vendor IDs, retransmits, queued tasks, unreadable or unverified messages and the IKE_SA dropped at the end (the NM-l2tp journal
 * in test/fixtures/real/SOURCES.md)
 */
const NM_CHARON_LINE =
  /^(?:received unknown vendor ID: |queueing \S+ request as tasks still active$|sending retransmit \d+ of |payload type \S+ was not encrypted$|could not decrypt payloads$|integrity check failed$|[A-Z][A-Z_0-9]+ (?:request|response) with message ID \d+ processing failed$|destroying IKE_SA in state )/;
export const nmCharonLine = (pre: Prefixed): boolean => pre.program === NETWORK_MANAGER && (STROKE_LINE.test(pre.message) || NM_CHARON_LINE.test(pre.message));
