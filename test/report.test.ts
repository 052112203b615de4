import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { cli, freshDataDir } from './support/cli';
import { expectValidReport } from './support/report-schema';

const root = join(import.meta.dirname, '..');
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const unzip = (path: string) => Object.fromEntries(Object.entries(unzipSync(readFileSync(path))).map(([name, bytes]) => [name, strFromU8(bytes)]));

describe('report --out FILE.html', () => {
  it('is one self-contained page: machine summary, findings with evidence, applied runs', async () => {
    const dataDir = freshDataDir();
    expect((await cli(['fix', '--demo', '--yes'], { dataDir })).code).toBe(0);
    expect((await cli(['rollback', '--last', '--demo'], { dataDir })).code).toBe(0);
    const out = join(tmp('tm-html-'), 'report.html');
    const r = await cli(['report', '--demo', '--out', out], { dataDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Wrote ${out} (HTML).\n`);
    expect(r.stderr).toContain('[3/3] Writing');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!json-schema)/i);
    expect(html).toContain('<th>Computer</th><td>LAPTOP-DEMO</td>');
    expect(html).toContain('Corp VPN');
    expect(html).toContain('The VPN takes all your Internet traffic');
    expect(html).toContain('<code>route-print.txt:14</code>');
    expect(html).toContain('Which route wins');
    expect(html).toContain('call :route DELETE 0.0.0.0 MASK 0.0.0.0 192.168.1.1 IF 23');
    expect(html).toMatch(/<h2>Applied runs<\/h2><table>.*route\.vpn-default-route-wins:split-now.*undone/s);
  });

  it('escapes what it shows from the machine', async () => {
    const dir = tmp('tm-cap-');
    writeFileSync(join(dir, 'route-print.txt'), readFileSync(join(root, 'samples/demo/route-print.txt')));
    writeFileSync(join(dir, 'capture.json'), JSON.stringify({ schemaVersion: 1, hostname: '<img onerror=x>' }));
    const out = join(dir, 'r.html');
    await cli(['report', '--capture', dir, '--out', out, '-q']);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('A capture holds no run history');
  });
});

describe('report --out FILE.zip', () => {
  it('holds report.json (valid), report.html and the raw capture', async () => {
    const out = join(tmp('tm-zip-'), 'report.zip');
    const r = await cli(['report', '--capture', join(root, 'samples/win11-ras-errors'), '--out', out]);
    expect(r.code).toBe(1);
    const files = unzip(out);
    expect(Object.keys(files).sort()).toEqual(['capture/capture.json', 'capture/pbk/rasphone.pbk', 'capture/rasclient-events.txt', 'capture/route-print.txt', 'capture/ver.txt', 'report.html', 'report.json']);
    expectValidReport(files['report.json']);
    expect(files['capture/rasclient-events.txt']).toBe(readFileSync(join(root, 'samples/win11-ras-errors/rasclient-events.txt'), 'utf8'));
  });
});

/** A capture that leaks everything --redact must hide (values chosen to be easy to search for). */
const LEAKY = {
  names: ['LAPTOP-JDV', 'Jan de Vries', 'Contoso Dredging BV', 'contoso-dredging.nl', 'CDBDC01', 'jdevries', 'CONTOSO', 'vpn.contoso-dredging.nl', 'S-1-5-21-1004336348-1177238915-682003330-1001', '2a02:a46c:1234:1:5d2e:1111:2222:3333', '52.174.10.20'],
  files: {
    'capture.json': JSON.stringify({ schemaVersion: 1, hostname: 'LAPTOP-JDV' }),
    'route-print.txt': readFileSync(join(root, 'samples/demo/route-print.txt'), 'utf8'),
    'ipconfig-all.txt': readFileSync(join(root, 'samples/demo/ipconfig-all.txt'), 'utf8')
      .replace('LAPTOP-DEMO', 'LAPTOP-JDV')
      .replace('Primary Dns Suffix  . . . . . . . :', 'Primary Dns Suffix  . . . . . . . : contoso-dredging.nl')
      .replace('   Lease Obtained', '   IPv6 Address. . . . . . . . . . . : 2a02:a46c:1234:1:5d2e:1111:2222:3333(Preferred)\r\n   Lease Obtained'),
    'systeminfo.txt': ['', 'Host Name:                 LAPTOP-JDV', 'OS Name:                   Microsoft Windows 10 Pro', 'OS Version:                10.0.19045 N/A Build 19045', 'Registered Owner:          Jan de Vries', 'Registered Organization:   Contoso Dredging BV', 'Domain:                    contoso-dredging.nl', 'Logon Server:              \\\\CDBDC01', ''].join('\r\n'),
    'registry/winlogon.txt': ['', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon', '    DefaultUserName    REG_SZ    jdevries', '    DefaultDomainName    REG_SZ    CONTOSO', '    KeepRasConnections    REG_SZ    0', ''].join('\r\n'),
    'rasclient-events.txt': [
      'Event[0]:', '  Log Name: Application', '  Source: RasClient', '  Date: 2026-11-18T09:21:07.5510000Z', '  Event ID: 20227', '  Task: N/A', '  Level: Error', '  Opcode: Info', '  Keyword: Classic',
      '  User: S-1-5-21-1004336348-1177238915-682003330-1001', '  User Name: CONTOSO\\jdevries', '  Computer: LAPTOP-JDV.contoso-dredging.nl', '  Description: ',
      'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user CONTOSO\\jdevries dialed a connection named Contoso VPN which has failed. The error code returned on failure is 800.', '',
    ].join('\r\n'),
    'pbk/rasphone.pbk': ['[Contoso VPN]', 'MEDIA=rastapi', 'Port=VPN2-0', 'Device=WAN Miniport (IKEv2)', 'PhoneNumber=vpn.contoso-dredging.nl', ''].join('\r\n'),
    lmhosts: ['10.13.1.10    CDBDC01    #PRE #DOM:CONTOSO', '10.13.1.10    "CONTOSO        \\0x1b"    #PRE', ''].join('\r\n'),
    'file-versions.txt': 'C:\\Users\\jdevries\\AppData\\Local\\Temp\\rasapi32.dll\t10.0.19041.1\r\n',
  } as Record<string, string>,
  policy: { schemaVersion: 1, corporateNetworks: ['10.13.1.0/24'], vpnServers: ['vpn.contoso-dredging.nl', '52.174.10.20'], domain: { netbiosName: 'CONTOSO', dnsName: 'contoso-dredging.nl', controllers: [{ name: 'CDBDC01', address: '10.13.1.10' }] } },
};

/** Independently of the redactor: MAC addresses and public IPv4 addresses as they appear in the raw files. */
function shapedValues(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/\b[0-9a-f]{2}(?:-[0-9a-f]{2}){5}\b/gi)) out.add(m[0]);
    for (const m of t.matchAll(/\.\.\.((?:[0-9a-f]{2} ){5}[0-9a-f]{2}) /gi)) out.add(m[1]!);
    for (const m of t.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) {
      if (ipaddr.IPv4.isValidFourPartDecimal(m[0]) && ipaddr.IPv4.parse(m[0]).range() === 'unicast' && !/^(255|128\.0\.0\.0)/.test(m[0])) out.add(m[0]);
    }
  }
  return [...out];
}

function writeCapture(files: Record<string, string>): string {
  const dir = tmp('tm-leaky-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function readTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? readTree(dir, join(prefix, e.name)) : [readFileSync(join(dir, prefix, e.name), 'latin1')]));
}

function expectNoneSurvive(files: Record<string, string>, sensitive: string[]): void {
  expect(sensitive.length).toBeGreaterThan(0);
  const leaks = Object.entries(files).flatMap(([name, text]) =>
    sensitive.filter((v) => `${name}\n${text}`.toLowerCase().includes(v.toLowerCase())).map((v) => `${name}: ${v}`),
  );
  expect(leaks).toEqual([]);
}

describe('report --redact: no user, host or domain name, SID, MAC, public address or VPN server survives in any file', () => {
  it('a capture that has all of them (and a policy naming more)', async () => {
    const dir = writeCapture(LEAKY.files);
    const policyPath = join(dir, '..', `${dir.split('/').pop()}-policy.json`);
    writeFileSync(policyPath, JSON.stringify(LEAKY.policy));
    const out = join(tmp('tm-red-'), 'r.zip');
    const r = await cli(['report', '--capture', dir, '--policy', policyPath, '--out', out, '--redact']);
    expect(r.code).toBe(1);
    const files = unzip(out);
    const sensitive = [...LEAKY.names, ...shapedValues(Object.values(LEAKY.files))];
    expect(sensitive).toEqual(expect.arrayContaining(['8C-16-45-2A-91-0E', '8c 16 45 2a 91 0e', '161.44.17.23', '161.44.20.10']));
    expectNoneSurvive(files, sensitive);

    // Same value, same token, in every file; private addresses stay.
    const report = expectValidReport(files['report.json']) as { snapshot: { hostname: string } };
    const hostToken = report.snapshot.hostname;
    expect(hostToken).toMatch(/^HOST-\d+$/);
    for (const name of ['report.html', 'capture/capture.json', 'capture/ipconfig-all.txt', 'capture/systeminfo.txt', 'capture/rasclient-events.txt']) expect(files[name]).toContain(hostToken);
    expect(files['capture/rasclient-events.txt']).toMatch(/User: SID-1\r\n {2}User Name: DOMAIN-\d+\\user-\d+/);
    expect(files['capture/route-print.txt']).toContain('On-link       192.168.1.1     26');
    expect(files['capture/lmhosts']).toContain('10.13.1.10');
    expect(files['REDACTED.txt']).toContain('same value has the same token');
  });

  it.each(['demo', ...readdirSync(join(root, 'samples')).filter((d) => d !== 'demo' && existsSync(join(root, 'samples', d, 'capture.json')))])('samples/%s', async (sample) => {
    const dir = join(root, 'samples', sample);
    const out = join(tmp('tm-red-'), 'r.zip');
    const r = await cli(['report', '--capture', dir, '--out', out, '--redact', '-q']);
    expect([0, 1]).toContain(r.code);
    const known: Record<string, string[]> = {
      demo: ['LAPTOP-DEMO', 'home.example'],
      'nt4-sp5': ['NT4-WKS'],
      'win11-ras-errors': ['LAPTOP-W11', 'anna', 'S-1-5-21-3623811015-3361044348-30300820-1013', 'vpn-old.example.com', 'branch.example.com', 'partner.example.net'],
    };
    const sensitive = [...(known[sample] ?? []), ...shapedValues(readTree(dir))];
    if (sensitive.length === 0) return; // nothing identifying in this sample
    expectNoneSurvive(unzip(out), sensitive);
  });
});

describe('report: bad input is one line and exit 4', () => {
  const dir = tmp('tm-bad-');
  writeFileSync(join(dir, 'a-file'), 'x');
  const cases: [string, string[], RegExp][] = [
    ['no --out', ['report', '--demo'], /report needs --out FILE\.html or --out FILE\.zip/],
    ['another extension', ['report', '--demo', '--out', join(dir, 'r.pdf')], /must end in \.html or \.zip/],
    ['a missing folder', ['report', '--demo', '--out', join(dir, 'nope', 'r.zip')], /the folder .*nope does not exist/],
    ['a folder that is a file', ['report', '--demo', '--out', join(dir, 'a-file', 'r.zip')], /a-file is not a folder/],
    ['--out is a folder', ['report', '--demo', '--out', join(dir, 'x.zip')], /is a folder; give a file name/],
    ['a capture directory that is a file', ['report', '--capture', join(dir, 'a-file'), '--out', join(dir, 'r.zip')], /Not a capture directory \(it is a file\)/],
    ['--redact on another command', ['scan', '--demo', '--redact'], /--redact is not an option of `tunnelmedic scan`/],
  ];
  mkdirSync(join(dir, 'x.zip'));
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('tunnelmedic:'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(4);
  });

  it.runIf(existsSync('/proc/version'))('a folder nobody can write to (even root)', async () => {
    const r = await cli(['report', '--demo', '--out', '/proc/tm-report.html']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\ntunnelmedic: Cannot write \/proc\/tm-report\.html: the file cannot be created there\n$/);
  });
});
