import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import { lmhostsMissingDomainEntries } from '../../app/core/diagnose/rules/lmhosts-rules';
import { engineT } from '../../app/core/i18n';
import { rollbackActions, type Action } from '../../app/core/remedy/actions';
import { BLOCK_BEGIN, BLOCK_END } from '../../app/core/remedy/lmhosts-edit';
import { renderCmdNt4 } from '../../app/core/remedy/render-cmd-nt4';
import { scriptCompanions } from '../../app/core/remedy/render-registry';
import { scriptConstructViolations } from '../../app/core/remedy/script-constructs';
import { readLmhostsSection } from '../../app/core/snapshot/registry-section';
import type { Snapshot } from '../../app/core/model/snapshot';
import { describeWine, disposeWinePrefix, runCases, winePrefix } from './harness';
import { installNbtstatStandIn, lmhostsPath } from './registry-harness';
import { fcCannotCompareCases } from './standins';

/**
 * Issue 11.6: the LMHOSTS domain-validation fix (KB Q180094, the NT 4.0 era's fix) in the NT 4.0
 * dialect (render-cmd-nt4.ts: no exit /b, no subroutine verdicts, COPY without /Y) run in Wine's
 * cmd.exe: the block is added with every other byte kept, nbtstat -R runs on both sides, the undo
 * puts the original bytes back, and a file that changed since the review is left alone.
 *
 * fc.exe is the byte-comparing stand-in (standin/fc.c; Wine's own exits 0 for any two files), so a
 * file edited between review and run is refused here as on Windows: the tests that expect a
 * refusal fail when the script's fc check is taken out.
 */
const BLOCK = `${BLOCK_BEGIN}\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n${BLOCK_END}\r\n`;
const LMHOSTS = '%SystemRoot%\\System32\\drivers\\etc\\lmhosts';
/** a case script that copies a file beside it over LMHOSTS (someone editing it between review and run) */
const put = (name: string) => `@echo off\r\ncopy /y /b "%~dp0${name}" "${LMHOSTS}" >nul\r\n`;
/** a case script that copies LMHOSTS (when there is one) to snap.txt beside it */
const snapIfAny = `@echo off\r\nif exist "${LMHOSTS}" copy /b "${LMHOSTS}" "%~dp0snap.txt" >nul\r\n`;
const snapOf = (r: { dir: string }) => (existsSync(join(r.dir, 'snap.txt')) ? readFileSync(join(r.dir, 'snap.txt')) : null);
const render = (list: Action[]) => renderCmdNt4({ title: 'TunnelMedic NT4', steps: list.map((action) => ({ action, label: action.kind })) });
const companionsOf = (list: Action[]) => scriptCompanions(list).map((c) => ({ name: c.name, bytes: c.bytes }));
/**
 * The script refused at its file step (2 of 3): said so and ran nothing after it. Its errorlevel is
 * not judged: the dialect leaves 1 through `verify other` (setlocal /?), which Wine's VERIFY ignores
 * (programs/cmd/builtins.c WCMD_verify sets no errorlevel for a wrong argument).
 */
function expectRefusedAtFileStep(r: { stdout: string; stderr: string; nbtstatCalls: string[] }): void {
  expect(r.stderr).toContain('is not as it was when the fix was reviewed; it was not touched.');
  expect(r.stderr).toContain('step 2 failed');
  expect(r.stdout).toContain('[2/3] file.replace');
  expect(r.stdout).not.toContain('[3/3]');
  expect(r.nbtstatCalls).toHaveLength(1);
}
const ORIGINAL = iconv.encode('# NT4 LMHOSTS\r\n10.0.0.5  PRINTER  #PRE\r\n# no final newline', 'cp850');
const NT4 = { os: { family: 'nt4', name: 'Windows NT 4.0', version: '4.0' } } as const;

function planFix(bytes: Buffer | null): Action[] {
  const decoded = bytes ? decodeCaptureBytes(bytes, 850)! : null;
  const files = new Map(decoded ? [['lmhosts', { name: 'lmhosts', ...decoded }]] : []);
  // what the collectors record when there is no lmhosts file (registry-section.ts)
  const notCollected = decoded ? [] : ['lmhosts: C:\\WINNT\\System32\\drivers\\etc\\lmhosts not found'];
  const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, files, readProblems: [], notCollected };
  const { lmhosts } = readLmhostsSection(capture, [], NT4);
  const snapshot = { ...NT4, lmhosts, registry: {}, events: [] } as unknown as Snapshot;
  const policy = { schemaVersion: 1 as const, domain: { netbiosName: 'CORP', controllers: [{ name: 'DC1', address: '10.13.1.10' }] } };
  const [finding] = lmhostsMissingDomainEntries({ snapshot, corporateNetworks: [], policy, t: engineT('en') });
  return finding!.fixes[0]!.actions;
}

describeWine('NT 4.0-dialect LMHOSTS scripts under Wine cmd.exe', () => {
  beforeAll(async () => {
    await winePrefix();
    await installNbtstatStandIn();
  });
  afterAll(disposeWinePrefix);

  it('fix adds the block, undo restores the bytes, a changed file is not touched (1 Wine run)', async () => {
    const path = await lmhostsPath();
    writeFileSync(path, ORIGINAL);
    const actions = planFix(ORIGINAL);
    const undo = rollbackActions(actions);
    for (const s of [render(actions), render(undo)]) expect(scriptConstructViolations(s, 'cmd-nt4')).toEqual([]);
    const files = scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes }));
    const snap = '@echo off\r\ncopy /b "%SystemRoot%\\System32\\drivers\\etc\\lmhosts" "%~dp0snap.txt" >nul\r\n';
    // a file that is gone since the review (the `if not exist` before fc); an edited one: next test
    const plant = '@echo off\r\ndel "%SystemRoot%\\System32\\drivers\\etc\\lmhosts"\r\n';
    const [fix, afterFix, rollback, afterRollback, , refused, afterRefused] = await runCases(
      [render(actions), snap, render(undo), snap, plant, render(undo), snap].map((script) => ({ script, files })),
    );
    expect(fix!.stderr).toBe('');
    expect(fix!.stdout).toContain('TunnelMedic: all 3 steps done.');
    const block = `\r\n${BLOCK_BEGIN}\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n${BLOCK_END}\r\n`;
    expect(readFileSync(join(afterFix!.dir, 'snap.txt')).equals(Buffer.concat([ORIGINAL, Buffer.from(block, 'latin1')]))).toBe(true);
    expect(rollback!.stderr).toBe('');
    expect(rollback!.stdout).toContain('TunnelMedic: all 3 steps done.');
    expect(readFileSync(join(afterRollback!.dir, 'snap.txt')).equals(ORIGINAL)).toBe(true);
    // nbtstat -R before and after each edit, by full path (System32\nbtstat.exe)
    for (const r of [fix!, rollback!]) expect(r.nbtstatCalls.map((l) => l.split(/\s+/).slice(-1)[0])).toEqual(['-R', '-R']);
    expect(fix!.nbtstatCalls.every((l) => /^C:\\windows\\system32\\ /i.test(l))).toBe(true);
    // the undo of a file that is gone since: refused, nothing is written
    expect(refused!.stderr).toContain('is not as it was when the fix was reviewed; it was not touched.');
    expect(refused!.stdout).not.toContain('all 3 steps done');
    expect(refused!.nbtstatCalls).toHaveLength(1);
    expect(existsSync(join(afterRefused!.dir, 'snap.txt'))).toBe(false);
    rmSync(path, { force: true });
  }, 120_000);
  it('a live file edited since the review (one byte, same length): the fix and the undo refuse and leave it as they found it (1 Wine run)', async () => {
    const path = await lmhostsPath();
    const actions = planFix(ORIGINAL);
    const undo = rollbackActions(actions);
    const edited = Buffer.from(ORIGINAL.toString('latin1').replace('10.0.0.5', '10.0.0.7'), 'latin1');
    const fixedEdited = Buffer.from(Buffer.concat([ORIGINAL, Buffer.from(`\r\n${BLOCK}`, 'latin1')]).toString('latin1').replace('PRINTER', 'PRINTEX'), 'latin1');
    expect(edited.length).toBe(ORIGINAL.length);
    const files = [...companionsOf([...actions, ...undo]), { name: 'original.bin', bytes: ORIGINAL }, { name: 'edited.bin', bytes: edited }, { name: 'fixed-edited.bin', bytes: fixedEdited }];
    const [, refused, afterRefused, , fix, , undoRefused, afterUndoRefused] = await runCases(
      [put('edited.bin'), render(actions), snapIfAny, put('original.bin'), render(actions), put('fixed-edited.bin'), render(undo), snapIfAny].map((script) => ({ script, files })),
    );
    expectRefusedAtFileStep(refused!);
    expect(snapOf(afterRefused!)!.equals(edited)).toBe(true);
    expect(fix!.stderr).toBe('');
    expect(fix!.stdout).toContain('TunnelMedic: all 3 steps done.');
    expectRefusedAtFileStep(undoRefused!);
    expect(snapOf(afterUndoRefused!)!.equals(fixedEdited)).toBe(true);
    rmSync(path, { force: true });
  }, 120_000);

  it('an fc.exe that cannot compare (exit -1) is no "identical": the fix and the undo refuse at the file step (1 Wine run)', async () => {
    const path = await lmhostsPath();
    const { root, system32 } = await winePrefix();
    rmSync(`${path}.tunnelmedic.bak`, { force: true });
    const actions = planFix(ORIGINAL);
    const undo = rollbackActions(actions);
    const FIXED = Buffer.concat([ORIGINAL, Buffer.from(`\r\n${BLOCK}`, 'latin1')]);
    const { swapIn, swapBack, file: brokenFc } = fcCannotCompareCases(root, system32);
    const files = [
      ...companionsOf([...actions, ...undo]),
      { name: 'original.bin', bytes: ORIGINAL },
      { name: 'fixed.bin', bytes: FIXED },
      brokenFc,
    ];
    const [, , fix, afterFix, , undone, afterUndo] = await runCases(
      [put('original.bin'), swapIn, render(actions), snapIfAny, put('fixed.bin'), render(undo), snapIfAny, swapBack].map((script) => ({ script, files })),
    );
    // with `if errorlevel 1` alone, -1 read as "the same" and the file was replaced
    expectRefusedAtFileStep(fix!);
    expect(snapOf(afterFix!)!.equals(ORIGINAL)).toBe(true);
    expectRefusedAtFileStep(undone!);
    expect(snapOf(afterUndo!)!.equals(FIXED)).toBe(true);
    rmSync(path, { force: true });
  }, 120_000);

  it('no lmhosts file: the fix creates it, its undo deletes it, an edited or newly appeared file is left alone (1 Wine run)', async () => {
    const path = await lmhostsPath();
    rmSync(path, { force: true });
    const actions = planFix(null);
    const undo = rollbackActions(actions);
    for (const s of [render(actions), render(undo)]) expect(scriptConstructViolations(s, 'cmd-nt4')).toEqual([]);
    const createdEdited = Buffer.from(BLOCK.replace('DC1', 'DC2'), 'latin1');
    const files = [...companionsOf([...actions, ...undo]), { name: 'created.bin', bytes: Buffer.from(BLOCK, 'latin1') }, { name: 'created-edited.bin', bytes: createdEdited }];
    const plant = `@echo off\r\n>"${LMHOSTS}" echo 10.0.0.9 SOMEONE\r\n`;
    const [fix, afterFix, , undoRefused, afterUndoRefused, , rollback, afterRollback, , refused, afterRefused] = await runCases(
      [render(actions), snapIfAny, put('created-edited.bin'), render(undo), snapIfAny, put('created.bin'), render(undo), snapIfAny, plant, render(actions), snapIfAny].map((script) => ({ script, files })),
    );
    expect(fix!.stderr).toBe('');
    expect(fix!.stdout).toContain('TunnelMedic: all 3 steps done.');
    expect(snapOf(afterFix!)!.toString('latin1')).toBe(BLOCK);
    // the file we created was edited since: its undo deletes nothing (fc /b against what we wrote)
    expectRefusedAtFileStep(undoRefused!);
    expect(snapOf(afterUndoRefused!)!.equals(createdEdited)).toBe(true);
    expect(rollback!.stderr).toBe('');
    expect(rollback!.stdout).toContain('TunnelMedic: all 3 steps done.');
    expect(snapOf(afterRollback!)).toBeNull();
    // a file that appeared after the review is not ours to overwrite
    expectRefusedAtFileStep(refused!);
    expect(snapOf(afterRefused!)!.toString('latin1')).toBe('10.0.0.9 SOMEONE\r\n');
    rmSync(path, { force: true });
  }, 120_000);
});
