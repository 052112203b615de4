import { afterAll, beforeAll, expect, it } from 'vitest';
import { RouteActionSchema, rollbackActions, type RouteAction } from '../../app/core/remedy/actions';
import type { ScriptSpec } from '../../app/core/remedy/render-cmd';
import { nt4RouteArgv, renderCmdNt4 } from '../../app/core/remedy/render-cmd-nt4';
import { scriptConstructViolations } from '../../app/core/remedy/script-constructs';
import type { ScriptMachine } from '../../app/core/remedy/script-machine';
import { RouteTable, type SimInterface } from '../../app/core/sim/route-table';
import type { WindowsCell } from '../../app/core/sim/windows-cell';
import { describeWine, disposeWinePrefix, runCases, winePrefix } from './harness';

/**
 * Issue 11.6: the NT 4.0-dialect route fix (render-cmd-nt4.ts: no exit /b, no %~1, no usebackq, no
 * IF) runs in Wine's cmd.exe against route.exe's stand-in. The stand-in speaks the XP generation of
 * the simulator: route print rows of destination, netmask, gateway address, interface address and
 * the metric as given — the layout NT 4.0 prints too (samples/nt4-sp5/route-print.txt).
 */

const LAN: SimInterface = { index: 2, description: 'NE2000 Compatible', addresses: [{ address: '10.0.5.23', prefixLength: 24 }], interfaceMetric: 1 };
const PPTP: SimInterface = { index: 3, description: 'RAS PPTP Adapter', addresses: [{ address: '192.168.1.10', prefixLength: 32 }], interfaceMetric: 1 };
const CELL: WindowsCell = { generation: 'xp', language: 'en' };
const MACHINE: ScriptMachine = { generation: 'nt4', interfaces: [{ index: 2, address: '10.0.5.23' }, { index: 3, address: '192.168.1.10' }] };

/** The FAQ's PPTP client: the tunnel's default route (metric 1) beats the LAN's (metric 2). */
function nt4Machine(): RouteTable {
  return RouteTable.withConnectedRoutes(
    [LAN, PPTP],
    [
      { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.0.5.1', interfaceIndex: 2, routeMetric: 2 },
      { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.10', interfaceIndex: 3, routeMetric: 1 },
    ],
    { windows: CELL },
  );
}

const FIX: RouteAction[] = [
  { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.10', interfaceIndex: 3, previousMetric: 1 },
  { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '192.168.1.10', metric: 1, interfaceIndex: 3 },
].map((a) => RouteActionSchema.parse(a));

const spec = (title: string, actions: RouteAction[]): ScriptSpec => ({ title, steps: actions.map((action, i) => ({ action, label: `step ${i + 1} ${action.kind}` })) });

describeWine('NT 4.0-dialect route scripts under Wine cmd.exe', () => {
  beforeAll(async () => {
    await winePrefix();
  });
  afterAll(disposeWinePrefix);

  it('fix then rollback restore the table exactly; a step that changed nothing stops the script (1 Wine run)', async () => {
    const undo = rollbackActions(FIX) as RouteAction[];
    const fix = renderCmdNt4(spec('TunnelMedic NT4 fix', FIX), MACHINE);
    const rollback = renderCmdNt4(spec('TunnelMedic NT4 undo', undo), MACHINE);
    expect(scriptConstructViolations(fix, 'cmd-nt4')).toEqual([]);
    const afterFix = nt4Machine();
    for (const a of FIX) expect(afterFix.exec(nt4RouteArgv(a)).exitCode).toBe(0);
    const [f, r, bad] = await runCases([
      { script: fix, route: { table: nt4Machine() } },
      { script: rollback, route: { table: afterFix } },
      // the delete "succeeds" (" OK!") but changes nothing: judged by the table, the script stops there
      { script: fix, route: { table: nt4Machine(), faults: { 1: { applies: false, text: ' OK!', exitCode: 0 } } } },
    ]);
    expect(f!.stderr).toBe('');
    expect(f!.routeCalls).toEqual(FIX.map(nt4RouteArgv));
    expect(f!.stdout).toContain('TunnelMedic: all 2 steps done.');
    const table = nt4Machine();
    for (const call of f!.routeCalls) expect(table.exec(call).exitCode).toBe(0);
    expect(table.print()).toBe(afterFix.print());

    expect(r!.stderr).toBe('');
    expect(r!.routeCalls).toEqual(undo.map(nt4RouteArgv));
    expect(r!.stdout).toContain('TunnelMedic: all 2 steps done.');
    for (const call of r!.routeCalls) expect(table.exec(call).exitCode).toBe(0);
    expect(table.print()).toBe(nt4Machine().print());

    expect(bad!.routeCalls).toEqual([nt4RouteArgv(FIX[0]!)]);
    expect(bad!.stdout).not.toContain('[2/2]');
    expect(bad!.stdout).not.toContain('all 2 steps done');
    expect(bad!.stderr).toContain('TunnelMedic: step 1 failed: the machine does not show the change; the steps after it were not run.');
  }, 180_000);
});
