import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesktopEngine } from './desktop-engine';

/** Issue 15.3: a cheap fingerprint of the route table tells the app that the machine changed. */
describe('routeFingerprint', () => {
  it('is stable while nothing changes, changes with a fix, and comes back when it is undone', async () => {
    const engine = createDesktopEngine({ source: 'demo', dataDir: mkdtempSync(join(tmpdir(), 'tm-fp-')), locale: 'en' });
    const { runToken } = await engine.scan({}, () => undefined);
    const before = (await engine.routeFingerprint()).fingerprint;
    expect((await engine.routeFingerprint()).fingerprint).toBe(before);
    const run = await engine.applyFixes(runToken, ['route.vpn-default-route-wins:split-now'], () => undefined);
    expect(run.verified).toBe(true);
    const fixed = (await engine.routeFingerprint()).fingerprint;
    expect(fixed).not.toBe(before);
    await engine.rollback(run.runId, () => undefined);
    // the VPN "reconnecting" puts the same table back: the fingerprint says so
    expect((await engine.routeFingerprint()).fingerprint).toBe(before);
  });
});
