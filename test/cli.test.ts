import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../app/core/model/report';
import { cli, freshDataDir } from './support/cli';

const demoRoutes = readFileSync(join(import.meta.dirname, '..', 'samples', 'demo', 'route-print.txt'), 'utf8');
const workspaceRoutes = (dataDir: string) => readFileSync(join(dataDir, 'demo-machine', 'route-print.txt'), 'utf8');

function captureDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-capture-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('tunnelmedic scan', () => {
  it('finds the FAQ split-tunnel problem on the demo machine and explains it (exit 1)', async () => {
    const r = await cli(['scan', '--demo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The VPN takes all your Internet traffic');
    expect(r.stdout).toContain('[route.vpn-default-route-wins]');
    expect(r.stdout).toContain('route-print.txt:14');
    expect(r.stdout).toMatch(/Traffic to the Internet goes through the VPN tunnel \(Corp VPN\)/);
    expect(r.stdout).toContain('tunnelmedic fix --demo --dry-run');
  });

  it('prints report JSON that matches the report schema, in Dutch with --lang nl', async () => {
    const r = await cli(['scan', '--demo', '--json', '--lang', 'nl']);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.source).toBe('demo');
    expect(report.findings.map((f) => f.id)).toEqual(['route.vpn-default-route-wins', 'ras.keep-connections-disabled', 'lmhosts.missing-domain-entries']);
    expect(report.findings[0]!.title).toBe('De VPN neemt al uw internetverkeer over');
    expect(r.stderr).toBe('');
  });

  it('--corp-net adds a corporate network to the explanation', async () => {
    const r = await cli(['scan', '--demo', '--corp-net', '10.20.0.0/16', '--json']);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.findings[0]!.decisions!.map((d) => d.label)).toEqual(['the Internet', 'corporate network 10.20.0.0/16']);
  });

  it('writes the report with --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tm-out-')), 'report.json');
    const r = await cli(['scan', '--demo', '--quiet', '--out', out]);
    expect(r.code).toBe(1);
    expect(ReportSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).findings).toHaveLength(3);
  });

  it('counts problems in words, singular and plural, in en and nl', async () => {
    expect((await cli(['scan', '--demo'])).stdout).toContain('3 problems found.');
    expect((await cli(['scan', '--demo', '--lang', 'nl'])).stdout).toContain('3 problemen gevonden.');
    expect((await cli(['scan', '--capture', 'samples/win95-osr2'])).stdout).toContain('1 problem found.');
    expect((await cli(['scan', '--capture', 'samples/win95-osr2', '--lang', 'nl'])).stdout).toContain('1 probleem gevonden.');
  });

  it('a healthy capture exits 0', async () => {
    const healthy = demoRoutes.split('\r\n').filter((l) => !/0\.0\.0\.0\s+On-link\s+192\.168\.1\.1/.test(l)).join('\r\n');
    const dir = captureDir({ 'route-print.txt': healthy, 'ipconfig-all.txt': readFileSync('samples/demo/ipconfig-all.txt') });
    const r = await cli(['scan', '--capture', dir]);
    expect(r.stdout).toContain('No problems found.');
    expect(r.code).toBe(0);
  });
});

describe('tunnelmedic fix', () => {
  it('--dry-run prints the fix script followed by its rollback script and changes nothing', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo', '--dry-run'], { dataDir });
    expect(r.code).toBe(1);
    const fixAt = r.stdout.indexOf('----- fix.cmd -----');
    const rollbackAt = r.stdout.indexOf('----- rollback.cmd -----');
    expect(fixAt).toBeGreaterThan(0);
    expect(rollbackAt).toBeGreaterThan(fixAt);
    const fix = r.stdout.slice(fixAt, rollbackAt);
    const rollback = r.stdout.slice(rollbackAt);
    // The FAQ's batch fix, scoped: only the VPN's default route goes, the corporate network is added via the VPN.
    expect(fix).toContain('call :route DELETE 0.0.0.0 MASK 0.0.0.0 192.168.1.1 IF 23');
    expect(fix).toContain('call :route ADD 10.13.1.0 MASK 255.255.255.0 192.168.1.1 METRIC 1 IF 23');
    expect(rollback).toContain('call :route DELETE 10.13.1.0 MASK 255.255.255.0 192.168.1.1 IF 23');
    expect(rollback).toContain('call :route ADD 0.0.0.0 MASK 0.0.0.0 192.168.1.1 METRIC 1 IF 23');
    expect(rollback.indexOf('DELETE 10.13.1.0')).toBeLessThan(rollback.indexOf('ADD 0.0.0.0'));
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it('a non-interactive run without --yes applies nothing and exits 1', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo'], { dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not interactive');
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it('on a terminal it asks, and "no" changes nothing', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo'], { dataDir, isTTY: true, answer: false });
    expect(r.stdout).toContain('Remove the VPN');
    expect(r.stderr).toContain('Nothing was changed.');
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it('--yes applies what the policy allows, verifies (exit 0); rollback --last restores everything exactly', async () => {
    const dataDir = freshDataDir();
    const lmhosts = () => readFileSync(join(dataDir, 'demo-machine', 'lmhosts'));
    const fixed = await cli(['fix', '--demo', '--yes'], { dataDir });
    expect(fixed.stdout).toContain('Applied and verified.');
    expect(fixed.code).toBe(0);
    const after = workspaceRoutes(dataDir);
    expect(after).not.toContain('0.0.0.0          0.0.0.0         On-link       192.168.1.1');
    expect(after).toMatch(/10\.13\.1\.0\s+255\.255\.255\.0\s+On-link\s+192\.168\.1\.1\s+26\r\n/);
    expect(lmhosts().toString('latin1')).toContain('10.13.1.10  "CORP           \\0x1B"  #PRE');
    expect(readFileSync(join(dataDir, 'demo-machine', 'registry', 'simulated.reg'), 'utf8')).toContain('"KeepRasConnections"=dword:00000001');
    expect((await cli(['scan', '--demo', '-q'], { dataDir })).code).toBe(0);

    const undone = await cli(['rollback', '--last', '--demo'], { dataDir });
    expect(undone.stdout).toContain('Undone: 4 changes reversed.');
    expect(undone.code).toBe(0);
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
    expect(lmhosts().equals(readFileSync('samples/demo/lmhosts'))).toBe(true);
    const rescan = ReportSchema.parse(JSON.parse((await cli(['scan', '--demo', '--json'], { dataDir })).stdout));
    expect(rescan.findings.map((f) => f.id)).toEqual(['route.vpn-default-route-wins', 'ras.keep-connections-disabled', 'lmhosts.missing-domain-entries']);
    const again = await cli(['rollback', '--last', '--demo'], { dataDir });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('No run to undo');
  });

  it('"for good": the same route changes plus the VPN profile; undo restores the profile and the table exactly', async () => {
    const dataDir = freshDataDir();
    const profile = () => readFileSync(join(dataDir, 'demo-machine', 'powershell', 'vpnconnection-user.json'), 'utf8');
    const r = await cli(['fix', '--demo', '--only', 'route.vpn-default-route-wins:split-lasting', '--yes'], { dataDir });
    expect(r.stdout).toContain('Applied and verified.');
    expect(JSON.parse(profile())).toMatchObject({ SplitTunneling: true, Routes: [{ DestinationPrefix: '10.13.1.0/24' }] });
    const rescan = ReportSchema.parse(JSON.parse((await cli(['scan', '--demo', '--json'], { dataDir })).stdout));
    expect(rescan.findings.map((f) => f.id)).not.toContain('route.vpn-default-route-wins');
    expect((await cli(['rollback', '--last', '--demo'], { dataDir })).stdout).toContain('Undone: 4 changes reversed.');
    expect(profile()).toBe(readFileSync('samples/demo/powershell/vpnconnection-user.json', 'utf8'));
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it('a finding id picks its first fix only: "now" and "for good" never run together', async () => {
    const r = await cli(['fix', '--demo', '--only', 'route.vpn-default-route-wins', '--dry-run']);
    expect(r.stdout).toContain('route.vpn-default-route-wins:split-now');
    expect(r.stdout).not.toContain('split-lasting');
  });

  it('a failing step is rolled back automatically (exit 2) and the table is as before', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo', '--yes', '--fail-route-call', '2'], { dataDir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Step 2 failed');
    expect(r.stdout).toContain('The route addition failed: The parameter is incorrect.');
    expect(r.stdout).toContain('rolled back');
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it("--lang nl: the engine's own words reach the person in Dutch (progress, outcome, an EngineError)", async () => {
    const dataDir = freshDataDir();
    const failed = await cli(['fix', '--demo', '--yes', '--lang', 'nl', '--fail-route-call', '2'], { dataDir });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('De routetabel wordt opnieuw gelezen');
    expect(failed.stdout).toContain('Stap 2 is mislukt: ');
    // what the table showed instead, in Dutch too (route.exe's own words stay as evidence)
    expect(failed.stdout).toMatch(/route 10\.13\.1\.0 masker 255\.255\.255\.0 met gateway 192\.168\.1\.1 op interface 23 staat niet in de tabel/);
    expect(failed.stdout).toContain('Alles wat was veranderd, is teruggezet.');
    expect(failed.stdout).not.toMatch(/Step 2 failed|rolled back/);
    const fixed = await cli(['fix', '--demo', '--yes', '--lang', 'nl'], { dataDir });
    expect(fixed.stdout).toContain('Toegepast en gecontroleerd.');
    // the CLI's own lines too: the run and how to undo it
    const runId = /\nOngedaan maken met: tunnelmedic rollback (\S+) --demo\n/.exec(fixed.stdout)![1]!;
    expect(fixed.stdout).toContain(`Uitvoering ${runId}; logboek: `);
    const undone = await cli(['rollback', runId, '--demo', '--lang', 'nl'], { dataDir });
    expect(undone.stdout).toContain('Ongedaan gemaakt: 4 wijzigingen teruggedraaid.');
    // the same run again: ALREADY_UNDONE, an EngineError from the engine, worded in Dutch
    const again = await cli(['rollback', runId, '--demo', '--lang', 'nl'], { dataDir });
    expect(again.stderr).toBe(`tunnelmedic: Uitvoering ${runId} is al ongedaan gemaakt.\n`);
    expect((await cli(['rollback', runId, '--demo'], { dataDir })).stderr).toBe(`tunnelmedic: Run ${runId} has already been undone.\n`);
    expect((await cli(['rollback', 'nonsense', '--demo', '--lang', 'nl'], { dataDir })).stderr).toContain('Geen uitvoerings-id: nonsense');
  });

  it('a failing rollback exits 3 and names the journal', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo', '--yes', '--fail-route-call', '2,3'], { dataDir });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Manual action needed; journal:');
    expect(r.stdout).toContain(join(dataDir, 'runs'));
  });

  it('unattended --yes without a policy allowing the fix applies nothing', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo', '--corp-net', '10.13.1.0/24', '--yes'], { dataDir });
    expect(r.stderr).toContain("Skipped (not in the policy's unattended.allow): route.vpn-default-route-wins:split-now");
    expect(r.code).toBe(1);
    expect(workspaceRoutes(dataDir)).toBe(demoRoutes);
  });

  it('--only with an id that has no fix is a usage error', async () => {
    const r = await cli(['fix', '--demo', '--only', 'lmhosts.syntax', '--dry-run']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('no fix for lmhosts.syntax');
  });

  it('a capture of another machine cannot be changed, only previewed', async () => {
    const r = await cli(['fix', '--capture', 'samples/demo', '--yes']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--dry-run');
  });
});

describe('bad input gets one clear message, the right exit code and no stack trace', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['unknown flag', () => ['scan', '--demo', '--colour'], 4, /Unknown option '--colour'/],
    ['flag of another command', () => ['scan', '--demo', '--yes'], 4, /--yes is not an option of `tunnelmedic scan`/],
    ['unknown command', () => ['frobnicate'], 4, /Unknown command "frobnicate"/],
    ['missing capture directory', () => ['scan', '--capture', '/nonexistent/capture'], 4, /Capture directory not found: \/nonexistent\/capture/],
    ['a Linux `ip route` as route-print.txt', () => ['scan', '--capture', captureDir({ 'route-print.txt': 'default via 192.168.1.1 dev wlp2s0 proto dhcp metric 600\n192.168.1.0/24 dev wlp2s0 proto kernel scope link src 192.168.1.23\n' })], 4, /route-print\.txt:1: not a Windows route print output/],
    ['binary garbage', () => ['scan', '--capture', captureDir({ 'route-print.txt': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) })], 4, /route-print\.txt: binary data/],
    ['an empty directory', () => ['scan', '--capture', captureDir({ 'notes.txt': 'hello' })], 4, /holds none of the capture files/],
    ['an invalid policy', () => ['scan', '--demo', '--policy', policyFile({ schemaVersion: 1, corporateNetworks: ['10.13.1.0/33'], extra: true })], 4, /corporateNetworks\.0: 10\.13\.1\.0\/33 is not a network\. Write it like 10\.13\.1\.0\/24\.[\s\S]*\(top level\): unknown field "extra"/],
    ['a policy that is not JSON', () => ['scan', '--demo', '--policy', policyFile('{"schemaVersion": 1,')], 4, /is not valid JSON/],
    ['a bad --corp-net', () => ['scan', '--demo', '--corp-net', '10.13.1.0'], 4, /--corp-net 10\.13\.1\.0 is not a network\. Write it like 10\.13\.1\.0\/24/],
    ['--lang xx', () => ['scan', '--demo', '--lang', 'xx'], 4, /--lang xx: supported are en, nl/],
    ['--out into a missing folder', () => ['scan', '--demo', '--out', '/nonexistent/dir/report.json'], 4, /--out \/nonexistent\/dir\/report\.json: the folder \/nonexistent\/dir does not exist/],
  ];
  it.each(cases)('%s', async (_name, args, code, message) => {
    const r = await cli(args());
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(code);
  });

  it('live collection on a machine that is not Windows exits 5', async () => {
    const r = await cli(['scan']);
    expect(r.code).toBe(process.platform === 'win32' ? expect.any(Number) : 5);
    if (process.platform !== 'win32') expect(r.stderr).toContain('Live collection needs Windows');
  });

  it('a capture with one unreadable file still analyses the rest and names the file', async () => {
    const dir = captureDir({ 'route-print.txt': readFileSync('samples/demo/route-print.txt'), 'ipconfig-all.txt': 'default via 10.0.0.1 dev eth0\n' });
    const r = await cli(['scan', '--capture', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ipconfig-all.txt: not understood');
    expect(r.stdout).toContain('route.vpn-default-route-wins');
  });
});

describe('help and version', () => {
  it.each(['scan', 'fix', 'rollback', 'collect'])('%s --help', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: tunnelmedic ${command}`);
  });
  it('--version and bare invocation', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^tunnelmedic \d+\.\d+\.\d+/);
    const bare = await cli([]);
    expect(bare.code).toBe(4);
    expect(bare.stdout).toContain('Exit codes:');
  });
});

function policyFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-policy-')), 'policy.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
