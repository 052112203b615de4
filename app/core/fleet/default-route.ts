import type { Snapshot } from '../model/snapshot';

/**
 * The decision the Intune detection and remediation scripts make on a machine, kept here as a pure
 * function so it can be tested on recorded `Get-NetRoute` outputs. intune-ps1.ts emits the same
 * steps in PowerShell, with the constants below as quoted data; a change here is a change there
 * (test/scripts-command.test.ts checks that every rule below has its PowerShell statement).
 *
 * Rules, in order:
 * 1. A default route is a row with DestinationPrefix 0.0.0.0/0.
 * 2. Its effective metric is RouteMetric + the interface's InterfaceMetric (Get-NetIPInterface;
 *    the row's own ifMetric when the interface is unknown), as Windows compares them.
 * 3. An interface is a VPN when it has no network adapter (a RAS/PPP connection has an IP interface
 *    but no Get-NetAdapter entry), or its adapter's InterfaceType is PPP (23) or tunnel (131), or its
 *    description or alias matches VPN_PATTERN.
 * 4. The problem is present when there is a VPN default route and a LAN default route and the best
 *    VPN one has a strictly lower effective metric than the best LAN one (equal metrics are
 *    `route.duplicate-default-equal-metric`, another finding).
 * 5. Remediation: delete every VPN default route (route.exe DELETE … <next hop, or the tunnel's own
 *    address for an on-link route> IF <index>), then add each corporate network through the
 *    winning VPN interface unless a route longer than /1 on a VPN interface already covers it.
 * 6. A step is judged by a fresh read of the table, never by route.exe's words (translated on
 *    non-English Windows) or its exit code (unreliable; windows-reference.md §9): a DELETE took
 *    effect when no route to its prefix on its interface goes through its gateway; an ADD when one
 *    does, with the planned RouteMetric. An on-link route (the gateway is the interface's own
 *    address) shows next hop 0.0.0.0. route.exe's output is only logged, as evidence.
 */

export const DEFAULT_PREFIX = '0.0.0.0/0';
export const TUNNEL_INTERFACE_TYPES = [23, 131] as const;
/** Written for both JavaScript (flag i) and .NET's -match (case-insensitive): no lookbehind, no \p. */
export const VPN_PATTERN =
  'wan miniport|tap-windows|tap-win32|wintun|wireguard|anyconnect|cisco.*vpn|pangp|palo alto|globalprotect|fortinet|forticlient|fortissl|juniper|pulse secure|ivanti|openvpn|sonicwall|check ?point|zscaler|nordlynx|tailscale|(^|[^a-z])vpn([^a-z]|$)';

export interface NetRouteRow {
  ifIndex: number;
  destinationPrefix: string;
  nextHop: string;
  routeMetric: number;
  /** the ifMetric column of Get-NetRoute */
  interfaceMetric: number;
}

export interface NetInterfaceInfo {
  ifIndex: number;
  alias: string;
  description: string;
  /** Get-NetAdapter InterfaceType (IANA ifType); 0 when there is no adapter */
  interfaceType: number;
  hasAdapter: boolean;
  interfaceMetric?: number;
  ipv4: string[];
}

export interface MachineRoutes {
  routes: NetRouteRow[];
  interfaces: NetInterfaceInfo[];
}

export interface RatedDefault {
  ifIndex: number;
  nextHop: string;
  effective: number;
  vpn: boolean;
}

export interface DefaultRouteDecision {
  present: boolean;
  vpn: RatedDefault[];
  lan: RatedDefault[];
  message: string;
}

export function isVpnInterface(i: NetInterfaceInfo | undefined): boolean {
  if (!i) return false;
  if (!i.hasAdapter) return true;
  if ((TUNNEL_INTERFACE_TYPES as readonly number[]).includes(i.interfaceType)) return true;
  const re = new RegExp(VPN_PATTERN, 'i');
  return re.test(i.description) || re.test(i.alias);
}

const byMetric = (a: RatedDefault, b: RatedDefault) => a.effective - b.effective || a.ifIndex - b.ifIndex;

export function decideDefaultRoute(m: MachineRoutes): DefaultRouteDecision {
  const ifs = new Map(m.interfaces.map((i) => [i.ifIndex, i]));
  const rated = m.routes
    .filter((r) => r.destinationPrefix === DEFAULT_PREFIX)
    .map((r) => {
      const i = ifs.get(r.ifIndex);
      return { ifIndex: r.ifIndex, nextHop: r.nextHop, effective: r.routeMetric + (i?.interfaceMetric ?? r.interfaceMetric), vpn: isVpnInterface(i) };
    });
  const vpn = rated.filter((r) => r.vpn).sort(byMetric);
  const lan = rated.filter((r) => !r.vpn).sort(byMetric);
  const present = vpn.length > 0 && lan.length > 0 && vpn[0]!.effective < lan[0]!.effective;
  const message = present
    ? `Problem present: the VPN default route on interface ${vpn[0]!.ifIndex} (metric ${vpn[0]!.effective}) beats the LAN default route on interface ${lan[0]!.ifIndex} (metric ${lan[0]!.effective}).`
    : `Not present: the VPN does not take the default route (default routes: ${vpn.length} on the VPN, ${lan.length} on the LAN).`;
  return { present, vpn, lan, message };
}

export interface CorporateNetwork {
  cidr: string;
  destination: string;
  mask: string;
  prefixLength: number;
  firstHost: string;
}

export function corporateNetwork(cidr: string): CorporateNetwork | null {
  const m = cidr.match(/^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/);
  if (!m) return null;
  const prefixLength = Number(m[2]);
  if (prefixLength < 1 || prefixLength > 32) return null;
  const net = ipv4ToNumber(m[1]!);
  const size = 2 ** (32 - prefixLength);
  const first = prefixLength >= 31 ? net : net + 1;
  return { cidr, destination: numberToIpv4(net), mask: numberToIpv4(2 ** 32 - size), prefixLength, firstHost: numberToIpv4(first) };
}

/** What a fresh read of the table shows once a step took effect (rule 6). */
export interface StepCheck {
  /** true: the route must be there (ADD); false: it must be gone (DELETE) */
  present: boolean;
  /** as Get-NetRoute writes DestinationPrefix, e.g. 10.13.1.0/24 */
  prefix: string;
  /** the gateway route.exe was given */
  nextHop: string;
  ifIndex: number;
  /** the RouteMetric an added route must have; 0 for a DELETE (not checked) */
  metric: number;
}

export interface RemediationStep {
  label: string;
  argv: string[];
  check: StepCheck;
}

export function planRemediation(m: MachineRoutes, corporate: readonly CorporateNetwork[]): { decision: DefaultRouteDecision; steps: RemediationStep[] } {
  const decision = decideDefaultRoute(m);
  if (!decision.present) return { decision, steps: [] };
  const ifs = new Map(m.interfaces.map((i) => [i.ifIndex, i]));
  const gatewayOf = (r: RatedDefault) => (r.nextHop !== '0.0.0.0' ? r.nextHop : ifs.get(r.ifIndex)?.ipv4[0]);
  const steps: RemediationStep[] = [];
  for (const r of decision.vpn) {
    const gw = gatewayOf(r);
    if (!gw) continue;
    steps.push({
      label: `Remove the VPN default route on interface ${r.ifIndex}`,
      argv: ['DELETE', '0.0.0.0', 'MASK', '0.0.0.0', gw, 'IF', String(r.ifIndex)],
      check: { present: false, prefix: DEFAULT_PREFIX, nextHop: gw, ifIndex: r.ifIndex, metric: 0 },
    });
  }
  const tunnel = decision.vpn[0]!;
  const tunnelGw = gatewayOf(tunnel);
  for (const net of corporate) {
    if (!tunnelGw || coveredByVpn(m, ifs, net)) continue;
    steps.push({
      label: `Send ${net.cidr} through the VPN (interface ${tunnel.ifIndex})`,
      argv: ['ADD', net.destination, 'MASK', net.mask, tunnelGw, 'METRIC', '1', 'IF', String(tunnel.ifIndex)],
      check: { present: true, prefix: `${net.destination}/${net.prefixLength}`, nextHop: tunnelGw, ifIndex: tunnel.ifIndex, metric: 1 },
    });
  }
  return { decision, steps };
}

/** Rule 6: did the step take effect, on a fresh read of the machine's table (Test-TmStepDone)? */
export function stepTookEffect(m: MachineRoutes, check: StepCheck): boolean {
  const own = m.interfaces.find((i) => i.ifIndex === check.ifIndex)?.ipv4.includes(check.nextHop) ?? false;
  const match = m.routes.filter(
    (r) => r.destinationPrefix === check.prefix && r.ifIndex === check.ifIndex && (r.nextHop === check.nextHop || (own && r.nextHop === '0.0.0.0')),
  );
  if (!check.present) return match.length === 0;
  return match.some((r) => r.routeMetric === check.metric);
}

function coveredByVpn(m: MachineRoutes, ifs: Map<number, NetInterfaceInfo>, net: CorporateNetwork): boolean {
  const host = ipv4ToNumber(net.firstHost);
  return m.routes.some((r) => {
    const [dest, len] = r.destinationPrefix.split('/');
    const prefixLength = Number(len);
    if (!dest || !/^\d/.test(dest) || !(prefixLength > 1) || !isVpnInterface(ifs.get(r.ifIndex))) return false;
    const block = 2 ** (32 - prefixLength);
    return Math.floor(ipv4ToNumber(dest) / block) === Math.floor(host / block);
  });
}

export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/**
 * What Get-NetRoute/Get-NetIPInterface/Get-NetAdapter would show on the machine of a snapshot:
 * `route print` metrics are RouteMetric + InterfaceMetric on Vista+, PPP connections have no adapter.
 */
export function machineRoutesFromSnapshot(s: Snapshot): MachineRoutes {
  const interfaces: NetInterfaceInfo[] = s.interfaces
    .filter((i) => i.index !== null)
    .map((i) => ({
      ifIndex: i.index!,
      alias: i.name,
      description: i.description,
      interfaceType: i.kind === 'ppp' ? 23 : i.kind === 'wifi' ? 71 : i.kind === 'loopback' ? 24 : 6,
      hasAdapter: i.kind !== 'ppp' && i.kind !== 'loopback',
      interfaceMetric: i.interfaceMetric,
      ipv4: i.ipv4.map((a) => a.address),
    }));
  const routes: NetRouteRow[] = s.routes
    .filter((r) => r.family === 4)
    .flatMap((r) => {
      const iface = s.interfaces.find((i) => (r.interfaceIndex !== undefined ? i.index === r.interfaceIndex : i.ipv4.some((a) => a.address === r.interfaceAddress)));
      if (!iface || iface.index === null) return [];
      const ifMetric = iface.interfaceMetric ?? 0;
      return [{ ifIndex: iface.index, destinationPrefix: `${r.destination}/${r.prefixLength}`, nextHop: r.gateway ?? '0.0.0.0', routeMetric: r.metric - ifMetric, interfaceMetric: ifMetric }];
    });
  return { routes, interfaces };
}
