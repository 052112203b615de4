import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DesktopEngine } from '../../app/shared/engine-port';
import { createDesktopEngine } from '../../app/system/desktop-engine';
import { ROOT } from './harness';

/**
 * Real engines for the specs beyond the demo walk: the demo machine with a policy that does not name
 * the domain (so the app has to ask for it), and a read-only capture (e.g. samples/win11-ras-errors).
 */
export async function createDemoEngineWithoutDomain(opts: { locale?: string } = {}): Promise<{ engine: DesktopEngine; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tunnelmedic-e2e-nodomain-'));
  const policyFile = path.join(dataDir, 'policy-without-domain.json');
  await writeFile(policyFile, JSON.stringify({ schemaVersion: 1, corporateNetworks: ['10.13.1.0/24'], vpnServers: ['161.44.20.10'] }), 'utf8');
  const engine = createDesktopEngine({ source: 'demo', dataDir, locale: opts.locale ?? 'en', policyFile });
  return { engine, dataDir };
}

export const sampleDir = (name: string): string => path.join(ROOT, 'samples', name);

/**
 * `probeOn127` (tests only): lets the PPTP check run on this capture, every probe redirected to
 * 127.0.0.1:port — a listener the spec opened. No spec ever contacts another address.
 */
export async function createCaptureEngine(captureDir: string, opts: { locale?: string; probeOn127?: { port: number } } = {}): Promise<{ engine: DesktopEngine; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tunnelmedic-e2e-capture-'));
  const probe = opts.probeOn127 && { allowProbe: true, probeTarget: () => ({ host: '127.0.0.1', port: opts.probeOn127!.port }) };
  const engine = createDesktopEngine({ source: 'capture', captureDir, dataDir, locale: opts.locale ?? 'en', ...probe });
  return { engine, dataDir };
}
