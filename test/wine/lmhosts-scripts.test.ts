import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import { lmhostsMissingDomainEntries } from '../../app/core/diagnose/rules/lmhosts-rules';
import { engineT } from '../../app/core/i18n';
import type { Action } from '../../app/core/remedy/actions';
import { BLOCK_BEGIN, BLOCK_END } from '../../app/core/remedy/lmhosts-edit';
import { renderCmd } from '../../app/core/remedy/render-cmd';
import { scriptCompanions } from '../../app/core/remedy/render-registry';
import { readLmhostsSection } from '../../app/core/snapshot/registry-section';
import type { Snapshot } from '../../app/core/model/snapshot';
import { describeWine, disposeWinePrefix, runCmdScript, winePrefix } from './harness';
import { installNbtstatStandIn, lmhostsPath, nbtstatCalls, removeCompanions, writeCompanions } from './registry-harness';

/**
 * The LMHOSTS fix of lmhosts.missing-domain-entries, planned from the file as a capture reads it
 * (cp850 bytes, CRLF, no final newline), run in Wine's cmd.exe: the file in the prefix's
 * drivers\etc gets the Q180094 block and keeps every other byte; nbtstat -R runs after the write;
 * the rollback puts the original bytes back exactly.
 */
const ORIGINAL = iconv.encode('# Büro-LMHOSTS\r\n10.0.0.5  PRINTER  #PRE\r\n10.0.0.6  "APP            \\0x14"  # trailing blank \r\n# no final newline', 'cp850');

function planFix(bytes: Buffer): Action[] {
  const decoded = decodeCaptureBytes(bytes, 850);
  expect(decoded.encoding).toBe('cp850');
  const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, files: new Map([['lmhosts', { name: 'lmhosts', ...decoded }]]), readProblems: [] };
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
});
