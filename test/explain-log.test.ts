import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../app/core/model/report';
import { MAX_ENTRIES } from '../app/core/parse/server-log';
import { sensitiveValues } from '../app/core/report/redact-values';
import { corpusAvailable, corpusRoot } from './corpus';
import { cli } from './support/cli';
import { markEncrypted } from './support/zip-headers';

/** `tunnelmedic explain-log` and `scan --server-log`, through the real CLI entry (runCli). */

const tmp = () => mkdtempSync(join(tmpdir(), 'tm-serverlog-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp(), name);
  writeFileSync(p, content);
  return p;
};
const sample = (...p: string[]) => join(import.meta.dirname, '..', 'samples', ...p);
const PROTREJ = 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n';

describe('tunnelmedic explain-log', () => {
  it('decodes the router\'s line and names the cause (exit 1); Dutch with --lang nl', async () => {
    const log = file('router.txt', PROTREJ);
    const en = await cli(['explain-log', log]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('The router refused the encryption (CCP) the PC proposed: MPPE 40-bit or 56-bit, stateless.');
    expect(en.stdout).toContain('[vpn.encryption-mismatch]');
    // the format by the product that wrote it, not the parser's id ("ios 1")
    expect(en.stdout).toContain('1 of 1 log lines understood. (Cisco IOS 1 line)');
    const nl = await cli(['explain-log', log, '--lang', 'nl']);
    expect(nl.stdout).toContain('(Cisco IOS 1 regel)');
    expect(nl.stdout).toContain('De router weigerde de versleuteling (CCP) die de pc voorstelde: MPPE 40-bits of 56-bits, staatloos.');
  });
  it('lines next to each other that say the same are said once, with how many (en, nl); --verbose lists each', async () => {
    const log = file('ufw.log', readFileSync(join(import.meta.dirname, 'fixtures', 'real', 'server-logs', 'netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt')));
    const en = await cli(['explain-log', log]);
    const listed = (out: string) => out.split('\n').filter((l) => /^ {2}\S {1,5}\d+ /.test(l)).map((l) => Number(/\d+/.exec(l)![0]));
    expect(listed(en.stdout)).toEqual([16, 19, 20, 26]);
    expect(en.stdout).toContain('\n          …and 5 more lines saying the same, up to line 25\n');
    const nl = await cli(['explain-log', log, '--lang', 'nl']);
    expect(nl.stdout).toContain('…en nog 5 regels die hetzelfde zeggen, tot regel 25');
    const every = await cli(['explain-log', log, '--verbose']);
    expect(listed(every.stdout)).toEqual(expect.arrayContaining([20, 21, 22, 23, 24, 25]));
    expect(every.stdout).not.toContain('saying the same');
  });
  it('a gzip file (a rotated syslog.2.gz) is read unpacked; one cut short says so on stderr, in the chosen language, and reads what came before', async () => {
    const log = Array.from({ length: 400 }, (_, i) => `Nov 18 10:${String(10 + (i % 50)).padStart(2, '0')}:05 vpn pppd[${100 + i}]: Peer user${i} failed CHAP authentication`).join('\n') + '\n';
    const whole = await cli(['explain-log', file('syslog.2.gz', gzipSync(log))]);
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain('400 of 400 log lines understood.');
    expect(whole.stderr).not.toContain('compressed');
    const packed = gzipSync(log);
    const cut = await cli(['explain-log', file('syslog.3.gz', packed.subarray(0, packed.length >> 1)), '--lang', 'nl']);
    expect(cut.stderr).toContain('syslog.3.gz: het gecomprimeerde bestand is beschadigd of houdt te vroeg op; de regels tot daar zijn gelezen');
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/\d+ van \d+ logregels begrepen/);
    const scan = await cli(['scan', '--demo', '--server-log', file('syslog.3.gz', packed.subarray(0, packed.length >> 1))]);
    expect(scan.stderr).toContain('syslog.3.gz: the compressed file is damaged or ends early; the lines before that point were read');
  });
  it('a ZIP archive (Windows\' "Send to → Compressed (zipped) folder"): each file inside a log of its own; a file that will not unpack is named in a note (en, nl)', async () => {
    const zip = zipSync({ 'RRAS logs/': new Uint8Array(0), 'RRAS logs/router.log': strToU8(PROTREJ), 'RRAS logs/messages': strToU8('Nov 18 10:21:07 vpn pppd[7]: Peer bob failed CHAP authentication\n'), 'RRAS logs/locked.log': [strToU8(PROTREJ), { level: 0 }] });
    // the third file password-protected (its place is 3: the folder is an entry too)
    markEncrypted(zip, 3);
    const archive = file('logs.zip', Buffer.from(zip));
    const r = await cli(['explain-log', archive]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${archive}/RRAS logs/router.log — 1 of 1 log lines understood. (Cisco IOS 1 line)`);
    expect(r.stdout).toContain(`${archive}/RRAS logs/messages — 1 of 1 log lines understood.`);
    expect(r.stdout).toContain('[vpn.encryption-mismatch]');
    expect(r.stderr).toContain(`${archive}: 1 file in the archive could not be unpacked (password-protected`);
    const nl = await cli(['explain-log', archive, '--lang', 'nl']);
    expect(nl.stderr).toContain(`${archive}: 1 bestand in het archief kon niet worden uitgepakt (met een wachtwoord beveiligd`);
    const scan = ReportSchema.parse(JSON.parse((await cli(['scan', '--demo', '--server-log', archive, '--json'])).stdout));
    expect(scan.serverLogs!.map((l) => l.source)).toEqual([`${archive}/RRAS logs/router.log`, `${archive}/RRAS logs/messages`]);
  });
  it('a tar archive (logs.tar.gz from `tar czf`): each file inside is a log of its own, named ARCHIVE/path; scan --server-log reads it so too', async () => {
    const p = pack();
    const chunks: Buffer[] = [];
    p.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => p.on('end', resolve));
    p.entry({ name: 'var/log/router.log' }, Buffer.from(PROTREJ));
    p.entry({ name: 'var/log/messages' }, Buffer.from('Nov 18 10:21:07 vpn pppd[7]: Peer bob failed CHAP authentication\n'));
    p.finalize();
    await ended;
    const archive = file('logs.tar.gz', gzipSync(Buffer.concat(chunks)));
    const r = await cli(['explain-log', archive]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${archive}/var/log/router.log — 1 of 1 log lines understood. (Cisco IOS 1 line)`);
    expect(r.stdout).toContain(`${archive}/var/log/messages — 1 of 1 log lines understood.`);
    expect(r.stdout).toContain('[vpn.encryption-mismatch]');
    expect(r.stdout).toContain(`${archive}/var/log/messages:1`);
    const scan = ReportSchema.parse(JSON.parse((await cli(['scan', '--demo', '--server-log', archive, '--json'])).stdout));
    expect(scan.serverLogs!.map((l) => l.source)).toEqual([`${archive}/var/log/router.log`, `${archive}/var/log/messages`]);
  });
  it('no cause, but failing lines: the no-cause line points back to them (en, nl); a log without failures says no cause alone', async () => {
    const fgt = file('fgt.txt', 'date=2019-02-15 time=10:57:56 logid="0101039426" type="event" subtype="vpn" level="alert" vd="root" logdesc="SSL VPN login fail" action="ssl-login-fail" tunneltype="ssl-web" remip=10.1.100.254 user="u1" reason="sslvpn_login_unknown_user" msg="SSL user failed to logged in"\n');
    expect((await cli(['explain-log', fgt])).stdout).toContain("No cause found in the server log. The log's failing line (✖) names no cause TunnelMedic can map to a change on the PC");
    expect((await cli(['explain-log', fgt, '--lang', 'nl'])).stdout).toContain('De mislukte regel (✖) van het logboek noemt geen oorzaak');
    const quiet = await cli(['explain-log', file('ok.txt', 'Jan  5 10:00:01 vpn pppd[1]: Connect: ppp0 <--> /dev/pts/1\n')]);
    expect(quiet.stdout).toContain('No cause found in the server log.\n');
    expect(quiet.stdout).not.toContain('failing line');
  });
  it('--json: serverLogs (counts, decoded entries) and findings', async () => {
    const r = await cli(['explain-log', file('router.txt', `${PROTREJ}this line is not a log line\n`), '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.serverLogs[0]).toMatchObject({ verdict: 'ok', records: 2, understood: 1, unknown: 1, unknownLines: [{ line: 2, text: 'this line is not a log line' }] });
    expect(doc.findings.map((f: { id: string }) => f.id)).toEqual(['vpn.encryption-mismatch']);
  });
  it('bad input: empty, binary, a route print — one clear sentence each and exit 4', async () => {
    for (const [content, says] of [
      ['', 'the log is empty'],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]), 'looks like a binary file'],
      [readFileSync(sample('demo', 'route-print.txt')), 'This is a Windows "route print", not a server log'],
      // an .evtx (its header's signature, then noise) and a pcap: named, with what to send instead
      [Buffer.concat([Buffer.from('ElfFile\0'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 ? (i * 37) & 255 : 0)))]), 'This is a Windows event log file (.evtx or .evt)'],
      [Buffer.concat([Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 ? (i * 37) & 255 : 0)))]), 'This is a network capture (pcap or pcapng'],
    ] as const) {
      const r = await cli(['explain-log', file('x.txt', content)]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(says);
    }
    expect((await cli(['explain-log'])).code).toBe(4);
    expect((await cli(['explain-log', '/nonexistent/log.txt'])).code).toBe(4);
  });
  it('UTF-16LE (PowerShell Out-File) is read by its BOM', async () => {
    const text = 'EventID            : 20227\r\nData               : {}\r\nMessage            : CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named Az which has failed. The error code returned on failure is 809.\r\nSource             : RasClient\r\nReplacementStrings : {{B4000371-A67F-452F-AA4C-3125AA9CFC78}, SYSTEM, Az, 809}\r\nTimeGenerated      : 3/18/2016 1:29:21 PM\r\n';
    const r = await cli(['explain-log', file('ev.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), '--json']);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['vpn.server-unreachable']);
  });
  it('--capture: the router\'s PROTREJ and the PC\'s RasClient 742 become one finding with both sides\' evidence', async () => {
    const r = await cli(['explain-log', file('router.txt', PROTREJ), '--capture', sample('win11-ras-errors'), '--json']);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const enc = report.findings.filter((f) => f.id === 'vpn.encryption-mismatch');
    expect(enc).toHaveLength(1);
    expect(enc[0]!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['rasclient-events.txt', expect.stringMatching(/router\.txt$/)]));
    expect(enc[0]!.summary).toMatch(/are 2 s apart, reading the server's times as UTC\+1:00 \(a log in its local time\)/);
  });
  it('--capture: a router in India (UTC+5:30) is matched by its half-hour offset, and said so', async () => {
    const r = await cli(['explain-log', file('router-in.txt', PROTREJ.replace('10:21:05.100', '14:51:05.100')), '--capture', sample('win11-ras-errors'), '--json']);
    const enc = ReportSchema.parse(JSON.parse(r.stdout)).findings.filter((f) => f.id === 'vpn.encryption-mismatch');
    expect(enc).toHaveLength(1);
    expect(enc[0]!.summary).toMatch(/are 2 s apart, reading the server's times as UTC\+5:30 \(a log in its local time\)/);
  });
  it('scan --server-log and a capture\'s server-logs/*.txt give the same correlation', async () => {
    const a = ReportSchema.parse(JSON.parse((await cli(['scan', '--capture', sample('win11-ras-errors'), '--server-log', file('router.txt', PROTREJ), '--json'])).stdout));
    const dir = tmp();
    for (const f of ['capture.json', 'rasclient-events.txt', 'route-print.txt', 'ver.txt']) writeFileSync(join(dir, f), readFileSync(sample('win11-ras-errors', f)));
    mkdirSync(join(dir, 'pbk'));
    mkdirSync(join(dir, 'server-logs'));
    writeFileSync(join(dir, 'server-logs', 'router.txt'), PROTREJ);
    const b = ReportSchema.parse(JSON.parse((await cli(['scan', '--capture', dir, '--json'])).stdout));
    for (const rep of [a, b]) expect(rep.findings.filter((f) => f.id === 'vpn.encryption-mismatch')).toHaveLength(1);
    expect(b.serverLogs![0]!.source).toBe('server-logs/router.txt');
  });
  it("scan's text names each server log it read and how much of it was understood; a capture's rotated .gz log is read (en, nl)", async () => {
    const dir = tmp();
    for (const f of ['capture.json', 'rasclient-events.txt', 'route-print.txt', 'ver.txt']) writeFileSync(join(dir, f), readFileSync(sample('win11-ras-errors', f)));
    mkdirSync(join(dir, 'server-logs'));
    writeFileSync(join(dir, 'server-logs', 'router.1.gz'), gzipSync(`${PROTREJ}this line is not a log line\n`));
    const en = await cli(['scan', '--capture', dir]);
    expect(en.stdout).toContain('server log: server-logs/router.1.gz — 1 of 2 log lines understood. (Cisco IOS 1 line)');
    expect(en.stdout).toContain('[vpn.encryption-mismatch]');
    const nl = await cli(['scan', '--capture', dir, '--lang', 'nl']);
    expect(nl.stdout).toContain('logboek van de server: server-logs/router.1.gz — 1 van 2 logregels begrepen. (Cisco IOS 1 regel)');
    // the HTML report's machine table says the same, one log a line
    writeFileSync(join(dir, 'server-logs', 'other.txt'), 'Jan  1 00:00:00 gw pppd[2]: LCP: timeout sending Config-Requests\n');
    const html = join(tmp(), 'r.html');
    await cli(['report', '--capture', dir, '--out', html]);
    expect(readFileSync(html, 'utf8')).toContain('<tr><th>Server logs read</th><td>server-logs/other.txt — 1 of 1 log lines understood. (pppd/pptpd/xl2tpd/mpd 1 line)<br>server-logs/router.1.gz — 1 of 2 log lines understood. (Cisco IOS 1 line)</td></tr>');
  });
  it.skipIf(!corpusAvailable)('--redact hides users, host names and public addresses of the server log', async () => {
    const r = await cli(['explain-log', join(corpusRoot, 'server-logs/vpn3000/vpn3000-syslog-auth-rejected-and-ike-user-auth-failed.txt'), join(corpusRoot, 'server-logs/pppd/pptpd-openwrt-lcp-terminated-mppe-required-not-available.txt'), '--redact', '--json']);
    for (const secret of ['testuser', 'vpn.example.com', '116.162.227.30']) expect(r.stdout).not.toContain(secret);
    expect(r.stdout).toContain('user-1');
    expect(r.code).toBe(1);
  });
  // past the entries cap a record is only counted: its names must still be hidden (the bundle holds the whole log, the report quotes unknown lines)
  const longLog = (tail: string) => ['Jul 29 09:59:50 gw pppd[3]: a line no rule knows, about alice', ...Array.from({ length: MAX_ENTRIES + 100 }, (_, i) => `Jul 29 09:59:54 gw pppd[${i}]: Using interface ppp${i % 9}`), tail].join('\n') + '\n';
  it('a user who only logs in past the entries cap is hidden too: in the redacted bundle\'s server log and by explain-log --redact', async () => {
    const tail = 'Jul 29 09:59:55 gw pppd[7]: CHAP peer authentication succeeded for alice';
    const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, readProblems: [], files: new Map([['server-logs/long.txt', { name: 'server-logs/long.txt', text: longLog(tail), encoding: 'utf-8' }]]) };
    expect(sensitiveValues({ capture })).toEqual(expect.arrayContaining([{ kind: 'user', value: 'alice' }]));
    const r = await cli(['explain-log', file('long.txt', longLog(tail)), '--redact', '--json']);
    expect(r.stdout).toContain('a line no rule knows, about user-1');
    expect(r.stdout).not.toContain('alice');
    // and a packet dump's LCP Ident (the PC's name), decoded only now
    const ident = await cli(['explain-log', file('ident.txt', longLog('Jul 29 09:59:55 gw pppd[7]: rcvd [LCP Ident id=0x4 magic=0x567f3990 "MSRAS-0-LAPTOP-ANNA"]').replace('about alice', 'about LAPTOP-ANNA')), '--redact', '--json']);
    expect(ident.stdout).toMatch(/about HOST-\d+"/);
    expect(ident.stdout).not.toContain('LAPTOP-ANNA');
  });
  it('explain-log --capture --redact hides the PC\'s names as report --redact does (host name), and the server log\'s', async () => {
    const log = file('router.txt', 'May 28 22:10:22 gw pppd[1]: Peer anna failed CHAP authentication\n');
    const plain = await cli(['explain-log', log, '--capture', sample('win11-ras-errors'), '--json']);
    expect(plain.stdout).toContain('LAPTOP-W11');
    const r = await cli(['explain-log', log, '--capture', sample('win11-ras-errors'), '--redact', '--json']);
    for (const secret of ['LAPTOP-W11', 'anna']) expect(r.stdout).not.toContain(secret);
    expect(ReportSchema.parse(JSON.parse(r.stdout)).snapshot.hostname).toMatch(/^HOST-\d+$/);
  });
  it('a capture\'s server-logs/*.txt add their users and host names to what the redacted report hides', () => {
    const text = 'Jun 24 14:31:01 auth-test pppd[14878]: Peer anna.devries failed CHAP authentication\nrcvd [LCP Ident id=0x4 magic=0x567f3990 "MSRAS-0-LAPTOP-ANNA"]\n';
    const values = sensitiveValues({ capture: { origin: 'capture', label: 'x', meta: { schemaVersion: 1 }, readProblems: [], files: new Map([['server-logs/pptpd.txt', { name: 'server-logs/pptpd.txt', text, encoding: 'utf-8' }]]) } });
    expect(values).toEqual(expect.arrayContaining([{ kind: 'user', value: 'anna.devries' }, { kind: 'host', value: 'auth-test' }, { kind: 'host', value: 'LAPTOP-ANNA' }]));
  });
});
