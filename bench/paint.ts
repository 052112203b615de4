import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { Finding, Report } from '../app/shared/model-types';

const CHROMIUM = process.env.TUNNELMEDIC_CHROMIUM ?? '/usr/bin/chromium';

/** `n` findings shaped like real ones (mixed severities, evidence, a fix on every other one). */
function findings(n: number): Finding[] {
  const severities = ['critical', 'warning', 'info'] as const;
  return Array.from({ length: n }, (_, i) => ({
    id: `bench.finding-${i}`,
    severity: severities[i % 3]!,
    title: `Finding ${i}: the VPN route for 10.${(i >> 8) & 255}.${i & 255}.0/24 is hidden by another route`,
    summary: `While Corp VPN is connected, traffic to 10.${(i >> 8) & 255}.${i & 255}.0/24 goes through the LAN gateway 161.44.17.1 (metric 50) instead of the tunnel, so this network cannot be reached.`,
    evidence: [{ source: 'route-print.txt', line: 14 + i, text: `10.${(i >> 8) & 255}.${i & 255}.0    255.255.255.0         On-link       192.168.1.1     26` }],
    fixes: i % 2 ? [] : ([{ id: `bench.finding-${i}:fix`, title: 'Route it through the VPN', requiresAdmin: true, risk: 'low', actions: [], rollbackActions: [], steps: [], script: { cmd: '', rollbackCmd: '' } }] as unknown as Finding['fixes']),
  })) as unknown as Finding[];
}

/** A scan result as the renderer gets it (no route table: the IPC result leaves it out), holding `findings`. */
function report(findings: Finding[]): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'tunnelmedic', version: '0.0.0-bench' },
    generatedAt: '2026-11-18T09:12:03.000Z',
    source: 'capture',
    snapshot: { events: [], vpnProfiles: [] },
    findings,
  } as unknown as Report;
}

/**
 * Paints the findings screen with `count` findings in system Chromium (headless) and returns the median time from handing
 * the result to React to the next painted frame, over `repeat` fresh pages.
 */
export async function paintBenchmark(root: string, count: number, repeat: number): Promise<{ medianMs: number; domNodes: number } | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const outDir = join(root, 'dist', 'bench', 'paint');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/paint-entry.tsx'],
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.json': 'json', '.css': 'css' },
    logLevel: 'error',
  });
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="paint-entry.css"></head><body><div id="root"></div><script type="module" src="paint-entry.js"></script></body></html>';
  const server = createServer(async (req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '') || 'index.html';
    if (name === 'index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    const body = await readFile(join(outDir, name)).catch(() => null);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  const data = report(findings(count));
  const times: number[] = [];
  let domNodes = 0;
  try {
    for (let i = 0; i < repeat; i++) {
      const page = await browser.newPage({ viewport: { width: 1120, height: 800 } });
      await page.goto(`http://127.0.0.1:${port}/index.html`);
      await page.waitForFunction(() => '__showFindings' in window);
      await page.waitForTimeout(300); // let the first frame (fonts, styles) settle: only the result's paint is timed
      times.push(await page.evaluate((f) => (window as unknown as { __showFindings: (x: unknown) => Promise<number> }).__showFindings(f), data));
      domNodes = await page.evaluate(() => document.querySelectorAll('#root *').length);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, domNodes };
}
