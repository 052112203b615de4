import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { splitPrefix } from './prefix';
import { ChunkLines } from './chunk-lines';
import { parseServerLog, ServerLogParser, type ServerLogEntry, type ServerLogResult } from './index';

/**
 * A syslog collector's file around the devices' lines (collector-rows.ts, prefix-shapes.ts underCollector): Kiwi Syslog Server's
 * log file and forward, a relay's RFC 5424 header. Each device line is read as that device's own, with the collector's time and
 * sender as its header where it has none. The Kiwi rows and the Kiwi forward are real (sources in test/fixtures/real/SOURCES.md);
 * no real Kiwi file of VPN lines was found: the VPN tests are ASSEMBLED — Kiwi's real layout before the lines of real fixtures.
 */

const en = engineT('en');
const linesOf = (file: string) => readRepoText(`${REAL_SERVER_LOGS}/${file}`).split('\n').filter((l) => l.trim() !== '');
/** what an entry says, without where it came from */
const reading = (e: ServerLogEntry) => ({ line: e.line, family: e.family, decoded: e.decoded, outcome: e.outcome, cause: e.cause, code: e.code, session: e.session, user: e.user, peer: e.peer });
const findingIds = (r: ServerLogResult) => explainServerLogs([r], en).findings.map((f) => f.id);
const one = (line: string): ServerLogEntry => {
  const r = parseServerLog(line);
  expect(r.entries, line).toHaveLength(1);
  return r.entries[0]!;
};

const EXPECTED: Record<string, RealServerLogRow> = {
  'asa-kiwi-syslogcatchall-fwsm-year-timestamp-connections-denies.txt': {
    records: 6,
    understood: 5,
    families: { asa: 5 },
    causes: [],
    says: [
      // by their fields (families/asa-traffic.ts): both said "built or closed a connection (its connection table)"
      [1, "The ASA's firewall opened an inbound TCP connection from 172.16.0.20:1812 (DMZ) to 10.0.32.72:88 (inside), started by 172.16.0.20:1812"],
      [2, 'after 0:00:00 (1076 bytes). Cut off by a reset from the inside'],
      // 106015 and 106007 by their fields (families/asa-deny.ts): both were not understood
      [3, "The ASA's firewall dropped a TCP packet (flags SYN ACK) from 172.16.0.76:139 to 169.254.89.231:1879 on interface DMZ: it belongs to no connection the ASA keeps"],
      [4, "The ASA's firewall opened an outbound UDP connection (started on its more trusted side) between 172.16.0.2:55574 (DMZ) and 204.74.67.132:53 (dmz_internet)"],
      [6, "The ASA's firewall dropped a DNS answer from 66.185.162.248 to 88.255.237.242: the query had been answered already"],
    ],
  },
  'ios-kiwi-forward-original-address-rfc5424-origin-id-logout.txt': {
    records: 1,
    understood: 1,
    families: { ios: 1 },
    causes: [],
    says: [[1, 'IOS message %SYS-6-LOGOUT: User test-user has exited tty session 1(192.168.0.1)']],
  },
};

describe('real collector files', () => {
  realServerLogTable(EXPECTED);
  it("Kiwi's log file rows: the FWSM's own lines, its own time (year and all), Kiwi's sender as the host; the row whose first tab became blanks too", () => {
    const rows = linesOf('asa-kiwi-syslogcatchall-fwsm-year-timestamp-connections-denies.txt');
    const kiwi = parseServerLog(rows.join('\n'));
    const own = parseServerLog(rows.map((row) => row.slice(row.lastIndexOf('\t') + 1)).join('\n'));
    expect(kiwi.entries.map(reading)).toEqual(own.entries.map(reading));
    expect(kiwi.entries.map((e) => e.time)).toEqual(own.entries.map((e) => e.time));
    expect(kiwi.entries[0]!.time).toEqual({ year: 2009, month: 8, day: 11, hour: 11, minute: 28, second: 2 });
    expect(new Set(kiwi.entries.map((e) => e.host))).toEqual(new Set(['10.0.100.2']));
    // the deny by an access rule of no VPN's port: unknown, in the ASA's format (before: no line was in a known format)
    expect(kiwi.unknownLines.map((u) => [u.line, u.family])).toEqual([[5, 'asa']]);
    expect(kiwi.verdict).toBe('ok');
  });
  it("Kiwi's comma-delimited row: its ISO date and time, the sender, the message without the quotes around it (its doubled quotes one again)", () => {
    const row = linesOf('collector-kiwi-comma-delimited-iso-date-quoted-message-netflow-arcsight.txt')[0]!;
    const pre = splitPrefix(row);
    expect(pre).toMatchObject({ host: '172.24.21.58', time: { year: 2017, month: 3, day: 21, hour: 11, minute: 7, second: 13 } });
    expect(pre.message).toMatch(/^"srcaddr=7338388383,SysUptime=.*,flow_sequence=1044333853"$/);
    // (NetFlow, no VPN: counted, not understood, in no family)
    expect(parseServerLog(row)).toMatchObject({ records: 1, understood: 0, unknown: 1 });
  });
  it("Kiwi's forward: the router's IOS line after `Original Address=` and Kiwi's RFC 5424 header, the original address as the host", () => {
    const e = one(linesOf('ios-kiwi-forward-original-address-rfc5424-origin-id-logout.txt')[0]!);
    expect(e).toMatchObject({ family: 'ios', host: '192.168.0.1', time: { month: 6, day: 23, hour: 15, minute: 52, second: 38, ms: 534 } });
    expect(e.decoded[0]).toMatchObject({ key: 'step.iosSystemMessage', values: { facility: 'SYS', mnemonic: 'LOGOUT' } });
  });
});

/** a CSV cell as Splunk and Graylog write one that needs quoting: in quotes, a quote doubled */
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Kiwi's row layout (collector-rows.ts): its ISO, US and day-first dates in turn, a tab, Facility.Level, a tab, the sender, a tab */
const KIWI_DATES = ['2026-09-05 02:17:00', '09-05-2026 02:17:00', '25-09-2026 02:17:00'];
const KIWI_HOSTS = ['10.0.0.1', '10.0.0.2', 'rtr1'];
const kiwi = (lines: string[], message: (line: string, i: number) => string = (l) => l) => lines.map((line, i) => `${KIWI_DATES[i % 3]}\tLocal7.Debug\t${KIWI_HOSTS[i % 3]}\t${message(line, i)}`);

describe("Kiwi's log file of VPN lines (ASSEMBLED: Kiwi's real row layout before real fixture lines)", () => {
  const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
  it("IOS-XE PPPoE CHAP login, AAA timeouts and RADIUS_DEAD, after IOS's counter as the router sends it: the console's entries, causes and findings; the sender as the host", () => {
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const collected = parseServerLog(kiwi(linesOf(RADIUS), (line, i) => `${100 + i}: ${line}`).join('\n'));
    expect(console.entries.length).toBeGreaterThan(10);
    expect([collected.records, collected.understood, collected.families]).toEqual([console.records, console.understood, console.families]);
    expect(collected.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(collected.entries.map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(collected.entries.map((e) => e.host)).toEqual(collected.entries.map((e) => KIWI_HOSTS[(e.line - 1) % 3]));
    expect(findingIds(collected)).toEqual(findingIds(console));
    expect(findingIds(collected).length).toBeGreaterThan(0);
  });
  it("without IOS's own time: Kiwi's time, its date read by the row's format — and left out where day and month could be either", () => {
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const lines = linesOf(RADIUS).map((line) => line.replace(/^\*\w{3} +\d+ [\d:.]+: /, ''));
    const collected = parseServerLog(kiwi(lines, (line, i) => `${100 + i}: ${line}`).join('\n'));
    expect(collected.entries.map(reading)).toEqual(console.entries.map(reading));
    const times = new Map(collected.entries.map((e) => [(e.line - 1) % 3, e.time]));
    expect([...times.keys()].sort()).toEqual([0, 1, 2]);
    expect(times.get(0)).toEqual({ year: 2026, month: 9, day: 5, hour: 2, minute: 17, second: 0 });
    expect(times.get(1)).toEqual({ hour: 2, minute: 17, second: 0 });
    expect(times.get(2)).toEqual({ year: 2026, month: 9, day: 25, hour: 2, minute: 17, second: 0 });
  });
  it("an LNS's pppd lines that rsyslog forwarded with their own header: pppd's reading, host and pid", () => {
    const file = 'pppd-pppol2tp-lns-lcp-timeout-no-gre.txt';
    const own = parseServerLog(linesOf(file).join('\n'));
    const collected = parseServerLog(kiwi(linesOf(file)).join('\n'));
    expect(own.understood).toBeGreaterThan(10);
    expect(collected.entries.map(reading)).toEqual(own.entries.map(reading));
    expect(collected.entries.map((e) => [e.host, e.program])).toEqual(own.entries.map((e) => [e.host, e.program]));
    expect(findingIds(collected)).toEqual(findingIds(own));
  });
  it("the brief's row: IOS's `Vi1 LCP: I PROTREJ … CCP` — the console line's reading, IOS's time, the router's address", () => {
    const console = one('*Dec  5 09:12:01.123: Vi1 LCP: I PROTREJ [Open] id 3 len 16 protocol CCP (0x80FD0157000A120601000020)');
    const e = one('2026-12-05 09:12:01\tLocal7.Debug\t10.1.1.1\t123: *Dec  5 09:12:01.123: Vi1 LCP: I PROTREJ [Open] id 3 len 16 protocol CCP (0x80FD0157000A120601000020)');
    expect(reading(e)).toEqual(reading(console));
    expect(e).toMatchObject({ family: 'ios', host: '10.1.1.1', session: 'Vi1', cause: console.cause, time: { month: 12, day: 5, hour: 9, minute: 12, second: 1, ms: 123 } });
    expect(e.cause).toBeDefined();
  });
  it('a message without a header of its own (an ASA without `logging timestamp`, a MikroTik topic line): Kiwi\'s time and sender as its header', () => {
    expect(one('2026-12-05 09:12:01\tLocal4.Info\t10.1.1.2\t%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout')).toMatchObject({ family: 'asa', host: '10.1.1.2', user: 'bob', time: { year: 2026, month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
    expect(one('2026-12-05 09:12:01\tLocal4.Info\t10.1.1.3\tl2tp,info first L2TP UDP packet received from 198.51.100.7')).toMatchObject({ family: 'mikrotik', host: '10.1.1.3' });
  });
  it("Kiwi's comma-delimited rows of VPN lines: IOS after its counter, an ASA, a whole pppd line — each the device's reading, Kiwi's sender and dates as in the tab layout", () => {
    const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const collected = parseServerLog(linesOf(RADIUS).map((line, i) => `${KIWI_DATES[i % 3]},Local7.Debug,${KIWI_HOSTS[i % 3]},${quoted(`${100 + i}: ${line}`)}`).join('\n'));
    expect(collected.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(collected.entries.map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(collected.entries.map((e) => e.host)).toEqual(collected.entries.map((e) => KIWI_HOSTS[(e.line - 1) % 3]));
    expect(findingIds(collected)).toEqual(findingIds(console));
    expect(one('2026-12-05 09:12:01,Local4.Info,10.1.1.2,"%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout"')).toMatchObject({ family: 'asa', host: '10.1.1.2', user: 'bob', time: { year: 2026, month: 12, day: 5 } });
    expect(one('25-12-2026 09:12:03,Daemon.Info,10.1.1.3,Dec 25 09:12:03 vpn pppd[123]: LCP terminated by peer')).toMatchObject({ family: 'pppd', host: 'vpn', session: 'pppd[123]' });
    // near misses: a Python logging time's milliseconds after the comma, no Facility.Level
    for (const line of ['2026-12-05 09:12:01,123 INFO 10.1.1.1,%SYS-5-CONFIG_I: Configured from console', '2026-12-05 09:12:01,10.1.1.1,"%SYS-5-CONFIG_I: Configured from console by vty0"']) expect(parseServerLog(line).understood, line).toBe(0);
  });
  it('near misses stay as they were: no Facility.Level, a level word after an ISO time, a tab-led message', () => {
    for (const line of ['2026-12-05 09:12:01\t10.1.1.1\t123: *Dec  5 09:12:01.123: %SYS-5-CONFIG_I: Configured from console', '2026-12-05 09:12:01 INFO\tLocal7.Debug\t10.1.1.1\tx', '12-05-2026 09:12:01 Local7.Debug 10.1.1.1 %SYS-5-CONFIG_I: Configured from console']) {
      expect(parseServerLog(line).understood, line).toBe(0);
    }
  });
});

describe("a relay's RFC 5424 header before the device's own line", () => {
  const PROTREJ = '*Dec  5 09:12:01.123: Vi1 LCP: I PROTREJ [Open] id 3 len 16 protocol CCP (0x80FD0157000A120601000020)';
  it("rsyslog's RSYSLOG_SyslogProtocol23Format of an IOS line (its counter as APP-NAME, %msg%'s leading blank): IOS's reading, the relay's host", () => {
    const e = one(`<191>1 2026-12-05T09:12:01.456+01:00 10.1.1.1 123 - - -  ${PROTREJ}`);
    expect(reading(e)).toEqual(reading(one(PROTREJ)));
    expect(e).toMatchObject({ family: 'ios', host: '10.1.1.1', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1, ms: 123 } });
    // no IOS time: the relay's
    expect(one('<189>1 2026-12-05T09:12:01Z 10.1.1.1 57 - - - %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.9)')).toMatchObject({ family: 'ios', time: { year: 2026, month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
  });
  it("a forwarded whole line under `-` or the relay's own APP-NAME: the device's line (pppd, IOS) with its own header", () => {
    const pppd = 'Dec  5 09:12:01 vpn pppd[123]: LCP terminated by peer';
    for (const app of ['-', 'app']) {
      expect(one(`<134>1 2026-12-05T09:12:03Z relay ${app} - - - ${pppd}`)).toMatchObject({ family: 'pppd', host: 'vpn', program: 'pppd', session: 'pppd[123]', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
    }
    expect(one(`<134>1 2026-12-05T09:12:03Z relay - - - - 123: ${PROTREJ}`)).toMatchObject({ family: 'ios', host: 'relay', session: 'Vi1' });
  });
  it("a daemon's own RFC 5424 record keeps its header's reading (its pid; a named APP-NAME before a message without a header)", () => {
    expect(one('<30>1 2026-12-05T09:12:01Z vpn pppd 123 - - LCP terminated by peer')).toMatchObject({ family: 'pppd', host: 'vpn', program: 'pppd', session: 'pppd[123]' });
    expect(one('<30>1 2026-12-05T09:12:01Z vpn charon - - - 09[IKE] 198.51.100.7 is initiating an IKE_SA')).toMatchObject({ family: 'strongswan', host: 'vpn', program: 'charon' });
  });
});

describe("rsyslog's `%fromhost-ip% %rawmsg%` (a real template; ASSEMBLED: real fixture lines as the devices send them)", () => {
  it("IOS's lines after the sender's address and their priority: the console's reading, the sender as the host; pppd's whole lines: pppd's, with its own host", () => {
    const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const raw = parseServerLog(linesOf(RADIUS).map((line, i) => `10.0.140.5 <189>${100 + i}: ${line}`).join('\n'));
    expect(raw.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(new Set(raw.entries.map((e) => e.host))).toEqual(new Set(['10.0.140.5']));
    expect(findingIds(raw)).toEqual(findingIds(console));
    const LNS = 'pppd-pppol2tp-lns-lcp-timeout-no-gre.txt';
    const own = parseServerLog(linesOf(LNS).join('\n'));
    const pppd = parseServerLog(linesOf(LNS).map((line) => `10.0.140.6 <30>${line}`).join('\n'));
    expect(pppd.entries.map(reading)).toEqual(own.entries.map(reading));
    expect(pppd.entries.map((e) => [e.host, e.time])).toEqual(own.entries.map((e) => [e.host, e.time]));
  });
  it("after a receiver's RFC 3339 time (assumed), and near misses: a word before an arrow, no priority", () => {
    expect(one('2026-12-05T09:12:01+01:00 10.1.1.1 <189>123: *Dec  5 09:12:01.123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.9)')).toMatchObject({ family: 'ios', host: '10.1.1.1', time: { month: 12, day: 5, ms: 123 } });
    expect(parseServerLog('10.0.140.5 <--> 10.0.140.6').understood).toBe(0);
    expect(parseServerLog('10.0.140.5 123: hello').understood).toBe(0);
  });
});

describe("a relay's classic header before the device's raw line, its priority kept (ASSEMBLED: real fixture lines as IOS sends them)", () => {
  const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
  it("IOS's priority and counter (`<189>123: `) after the relay's time and address: the console's reading, the router as the host, IOS's own time", () => {
    const lines = linesOf(RADIUS);
    const console = parseServerLog(lines.join('\n'));
    const relayed = parseServerLog(lines.map((line, i) => `Sep  5 02:17:0${i % 10} 10.0.140.5 <189>${100 + i}: ${line}`).join('\n'));
    expect(console.understood).toBeGreaterThan(10);
    expect(relayed.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(relayed.entries.map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(new Set(relayed.entries.map((e) => e.host))).toEqual(new Set(['10.0.140.5']));
    expect(findingIds(relayed)).toEqual(findingIds(console));
  });
  it("`service sequence-numbers` after the counter, IOS's time without a date or none: IOS's reading, the relay's time where IOS has no date", () => {
    const e = one('Dec  5 09:12:01 10.1.1.1 <189>123: 000045: Dec  5 09:12:00: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down');
    expect(e).toMatchObject({ family: 'ios', host: '10.1.1.1', time: { month: 12, day: 5, hour: 9, minute: 12, second: 0 } });
    expect(e.decoded[0]).toMatchObject({ key: 'step.iosSystemMessage', values: { facility: 'LINK', mnemonic: 'UPDOWN' } });
    // uptime stamps (no time of day) and no stamp: the relay's
    expect(one('Dec  5 09:12:01 10.1.1.1 <189>124: 1w2d: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down')).toMatchObject({ family: 'ios', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
    expect(one('Dec  5 09:12:01 rtr1 <189>125: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.9)')).toMatchObject({ family: 'ios', host: 'rtr1', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
  });
  it("`no logging message-counter syslog` (`<189>: `, an empty counter): IOS's line where IOS's time or a system message follows, else as it was", () => {
    expect(one('Dec  5 09:12:02 10.1.1.1 <189>: *Dec  5 09:12:01.456: %SYS-5-CONFIG_I: Configured from console by vty0')).toMatchObject({ family: 'ios', host: '10.1.1.1', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1, ms: 456 } });
    expect(one('Dec  5 09:12:02 10.1.1.1 <189>: %SYS-5-CONFIG_I: Configured from console by vty0')).toMatchObject({ family: 'ios', time: { hour: 9, minute: 12, second: 2 } });
    expect(parseServerLog('Dec  5 09:12:02 10.1.1.1 <189>: 33 packets received').entries.map((e) => e.family)).not.toContain('ios');
  });
  it("the sender's whole line after the relay's header (its own header, or none): the sender's reading, host and time", () => {
    expect(one('Dec  5 09:12:01 10.1.1.1 <30>Dec  5 09:12:00 vpn pppd[123]: LCP terminated by peer')).toMatchObject({ family: 'pppd', host: 'vpn', session: 'pppd[123]', time: { month: 12, day: 5, hour: 9, minute: 12, second: 0 } });
    expect(one('Dec  5 09:12:01 10.1.1.3 <134>l2tp,info first L2TP UDP packet received from 198.51.100.7')).toMatchObject({ family: 'mikrotik', host: '10.1.1.3' });
  });
});

describe("rsyslog's `%fromhost% %rawmsg%`: the sender's name before its priority (ASSEMBLED)", () => {
  it("IOS's lines after the router's name: the console's reading, the name as the host; a whole pppd line and after a receiver's time too", () => {
    const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    const raw = parseServerLog(linesOf(RADIUS).map((line, i) => `rtr1.example.com <189>${100 + i}: ${line}`).join('\n'));
    expect(raw.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(new Set(raw.entries.map((e) => e.host))).toEqual(new Set(['rtr1.example.com']));
    expect(findingIds(raw)).toEqual(findingIds(console));
    expect(one('lns-1 <30>Dec  5 09:12:00 vpn pppd[123]: LCP terminated by peer')).toMatchObject({ family: 'pppd', host: 'vpn', session: 'pppd[123]' });
    expect(one('2026-12-05T09:12:01+01:00 rtr1 <189>123: *Dec  5 09:12:01.123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.9)')).toMatchObject({ family: 'ios', host: 'rtr1', time: { month: 12, day: 5, ms: 123 } });
  });
  it('near misses stay as they were: a charon thread head before an IKE_SA number, a word before an arrow, a priority before a blank', () => {
    for (const line of ['09[IKE] <12> received packet', 'ppp0 <--> /dev/pts/1', 'rtr1 <189> hello']) expect(parseServerLog(line).entries.map((e) => e.host), line).not.toContain('rtr1');
    expect(parseServerLog('rtr1 <189> hello').understood).toBe(0);
  });
});


describe("a log server's CSV or TSV export with a header row (ASSEMBLED: the documented layouts around real fixture lines)", () => {
  const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
  const LNS = 'pppd-pppol2tp-lns-lcp-timeout-no-gre.txt';
  it("Splunk's `\"_time\",\"host\",\"_raw\"`: each `_raw` read as the line it holds (the syslog input's own header before IOS's counter), the row's host", () => {
    // (a Splunk UDP input puts its time and the sender before each event unless no_appending_timestamp is set: inputs.conf.spec; assumed for the rows below)
    const lines = linesOf(RADIUS);
    const console = parseServerLog(lines.join('\n'));
    const csv = ['"_time","host","_raw"', ...lines.map((line, i) => `"2026-09-05T02:17:00.000+0200","10.0.0.${1 + (i % 2)}",${quoted(`Sep  5 02:17:00 10.0.0.${1 + (i % 2)} ${100 + i}: ${line}`)}`)];
    const r = parseServerLog(csv.join('\n'));
    expect([r.records, r.understood]).toEqual([console.records + 1, console.understood + 1]);
    expect(r.entries.slice(1).map((e) => ({ ...reading(e), line: e.line - 1 }))).toEqual(console.entries.map(reading));
    expect(r.entries.slice(1).map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(r.entries.slice(1).map((e) => e.host)).toEqual(console.entries.map((e) => `10.0.0.${1 + ((e.line - 1) % 2)}`));
    expect(findingIds(r)).toEqual(findingIds(console));
    // the header row: understood as the export's, its columns named
    expect(r.entries[0]).toMatchObject({ line: 1, family: 'syslog', decoded: [{ key: 'step.exportHeader', values: { columns: '_time, host, _raw' } }] });
    expect(describeEntry(r.entries[0]!, en)).toBe("A log server's export: its column names (_time, host, _raw); each row below is read as the device's own line in its message column.");
    expect(describeEntry(r.entries[0]!, engineT('nl'))).toContain('(_time, host, _raw)');
  });
  it("Splunk's own column order (`\"_raw\",\"_time\",host,…,source,…`, as a real export's header row): `_raw` and `_time` by name, the host from `host`, not `source`", () => {
    const header = '"_raw","_time",host,index,linecount,source,sourcetype,"splunk_server"';
    const row = (raw: string) => `${quoted(raw)},"2026-12-05T09:12:03.000+0100",10.1.1.2,network,1,"udp:514",syslog,"SPLUNK-1"`;
    const r = parseServerLog([header, row('%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout')].join('\r\n'));
    expect(r.entries[1]).toMatchObject({ family: 'asa', host: '10.1.1.2', user: 'bob', time: { year: 2026, month: 12, day: 5, hour: 9, minute: 12, second: 3 } });
  });
  it("Graylog's `timestamp,source,message` (and a TSV of the same columns): pppd's `name[pid]: ` messages read as pppd's, at the export's time", () => {
    const lines = linesOf(LNS);
    const own = parseServerLog(lines.join('\n'));
    // (a syslog input's message without the syslog header before the tag: assumed)
    const tagged = lines.map((line) => line.replace(/^\w{3} +\d+ [\d:]+ \S+ /, ''));
    for (const sep of [',', '\t']) {
      const r = parseServerLog([['timestamp', 'source', 'message'].join(sep), ...tagged.map((m) => ['2026-04-06T16:56:56.000Z', 'lns1', sep === ',' ? quoted(m) : m].join(sep))].join('\n'));
      expect(r.entries.slice(1).map((e) => ({ ...reading(e), line: e.line - 1 }))).toEqual(own.entries.map(reading));
      expect(new Set(r.entries.slice(1).map((e) => `${e.host} ${JSON.stringify(e.time)}`))).toEqual(new Set(['lns1 {"year":2026,"month":4,"day":6,"hour":16,"minute":56,"second":56,"ms":0}']));
      expect(findingIds(r)).toEqual(findingIds(own));
    }
  });
  it("a message cell over several lines inside its quotes (a blank line, CRLF, doubled quotes): one record, read as the message's line", () => {
    const PROTREJ = '*Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)';
    const ASA = '%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout';
    const csv = [
      '"_time","host","_raw"',
      '"2026-11-18T10:21:05.000+0100","10.0.0.1","Nov 18 10:21:05 10.0.0.1 123: *Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16',
      'protocol CCP (0x80FD0102000A1206010000B0)"',
      '"2026-11-18T10:21:07.000+0100","10.0.0.2","%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected.',
      '',
      'Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2,',
      ' Reason: Idle Timeout"',
      '"2026-11-18T10:21:09.000+0100","10.0.0.2","%ASA-6-113008: AAA transaction status ACCEPT : user = ""bob"""',
    ].join('\r\n');
    const r = parseServerLog(csv);
    expect([r.records, r.lines]).toEqual([4, 8]);
    expect(r.entries.map((e) => [e.line, e.endLine, e.family, e.host])).toEqual([[1, 1, 'syslog', undefined], [2, 3, 'ios', '10.0.0.1'], [4, 7, 'asa', '10.0.0.2'], [8, 8, 'asa', '10.0.0.2']]);
    expect({ ...reading(r.entries[1]!), line: 1 }).toEqual(reading(one(PROTREJ)));
    expect(r.entries[1]!.time).toEqual({ month: 11, day: 18, hour: 10, minute: 21, second: 5, ms: 100 });
    expect({ ...reading(r.entries[2]!), line: 1 }).toEqual(reading(one(ASA)));
    expect(r.entries[2]).toMatchObject({ user: 'bob', time: { year: 2026, month: 11, day: 18, hour: 10, minute: 21, second: 7 } });
    // the same whatever the read chunks: a cell cut between them, a CRLF split
    const view = (x: ServerLogResult) => [x.records, x.understood, x.entries.map((e) => [e.line, e.endLine, e.family, e.host, e.cause, e.time, describeEntry(e, en)])];
    for (const size of [1, 2, 5, 13, 64, 200]) {
      const p = new ServerLogParser('export.csv');
      const lines = new ChunkLines((line, hints, src, at) => p.pushLine(line, hints, src, at));
      for (let i = 0; i < csv.length; i += size) lines.push(csv.slice(i, i + size));
      lines.end();
      expect(view(p.end()), `chunks of ${size}`).toEqual(view(r));
    }
  });
  it('a cell whose closing quote was lost ends at the next row; without an export header a quote opens nothing', () => {
    const r = parseServerLog(['"_time","host","_raw"', '"2026-11-18T10:21:05.000+0100","10.0.0.1","%SYS-5-CONFIG_I: Configured from console by vty0', '"2026-11-18T10:21:07.000+0100","10.0.0.2","%ASA-6-113008: AAA transaction status ACCEPT : user = bob"'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.endLine, e.host])).toEqual([[1, 1, undefined], [2, 2, '10.0.0.1'], [3, 3, '10.0.0.2']]);
    const bare = parseServerLog(['"2026-11-18T10:21:05.000+0100","10.0.0.1","open', 'Dec  5 09:12:02 vpn pppd[123]: LCP terminated by peer'].join('\n'));
    expect(bare.entries.map((e) => [e.line, e.family])).toEqual([[2, 'pppd']]);
  });
  it('not an export: a CSV without a message column, rows that do not fit the header (read as lines of their own); no header, no columns read', () => {
    expect(parseServerLog('time,host,bytes\n2026-12-05T09:12:01Z,10.1.1.1,42').understood).toBe(0);
    const r = parseServerLog('"_time","host","_raw"\nDec  5 09:12:02 vpn pppd[123]: LCP terminated by peer');
    expect(r.entries.map((e) => [e.line, e.family, e.host])).toEqual([[1, 'syslog', undefined], [2, 'pppd', 'vpn']]);
    expect(parseServerLog('"2026-12-05T09:12:01.000+0100","10.1.1.1","123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.9)"').understood).toBe(0);
  });
});

describe("Visual Syslog Server's log file (its row layout from its source; the real row a SIP phone's, the VPN rows ASSEMBLED)", () => {
  it("the real row: the message's own header put back together — its time, host and tag — the sender only where it names no host", () => {
    const row = linesOf('collector-visual-syslog-server-file-row-sip-phone-local4-info.txt')[0]!;
    expect(splitPrefix(row)).toMatchObject({ host: '192.168.7.113', program: 'SIPMESSAGE', time: { month: 1, day: 25, hour: 16, minute: 52, second: 13 } });
    expect(parseServerLog(row).entries.map((e) => [e.family, e.host, e.program])).toEqual([['syslog', '192.168.7.113', 'SIPMESSAGE']]);
    // copied with its tabs made blanks: the same columns, by their words
    expect(splitPrefix(row.replace(/\t/g, ' '))).toMatchObject({ host: '192.168.7.113', program: 'SIPMESSAGE', time: { month: 1, day: 25, hour: 16, minute: 52, second: 13 } });
  });
  it("IOS after its counter, an ASA, a whole pppd line, a MikroTik topic line: each the device's reading, the sender as the host where the line has none", () => {
    const RADIUS = 'ios-xe-pppoe-chap-auth-timeout-radius-dead-login-response-fail.txt';
    const console = parseServerLog(linesOf(RADIUS).join('\n'));
    // (Visual Syslog's columns of `<189>123: *Dec …`: no date (its time of receipt), no host, the counter as the tag)
    const rows = parseServerLog(linesOf(RADIUS).map((line, i) => `10.0.140.5\tSep 05 02:17:00\t\tlocal7\tdebug\t${100 + i}\t${line}`).join('\n'));
    expect(rows.entries.map(reading)).toEqual(console.entries.map(reading));
    expect(rows.entries.map((e) => e.time)).toEqual(console.entries.map((e) => e.time));
    expect(new Set(rows.entries.map((e) => e.host))).toEqual(new Set(['10.0.140.5']));
    expect(findingIds(rows)).toEqual(findingIds(console));
    expect(one('10.1.1.2\tDec  5 09:12:01\t\tlocal4\tinfo\t%ASA-4-113019\tGroup = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IPsec, Duration: 0h:01m:02s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout')).toMatchObject({ family: 'asa', host: '10.1.1.2', user: 'bob' });
    expect(one('10.1.1.4\tDec  5 09:12:03\tvpn\tdaemon\tinfo\tpppd[123]\tLCP terminated by peer')).toMatchObject({ family: 'pppd', host: 'vpn', session: 'pppd[123]', time: { month: 12, day: 5, hour: 9, minute: 12, second: 3 } });
    expect(one('10.1.1.3\tDec  5 09:12:01\tl2tp,info\tlocal7\tinfo\t\tfirst L2TP UDP packet received from 198.51.100.7')).toMatchObject({ family: 'mikrotik', host: '10.1.1.3', time: { month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
  });
  it('near misses: six columns, no syslog date in the second: no columns read', () => {
    for (const line of ['10.1.1.2\tDec  5 09:12:01\t\tlocal4\tinfo\t%ASA-6-113008: AAA transaction status ACCEPT : user = bob', '10.1.1.2\t2026-12-05 09:12:01\t\tlocal4\tinfo\t%ASA-6-113008\tAAA transaction status ACCEPT : user = bob']) expect(splitPrefix(line).host, line).toBeUndefined();
  });
});
