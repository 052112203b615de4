import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { corpusFiles, readCorpus } from './corpus';
import { eventLoopTurns } from './support/event-loop-turn';
import { readRepoText, repoFiles } from './support/repo-files';

/**
 * What a log says does not hang on which addresses or which host names it holds: the logs people paste are other servers' and
 * other users', so a reading that leaned on a fixture's own values (an address, a router's name) would pass every table test
 * here and fail there. Each real log (the corpus's and the fixtures') is read again with its values
 * changed as another site's log would have them, and must read the same: records, understood lines, every entry's outcome, and
 * the findings by id and severity.
 * The changes keep each line's length (a hard-wrapped paste's width is read from its lines' lengths: lines.ts) and what the
 * parser may rightly read from a value:
 * - an IPv4 host's last number becomes another of as many digits (never 0 or 255), the network part as it was, so private stays
 *   private, a subnet holds the hosts it held and one address is still the same address everywhere; networks, masks and
 *   addresses before a `/` are left alone;
 * - a classic syslog header's host name (RFC 3164 §4.1.2: `Mmm dd hh:mm:ss HOST TAG[pid]:`) has its letters rotated (ROT13).
 * And the same lines as another syslog writer writes them (lengths change there: a hard-wrapped paste may then read otherwise, none
 * does): rsyslog's RFC 3339 file format, Debian's default, and `journalctl -o short-iso`, `short-unix` and `short-full`.
 */

const FOLDERS = ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'];
const logs: [string, string][] = [
  ...FOLDERS.flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => [`corpus/${f}/${n}`, readCorpus(join('server-logs', f), n)] as [string, string])),
  ...repoFiles('test/fixtures/real/server-logs')
    .filter((n) => n.endsWith('.txt'))
    .map((n) => [`real/${n}`, readRepoText(`test/fixtures/real/server-logs/${n}`)] as [string, string]),
];

/** a bijection on each of 1–9, 10–99 and 100–254: the same number of digits, never 0 or 255 */
const otherHost = (h: number): number => (h < 10 ? ((h - 1 + 4) % 9) + 1 : h < 100 ? ((h - 10 + 37) % 90) + 10 : ((h - 100 + 71) % 155) + 100);
const QUAD = /(?<![\d./])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d/]|\.\d)/g;
const otherAddresses = (text: string): string =>
  text.replace(QUAD, (quad, a: string, b: string, c: string, d: string) => {
    const [first, host] = [Number(a), Number(d)];
    const special = [a, b, c, d].some((x) => Number(x) > 255) || first === 0 || first === 127 || first >= 224 || host === 0 || host === 255;
    return special ? quad : `${a}.${b}.${c}.${otherHost(host)}`;
  });

const rot13 = (word: string): string => word.replace(/[a-z]/gi, (ch) => String.fromCharCode((((ch.charCodeAt(0) & 31) - 1 + 13) % 26) + 1 + (ch.charCodeAt(0) & 96)));
/** the host of a header whose tag has a pid (`pppd[123]:`): without one, two words before a colon may be a message's own (`VPN server: peer …`) */
const SYSLOG_HOST = /^((?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) ([A-Za-z][^\s:[\]]*) ([^\s[:]+\[\d+\]:)/gm;
const otherHostNames = (text: string): string => text.replace(SYSLOG_HOST, (_line, time: string, host: string, tag: string) => `${time} ${rot13(host)} ${tag}`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** a classic header's time before a host and a tag (RFC 3164 §4.1.2) */
const CLASSIC_TIME = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]?\d) (\d\d:\d\d:\d\d)(?:\.\d+)? (?=[\w.-]+ [A-Za-z][\w./-]*(?:\[\d+\])?: )/gm;
/** a tag right after the time: a log written without host names (pfSense's clog, a router's own file), which no RFC 3339 writer writes */
const NO_HOST = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]?\d \d\d:\d\d:\d\d [^\s:[\]]+(?:\[\d+\])?: /m;
/** The same log as another writer's file: its classic times as that writer's RFC 3339 time (a log written without host names as it was). */
const writtenWith =
  (time: (date: string, clock: string) => string) =>
  (text: string): string =>
    NO_HOST.test(text) ? text : text.replace(CLASSIC_TIME, (_m, month: string, day: string, clock: string) => `${time(`2024-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.trim().padStart(2, '0')}`, clock)} `);
/** rsyslog's RSYSLOG_FileFormat, Debian's default (syslog-writer-tag.ts), and `journalctl -o short-iso` (no colon in the offset) */
const rsyslogFileFormat = writtenWith((date, clock) => `${date}T${clock}.123456+01:00`);
const journalctlShortIso = writtenWith((date, clock) => `${date}T${clock}+0100`);
/** `journalctl -o short-unix` (seconds since the epoch, microseconds) and `-o short-full` (weekday, date, time, zone) */
const utc = (date: string, clock: string) => new Date(`${date}T${clock}Z`);
const journalctlShortUnix = writtenWith((date, clock) => `${utc(date, clock).getTime() / 1000}.123456`);
const journalctlShortFull = writtenWith((date, clock) => `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][utc(date, clock).getUTCDay()]} ${date} ${clock} UTC`);

const t = engineT('en');
const reading = (text: string) => {
  const log = parseServerLog(text, 'log');
  const explained = explainServerLogs([log], t);
  return { records: log.records, understood: log.understood, outcomes: log.entries.map((e) => e.outcome).join(' '), findings: explained.findings.map((f) => `${f.id} ${f.severity}`).sort() };
};

describe("a log reads the same with another site's addresses and host names, and written by another syslog writer", () => {
  it('the changes are what they say: lengths kept, one address stays one address, a network stays', () => {
    const line = 'Jul  9 10:00:01 gw-01 pppd[12]: peer 192.168.1.10 from 203.0.113.7 net 10.8.0.0/16 mask 255.255.255.0 again 192.168.1.10';
    const changed = otherHostNames(otherAddresses(line));
    expect(changed).toBe('Jul  9 10:00:01 tj-01 pppd[12]: peer 192.168.1.47 from 203.0.113.2 net 10.8.0.0/16 mask 255.255.255.0 again 192.168.1.47');
    expect(changed).toHaveLength(line.length);
    expect(otherHostNames('Apr 25 23:44:28 VPN server: peer 223.104.175.183 (daixun) connected')).toBe('Apr 25 23:44:28 VPN server: peer 223.104.175.183 (daixun) connected');
  });

  for (const [change, vary] of [
    ['other addresses', otherAddresses],
    ['other host names', otherHostNames],
    // (a router relayed by the collector, `192.168.177.1 HQ: …`, and strongSwan's updown `gw vpn: + …` read only under the classic time before)
    ["written by rsyslog's RFC 3339 file format", rsyslogFileFormat],
    ['written by journalctl -o short-iso', journalctlShortIso],
    // (a line without a pid, the kernel's, read only with one before)
    ['written by journalctl -o short-unix', journalctlShortUnix],
    ['written by journalctl -o short-full', journalctlShortFull],
  ] as const) {
    it(change, { timeout: 120_000 }, async () => {
      const turn = eventLoopTurns();
      const differing: string[] = [];
      let varied = 0;
      for (const [name, text] of logs) {
        await turn();
        const other = vary(text);
        if (other === text) continue;
        varied++;
        const [was, now] = [reading(text), reading(other)];
        if (JSON.stringify(was) !== JSON.stringify(now)) differing.push(`${name}: ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
      }
      expect(differing).toEqual([]);
      // (most logs hold an address; most syslog copies a host name)
      expect(varied).toBeGreaterThan(change === 'other addresses' ? 150 : 50);
    });
  }
});
