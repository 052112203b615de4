import { d, tagged, type Hit } from '../kit';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';

/**
 * A Junos firewall filter's `syslog` action: the kernel logs each packet a term with `then syslog` matched as `FW: <interface>
 * <action> <protocol> <source> <destination> <source port> <destination port>`, the packet engine with ` (N packets)` after it under
 * the tag `PFE_FW_SYSLOG_IP`, behind the card that logged it (junos-source.ts) (real lines: test/fixtures/real/server-logs/srx-junos-*,
 * `kernel: FW: gr-0/0/0.23 A udp 127.0.0.1 81.2.69.192 49153 49153`; junos-ex2300-*, `fpc0 PFE_FW_SYSLOG_IP: FW: lo0.0   D   ospf …`).
 * The action letter is the term's: A accept, D discard, R reject (as `show firewall log` prints it — assumed from Juniper's
 * firewall filter logging documentation, not quoted here). Only a VPN's services are named (vpn-services.ts).
 */

// (the fields apart by one blank in a syslog line, by more where `show log` lined them up: `FW: lo0.0   D   ospf 10.99.0.1  224.0.0.5  0  0`)
const FW = /^FW: (\S+) +([ADR]) +([a-z]+|\d+) +([0-9A-Fa-f.:]+) +([0-9A-Fa-f.:]+) +(\d+) +(\d+)(?: +\((\d+) packets?\))?\s*$/;
const ACTIONS = { A: 'Allowed', D: 'Dropped', R: 'Dropped' } as const;

/** A Junos firewall filter's log line (program `kernel`, its message `FW: …`), read; undefined for any other. */
export function junosFilterLine(message: string): UnitHit | undefined {
  const m = FW.exec(message);
  if (!m) return undefined;
  const [, iface, action, proto, src, dst, , dport] = m as unknown as [string, string, 'A' | 'D' | 'R', string, string, string, string, string];
  const ported = proto === 'tcp' || proto === 'udp';
  const { vpn: service, label: what } = packetService(proto.toUpperCase(), ported ? Number(dport) : undefined);
  const state = ACTIONS[action];
  const drop = service && state === 'Dropped' ? dropOutcome(service) : undefined;
  const hit: Hit = { decoded: [d(service ? `junosFilter${state}` : 'junosFilterOther', { service: what, src, dst, iface, action })], outcome: drop?.outcome ?? 'info' };
  if (drop?.note) hit.decoded.push(drop.note);
  if (service?.cause && state === 'Dropped') hit.cause = service.cause;
  return { family: 'junos', hit: service ? tagged(hit, { peer: src }) : hit };
}
