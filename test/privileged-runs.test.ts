import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDigest, RunStore } from '../app/system/apply/journal';
import { icaclsSecureArgv, untrustedWriters } from '../app/system/apply/runs-folder';
import { cli, freshDataDir } from './support/cli';

/**
 * Issue 12 item 2: `rollback RUN` / `--last` executed whatever plan.json a run folder held, and a
 * forged far-future run won --last (it set Winlogon\Userinit and printed "Undone"). Now a rollback
 * acts only on a run whose plan hashes to its recorded digest, holds catalogue actions only, and
 * whose journal chains back to it; and never on a runs folder others can write.
 */

const USERINIT = {
  kind: 'registry.set',
  key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  name: 'Userinit',
  type: 'REG_SZ',
  data: 'C:\\Windows\\system32\\userinit.exe,C:\\Users\\Public\\evil.exe',
  view: 64,
  previous: { type: 'REG_SZ', data: 'C:\\Windows\\system32\\userinit.exe,' },
  keyExisted: true,
};

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

/** A run folder as an attacker would write it: by default chained correctly, as a careful forger would. */
function forgeRun(dataDir: string, runId: string, action: object, opts: { chain?: boolean } = {}) {
  const dir = join(dataDir, 'runs', runId);
  mkdirSync(dir, { recursive: true });
  const plan = { runId, createdAt: new Date().toISOString(), fixIds: ['x:y'], findingIds: ['x'], actions: [{ action, label: 'x' }] };
  const digest = planDigest(plan as never);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, sha256: digest }));
  writeFileSync(join(dir, 'backup-route-print.txt'), '');
  const lines: string[] = [];
  for (const r of [{ seq: 0, phase: 'before' }, { seq: 0, phase: 'after', ok: true }, { seq: 1, phase: 'verified', ok: true }]) {
    const prev = opts.chain === false ? undefined : lines.length ? sha(lines.at(-1)!) : digest;
    lines.push(JSON.stringify({ at: new Date().toISOString(), ...r, ...(prev ? { prev } : {}) }));
  }
  writeFileSync(join(dir, 'journal.jsonl'), lines.map((l) => `${l}\n`).join(''));
  return dir;
}

const registryText = (dataDir: string) =>
  readdirSync(join(dataDir, 'demo-machine', 'registry'))
    .map((f) => readFileSync(join(dataDir, 'demo-machine', 'registry', f), 'latin1'))
    .join('\n');

describe('rollback acts only on runs TunnelMedic recorded', () => {
  it('a forged far-future run does not win --last, and naming it is refused (Userinit untouched)', async () => {
    const dataDir = freshDataDir();
    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    forgeRun(dataDir, '20991231T235959Z-abcdef', USERINIT);
    const last = await cli(['rollback', '--last', '--demo'], { dataDir });
    expect(last.stderr).toContain('Passed over run 20991231T235959Z-abcdef: it is dated in the future.');
    expect(last.stdout).toMatch(/Undone: \d+ changes? reversed\./);
    const named = await cli(['rollback', '20991231T235959Z-abcdef', '--demo'], { dataDir });
    expect(named.code).not.toBe(0);
    expect(named.stderr).toMatch(/was not recorded by TunnelMedic as it is now \(HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Userinit is not a value any TunnelMedic fix changes\)/);
    expect(registryText(dataDir)).not.toContain('evil.exe');
  });

  it('a forged run dated now, chained correctly, with a non-catalogue action is refused', async () => {
    const dataDir = freshDataDir();
    await cli(['scan', '--demo'], { dataDir });
    const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-0badf0`;
    forgeRun(dataDir, id, USERINIT);
    const r = await cli(['rollback', '--last', '--demo'], { dataDir });
    expect(r.stderr).toContain(`Passed over run ${id}: Run ${id} was not recorded by TunnelMedic as it is now`);
    expect(r.stderr).toContain('No run to undo');
    expect(r.code).toBe(4);
    expect(registryText(dataDir)).not.toContain('evil.exe');
  });

  it('a journal without the hash chain, or with an edited record, is refused', async () => {
    const dataDir = freshDataDir();
    const route = { kind: 'route.add', destination: '10.99.0.0', netmask: '255.255.0.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 };
    forgeRun(dataDir, '20260101T000000Z-00000a', route, { chain: false });
    expect((await cli(['rollback', '20260101T000000Z-00000a', '--demo'], { dataDir })).stderr).toContain('a journal record does not chain to the one before it');

    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    const store = new RunStore(join(dataDir, 'runs'));
    const [genuine] = (await store.list()).filter((id) => id !== '20260101T000000Z-00000a');
    const journal = join(store.dir(genuine!), 'journal.jsonl');
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('"ok":true', '"ok":false'));
    const r = await cli(['rollback', genuine!, '--demo'], { dataDir });
    expect(r.stderr).toContain('a journal record does not chain to the one before it');
    expect(r.code).not.toBe(0);
  });

  it('a forged run that looks interrupted is not offered for rollback at the next scan', async () => {
    const dataDir = freshDataDir();
    const dir = forgeRun(dataDir, '20260101T000000Z-00000b', USERINIT);
    writeFileSync(join(dir, 'journal.jsonl'), readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n')[0] + '\n');
    const { interruptedRuns } = await import('../app/system/apply/interrupted');
    expect(await interruptedRuns(new RunStore(join(dataDir, 'runs')))).toEqual([]);
    const route = { kind: 'route.add', destination: '10.99.0.0', netmask: '255.255.0.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 };
    const genuine = forgeRun(dataDir, '20260101T000000Z-00000c', route);
    writeFileSync(join(genuine, 'journal.jsonl'), readFileSync(join(genuine, 'journal.jsonl'), 'utf8').split('\n')[0] + '\n');
    expect(await interruptedRuns(new RunStore(join(dataDir, 'runs')))).toEqual(['20260101T000000Z-00000c']);
    // the next scan names the genuine one, with the command that undoes it, and not the forged one
    // (scan loads the journal only when a runs folder has entries: the fresh data folder says nothing)
    const scan = await cli(['scan', '--demo'], { dataDir });
    expect(scan.stderr).toContain('run 20260101T000000Z-00000c was interrupted before it finished. Undo it with: tunnelmedic rollback 20260101T000000Z-00000c --demo');
    expect(scan.stderr).not.toContain('00000b');
    expect((await cli(['scan', '--demo'], { dataDir: freshDataDir() })).stderr).not.toContain('interrupted');
  });

  it('the app\'s history lists only runs that verify: a forged one and one cut off before its plan are left out', async () => {
    const dataDir = freshDataDir();
    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    forgeRun(dataDir, '20260101T000000Z-00000d', USERINIT);
    mkdirSync(join(dataDir, 'runs', '20260101T000001Z-00000e'));
    const { createDesktopEngine } = await import('../app/system/desktop-engine');
    const history = await createDesktopEngine({ source: 'demo', dataDir }).history();
    expect(history).toHaveLength(1);
    expect(history[0]!.verified).toBe(true);
  });

  it('a plan edited after it was recorded is refused', async () => {
    const dataDir = freshDataDir();
    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    const store = new RunStore(join(dataDir, 'runs'));
    const [id] = await store.list();
    const plan = join(store.dir(id!), 'plan.json');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('"10.13.1.0"', '"10.13.2.0"'));
    const r = await cli(['rollback', id!, '--demo'], { dataDir });
    expect(r.stderr).toContain('plan.json does not match its recorded SHA-256');
  });

  it('a runs folder other users can write is refused before anything is read from it', async () => {
    const dataDir = freshDataDir();
    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    chmodSync(join(dataDir, 'runs'), 0o777);
    const r = await cli(['rollback', '--last', '--demo'], { dataDir });
    expect(r.stderr).toMatch(/will not act on .*runs can be written by other users \(mode 777\)/);
    expect(r.stdout).not.toContain('Undone');
  });
});

describe('the Windows runs folder ACL (SDDL read back from Get-Acl)', () => {
  it('icacls makes it admin-only: owner Administrators, no inheritance, SYSTEM + Administrators full, Users read', () => {
    expect(icaclsSecureArgv('C:\\ProgramData\\TunnelMedic')).toEqual([
      ['C:\\ProgramData\\TunnelMedic', '/setowner', '*S-1-5-32-544', '/Q'],
      ['C:\\ProgramData\\TunnelMedic', '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX', '/Q'],
    ]);
  });

  it.each([
    ['what icacls leaves', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)', []],
    ['CREATOR OWNER inherit-only is fine', 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)', []],
    ['ProgramData default: Users may create folders', 'O:SYG:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)(A;CI;DCLCRPCR;;;BU)', ['BU (DCLCRPCR)']],
    ['a folder a user made first', 'O:S-1-5-21-1-2-3-1001G:S-1-5-21-1-2-3-513D:AI(A;OICIID;FA;;;S-1-5-21-1-2-3-1001)(A;OICIID;FA;;;SY)', ['owner S-1-5-21-1-2-3-1001', 'S-1-5-21-1-2-3-1001 (FA)']],
    ['Everyone write', 'O:BAG:SYD:(A;;FW;;;WD)', ['WD (FW)']],
    ['no DACL', 'O:BAG:SY', ['(no access list: everyone has full access)']],
  ])('%s', (_name, sddl, expected) => {
    expect(untrustedWriters(sddl)).toEqual(expected);
  });
});

describe('TUNNELMEDIC_DATA_DIR', () => {
  it('moves the demo\'s data, never that of a run on this machine (the elevated one)', async () => {
    const { dataDir, machineDataDir } = await import('../app/system/paths');
    const env = { TUNNELMEDIC_DATA_DIR: '/tmp/somewhere-a-user-controls' };
    expect(dataDir({ env })).toBe('/tmp/somewhere-a-user-controls');
    expect(dataDir({ live: true, env })).toBe(machineDataDir());
    const { inputOptions } = await import('../app/cli/commands/shared');
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, confirm: async () => false, env };
    expect(inputOptions({ demo: true } as never, io).dataDir).toBe('/tmp/somewhere-a-user-controls');
    expect(inputOptions({} as never, io).dataDir).toBe(machineDataDir());
  });
});
