import type { TFunction } from 'i18next';
import { effectiveRoute, interfaceOf, parseCidr, firstHost, tunnelRouteTest } from '../diagnose/route-model';
import { routeRowsOf } from '../parse/lazy-routes';
import type { Route, Snapshot } from '../model/snapshot';
import type { VpnProfile } from '../model/vpn-profile';
import { tunnelDnsServers } from '../probe/reachability';
import type { Action } from './actions';
import type { PlannedFix } from './build-fix';
import type { ScriptStep } from './render-cmd';
import { describeInterface, interfaceIndexOf, routeMetricOf } from './route-metric';

const DEFAULT_MASK = '0.0.0.0';
const HALF_MASK = '128.0.0.0';

/**
 * The FAQ's batch fix as typed actions: delete only the VPN's default route(s) — named by gateway
 * and interface, because a bare `route delete 0.0.0.0` drops every default —, make sure the LAN
 * default then wins, and send each corporate network through the tunnel.
 */
export function planSplitTunnel(snapshot: Snapshot, vpnDefaults: Route[], lanDefault: Route, corporateNetworks: string[], t: TFunction): PlannedFix | null {
  const steps: ScriptStep[] = [];
  const notes: string[] = [];
  const tunnelRoute = vpnDefaults[0];
  if (!tunnelRoute) return null;
  const tunnelIndex = interfaceIndexOf(tunnelRoute, snapshot);
  // On-link tunnel routes are named by the tunnel's own address: route.exe treats that as on-link.
  const tunnelGateway = tunnelRoute.gateway ?? tunnelRoute.interfaceAddress;
  if (!tunnelGateway) return null;

  for (const r of vpnDefaults) {
    const gateway = r.gateway ?? r.interfaceAddress;
    if (!gateway) return null;
    const metric = routeMetricOf(r, snapshot);
    // Never silent: an undo that cannot give the route back exactly says so in the fix.
    if (metric.why === 'interface-metric-unknown') notes.push(t('fix.metricUnknown', { dest: r.destination, prefix: r.prefixLength }));
    else if (!metric.exact) notes.push(t('fix.metricNotExact', { dest: r.destination, prefix: r.prefixLength }));
    if (r.persistent) notes.push(t('fix.persistentNotExact', { dest: r.destination, prefix: r.prefixLength }));
    steps.push({
      label: t('fix.step.deleteVpnDefault', { dest: r.destination, prefix: r.prefixLength, iface: describeInterface(interfaceOf(r, snapshot), gateway) }),
      action: {
        kind: 'route.delete',
        destination: r.destination,
        netmask: r.prefixLength === 0 ? DEFAULT_MASK : HALF_MASK,
        gateway,
        interfaceIndex: interfaceIndexOf(r, snapshot),
        previousMetric: metric.metric,
      },
    });
  }

  // Another default would still tie with (or beat) the LAN's. The LAN default itself is left alone —
  // changing it could not be undone exactly (a DHCP default has route metric 0, which route.exe
  // cannot set; `route change` turns a persistent "Default" metric into a number) — and two /1
  // halves through the LAN router win by prefix length instead; their undo is two exact deletes.
  const removed = new Set(vpnDefaults);
  // one look for a default route (a handful in any table) that would remain and compete; no copy of the table
  // (the defaults are made into routes first: which route it is is asked by identity)
  const routes = routeRowsOf(snapshot);
  const competing = routes.filterWithPrefix(0, 0, (r) => r.family === 4 && r.metric <= lanDefault.metric).some((r) => r !== lanDefault && !removed.has(r));
  if (competing && lanDefault.gateway) {
    for (const half of ['0.0.0.0', '128.0.0.0']) {
      steps.push({
        label: t('fix.step.addLanHalf', { dest: half, gateway: lanDefault.gateway }),
        action: { kind: 'route.add', destination: half, netmask: HALF_MASK, gateway: lanDefault.gateway, metric: 1, interfaceIndex: interfaceIndexOf(lanDefault, snapshot) },
      });
    }
  }

  // Which route would still carry a target through the tunnel once the defaults are gone: the
  // winner among the remaining tunnel routes more specific than /1. Asked of the whole table's index
  // and filtered (the candidates come best first, so the first that qualifies is the subset's own
  // winner) instead of indexing a 20 000-route copy of the table again.
  const isTunnel = tunnelRouteTest(snapshot);
  const tunnelSpecific = (r: Route) => !removed.has(r) && r.prefixLength > 1 && isTunnel(r);
  const stillTunnelledTo = (target: string) => effectiveRoute(routes, target).candidates.find(tunnelSpecific);
  for (const cidr of corporateNetworks) {
    const net = parseCidr(cidr);
    const host = firstHost(cidr);
    if (!net || !host) continue;
    const stillTunnelled = stillTunnelledTo(host);
    if (stillTunnelled) continue;
    steps.push({
      label: t('fix.step.addCorp', { cidr, gateway: tunnelGateway, index: tunnelIndex ?? '?' }),
      action: corpRouteAction(net.address, net.netmask, tunnelGateway, tunnelIndex),
    });
  }
  // The VPN's DNS servers must stay reachable through the tunnel, or names stop resolving once the
  // default route is gone (issue 15.2): a host route for each one no corporate network covers.
  const corpNets = corporateNetworks.map(parseCidr).filter((n) => n !== null);
  for (const dns of tunnelDnsServers(snapshot)) {
    if (corpNets.some((n) => inNetwork(dns, n.address, n.prefixLength)) || stillTunnelledTo(dns)) continue;
    steps.push({
      label: t('fix.step.addDns', { address: dns, gateway: tunnelGateway }),
      action: { kind: 'route.add', destination: dns, netmask: '255.255.255.255', gateway: tunnelGateway, metric: 1, interfaceIndex: tunnelIndex },
    });
  }
  if (corporateNetworks.length === 0) notes.push(t('fix.noCorpNets'));

  return {
    id: 'route.vpn-default-route-wins:split-now',
    title: t('fix.splitNow'),
    strength: 'now',
    risk: corporateNetworks.length === 0 ? 'high' : 'medium',
    steps,
    notes: notes.length ? notes : undefined,
  };
}

/** The DNS host routes a now-fix adds (as /32 prefixes), so the lasting fix stores them in the profile too. */
function dnsHostRoutes(now: PlannedFix): string[] {
  return now.steps.flatMap((s) => (s.action.kind === 'route.add' && s.action.netmask === '255.255.255.255' ? [`${s.action.destination}/32`] : []));
}

function inNetwork(address: string, network: string, prefixLength: number): boolean {
  const n = (a: string) => a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefixLength);
  return Math.floor(n(address) / size) === Math.floor(n(network) / size);
}

export function corpRouteAction(destination: string, netmask: string, gateway: string, interfaceIndex: number | undefined): Action {
  return { kind: 'route.add', destination, netmask, gateway, metric: 1, interfaceIndex };
}

/**
 * "Fix for good": the same route changes now, plus the VPN profile (Set-VpnConnection
 * -SplitTunneling, Add-VpnConnectionRoute) so every later connect comes up split. Only for a
 * connection Get-VpnConnection reported (Windows 8+); pre-8 phonebooks get the "now" fix only.
 */
export function planSplitTunnelLasting(now: PlannedFix, profile: VpnProfile, corporateNetworks: string[], t: TFunction): PlannedFix {
  const name = profile.name;
  const allUsers = Boolean(profile.allUsers);
  const steps: ScriptStep[] = [
    ...now.steps,
    { label: t('fix.step.splitOn', { name }), action: { kind: 'vpn.split.set', connectionName: name, allUsers, splitTunneling: true, previous: profile.splitTunnel ?? false } },
    ...[...corporateNetworks, ...dnsHostRoutes(now)]
      .filter((cidr) => parseCidr(cidr) && !profile.routes.includes(cidr))
      .map((cidr): ScriptStep => ({ label: t('fix.step.profileRoute', { cidr, name }), action: { kind: 'vpn.route.add', connectionName: name, allUsers, destinationPrefix: cidr } })),
  ];
  return {
    id: 'route.vpn-default-route-wins:split-lasting',
    title: t('fix.splitLasting'),
    strength: 'lasting',
    risk: now.risk,
    steps,
    notes: [t('fix.splitLastingNote', { name }), ...(now.notes ?? [])],
  };
}
