import { d, step, tagged, type Hit } from '../kit';
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
 *
 * Its VPN status messages (Juniper's KB10097, "How to configure syslog to display VPN status messages": daemon facility, info
 * level), as `show log kmd-logs` shows them (real lines: test/fixtures/real/server-logs/srx-kmd-*): `KMD_VPN_DOWN_ALARM_USER: VPN
 * ipsec-vpn-1 from 13.68.203.192 is down. Local-ip: …, gateway name: …, …, SA Type: Static, Reason: Tunnel configuration is
 * deleted. …`, its `KMD_VPN_UP_ALARM_USER` (`… is up. …`), the brief `KMD_PM_SA_ESTABLISHED: Local gateway: …, Remote gateway: …,
 * … Direction: inbound, …`, `IKE negotiation successfully completed. IKE Version: 2, VPN: … Role: Initiator`, and kmd's reading
 * of a committed configuration (`Config download: Processed 4 - 5 messages`, `Config download time: 0 seconds`). Newer Junos
 * runs IKE in `iked` with the same messages under IKE_ names (`IKE_VPN_DOWN_ALARM_USER`; a blog's `show log vpn`, search index
 * file 71113338355, whose date, host and daemon name its author cut: junos-source.ts junosEventTagLine). A tunnel down says its
 * reason as Junos words it; none seen (a configuration deleted, a CLI redistribution, the VPN monitor's probes failing) names a
 * cause on a PC, so it is a warning with its reason, no cause.
 */

const FAILED = /^IKE negotiation failed with error: ([^.]+)\./;
/**
 * Its phase 2 counterpart, `IPSec negotiation failed with error: Peer proposed traffic-selectors are not in configured range. IKE
 * Version: 2, VPN: … Gateway: …, Local: …, Remote: …/9001, …, VR-ID: 6` (a real line, elastic/integrations#6837): IKE itself is up,
 * the IPsec SA is refused. The SRX's words for the refusal of the networks the other side asked for (its traffic selectors, which
 * fit no proxy identity or traffic selector of this VPN) are the traffic-selector mismatch; `No proposal chosen` there is the ESP
 * proposal's (assumed from the phase 1 error of the same words).
 */
const IPSEC_FAILED = /^IPSec negotiation failed with error: ([^.]+)\./i;
const VERSION = /\bIKE Version: (\d)/;
const REMOTE_GATEWAY = /\bRemote: ([0-9A-Fa-f.:]+)\/\d+/;
// (the same field as written, placeholder or not: withPeer says whether it is an address)
const REMOTE_GATEWAY_TEXT = /\bRemote: (\S+?)\/\d+,/;
const ROLE = /\bRole: (Initiator|Responder)\b/;
const ESTABLISHED = /\bKMD_PM_SA_ESTABLISHED\b/;
// (structured data's field; the brief form's `Remote gateway: 13.68.203.192,`)
const REMOTE = /remote-address="?([0-9A-Fa-f.:]+)"|\bRemote gateway: ([0-9A-Fa-f.:]+),/;
const COMPLETED = /^IKE negotiation successfully completed\./;
/** `KMD_VPN_DOWN_ALARM_USER: VPN ipsec-vpn-1 from 13.68.203.192 is down.` (kmd), `IKE_VPN_…` (iked) */
const ALARM = /^(?:KMD|IKE)_VPN_(UP|DOWN)_ALARM_USER: VPN (\S+) from (\S+) is (?:up|down)\b/;
const REASON = /, Reason: (.+?)\s*$/;
const CONFIG_DOWNLOAD = /^Config download(?: time)?: /;
/**
 * iked's dead peer detection giving up on the other side: `IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:waw-1 C:89.187.136.174:500
 * R:34.116.241.129:4500 Failed Role:I DPD Failed` (the blog's `show log vpn` above; `R:` the remote gateway and its port, as the
 * same copy's `IKE_GATEWAY_ID_VALIDATION_SUCCESS: … L:… R:…` pairs them — assumed from it). An established tunnel's peer stopped
 * answering, and its SAs go (RFC 3706: a peer found dead has its SAs deleted): a warning, no cause (the far side's outage or the way
 * to it, not the first message a PC's failure would show).
 */
const DPD_DEAD = /^IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:(\S+) .*?\bR:([0-9A-Fa-f.:]+):\d+\b/;
/**
 * iked's acceptance of the other side's IKE identity: `IKE_GATEWAY_ID_VALIDATION_SUCCESS: IKE: Gateway N:ikev2-gw-ipv4-psk
 * L:89.187.136.172:500 R:81.93.249.121:5928 Successful ike-id:user1@psk.auth U:N/A IKE:IKEv2 Role:R` (real lines: test/fixtures/real/
 * server-logs/srx-iked-*; `R:` the remote gateway as above). A step of the log-in: the identity is one the gateway takes; whether
 * its key or certificate checks out comes after (the tunnel's up alarm). The identity may be on the copy's next line (a soft break).
 */
const ID_VALIDATED = /^IKE_GATEWAY_ID_VALIDATION_SUCCESS: IKE: Gateway N:(\S+) .*?\bR:([0-9A-Fa-f.:]+):\d+ Successful\b(?: ike-id:(\S+))?/;
const ADDRESS = /^[0-9A-Fa-f.:]+$/;

/** a hit tagged with its peer where the line names one by its address (a copy may have put a placeholder, `<VPN_GW_PUBLIC_IP>`, in its place) */
const withPeer = (hit: Hit, peer: string | undefined): Hit => (peer !== undefined && ADDRESS.test(peer) ? tagged(hit, { peer }) : hit);

/** the SRX's error, by its words, and the cause it is (undefined: a failure without a known cause) */
function causeOf(error: string, initiator: boolean): Cause | undefined {
  const e = error.toLowerCase();
  if (e.startsWith('no proposal chosen')) return 'ike-no-proposal';
  if (e.startsWith('authentication failed')) return 'ike-auth-failed';
  // (no answer: as the initiator, from the responder it called; as the responder, the other side stopped — no cause, that side's log says why)
  if (e.startsWith('timed out')) return initiator ? 'ike-responder-unreachable' : undefined;
  return undefined;
}

/** the SRX's phase 2 error, by its words, and the cause it is (undefined: a failure without a known cause) */
function ipsecCauseOf(error: string): Cause | undefined {
  const e = error.toLowerCase();
  if (e.includes('traffic-selector') || e.includes('traffic selector') || e.includes('proxy id')) return 'traffic-selector-mismatch';
  if (e.startsWith('no proposal chosen')) return 'ike-no-proposal';
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
    return { family: 'junos', hit: remote ? tagged(hit, { peer: remote }) : hit };
  }
  const ipsecFailed = IPSEC_FAILED.exec(message.trim());
  if (ipsecFailed) {
    const cause = ipsecCauseOf(ipsecFailed[1]!);
    // (the peer proposed and this SRX refused: this side answered, whatever role another tunnel's line gave the log — a gateway's
    // tunnel with another gateway, identified by its address, as a site-to-site VPN's peers are; a remote-access client's IKE ID is a
    // user's, `user@host` (Juniper Secure Connect): assumed, Juniper documents no such line)
    const answered = /^Peer proposed\b/i.test(ipsecFailed[1]!) && !/\bRemote IKE-ID: [^,\s]*@/.test(message);
    const hit: Hit = { decoded: [d('srxIpsecFailed', { error: ipsecFailed[1]!, version: VERSION.exec(message)?.[1] ?? '?', ...(answered ? { role: 'site' } : {}) })], outcome: 'failure' };
    if (cause) hit.cause = cause;
    return { family: 'junos', hit: withPeer(hit, REMOTE_GATEWAY.exec(message)?.[1]) };
  }
  if (ESTABLISHED.test(text)) {
    const remote = REMOTE.exec(text);
    return { family: 'junos', hit: withPeer({ decoded: [d('srxIpsecSaEstablished')], outcome: 'success' }, remote?.[1] ?? remote?.[2]) };
  }
  const alarm = ALARM.exec(message);
  if (alarm) {
    const up = alarm[1] === 'UP';
    const reason = up ? undefined : REASON.exec(message)?.[1];
    const hit: Hit = { decoded: [d(up ? 'srxVpnUp' : reason ? 'srxVpnDownReason' : 'srxVpnDown', { vpn: alarm[2]!, peer: alarm[3]!, ...(reason ? { reason } : {}) })], outcome: up ? 'success' : 'warning' };
    return { family: 'junos', hit: withPeer(hit, alarm[3]) };
  }
  if (COMPLETED.test(message)) {
    const hit: Hit = { decoded: [d('srxIkeCompleted', { version: VERSION.exec(message)?.[1] ?? '?' })], outcome: 'success' };
    return { family: 'junos', hit: withPeer(hit, REMOTE_GATEWAY_TEXT.exec(message)?.[1]) };
  }
  const dpd = DPD_DEAD.exec(message);
  if (dpd) return { family: 'junos', hit: withPeer({ decoded: [d('srxDpdPeerDead', { gateway: dpd[1]!, peer: dpd[2]! })], outcome: 'warning' }, dpd[2]) };
  const id = ID_VALIDATED.exec(message);
  if (id) return { family: 'junos', hit: withPeer(step(id[3] ? 'srxIkeIdValidated' : 'srxIkeIdValidatedNoId', { gateway: id[1]!, peer: id[2]!, id: id[3] ?? '' }), id[2]) };
  if (CONFIG_DOWNLOAD.test(message)) return { family: 'junos', hit: step('srxKmdConfig') };
  return undefined;
}
