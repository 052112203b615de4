import { d, tagged, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';

/**
 * Sophos UTM's (Astaro's) packet-filter log: its `ulogd` writes one line per logged packet as `name="value"` pairs under its own
 * header (header-patterns.ts SOPHOS_UTM) — `id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped"
 * action="drop" fwrule="60001" initf="eth6" … srcip="…" dstip="…" proto="17" … srcport="5319" dstport="5060"`, TCP with
 * `tcpflags="SYN"` (real lines: test/fixtures/real/server-logs/sophos-utm-*; the field names as elastic/integrations' Sophos UTM
 * pipeline reads them). `proto` is the IP protocol's number (6 TCP, 17 UDP, 47 GRE, 50 ESP).
 *
 * What the filter did is its `action` (`drop`, `accept`; `reject` read as a drop, assumed); any other (`DNS request`, a logged
 * packet) says nothing of its fate. Only a VPN's services are named (vpn-services.ts, as for pfSense's and a Linux firewall's log).
 */

/** a `name="value"` pair; a value whose closing quote a copy lost runs to the line's end */
const PAIR = /(?:^|\s)([a-z]+)="([^"]*)"?/g;
const ADDRESS = /^[0-9A-Fa-f.:]+$/;
const DROPPED = new Set(['drop', 'reject']);
/** the IP protocol numbers whose ports say the service (IANA): the rest are named by number (vpn-services.ts packetService) */
const PORTED: Record<string, string> = { '6': 'TCP', '17': 'UDP' };

function fieldsOf(message: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const m of message.matchAll(PAIR)) if (!fields.has(m[1]!)) fields.set(m[1]!, m[2]!);
  return fields;
}

/** A Sophos UTM packet-filter line (program `ulogd`, `sub="packetfilter"`), read; undefined for any other line. */
export function sophosPacketLine(pre: Prefixed): UnitHit | undefined {
  const message = pre.message;
  if (!message.includes('sub="packetfilter"')) return undefined;
  const f = fieldsOf(message);
  const src = f.get('srcip');
  const dst = f.get('dstip');
  const proto = f.get('proto');
  if (src === undefined || dst === undefined || proto === undefined || !ADDRESS.test(src) || !ADDRESS.test(dst) || !/^\d+$/.test(proto)) return undefined;
  const named = PORTED[proto];
  const dport = named ? f.get('dstport') : undefined;
  const port = dport !== undefined && /^\d+$/.test(dport) ? Number(dport) : undefined;
  // (only a connection's start — SYN without ACK — stops a TCP service when dropped; a line without flags is taken for one)
  const flags = named === 'TCP' ? f.get('tcpflags') : undefined;
  const opening = flags === undefined || (/\bSYN\b/.test(flags) && !/\bACK\b/.test(flags));
  const { vpn: service, label: what } = packetService(named ?? proto, port, opening);
  const action = f.get('action') ?? '';
  const state = DROPPED.has(action) ? 'Dropped' : action === 'accept' ? 'Allowed' : 'Logged';
  const drop = service && state === 'Dropped' ? dropOutcome(service) : undefined;
  const into = f.get('initf') ?? '';
  const out = f.get('outitf') ?? '';
  const hit: Hit = {
    decoded: [
      d(service ? `sophosPacket${state}` : 'sophosPacketOther', { service: what, src, dst, name: f.get('name') ?? action }),
      into && out ? d('netfilterForward', { in: into, out }) : into ? d('netfilterIn', { in: into }) : d('netfilterOut', { out: out || '-' }),
      d('sophosPacketRule', { rule: f.get('fwrule') ?? '-' }),
    ],
    outcome: drop?.outcome ?? 'info',
  };
  if (drop?.note) hit.decoded.push(drop.note);
  if (service?.cause && state === 'Dropped') hit.cause = service.cause;
  // the other side of the VPN: who sent a packet that came in (a packet with an in-interface), where one going out was going
  return { family: 'sophos', hit: service ? tagged(hit, { peer: into ? src : dst }) : hit };
}
