import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { analyseCapture } from '../../core/analyse';
import { EngineError } from '../../shared/engine-port';
import { demoCaptureDir, demoWorkspace, runsDir } from '../paths';
import type { CommandRunner } from '../run';
import { applyFixes } from './apply';
import { elevatedExecutor, runAsCommand } from './elevate';
import { RunStore } from './journal';
import { simulatedTarget } from './route-target';

const POLICY_NETS = ['10.13.1.0/24'];

/**
 * Stands in for powershell.exe + UAC: it takes the Start-Process command line apart and runs the
 * "elevated instance" (the real CLI `apply-plan`) in-process on the simulated demo machine.
 */
function fakeUacRunner(dataDir: string, tamper?: (file: string) => void): CommandRunner & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    get spawned() {
      return commands.length;
    },
    async run(file, args) {
      commands.push([file, ...args].join(' '));
      const command = args.at(-1)!;
      const list = [...command.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
      const planFile = list[list.indexOf('--plan-file') + 1]!;
      const sha = list[list.indexOf('--sha256') + 1]!;
      tamper?.(planFile);
      let out = '';
      const code = await runCli(['apply-plan', '--demo', '--plan-file', planFile, '--sha256', sha], {
        stdout: (t) => void (out += t),
        stderr: (t) => void (out += t),
        isTTY: false,
        confirm: async () => false,
        env: { TUNNELMEDIC_DATA_DIR: dataDir },
      });
      return { stdout: out, stderr: code === 0 ? '' : out, exitCode: code, ok: code === 0 };
    },
  };
}

async function setup(tamper?: (file: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-elev-'));
  const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir) });
  const store = new RunStore(runsDir(dataDir));
  const analyse = { corporateNetworks: POLICY_NETS, toolVersion: 't' };
  const consented = analyseCapture(await target.collect(), analyse).report;
  const runner = fakeUacRunner(dataDir, tamper);
  const execute = elevatedExecutor({ runner, self: { file: 'C:\\Program Files\\TunnelMedic\\TunnelMedic.exe', args: [] }, stagingDir: join(dataDir, 'staging'), store });
  return { dataDir, target, store, analyse, consented, runner, execute };
}

describe('elevated apply', () => {
  it('quotes every Start-Process value for PowerShell', () => {
    expect(runAsCommand("C:\\Program Files\\Tunnel'Medic\\app.exe", ['apply-plan', '--plan-file', 'C:\\Users\\A B\\x.json'])).toBe(
      "$p = Start-Process -FilePath 'C:\\Program Files\\Tunnel''Medic\\app.exe' -ArgumentList @('apply-plan','--plan-file','\"C:\\Users\\A B\\x.json\"') -Verb RunAs -Wait -PassThru -WindowStyle Hidden; exit $p.ExitCode",
    );
  });

  it('stages the approved plan, the elevated side checks its hash, runs it, and the result comes back', async () => {
    const s = await setup();
    const result = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, ['route.vpn-default-route-wins:split-now']);
    expect(result.verified).toBe(true);
    expect(s.runner.commands).toHaveLength(1);
    expect(s.runner.commands[0]).toMatch(/powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command \$p = Start-Process -FilePath 'C:\\Program Files\\TunnelMedic\\TunnelMedic\.exe' -ArgumentList @\('apply-plan','--plan-file','.*\.plan\.json','--sha256','[0-9a-f]{64}'\) -Verb RunAs/);
    expect(JSON.parse(readFileSync(join(s.store.dir(result.runId), 'plan.json'), 'utf8')).runId).toBe(result.runId);
  });

  it('a plan edited after approval is refused and nothing changes', async () => {
    const s = await setup((file) => writeFileSync(file, readFileSync(file, 'utf8').replace('"0.0.0.0"', '"0.0.0.1"')));
    const before = readFileSync(join(demoWorkspace(s.dataDir), 'route-print.txt'), 'utf8');
    const error = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, ['route.vpn-default-route-wins:split-now']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('ELEVATION_FAILED');
    expect((error as EngineError).detail).toContain('The plan was changed after it was approved');
    expect(readFileSync(join(demoWorkspace(s.dataDir), 'route-print.txt'), 'utf8')).toBe(before);
  });
});
