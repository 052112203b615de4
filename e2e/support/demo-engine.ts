import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DesktopEngine } from '../../app/shared/engine-port';
import { createDesktopEngine } from '../../app/system/desktop-engine';

/**
 * The real engine on the bundled demo machine (route-table simulator), with a fresh data dir so
 * every spec starts from the broken demo state with an empty history.
 * `failRouteCalls: [n]` makes the n-th route.exe call fail, to exercise the automatic rollback.
 */
export async function createDemoEngine(opts: { failRouteCalls?: number[]; locale?: string } = {}): Promise<{ engine: DesktopEngine; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tunnelmedic-e2e-'));
  // options written out (not spread) so a renamed engine option fails type-checking here
  const engine = createDesktopEngine({ source: 'demo', dataDir, locale: opts.locale ?? 'en', failRouteCalls: opts.failRouteCalls });
  return { engine, dataDir };
}
