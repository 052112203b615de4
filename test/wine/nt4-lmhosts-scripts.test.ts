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

/**
 * Issue 11.6: the LMHOSTS domain-validation fix (KB Q180094, the NT 4.0 era's fix) in the NT 4.0
 * dialect (render-cmd-nt4.ts: no exit /b, no subroutine verdicts, COPY without /Y) run in Wine's
 * cmd.exe: the block is added with every other byte kept, nbtstat -R runs on both sides, the undo
 * puts the original bytes back, and a file that changed since the review is left alone.
 */
const ORIGINAL = iconv.encode('# NT4 LMHOSTS\r\n10.0.0.5  PRINTER  #PRE\r\n# no final newline', 'cp850');
const NT4 = { os: { family: 'nt4', name: 'Windows NT 4.0', version: '4.0' } } as const;

function planFix(bytes: Buffer): Action[] {
  const decoded = decodeCaptureBytes(bytes, 850)!;
  const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, files: new Map([['lmhosts', { name: 'lmhosts', ...decoded }]]), readProblems: [], notCollected: [] };
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
    const render = (list: Action[]) => renderCmdNt4({ title: 'TunnelMedic NT4', steps: list.map((action) => ({ action, label: action.kind })) });
    for (const s of [render(actions), render(undo)]) expect(scriptConstructViolations(s, 'cmd-nt4')).toEqual([]);
    const files = scriptCompanions([...actions, ...undo]).map((c) => ({ name: c.name, bytes: c.bytes }));
    const snap = '@echo off\r\ncopy /b "%SystemRoot%\\System32\\drivers\\etc\\lmhosts" "%~dp0snap.txt" >nul\r\n';
    // Wine's fc.exe is a stub that exits 0 for any two files, so "changed since the review" is
    // exercised here through the file having gone (the same :changed path; fc's own verdict is
    // checked on the script text in test/script-dialects.test.ts)
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
});
