import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RouteActionSchema, rollbackActions, routeArgv, type RouteAction } from '../../app/core/remedy/actions';
import { escapeCmdEcho } from '../../app/core/remedy/escape';
import { renderCmd, type ScriptSpec } from '../../app/core/remedy/render-cmd';
import { RouteTable, type SimInterface } from '../../app/core/sim/route-table';
import { describeWine, disposeWinePrefix, runCmdScript, winePrefix } from './harness';

/**
 * Generated fix and rollback scripts run in Wine's cmd.exe against a recording `route` stand-in;
 * the recorded calls are replayed into the route-table simulator seeded with the same machine.
 */

const WIFI: SimInterface = {
  index: 12,
  mac: 'cc-15-31-1e-58-07',
  description: 'Intel(R) Wi-Fi 6 AX201 160MHz',
  addresses: [{ address: '192.168.1.20', prefixLength: 24 }],
  interfaceMetric: 25,
};
const VPN: SimInterface = { index: 31, description: 'Corp VPN', addresses: [{ address: '10.13.1.200', prefixLength: 32 }], interfaceMetric: 1 };

/**
 * The legacy FAQ split-tunnel machine (windows-reference.md §9): the VPN default (printed 2) beats
 * the LAN default (printed 35). The LAN default has route metric 10, not the DHCP 0: route.exe
 * only takes METRIC 1–9999, so a metric-0 route could not be restored by `route change`.
 */
function faqMachine(): RouteTable {
  return RouteTable.withConnectedRoutes([WIFI, VPN], [
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 12, routeMetric: 10 },
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 31, routeMetric: 1 },
  ]);
}

const FIX: RouteAction[] = [
  { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 31, previousMetric: 1 },
  { kind: 'route.change', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 12, previousMetric: 10 },
  { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.13.1.200', metric: 1, interfaceIndex: 31 },
].map((a) => RouteActionSchema.parse(a));

const LABELS = ['Remove the VPN default route', 'Make the LAN default route win (metric 1)', 'Send 10.13.1.0/24 into the tunnel'];

function spec(title: string, actions: RouteAction[], labels: string[]): ScriptSpec {
  return { title, steps: actions.map((action, i) => ({ action, label: labels[i] ?? `step ${i + 1}` })) };
}

function replay(table: RouteTable, calls: string[][]): void {
  for (const argv of calls) expect(table.exec(argv), argv.join(' ')).toEqual({ stdout: ' OK!\r\n', exitCode: 0 });
}

describeWine('route scripts under Wine cmd.exe', () => {
  // wineboot takes 10–20 s: in the hook (hookTimeout 120 s), not in the first test
  beforeAll(async () => {
    await winePrefix();
  });
  afterAll(disposeWinePrefix);

  it('fix then rollback: exact route calls, expected table, original table restored byte for byte', async () => {
    const table = faqMachine();
    const original = table.print();

    const fix = await runCmdScript(renderCmd(spec('TunnelMedic fix route.vpn-default-route-wins (split tunnel, until reconnect)', FIX, LABELS)));
    expect(fix.stderr).toBe('');
    expect(fix.exitCode).toBe(0);
    expect(fix.routeCalls).toEqual(FIX.map(routeArgv));
    expect(fix.stdout).toContain('[1/3] Remove the VPN default route\n OK!\n[2/3]');
    expect(fix.stdout).toContain('TunnelMedic: all 3 steps done.');

    replay(table, fix.routeCalls);
    const fixed = table.print().replace(/\r\n/g, '\n');
    expect(fixed).toContain(
      [
        'Network Destination        Netmask          Gateway       Interface  Metric',
        '          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.20     26',
        '        10.13.1.0    255.255.255.0         On-link       10.13.1.200      2',
        '      10.13.1.200  255.255.255.255         On-link       10.13.1.200    257',
      ].join('\n'),
    );
    expect(fixed.match(/^ +0\.0\.0\.0 /gm)).toHaveLength(1);

    const undo = rollbackActions(FIX) as RouteAction[];
    const rollback = await runCmdScript(renderCmd(spec('TunnelMedic rollback', undo, undo.map((a) => `Undo ${a.kind}`))));
    expect(rollback.exitCode).toBe(0);
    expect(rollback.routeCalls).toEqual(undo.map(routeArgv));
    replay(table, rollback.routeCalls);
    expect(table.print()).toBe(original);
  });

  it('a failure on call 2 stops the script there and names step 2', async () => {
    const message = 'The route change failed: Element not found.';
    const r = await runCmdScript(renderCmd(spec('TunnelMedic fix', FIX, LABELS)), { route: { failOnCall: 2, failureMessage: message } });
    expect(r.exitCode).not.toBe(0);
    expect(r.routeCalls).toEqual(FIX.slice(0, 2).map(routeArgv)); // call 3 never happened
    expect(r.stdout).toContain(`[2/3] Make the LAN default route win (metric 1)\n${message}\n`);
    expect(r.stdout).not.toContain('[3/3]');
    expect(r.stdout).not.toContain('all 3 steps done');
    expect(r.stderr).toContain('TunnelMedic: step 2 failed; the steps after it were not run.');
  });

  it('a failure is caught from the text even when route exits non-zero', async () => {
    const r = await runCmdScript(renderCmd(spec('TunnelMedic fix', FIX, LABELS)), {
      route: { failOnCall: 1, failureMessage: 'The requested operation requires elevation.', failureExitCode: 1 },
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.routeCalls).toHaveLength(1);
    expect(r.stderr).toContain('step 1 failed');
  });

  // Printable ASCII, weighted towards cmd's metacharacters.
  const printable = fc.oneof(
    fc.constantFrom(...'%^&|<>"!()'.split('')),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  );
  /** Text that escapeCmdEcho promises to print verbatim (blank, on/off and /? get quoted instead). */
  const verbatim = fc
    .string({ unit: printable, minLength: 1, maxLength: 40 })
    .filter((s) => s.trim() !== '' && !/^ *(on|off) *$/i.test(s) && !/^ *\/\?/.test(s));

  /** One script, many strings: a marker line before each echo so a broken line is easy to find. */
  async function echoAll(texts: string[]): Promise<string[]> {
    const body = texts.flatMap((t, i) => [`echo @@${i}`, `echo ${escapeCmdEcho(t)}`]);
    const r = await runCmdScript(['@echo off', 'setlocal EnableExtensions DisableDelayedExpansion', ...body].join('\r\n') + '\r\n');
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    return lines;
  }

  it('echo of escapeCmdEcho(s) prints s exactly, for arbitrary printable strings (batched: one Wine run each)', async () => {
    const fixed = ['100% sure', '%PATH%', '%%', '^', 'a^^b', 'x & del *', 'a|b', '<in >out', '"unbalanced', '!VAR!', '(paren)', ') first', '  two leading', 'trailing  ', 'on.', 'echo off', ':label', 'a=b;c,d'];
    await fc.assert(
      fc.asyncProperty(fc.array(verbatim, { minLength: 60, maxLength: 120 }), async (texts) => {
        const all = [...fixed, ...texts];
        expect(await echoAll(all)).toEqual(all.flatMap((t, i) => [`@@${i}`, t]));
      }),
      // each run is a Wine process: no shrinking (the marker lines already point at the bad string)
      { numRuns: 3, endOnFailure: true },
    );
  }, 60_000);

  it('blank, on/off and /? texts are printed quoted (or as ".") and never flip the echo state', async () => {
    const texts = ['on', ' OFF ', '/?', ' /? help', '   ', 'after'];
    expect(await echoAll(texts)).toEqual(['@@0', '"on"', '@@1', '" OFF "', '@@2', '"/?"', '@@3', '" /? help"', '@@4', '.', '@@5', 'after']);
  });
});
