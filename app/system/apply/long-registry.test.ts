import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishText } from '../error-text';
import { decodeCaptureBytes } from '../../core/capture/decode';
import { KEYS } from '../../core/diagnose/rules/registry-evidence';
import { findKey, lookupValue, registryViewOf, type RegistryView } from '../../core/model/registry-view';
import { parseRegFile } from '../../core/parse/reg-file';
import type { RegistryAction, RegistrySet } from '../../core/remedy/registry-actions';
import { renderRegFile } from '../../core/sim/registry-sim';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { readCaptureDir } from '../capture-reader';
import { demoCaptureDir, demoWorkspace, runsDir } from '../paths';
import type { CommandResult, CommandRunner } from '../run';
import { executePlan, rollbackRun } from './apply';
import { newRunId, planDigest, RunStore, type Plan } from './journal';
import { execOtherLive, execOtherSimulated } from './other-actions';
import { liveTarget, simulatedTarget } from './route-target';

/**
 * The engine's live registry path (reg.exe by argv) with a value too long for a Windows command
 * line (issue 11 review): the step must go through a .reg file in the run's folder and `reg import`,
 * and be judged by reading the value back. reg.exe here is a stand-in: it refuses to start when the
 * command line is longer than Windows allows (CreateProcess fails, execa reports no exit code: -1),
 * and otherwise applies ADD/DELETE/IMPORT to the simulated machine's registry and EXPORTs from it.
 */

const LIMIT = 32_767; // CreateProcessW lpCommandLine, terminating null included
const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0, ok: true });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode, ok: false });

/** The command line Windows would get (each argument with a space or quote quoted). */
const commandLine = (file: string, args: readonly string[]) => [file, ...args].map((a) => (a === '' || /[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');

function regStandIn(registry: { read(): Promise<RegistryView>; apply(a: RegistryAction): Promise<void> }) {
  const calls: string[][] = [];
  const runner: CommandRunner = {
    spawned: 0,
    async run(file, args) {
      calls.push([...args]);
      if (commandLine(file, args).length + 1 > LIMIT) return fail('spawn ENAMETOOLONG', -1);
      if (!/\\reg\.exe$/i.test(file)) return fail(`not reg.exe: ${file}`);
      const verb = args[0]!.toUpperCase();
      const at = (flag: string) => args[args.indexOf(flag) + 1]!;
      const base = { view: 64 as const, keyExisted: true, previous: { absent: true as const } };
      if (verb === 'ADD') {
        const type = at('/t') as RegistrySet['type'];
        const d = at('/d');
        const data = type === 'REG_DWORD' ? Number(d) : type === 'REG_MULTI_SZ' ? d.split(at('/s')) : d;
        await registry.apply({ kind: 'registry.set', key: args[1]!, name: args.includes('/ve') ? '' : at('/v'), type, data, ...base } as RegistrySet);
        return ok('The operation completed successfully.\r\n');
      }
      if (verb === 'DELETE') {
        await registry.apply({ kind: 'registry.delete', key: args[1]!, name: args.includes('/ve') ? '' : args.includes('/v') ? at('/v') : '', view: 64, previous: { type: 'REG_SZ', data: '' }, removeKey: !args.includes('/v') && !args.includes('/ve') });
        return ok('The operation completed successfully.\r\n');
      }
      if (verb === 'IMPORT') {
        const imported = parseRegFile(decodeCaptureBytes(readFileSync(args[1]!)).text, 'import').value;
        for (const key of Object.values(imported.keys)) {
          if (!key.exists) await registry.apply({ kind: 'registry.delete', key: key.path, name: '', view: 64, previous: { type: 'REG_SZ', data: '' }, removeKey: true });
          for (const v of key.values) await registry.apply({ kind: 'registry.set', key: key.path, name: v.name, type: v.type as RegistrySet['type'], data: v.data, ...base } as RegistrySet);
          for (const name of key.absentValues) await registry.apply({ kind: 'registry.delete', key: key.path, name, view: 64, previous: { type: 'REG_SZ', data: '' }, removeKey: false });
        }
        return ok('The operation completed successfully.\r\n');
      }
      if (verb === 'EXPORT') {
        const key = findKey(await registry.read(), args[1]!);
        if (!key?.exists) return fail('ERROR: The system was unable to find the specified registry key or value.\r\n');
        writeFileSync(args[2]!, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(renderRegFile({ keys: { k: key } }), 'utf16le')]));
        return ok('The operation completed successfully.\r\n');
      }
      return fail(`ERROR: Invalid syntax (${verb}).`);
    },
  };
  return { runner, calls };
}

/** A simulated machine (the demo) whose registry changes only through the reg.exe stand-in. */
async function machine() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-longreg-'));
  const workspace = demoWorkspace(dataDir);
  const sim = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: workspace });
  await sim.collect();
  const registry = {
    read: async () => registryViewOf(buildSnapshot(await readCaptureDir(workspace, 'demo')).snapshot.registry),
    apply: async (a: RegistryAction) => void (await execOtherSimulated(workspace, a)),
  };
  const reg = regStandIn(registry);
  const live = liveTarget(reg.runner);
  const target = { ...sim, execOther: live.execOther };
  const store = new RunStore(runsDir(dataDir));
  const ctx = { target, store, analyse: { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' } };
  const value = async () => lookupValue(await registry.read(), KEYS.winlogon, 'CachedLogonsCount');
  return { ctx, store, reg, registry, value, workspace };
}

const LONG = 'x'.repeat(16_000) + 'é"\\%'.repeat(4_000); // 32 000 characters, quotes and backslashes among them
const longSet: RegistrySet = { kind: 'registry.set', key: KEYS.winlogon, name: 'CachedLogonsCount', type: 'REG_SZ', data: LONG, view: 64, previous: { type: 'REG_SZ', data: '10' }, keyExisted: true };

function planOf(action: RegistrySet): Plan {
  const plan: Plan = { runId: newRunId(), createdAt: new Date().toISOString(), fixIds: ['test:long-value'], findingIds: ['test'], actions: [{ action, label: 'Write a 32 000-character value' }] };
  return { ...plan, sha256: planDigest(plan) };
}

describe('engine: a registry value too long for a reg.exe command line', () => {
  it('applies a 32 000-character REG_SZ through a .reg file in the run folder and reg import, judged by reading it back; the undo restores it', async () => {
    expect(LONG).toHaveLength(32_000);
    const m = await machine();
    const result = await executePlan(m.ctx, planOf(longSet));
    expect(result.message).toBe('Applied and verified.');
    expect(result.steps.map((s) => s.status)).toEqual(['done']);
    const now = await m.value();
    expect(now.state === 'present' && now.value.data).toBe(LONG);
    // no reg ADD with the value was attempted: the .reg file went in, then the key was read back
    expect(m.reg.calls.map((c) => c[0])).toEqual(['IMPORT', 'EXPORT']);
    const runDir = m.store.dir(result.runId);
    const file = m.reg.calls[0]![1]!;
    expect(file.startsWith(runDir)).toBe(true);
    expect(readdirSync(runDir)).toContain(file.slice(runDir.length + 1));
    expect(m.reg.calls[1]!.slice(0, 2)).toEqual(['EXPORT', KEYS.winlogon]);
    // the undo writes "10" back (short: an ordinary reg ADD)
    const undo = await rollbackRun(m.ctx, result.runId);
    expect(undo.message).toBe('Undone: 1 change reversed.');
    const back = await m.value();
    expect(back.state === 'present' && back.value.data).toBe('10');
  });

  it('an undo that must write a 32 000-character value back goes the same way', async () => {
    const m = await machine();
    await m.registry.apply(longSet);
    const shorten: RegistrySet = { ...longSet, data: '10', previous: { type: 'REG_SZ', data: LONG } };
    const result = await executePlan(m.ctx, planOf(shorten));
    expect(result.message).toBe('Applied and verified.');
    const undo = await rollbackRun(m.ctx, result.runId);
    expect(undo.message).toBe('Undone: 1 change reversed.');
    const back = await m.value();
    expect(back.state === 'present' && back.value.data).toBe(LONG);
    expect(m.reg.calls.map((c) => c[0])).toEqual(['ADD', 'IMPORT', 'EXPORT']);
  });

  it('an import that did not take is a failed step, whatever reg.exe said', async () => {
    const m = await machine();
    const silent = { ...m.ctx.target, execOther: liveTarget({ spawned: 0, run: async (f, a) => (a[0] === 'IMPORT' ? ok('The operation completed successfully.') : m.reg.runner.run(f, a)) }).execOther };
    const result = await executePlan({ ...m.ctx, target: silent }, planOf(longSet));
    expect(result.steps.map((s) => s.status)).toEqual(['failed']);
    expect(result.rolledBack).toBe(true);
    const now = await m.value();
    expect(now.state === 'present' && now.value.data).toBe('10');
  });

  it('without a run folder the step is refused with the reason, and nothing runs', async () => {
    const m = await machine();
    const r = await execOtherLive(m.reg.runner, 'C:\\Windows', longSet);
    expect(r.ok).toBe(false);
    expect(r.why).toEqual({ key: 'engineRun.refused.regTooLong', params: { max: 32767 } });
    expect(englishText(r.why!)).toMatch(/too long for a reg\.exe command line \(Windows allows 32767 characters\).*nothing was changed/);
    expect(m.reg.calls).toEqual([]);
  });

  it('a short value still goes as reg.exe arguments', async () => {
    const m = await machine();
    const r = await execOtherLive(m.reg.runner, 'C:\\Windows', { ...longSet, data: '25' }, mkdtempSync(join(tmpdir(), 'tm-run-')));
    expect(r.ok).toBe(true);
    expect(m.reg.calls.map((c) => c[0])).toEqual(['ADD']);
  });
});

describe('regArgvIfFits', () => {
  it('a REG_MULTI_SZ whose items hold every separator candidate cannot travel as arguments either', async () => {
    const { regArgvIfFits } = await import('../../core/remedy/reg-argv');
    const items = ['#~`@$*+?:;,=-_.', 'abcdefghijklmnopqrstuvwxyz'];
    expect(regArgvIfFits('C:\\Windows\\System32\\reg.exe', { ...longSet, type: 'REG_MULTI_SZ', data: items }, true)).toBeNull();
    expect(regArgvIfFits('C:\\Windows\\System32\\reg.exe', { ...longSet, type: 'REG_MULTI_SZ', data: ['a', 'b'] }, true)).toEqual(['ADD', KEYS.winlogon, '/v', 'CachedLogonsCount', '/t', 'REG_MULTI_SZ', '/s', '#', '/d', 'a#b', '/f', '/reg:64']);
  });
});
