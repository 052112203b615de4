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
import { describeWine, disposeWinePrefix, runCases, runCmdScript, winePrefix } from './harness';
import { installNbtstatStandIn, lmhostsPath, nbtstatCalls, removeCompanions, writeCompanions } from './registry-harness';

/**
 * The LMHOSTS fix of lmhosts.missing-domain-entries, planned from the file as a capture reads it
 * (cp850 bytes, CRLF, no final newline), run in Wine's cmd.exe: the file in the prefix's
 * drivers\etc gets the Q180094 block and keeps every other byte; nbtstat -R runs after the write;
 * the rollback puts the original bytes back exactly.
 */
const ORIGINAL = iconv.encode('# Büro-LMHOSTS\r\n10.0.0.5  PRINTER  #PRE\r\n10.0.0.6  "APP            \\0x14"  # trailing blank \r\n# no final newline', 'cp850');

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

  it('no lmhosts file (only lmhosts.sam): the fix creates it, its undo deletes it, and a file that appeared since is left alone (one Wine run)', async () => {
    const path = await lmhostsPath();
    rmSync(path, { force: true });
    rmSync(`${path}.tunnelmedic.bak`, { force: true });
    const actions = planFix(null);
    expect(actions.map((a) => a.kind)).toEqual(['nbtstat.reload', 'file.replace', 'nbtstat.reload']);
    const replace = actions[1] as FileReplace;
    expect(replace.previousAbsent).toBe(true);
    const undo = rollbackActions(actions);
    expect((undo[1] as FileReplace).contentAbsent).toBe(true);
    const files = scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes }));
    const render = (list: Action[]) => renderCmd({ title: 'TunnelMedic', steps: list.map((action) => ({ action, label: action.kind })) });
    const snap = '@echo off\r\nif exist "%SystemRoot%\\System32\\drivers\\etc\\lmhosts" copy /b "%SystemRoot%\\System32\\drivers\\etc\\lmhosts" "%~dp0snap.txt" >nul\r\n';
    const plant = '@echo off\r\n>"%SystemRoot%\\System32\\drivers\\etc\\lmhosts" echo 10.0.0.9 SOMEONE\r\n';
    const [fix, afterFix, rollback, afterRollback, , refused, afterRefused] = await runCases(
      [render(actions), snap, render(undo), snap, plant, render(actions), snap].map((script) => ({ script, files })),
    );
    expect(fix!.stderr).toBe('');
    expect(fix!.exitCode).toBe(0);
    const created = readFileSync(join(afterFix!.dir, 'snap.txt'));
    expect(created.toString('latin1')).toBe(`${BLOCK_BEGIN}\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n${BLOCK_END}\r\n`);
    expect(rollback!.stderr).toBe('');
    expect(rollback!.exitCode).toBe(0);
    expect(existsSync(join(afterRollback!.dir, 'snap.txt'))).toBe(false);
    expect(refused!.exitCode).not.toBe(0);
    expect(refused!.stderr).toContain('exists now but did not when it was reviewed');
    expect(readFileSync(join(afterRefused!.dir, 'snap.txt'), 'latin1')).toBe('10.0.0.9 SOMEONE\r\n');
    rmSync(path, { force: true });
  }, 120_000);
});
