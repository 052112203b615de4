import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporateNetwork, decideDefaultRoute, machineRoutesFromSnapshot, planRemediation, stepTookEffect, VPN_PATTERN, type MachineRoutes, type NetInterfaceInfo } from '../app/core/fleet/default-route';
import { DATA_BEGIN, DATA_END, DETECT_CODE, REMEDIATE_CODE, renderIntuneDetect, renderIntuneRemediate } from '../app/core/fleet/intune-ps1';
import { parseNetRouteTable } from '../app/core/fleet/netroute-table';
import { routeArgv } from '../app/core/remedy/actions';
import { analyseCapture } from '../app/core/analyse';
import { ReportSchema } from '../app/core/model/report';
import { RouteTable } from '../app/core/sim/route-table';
import { cellName, LANGUAGES } from '../app/core/sim/windows-cell';
import { readCaptureDir } from '../app/system/capture-reader';
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

  it('--lang nl: README.txt, titles and what the scripts say on their own in Dutch; ids, files and paths as they are', async () => {
    const out = join(tmp(), 'vloot');
    const r = await cli(['scripts', '--demo', '--out', out, '--lang', 'nl']);
    expect(r.code).toBe(1);
    const readme = read(out, 'README.txt');
    expect(readme.split('\r\n')[0]).toMatch(/^TunnelMedic \S+-scripts voor de demo-pc \(rapport van /);
    expect(readme).toContain('  Op de demo-pc zou ze eindigen met 1: Probleem aanwezig: de VPN-standaardroute op interface 23 (metriek 26) wint van de LAN-standaardroute op interface 12 (metriek 50).');
    expect(readme).toContain('    route.vpn-default-route-wins:split-lasting (blijvend)');
    expect(readme).toContain('  [Ernstig] route.vpn-default-route-wins: ');
    expect(readme).toContain('fixes\\<fix id>\\');
    // no English sentence left (every README line of the English catalogue is gone)
    for (const english of ['Findings on that machine', 'Run elevated', 'Undo everything', 'Each fix on its own', 'Detection exits', 'it would exit', 'Remediation removes', 'It changes nothing', 'These scripts are rendered']) expect(readme).not.toContain(english);
    const fix = read(out, 'fix.cmd');
    expect(fix).toContain('echo TunnelMedic: 3 oplossingen voor de demo-pc\r\n');
    expect(fix).toMatch(/echo TunnelMedic: alle \d+ stappen zijn gedaan\.\r\n/);
    expect(read(out, 'rollback.cmd')).toMatch(/echo \[1\/\d+\] Ongedaan maken: /);
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
        expect(line).toMatch(/^(\$Tm\w+ = ('(?:[^']|'')*'|@\(\d+(?:, \d+)*\)|Join-Path \$env:(ProgramData|SystemRoot) '(?:[^']|'')*'|@\()| {2}@\{ Cidr = '[\d./]+'; Destination = '[\d.]+'; Mask = '[\d.]+'; PrefixLength = \d+; FirstHost = '[\d.]+' \},?|\))$/);
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
      // rule 6: every step carries what the table must show, and a fresh read judges it
      "$check = [pscustomobject]@{ Present = $false; Prefix = $TmDefaultPrefix; NextHop = $gateway; IfIndex = $r.IfIndex; Metric = 0 }",
      "$check = [pscustomobject]@{ Present = $true; Prefix = ('{0}/{1}' -f $net.Destination, $net.PrefixLength); NextHop = $tunnelGateway; IfIndex = $tunnel.IfIndex; Metric = 1 }",
      '$own = ($null -ne $interface) -and (@($interface.IPv4) -contains $Check.NextHop)',
      "([string]$_.DestinationPrefix -eq $Check.Prefix) -and ([int]$_.ifIndex -eq $Check.IfIndex) -and (([string]$_.NextHop -eq $Check.NextHop) -or ($own -and ([string]$_.NextHop -eq '0.0.0.0')))",
      'if (-not $Check.Present) { return ($match.Count -eq 0) }',
      '@($match | Where-Object { [int]$_.RouteMetric -eq $Check.Metric }).Count -gt 0',
      'if (-not (Test-TmStepDone (Get-TmMachineRoutes) $step.Check)) { throw',
      'Add-Content -LiteralPath (Join-Path $TmLogDir $TmLogName)',
    ]) expect(ps, statement).toContain(statement);
    expect(DETECT_CODE.join('\n')).toContain('if ($decision.Present) { exit 1 }');
    // route.exe's words are evidence only: the output is logged, never tested
    const outUses = REMEDIATE_CODE.filter((l) => /\$out\b/.test(l));
    expect(outUses).toEqual(["    $out = (& $TmRoute @routeArgs 2>&1 | Out-String).Trim()", '    if ($out) { Write-TmLog $out }']);
    // the step loop runs route.exe, logs, then judges by the table, in that order
    const loop = REMEDIATE_CODE.join('\n');
    expect(loop.indexOf('& $TmRoute @routeArgs')).toBeLessThan(loop.indexOf('Test-TmStepDone (Get-TmMachineRoutes) $step.Check'));
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

/**
 * Rule 6 (issue 11): the remediation judges each route.exe step by a fresh read of the table.
 * No PowerShell runs here (none is installed), so the judgement is exercised through its TypeScript
 * twin `stepTookEffect` (the test above pins each PowerShell statement of Test-TmStepDone to it),
 * on the route-table simulator in every display language of Windows 10/11 (Get-NetRoute needs
 * Windows 8+), with route.exe printing its own words, nothing we know, or " OK!" for a change that
 * did not happen.
 */
describe('Intune remediation judges each step by the route table, in every display language', () => {
  const prefixOf = (mask: string) => mask.split('.').reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0);
  /** What Get-NetRoute (ActiveStore) and Get-NetIPAddress would show of a simulated table. */
  const readTable = (table: RouteTable, interfaces: NetInterfaceInfo[]): MachineRoutes => {
    const state = table.state();
    return {
      routes: state.routes.map((r) => ({
        ifIndex: r.interfaceIndex,
        destinationPrefix: `${r.destination}/${prefixOf(r.netmask)}`,
        nextHop: r.gateway === 'On-link' ? '0.0.0.0' : r.gateway,
        routeMetric: r.routeMetric,
        interfaceMetric: state.interfaces.find((i) => i.index === r.interfaceIndex)!.interfaceMetric,
      })),
      interfaces: interfaces.map((i) => ({ ...i, ipv4: state.interfaces.find((s) => s.index === i.ifIndex)?.addresses.map((a) => a.address) ?? i.ipv4 })),
    };
  };
  const cells = LANGUAGES.map((language) => ({ generation: '10' as const, language }));

  it('a step that took effect is done whatever route.exe printed; one that did not is failed even after " OK!"', async () => {
    const { snapshot } = analyseCapture(await readCaptureDir('samples/demo'), { corporateNetworks: ['10.13.1.0/24', '172.16.0.0/12'], toolVersion: 't' }).report;
    const interfaces = machineRoutesFromSnapshot(snapshot).interfaces;
    let judged = 0;
    for (const cell of cells) {
      const start = RouteTable.fromRoutes(snapshot.interfaces, snapshot.routes, snapshot.persistentRoutes, { windows: cell }).table;
      const { steps } = planRemediation(readTable(start, interfaces), [corporateNetwork('10.13.1.0/24')!, corporateNetwork('172.16.0.0/12')!]);
      expect(steps.map((s) => s.argv[0])).toEqual(['DELETE', 'ADD', 'ADD']);
      expect(steps[2]!.check.prefix).toBe('172.16.0.0/12');
      const table = start.clone();
      for (const step of steps) {
        const before = readTable(table, interfaces);
        expect(stepTookEffect(before, step.check), `${cellName(cell)} ${step.label}: not done before it ran`).toBe(false);
        // route.exe's words for this cell are whatever it prints; the judgement never reads them
        const out = table.exec(step.argv).stdout;
        expect(out.trim(), cellName(cell)).not.toBe('');
        expect(stepTookEffect(readTable(table, interfaces), step.check), `${cellName(cell)} ${step.label}`).toBe(true);
        // the same step again fails in the cell's own words and changes nothing: still done
        const again = table.clone();
        const repeat = again.exec(step.argv).stdout;
        expect(repeat, cellName(cell)).not.toBe(out);
        expect(stepTookEffect(readTable(again, interfaces), step.check)).toBe(true);
        // " OK!" printed while nothing changed (the table as it was before the step): failed
        expect(stepTookEffect(before, step.check)).toBe(false);
        judged++;
      }
    }
    expect(judged).toBe(cells.length * 3);
  });

  it('an added route on another interface, through another gateway or with another metric is not the planned one', () => {
    const lan: NetInterfaceInfo = { ifIndex: 12, alias: 'Ethernet', description: 'Intel', interfaceType: 6, hasAdapter: true, interfaceMetric: 25, ipv4: ['192.168.1.50'] };
    const tun: NetInterfaceInfo = { ifIndex: 23, alias: 'Office', description: '', interfaceType: 0, hasAdapter: false, interfaceMetric: 1, ipv4: ['10.13.0.7'] };
    const row = (ifIndex: number, nextHop: string, routeMetric: number) => ({ ifIndex, destinationPrefix: '10.13.1.0/24', nextHop, routeMetric, interfaceMetric: 1 });
    const add = { present: true, prefix: '10.13.1.0/24', nextHop: '10.13.0.7', ifIndex: 23, metric: 1 };
    const with_ = (...routes: ReturnType<typeof row>[]): MachineRoutes => ({ routes, interfaces: [lan, tun] });
    expect(stepTookEffect(with_(row(23, '0.0.0.0', 1)), add)).toBe(true); // on-link through its own address
    expect(stepTookEffect(with_(row(23, '10.13.0.7', 1)), add)).toBe(true);
    expect(stepTookEffect(with_(row(12, '0.0.0.0', 1)), add)).toBe(false);
    expect(stepTookEffect(with_(row(23, '10.13.0.1', 1)), add)).toBe(false);
    expect(stepTookEffect(with_(row(23, '0.0.0.0', 5)), add)).toBe(false);
    expect(stepTookEffect(with_(row(23, '0.0.0.0', 1)), { ...add, prefix: '10.13.0.0/16' })).toBe(false);
    const del = { ...add, present: false, metric: 0 };
    expect(stepTookEffect(with_(row(23, '0.0.0.0', 7)), del)).toBe(false); // still there, whatever its metric
    expect(stepTookEffect(with_(row(12, '192.168.1.1', 1)), del)).toBe(true); // another route to the prefix may stay
  });
});
