import { d, tagged, type Hit } from '../kit';
import type { Cause } from '../types';
import type { UnitHit } from './systemd-units';

/**
 * A Juniper SRX's IKE daemon, `kmd` (the key management process): its line when a negotiation fails, `IKE negotiation failed with
 * error: Timed out. IKE Version: 1, VPN: SAM-PLE-VPN Gateway: SAM-PLE-GW, Local: 81.2.69.192/500, Remote: 89.160.20.112/500, Local
 * IKE-ID: Not-Available, Remote IKE-ID: Not-Available, VR-ID: 5, Role: Initiator` (a real line: test/fixtures/real/server-logs/srx-*;
 * elastic/integrations' Juniper SRX pipeline sample), and its structured `KMD_PM_SA_ESTABLISHED` (an IPsec SA in place). The
 * error's words are the SRX's (English only, as Junos logs): `No proposal chosen` and `Authentication failed` (the errors Juniper's
 * KB quotes; assumed exact), `Timed out` — no answer from the other side. The role says which side this SRX was: as the initiator
 * its peer is the responder that did not answer or refused; as the responder the other side is the PC (or router) that came in.
 */

const FAILED = /^IKE negotiation failed with error: ([^.]+)\./;
const VERSION = /\bIKE Version: (\d)/;
const REMOTE_GATEWAY = /\bRemote: ([0-9A-Fa-f.:]+)\/\d+/;
const ROLE = /\bRole: (Initiator|Responder)\b/;
const ESTABLISHED = /\bKMD_PM_SA_ESTABLISHED\b/;
const REMOTE = /remote-address="?([0-9A-Fa-f.:]+)"/;

/** the SRX's error, by its words, and the cause it is (undefined: a failure without a known cause) */
function causeOf(error: string, initiator: boolean): Cause | undefined {
  const e = error.toLowerCase();
  if (e.startsWith('no proposal chosen')) return 'ike-no-proposal';
  if (e.startsWith('authentication failed')) return 'ike-auth-failed';
  // (no answer: as the initiator, from the responder it called; as the responder, the other side stopped — no cause, that side's log says why)
  if (e.startsWith('timed out')) return initiator ? 'ike-responder-unreachable' : undefined;
  return undefined;
}

/** A kmd line (program `kmd`; the whole record's text: an RFC 5424 header leaves structured data out of the message), read; undefined for any other. */
export function srxKmdLine(message: string, text: string): UnitHit | undefined {
  const failed = FAILED.exec(message.trim());
  if (failed) {
    const initiator = ROLE.exec(message)?.[1] === 'Initiator';
    const cause = causeOf(failed[1]!, initiator);
    const hit: Hit = { decoded: [d('srxIkeFailed', { error: failed[1]!, version: VERSION.exec(message)?.[1] ?? '?', ...(initiator ? { role: 'initiator' } : {}) })], outcome: 'failure' };
    if (cause) hit.cause = cause;
    const remote = REMOTE_GATEWAY.exec(message)?.[1];
    return { family: 'syslog', hit: remote ? tagged(hit, { peer: remote }) : hit };
  }
  if (ESTABLISHED.test(text)) {
    const remote = REMOTE.exec(text);
    const hit: Hit = { decoded: [d('srxIpsecSaEstablished')], outcome: 'success' };
    return { family: 'syslog', hit: remote ? tagged(hit, { peer: remote[1]! }) : hit };
  }
  return undefined;
}
