import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { reportBundleFiles } from '../app/core/report/report-zip';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { ServerLogParser } from '../app/core/parse/server-log';
import { ServerLogNames } from '../app/core/parse/server-log/names';
import { Redactor } from '../app/core/report/redact';
import { cli } from './support/cli';
import { readRepoText, repoFiles, repoRoot } from './support/repo-files';

/**
 * `--redact` on real server logs: the identities each of these logs names — in wordings and places no
 * family decodes into a user (strongSwan's %Y identities, a certificate's subject, Libreswan's peer
 * IDs, SoftEther's admin lines, a MikroTik log-in) — are gone from explain-log's redacted report and
 * from the redacted bundle of a capture holding the log as server-logs/*.txt. Each value was in the
 * redacted output before stated-names.ts.
 */
const FIXTURES: [file: string, names: string[]][] = [
  ['charon-systemd-journal-duplicate-ike-sa-delete.txt', ['device1', 'device2']],
  ['charon-android-app-log-peer-deletes-ike-sa-restart.txt', ['mi9t']],
  ['charon-android-app-log-invalid-ke-dh-group-retry.txt', ['vpnclient-new']],
  ['softether-server-log-admin-mode-rpc-session-hub-users.txt', ['test-win7', 'test-win10']],
  ['asa-cac-anyconnect-certificate-map-none-lua-username-script-error-authorization-unknown-user.txt', ['RYAN.WOLFE']],
  ['charon-swanctl-initiate-failed-auth-failed-then-ts-unacceptable.txt', ['hq.example.com', 'branch.example.com']],
  ['pluto-4x-established-child-sa-ikev2.txt', ['awx.im']],
  ['routeros-remote-syslog-bsd-and-raw-priority-topics-identity.txt', ['jotne']],
  // a Linux firewall's packet log: the PC's and its router's MACs in the kernel's `MAC=` link-layer header
  ['netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt', ['b8:ac:6f:c2:0a:80', 'bc:f1:f2:6c:fb:48']],
];
const fixture = (name: string) => `test/fixtures/real/server-logs/${name}`;

describe('--redact hides the identities real server logs state', () => {
  it("a firewall packet log's MAC= header: both MACs become tokens, each the same one everywhere, the EtherType kept", () => {
    const r = new Redactor([]);
    const line = (id: number) => `kernel: [UFW BLOCK]IN=eth0 OUT= MAC=b8:ac:6f:c2:0a:80:bc:f1:f2:6c:fb:48:08:00SRC=10.0.0.9 DST=10.0.0.1 LEN=60 ID=${id} DF PROTO=47`;
    const [a, b] = [r.text(line(1)), r.text(line(2))];
    const header = a.match(/MAC=([0-9a-f:]+)/)![1]!;
    expect(header).toMatch(/^(?:[0-9a-f]{2}:){12}08:00$/);
    expect(header.slice(0, 17)).not.toBe('b8:ac:6f:c2:0a:80');
    expect(header.slice(18, 35)).not.toBe('bc:f1:f2:6c:fb:48');
    expect(header.slice(0, 17)).not.toBe(header.slice(18, 35));
    expect(b).toBe(a.replace('ID=1', 'ID=2'));
    expect(r.text('the router b8:ac:6f:c2:0a:80')).toBe(`the router ${header.slice(0, 17)}`);
  });

  it.each(FIXTURES)('explain-log --redact: %s', async (name, names) => {
    const plain = await cli(['explain-log', join(repoRoot, fixture(name)), '--json', '--verbose']);
    for (const n of names) expect(plain.stdout).toContain(n);
    const r = await cli(['explain-log', join(repoRoot, fixture(name)), '--redact', '--json', '--verbose']);
    for (const n of names) expect(r.stdout).not.toContain(n);
  });

  it('the redacted bundle of a capture holding them as server-logs/*.txt', () => {
    const files = new Map(FIXTURES.map(([name]) => [`server-logs/${name}`, { name: `server-logs/${name}`, text: readRepoText(fixture(name)), encoding: 'utf-8' as const }]));
    const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, readProblems: [], files };
    const { report } = analyseCapture(capture, { toolVersion: 't' });
    const bundle = reportBundleFiles({ report, capture, redact: true });
    const leaks = bundle.flatMap((f) => FIXTURES.flatMap(([, names]) => names.filter((n) => f.content.includes(n)).map((n) => `${f.name}: ${n}`)));
    expect(leaks).toEqual([]);
  });

  it("a journal export's copy in the bundle keeps neither the server's names nor its machine and boot ids (journal-export.ts)", () => {
    const name = 'systemd-journal-export-format-doc-three-entries-binary-message.txt';
    const text = readRepoText(fixture(name));
    const ids = [...new Set(text.match(/(?<=_(?:MACHINE|BOOT)_ID=)[0-9a-f]{32}/g))];
    expect(ids.length).toBe(4);
    const files = new Map([[`server-logs/${name}`, { name: `server-logs/${name}`, text, encoding: 'utf-8' as const }]]);
    const capture = { origin: 'capture' as const, label: 'x', meta: { schemaVersion: 1 as const }, readProblems: [], files };
    const bundle = reportBundleFiles({ report: analyseCapture(capture, { toolVersion: 't' }).report, capture, redact: true });
    const copy = bundle.find((f) => f.name.endsWith(name))!.content;
    expect(copy).toContain('_MACHINE_ID=');
    for (const v of [...ids, 'epsilon', 'bupkis']) expect([v, copy.includes(v)]).toEqual([v, false]);
  });

  it('a line no family understood is shown among the unknown lines: its names go too', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'tm-redact-')), 'gw.log');
    writeFileSync(log, ['Jul 29 09:59:50 gw pppd[3]: Using interface ppp0', 'session opened for user="zoe.k@corp.example" from 198.51.100.7', 'portal user=quentin7 kept'].join('\n'));
    const plain = JSON.parse((await cli(['explain-log', log, '--json'])).stdout);
    expect(plain.serverLogs[0].unknownLines.map((u: { text: string }) => u.text).join('\n')).toContain('zoe.k@corp.example');
    const r = await cli(['explain-log', log, '--redact', '--json']);
    for (const n of ['zoe.k', 'corp.example', 'quentin7']) expect(r.stdout).not.toContain(n);
  });

  it("accel-ppp's session prefix names the user of each line (ppp0:user: ), also where the message does not", async () => {
    // real: pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt, its user renamed so that no other word holds it
    const log = join(mkdtempSync(join(tmpdir(), 'tm-redact-')), 'accel.log');
    writeFileSync(log, readRepoText(fixture('pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt')).replace(/:test: test: /, ':test: ').replace(/:test:/g, ':wilma9:'));
    const plain = JSON.parse((await cli(['explain-log', log, '--json', '--verbose'])).stdout);
    expect(plain.serverLogs[0].entries.filter((e: { user?: string }) => e.user === 'wilma9').length).toBeGreaterThan(5);
    expect((await cli(['explain-log', log, '--redact', '--json', '--verbose'])).stdout).not.toContain('wilma9');
  });

  it('says what --redact hid, counted, in the person\'s language (never the values), and when it found nothing', async () => {
    const log = join(repoRoot, fixture('charon-systemd-journal-duplicate-ike-sa-delete.txt'));
    const en = await cli(['explain-log', log, '--redact']);
    expect(en.stderr).toContain('--redact replaced 2 user names and 1 computer or host name with tokens');
    for (const n of ['device1', 'device2', 'host-10-127-5-175']) expect(en.stderr + en.stdout).not.toContain(n);
    const nl = await cli(['explain-log', log, '--redact', '--lang', 'nl']);
    expect(nl.stderr).toContain('--redact verving 2 gebruikersnamen en 1 computer- of hostnaam door vervangende namen');
    const bare = join(mkdtempSync(join(tmpdir(), 'tm-redact-')), 'bare.log');
    writeFileSync(bare, 'rcvd [LCP ConfReq id=0x1 <mru 1400> <magic 0x5d0b2c21>]\n');
    expect((await cli(['explain-log', bare, '--redact'])).stderr).toContain('--redact found no user names, host names or public addresses to replace.');
    // not a word without --redact, nor with --json (stdout is the document; scripts read stderr for errors)
    expect((await cli(['explain-log', log])).stderr).not.toContain('--redact');
    expect((await cli(['explain-log', log, '--redact', '--json'])).stderr).not.toContain('--redact');
  });

  it("a device's prompt in a pasted session names it; a default name (Router, gateway) stays, as it identifies nobody and is a word of the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-redact-'));
    const PROTREJ = '*Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)';
    const named = join(dir, 'named.txt');
    writeFileSync(named, `branchrtr47#debug ppp negotiation\nPPP protocol negotiation debugging is on\n${PROTREJ}\n`);
    const r = await cli(['explain-log', named, '--redact']);
    expect(r.stdout).not.toContain('branchrtr47');
    expect(r.stdout).toContain('The router refused the encryption (CCP)');
    const plain = join(dir, 'default.txt');
    writeFileSync(plain, `Router#debug ppp negotiation\n${PROTREJ}\nNov 18 10:21:06 gateway pppd[2]: Peer rudi failed CHAP authentication\n`);
    const d = await cli(['explain-log', plain, '--redact']);
    expect(d.stdout).toContain('The router refused the encryption (CCP)');
    expect(d.stdout).not.toContain('HOST-');
    expect(d.stdout).not.toContain('rudi');
  });

  it("every fixture: no user or peer name a family decoded survives explain-log --redact (the peer too: xl2tpd's `Call established with myserver`)", () => {
    // a masked or placeholder value (`xx.yyy.zzz.aa`, `176.XXX.XXX.XXX`, `<GATEWAYIP>`), or a word that names no one (names.ts, redact.ts) is no leak, nor a
    // value the report's own words hold (`admin`, an ASA user's name, inside "the administrator" of every finding's advice)
    const NO_NAME = /x{2,}|\bx\b|^<.*>$|^(?:vpn|client|RAS|admin)$/i;
    const leaks: string[] = [];
    for (const n of repoFiles('test/fixtures/real/server-logs').filter((f) => f.endsWith('.txt'))) {
      const names = new ServerLogNames();
      const parser = new ServerLogParser(n, { everyEntry: (e) => names.addEntry(e) });
      parser.pushText(readRepoText(fixture(n)));
      const r = parser.end();
      for (const u of r.unknownLines) names.addText(u.text);
      const out = JSON.stringify(new Redactor(names.names).value(explainServerLogs([r], engineT('en'))));
      for (const e of r.entries) for (const v of [e.user, e.peer]) if (v && v.length >= 3 && /[g-z]/i.test(v) && !NO_NAME.test(v) && out.includes(v)) leaks.push(`${n}: ${v}`);
    }
    expect([...new Set(leaks)]).toEqual([]);
  });
});
