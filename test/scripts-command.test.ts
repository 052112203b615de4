import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporateNetwork, decideDefaultRoute, machineRoutesFromSnapshot, planRemediation, VPN_PATTERN, type MachineRoutes, type NetInterfaceInfo } from '../app/core/fleet/default-route';
import { DATA_BEGIN, DATA_END, DETECT_CODE, REMEDIATE_CODE, renderIntuneDetect, renderIntuneRemediate } from '../app/core/fleet/intune-ps1';
import { parseNetRouteTable } from '../app/core/fleet/netroute-table';
import { routeArgv } from '../app/core/remedy/actions';
import { ReportSchema } from '../app/core/model/report';
import { corpusAvailable, readCorpus } from './corpus';
import { cli } from './support/cli';
import { checkPs1Structure, singleQuotedLiterals } from './support/ps1-structure';

const tmp = () => mkdtempSync(join(tmpdir(), 'tm-scripts-'));
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('tunnelmedic scripts --out DIR', () => {
  it('writes the fix/rollback scripts, the Intune pair and README.txt (exit 1: findings)', async () => {
    const out = join(tmp(), 'fleet');
    const r = await cli(['scripts', '--demo', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Wrote 27 files to ${out}; see README.txt there.\n`);
    expect(r.stderr).toContain('[27/27] README.txt');
    // every companion file a .cmd reads (the LMHOSTS edit's old and new bytes) is written beside it
    for (const dir of ['', 'fixes/lmhosts.missing-domain-entries_add/']) {
      const names = [...new Set(read(out, `${dir}fix.cmd`).match(/tunnelmedic-lmhosts-[0-9a-f]+-\d+\.txt/g) ?? [])];
      expect(names).toHaveLength(2);
      for (const n of names) expect(existsSync(join(out, dir, n)), `${dir}${n}`).toBe(true);
    }
    for (const f of ['fix.cmd', 'rollback.cmd', 'fix.ps1', 'rollback.ps1', 'intune-detect.ps1', 'intune-remediate.ps1', 'README.txt']) expect(existsSync(join(out, f)), f).toBe(true);
    const fix = read(out, 'fix.cmd');
    const rollback = read(out, 'rollback.cmd');
    expect(fix).toContain('call :route DELETE 0.0.0.0 MASK 0.0.0.0 192.168.1.1 IF 23\r\n');
    expect(fix).toContain('call :route ADD 10.13.1.0 MASK 255.255.255.0 192.168.1.1 METRIC 1 IF 23\r\n');
    expect(rollback.indexOf('call :route DELETE 10.13.1.0')).toBeLessThan(rollback.indexOf('call :route ADD 0.0.0.0'));
    expect(read(out, 'fix.ps1').startsWith('\uFEFF#Requires -Version 4.0\r\n#Requires -RunAsAdministrator\r\n')).toBe(true);
    expect(read(out, 'fix.ps1')).toContain("Invoke-Route 1 @('DELETE', '0.0.0.0', 'MASK', '0.0.0.0', '192.168.1.1', 'IF', '23')");
    expect(read(out, 'fixes/route.vpn-default-route-wins_split-now/fix.cmd')).toContain('call :route DELETE 0.0.0.0 MASK 0.0.0.0 192.168.1.1 IF 23\r\n');
    expect(read(out, 'fixes/route.vpn-default-route-wins_split-now/rollback.ps1')).toContain("@('DELETE', '10.13.1.0', 'MASK', '255.255.255.0', '192.168.1.1', 'IF', '23')");
    const readme = read(out, 'README.txt');
    expect(readme).toContain('On demo machine it would exit 1: Problem present: the VPN default route on interface 23 (metric 26) beats the LAN default route on interface 12 (metric 50).');
    expect(readme).toContain('    10.13.1.0/24');
    expect(read(out, 'intune-remediate.ps1')).toContain("@{ Cidr = '10.13.1.0/24'; Destination = '10.13.1.0'; Mask = '255.255.255.0'; PrefixLength = 24; FirstHost = '10.13.1.1' }");
  });

  it('a healthy machine gets scripts that do nothing (exit 0); --json prints only JSON', async () => {
    const cap = tmp();
    const routes = readFileSync('samples/demo/route-print.txt', 'utf8').split('\r\n').filter((l) => !/0\.0\.0\.0\s+On-link\s+192\.168\.1\.1/.test(l)).join('\r\n');
    writeFileSync(join(cap, 'route-print.txt'), routes);
    const out = join(tmp(), 'x');
    const r = await cli(['scripts', '--capture', cap, '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ out, findings: [] });
    expect(read(out, 'fix.cmd')).toContain('all 0 steps done');
    expect(read(out, 'README.txt')).toContain('it would exit 0');
  });

  it.each(['scripts', 'report'])('%s --help', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: tunnelmedic ${command}`);
  });

  const bad: [string, (d: string) => string[], RegExp][] = [
    ['no --out', () => ['scripts', '--demo'], /scripts needs --out DIR/],
    ['a missing parent folder', (d) => ['scripts', '--demo', '--out', join(d, 'a', 'b')], /the folder .*a does not exist/],
    ['--out is a file', (d) => ['scripts', '--demo', '--out', join(d, 'file')], /is a file; give a folder/],
    ['--redact is not an option of scripts', (d) => ['scripts', '--demo', '--out', d, '--redact'], /--redact is not an option of `tunnelmedic scripts`/],
  ];
  it.each(bad)('%s: one line, exit 4', async (_n, args, message) => {
    const d = tmp();
    writeFileSync(join(d, 'file'), 'x');
    const r = await cli(args(d));
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('tunnelmedic:'))).toHaveLength(1);
    expect(r.code).toBe(4);
  });
});

const opts = { madeFrom: 'demo machine', toolVersion: '0.1.0' };
const corp = ['10.13.1.0/24', '172.16.0.0/12'].map((c) => corporateNetwork(c)!);

describe('Intune scripts: structure (no PowerShell here; this is a tokenizer check, see README)', () => {
  for (const [name, text, code] of [
    ['intune-detect.ps1', renderIntuneDetect(opts), DETECT_CODE],
    ['intune-remediate.ps1', renderIntuneRemediate(corp, opts), REMEDIATE_CODE],
  ] as const) {
    it(`${name}: balanced outside strings, fixed code after a data block of quoted literals`, () => {
      expect(checkPs1Structure(text)).toEqual([]);
      expect(text.endsWith(code.join('\r\n') + '\r\n')).toBe(true);
      const data = text.slice(text.indexOf(DATA_BEGIN), text.indexOf(DATA_END)).split('\r\n').slice(1).filter(Boolean);
      for (const line of data) {
        expect(line).toMatch(/^(\$Tm\w+ = ('(?:[^']|'')*'|@\(\d+(?:, \d+)*\)|Join-Path \$env:(ProgramData|SystemRoot) '(?:[^']|'')*'|@\()|  @\{ Cidr = '[\d./]+'; Destination = '[\d.]+'; Mask = '[\d.]+'; PrefixLength = \d+; FirstHost = '[\d.]+' \},?|\))$/);
      }
      expect(text).toContain('#Requires -Version 5.1');
      expect(text).not.toMatch(/Invoke-Expression|iex |Start-Process|-EncodedCommand/);
    });
  }

  it('the check itself finds broken scripts', () => {
    expect(checkPs1Structure("if ($a) { Write-Output 'x' ")).toEqual(['line 1: { never closed']);
    expect(checkPs1Structure("Write-Output 'it's'")).toEqual(['unterminated single string or subexpression at the end']);
    expect(checkPs1Structure('Write-Output "$($a.b"')).toContain('unterminated double string or subexpression at the end');
    expect(checkPs1Structure("# ' ( { in a comment\r\n$a = @('x', \"y$($b)\")")).toEqual([]);
  });

  it('every rule of default-route.ts has its PowerShell statement', () => {
    const ps = REMEDIATE_CODE.join('\n');
    for (const statement of [
      'Get-NetRoute -AddressFamily IPv4 -DestinationPrefix $TmDefaultPrefix -PolicyStore ActiveStore',
      'Get-NetIPInterface -AddressFamily IPv4',
      'Get-NetAdapter -InterfaceIndex $index -IncludeHidden',
      'Effective = [int]$r.RouteMetric + $ifMetric',
      'if (-not $Interface.HasAdapter) { return $true }',
      'if ($TmTunnelTypes -contains $Interface.InterfaceType) { return $true }',
      '($Interface.Description -match $TmVpnPattern) -or ($Interface.Alias -match $TmVpnPattern)',
      'Sort-Object -Property Effective, IfIndex',
      '($vpn.Count -gt 0) -and ($lan.Count -gt 0) -and ($vpn[0].Effective -lt $lan[0].Effective)',
      "if ($Rated.NextHop -ne '0.0.0.0') { return $Rated.NextHop }",
      "@('DELETE', '0.0.0.0', 'MASK', '0.0.0.0', $gateway, 'IF', [string]$r.IfIndex)",
      'if ($length -le 1) { continue }',
      "@('ADD', $net.Destination, 'MASK', $net.Mask, $tunnelGateway, 'METRIC', '1', 'IF', [string]$tunnel.IfIndex)",
      "if (-not $plan.Decision.Present) {",
      "if ($out -and ($out -notmatch 'OK!'))",
      'Add-Content -LiteralPath (Join-Path $TmLogDir $TmLogName)',
    ]) expect(ps, statement).toContain(statement);
    expect(DETECT_CODE.join('\n')).toContain('if ($decision.Present) { exit 1 }');
    expect(singleQuotedLiterals(renderIntuneDetect(opts).split('\r\n').find((l) => l.startsWith('$TmVpnPattern'))!)).toEqual([VPN_PATTERN]);
  });

  it('any text in the data block stays one quoted literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '"', '`', '$', '(', ')', '{', '}', '#', '\n', '\r', '\u2019', '\u201c', ';', 'a', ' ', '\\') , maxLength: 40 }), (madeFrom) => {
        const text = renderIntuneRemediate(corp, { madeFrom, toolVersion: '0.1.0' });
        expect(checkPs1Structure(text)).toEqual([]);
        const line = text.split('\r\n').find((l) => l.startsWith('$TmMadeFrom = '))!;
        expect(singleQuotedLiterals(line)).toEqual([`tunnelmedic 0.1.0; ${madeFrom.replace(/[\r\n\u0000-\u001f]+/g, ' ')}`]);
      }),
      { numRuns: 300 },
    );
  });
});

/** What Get-NetAdapter says about the interfaces of the recorded AnyConnect machine (jacob-pro/wsl2-dns-agent ROUTING.md). */
const ANYCONNECT_IFS: NetInterfaceInfo[] = [
  { ifIndex: 56, alias: 'Ethernet 3', description: 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64', interfaceType: 6, hasAdapter: true, ipv4: ['10.17.104.22'] },
  { ifIndex: 17, alias: 'Wi-Fi', description: 'Intel(R) Wi-Fi 6 AX201 160MHz', interfaceType: 71, hasAdapter: true, ipv4: ['10.2.9.17'] },
  { ifIndex: 13, alias: 'Ethernet', description: 'Intel(R) Ethernet Connection (7) I219-LM', interfaceType: 6, hasAdapter: true, ipv4: ['10.2.9.13'] },
  { ifIndex: 26, alias: 'vEthernet (WSL)', description: 'Hyper-V Virtual Ethernet Adapter', interfaceType: 6, hasAdapter: true, ipv4: ['172.31.64.1'] },
];

describe.skipIf(!corpusAvailable)('Intune decision logic on recorded Get-NetRoute outputs (../shared/corpus/powershell)', () => {
  const rows = (file: string) => {
    const parsed = parseNetRouteTable(readCorpus('powershell', file));
    expect(parsed.skipped).toEqual([]);
    return parsed.rows;
  };

  it('three defaults, AnyConnect metric raised to 6000 by the author: LAN wins, detection exits 0, remediation does nothing', () => {
    const m: MachineRoutes = { routes: rows('get-netroute-anyconnect-three-defaults-headerless.txt'), interfaces: ANYCONNECT_IFS };
    const d = decideDefaultRoute(m);
    expect(d.vpn.map((r) => [r.ifIndex, r.effective])).toEqual([[56, 6001]]);
    expect(d.lan.map((r) => [r.ifIndex, r.effective])).toEqual([[13, 25], [17, 50]]);
    expect(d.present).toBe(false);
    expect(planRemediation(m, corp).steps).toEqual([]);
  });

  it('the same rows with AnyConnect at its usual interface metric 1: present; remediation deletes it and routes the networks AnyConnect does not cover', () => {
    const recorded = rows('get-netroute-anyconnect-three-defaults-headerless.txt').map((r) => (r.ifIndex === 56 ? { ...r, interfaceMetric: 1 } : r));
    const m: MachineRoutes = { routes: [...recorded, ...rows('get-netroute-anyconnect-overlapping-wsl-route-headerless.txt')], interfaces: ANYCONNECT_IFS };
    const { decision, steps } = planRemediation(m, ['172.31.64.0/20', '10.50.0.0/16'].map((c) => corporateNetwork(c)!));
    expect(decision.present).toBe(true);
    expect(decision.message).toBe('Problem present: the VPN default route on interface 56 (metric 2) beats the LAN default route on interface 13 (metric 25).');
    expect(steps.map((s) => s.argv.join(' '))).toEqual(['DELETE 0.0.0.0 MASK 0.0.0.0 10.17.104.1 IF 56', 'ADD 10.50.0.0 MASK 255.255.0.0 10.17.104.1 METRIC 1 IF 56']);
  });

  it('the WSL2 table with its header: no default route, not present', () => {
    const m: MachineRoutes = { routes: rows('get-netroute-wsl2-routes-table-header.txt'), interfaces: ANYCONNECT_IFS };
    expect(m.routes).toHaveLength(3);
    expect(decideDefaultRoute(m)).toMatchObject({ present: false, vpn: [], lan: [] });
  });
});

describe('Intune remediation = the fix TunnelMedic applies itself', () => {
  it('on the demo machine it plans exactly the route actions of route.vpn-default-route-wins:split-now', async () => {
    const report = ReportSchema.parse(JSON.parse((await cli(['scan', '--demo', '--json'])).stdout));
    const fix = report.findings[0]!.fixes[0]!;
    const { decision, steps } = planRemediation(machineRoutesFromSnapshot(report.snapshot), [corporateNetwork('10.13.1.0/24')!]);
    expect(decision.present).toBe(true);
    expect(steps.map((s) => s.argv)).toEqual(fix.actions.map(routeArgv));
    // idempotent: once the VPN default is gone there is nothing to do
    const fixed = machineRoutesFromSnapshot(report.snapshot);
    fixed.routes = fixed.routes.filter((r) => !(r.destinationPrefix === '0.0.0.0/0' && r.ifIndex === 23));
    expect(planRemediation(fixed, [corporateNetwork('10.13.1.0/24')!]).steps).toEqual([]);
  });

  it('an IP interface without an adapter is a RAS connection (on-link: named by its own address); a Hyper-V switch is not a VPN', () => {
    const base = { interfaceType: 6, hasAdapter: true, ipv4: [] };
    const m: MachineRoutes = {
      routes: [
        { ifIndex: 5, destinationPrefix: '0.0.0.0/0', nextHop: '0.0.0.0', routeMetric: 0, interfaceMetric: 1 },
        { ifIndex: 9, destinationPrefix: '0.0.0.0/0', nextHop: '192.168.0.1', routeMetric: 0, interfaceMetric: 25 },
      ],
      interfaces: [
        { ...base, ifIndex: 5, alias: 'Office', description: '', hasAdapter: false, ipv4: ['10.99.0.7'] },
        { ...base, ifIndex: 9, alias: 'vEthernet (Default Switch)', description: 'Hyper-V Virtual Ethernet Adapter' },
      ],
    };
    const { steps } = planRemediation(m, []);
    expect(steps.map((s) => s.argv.join(' '))).toEqual(['DELETE 0.0.0.0 MASK 0.0.0.0 10.99.0.7 IF 5']);
  });
});
