import { CAPTURE_FILES, type Capture } from '../capture/capture';
import { looksBinary } from '../capture/decode';
import { classifyListedInterface, isTunnelKind } from '../parse/adapter-kind';
import { parseIpconfig } from '../parse/ipconfig';
import { parseNetshInterfaces } from '../parse/netsh-interfaces';
import { ANY_LINE, copyProblems, undoCopyDamage } from '../parse/pasted-copy';
import { parseRoutePrint } from '../parse/route-print';
import { restoreRouteLineBreaks } from '../parse/route-print-line-breaks';
import { isSeparator } from '../parse/route-print-lines';
import { withSourceText } from '../parse/route-source-text';
import { RouteRows } from '../parse/route-rows';
import { lazyRoutes, routeRowsOf } from '../parse/lazy-routes';
import type { IpconfigAdapter, NetshInterface, RoutePrintInterface } from '../parse/types';
import { parseVer } from '../parse/ver';
import { engineT, type EngineLanguage } from '../i18n';
import { problemAt, type Problem } from '../model/problems';
import type { NetInterface, OsInfo, Route, Snapshot } from '../model/snapshot';
import { pushAll } from './section-reader';
import { SNAPSHOT_SECTIONS } from './snapshot-sections';
import { interfaceMetricsAsNetsh, markVpnAliases, powerShellOnlyInterfaces, readPowerShellNetwork, routeAliases, routesFromPowerShell } from './powershell-network';
import { markOwnSection } from '../model/validated-once';
import { vpnProfilesOf } from '../model/vpn-profile';
import { netshOnlyInterfaces } from './netsh-only-interfaces';

/** Files this build understands; others in the capture are kept for later capabilities. */
const ANALYSED = [CAPTURE_FILES.ver, CAPTURE_FILES.routePrint, CAPTURE_FILES.ipconfig, CAPTURE_FILES.netshInterfaces];

export interface BuiltSnapshot {
  snapshot: Snapshot;
  /** files that were present but not understood at all (the CLI names them on stderr) */
  unreadableFiles: string[];
}

/**
 * capture → snapshot: one set of parsers for live output and capture files alike. The snapshot's
 * few words of its own (an OS known only from the route table's layout, notes on VPN settings read
 * with doubt) are in `language`, the report's; everything else is the capture's.
 */
export function buildSnapshot(unordered: Capture, language: EngineLanguage = 'en'): BuiltSnapshot {
  // Readers fill capture.files in the order reads finish; sorted by name (code units, not locale),
  // the same capture always gives the same snapshot, byte for byte.
  const capture: Capture = { ...unordered, files: new Map([...unordered.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  const problems: Problem[] = capture.readProblems.map(({ unreadable: _, ...p }) => p);
  // files the reader could not or would not read (permissions, links out of the capture, limits)
  const unreadableFiles: string[] = capture.readProblems.filter((p) => p.unreadable).map((p) => p.source);
  const textOf = (name: string): string | undefined => {
    const file = capture.files.get(name);
    if (!file) return undefined;
    if (looksBinary(file.text)) {
      problems.push(problemAt(name, undefined, 'snapshot.binaryOutput'));
      unreadableFiles.push(name);
      return undefined;
    }
    return file.text;
  };
  // a command's output as Windows printed it, when a mail, chat or web page copied it (pasted-copy.ts;
  // only these read-only outputs: LMHOSTS and registry files keep their bytes, a fix rewrites them)
  const outputOf = (name: string): string | undefined => {
    const text = textOf(name);
    if (text === undefined) return undefined;
    const undone = undoCopyDamage(text, { atColumnZero: name === CAPTURE_FILES.routePrint ? isSeparator : ANY_LINE });
    // a route print shown as running text: its line ends back by the rows' shape (route-print-line-breaks.ts)
    const unjoined = name === CAPTURE_FILES.routePrint ? restoreRouteLineBreaks(undone.text) : undefined;
    pushAll(problems, copyProblems(name, unjoined ? [...undone.repairs, unjoined.repair] : undone.repairs));
    return unjoined ? unjoined.text : undone.text;
  };

  const routeText = outputOf(CAPTURE_FILES.routePrint);
  const route = routeText !== undefined ? parseRoutePrint(routeText, CAPTURE_FILES.routePrint, { sourceText: true }) : undefined;
  if (route) {
    pushAll(problems, route.problems);
    if (routeRowsOf(route.value).length === 0 && route.value.interfaces.length === 0) unreadableFiles.push(CAPTURE_FILES.routePrint);
  }

  const ipText = outputOf(CAPTURE_FILES.ipconfig);
  const ip = ipText !== undefined ? parseIpconfig(ipText, CAPTURE_FILES.ipconfig) : undefined;
  if (ip) {
    pushAll(problems, ip.problems);
    if (ip.value.adapters.length === 0) unreadableFiles.push(CAPTURE_FILES.ipconfig);
  }

  const netshText = outputOf(CAPTURE_FILES.netshInterfaces);
  const netsh = netshText !== undefined ? parseNetshInterfaces(netshText, CAPTURE_FILES.netshInterfaces) : undefined;
  if (netsh) {
    pushAll(problems, netsh.problems);
    if (netsh.value.interfaces.length === 0) unreadableFiles.push(CAPTURE_FILES.netshInterfaces);
  }

  // Get-NetRoute / Get-NetIPInterface output stands in for what was not collected (powershell-network.ts);
  // with both classic outputs there, nothing stands in and the powershell/ files are not parsed for it
  const classicOnly = capture.files.has(CAPTURE_FILES.routePrint) && capture.files.has(CAPTURE_FILES.netshInterfaces);
  const ps = classicOnly ? { routeFiles: [], interfaceFiles: [] } : readPowerShellNetwork(capture);
  const psRoutes = !capture.files.has(CAPTURE_FILES.routePrint) && ps.routeFiles.length > 0 ? routesFromPowerShell(ps.routeFiles, ps.interfaceFiles) : undefined;
  const psMetrics = !capture.files.has(CAPTURE_FILES.netshInterfaces) && ps.interfaceFiles.length > 0 ? ps.interfaceFiles : undefined;
  if (psRoutes) pushAll(problems, psRoutes.problems);
  if (psMetrics) for (const f of psMetrics) pushAll(problems, f.problems);
  const substitutes = [
    ...(psRoutes ? [{ file: CAPTURE_FILES.routePrint, readFrom: ps.routeFiles.map((f) => f.name) }] : []),
    ...(psMetrics ? [{ file: CAPTURE_FILES.netshInterfaces, readFrom: psMetrics.map((f) => f.name) }] : []),
  ];
  // a file that stands in but yields no row was not understood (the CLI names it)
  for (const f of [...(psRoutes ? ps.routeFiles : []), ...(psMetrics ?? [])]) if (f.rows.length === 0) unreadableFiles.push(f.name);

  const verText = outputOf(CAPTURE_FILES.ver);
  const os: OsInfo = (verText !== undefined ? parseVer(verText) : null) ?? (psRoutes && ps.routeFiles.some((f) => f.rows.length > 0) ? netRouteOs(language) : guessOs(route?.value.layout, language));
  if (verText !== undefined && !parseVer(verText)) {
    problems.push(problemAt(CAPTURE_FILES.ver, 1, 'snapshot.noWindowsVersion'));
  }

  // the route table as columns (route-rows.ts): the snapshot's routes are made when first read
  const routes = psRoutes ? RouteRows.of(psRoutes.routes) : withSourceText(route ? routeRowsOf(route.value) : RouteRows.of([]), routeText);
  const merged = mergeInterfaces(route?.value.interfaces ?? [], ip?.value.adapters ?? [], psMetrics ? interfaceMetricsAsNetsh(psMetrics) : (netsh?.value.interfaces ?? []), routes);
  const psOnly = psRoutes || psMetrics ? powerShellOnlyInterfaces(merged, ps.interfaceFiles, psRoutes?.routes ?? [], routeAliases(ps.routeFiles)) : [];
  // netsh's rows that no other output names (Get-NetIPInterface's rows took their place above when it stood in)
  const netshOnly = netsh && !psMetrics ? netshOnlyInterfaces([...merged, ...psOnly], netsh.value.interfaces) : [];
  const extra = [...psOnly, ...netshOnly];
  const interfaces = attributeTunnelAddresses(extra.length ? [...merged, ...extra] : merged, routes);

  const collected = [...capture.files.keys()].sort();
  const recorded = (capture.notCollected ?? []).map((line) => line.split(':')[0]!.trim()).filter((f) => f && !capture.files.has(f));
  const notCollected = [...new Set([...ANALYSED.filter((f) => !capture.files.has(f)), ...recorded])];
  const sections = SNAPSHOT_SECTIONS.reduce<ReturnType<(typeof SNAPSHOT_SECTIONS)[number]>>((acc, read) => ({ ...acc, ...read(capture, problems, { os: acc.os ?? os }, language) }), {});
  // made by this module's parsers: the rules take them as they are (validated-once.ts says why)
  const vpnProfiles = markOwnSection(sections.vpnProfiles ?? []);
  if (psOnly.length) markVpnAliases(interfaces, new Set(psOnly), vpnProfilesOf(vpnProfiles).map((p) => p.name));
  const registryRead = registryFilesRead(sections.registry);
  for (const name of capture.files.keys()) {
    // a registry file that yielded no key (a PowerShell error, a reg.exe usage message) was not understood
    if (name.startsWith('registry/') && !registryRead.has(name) && !unreadableFiles.includes(name)) unreadableFiles.push(name);
  }
  return {
    snapshot: lazyRoutes(
      {
        os: sections.os ?? os,
        hostname: ip?.value.hostname ?? capture.meta.hostname,
        interfaces,
        routes: [],
        persistentRoutes: psRoutes ? psRoutes.persistentRoutes : (route?.value.persistentRoutes ?? []),
        vpnProfiles,
        // (as vpnProfiles: made by this module's parsers)
        registry: registryRead.size > 0 && sections.registry ? markOwnSection(sections.registry) : {},
        lmhosts: sections.lmhosts ? markOwnSection(sections.lmhosts) : {},
        events: markOwnSection(sections.events ?? []),
        ...(sections.fileVersions ? { fileVersions: sections.fileVersions } : {}),
        ...(sections.scheduledTasks ? { scheduledTasks: sections.scheduledTasks } : {}),
        files: { collected, notCollected, ...(substitutes.length ? { substitutes } : {}) },
        problems,
      },
      routes,
    ),
    unreadableFiles,
  };
}

/** The registry files at least one key or value came from. */
function registryFilesRead(view: unknown): Set<string> {
  const keys = (view as { keys?: Record<string, { source: { file: string }; values: { source: { file: string } }[] }> } | undefined)?.keys ?? {};
  return new Set(Object.values(keys).flatMap((k) => [k.source.file, ...k.values.map((v) => v.source.file)]));
}

/** Get-NetRoute (the NetTCPIP module) exists from Windows 8 / Server 2012 on (learn.microsoft.com, Get-NetRoute, "winserver2012-ps"). */
function netRouteOs(language: EngineLanguage): OsInfo {
  return { family: 'nt6+', name: engineT(language)('osGuess.netRoute') };
}

function guessOs(layout: 'nt5' | 'nt6+' | 'unknown' | undefined, language: EngineLanguage): OsInfo {
  const t = engineT(language);
  if (layout === 'nt5') return { family: 'nt5', name: t('osGuess.nt5') };
  if (layout === 'nt6+') return { family: 'nt6+', name: t('osGuess.nt6') };
  return { family: 'unknown', name: t('osGuess.unknown') };
}

const normaliseMac = (mac: string | undefined) => mac?.toLowerCase().replace(/[^0-9a-f]/g, '') || undefined;

/**
 * ipconfig knows names, kinds and addresses; route print knows indexes; netsh knows indexes,
 * names and interface metrics. Join them by MAC, then description, then name, then kind, so that
 * each adapter shows once (XP's route print and plain ipconfig of one PC: test/fixtures/real/captures).
 */
export function mergeInterfaces(
  listed: RoutePrintInterface[],
  adapters: IpconfigAdapter[],
  netsh: NetshInterface[],
  routes: RouteRows,
): NetInterface[] {
  const usedIndexes = new Set<number>();
  const free = (l: RoutePrintInterface) => !usedIndexes.has(l.index);
  const result: NetInterface[] = adapters.map((a) => {
    const bare = listedMatch(a, listed.filter(free));
    const tail = netshByHeaderTail(a, netsh);
    const n = netsh.find((x) => x.name === a.name) ?? tail ?? (bare ? netsh.find((x) => x.index === bare.index) : undefined);
    const index = bare?.index ?? n?.index ?? null;
    if (index !== null) usedIndexes.add(index);
    return {
      index,
      name: tail?.name ?? a.name,
      description: a.description,
      kind: a.kind,
      mac: a.mac,
      connected: a.connected,
      ipv4: a.ipv4,
      ipv6: a.ipv6,
      gateways: a.gateways,
      dnsServers: a.dnsServers,
      interfaceMetric: n?.metric ?? inferInterfaceMetric(a.ipv4.map((x) => x.address), routes),
    };
  });
  for (const l of listed) {
    if (usedIndexes.has(l.index)) continue;
    const n = netsh.find((x) => x.index === l.index);
    const kind = classifyListedInterface(l.description, l.mac);
    result.push({
      index: l.index,
      name: n?.name ?? l.description,
      description: l.description,
      kind,
      mac: l.mac,
      // ipconfig never lists the Software Loopback Interface, but its routes use 127.0.0.1.
      ipv4: kind === 'loopback' ? [{ address: '127.0.0.1', prefixLength: 8 }] : [],
      ipv6: [],
      gateways: [],
      dnsServers: [],
      interfaceMetric: n?.metric,
    });
  }
  return result;
}

/**
 * An ipconfig header whose type phrase no table knows keeps the whole header as the adapter's name
 * ("Adaptér sítě Ethernet Ethernet 2"); the header ends with the connection's name, which netsh
 * prints alone: the longest netsh name the header ends with is the adapter's.
 */
function netshByHeaderTail(a: IpconfigAdapter, netsh: NetshInterface[]): NetshInterface | undefined {
  if (a.name !== a.header) return undefined;
  let best: NetshInterface | undefined;
  for (const x of netsh) if (x.name !== '' && a.header.endsWith(' ' + x.name) && (!best || x.name.length > best.name.length)) best = x;
  return best;
}

/** Compares descriptions across tools: XP's route print adds " - Packet Scheduler Miniport" (localised). */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** Tokens that name one device: letters and digits together ("VMnet8", "RTL8139"). */
const distinctTokens = (s: string) => new Set((s.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /\p{L}/u.test(w) && /\p{N}/u.test(w)).map((w) => w.toLowerCase()));

function listedMatch(a: IpconfigAdapter, candidates: RoutePrintInterface[]): RoutePrintInterface | undefined {
  const mac = normaliseMac(a.mac);
  // the WAN (PPP/SLIP) MAC 00-53-45-00-00-00 is shared by every dial-up link: only decisive when unique
  const byMac = mac ? candidates.filter((l) => normaliseMac(l.mac) === mac) : [];
  if (byMac.length === 1) return byMac[0];
  const pool = byMac.length > 1 ? byMac : candidates;
  const desc = squash(a.description);
  if (desc.length >= 6) {
    const exact = pool.find((l) => squash(l.description) === desc);
    if (exact) return exact;
    // XP suffix, or a description cut at the console's 80th column
    const prefixed = pool.filter((l) => {
      const d = squash(l.description);
      return d.length >= 12 && (d.startsWith(desc) || desc.startsWith(d));
    });
    if (prefixed.length === 1) return prefixed[0];
  }
  // plain ipconfig prints no description: a device token of the connection name ("… VMnet8")
  const tokens = distinctTokens(a.name);
  const byToken = pool.filter((l) => [...distinctTokens(l.description)].some((t) => tokens.has(t)));
  if (byToken.length === 1) return byToken[0];
  // one dial-up/VPN adapter on each side is the same link
  if (isTunnelKind(a.kind)) {
    const tunnels = pool.filter((l) => isTunnelKind(classifyListedInterface(l.description, l.mac)));
    const same = tunnels.filter((l) => classifyListedInterface(l.description, l.mac) === a.kind);
    if (same.length === 1) return same[0];
    if (tunnels.length === 1) return tunnels[0];
  }
  if (byMac.length > 1) return byMac[0];
  return undefined;
}

/**
 * A capture with route print but without an ipconfig that names the tunnel: the interface address
 * that carries the VPN's signature routes (both halves 0.0.0.0/1 + 128.0.0.0/1, or a default or half
 * whose gateway is the address itself, RAS/PPP's point-to-point form) belongs to the tunnel adapter
 * the Interface List shows (TAP-Windows, Wintun, WAN (PPP/SLIP), a named VPN connection…). When the
 * list has several, the first unattributed one is named; they are all tunnels, so the verdict holds.
 */
function attributeTunnelAddresses(interfaces: NetInterface[], routes: RouteRows): NetInterface[] {
  const owned = new Set(interfaces.flatMap((i) => i.ipv4.map((a) => a.address)));
  const candidates = interfaces.filter((i) => isTunnelKind(i.kind) && i.ipv4.length === 0 && i.index !== null);
  if (candidates.length === 0) return interfaces;
  const byAddress = new Map<string, Route[]>();
  routes.forEach((r, i) => {
    if (r.family !== 4 || !r.interfaceAddress || owned.has(r.interfaceAddress)) return;
    const list = byAddress.get(r.interfaceAddress) ?? [];
    list.push(routes.at(i));
    byAddress.set(r.interfaceAddress, list);
  });
  const defaultGateways = new Set(routes.filterWithPrefix(0, 0, (r) => r.family === 4).map((r) => r.gateway));
  for (const [address, rs] of byAddress) {
    const halves = rs.filter((r) => r.prefixLength === 1 && (r.destination === '0.0.0.0' || r.destination === '128.0.0.0'));
    // OpenVPN's def1: both halves through an address that has no default of its own, towards a peer
    // that is no LAN router (the halves TunnelMedic's own split fix adds go through the LAN router)
    const def1 =
      new Set(halves.map((r) => r.destination)).size === 2 &&
      !rs.some((r) => r.prefixLength === 0) &&
      halves.every((r) => r.gateway === null || r.gateway === address || !defaultGateways.has(r.gateway));
    const pointToPoint = rs.some((r) => r.prefixLength <= 1 && (r.gateway === null || r.gateway === address));
    if (!def1 && !pointToPoint) continue;
    const target = candidates.shift();
    if (!target) break;
    // its own subnet when the table has one (OpenVPN's /30), else the host address alone
    const subnet = rs
      .filter((r) => r.prefixLength > 1 && r.prefixLength < 32 && (r.gateway === null || r.gateway === address) && inSubnet(address, r.destination, r.prefixLength))
      .sort((x, y) => y.prefixLength - x.prefixLength)[0];
    target.ipv4 = [{ address, prefixLength: subnet?.prefixLength ?? 32 }];
  }
  return interfaces;
}

function inSubnet(address: string, network: string, prefix: number): boolean {
  const n = (ip: string) => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix);
  return Math.floor(n(address) / size) === Math.floor(n(network) / size);
}

/** Vista+ prints each interface's own /32 host route with metric 256 + interface metric. */
function inferInterfaceMetric(addresses: string[], routes: RouteRows): number | undefined {
  for (const address of addresses) {
    const host = routes.findWithPrefix(32, 32, (r) => r.family === 4 && r.destination === address && r.interfaceAddress === address);
    if (host && host.metric >= 256) return host.metric - 256;
  }
  return undefined;
}
