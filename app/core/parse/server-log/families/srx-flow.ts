import { d, tagged, type Hit } from '../kit';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';

/**
 * A Juniper SRX's flow session log (tag `RT_FLOW`): a session the security policy denied (`RT_FLOW_SESSION_DENY`), opened
 * (`RT_FLOW_SESSION_CREATE`) or closed (`RT_FLOW_SESSION_CLOSE`; the `_LS` forms are a logical system's). In its structured
 * form the fields are RFC 5424 structured data, `[junos@… source-address="…" source-port="…" destination-address="…"
 * destination-port="…" service-name="…" protocol-id="17" … policy-name="…" source-zone-name="…" …]` (real lines:
 * test/fixtures/real/server-logs/srx-*; elastic/integrations' Juniper SRX pipeline); in the brief form the same values in
 * order, `RT_FLOW_SESSION_DENY: session denied 10.0.0.26/37233->67.43.156.13/161 None 17(0) MgmtAccess-trust-cleanup trust
 * junos-host …` (source/port->destination/port, service name, protocol id and ICMP type, policy, zones: the order of the
 * structured fields, assumed from them). Only a VPN's services are named (vpn-services.ts): a denied GRE, ESP, IKE or PPTP
 * session is the drop that stops that VPN on its way through the SRX.
 */

const EVENT = /\bRT_FLOW_SESSION_(DENY|CREATE|CLOSE)(?:_LS)?\b/;
const FIELD = /(?:^|[\s[])([a-z][a-z0-9-]*)="([^"]*)"/g;
const BRIEF = /session (?:denied|created|closed(?: [^:]*)?:) ([0-9A-Fa-f.:]+)\/(\d+)->([0-9A-Fa-f.:]+)\/(\d+)(?:0x\w+)? \S+ (\d+)\(\d+\) (\S+)/;
const ADDRESS = /^[0-9A-Fa-f.:]+$/;
const PORTED: Record<string, string> = { '6': 'TCP', '17': 'UDP' };
const STATE = { DENY: 'Denied', CREATE: 'Allowed', CLOSE: 'Closed' } as const;

interface Flow {
  src: string;
  dst: string;
  port: string | undefined;
  proto: string;
  policy: string;
}

function flowOf(text: string): Flow | undefined {
  if (text.includes('source-address="')) {
    const f = new Map<string, string>();
    for (const m of text.matchAll(FIELD)) if (!f.has(m[1]!)) f.set(m[1]!, m[2]!);
    const src = f.get('source-address');
    const dst = f.get('destination-address');
    const proto = f.get('protocol-id');
    if (src === undefined || dst === undefined || proto === undefined) return undefined;
    return { src, dst, port: f.get('destination-port'), proto, policy: f.get('policy-name') ?? '-' };
  }
  const m = BRIEF.exec(text);
  return m ? { src: m[1]!, dst: m[3]!, port: m[4], proto: m[5]!, policy: m[6]! } : undefined;
}

/** A Juniper SRX flow session line (program `RT_FLOW`; the whole record's text: an RFC 5424 header leaves its structured data out of the message), read; undefined for any other. */
export function srxFlowLine(text: string): UnitHit | undefined {
  const event = EVENT.exec(text);
  if (!event) return undefined;
  const flow = flowOf(text);
  if (!flow || !ADDRESS.test(flow.src) || !ADDRESS.test(flow.dst) || !/^\d+$/.test(flow.proto)) return undefined;
  const named = PORTED[flow.proto];
  const port = named && flow.port !== undefined && /^\d+$/.test(flow.port) ? Number(flow.port) : undefined;
  const { vpn: service, label: what } = packetService(named ?? flow.proto, port);
  const state = STATE[event[1] as keyof typeof STATE];
  const drop = service && state === 'Denied' ? dropOutcome(service) : undefined;
  const values = { service: what, src: flow.src, dst: flow.dst, policy: flow.policy };
  const hit: Hit = { decoded: [d(service ? `srxSession${state}` : 'srxSessionOther', service ? values : { ...values, event: event[0] })], outcome: drop?.outcome ?? 'info' };
  if (drop?.note) hit.decoded.push(drop.note);
  if (service?.cause && state === 'Denied') hit.cause = service.cause;
  // the other side of the VPN: the session's initiator, as a firewall in front of the server sees a PC's session
  return { family: 'junos', hit: service ? tagged(hit, { peer: flow.src }) : hit };
}
