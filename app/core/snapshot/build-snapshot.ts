import { CAPTURE_FILES, type Capture } from '../capture/capture';
import { looksBinary } from '../capture/decode';
import { classifyAdapter } from '../parse/adapter-kind';
import { parseIpconfig } from '../parse/ipconfig';
import { parseNetshInterfaces } from '../parse/netsh-interfaces';
import { parseRoutePrint } from '../parse/route-print';
import type { IpconfigAdapter, NetshInterface, RoutePrintInterface } from '../parse/types';
import { parseVer } from '../parse/ver';
import type { Problem } from '../model/problems';
import type { NetInterface, OsInfo, Route, Snapshot } from '../model/snapshot';
import { pushAll } from './section-reader';
import { SNAPSHOT_SECTIONS } from './snapshot-sections';

/** Files this build understands; others in the capture are kept for later capabilities. */
const ANALYSED = [CAPTURE_FILES.ver, CAPTURE_FILES.routePrint, CAPTURE_FILES.ipconfig, CAPTURE_FILES.netshInterfaces];

export interface BuiltSnapshot {
  snapshot: Snapshot;
  /** files that were present but not understood at all (the CLI names them on stderr) */
  unreadableFiles: string[];
}

/** capture → snapshot: one set of parsers for live output and capture files alike. */
export function buildSnapshot(unordered: Capture): BuiltSnapshot {
  // Readers fill capture.files in the order reads finish; sorted by name (code units, not locale),
  // the same capture always gives the same snapshot, byte for byte.
  const capture: Capture = { ...unordered, files: new Map([...unordered.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  const problems: Problem[] = capture.readProblems.map((p) => ({ source: p.source, message: p.message }));
  // files the reader could not or would not read (permissions, links out of the capture, limits)
  const unreadableFiles: string[] = capture.readProblems.filter((p) => p.unreadable).map((p) => p.source);
  const textOf = (name: string): string | undefined => {
    const file = capture.files.get(name);
    if (!file) return undefined;
    if (looksBinary(file.text)) {
      problems.push({ source: name, message: 'binary data, not command output' });
      unreadableFiles.push(name);
      return undefined;
    }
    return file.text;
  };

  const routeText = textOf(CAPTURE_FILES.routePrint);
  const route = routeText !== undefined ? parseRoutePrint(routeText, CAPTURE_FILES.routePrint) : undefined;
  if (route) {
    pushAll(problems, route.problems);
    if (route.value.routes.length === 0 && route.value.interfaces.length === 0) unreadableFiles.push(CAPTURE_FILES.routePrint);
  }

  const ipText = textOf(CAPTURE_FILES.ipconfig);
  const ip = ipText !== undefined ? parseIpconfig(ipText, CAPTURE_FILES.ipconfig) : undefined;
  if (ip) {
    pushAll(problems, ip.problems);
    if (ip.value.adapters.length === 0) unreadableFiles.push(CAPTURE_FILES.ipconfig);
  }

  const netshText = textOf(CAPTURE_FILES.netshInterfaces);
  const netsh = netshText !== undefined ? parseNetshInterfaces(netshText, CAPTURE_FILES.netshInterfaces) : undefined;
  if (netsh) {
    pushAll(problems, netsh.problems);
    if (netsh.value.interfaces.length === 0) unreadableFiles.push(CAPTURE_FILES.netshInterfaces);
  }

  const verText = textOf(CAPTURE_FILES.ver);
  const os: OsInfo = (verText !== undefined ? parseVer(verText) : null) ?? guessOs(route?.value.layout);
  if (verText !== undefined && !parseVer(verText)) {
    problems.push({ source: CAPTURE_FILES.ver, line: 1, message: 'no Windows version found in `ver` output' });
  }

  const routes = withSourceText(route?.value.routes ?? [], routeText);
  const interfaces = mergeInterfaces(route?.value.interfaces ?? [], ip?.value.adapters ?? [], netsh?.value.interfaces ?? [], routes);

  const collected = [...capture.files.keys()].sort();
  const recorded = (capture.notCollected ?? []).map((line) => line.split(':')[0]!.trim()).filter((f) => f && !capture.files.has(f));
  const notCollected = [...new Set([...ANALYSED.filter((f) => !capture.files.has(f)), ...recorded])];
  const sections = SNAPSHOT_SECTIONS.reduce<ReturnType<(typeof SNAPSHOT_SECTIONS)[number]>>((acc, read) => ({ ...acc, ...read(capture, problems, { os: acc.os ?? os }) }), {});
  return {
    snapshot: {
      os: sections.os ?? os,
      hostname: ip?.value.hostname ?? capture.meta.hostname,
      interfaces,
      routes,
      persistentRoutes: route?.value.persistentRoutes ?? [],
      vpnProfiles: sections.vpnProfiles ?? [],
      registry: sections.registry ?? {},
      lmhosts: sections.lmhosts ?? {},
      events: sections.events ?? [],
      ...(sections.fileVersions ? { fileVersions: sections.fileVersions } : {}),
      ...(sections.scheduledTasks ? { scheduledTasks: sections.scheduledTasks } : {}),
      files: { collected, notCollected },
      problems,
    },
    unreadableFiles,
  };
}

function guessOs(layout: 'nt5' | 'nt6+' | 'unknown' | undefined): OsInfo {
  if (layout === 'nt5') return { family: 'nt5', name: 'Windows NT 5.x (from the route table layout)' };
  if (layout === 'nt6+') return { family: 'nt6+', name: 'Windows Vista or later (from the route table layout)' };
  return { family: 'unknown', name: 'unknown (ver.txt not collected)' };
}

const normaliseMac = (mac: string | undefined) => mac?.toLowerCase().replace(/[^0-9a-f]/g, '') || undefined;

/**
 * ipconfig knows names, kinds and addresses; route print knows indexes; netsh knows indexes,
 * names and interface metrics. Join them by MAC, then description, then name.
 */
export function mergeInterfaces(
  listed: RoutePrintInterface[],
  adapters: IpconfigAdapter[],
  netsh: NetshInterface[],
  routes: Route[],
): NetInterface[] {
  const usedIndexes = new Set<number>();
  const result: NetInterface[] = adapters.map((a) => {
    const byMac = a.mac ? listed.find((l) => !usedIndexes.has(l.index) && normaliseMac(l.mac) === normaliseMac(a.mac)) : undefined;
    const byDesc = listed.find((l) => !usedIndexes.has(l.index) && l.description.trim().toLowerCase() === a.description.trim().toLowerCase());
    const bare = byMac ?? byDesc;
    const n = netsh.find((x) => x.name === a.name) ?? (bare ? netsh.find((x) => x.index === bare.index) : undefined);
    const index = bare?.index ?? n?.index ?? null;
    if (index !== null) usedIndexes.add(index);
    return {
      index,
      name: a.name,
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
    result.push({
      index: l.index,
      name: n?.name ?? l.description,
      description: l.description,
      kind: classifyAdapter('', l.description),
      mac: l.mac,
      // ipconfig never lists the Software Loopback Interface, but its routes use 127.0.0.1.
      ipv4: classifyAdapter('', l.description) === 'loopback' ? [{ address: '127.0.0.1', prefixLength: 8 }] : [],
      ipv6: [],
      gateways: [],
      dnsServers: [],
      interfaceMetric: n?.metric,
    });
  }
  return result;
}

/** Vista+ prints each interface's own /32 host route with metric 256 + interface metric. */
function inferInterfaceMetric(addresses: string[], routes: Route[]): number | undefined {
  for (const address of addresses) {
    const host = routes.find((r) => r.family === 4 && r.destination === address && r.prefixLength === 32 && r.interfaceAddress === address);
    if (host && host.metric >= 256) return host.metric - 256;
  }
  return undefined;
}

/** Evidence shows the route as the user's own `route print` printed it. */
function withSourceText(routes: Route[], text: string | undefined): Route[] {
  if (!text) return routes;
  const lines = text.split(/\r?\n/);
  return routes.map((r) => (r.source ? { ...r, source: { ...r.source, text: (lines[r.source.line - 1] ?? '').trim() } } : r));
}
