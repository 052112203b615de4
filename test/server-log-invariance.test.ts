import { describe, expect, it } from 'vitest';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { eventLoopTurns } from './support/event-loop-turn';
import { everyRealServerLog } from './support/every-server-log';
import { looksHardWrapped, NAME_SHAPE_WORDS, NAME_SHAPES, otherAddresses, otherConnectionNames, otherDates, otherIdentityNumbers, otherUserNames, sameLineLengths } from './support/log-variants';

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

const logs = everyRealServerLog();

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
/** each entry's user (if read) and its text */
const usersRead = (text: string): [string, string][] => parseServerLog(text, 'log').entries.map((e) => [e.user ?? '', e.text]);
/** which entries share a value (a session, a user): each entry's value as the number of the first entry with it, so a renamed one compares */
const sharing = (values: (string | undefined)[]): string => {
  const first = new Map<string, number>();
  return values.map((v, i) => (v === undefined ? '-' : (first.get(v) ?? (first.set(v, i), i)))).join(' ');
};
const reading = (text: string) => {
  const log = parseServerLog(text, 'log');
  const explained = explainServerLogs([log], t);
  return {
    records: log.records,
    understood: log.understood,
    outcomes: log.entries.map((e) => e.outcome).join(' '),
    findings: explained.findings.map((f) => `${f.id} ${f.severity}`).sort(),
    // (a renamed session or user is still one session, one user: the entries that shared it share the new one)
    sessions: sharing(log.entries.map((e) => e.session)),
    users: sharing(log.entries.map((e) => e.user)),
  };
};

describe("a log reads the same with another site's addresses and host names, and written by another syslog writer", () => {
  it('the changes are what they say: lengths kept, one address stays one address, a network stays', () => {
    const line = 'Jul  9 10:00:01 gw-01 pppd[12]: peer 192.168.1.10 from 203.0.113.7 net 10.8.0.0/16 mask 255.255.255.0 again 192.168.1.10';
    const changed = otherHostNames(otherAddresses(line));
    expect(changed).toBe('Jul  9 10:00:01 tj-01 pppd[12]: peer 192.168.1.47 from 203.0.113.2 net 10.8.0.0/16 mask 255.255.255.0 again 192.168.1.47');
    expect(changed).toHaveLength(line.length);
    expect(otherHostNames('Apr 25 23:44:28 VPN server: peer 223.104.175.183 (daixun) connected')).toBe('Apr 25 23:44:28 VPN server: peer 223.104.175.183 (daixun) connected');
  });

  it('user names: one name stays one, in each place its shape; lengths kept where the shape fits; placeholders and addresses kept', () => {
    const lines = [
      'Jul  9 10:00:01 gw pppd[12]: rcvd [CHAP Response id=0x1 <0011>, name = "alice.w"]',
      'Jul  9 10:00:01 gw pppd[12]: Peer alice.w failed CHAP authentication',
      "Jul  9 10:00:02 gw charon: 09[IKE] <rw|1> received EAP identity 'alice.w' and authentication of '192.0.2.7' failed",
      'Jul  9 10:00:03 asa : %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.0.1 : user = alice.w',
      'Jul  9 10:00:04 asa : %ASA-4-722051: Group <g> User <unknown> IP <1.2.3.4> Address <10.0.0.9> assigned to session',
    ].join('\n');
    const domain = otherUserNames('domain')(lines);
    // (pppd doubles a backslash: utils.c print_string and %q)
    expect(domain).toContain('name = "AD\\\\nyvpr.j"');
    expect(domain).toContain('Peer AD\\\\nyvpr.j failed');
    expect(domain).toContain("EAP identity 'AD\\nyvpr.j'");
    expect(domain).toContain('user = AD\\nyvpr.j');
    expect(domain).toContain("authentication of '192.0.2.7'");
    expect(domain).toContain('User <unknown>');
    expect(otherUserNames('non-ascii')(lines)).toContain('name = "éyvpr.ß"');
    // a blank where the format ends the name: in quotes, or before fixed words (pppd's `Peer %q failed`)
    const blank = otherUserNames('blank')(lines);
    expect([blank.includes('name = "nyv r.j"'), blank.includes('Peer nyv r.j failed')]).toEqual([true, true]);
    for (const shape of ['dot', 'hyphen', 'digits', 'non-ascii', 'blank'] as const) expect(sameLineLengths(lines, otherUserNames(shape)(lines))).toBe(true);
  });

  it('identity numbers: more digits (a 16-bit L2TP id within 16 bits), one number stays one (ppp0 everywhere ppp2917), counts and ports kept', () => {
    const lines = ['Jul  9 10:00:01 gw pppd[812]: Using interface ppp0', 'Jul  9 10:00:01 gw pppd[812]: Connect: ppp0 <--> /dev/pts/1', 'Jul  9 10:00:02 gw charon: 09[IKE] <rw|3> IKE_SA rw[3] established between 10.0.0.1[gw]...10.0.0.2[bob]', 'Jul  9 10:00:03 gw pluto[5]: "l2tp"[2] 10.0.0.2 #41: STATE_MAIN_R3: sent MR3, ISAKMP SA established', 'Jul  9 10:00:04 gw xl2tpd[7]: Connection established to 10.0.0.2, 1701.  Local: 12345, Remote: 3 (ref=0/0).'].join('\n');
    expect(otherIdentityNumbers(lines).split('\n')).toEqual([
      'Jul  9 10:00:01 gw pppd[8601]: Using interface ppp2917',
      'Jul  9 10:00:01 gw pppd[8601]: Connect: ppp2917 <--> /dev/pts/1',
      'Jul  9 10:00:02 gw charon: 09[IKE] <rw|2938> IKE_SA rw[2938] established between 10.0.0.1[gw]...10.0.0.2[bob]',
      'Jul  9 10:00:03 gw pluto[2952]: "l2tp"[2] 10.0.0.2 #3204: STATE_MAIN_R3: sent MR3, ISAKMP SA established',
      'Jul  9 10:00:04 gw xl2tpd[2966]: Connection established to 10.0.0.2, 1701.  Local: 50288, Remote: 26675 (ref=0/0).',
    ]);
  });

  it('dates: the gaps kept, a day written with a blank for its tens written so again, the year turned, Feb 29 in a leap year', () => {
    const lines = ['Jul 30 23:59:58 gw pppd[1]: a', 'Jul 31 00:00:03 gw pppd[1]: b', '2019-07-31T00:00:04 gw c'].join('\n');
    expect(otherDates({ startDay: 'May 1' })(lines).split('\n').map((l) => l.slice(0, 19))).toEqual(['May  1 23:59:58 gw ', 'May  2 00:00:03 gw ', '2024-05-02T00:00:04']);
    expect(otherDates({ midnightAfter: 'Dec 31' })(lines).split('\n').map((l) => l.slice(0, 19))).toEqual(['Dec 31 23:59:56 gw ', 'Jan  1 00:00:01 gw ', '2025-01-01T00:00:02']);
    expect(otherDates({ midnightAfter: 'Feb 28' })(lines).split('\n').map((l) => l.slice(0, 6))).toEqual(['Feb 28', 'Feb 29', '2024-0']);
    expect(otherDates({ midnightAfter: 'Feb 29' })(lines).split('\n').map((l) => l.slice(0, 6))).toEqual(['Feb 29', 'Mar  1', '2024-0']);
  });

  /** each change, and how many logs it must change (so it is shown to reach them: most logs hold an address, fewer name a user) */
  const changes: [change: string, vary: (text: string) => string, atLeast: number][] = [
    ['other addresses', otherAddresses, 150],
    ['other host names', otherHostNames, 50],
    // (a router relayed by the collector, `192.168.177.1 HQ: …`, and strongSwan's updown `gw vpn: + …` read only under the classic time before)
    ["written by rsyslog's RFC 3339 file format", rsyslogFileFormat, 50],
    ['written by journalctl -o short-iso', journalctlShortIso, 50],
    // (a line without a pid, the kernel's, read only with one before)
    ['written by journalctl -o short-unix', journalctlShortUnix, 50],
    ['written by journalctl -o short-full', journalctlShortFull, 50],
    // (RasClient's and RemoteAccess's English messages read a user only up to a blank before)
    ...NAME_SHAPES.map((shape): [string, (text: string) => string, number] => [`user names ${NAME_SHAPE_WORDS[shape]}`, otherUserNames(shape), shape === 'blank' ? 25 : 35]),
    ['identity numbers with more digits (interfaces, tunnels and calls, SA ids, pids)', otherIdentityNumbers, 120],
    ['connection names longer, with a hyphen and digits (vpn-site-1)', otherConnectionNames, 40],
    ['another first day (May  1)', otherDates({ startDay: 'May 1' }), 150],
    ['across New Year (Dec 31 to Jan  1)', otherDates({ midnightAfter: 'Dec 31' }), 150],
    ['into a leap day (Feb 28 to Feb 29)', otherDates({ midnightAfter: 'Feb 28' }), 150],
    // (a password retyped across midnight from Feb 29 stayed critical before: retried-logins.ts counted 31-day months)
    ['from a leap day into March (Feb 29 to Mar  1)', otherDates({ midnightAfter: 'Feb 29' }), 150],
  ];
  /** the writer variants above were read on hard-wrapped pastes as well (none read otherwise); the later ones lengthen lines only elsewhere */
  const WRAPPED_TOO = 6;

  changes.forEach(([change, vary, atLeast], i) => {
    it(change, { timeout: 120_000 }, async () => {
      const turn = eventLoopTurns();
      const differing: string[] = [];
      let varied = 0;
      for (const [name, text] of logs) {
        await turn();
        const other = vary(text);
        if (other === text) continue;
        // (a hard-wrapped paste of the longer lines would have been wrapped elsewhere: no other site's paste)
        if (i >= WRAPPED_TOO && !sameLineLengths(text, other) && looksHardWrapped(text)) continue;
        varied++;
        const [was, now] = [reading(text), reading(other)];
        if (JSON.stringify(was) !== JSON.stringify(now)) differing.push(`${name}: ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
        // (a renamed user is read as the new name, whole: not cut at a blank, a dot or a backslash)
        const renamed = (vary as { renamed?: Map<string, string> }).renamed;
        if (renamed) {
          const [before, after] = [usersRead(text), usersRead(other)];
          before.forEach(([user, line], at) => {
            const to = renamed.get(user);
            // (only where the entry's own lines hold the new name: a name the variant does not reach, an event's data, stays as it was)
            if (to !== undefined && after[at] && [to, to.replace(/[\\"]/g, '\\$&')].some((form) => after[at]![1].includes(form)) && after[at]![0] !== to)
              differing.push(`${name}:${line}: user ${JSON.stringify(to)} read as ${JSON.stringify(after[at]![0])}`);
          });
        }
      }
      expect(differing).toEqual([]);
      expect(varied).toBeGreaterThan(atLeast);
    });
  });
});
