import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import { lmhostsMissingDomainEntries } from '../../app/core/diagnose/rules/lmhosts-rules';
import { engineT } from '../../app/core/i18n';
import { rollbackActions, type Action } from '../../app/core/remedy/actions';
import type { FileReplace } from '../../app/core/remedy/file-actions';
import { BLOCK_BEGIN, BLOCK_END } from '../../app/core/remedy/lmhosts-edit';
import { renderCmd } from '../../app/core/remedy/render-cmd';
import { scriptCompanions } from '../../app/core/remedy/render-registry';
import { readLmhostsSection } from '../../app/core/snapshot/registry-section';
import type { Snapshot } from '../../app/core/model/snapshot';
import { describeWine, disposeWinePrefix, runCases, runCmdScript, winePrefix, withSysnative } from './harness';
import { installNbtstatStandIn, lmhostsPath, nbtstatCalls, removeCompanions, writeCompanions } from './registry-harness';
import { fcCannotCompareCases } from './standins';

/**
 * The LMHOSTS fix of lmhosts.missing-domain-entries, planned from the file as a capture reads it
 * (cp850 bytes, CRLF, no final newline), run in Wine's cmd.exe: the file in the prefix's
 * drivers\etc gets the Q180094 block and keeps every other byte; nbtstat -R runs after the write;
 * the rollback puts the original bytes back exactly.
 *
 * fc.exe is the byte-comparing stand-in (standin/fc.c; Wine's own exits 0 for any two files), so
 * "changed since it was reviewed" is judged here as Windows judges it: a test below that expects a
 * refusal fails when the script's fc check is taken out.
 */
const ORIGINAL = iconv.encode('# Büro-LMHOSTS\r\n10.0.0.5  PRINTER  #PRE\r\n10.0.0.6  "APP            \\0x14"  # trailing blank \r\n# no final newline', 'cp850');

/** Same length as ORIGINAL, one byte differs: only a byte-for-byte comparison tells them apart. */
const EDITED = Buffer.from(ORIGINAL.toString('latin1').replace('10.0.0.5', '10.0.0.7'), 'latin1');
const LMHOSTS = '%SystemRoot%\\System32\\drivers\\etc\\lmhosts';
/** a case script that copies a file beside it over LMHOSTS (someone editing it between review and run) */
const put = (name: string) => `@echo off\r\ncopy /y /b "%~dp0${name}" "${LMHOSTS}" >nul\r\n`;
/** a case script that copies LMHOSTS (when there is one) to snap.txt beside it */
const snap = `@echo off\r\nif exist "${LMHOSTS}" copy /b "${LMHOSTS}" "%~dp0snap.txt" >nul\r\n`;
const snapOf = (r: { dir: string }) => (existsSync(join(r.dir, 'snap.txt')) ? readFileSync(join(r.dir, 'snap.txt')) : null);
const BLOCK = `${BLOCK_BEGIN}\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n${BLOCK_END}\r\n`;
const render = (list: Action[]) => renderCmd({ title: 'TunnelMedic', steps: list.map((action) => ({ action, label: action.kind })) });

function planFix(bytes: Buffer | null): Action[] {
  const decoded = bytes ? decodeCaptureBytes(bytes, 850) : null;
  if (decoded) expect(decoded.encoding).toBe('cp850');
  const files = new Map(decoded ? [['lmhosts', { name: 'lmhosts', ...decoded }]] : []);
  // what both collectors record when there is no lmhosts file (Windows ships only lmhosts.sam)
  const notCollected = decoded ? [] : ['lmhosts: C:\\Windows\\System32\\drivers\\etc\\lmhosts not found'];
  const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, files, readProblems: [], notCollected };
  const { lmhosts } = readLmhostsSection(capture, [], { os: { family: 'nt6+', name: 'Windows 10' } });
  const snapshot = { os: { family: 'nt6+', name: 'Windows 10' }, lmhosts, registry: {}, events: [] } as unknown as Snapshot;
  const policy = { schemaVersion: 1 as const, domain: { netbiosName: 'CORP', controllers: [{ name: 'DC1', address: '10.13.1.10' }] } };
  const [finding] = lmhostsMissingDomainEntries({ snapshot, corporateNetworks: [], policy, t: engineT('en') });
  expect(finding?.severity).toBe('warning');
  return finding!.fixes[0]!.actions;
}

describeWine('LMHOSTS scripts under Wine cmd.exe', () => {
  beforeAll(async () => {
    await winePrefix();
    await installNbtstatStandIn();
  });
  afterAll(disposeWinePrefix);

  it('fix writes the block and keeps every other byte; rollback restores the file exactly', async () => {
    // an empty nbtstat call log, so that a retry (a Wine process that failed to start under load) starts where the first try did
    await installNbtstatStandIn();
    const path = await lmhostsPath();
    writeFileSync(path, ORIGINAL);
    const actions = planFix(ORIGINAL);
    expect(actions.map((a) => a.kind)).toEqual(['nbtstat.reload', 'file.replace', 'nbtstat.reload']);
    const companions = scriptCompanions(actions);
    await writeCompanions(companions);

    const fix = await runCmdScript(renderCmd({ title: 'TunnelMedic fix', steps: actions.map((action) => ({ action, label: action.kind })) }));
    expect(fix.stderr).toBe('');
    expect(fix.exitCode).toBe(0);
    const written = readFileSync(path);
    const expected = Buffer.concat([
      ORIGINAL,
      Buffer.from(`\r\n${BLOCK_BEGIN}\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n${BLOCK_END}\r\n`, 'latin1'),
    ]);
    expect(written.equals(expected)).toBe(true);
    expect(readFileSync(`${path}.tunnelmedic.bak`).equals(ORIGINAL)).toBe(true);
    expect(await nbtstatCalls()).toEqual(['-R', '-R']);

    const undo = [...actions].reverse().map((a) => (a.kind === 'file.replace' ? { ...a, content: a.previous, previous: a.content } : a));
    const rollback = await runCmdScript(renderCmd({ title: 'TunnelMedic rollback', steps: undo.map((action) => ({ action, label: action.kind })) }));
    expect(rollback.exitCode).toBe(0);
    expect(readFileSync(path).equals(ORIGINAL)).toBe(true);
    expect(await nbtstatCalls()).toEqual(['-R', '-R', '-R', '-R']);
  });

  it('a missing companion file stops the script before anything is written', async () => {
    const path = await lmhostsPath();
    writeFileSync(path, ORIGINAL);
    const actions = planFix(ORIGINAL);
    await removeCompanions(scriptCompanions(actions));
    const r = await runCmdScript(renderCmd({ title: 'TunnelMedic fix', steps: actions.map((action) => ({ action, label: action.kind })) }));
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('is missing');
    expect(readFileSync(path).equals(ORIGINAL)).toBe(true);
  });

  it('fc.exe at System32 and Sysnative is the byte-comparing stand-in: 0 same, 1 different, 2 a file missing, -1 one file only', async () => {
    await withSysnative();
    const files = [
      { name: 'a.bin', bytes: Buffer.from('hello\r\n') },
      { name: 'same.bin', bytes: Buffer.from('hello\r\n') },
      { name: 'byte.bin', bytes: Buffer.from('hellp\r\n') },
      { name: 'longer.bin', bytes: Buffer.from('hello\r\n!') },
      { name: 'empty1.bin', bytes: Buffer.alloc(0) },
      { name: 'empty2.bin', bytes: Buffer.alloc(0) },
    ];
    const pairs = ['a.bin same.bin', 'a.bin byte.bin', 'a.bin longer.bin', 'longer.bin a.bin', 'a.bin gone.bin', 'gone.bin a.bin', 'empty1.bin empty2.bin', 'empty1.bin a.bin', 'a.bin'];
    const script = ['@echo off'];
    for (const dir of ['System32', 'Sysnative'])
      for (const pair of pairs) {
        const args = pair.split(' ').map((f) => `"%~dp0${f}"`).join(' ');
        script.push(`"%SystemRoot%\\${dir}\\fc.exe" /b ${args} >nul 2>&1`, `>>"%~dp0codes.txt" echo ${dir} %errorlevel%`);
      }
    const [r] = await runCases([{ script: script.join('\r\n'), files }]);
    const codes = readFileSync(join(r!.dir, 'codes.txt'), 'latin1').trim().split(/\r?\n/);
    const expected = ['0', '1', '1', '1', '2', '2', '0', '1', '-1'];
    expect(codes).toEqual([...expected.map((c) => `System32 ${c}`), ...expected.map((c) => `Sysnative ${c}`)]);
  });

  it('a live file changed since the review (one byte, same length): the fix and the undo refuse, name the step and leave it as they found it (one Wine run)', async () => {
    const path = await lmhostsPath();
    rmSync(`${path}.tunnelmedic.bak`, { force: true });
    const actions = planFix(ORIGINAL);
    const undo = rollbackActions(actions);
    const fixed = Buffer.concat([ORIGINAL, Buffer.from(`\r\n${BLOCK}`, 'latin1')]);
    const fixedEdited = Buffer.from(fixed.toString('latin1').replace('PRINTER', 'PRINTEX'), 'latin1');
    expect(EDITED.length).toBe(ORIGINAL.length);
    const files = [
      ...scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes })),
      { name: 'original.bin', bytes: ORIGINAL },
      { name: 'edited.bin', bytes: EDITED },
      { name: 'fixed-edited.bin', bytes: fixedEdited },
    ];
    const [, refused, afterRefused, , fix, , undoRefused, afterUndoRefused] = await runCases(
      [put('edited.bin'), render(actions), snap, put('original.bin'), render(actions), put('fixed-edited.bin'), render(undo), snap].map((script) => ({ script, files })),
    );
    // the fix: refused at its file step, nothing after it ran, the file is the edited one, no backup was made
    expect(refused!.exitCode).toBe(1);
    expect(refused!.stderr).toContain('drivers\\etc\\lmhosts" changed since it was reviewed; it was not touched.');
    expect(refused!.stderr).toContain('step 2 failed');
    expect(refused!.stdout).toContain('[2/3] file.replace');
    expect(refused!.stdout).not.toContain('[3/3]');
    expect(refused!.nbtstatCalls).toHaveLength(1);
    expect(snapOf(afterRefused!)!.equals(EDITED)).toBe(true);
    // the same script on the reviewed bytes goes through
    expect(fix!.stderr).toBe('');
    expect(fix!.exitCode).toBe(0);
    // the undo of a fix whose result was edited since: refused, the edit stays
    expect(undoRefused!.exitCode).toBe(1);
    expect(undoRefused!.stderr).toContain('changed since it was reviewed; it was not touched.');
    expect(undoRefused!.stderr).toContain('step 2 failed');
    expect(snapOf(afterUndoRefused!)!.equals(fixedEdited)).toBe(true);
    rmSync(path, { force: true });
  }, 120_000);

  it('an fc.exe that cannot compare (exit -1) is no "identical": the fix and the undo refuse at the file step and leave it as they found it (one Wine run)', async () => {
    const path = await lmhostsPath();
    const { root, system32 } = await winePrefix();
    rmSync(`${path}.tunnelmedic.bak`, { force: true });
    const actions = planFix(ORIGINAL);
    const undo = rollbackActions(actions);
    const FIXED = Buffer.concat([ORIGINAL, Buffer.from(`\r\n${BLOCK}`, 'latin1')]);
    const { swapIn, swapBack, file: brokenFc } = fcCannotCompareCases(root, system32);
    const files = [
      ...scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes })),
      { name: 'original.bin', bytes: ORIGINAL },
      { name: 'fixed.bin', bytes: FIXED },
      brokenFc,
    ];
    const [, , fix, afterFix, , undone, afterUndo] = await runCases(
      [put('original.bin'), swapIn, render(actions), snap, put('fixed.bin'), render(undo), snap, swapBack].map((script) => ({ script, files })),
    );
    // with `if errorlevel 1` alone, -1 read as "the same" and the file was written
    expect(fix!.exitCode).toBe(1);
    expect(fix!.stderr).toContain('fc.exe could not compare');
    expect(fix!.stdout).not.toContain('[3/3]');
    expect(snapOf(afterFix!)!.equals(ORIGINAL)).toBe(true);
    expect(undone!.exitCode).toBe(1);
    expect(undone!.stderr).toContain('fc.exe could not compare');
    expect(snapOf(afterUndo!)!.equals(FIXED)).toBe(true);
    expect(existsSync(`${path}.tunnelmedic.bak`)).toBe(false);
    rmSync(path, { force: true });
  }, 120_000);

  it('no lmhosts file (only lmhosts.sam): the fix creates it, its undo deletes it, an edited or newly appeared file is left alone (one Wine run)', async () => {
    const path = await lmhostsPath();
    rmSync(path, { force: true });
    rmSync(`${path}.tunnelmedic.bak`, { force: true });
    const actions = planFix(null);
    expect(actions.map((a) => a.kind)).toEqual(['nbtstat.reload', 'file.replace', 'nbtstat.reload']);
    const replace = actions[1] as FileReplace;
    expect(replace.previousAbsent).toBe(true);
    const undo = rollbackActions(actions);
    expect((undo[1] as FileReplace).contentAbsent).toBe(true);
    const createdEdited = Buffer.from(BLOCK.replace('DC1', 'DC2'), 'latin1');
    const files = [
      ...scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes })),
      { name: 'created-edited.bin', bytes: createdEdited },
      { name: 'created.bin', bytes: Buffer.from(BLOCK, 'latin1') },
    ];
    const plant = `@echo off\r\n>"${LMHOSTS}" echo 10.0.0.9 SOMEONE\r\n`;
    const [fix, afterFix, , undoRefused, afterUndoRefused, , rollback, afterRollback, , refused, afterRefused] = await runCases(
      [render(actions), snap, put('created-edited.bin'), render(undo), snap, put('created.bin'), render(undo), snap, plant, render(actions), snap].map((script) => ({ script, files })),
    );
    expect(fix!.stderr).toBe('');
    expect(fix!.exitCode).toBe(0);
    expect(snapOf(afterFix!)!.toString('latin1')).toBe(BLOCK);
    // the file we created was edited since: its undo deletes nothing (fc /b against what we wrote)
    expect(undoRefused!.exitCode).toBe(1);
    expect(undoRefused!.stderr).toContain('changed since it was reviewed; it was not touched.');
    expect(undoRefused!.stderr).toContain('step 2 failed');
    expect(snapOf(afterUndoRefused!)!.equals(createdEdited)).toBe(true);
    // with exactly our bytes, the undo deletes it
    expect(rollback!.stderr).toBe('');
    expect(rollback!.exitCode).toBe(0);
    expect(snapOf(afterRollback!)).toBeNull();
    // a file that appeared after the review is not ours to overwrite
    expect(refused!.exitCode).toBe(1);
    expect(refused!.stderr).toContain('exists now but did not when it was reviewed');
    expect(refused!.stderr).toContain('step 2 failed');
    expect(snapOf(afterRefused!)!.toString('latin1')).toBe('10.0.0.9 SOMEONE\r\n');
    rmSync(path, { force: true });
  }, 120_000);

  it('no backup copy can be made (the .bak name taken by a folder holding an "lmhosts" folder): the fix and the undo of a creation refuse and leave the file as they found it (one Wine run)', async () => {
    const path = await lmhostsPath();
    const clear = () => rmSync(`${path}.tunnelmedic.bak`, { recursive: true, force: true });
    rmSync(path, { force: true });
    clear();
    const create = planFix(null);
    const undoCreate = rollbackActions(create);
    const replace = planFix(ORIGINAL);
    const files = [
      ...scriptCompanions([...create, ...undoCreate, ...replace]).map((c) => ({ name: c.name, bytes: c.bytes })),
      { name: 'original.bin', bytes: ORIGINAL },
    ];
    // copy into a folder writes the file under its own name there: a folder of that name makes it fail
    const block = `@echo off\r\nmkdir "${LMHOSTS}.tunnelmedic.bak\\lmhosts"\r\n`;
    const [created, , undoRefused, afterUndoRefused, , fixRefused, afterFixRefused] = await runCases(
      [render(create), block, render(undoCreate), snap, put('original.bin'), render(replace), snap].map((script) => ({ script, files })),
    );
    expect(created!.exitCode).toBe(0);
    // without the copy's errorlevel check the undo deleted the file it could not back up
    expect(undoRefused!.exitCode).toBe(1);
    expect(undoRefused!.stderr).toContain('no backup copy of');
    expect(undoRefused!.stderr).toContain('step 2 failed');
    expect(snapOf(afterUndoRefused!)!.toString('latin1')).toBe(BLOCK);
    expect(fixRefused!.exitCode).toBe(1);
    expect(fixRefused!.stderr).toContain('no backup copy of');
    expect(snapOf(afterFixRefused!)!.equals(ORIGINAL)).toBe(true);
    rmSync(path, { force: true });
    clear();
  }, 120_000);
});
