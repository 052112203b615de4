import { isTunnelKind } from '../parse/adapter-kind';
import type { RouteRows } from '../parse/route-rows';
import { routeRowsOf } from '../parse/lazy-routes';
import { effectiveRoute, INTERNET_PROBE, interfaceOf, isTunnelRoute } from '../diagnose/route-model';
import { prefixLengthOfMask } from '../sim/ipv4';
import type { Finding, Fix } from '../model/report';
import type { NetInterface, Route, Snapshot } from '../model/snapshot';

/**
 * "Where the traffic goes" as a picture, drawn from the snapshot (issue 13 item 3): the PC, its
 * adapters, the way out of each (the router, or the VPN tunnel), the Internet and each company
 * network; per destination the path today (red where it is wrong) and the path after the finding's
 * first fix (green), with the winning route's numbers. Pure: one model, drawn by the app (React,
 * focusable) and by the HTML report (`renderTrafficSvg`), so both show the same geometry.
 */

export interface DiagramWords {
  pc: string;
  internet: string;
  tunnel: string;
  router: (gateway: string) => string;
  direct: string;
  today: string;
  after: string;
  wrong: string;
  /** "{{destination}}: today through {{today}}{{wrong}}; after the fix through {{after}}" */
  line: (p: { destination: string; today: string; after?: string; wrong: boolean }) => string;
  /** the winning route's numbers, e.g. "0.0.0.0/0 on-link, metric 26, route-print.txt line 14" */
  route: (r: RouteNumbers) => string;
  kind: (kind: NetInterface['kind']) => string;
}

export interface RouteNumbers {
  prefix: string;
  gateway: string | null;
  metric: number;
  interfaceName?: string;
  file?: string;
  line?: number;
}

export interface DiagramBox {
  id: string;
  kind: 'pc' | 'adapter' | 'router' | 'tunnel' | 'internet' | 'network';
  label: string;
  sub?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramPath {
  id: string;
  destination: string;
  when: 'today' | 'after';
  /** today's path of a destination the fix moves (or a company network outside the tunnel) */
  wrong: boolean;
  /** x,y points of a polyline */
  points: [number, number][];
  /** the boxes it passes, for the text equivalent */
  through: string;
  route: RouteNumbers | null;
}

export interface TrafficDiagram {
  width: number;
  height: number;
  boxes: DiagramBox[];
  paths: DiagramPath[];
  /** one sentence per destination: the text equivalent of the picture */
  lines: string[];
}

const COL = { pc: 12, adapter: 176, hop: 404, dest: 624 } as const;
const W = { pc: 120, adapter: 180, hop: 168, dest: 184 } as const;
const ROW = 84;
const BOX_H = 64;
const TOP = 16;
export const DIAGRAM_WIDTH = COL.dest + W.dest + 12;

/** The routes as they would be after the fix's route actions (delete, add, change), judged like Windows. */
export function routesAfter(snapshot: Snapshot, fix: Fix | undefined): Route[] | null {
  const actions = (fix?.actions ?? []).filter((a) => a.kind === 'route.add' || a.kind === 'route.delete' || a.kind === 'route.change');
  if (actions.length === 0) return null;
  // Vista+ `route print` shows route metric + interface metric (route-metric.ts): add it back
  const withIfMetric = (metric: number, iface: NetInterface | undefined): number =>
    metric + (snapshot.os.family === 'nt6+' || snapshot.os.family === 'unknown' ? iface?.interfaceMetric ?? 0 : 0);
  const gatewayOf = (r: Route): string | null => r.gateway ?? r.interfaceAddress ?? null;
  const ifaceByIndex = (index: number | undefined): NetInterface | undefined => (index === undefined ? undefined : snapshot.interfaces.find((i) => i.index === index));
  let routes = [...snapshot.routes];
  for (const a of actions) {
    const prefixLength = prefixLengthOfMask(a.netmask);
    if (prefixLength === null) continue;
    const same = (r: Route): boolean =>
      r.family === 4 &&
      r.destination === a.destination &&
      r.prefixLength === prefixLength &&
      (a.gateway === undefined || gatewayOf(r) === a.gateway) &&
      (a.interfaceIndex === undefined || (r.interfaceIndex ?? interfaceOf(r, snapshot)?.index) === a.interfaceIndex);
    if (a.kind === 'route.delete') routes = routes.filter((r) => !same(r));
    else if (a.kind === 'route.change') {
      routes = routes.map((r) => (same(r) ? { ...r, metric: withIfMetric(a.metric, interfaceOf(r, snapshot)) } : r));
    } else {
      const iface = ifaceByIndex(a.interfaceIndex) ?? snapshot.interfaces.find((i) => i.ipv4.some((x) => x.address === a.gateway));
      const own = iface?.ipv4.some((x) => x.address === a.gateway) ?? false;
      routes.push({
        family: 4,
        destination: a.destination,
        prefixLength,
        netmask: a.netmask,
        gateway: own ? null : a.gateway,
        interfaceAddress: iface?.ipv4[0]?.address,
        interfaceIndex: a.interfaceIndex,
        metric: withIfMetric(a.metric, iface),
        persistent: false,
      });
    }
  }
  return routes;
}

interface Hop {
  iface: NetInterface | null;
  tunnel: boolean;
  gateway: string | null;
  route: Route;
}

function hopOf(route: Route | null, snapshot: Snapshot): Hop | null {
  if (!route) return null;
  return { iface: interfaceOf(route, snapshot) ?? null, tunnel: isTunnelRoute(route, snapshot), gateway: route.gateway, route };
}

const adapterKey = (h: Hop): string => (h.iface ? `if:${h.iface.index ?? h.iface.name}` : `addr:${h.route.interfaceAddress ?? '?'}`);

export function buildTrafficDiagram(snapshot: Snapshot, finding: Pick<Finding, 'decisions' | 'fixes'>, words: DiagramWords): TrafficDiagram | null {
  const decisions = (finding.decisions ?? []).filter((d) => !d.target.includes(':'));
  if (decisions.length === 0) return null;
  const after = routesAfter(snapshot, finding.fixes[0]);
  const rows = decisions.map((d) => {
    const today = hopOf(effectiveRoute(snapshot.routes, d.target).winner, snapshot);
    const later = after ? hopOf(effectiveRoute(after, d.target).winner, snapshot) : null;
    const internet = d.target === INTERNET_PROBE;
    const moved = !!later && !!today && adapterKey(later) !== adapterKey(today);
    // wrong today: the fix moves it elsewhere, or (no route fix) a company network outside the tunnel
    const wrong = !today || moved || (!after && !internet && !today.tunnel);
    return { d, today, later, internet, wrong };
  });

  // adapters: those a path uses, then other connected ones with an address (context), tunnels last
  const hops = rows.flatMap((r) => [r.today, r.later]).filter((h): h is Hop => !!h);
  const byKey = new Map<string, Hop>();
  for (const h of hops) if (!byKey.has(adapterKey(h))) byKey.set(adapterKey(h), h);
  for (const i of snapshot.interfaces) {
    if (i.kind === 'loopback' || i.ipv4.length === 0 || i.connected === false) continue;
    const key = `if:${i.index ?? i.name}`;
    if (!byKey.has(key)) byKey.set(key, { iface: i, tunnel: isTunnelKind(i.kind), gateway: i.gateways.find((g) => g !== '0.0.0.0') ?? null, route: { family: 4, destination: '0.0.0.0', prefixLength: 0, gateway: null, metric: 0, persistent: false } });
  }
  const adapters = [...byKey.entries()].sort(([, a], [, b]) => Number(a.tunnel) - Number(b.tunnel));
  const rowCount = Math.max(adapters.length, rows.length, 1);
  const height = TOP * 2 + rowCount * ROW - (ROW - BOX_H);
  const yOf = (i: number, n: number): number => TOP + i * ROW + ((rowCount - n) * ROW) / 2;

  const boxes: DiagramBox[] = [{ id: 'pc', kind: 'pc', label: words.pc, sub: snapshot.hostname, x: COL.pc, y: height / 2 - BOX_H / 2, w: W.pc, h: BOX_H }];
  const adapterBox = new Map<string, DiagramBox>();
  const hopBox = new Map<string, DiagramBox>();
  adapters.forEach(([key, h], i) => {
    const y = yOf(i, adapters.length);
    const address = h.iface?.ipv4[0]?.address ?? h.route.interfaceAddress;
    const a: DiagramBox = { id: `adapter-${i}`, kind: 'adapter', label: h.iface?.name ?? address ?? '?', sub: [h.iface ? words.kind(h.iface.kind) : undefined, address].filter(Boolean).join(' · '), x: COL.adapter, y, w: W.adapter, h: BOX_H };
    const gateway = h.iface?.gateways.find((g) => g !== '0.0.0.0') ?? (h.gateway && h.gateway !== address ? h.gateway : null);
    const hop: DiagramBox = h.tunnel
      ? { id: `hop-${i}`, kind: 'tunnel', label: words.tunnel, sub: h.iface?.name, x: COL.hop, y, w: W.hop, h: BOX_H }
      : { id: `hop-${i}`, kind: 'router', label: gateway ? words.router(gateway) : words.direct, x: COL.hop, y, w: W.hop, h: BOX_H };
    boxes.push(a, hop);
    adapterBox.set(key, a);
    hopBox.set(key, hop);
  });
  const destBox = new Map<string, DiagramBox>();
  rows.forEach((r, i) => {
    const box: DiagramBox = { id: `dest-${i}`, kind: r.internet ? 'internet' : 'network', label: r.internet ? words.internet : r.d.label, sub: r.internet ? undefined : r.d.target, x: COL.dest, y: yOf(i, rows.length), w: W.dest, h: BOX_H };
    boxes.push(box);
    destBox.set(r.d.target, box);
  });

  const pc = boxes[0]!;
  const numbers = (h: Hop): RouteNumbers => ({
    prefix: `${h.route.destination}/${h.route.prefixLength}`,
    gateway: h.route.gateway,
    metric: h.route.metric,
    interfaceName: h.iface?.name,
    file: h.route.source?.file,
    line: h.route.source?.line,
  });
  const through = (h: Hop): string => {
    const hop = hopBox.get(adapterKey(h))!;
    return h.tunnel ? `${words.tunnel} (${adapterBox.get(adapterKey(h))!.label})` : `${adapterBox.get(adapterKey(h))!.label}, ${hop.label}`;
  };
  const paths: DiagramPath[] = [];
  const lines: string[] = [];
  rows.forEach((r, i) => {
    const dest = destBox.get(r.d.target)!;
    const draw = (h: Hop, when: 'today' | 'after'): DiagramPath => {
      const a = adapterBox.get(adapterKey(h))!;
      const hop = hopBox.get(adapterKey(h))!;
      // today above the centre line, after below: both stay visible where they share a stretch
      const dy = when === 'today' ? -7 : 7;
      const mid = (b: DiagramBox): number => b.y + b.h / 2 + dy;
      return {
        id: `path-${i}-${when}`,
        destination: dest.label,
        when,
        wrong: when === 'today' && r.wrong,
        points: [
          [pc.x + pc.w, mid(pc)],
          [a.x, mid(a)],
          [a.x + a.w, mid(a)],
          [hop.x, mid(hop)],
          [hop.x + hop.w, mid(hop)],
          [dest.x, mid(dest)],
        ],
        through: through(h),
        route: numbers(h),
      };
    };
    if (r.today) paths.push(draw(r.today, 'today'));
    if (r.later) paths.push(draw(r.later, 'after'));
    lines.push(words.line({ destination: dest.label, today: r.today ? through(r.today) : '—', after: r.later ? through(r.later) : undefined, wrong: r.wrong }));
  });
  return { width: DIAGRAM_WIDTH, height, boxes, paths, lines };
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const PATH_COLOURS = { wrong: '#c0271b', today: '#475467', after: '#0b7a3e' } as const;

export const pathColour = (p: DiagramPath): string => (p.wrong ? PATH_COLOURS.wrong : p.when === 'after' ? PATH_COLOURS.after : PATH_COLOURS.today);

/**
 * The same picture as an inline SVG string (for the HTML report, where inline SVG needs no xmlns: no scripts, so the winning
 * route's numbers are in each path's <title>, shown on hover, and in the text lines beside it).
 */
export function renderTrafficSvg(d: TrafficDiagram, words: Pick<DiagramWords, 'route' | 'today' | 'after' | 'wrong'>, title: string): string {
  const box = (b: DiagramBox): string => {
    const fill = b.kind === 'tunnel' ? '#eef4ff' : b.kind === 'internet' || b.kind === 'network' ? '#f4f5f7' : '#ffffff';
    const rows = textRows(b);
    const label = rows.label.map((l, i) => `<text x="${b.x + 10}" y="${rows.labelY[0]! + i * 17}" font-size="13" font-weight="600" fill="#101828">${esc(l)}</text>`).join('');
    return `<g><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="${fill}" stroke="#98a2b3"/>
${label}${b.sub ? `<text x="${b.x + 10}" y="${rows.subY}" font-size="11" fill="#475467">${esc(clip(b.sub, 30))}</text>` : ''}</g>`;
  };
  const path = (p: DiagramPath): string =>
    `<polyline points="${p.points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="${pathColour(p)}" stroke-width="${p.wrong ? 3.5 : 2.5}" ${p.when === 'after' ? 'stroke-dasharray="7 5"' : ''} marker-end="url(#tm-arrow-${p.wrong ? 'wrong' : p.when})"><title>${esc(`${p.destination} — ${p.when === 'today' ? words.today : words.after}${p.wrong ? ` (${words.wrong})` : ''}: ${p.route ? words.route(p.route) : ''}`)}</title></polyline>`;
  const marker = (id: string, colour: string): string => `<marker id="tm-arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" fill="${colour}"/></marker>`;
  return `<svg viewBox="0 0 ${d.width} ${d.height}" width="${d.width}" height="${d.height}" role="img" aria-label="${esc(title)}" style="max-width:100%;height:auto">
<defs>${marker('wrong', PATH_COLOURS.wrong)}${marker('today', PATH_COLOURS.today)}${marker('after', PATH_COLOURS.after)}</defs>
${d.paths.map(path).join('\n')}
${d.boxes.map(box).join('\n')}
</svg>`;
}

export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A box's label in at most two lines of `n` characters (split between words), then clipped. */
export function wrapLabel(s: string, n = 24): string[] {
  if (s.length <= n) return [s];
  const cut = s.lastIndexOf(' ', n);
  if (cut <= 0) return [clip(s, n)];
  return [s.slice(0, cut), clip(s.slice(cut + 1), n)];
}

/** y offsets inside a box: label line(s), then the small line */
export const textRows = (b: DiagramBox): { label: string[]; labelY: number[]; subY: number } => {
  const label = wrapLabel(b.label);
  return label.length === 1 ? { label, labelY: [b.y + 24], subY: b.y + 44 } : { label, labelY: [b.y + 19], subY: b.y + 55 };
};

/**
 * The routes the diagrams of a report need: those that match a destination a finding decides (the
 * winners and the ones they beat, which the fixes delete or change). The renderer's copy of a scan
 * carries only these — not a 200 000-route table — and draws the same picture as with all of them,
 * since a route matching none of the destinations can never win for one.
 */
export function routesForDiagrams(snapshot: Pick<Snapshot, 'routes'>, findings: readonly Pick<Finding, 'decisions'>[]): Route[] {
  const targets = [...new Set(findings.flatMap((f) => (f.decisions ?? []).map((d) => d.target)))];
  if (targets.length === 0) return [];
  return effectiveRouteCandidates(routeRowsOf(snapshot), targets);
}

/** The candidates for the targets, in table order; only they are made (a lazy table stays columns). */
function effectiveRouteCandidates(routes: RouteRows, targets: string[]): Route[] {
  const keep = new Set<Route>();
  for (const target of targets) for (const r of effectiveRoute(routes, target).candidates) keep.add(r);
  // a made row is given to filter as its object: the candidates are found by identity
  return routes.filter((r) => keep.has(r));
}
