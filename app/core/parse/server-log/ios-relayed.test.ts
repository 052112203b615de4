import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { parseServerLog, type ServerLogEntry, type ServerLogResult } from './index';

/**
 * A Cisco IOS / IOS-XE router's lines as a syslog server wrote them (`logging host X`; prefix-shapes.ts iosAfterRelay): read as
 * the same lines from the router's console, with the relay's host. The single lines below are real, as found (search index
 * files; sources in iosAfterRelay's comment). No real relayed VPN excerpt was found: the VPN tests are ASSEMBLED — the real
 * header shapes put before the lines of real IOS fixtures (test/fixtures/real/server-logs), one shape per line in turn.
 */

const en = engineT('en');
const one = (line: string): ServerLogEntry => {
  const r = parseServerLog(line);
  expect(r.entries, line).toHaveLength(1);
  return r.entries[0]!;
};

describe('real relayed IOS lines, as found', () => {
  it('a counter, then IOS\'s own time with a time zone word: IOS\'s time, the relay\'s host, the IOS system message', () => {
    // x-arf sample (index file id 4737193529): a four-letter zone word
    const a = one('Jun  3 22:46:06 1.1.8.4 20367287: Jun  3 22:46:05.119 MEZS: %SEC-6-IPACCESSLOGP: list in.TenGigabitEthernet1_1_1 denied tcp 58.254');
    expect(a).toMatchObject({ family: 'ios', host: '1.1.8.4', time: { month: 6, day: 3, hour: 22, minute: 46, second: 5, ms: 119 } });
    expect(a.decoded[0]).toMatchObject({ key: 'step.iosSystemMessage', values: { facility: 'SEC', severity: '6', mnemonic: 'IPACCESSLOGP' } });
    expect(a.program).toBeUndefined();
    // OpenNMS syslogd test (index file ids 19543319734, 2840660961): the syslog priority still in front
    const b = one('<190>Mar 11 08:35:17 127.0.0.1 30128311: Mar 11 08:35:16.844 CST: %SEC-6-IPACCESSLOGP: list in110 denied tcp 192.168.10.100(63923) -> 192.168.11.128(1521), 1 packet');
    expect(b).toMatchObject({ family: 'ios', host: '127.0.0.1', time: { month: 3, day: 11, hour: 8, minute: 35, second: 16, ms: 844 } });
    // ossec-docs log_samples/cisco/cisco_ios.rst: a host name, the `.` of a clock that was synchronised once
    const c = one('Jul 10 16:07:14 cisco2621 636: .Jul 10 15:58:56.590 EDT: %SEC-6-IPACCESSLOGP: list 102 denied tcp 10.0.6.56(3067) -> 172.36.4.7(139), 1 packet');
    expect(c).toMatchObject({ family: 'ios', host: 'cisco2621', time: { month: 7, day: 10, hour: 15, minute: 58, second: 56, ms: 590 } });
  });
  it('no IOS time (the relay\'s time), no counter (an empty tag)', () => {
    // ossec-docs: the router sent no time of its own
    expect(one('Sep  6 09:25:12 RouterName 89: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (1.1.1.1)')).toMatchObject({ family: 'ios', host: 'RouterName', time: { month: 9, day: 6, hour: 9, minute: 25, second: 12 } });
    // a Reddit sample (index file id 9347431776): no counter, the tag left empty; its `: 33 packets received` line is no IOS line
    const r = parseServerLog('Jun 23 00:28:46 145.89.109.1 : %SEC-6-IPACCESSLOGP: list 120 denied tcp 121.18.238.123(0) -> 145.89.109.49(0), 15 packets\nJun 23 00:28:46 145.89.109.2 : 33 packets received');
    expect(r.entries.map((e) => [e.family, e.host, e.time?.second])).toEqual([['ios', '145.89.109.1', 46]]);
    expect(r.unknownLines.map((u) => [u.line, u.family])).toEqual([[2, undefined]]);
  });
});

/** the real relay header shapes (iosAfterRelay's sources), `t` the relay's time, `n` IOS's counter; the last one an RFC 3339 relay header (assumed: rsyslog's RSYSLOG_FileFormat, no real IOS sample) */
const SHAPES: ((t: string, n: number, line: string) => string)[] = [
  (t, n, line) => `${t} 1.1.8.4 ${n}: ${line}`,
  (t, n, line) => `<190>${t} 127.0.0.1 ${n}: ${line}`,
  (t, n, line) => `${t} cisco2621 ${n}: ${line}`,
  (t, _n, line) => `${t} 145.89.109.1 : ${line}`,
  // `logging origin-id hostname` (Splunk SC4S's test, index file id 29529579202): the router's name after the counter
  (t, n, line) => `${t} 10.0.0.1 ${n}: foo: ${line}`,
  (t, n, line) => `2026-09-05T${t.slice(7)}+00:00 rtr1 ${n}: ${line}`,
];
const HOSTS = ['1.1.8.4', '127.0.0.1', 'cisco2621', '145.89.109.1', '10.0.0.1', 'rtr1'];
const RELAY_TIME = 'Sep  5 02:17:00';

/** the console lines relayed: each line under the next header shape (ASSEMBLED); `strip` takes IOS's own time off first */
const relay = (lines: string[], strip?: (line: string) => string): string[] => lines.map((line, i) => SHAPES[i % SHAPES.length]!(RELAY_TIME, 100 + i, strip ? strip(line) : line));
const linesOf = (file: string) => readRepoText(`${REAL_SERVER_LOGS}/${file}`).split('\n').filter((l) => l.trim() !== '');
/** what an entry says, without where it came from */
const reading = (e: ServerLogEntry) => ({ line: e.line, family: e.family, decoded: e.decoded, outcome: e.outcome, cause: e.cause, code: e.code, session: e.session, user: e.user, peer: e.peer });
const findingIds = (r: ServerLogResult) => explainServerLogs([r], en).findings.map((f) => f.id);

describe('relayed IOS VPN debug lines read as the console copy (ASSEMBLED: real header shapes before real IOS fixture lines)', () => {
  const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
  it('IOS-XE PPPoE CHAP login, AAA timeouts and RADIUS_DEAD: the same entries, causes and findings; IOS\'s times, the relay\'s hosts', () => {
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const relayed = parseServerLog(relay(linesOf(RADIUS)).join('\n'));
    expect(console.entries.length).toBeGreaterThan(10);
    expect([relayed.records, relayed.understood, relayed.families]).toEqual([console.records, console.understood, console.families]);
    expect(relayed.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(relayed.entries.map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(relayed.entries.map((e) => e.host)).toEqual(relayed.entries.map((e) => HOSTS[(e.line - 1) % HOSTS.length]));
    expect(relayed.entries.some((e) => e.cause === 'radius-unreachable')).toBe(true);
    expect(findingIds(relayed)).toEqual(findingIds(console));
    expect(findingIds(relayed).length).toBeGreaterThan(0);
  });
  it('without IOS\'s own time (no `service timestamps`): the same reading, at the relay\'s time', () => {
    const lines = linesOf(RADIUS);
    const console = parseServerLog(lines.join('\n'));
    // (only the classic shapes with a counter: after an empty tag or an ISO relay header, and after an origin id, which could be
    // a debug line's own head — `ISAKMP: …` —, only IOS's time or a system message says the line is IOS's)
    const noTime = lines.map((line, i) => SHAPES[i % 3]!(RELAY_TIME, 100 + i, line.replace(/^\*\w{3} +\d+ [\d:.]+: /, '')));
    const relayed = parseServerLog(noTime.join('\n'));
    expect(relayed.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(new Set(relayed.entries.map((e) => JSON.stringify(e.time)))).toEqual(new Set([JSON.stringify({ month: 9, day: 5, hour: 2, minute: 17, second: 0 })]));
    expect(findingIds(relayed)).toEqual(findingIds(console));
  });
  it('IOS PPTP server with sequence numbers, a masked time and a time zone (`000504: *Jan x xx:xx:xx.yyy PST:`): error 691', () => {
    const file = 'ios-pptp-seqno-timezone-ms-chap-login-response-fail-e691.txt';
    const console = parseServerLog(linesOf(file).join('\n'));
    const relayed = parseServerLog(relay(linesOf(file)).join('\n'));
    expect(relayed.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(relayed.entries.map((e) => e.code)).toContain(691);
    expect(findingIds(relayed)).toEqual(findingIds(console));
  });
  it('the brief\'s `Vi1 LCP: O PROTREJ … CCP` after a relay header: the router refused the PC\'s encryption', () => {
    const e = one('Nov 18 10:21:05 10.0.0.1 123: *Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)');
    const c = one('*Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)');
    expect(reading(e)).toEqual(reading(c));
    expect(e).toMatchObject({ family: 'ios', host: '10.0.0.1', session: 'Vi1', cause: 'server-refused-encryption', time: { month: 11, day: 18, hour: 10, minute: 21, second: 5, ms: 100 } });
  });
});

describe('a central syslog server: pppd lines and relayed IOS lines interleaved', () => {
  it('each line read by its own family: pppd with its pid and host, IOS with the router\'s address', () => {
    const log = [
      'Sep  5 02:16:01 vpn pppd[2201]: Plugin rp-pppoe.so loaded.',
      'Sep  5 02:16:03 10.0.0.1 57: *Sep  5 02:16:03.571: ppp61 CHAP: I RESPONSE id 1 len 36 from "test@lab.com.au"',
      'Sep  5 02:16:04 vpn kernel: [ 1234.5678] eth0: link up',
      'Sep  5 02:16:13 10.0.0.1 58: *Sep  5 02:16:13.619: %RADIUS-4-RADIUS_DEAD: RADIUS server 192.168.18.12:1812,1813 is not responding.',
      'Sep  5 02:16:20 vpn pppd[2201]: Peer alice failed CHAP authentication',
      'Sep  5 02:16:23 10.0.0.1 59: *Sep  5 02:16:23.687: ppp61 CHAP: O FAILURE id 1 len 25 msg is "Authentication failed"',
    ].join('\n');
    const r = parseServerLog(log);
    expect(r.entries.map((e) => [e.line, e.family, e.host, e.program])).toEqual([
      [1, 'pppd', 'vpn', 'pppd'],
      [2, 'ios', '10.0.0.1', undefined],
      [3, 'syslog', 'vpn', 'kernel'],
      [4, 'ios', '10.0.0.1', undefined],
      [5, 'pppd', 'vpn', 'pppd'],
      [6, 'ios', '10.0.0.1', undefined],
    ]);
    expect([1, 2, 5, 6].map((line) => r.entries.find((e) => e.line === line)?.session)).toEqual(['pppd[2201]', 'ppp61', 'pppd[2201]', 'ppp61']);
    expect(r.entries.filter((e) => e.family === 'ios').map((e) => e.cause)).toEqual([undefined, 'radius-unreachable', 'credentials-rejected']);
    expect(r.entries[4]).toMatchObject({ cause: 'credentials-rejected', user: 'alice' });
  });
});

describe("the router's own name as the tag (`logging origin-id hostname`, no counter; assumed from the Splunk wire form without its counter)", () => {
  it('a debug line with IOS time, a system message with and without it: read as IOS, the relay host the entry\'s; another program stays one', () => {
    const r = parseServerLog(
      [
        'Nov 18 10:21:05 10.0.0.1 branch-rtr: *Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)',
        'Mar  4 11:45:21 10.1.1.1 foo: *Mar  4 11:45:20: %SEC-6-IPACCESSLOGP: list INET-BLOCK permitted tcp 192.168.20.252(55244) -> 10.54.3.178(44818), 1 packet',
        'Mar  4 11:45:22 10.1.1.1 foo: %SYS-5-CONFIG_I: Configured from console by admin on vty0',
        'Mar  4 11:45:23 vpn1 sshd[12]: *Something else',
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.family, e.host])).toEqual([['ios', '10.0.0.1'], ['ios', '10.1.1.1'], ['ios', '10.1.1.1'], ['syslog', 'vpn1']]);
    expect(r.entries[0]!.time).toMatchObject({ month: 11, day: 18, hour: 10, minute: 21, second: 5, ms: 100 });
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toEqual(['vpn.encryption-mismatch']);
  });
});
