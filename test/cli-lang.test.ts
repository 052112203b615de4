import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../app/cli/args';
import { fsReason } from '../app/cli/commands/out-path';
import { USAGE, type HelpTopic } from '../app/cli/help';
import { USAGE_NL } from '../app/cli/help-nl';
import engineEn from '../app/core/i18n/en.json';
import { errorText, usageError } from '../app/system/error-text';
import { cli, freshDataDir } from './support/cli';

/**
 * The CLI speaks the person's --lang in its own lines and errors, not only in findings: each command
 * family's progress/result lines and person-facing errors in Dutch with --lang nl (same exit code),
 * and byte for byte as before without it.
 */
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const aFile = () => {
  const dir = tmp('tm-lang-');
  writeFileSync(join(dir, 'a-file'), 'x');
  return join(dir, 'a-file');
};

/** Runs args in en and in nl; both exit with `code`; returns the two runs. */
async function both(args: string[], code: number, opts: Parameters<typeof cli>[1] = {}) {
  const en = await cli(args, opts);
  const nl = await cli([...args, '--lang', 'nl'], opts);
  expect([en.code, nl.code]).toEqual([code, code]);
  return { en, nl };
}

describe('errors from reading the input', () => {
  it('capture folder missing, a file, or holding no capture files', async () => {
    let r = await both(['scan', '--capture', '/nonexistent/capture'], 4);
    expect(r.en.stderr).toBe('Reading /nonexistent/capture…\ntunnelmedic: Capture directory not found: /nonexistent/capture\n');
    expect(r.nl.stderr).toBe('Bezig met lezen van /nonexistent/capture…\ntunnelmedic: Opnamemap niet gevonden: /nonexistent/capture\n');
    const file = aFile();
    r = await both(['scan', '--capture', file, '--quiet'], 4);
    expect(r.en.stderr).toBe(`tunnelmedic: Not a capture directory (it is a file): ${file}\n`);
    expect(r.nl.stderr).toBe(`tunnelmedic: Geen opnamemap (het is een bestand): ${file}\n`);
    const empty = tmp('tm-lang-empty-');
    writeFileSync(join(empty, 'notes.txt'), 'hello');
    r = await both(['scan', '--capture', empty], 4);
    expect(r.en.stderr).toContain(`${empty} holds none of the capture files`);
    expect(r.nl.stderr).toContain(`${empty} bevat geen van de opnamebestanden`);
  });

  it('a capture nothing of which is understood: Dutch headline, and the problems in Dutch too', async () => {
    const dir = tmp('tm-lang-noise-');
    writeFileSync(join(dir, 'route-print.txt'), 'default via 192.168.1.1 dev wlp2s0 proto dhcp metric 600\n');
    const r = await both(['scan', '--capture', dir, '--quiet'], 4);
    expect(r.en.stderr).toMatch(/^tunnelmedic: No file in .* could be understood:\n {2}route-print\.txt:1: not a Windows route print output/);
    expect(r.nl.stderr).toMatch(/^tunnelmedic: Geen enkel bestand in .* kon worden begrepen:\n {2}route-print\.txt:1: dit is geen uitvoer van route print van Windows/);
  });

  it('a capture whose only file holds no output any reader knows, so no problem of its own: the file named, not an empty list', async () => {
    const dir = tmp('tm-lang-unknown-');
    mkdirSync(join(dir, 'powershell'));
    writeFileSync(join(dir, 'powershell', 'routes.txt'), 'hello world\n');
    const r = await both(['scan', '--capture', dir, '--quiet'], 4);
    expect(r.en.stderr).toMatch(/^tunnelmedic: No file in .* could be understood: powershell\/routes\.txt — none of them holds an output TunnelMedic recognises/);
    expect(r.nl.stderr).toMatch(/^tunnelmedic: Geen enkel bestand in .* kon worden begrepen: powershell\/routes\.txt — geen ervan bevat een uitvoer die TunnelMedic herkent/);
  });

  it('a policy file that is not there', async () => {
    const r = await both(['scan', '--demo', '--policy', '/nonexistent/policy.json'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: Cannot read policy file /nonexistent/policy.json: no such file\n');
    expect(r.nl.stderr).toBe('tunnelmedic: Het beleidsbestand /nonexistent/policy.json kan niet worden gelezen: het bestand bestaat niet\n');
  });

  it('an invalid policy file: each problem in the person\'s language, by its field', async () => {
    const dir = tmp('tm-lang-policy-');
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, corporateNetworks: ['10.13.1.5/24'], vpnServers: ['bad host!'], domain: { netbiosName: 'WAYTOOLONGNETBIOSNAME', extra: 1 }, unattended: { allow: [], maxRisk: 'extreme' }, probes: { corporate: ['10.13.1.10'] }, bogus: true }));
    const r = await both(['scan', '--demo', '--policy', file], 4);
    // each line in English and in Dutch, in the order of the file's fields
    const lines: [string, string][] = [
      [`tunnelmedic: Policy file ${file} is invalid:`, `tunnelmedic: Het beleidsbestand ${file} is ongeldig:`],
      ['  schemaVersion: must be 1.', '  schemaVersion: moet 1 zijn.'],
      ['  corporateNetworks.0: 10.13.1.5/24 is not where its network starts. Did you mean 10.13.1.0/24?', '  corporateNetworks.0: 10.13.1.5/24 begint niet waar het netwerk begint. Bedoelt u 10.13.1.0/24?'],
      ['  vpnServers.0: expected a host name or address, like vpn.example.com or 203.0.113.5.', '  vpnServers.0: verwacht een hostnaam of adres, als vpn.example.com of 203.0.113.5.'],
      ['  domain.netbiosName: at most 15 characters.', '  domain.netbiosName: hoogstens 15 tekens.'],
      ['  domain: unknown field "extra" (check its spelling; fields are listed in README, "Policy file").', '  domain: onbekend veld "extra" (controleer de spelling; de velden staan in de README, "Policy file").'],
      ['  probes.corporate.0: expected host:port, like 10.13.1.10:53.', '  probes.corporate.0: verwacht host:poort, als 10.13.1.10:53.'],
      ['  unattended.maxRisk: must be one of "low", "medium", "high".', '  unattended.maxRisk: moet een van deze zijn: "low", "medium", "high".'],
      ['  (top level): unknown field "bogus" (check its spelling; fields are listed in README, "Policy file").', '  (bovenste niveau): onbekend veld "bogus" (controleer de spelling; de velden staan in de README, "Policy file").'],
    ];
    expect(r.en.stderr).toBe(`${lines.map(([en]) => en).join('\n')}\n`);
    expect(r.nl.stderr).toBe(`${lines.map(([, nl]) => nl).join('\n')}\n`);
  });
});

describe('scan', () => {
  it('reads "the demo machine" in the person\'s language', async () => {
    const r = await both(['scan', '--demo'], 1);
    expect(r.en.stderr).toBe('Reading demo machine…\n');
    expect(r.nl.stderr).toBe('Bezig met lezen van de demo-pc…\n');
    expect(r.en.stdout.split('\n')[0]).toMatch(/ — demo machine$/);
    expect(r.nl.stdout.split('\n')[0]).toMatch(/ — de demo-pc$/);
    // each finding's severity in the words of the app and the HTML report, one width per language
    expect(r.en.stdout).toMatch(/^✖ CRITICAL {2}\S/m);
    expect(r.en.stdout).toMatch(/^▲ WARNING {3}\S/m);
    expect(r.nl.stdout).toMatch(/^✖ ERNSTIG {7}\S/m);
    expect(r.nl.stdout).toMatch(/^▲ WAARSCHUWING {2}\S/m);
    expect(r.nl.stdout).not.toMatch(/CRITICAL|WARNING/);
  });

  it('--out into a missing folder', async () => {
    const r = await both(['scan', '--demo', '--out', '/nonexistent/dir/report.json'], 4);
    expect(r.en.stderr).toContain('tunnelmedic: --out /nonexistent/dir/report.json: the folder /nonexistent/dir does not exist.\n');
    expect(r.nl.stderr).toContain('tunnelmedic: --out /nonexistent/dir/report.json: de map /nonexistent/dir bestaat niet.\n');
  });
});

describe('fix', () => {
  it('a capture of another machine cannot be changed', async () => {
    const r = await both(['fix', '--capture', 'samples/demo', '--yes'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: samples/demo is a capture of another machine: nothing here can be changed. Use --dry-run to see the scripts.\n');
    expect(r.nl.stderr).toBe('tunnelmedic: samples/demo is een opname van een andere computer: hier kan niets worden veranderd. Gebruik --dry-run om de scripts te zien.\n');
  });

  it('the test flag --fail-route-call and the internal apply-plan refuse in the same language', async () => {
    let r = await both(['fix', '--demo', '--dry-run', '--fail-route-call', 'x'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: --fail-route-call x: give the route calls to fail as numbers, like 2 or 2,3\n');
    expect(r.nl.stderr).toBe('tunnelmedic: --fail-route-call x: geef de routeaanroepen die moeten mislukken als getallen, zoals 2 of 2,3\n');
    r = await both(['apply-plan', '--demo'], 4);
    expect(r.en.stderr).toContain('apply-plan needs --run-id ID, --only FIX and --sha256 HASH');
    expect(r.nl.stderr).toContain('apply-plan heeft --run-id ID, --only OPLOSSING en --sha256 HASH nodig');
    r = await both(['apply-plan', '--demo', '--run-id', '20261203T031500Z-abc123', '--only', 'a:b', '--sha256', 'ABC'], 4, { dataDir: freshDataDir() });
    expect(r.nl.stderr).toContain('--sha256 moet 64 hexadecimale tekens');
  });

  it('apply-plan names each unusable --domain / --dc as typed, in the same language (not zod\'s English)', async () => {
    const sha = 'a'.repeat(64);
    const r = await both(['apply-plan', '--demo', '--run-id', '20261203T031500Z-abc123', '--only', 'a:b', '--sha256', sha, '--domain', 'NOT A NAME', '--dc', 'DC1=10.13.1', '--dc', 'WAYTOOLONGCONTROLLERNAME=10.13.1.10', '--dc', 'DC3'], 4, { dataDir: freshDataDir() });
    expect(r.en.stderr).toBe(
      [
        'tunnelmedic: apply-plan: --domain/--dc:',
        "  --domain NOT A NAME: not a NetBIOS name (1 to 15 letters, digits or -_.!#$%&'()@^{}~).",
        "  --dc DC1=10.13.1: write it as NAME=ADDRESS with the controller's NetBIOS name and IPv4 address, like DC1=10.13.1.10.",
        "  --dc WAYTOOLONGCONTROLLERNAME=10.13.1.10: not a NetBIOS name (1 to 15 letters, digits or -_.!#$%&'()@^{}~).",
        "  --dc DC3: write it as NAME=ADDRESS with the controller's NetBIOS name and IPv4 address, like DC1=10.13.1.10.",
        '',
      ].join('\n'),
    );
    expect(r.nl.stderr).toContain('  --dc DC1=10.13.1: schrijf het als NAAM=ADRES met de NetBIOS-naam en het IPv4-adres van de domeincontroller');
    expect(r.nl.stderr).toContain('  --domain NOT A NAME: geen NetBIOS-naam');
    expect(r.nl.stderr).not.toMatch(/Invalid|expected|NetBIOS name:/);
    const none = await both(['apply-plan', '--demo', '--run-id', '20261203T031500Z-abc123', '--only', 'a:b', '--sha256', sha, '--domain', 'CORP'], 4, { dataDir: freshDataDir() });
    expect(none.en.stderr).toBe('tunnelmedic: apply-plan: --domain/--dc:\n  give at least one domain controller, as --dc NAME=ADDRESS.\n');
    expect(none.nl.stderr).toBe('tunnelmedic: apply-plan: --domain/--dc kloppen niet:\n  geef ten minste één domeincontroller op, als --dc NAAM=ADRES.\n');
  });

  it('not interactive without --yes; a person who says no; --only without a fix', async () => {
    let r = await both(['fix', '--demo'], 1);
    expect(r.en.stderr).toBe('Not applying anything: this run is not interactive and --yes was not given.\n');
    expect(r.nl.stderr).toBe('Er wordt niets toegepast: deze uitvoering is niet interactief en --yes is niet opgegeven.\n');
    r = await both(['fix', '--demo'], 1, { isTTY: true, answer: false });
    expect(r.en.stderr).toBe('Nothing was changed.\n');
    expect(r.nl.stderr).toBe('Er is niets veranderd.\n');
    expect(r.en.stdout).toContain('  Plan SHA-256: ');
    expect(r.nl.stdout).toContain('  SHA-256 van het plan: ');
    r = await both(['fix', '--demo', '--only', 'lmhosts.syntax', '--dry-run'], 4);
    expect(r.en.stderr).toMatch(/^tunnelmedic: --only: no fix for lmhosts\.syntax on this machine \(offered: /);
    expect(r.nl.stderr).toMatch(/^tunnelmedic: --only: geen oplossing voor lmhosts\.syntax op deze computer \(aangeboden: /);
  });

  it('unattended: a fix the policy does not allow is skipped, with the reason in the same language', async () => {
    const r = await both(['fix', '--demo', '--corp-net', '10.13.1.0/24', '--yes'], 1);
    expect(r.en.stderr).toContain("Skipped (not in the policy's unattended.allow): route.vpn-default-route-wins:split-now\n");
    expect(r.nl.stderr).toContain('Overgeslagen (niet in unattended.allow van het beleid): route.vpn-default-route-wins:split-now\n');
  });

  it('an applied fix names its run and how to undo it', async () => {
    const dataDir = freshDataDir();
    const r = await cli(['fix', '--demo', '--yes', '--only', 'lmhosts.missing-domain-entries', '--lang', 'nl'], { dataDir });
    expect(r.stdout).toContain('Toegepast en gecontroleerd.');
    expect(r.stdout).toMatch(/\nUitvoering (\S+); logboek: .+\nOngedaan maken met: tunnelmedic rollback \1 --demo\n$/);
  });
});

describe('silent (the desktop app\'s --silent)', () => {
  it('its lines and the reason a fix is not applied unattended, in the same language', async () => {
    const policy = join(tmp('tm-lang-silent-'), 'policy.json');
    writeFileSync(policy, JSON.stringify({ schemaVersion: 1, unattended: { allow: ['route.vpn-default-route-wins'], maxRisk: 'high' } }));
    const r = await both(['silent', '--demo', '--policy', policy], 1);
    expect(r.en.stderr).toBe("[silent] scan demo machine\n[silent] skipped (removes the VPN's default route but routes no corporate network through the VPN; give corporateNetworks in the policy): route.vpn-default-route-wins:split-now\n[silent] exit 1\n");
    expect(r.nl.stderr).toBe('[silent] scan de demo-pc\n[silent] overgeslagen (verwijdert de standaardroute van de VPN maar leidt geen bedrijfsnetwerk door de VPN; geef corporateNetworks op in het beleid): route.vpn-default-route-wins:split-now\n[silent] afsluitcode 1\n');
  });
});

describe('rollback', () => {
  it('nothing to undo, no run named', async () => {
    const dataDir = freshDataDir();
    let r = await both(['rollback', '--demo', '--last'], 4, { dataDir });
    expect(r.en.stderr).toMatch(/^tunnelmedic: No run to undo in .+runs\.\n$/);
    expect(r.nl.stderr).toMatch(/^tunnelmedic: Geen uitvoering om ongedaan te maken in .+runs\.\n$/);
    r = await both(['rollback', '--demo'], 4, { dataDir });
    expect(r.en.stderr).toBe('tunnelmedic: Say which run to undo: tunnelmedic rollback RUN_ID, or --last.\n');
    expect(r.nl.stderr).toBe('tunnelmedic: Zeg welke uitvoering ongedaan moet worden: tunnelmedic rollback RUN_ID, of --last.\n');
  });
});

describe('guard', () => {
  it('list with none installed, an unknown name, guard-run with nothing to do', async () => {
    let r = await both(['guard', 'list', '--demo'], 0);
    expect(r.en.stdout).toBe('No guard is installed.\n');
    expect(r.nl.stdout).toBe('Er is geen bewaking geïnstalleerd.\n');
    r = await both(['guard', 'remove', 'Nope', '--demo'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: No guard for "Nope" is installed.\n');
    expect(r.nl.stderr).toBe('tunnelmedic: Er is geen bewaking voor "Nope" geïnstalleerd.\n');
    r = await both(['guard-run', '--demo', '--connection', 'Other VPN'], 0);
    expect(r.en.stdout).toBe('Nothing to do: the default route of "Other VPN" does not win.\n');
    expect(r.nl.stdout).toBe('Niets te doen: de standaardroute van "Other VPN" wint niet.\n');
  });
});

describe('report and scripts', () => {
  it('report: --out missing or of another kind; progress and result lines', async () => {
    let r = await both(['report', '--demo'], 4);
    expect(r.nl.stderr).toBe('tunnelmedic: report vraagt --out BESTAND.html of --out BESTAND.zip\n');
    const dir = tmp('tm-lang-report-');
    r = await both(['report', '--demo', '--out', join(dir, 'r.pdf')], 4);
    expect(r.nl.stderr).toBe(`tunnelmedic: --out ${join(dir, 'r.pdf')}: de bestandsnaam moet eindigen op .html of .zip\n`);
    r = await both(['report', '--demo', '--redact', '--out', join(dir, 'r.zip')], 1);
    expect(r.en.stderr).toBe(`[1/3] Reading demo machine…\n[2/3] Building the zip (report.json, report.html, capture), redacted…\n[3/3] Writing ${join(dir, 'r.zip')}…\n`);
    expect(r.nl.stderr).toBe(`[1/3] Bezig met lezen van de demo-pc…\n[2/3] Het zip-bestand wordt gemaakt (report.json, report.html, opname), geanonimiseerd…\n[3/3] ${join(dir, 'r.zip')} wordt geschreven…\n`);
    expect(r.en.stdout).toMatch(/^Wrote .+r\.zip \(\d+ files, redacted\)\.\n$/);
    expect(r.nl.stdout).toMatch(/^.+r\.zip geschreven \(\d+ bestanden, geanonimiseerd\)\.\n$/);
  });

  it.runIf(existsSync('/proc/version'))('a write the OS refuses: the reason in the same language', async () => {
    const r = await both(['report', '--demo', '--out', '/proc/tm-report.html'], 4);
    expect(r.en.stderr).toMatch(/\ntunnelmedic: Cannot write \/proc\/tm-report\.html: the file cannot be created there\n$/);
    expect(r.nl.stderr).toMatch(/\ntunnelmedic: \/proc\/tm-report\.html kan niet worden geschreven: het bestand kan daar niet worden gemaakt\n$/);
  });

  it('every errno with words is worded in both languages; another is named by its code', () => {
    const worded = (code: string, language: 'en' | 'nl') => errorText(usageError('cli.out.cannotWrite', { path: 'X', reason: fsReason(Object.assign(new Error('m'), { code })) }), language);
    expect(['EACCES', 'EPERM', 'ENOSPC', 'EROFS'].map((c) => worded(c, 'en'))).toEqual(['Cannot write X: permission denied', 'Cannot write X: permission denied', 'Cannot write X: the disk is full', 'Cannot write X: read-only file system']);
    expect(['EACCES', 'EPERM', 'ENOSPC', 'EROFS'].map((c) => worded(c, 'nl'))).toEqual(['X kan niet worden geschreven: toegang geweigerd', 'X kan niet worden geschreven: toegang geweigerd', 'X kan niet worden geschreven: de schijf is vol', 'X kan niet worden geschreven: alleen-lezen bestandssysteem']);
    expect(worded('EIO', 'nl')).toBe('X kan niet worden geschreven: EIO');
    // the message (logs) stays English whatever the person reads
    expect(usageError('cli.out.cannotWrite', { path: 'X', reason: fsReason(Object.assign(new Error('m'), { code: 'EACCES' })) }).message).toBe('Cannot write X: permission denied');
  });

  it('scripts: --out missing or a file; the result line', async () => {
    let r = await both(['scripts', '--demo'], 4);
    expect(r.nl.stderr).toBe('tunnelmedic: scripts vraagt --out MAP (de map wordt gemaakt)\n');
    const file = aFile();
    r = await both(['scripts', '--demo', '--quiet', '--out', file], 4);
    expect(r.en.stderr).toBe(`tunnelmedic: --out ${file} is a file; give a folder.\n`);
    expect(r.nl.stderr).toBe(`tunnelmedic: --out ${file} is een bestand; geef een map.\n`);
    const out = join(tmp('tm-lang-scripts-'), 'out');
    mkdirSync(out);
    r = await both(['scripts', '--demo', '--out', out], 1);
    expect(r.en.stdout).toMatch(new RegExp(`^Wrote \\d+ files to ${out}; see README.txt there.\\n$`));
    expect(r.nl.stdout).toMatch(new RegExp(`^\\d+ bestanden geschreven naar ${out}; lees daar README.txt.\\n$`));
  });
});

describe('collect, explain-log, check-pptp', () => {
  it('collect words its errors in --lang', async () => {
    expect(await cli(['collect'])).toMatchObject({ code: 4, stderr: 'tunnelmedic: collect needs --out DIR\n' });
    expect(await cli(['collect', '--lang', 'nl'])).toMatchObject({ code: 4, stderr: 'tunnelmedic: collect vraagt --out MAP\n' });
    if (process.platform === 'win32') return;
    const r = await cli(['collect', '--out', join(tmp('tm-lang-collect-'), 'c')]);
    expect(r).toMatchObject({ code: 5, stderr: 'tunnelmedic: collect reads this machine and needs Windows; on other machines use scripts/collect.cmd on the Windows PC and `scan --capture DIR` here.\n' });
    const nl = await cli(['collect', '--lang', 'nl', '--out', join(tmp('tm-lang-collect-'), 'c')]);
    expect(nl).toMatchObject({ code: 5, stderr: expect.stringMatching(/^tunnelmedic: collect leest deze computer en kan alleen op Windows/) });
  });

  it('explain-log: no file named, a file that is not there, the progress line', async () => {
    let r = await both(['explain-log'], 4);
    expect(r.nl.stderr).toBe('tunnelmedic: explain-log vraagt minstens één logbestand: tunnelmedic explain-log BESTAND… [--capture DIR]\n');
    r = await both(['explain-log', '/nonexistent/syslog.txt'], 4);
    expect(r.en.stderr).toBe('Reading /nonexistent/syslog.txt…\ntunnelmedic: Server log not found: /nonexistent/syslog.txt\n');
    expect(r.nl.stderr).toBe('Bezig met lezen van /nonexistent/syslog.txt…\ntunnelmedic: Logboek van de server niet gevonden: /nonexistent/syslog.txt\n');
  });

  it('explain-log: each finding\'s severity in the CLI\'s language, as scan words it', async () => {
    const log = join(tmp('tm-lang-log-'), 'router.log');
    writeFileSync(log, 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n');
    const en = await cli(['explain-log', log]);
    const nl = await cli(['explain-log', log, '--lang', 'nl']);
    expect(en.code).toBe(nl.code);
    expect(en.stdout).toMatch(/^(?:✖ CRITICAL {2}|▲ WARNING {3})\S/m);
    expect(nl.stdout).toMatch(/^(?:✖ ERNSTIG {7}|▲ WAARSCHUWING {2})\S/m);
    expect(nl.stdout).not.toMatch(/CRITICAL|WARNING/);
  });

  it('check-pptp: no server, a port out of range', async () => {
    let r = await both(['check-pptp'], 4);
    expect(r.nl.stderr).toBe('tunnelmedic: check-pptp vraagt --server HOST (de VPN-server om vanaf deze computer te testen)\n');
    r = await both(['check-pptp', '--server', '127.0.0.1', '--port', '70000'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: --port 70000: expected 1–65535\n');
    expect(r.nl.stderr).toBe('tunnelmedic: --port 70000: verwacht 1–65535\n');
  });
});

describe('--help in the person\'s language', () => {
  const topics = Object.keys(USAGE) as HelpTopic[];
  const helpArgs = (topic: HelpTopic) => (topic === 'main' ? ['--help'] : [topic, '--help']);
  /** what must stay literally the same in both languages: option names, file names, numbers (exit codes, ports, versions) */
  const options = (text: string) => [...new Set(text.match(/(?<![\w-])--?[a-z][\w-]*/g))].sort();
  const fileNames = (text: string) => [...new Set(text.match(/[\w%\\/<>*-]*[a-z][\w-]*\.(?:cmd|ps1|bat|txt|md|json|html|zip)\b/g))].sort();
  const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
  /** English prose: words of a text that are neither option, file, path, placeholder, number nor `command` */
  const ENGLISH = new Set(['the', 'and', 'with', 'which', 'when', 'without', 'only', 'each', 'every', 'this', 'that', 'from', 'not', 'your', 'you', 'are', 'what', 'how', 'its', 'to', 'for', 'on', 'by', 'or', 'a', 'an', 'be', 'can', 'after', 'before', 'reads', 'writes', 'prints', 'shows', 'file', 'files', 'folder', 'machine', 'run', 'runs', 'fixes', 'usage', 'commands', 'options', 'exit', 'exits']);
  const proseWords = (text: string) =>
    text
      .replace(/`[^`]*`/g, ' ')
      .split(/\s+/)
      .map((w) => w.replace(/^[("'[|]+|[)"'\],;:.!?|]+$/g, ''))
      .filter((w) => w && !/[-./\\%<>_\d=]/.test(w) && w !== w.toUpperCase())
      .map((w) => w.toLowerCase());
  const englishWords = (text: string) => [...new Set(proseWords(text).filter((w) => ENGLISH.has(w)))];

  it('main and every command: Dutch with --lang nl (same exit code), English unchanged without it', async () => {
    expect(topics).toEqual(expect.arrayContaining(['main', 'scan', 'fix', 'rollback', 'guard', 'collect', 'check-pptp', 'report', 'scripts', 'explain-log']));
    for (const topic of topics) {
      const { en, nl } = await both(helpArgs(topic), 0);
      expect(en.stdout).toBe(USAGE[topic]);
      expect(nl.stdout).toBe(USAGE_NL[topic]);
      expect(nl.stdout).not.toBe(en.stdout);
      expect([en.stderr, nl.stderr]).toEqual(['', '']);
      // `help TOPIC` and `--lang=nl` say the same
      expect((await cli(['help', ...(topic === 'main' ? [] : [topic]), '--lang=nl'])).stdout).toBe(USAGE_NL[topic]);
    }
    // a command without its own help (internal, or none) gets the main one, in the same language
    expect((await cli(['silent', '--help', '--lang', 'nl'])).stdout).toBe(USAGE_NL.main);
    expect((await cli(['help', 'constructor', '--lang', 'nl'])).stdout).toBe(USAGE_NL.main);
    expect((await cli(['help', 'constructor'])).stdout).toBe(USAGE.main);
  });

  it('keeps option names, command names, file names and numbers (exit codes, ports) literally', () => {
    for (const topic of topics) {
      const [en, nl] = [USAGE[topic], USAGE_NL[topic]];
      expect({ topic, options: options(nl) }).toEqual({ topic, options: options(en) });
      expect({ topic, files: fileNames(nl) }).toEqual({ topic, files: fileNames(en) });
      expect({ topic, numbers: numbers(nl) }).toEqual({ topic, numbers: numbers(en) });
    }
    const commands = (text: string) => [...text.matchAll(/^ {2}([a-z][\w-]*) /gm)].map((m) => m[1]);
    expect(commands(USAGE_NL.main)).toEqual(commands(USAGE.main));
    expect(commands(USAGE.main)).toHaveLength(9);
  });

  it('has no English sentence or word left, says "u" and uses straight quotes', () => {
    for (const topic of topics) {
      const [en, nl] = [USAGE[topic], USAGE_NL[topic]];
      // the detector sees the English text as English
      expect(englishWords(en).length).toBeGreaterThan(2);
      expect({ topic, english: englishWords(nl) }).toEqual({ topic, english: [] });
      const prose = en.split('\n').filter((line) => proseWords(line).length >= 3);
      expect({ topic, untranslated: prose.filter((line) => nl.includes(line.trim())) }).toEqual({ topic, untranslated: [] });
      expect(nl).not.toMatch(/\b(je|jij|jouw|jou|jezelf)\b/i);
      expect(nl).not.toMatch(/[„“”‘’«»]/);
    }
  });
});

describe('flag errors in the person\'s language, exit 4 as in English', () => {
  /** node:util's own message for an argv strict parsing refuses (the English text before this CLI worded them) */
  const nodeMessage = (argv: string[]) => {
    try {
      parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${argv.join(' ')} parses`);
  };
  const cases: [string[], string][] = [
    [['scan', '--demo', '--colour'], "Onbekende optie '--colour'. Een argument dat met '-' begint maar geen optie is, zet u aan het eind van de opdracht na '--', zoals in '-- \"--colour\"'."],
    [['-x'], "Onbekende optie '-x'. Een argument dat met '-' begint maar geen optie is, zet u aan het eind van de opdracht na '--', zoals in '-- \"-x\"'."],
    [['scan', '--capture'], "Bij de optie '--capture <waarde>' ontbreekt de waarde"],
    [['scan', '--demo=yes'], "Bij de optie '--demo' hoort geen waarde"],
    [['scan', '--help=1'], "Bij de optie '-h, --help' hoort geen waarde"],
    [['scan', '--out', '--json'], "De waarde van de optie '--out' is onduidelijk.\nBent u vergeten een waarde op te geven bij '--out'?\nEen waarde die met een streepje begint, geeft u op als '--out=-XYZ'."],
  ];

  it.each(cases)('%j: Node\'s English text, and Dutch with --lang nl before or after it', async (args, dutch) => {
    const en = await cli(args);
    expect(en).toMatchObject({ code: 4, stdout: '', stderr: `tunnelmedic: ${nodeMessage(args)}\n` });
    for (const nlArgs of [['--lang', 'nl', ...args], ['--lang=nl', ...args]]) expect(await cli(nlArgs)).toMatchObject({ code: 4, stdout: '', stderr: `tunnelmedic: ${dutch}\n` });
  });

  it('unknown command, an option of another command, an argument too many, --lang xx', async () => {
    let r = await both(['frobnicate'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: Unknown command "frobnicate". Run `tunnelmedic --help`.\n');
    expect(r.nl.stderr).toBe('tunnelmedic: Onbekende opdracht "frobnicate". Voer `tunnelmedic --help` uit.\n');
    r = await both(['scan', '--demo', '--yes'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: --yes is not an option of `tunnelmedic scan`. Run `tunnelmedic scan --help`.\n');
    expect(r.nl.stderr).toBe('tunnelmedic: --yes is geen optie van `tunnelmedic scan`. Voer `tunnelmedic scan --help` uit.\n');
    r = await both(['scan', '--demo', 'extra'], 4);
    expect(r.en.stderr).toBe('tunnelmedic: Unexpected argument "extra".\n');
    expect(r.nl.stderr).toBe('tunnelmedic: Onverwacht argument "extra".\n');
    expect(await cli(['scan', '--demo', '--lang', 'xx'])).toMatchObject({ code: 4, stderr: 'tunnelmedic: --lang xx: supported are en, nl\n' });
  });

  it('a --lang after `--` is an argument, not the language', async () => {
    const r = await cli(['explain-log', '--colour', '--', '--lang', 'nl']);
    expect(r).toMatchObject({ code: 4, stderr: `tunnelmedic: ${nodeMessage(['explain-log', '--colour'])}\n` });
  });
});

describe('every CLI text has words (a new line or error without them fails here)', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
  const sources = new Map(['app/cli', 'app/system'].flatMap(files).map((f) => [f, readFileSync(f, 'utf8')] as const));
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], engineEn);

  it('each key a usageError, collectionError or CLI line names is an English text (nl: i18n-complete)', () => {
    const keys = [...sources.values()].flatMap((s) => [...s.matchAll(/(?:usageError|collectionError|words)\(\s*'([\w.]+)'/g)].map((m) => m[1]!));
    expect(keys.length).toBeGreaterThan(40);
    // (a count's key is its plural forms, i18next's `_one`/`_other`)
    expect(keys.filter((k) => typeof (lookup(k) ?? lookup(`${k}_other`)) !== 'string')).toEqual([]);
    const flagKeys = [...sources.values()].join('\n').matchAll(/flagError\(\s*'(\w+)'/g);
    const flags = [...flagKeys].map((m) => `cli.args.${m[1]}`);
    expect(flags.length).toBeGreaterThan(7);
    expect(flags.filter((k) => typeof lookup(k) !== 'string')).toEqual([]);
  });

  it('errors a person reads are not English literals: --corp-net, the test flag and the internal apply-plan included', () => {
    const literal = [...sources].flatMap(([file, s]) => [...s.matchAll(/new (?:UsageError|CollectionError)\(/g)].map(() => file));
    // args.ts: only flagError, which words its catalogue key when printed; error-text.ts: the catalogue's own constructors
    expect([...sources.get('app/cli/args.ts')!.matchAll(/new UsageError\(([^,]*),/g)].map((m) => m[1])).toEqual(['`cli.args.${key}`']);
    expect([...new Set(literal.filter((f) => f !== 'app/cli/args.ts' && f !== 'app/system/error-text.ts'))]).toEqual([]);
  });
});
