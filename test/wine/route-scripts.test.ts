import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RouteActionSchema, rollbackActions, routeArgv, type RouteAction } from '../../app/core/remedy/actions';
import { escapeCmdEcho } from '../../app/core/remedy/escape';
import { engineT } from '../../app/core/i18n';
import { cmdMessage, fillTemplate, scriptWords, SCRIPT_MESSAGES, templateOf, type ScriptWords } from '../../app/core/remedy/script-words';
import { renderCmd, type ScriptSpec } from '../../app/core/remedy/render-cmd';
import type { ScriptMachine } from '../../app/core/remedy/script-machine';
import { RouteTable, type SimInterface } from '../../app/core/sim/route-table';
import { cellName, type WindowsCell } from '../../app/core/sim/windows-cell';
import { describeWine, disposeWinePrefix, runCases, runCmdScript, winePrefix, withSysnative } from './harness';
import type { RouteFault } from './standins';

/**
 * Generated fix and rollback scripts run in Wine's cmd.exe against route.exe's stand-in at
 * System32\route.exe, which answers `route print` from the route-table simulator in a chosen
 * Windows generation and display language (standins.ts); the recorded calls are replayed into the
 * simulator seeded with the same machine. Faults: a call that changes nothing while printing
 * " OK!", one that works while printing words nobody knows and exiting 1.
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
function faqMachine(windows?: WindowsCell): RouteTable {
  return RouteTable.withConnectedRoutes(
    [WIFI, VPN],
    [
      { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 12, routeMetric: 10 },
      { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 31, routeMetric: 1 },
    ],
    { windows },
  );
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
  for (const argv of calls) expect(table.exec(argv).exitCode, argv.join(' ')).toBe(0);
}

const MACHINE_VISTA: ScriptMachine = { generation: 'nt6+', interfaces: [{ index: 12, address: '192.168.1.20' }, { index: 31, address: '10.13.1.200' }] };
const machineFor = (cell: WindowsCell): ScriptMachine => ({ ...MACHINE_VISTA, generation: cell.generation === 'xp' ? 'nt5' : 'nt6+' });
const tableFor = (cell: WindowsCell) => faqMachine(cell);

/** Words no route.exe prints anywhere: a success must still be seen from the table. */
const UNKNOWN_TEXT = 'Ολοκληρώθηκε ~ 完成しました (exit 1)';

describeWine('route scripts under Wine cmd.exe', () => {
  // wineboot takes 10–20 s: in the hook (hookTimeout 120 s), not in the first test
  beforeAll(async () => {
    await winePrefix();
  });
  afterAll(disposeWinePrefix);

  const UNKNOWN: Record<number, RouteFault> = { 1: { text: UNKNOWN_TEXT, exitCode: 1 }, 2: { text: UNKNOWN_TEXT, exitCode: 1 }, 3: { text: UNKNOWN_TEXT, exitCode: 1 } };
  /** each cell once (every process start under Wine costs ~0.3 s: a case is ~20 of them) */
  const VARIANTS: { cell: WindowsCell; faults: Record<number, RouteFault> }[] = [
    { cell: { generation: '10', language: 'en' }, faults: {} },
    { cell: { generation: '10', language: 'de' }, faults: UNKNOWN },
    { cell: { generation: '10', language: 'zh-CN' }, faults: {} },
    { cell: { generation: '7', language: 'ru' }, faults: UNKNOWN },
    { cell: { generation: '7', language: 'fr' }, faults: {} },
    { cell: { generation: 'xp', language: 'en' }, faults: UNKNOWN },
    { cell: { generation: 'xp', language: 'de' }, faults: {} },
  ];

  it('fix then rollback in every generation × language: judged by the table, original table restored exactly (2 Wine runs)', async () => {
    const fixScript = (cell: WindowsCell) => renderCmd(spec('TunnelMedic fix route.vpn-default-route-wins (split tunnel, until reconnect)', FIX, LABELS), machineFor(cell));
    const undo = rollbackActions(FIX) as RouteAction[];
    const undoScript = (cell: WindowsCell) => renderCmd(spec('TunnelMedic rollback', undo, undo.map((a) => `Undo ${a.kind}`)), machineFor(cell));
    // in some cells route.exe prints unknown words and exits 1 on every call that did work
    const variants = VARIANTS;
    const fixes = await runCases(variants.map((v) => ({ script: fixScript(v.cell), route: { table: tableFor(v.cell), faults: v.faults } })));
    const afterFix = variants.map((v, i) => {
      const r = fixes[i]!;
      const name = `${cellName(v.cell)} ${Object.keys(v.faults).length ? 'unknown words' : 'clean'}`;
      expect(r.stderr, name).toBe('');
      expect(r.exitCode, name).toBe(0);
      expect(r.routeCalls, name).toEqual(FIX.map(routeArgv));
      expect(r.stdout, name).toContain('TunnelMedic: all 3 steps done.');
      // every route.exe start, the table reads too, went to System32's route.exe by full path
      expect(r.routeLog.every((l) => l.startsWith('C:\\windows\\system32\\ ')), name).toBe(true);
      const table = tableFor(v.cell);
      replay(table, r.routeCalls);
      return table;
    });
    const vista = afterFix[0]!.print().replace(/\r\n/g, '\n');
    expect(vista).toContain('          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.20     26');
    expect(vista).toContain('        10.13.1.0    255.255.255.0         On-link       10.13.1.200      2');

    const rollbacks = await runCases(variants.map((v, i) => ({ script: undoScript(v.cell), route: { table: afterFix[i]!, faults: v.faults } })));
    variants.forEach((v, i) => {
      const r = rollbacks[i]!;
      const name = cellName(v.cell);
      expect(r.exitCode, name).toBe(0);
      expect(r.routeCalls, name).toEqual(undo.map(routeArgv));
      const table = afterFix[i]!;
      replay(table, r.routeCalls);
      expect(table.print(), name).toBe(tableFor(v.cell).print());
    });
  }, 180_000);

  it('a step that did not take effect stops the script — whatever route.exe printed (" OK!", a real failure, nothing) (1 Wine run)', async () => {
    const cases: { cell: WindowsCell; fault: RouteFault }[] = [
      { cell: { generation: '10', language: 'en' }, fault: { applies: false, text: ' OK!', exitCode: 0 } },
      { cell: { generation: '10', language: 'zh-CN' }, fault: { applies: false, text: '', exitCode: 0 } },
      { cell: { generation: 'xp', language: 'fr' }, fault: { applies: false, text: 'The route change failed: Element not found.', exitCode: 1 } },
    ];
    const results = await runCases(cases.map(({ cell, fault }) => ({ script: renderCmd(spec('TunnelMedic fix', FIX, LABELS), machineFor(cell)), route: { table: tableFor(cell), faults: { 2: fault } } })));
    cases.forEach(({ cell, fault }, i) => {
      const r = results[i]!;
      const name = `${cellName(cell)} ${JSON.stringify(fault.text)}`;
      const text = fault.text ?? '';
      expect(r.exitCode, name).not.toBe(0);
      expect(r.routeCalls, name).toEqual(FIX.slice(0, 2).map(routeArgv)); // call 3 never happened
      expect(r.stdout, name).toContain('[2/3] Make the LAN default route win (metric 1)\n');
      if (text) expect(r.stdout, name).toContain(`${text.trim()}\n`); // shown as evidence
      expect(r.stdout, name).not.toContain('[3/3]');
      expect(r.stderr, name).toContain('TunnelMedic: step 2 failed; the steps after it were not run.');
    });
  }, 120_000);

  it('a Dutch script speaks Dutch in cmd.exe: done, a step that did not take effect, and the route check (1 Wine run)', async () => {
    const nl = scriptWords(engineT('nl'));
    const cell: WindowsCell = { generation: '10', language: 'en' };
    const script = (words: ScriptWords) => renderCmd({ ...spec('TunnelMedic: oplossing', FIX, LABELS), words }, machineFor(cell));
    const [ok, failed] = await runCases([
      { script: script(nl), route: { table: tableFor(cell) } },
      { script: script(nl), route: { table: tableFor(cell), faults: { 2: { applies: false, text: ' OK!', exitCode: 0 } } } },
    ]);
    expect(ok!.exitCode).toBe(0);
    expect(ok!.stdout).toContain('TunnelMedic: alle 3 stappen zijn gedaan.\n');
    expect(failed!.exitCode).not.toBe(0);
    expect(failed!.stderr).toContain('TunnelMedic: de routetabel toont de wijziging niet (0.0.0.0 masker 0.0.0.0 via 192.168.1.1).\n');
    expect(failed!.stderr).toContain('TunnelMedic: stap 2 is mislukt; de stappen daarna zijn niet uitgevoerd.\n');
    expect(`${failed!.stdout}${failed!.stderr}`).not.toMatch(/steps done|failed;|does not show/);
  }, 120_000);

  it("a translation's cmd metacharacters print as written, outside and inside a parenthesised block (1 Wine run)", async () => {
    const hostile = templateOf('100% & del x ) "q" (y) <z> | a^b !v! %PATH% \u0001step\u0002 end');
    const words: ScriptWords = { messages: Object.fromEntries(SCRIPT_MESSAGES.map((k) => [k, hostile])) as Record<(typeof SCRIPT_MESSAGES)[number], typeof hostile>, undoTitle: (id) => id, undoStep: (label) => label };
    const expected = `TunnelMedic: ${fillTemplate(hostile, { step: '7' }, (l) => l)}`;
    const r = await runCmdScript(
      [
        '@echo off',
        'setlocal EnableExtensions DisableDelayedExpansion',
        'set "TM_STEP=7"',
        `echo ${cmdMessage(words, 'stepFailed', { step: '%TM_STEP%' })}`,
        `if 1==1 (echo ${cmdMessage(words, 'stepFailed', { step: '%TM_STEP%' }, true)}& echo after)`,
      ].join('\r\n') + '\r\n',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${expected}\n${expected}\nafter\n`);
  }, 60_000);

  it('a route that lands with the wrong metric or on another gateway is not taken for done', async () => {
    // the table already holds 10.13.1.0/24 through the LAN: the add "succeeds" nowhere near the plan
    const wrong = (cell: WindowsCell) => {
      const t = tableFor(cell);
      t.exec(['ADD', '10.13.1.0', 'MASK', '255.255.255.0', '192.168.1.1', 'METRIC', '5', 'IF', '12']);
      return t;
    };
    const add = [FIX[2]!];
    const cells: WindowsCell[] = [{ generation: '10', language: 'de' }, { generation: 'xp', language: 'en' }];
    const results = await runCases(cells.map((cell) => ({ script: renderCmd(spec('t', add, ['add']), machineFor(cell)), route: { table: wrong(cell), faults: { 1: { applies: false, text: ' OK!' } } } })));
    for (const r of results) {
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toContain('step 1 failed');
    }
  }, 120_000);

  it('a 32-bit cmd.exe on 64-bit Windows (PROCESSOR_ARCHITEW6432) starts route.exe through Sysnative', async () => {
    await withSysnative();
    const cell: WindowsCell = { generation: '10', language: 'en' };
    const [r] = await runCases([{ script: renderCmd(spec('t', FIX, LABELS), machineFor(cell)), route: { table: tableFor(cell) }, env: { PROCESSOR_ARCHITEW6432: 'AMD64' } }]);
    expect(r!.exitCode).toBe(0);
    expect(r!.routeLog.length).toBeGreaterThan(3);
    expect(r!.routeLog.every((l) => l.startsWith('C:\\windows\\Sysnative\\ '))).toBe(true);
  }, 120_000);

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
