import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { installedGuards } from '../app/cli/commands/guard';
import { guardTaskName } from '../app/core/remedy/guard-task';
import { applyFixes, rollbackRun } from '../app/system/apply/apply';
import { RunStore } from '../app/system/apply/journal';
import { simulatedTarget } from '../app/system/apply/route-target';
import type { ResolvedInput } from '../app/system/input';
import { cli, freshDataDir } from './support/cli';

describe('tunnelmedic guard-run (what the guard task starts at each connect)', () => {
  it('applies the now-fix when that connection\'s default route wins, and does nothing once it does not', async () => {
    const dataDir = freshDataDir();
    const first = await cli(['guard-run', '--demo', '--connection', 'Corp VPN'], { dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Applied and verified.');
    const second = await cli(['guard-run', '--demo', '--connection', 'Corp VPN'], { dataDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Nothing to do/);
  });

  it('leaves another connection\'s routes alone', async () => {
    const r = await cli(['guard-run', '--demo', '--connection', 'Other VPN'], { dataDir: freshDataDir() });
    expect(r.stdout).toMatch(/Nothing to do/);
  });
});

describe('guard list / remove', () => {
  it('lists the installed guard with its connection and run, and nothing after the run is undone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-guard-cli-'));
    const target = simulatedTarget({ seedDir: join(import.meta.dirname, '..', 'samples', 'win7-guard'), workspaceDir: join(dir, 'm'), origin: 'capture' });
    const store = new RunStore(join(dir, 'runs'));
    const analyse = { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' };
    const input = { source: 'demo', label: 'win7', corporateNetworks: [], target } as unknown as ResolvedInput;
    expect(await installedGuards(input, store)).toEqual([]);
    const report = analyseCapture(await target.collect(), analyse).report;
    const run = await applyFixes({ target, store, analyse }, report, ['route.vpn-default-route-wins:guard']);
    expect(await installedGuards(input, store)).toEqual([{ task: guardTaskName('Corp VPN'), connection: 'Corp VPN', runId: run.runId }]);
    await rollbackRun({ target, store, analyse }, run.runId);
    expect(await installedGuards(input, store)).toEqual([]);
  });

  it('says what to do for a guard name it does not know', async () => {
    const r = await cli(['guard', 'remove', 'Nope', '--demo'], { dataDir: freshDataDir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/No guard for "Nope"/);
  });
});
