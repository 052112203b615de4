import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyseCapture } from '../../app/core/analyse';
import { fleetFiles } from '../../app/core/fleet/bundle';
import { PolicySchema } from '../../app/core/model/policy';
import { isRouteAction, rollbackActions, routeArgv, type Action } from '../../app/core/remedy/actions';
import { vpnActionPs, type VpnAction } from '../../app/core/remedy/vpn-actions';
import { RouteTable } from '../../app/core/sim/route-table';
import { readCaptureDir } from '../../app/system/capture-reader';
import { describeWine, disposeWinePrefix, runCases, winePrefix } from './harness';
import { exportKey, lmhostsPath } from './registry-harness';
import { parseRegFile } from '../../app/core/parse/reg-file';
import { findKey, lookupValue } from '../../app/core/model/registry-view';
import fc from 'fast-check';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import { renderCmd } from '../../app/core/remedy/render-cmd';
import { scriptCompanions } from '../../app/core/remedy/render-registry';
import type { RegistrySet } from '../../app/core/remedy/registry-actions';

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

/**
 * Issue 12.1 (command injection through a long value) and 12.8 (code pages), in Wine's cmd.exe and
 * reg.exe. Before: the old value went into one `reg add … /d "<data>"` line of rollback.cmd; cmd
 * splits lines longer than 8 191 characters and runs the rest as a new command, so a REG_SZ of
 * 8 300 `A` + `&echo …>file&` wrote the file (8 000 `%` too), and rollback.cmd, read in the OEM
 * code page, brought Cyrillic/Turkish/CJK values back as mojibake.
 *
 * Property: values up to 32 767 characters of printable ASCII, cmd metacharacters, canary commands
 * and non-ASCII letters, as REG_SZ / REG_EXPAND_SZ / REG_MULTI_SZ data and as value names, go
 * through fix.cmd and rollback.cmd (setup → fix → rollback → undo setup) and come back exactly,
 * and no canary command ever runs. ONE Wine run for all of it (the driver also exports the key
 * between the scripts).
 */
const KEY = 'HKLM\\Software\\TunnelMedicLong';
const CANARY = (n: number) => `&echo pwned>C:\\tm\\pwned-${n}.txt&`;
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.constantFrom(...'%^&|<>"!()\\ ;,='.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...'ПриветЖЩыİıŞşĞğÇçÖöÜü中文字漢字한국어日本語'.split('')) },
);
/** A seed string repeated up to an exact length (long values without generating 32 767 units). */
const longText = fc
  .tuple(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 32_767 }), fc.nat(50))
  .map(([seed, length, n]) => {
    const canary = CANARY(n);
    const body = seed.repeat(Math.ceil(length / seed.length) + 1).slice(0, Math.max(0, length - canary.length));
    return body + canary; // at most 32 767 characters when length is
  });

const FIXED: string[] = [
  `${'A'.repeat(8300)}${CANARY(1)}`,
  '%'.repeat(8000),
  `${'x'.repeat(8185)}${CANARY(2)}`,
  `"${'&'.repeat(9000)}"${CANARY(3)}`,
  'Привет, мир', // Cyrillic
  'İstanbul ışık ŞĞÇÖÜ', // Turkish dotted/dotless i
  '中文 日本語 한국어', // CJK
  'ascii & "quoted" ^ % short',
];

describeWine('scripts end to end under Wine: the lasting fix, the bundle, long and non-ASCII values', () => {
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

  it('every value round-trips exactly and no canary runs (one Wine run)', async () => {
    const sample = fc.sample(fc.array(longText, { minLength: 6, maxLength: 6 }), { numRuns: 1, seed: 20261202 })[0]!;
    const previous = [...FIXED, ...sample];
    const next = [...previous.slice(1), previous[0]!].map((v, i) => (i % 2 ? `${v}-new` : v.split('').reverse().join('')));
    const types = ['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ'] as const;
    const names = previous.map((_, i) => (i === 0 ? 'Имя İ 名前' : i === 1 ? `n${'ñ'.repeat(1000)}` : `v${i}`));
    const data = (type: (typeof types)[number], text: string) => (type === 'REG_MULTI_SZ' ? text.match(/[\s\S]{1,5000}/g)! : text);
    const setup: RegistrySet[] = previous.map((text, i) => {
      const type = types[i % 3]!;
      return { kind: 'registry.set', key: KEY, name: names[i]!, type, data: data(type, text), view: 64, previous: { absent: true }, keyExisted: i > 0 };
    });
    const fix: RegistrySet[] = setup.map((s, i) => ({ ...s, data: data(s.type as (typeof types)[number], next[i]!), previous: { type: s.type, data: s.data }, keyExisted: true }));
    const script = (actions: Action[]) => renderCmd({ title: 'TunnelMedic long values', steps: actions.map((action, i) => ({ action, label: `${action.kind} ${i + 1}` })) });
    const scripts = [script(setup), script(fix), script(rollbackActions(fix)), script(rollbackActions(setup))];
    for (const s of scripts) {
      expect(s.split('\r\n').every((l) => l.length < 8191 && /^[\x20-\x7e]*$/.test(l))).toBe(true);
    }
    const files = scriptCompanions([...setup, ...fix, ...rollbackActions(fix), ...rollbackActions(setup)]);
    const exportTo = (n: string) => `@echo off\r\n"%SystemRoot%\\System32\\reg.exe" export "${KEY}" "%~dp0${n}.reg" /y /reg:64 >nul 2>&1\r\n`;
    const results = await runCases(
      [scripts[0]!, exportTo('setup'), scripts[1]!, exportTo('fixed'), scripts[2]!, exportTo('rolledback'), scripts[3]!, exportTo('gone')].map((s) => ({ script: s, files })),
      170_000,
    );
    for (const i of [0, 2, 4, 6]) {
      expect(results[i]!.stderr, `script ${i}`).toBe('');
      expect(results[i]!.exitCode, `script ${i}`).toBe(0);
    }
    const exported = (i: number, n: string) => {
      const f = join(results[i]!.dir, `${n}.reg`);
      if (!existsSync(f)) return undefined;
      const parsed = parseRegFile(decodeCaptureBytes(readFileSync(f)).text, `${n}.reg`);
      return new Map(findKey(parsed.value, KEY)!.values.map((v) => [v.name, v.data]));
    };
    const expectValues = (got: Map<string, unknown> | undefined, actions: RegistrySet[]) => {
      expect(got).toBeDefined();
      for (const a of actions) expect(got!.get(a.name), `${a.name.slice(0, 20)} (${String(a.data).length} chars)`).toEqual(a.data);
    };
    expectValues(exported(1, 'setup'), setup);
    expectValues(exported(3, 'fixed'), fix);
    expectValues(exported(5, 'rolledback'), setup);
    expect(exported(7, 'gone')).toBeUndefined();
    const p = await winePrefix();
    expect(readdirSync(p.work).filter((f) => f.startsWith('pwned'))).toEqual([]);
    for (const r of results) expect(readdirSync(r.dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
  }, 180_000);
});
