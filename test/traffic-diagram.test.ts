import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveRoute, interfaceOf } from '../app/core/diagnose/route-model';
import { buildTrafficDiagram, renderTrafficSvg, routesAfter, type DiagramWords } from '../app/core/report/traffic-diagram';
import { createDesktopEngine } from '../app/system/desktop-engine';

const words: DiagramWords = {
  pc: 'This PC',
  internet: 'Internet',
  tunnel: 'VPN tunnel',
  router: (g) => `Router ${g}`,
  direct: 'Direct',
  today: 'today',
  after: 'after the fix',
  wrong: 'wrong',
  line: (p) => `${p.destination}: today ${p.today}${p.wrong ? ' (wrong)' : ''}${p.after ? `; after ${p.after}` : ''}`,
  route: (r) => `${r.prefix} ${r.gateway ?? 'on-link'} metric ${r.metric}${r.line ? ` line ${r.line}` : ''}`,
  kind: (k) => k,
};

/** Budget: one demo scan and one apply on the simulated demo machine, well under a second. */
describe('traffic diagram (demo machine)', () => {
  it('draws today through the tunnel (wrong) and after the fix through Wi-Fi — as the simulator really routes it after the fix', async () => {
    const engine = createDesktopEngine({ source: 'demo', dataDir: mkdtempSync(join(tmpdir(), 'tm-diagram-')) });
    const { runToken, report } = await engine.scan({}, () => undefined);
    const finding = report.findings.find((f) => f.id === 'route.vpn-default-route-wins')!;
    const d = buildTrafficDiagram(report.snapshot, finding, words)!;
    expect(d.boxes.map((b) => b.label)).toEqual(expect.arrayContaining(['This PC', 'Wi-Fi', 'Corp VPN', 'VPN tunnel', 'Router 161.44.17.1', 'Internet']));
    const internetToday = d.paths.find((p) => p.destination === 'Internet' && p.when === 'today')!;
    const internetAfter = d.paths.find((p) => p.destination === 'Internet' && p.when === 'after')!;
    expect(internetToday).toMatchObject({ wrong: true, through: 'VPN tunnel (Corp VPN)', route: { prefix: '0.0.0.0/0', gateway: null, metric: 26, line: 14 } });
    expect(internetAfter).toMatchObject({ wrong: false, through: 'Wi-Fi, Router 161.44.17.1', route: { prefix: '0.0.0.0/0', gateway: '161.44.17.1', metric: 50 } });
    const corp = d.paths.filter((p) => p.destination.includes('10.13.1.0/24'));
    expect(corp.map((p) => [p.when, p.wrong, p.through])).toEqual([['today', false, 'VPN tunnel (Corp VPN)'], ['after', false, 'VPN tunnel (Corp VPN)']]);
    expect(d.lines).toHaveLength(2);
    expect(d.lines[0]).toBe('Internet: today VPN tunnel (Corp VPN) (wrong); after Wi-Fi, Router 161.44.17.1');

    // the model's "after" agrees with the machine after the fix was really applied (route-table simulator)
    const predicted = routesAfter(report.snapshot, finding.fixes[0])!;
    const applied = await engine.applyFixes(runToken, [finding.fixes[0]!.id], () => undefined);
    expect(applied.verified).toBe(true);
    for (const target of ['8.8.8.8', '10.13.1.1']) {
      const real = effectiveRoute(applied.report.snapshot.routes, target).winner!;
      const model = effectiveRoute(predicted, target).winner!;
      expect([model.destination, model.prefixLength, interfaceOf(model, report.snapshot)?.name, model.metric]).toEqual([real.destination, real.prefixLength, interfaceOf(real, applied.report.snapshot)?.name, real.metric]);
    }

    const svg = renderTrafficSvg(d, words, 'Where the traffic goes');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Where the traffic goes"/);
    expect(svg).toContain('<title>Internet — today (wrong): 0.0.0.0/0 on-link metric 26 line 14</title>');
    expect(svg).not.toMatch(/<script|href=/i);
  });

  it('draws nothing for a finding without route decisions, and escapes names from the machine', () => {
    expect(buildTrafficDiagram({ os: { family: 'nt6+', name: 'W' }, interfaces: [], routes: [] } as never, { decisions: [], fixes: [] }, words)).toBeNull();
    const d = { width: 10, height: 10, boxes: [{ id: 'pc', kind: 'pc' as const, label: '<b>&', x: 0, y: 0, w: 1, h: 1 }], paths: [], lines: [] };
    expect(renderTrafficSvg(d, words, '"x"')).not.toMatch(/<b>|&(?!#)/);
  });
});
