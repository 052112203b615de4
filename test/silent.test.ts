import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../app/cli/main';
import { headlessArgs, silentFixArgs, silentScanArgs } from '../app/main/headless';
import { freshDataDir } from './support/cli';
import { expectValidReport } from './support/report-schema';

const root = join(import.meta.dirname, '..');
const tmp = () => mkdtempSync(join(tmpdir(), 'tm-silent-'));
const demoRoutes = readFileSync(join(root, 'samples', 'demo', 'route-print.txt'), 'utf8');

/** What TunnelMedic.exe does with its argv: main.ts hands headlessArgs(argv) to runCli. */
async function desktopApp(argv: string[], dataDir = freshDataDir()) {
  const args = headlessArgs(argv);
  if (!args) throw new Error('would open a window');
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, confirm: async () => false, env: { TUNNELMEDIC_DATA_DIR: dataDir } });
  return { code, stdout, stderr, dataDir };
}

function policy(content: unknown): string {
  const path = join(tmp(), 'policy.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('headlessArgs: which command lines run without a window', () => {
  const cases: [string[], string[] | null][] = [
    [['--silent'], ['silent']],
    [['--silent', '--policy', 'C:\\p.json', '--out', 'C:\\r.json'], ['silent', '--policy', 'C:\\p.json', '--out', 'C:\\r.json']],
    [['--demo', '--silent', '--remote-debugging-port=0', '--inspect=0'], ['silent', '--demo']],
    [['--silent', '--demo', '--user-data-dir=/tmp/u', '--no-sandbox', '--disable-gpu'], ['silent', '--demo']],
    [['rollback', '--last'], ['rollback', '--last']],
    [['apply-plan', '--plan-file', 'f', '--sha256', 'h'], ['apply-plan', '--plan-file', 'f', '--sha256', 'h']],
    [[], null],
    [['--demo'], null],
    [['--remote-debugging-port=9222'], null],
  ];
  it.each(cases)('%j → %j', (argv, expected) => {
    expect(headlessArgs(argv)).toEqual(expected);
  });
});

describe('the silent run: scan, then fix --yes only for what the policy allows unattended', () => {
  const fix = (id: string) => ({ id, risk: 'low', actions: [] });
  const report = { findings: [{ id: 'route.vpn-default-route-wins', fixes: [fix('route.vpn-default-route-wins:split-now'), fix('route.vpn-default-route-wins:lasting')] }, { id: 'ras.keep-connections-disabled', fixes: [fix('ras.keep-connections-disabled:set')] }, { id: 'os.nt4-service-pack', fixes: [] }] } as never;
  it('maps to the CLI', () => {
    expect(silentScanArgs({ demo: true, policy: 'p.json', 'corp-net': ['10.1.0.0/16'] })).toEqual(['scan', '--demo', '--policy', 'p.json', '--corp-net', '10.1.0.0/16', '--json']);
    expect(silentFixArgs({ policy: 'p.json' }, report, undefined)).toBeNull();
    expect(silentFixArgs({ policy: 'p.json' }, report, { unattended: { allow: [] } })).toBeNull();
    expect(silentFixArgs({ policy: 'p.json' }, report, { unattended: { allow: ['route.vpn-default-route-wins', 'os.nt4-service-pack'] } })).toEqual(['fix', '--policy', 'p.json', '--yes', '--json', '--only', 'route.vpn-default-route-wins:split-now']);
    expect(silentFixArgs({ capture: 'D' }, report, { unattended: { allow: ['route.vpn-default-route-wins'] } })).toBeNull();
  });

  it('a policy that allows the demo\'s fixes: applied, verified, report with the run in --out, exit 0', async () => {
    const out = join(tmp(), 'report.json');
    const r = await desktopApp(['--silent', '--demo', '--policy', join(root, 'samples', 'demo', 'policy.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = expectValidReport(readFileSync(out, 'utf8')) as { run: { verified: boolean; applied: string[] } };
    expect(report.run).toMatchObject({ verified: true, applied: ['route.vpn-default-route-wins:split-now', 'ras.keep-connections-disabled:set', 'lmhosts.missing-domain-entries:add'] });
    expect(readFileSync(join(r.dataDir, 'demo-machine', 'route-print.txt'), 'utf8')).not.toBe(demoRoutes);
  });

  it('a policy without unattended: scan only, nothing changed, exit 1', async () => {
    const out = join(tmp(), 'report.json');
    const r = await desktopApp(['--silent', '--demo', '--policy', policy({ schemaVersion: 1, corporateNetworks: ['10.13.1.0/24'] }), '--out', out]);
    expect(r.code).toBe(1);
    const report = expectValidReport(readFileSync(out, 'utf8'));
    expect(report.run).toBeUndefined();
    expect(readFileSync(join(r.dataDir, 'demo-machine', 'route-print.txt'), 'utf8')).toBe(demoRoutes);
  });

  it('a capture is only scanned (exit 1), even when the policy allows the fix', async () => {
    const out = join(tmp(), 'report.json');
    const r = await desktopApp(['--silent', '--capture', join(root, 'samples', 'demo'), '--policy', join(root, 'samples', 'demo', 'policy.json'), '--out', out]);
    expect(r.code).toBe(1);
    expect(expectValidReport(readFileSync(out, 'utf8')).source).toBe('capture');
  });

  const bad: [string, () => string[], RegExp, number][] = [
    ['an invalid policy', () => ['--silent', '--demo', '--policy', policy({ schemaVersion: 1, unattended: { allow: ['everything'] } })], /unattended\.allow\.0: must be one of/, 4],
    ['--out into a missing folder', () => ['--silent', '--demo', '--out', join(tmp(), 'no', 'r.json')], /the folder .* does not exist/, 4],
    ['an unknown flag', () => ['--silent', '--demo', '--yes'], /--yes is not an option of `tunnelmedic silent`/, 4],
    ['live collection off Windows', () => ['--silent'], /Live collection needs Windows/, 5],
  ];
  it.each(bad)('%s: one line, the CLI exit code', async (_n, argv, message, code) => {
    if (code === 5 && process.platform === 'win32') return;
    const r = await desktopApp(argv());
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('tunnelmedic:'))).toHaveLength(1);
    expect(r.code).toBe(code);
  });
});
