import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';

/** Only ever against 127.0.0.1: a listener opened here, and a port closed again. */
describe('tunnelmedic check-pptp', () => {
  let server: Server;
  let open = 0;
  let closed = 0;
  beforeAll(async () => {
    server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    open = (server.address() as { port: number }).port;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closed = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('control channel open + 806 in the log: GRE is blocked (exit 1)', async () => {
    const r = await cli(['check-pptp', '--server', '127.0.0.1', '--port', String(open), '--capture', 'samples/win11-ras-errors', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'gre-blocked', probe: { state: 'open', port: open } });
    expect(JSON.parse(r.stdout).message).toMatch(/47/);
    expect(r.code).toBe(1);
  });

  it('control channel open and no GRE failures: fine (exit 0)', async () => {
    const r = await cli(['check-pptp', '--server', '127.0.0.1', '--port', String(open), '--capture', 'samples/win11-registry']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  });

  it('a closed port is refused (exit 1)', async () => {
    const r = await cli(['check-pptp', '--server', '127.0.0.1', '--port', String(closed), '--capture', 'samples/win11-ras-errors', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'control-refused', probe: { state: 'refused' } });
    expect(r.code).toBe(1);
  });

  it('needs the server named: nothing is contacted unasked (exit 4)', async () => {
    const r = await cli(['check-pptp', '--capture', 'samples/win11-ras-errors']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('check-pptp needs --server HOST');
  });
});
