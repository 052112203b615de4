import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyseCapture } from '../../app/core/analyse';
import { fleetFiles } from '../../app/core/fleet/bundle';
import { PolicySchema } from '../../app/core/model/policy';
import { isRouteAction, routeArgv, type Action } from '../../app/core/remedy/actions';
import { vpnActionPs, type VpnAction } from '../../app/core/remedy/vpn-actions';
import { RouteTable } from '../../app/core/sim/route-table';
import { readCaptureDir } from '../../app/system/capture-reader';
import { describeWine, disposeWinePrefix, runCases, winePrefix } from './harness';
import { exportKey, lmhostsPath } from './registry-harness';
import { parseRegFile } from '../../app/core/parse/reg-file';
import { lookupValue } from '../../app/core/model/registry-view';

/**
 * Issue 11.4 / 12.4: the demo's scripts end to end in Wine's cmd.exe, with stand-ins at the exact
 * paths they call (System32\route.exe, System32\nbtstat.exe,
 * System32\WindowsPowerShell\v1.0\powershell.exe; real reg.exe and fc.exe): the lasting split-tunnel
 * fix (routes + VPN profile through PowerShell) and the bundle's fix.cmd (routes, registry,
 * LMHOSTS, nbtstat), then their rollbacks. Before the full paths the lasting .cmd stopped at its
 * first PowerShell step (`powershell.exe` is not in System32) and its rollback at step 1.
 */

const DEMO = join(__dirname, '..', '..', 'samples', 'demo');

async function demo() {
  const policy = PolicySchema.parse(JSON.parse(readFileSync(join(DEMO, 'policy.json'), 'utf8')));
  const capture = await readCaptureDir(DEMO, 'demo');
  const { report } = analyseCapture(capture, { toolVersion: 'test', policy, corporateNetworks: policy.corporateNetworks ?? [] });
  const table = () => RouteTable.fromRoutes(report.snapshot.interfaces, report.snapshot.routes, report.snapshot.persistentRoutes).table;
  return { report, policy, table };
}

const routeCalls = (actions: readonly Action[]) => actions.filter(isRouteAction).map(routeArgv);
const psStatements = (calls: string[]) => calls.map((l) => Buffer.from(l.split(/\s+/).at(-1)!, 'base64').toString('utf16le'));
const vpnStatements = (actions: readonly Action[]) =>
  actions.filter((a): a is VpnAction => a.kind.startsWith('vpn.')).map((a) => `$ErrorActionPreference = 'Stop'; ${vpnActionPs(a)}`);

describeWine('the demo scripts end to end under Wine (lasting fix, bundle fix.cmd, their rollbacks)', () => {
  beforeAll(async () => {
    await winePrefix();
  });
  afterAll(disposeWinePrefix);

  it('every step runs, every program by its full path, and the rollbacks restore the table, registry and LMHOSTS', async () => {
    const { report, policy, table } = await demo();
    const lasting = report.findings.flatMap((f) => f.fixes).find((f) => f.id === 'route.vpn-default-route-wins:split-lasting');
    expect(lasting, 'the demo offers the lasting fix').toBeDefined();
    expect(lasting!.actions.some((a) => a.kind.startsWith('vpn.'))).toBe(true);
    const files = fleetFiles(report, { corporateNetworks: policy.corporateNetworks ?? [], madeFrom: 'demo machine', toolVersion: 'test' });
    const file = (name: string) => files.find((f) => f.name === name)!.content as string;
    const companions = files.filter((f) => /^tunnelmedic-lmhosts-/.test(f.name)).map((f) => ({ name: f.name, bytes: f.content as Uint8Array }));
    const primary = report.findings.flatMap((f) => (f.fixes[0] ? [f.fixes[0]] : []));
    const bundleActions = primary.flatMap((f) => f.actions);
    const bundleUndo = [...primary].reverse().flatMap((f) => f.rollbackActions);

    const lmhosts = await lmhostsPath();
    const lmhostsBefore = readFileSync(join(DEMO, 'lmhosts'));
    writeFileSync(lmhosts, lmhostsBefore);

    const [fixLasting, fixBundle] = await runCases([
      { script: lasting!.script.cmd, route: { table: table() } },
      { script: file('fix.cmd'), route: { table: table() }, files: companions },
    ]);
    for (const [r, actions, name] of [[fixLasting!, lasting!.actions, 'lasting'], [fixBundle!, bundleActions, 'bundle']] as const) {
      expect(r.stderr, name).toBe('');
      expect(r.exitCode, name).toBe(0);
      expect(r.stdout, name).toContain(`TunnelMedic: all ${actions.length} steps done.`);
      expect(r.routeCalls, name).toEqual(routeCalls(actions));
      expect(r.routeLog.every((l) => l.startsWith('C:\\windows\\system32\\ ')), name).toBe(true);
    }
    expect(fixLasting!.powershellCalls.every((l) => l.startsWith('C:\\windows\\system32\\WindowsPowerShell\\v1.0\\ '))).toBe(true);
    expect(psStatements(fixLasting!.powershellCalls)).toEqual(vpnStatements(lasting!.actions));
    expect(fixBundle!.nbtstatCalls.map((l) => l.split(/\s+/).slice(1).join(' '))).toEqual(bundleActions.filter((a) => a.kind === 'nbtstat.reload').map(() => '-R'));
    expect(readFileSync(lmhosts).equals(lmhostsBefore)).toBe(false);

    const after = (r: typeof fixLasting) => {
      const t = table();
      for (const argv of r!.routeCalls) expect(t.exec(argv).exitCode).toBe(0);
      return t;
    };
    const [undoLasting, undoBundle] = await runCases([
      { script: lasting!.script.rollbackCmd, route: { table: after(fixLasting) } },
      { script: file('rollback.cmd'), route: { table: after(fixBundle) }, files: companions },
    ]);
    for (const [r, fix, undo, actions, name] of [
      [undoLasting!, fixLasting!, lasting!.rollbackActions, lasting!.actions, 'lasting'],
      [undoBundle!, fixBundle!, bundleUndo, bundleActions, 'bundle'],
    ] as const) {
      expect(r.stderr, name).toBe('');
      expect(r.exitCode, name).toBe(0);
      expect(r.stdout, name).toContain(`TunnelMedic: all ${actions.length} steps done.`);
      expect(r.routeCalls, name).toEqual(routeCalls(undo));
      const t = after(fix);
      for (const argv of r.routeCalls) expect(t.exec(argv).exitCode).toBe(0);
      expect(t.print(), name).toBe(table().print());
    }
    expect(psStatements(undoLasting!.powershellCalls)).toEqual(vpnStatements(lasting!.rollbackActions));
    expect(readFileSync(lmhosts).equals(lmhostsBefore)).toBe(true);
    // every registry value the bundle set is back to the state it recorded before
    for (const a of bundleActions) {
      if (a.kind !== 'registry.set') continue;
      const exported = await exportKey(a.key);
      const value = exported ? lookupValue(parseRegFile(exported.text, 'after.reg').value, a.key, a.name) : { state: 'absent' };
      if ('absent' in a.previous) expect(value.state, a.key).toBe('absent');
      else expect(value, a.key).toMatchObject({ state: 'present', value: a.previous });
    }
  }, 180_000);
});
