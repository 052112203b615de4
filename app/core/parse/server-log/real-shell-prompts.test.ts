import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { engineT } from '../../i18n';
import { parseServerLog } from './index';

/**
 * A shell's or a router's prompt copied with the log, and the command typed after it (shell-prompt.ts): read by the prompt's shape
 * as "typed at a command prompt" (info, never a cause), counted as the server the rest of the paste is from; prose holding a `#`
 * stays unread. Real pastes: test/fixtures/real/SOURCES.md.
 */

const en = engineT('en');
const nl = engineT('nl');
const DIR = 'test/fixtures/real/server-logs';

const EXPECTED: Record<string, RealServerLogRow> = {
  // (the prompt was not understood; left unread: open_controlfd's line and the `packet dump:` / `HEX:` / `ASCII:` lines, xl2tpd's)
  'xl2tpd-foreground-arch-arm-bracket-prompt-sudo-xl2tpd-d-packet-dump.txt': {
    records: 19,
    understood: 15,
    families: { pppd: 15 },
    causes: [],
    says: [[4, 'Typed at a command prompt (not a log line): sudo xl2tpd -D.']],
  },
  // (left unread: the `pppoe,info` line, RouterOS's PPPoE server)
  'routeros-manual-bracket-prompt-log-print-where-buffer-pppoe-established.txt': {
    records: 2,
    understood: 1,
    families: { mikrotik: 1 },
    causes: [],
    says: [[1, 'Typed at a command prompt (not a log line): /log print where buffer=pppoe.']],
  },
};

describe('real pastes with a prompt', () => {
  realServerLogTable(EXPECTED);
});

const entryAt = (file: string, line: number) => {
  const r = parseServerLog(readRepoText(`${DIR}/${file}`));
  return { r, e: r.entries.find((x) => x.line === line) };
};

describe('real pastes: the prompt line is the command typed, counted as the paste\'s server', () => {
  it.each([
    // Arch Linux ARM's bash prompt `[user@host dir]$` before xl2tpd run in the foreground (was not understood)
    ['xl2tpd-foreground-arch-arm-bracket-prompt-sudo-xl2tpd-d-packet-dump.txt', 4, 'pppd', 'sudo xl2tpd -D'],
    // NixOS's `[user@host:dir]#` before `journalctl -f` (was not understood)
    ['journalctl-follow-nixos-container-blob-data-lines.txt', 1, 'syslog', 'journalctl -f -u container@target1.service'],
    // RouterOS's `[user@identity] >` before `/log print` (MikroTik manual): the prompt names the device
    ['routeros-manual-bracket-prompt-log-print-where-buffer-pppoe-established.txt', 1, 'mikrotik', '/log print where buffer=pppoe'],
    // PowerShell's `PS D:\dir>` before Get-EventLog's table of RRAS-side events (was not understood)
    ['powershell-invoke-command-get-eventlog-pscomputername-after-message-security.txt', 18, 'rras', 'Get-EventLog Security -Newest 5 -ComputerName server01,server02'],
    ['powershell-get-eventlog-table-ja-mysql-instanceid-3221225572-month-number.txt', 1, 'rras', 'Get-EventLog Application -Source MySQL -EntryType Warning -After (Get-Date).AddDays(-30)'],
  ])('%s line %i', (file, line, family, command) => {
    const { r, e } = entryAt(file, line);
    expect(r.unknownLines.map((u) => u.line)).not.toContain(line);
    expect(e?.family).toBe(family);
    expect(e?.outcome).toBe('info');
    expect(e?.cause).toBeUndefined();
    expect(describeEntry(e!, en)).toBe(`Typed at a command prompt (not a log line): ${command}.`);
    expect(describeEntry(e!, nl)).toBe(`Getypt achter een opdrachtprompt (geen logregel): ${command}.`);
  });

  it("the prompt adds to the paste's server, not a family of its own", () => {
    const { r } = entryAt('xl2tpd-foreground-arch-arm-bracket-prompt-sudo-xl2tpd-d-packet-dump.txt', 4);
    expect(Object.keys(r.families)).toEqual(['pppd']);
  });
});

describe('prompt shapes (bash PS1 of Red Hat, Debian, Gentoo; BusyBox ash; Libreswan test hosts; RouterOS; PowerShell, cmd.exe)', () => {
  it.each([
    ['[root@Test xl2tpd]# xl2tpd -D', 'xl2tpd -D'],
    ['root@vpn:~# tail -f /var/log/syslog', 'tail -f /var/log/syslog'],
    ['root@OpenWrt:~# logread -f', 'logread -f'],
    ['user@host:/etc/ppp$ sudo pppd call vpn', 'sudo pppd call vpn'],
    ['pi@raspberrypi ~ $ sudo xl2tpd -D', 'sudo xl2tpd -D'],
    ['west # ipsec auto --up westnet-eastnet', 'ipsec auto --up westnet-eastnet'],
    ['$ sudo journalctl -u strongswan', 'sudo journalctl -u strongswan'],
    ['# ipsec statusall', 'ipsec statusall'],
    ['  root@vpn:~# /usr/sbin/ipsec status', '/usr/sbin/ipsec status'],
    ['[admin@MikroTik] /log> print', 'print'],
    ['C:\\Windows\\system32>netsh ras set tracing * enabled', 'netsh ras set tracing * enabled'],
    // (the command's own ` ./` and ` .5` stay: only a blank an empty value leaves before a word's full stop goes, describe.ts)
    ['root@vpn:~# sh ./debug.sh .5', 'sh ./debug.sh .5'],
  ])('%s', (line, command) => {
    const r = parseServerLog(line);
    expect(r.unknown).toBe(0);
    expect(describeEntry(r.entries[0]!, en)).toBe(`Typed at a command prompt (not a log line): ${command}.`);
  });

  it.each(['west #', 'root@vpn:~#', '[root@Test xl2tpd]#', '[admin@MikroTik] >'])('%s: a prompt with nothing typed', (line) => {
    const r = parseServerLog(line);
    expect(r.unknown).toBe(0);
    expect(describeEntry(r.entries[0]!, en)).toBe('A command prompt with nothing typed (not a log line).');
  });
});

describe('near misses: prose and config comments stay unread', () => {
  it.each([
    'C# is great',
    'Step 1# do this',
    '# Title',
    '## Logs',
    '# basic configuration',
    '# /etc/ipsec.conf - Libreswan IPsec configuration file',
    '# ipsec.conf - strongSwan IPsec configuration file',
    '$ 5 per month',
    'Note # This is important',
    'see the log # below',
    '[Unit] # comment',
  ])('%s', (line) => {
    const r = parseServerLog(line);
    expect(r.unknown).toBe(1);
  });
});
