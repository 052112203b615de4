import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/**
 * Held-out real logs of Cisco IOS / IOS-XE and ASA (round 41; test/fixtures/real/server-logs, sources in SOURCES.md), read as a help
 * desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 5 lines: no line read as any format). IOS's wire form with every field IOS puts before its message: the priority, the
  // message counter, the `logging origin-id` name, `service sequence-numbers`' number and a long uptime past a year (`2y10w`)
  'ios-wire-form-asr920-counter-origin-id-sequence-number-uptime-in-years-logins.txt': {
    records: 5,
    understood: 5,
    families: { ios: 5 },
    causes: [],
    says: [
      [1, '%SEC_LOGIN-5-LOGIN_SUCCESS'],
      [5, '%SYS-5-CONFIG_I'],
    ],
  },
  // (was 12 of 27 records, 6 of them IOS's: an empty counter `<189>: …`, an origin id after a counter or an empty one, a zone of the
  // administrator's naming — `UTC+1`, `UTC+07:30`, `mdt` — were cut as prose before a record, or not read). The NTP Core lines and
  // `last message repeated` are IOS's lines no family reads: one record each now, not prose and a record "CEST"
  'ios-wire-form-empty-counter-origin-id-named-zones-utc-offset-mdt-ntp-core.txt': {
    records: 16,
    understood: 12,
    families: { ios: 12 },
    causes: [],
    says: [
      [2, '%SYS-5-CONFIG_I'],
      [4, '%SYS-5-CONFIG_I'],
      [5, '%DOT1X-5-FAIL'],
      [6, '%DOT1X-5-FAIL'],
      [10, '%IOSXE-6-PLATFORM'],
      [15, '%FMANFP-6-IPV6ACCESSLOGP'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x');

describe('held-out real logs of Cisco IOS and ASA (round 41)', () => {
  realServerLogTable(EXPECTED);

  it("IOS's console with sequence numbers and no timestamps: every IOS line after its number is read as IOS's own", () => {
    const lines = [
      '000123: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to up',
      '123: %SYS-5-CONFIG_I: Configured from console by console',
      '000120: ISAKMP (0:0): received packet from 192.0.2.10 dport 500 sport 500 Global (N) NEW SA',
      '000123: ISAKMP:(0):atts are not acceptable. Next payload is 3',
      '000124: ISAKMP:(0):no offers accepted!',
      '000125: Vi1 LCP: I CONFREQ [REQsent] id 1 len 19',
      '000126: Vi1 PPP: Received LOGIN Response FAIL',
      '000127: Tnl 17 L2TP: Tunnel state change from wait-ctl-reply to established',
      '000128: IPSEC(validate_proposal_request): proposal part #1',
    ];
    const r = one(lines.join('\n'));
    expect([r.records, r.understood, r.families]).toEqual([9, 9, { ios: 9 }]);
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([
      [5, 'ike-no-proposal'],
      [7, 'credentials-rejected'],
    ]);
  });

  it("IOS's wire form with its priority and no relay header: counter, empty counter, origin id, sequence number, in IOS's order", () => {
    for (const line of [
      '<189>125: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>125: 000045: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>: rtr1: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>125: rtr1: 000045: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>125: rtr1: 000045: 1y2w: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
      '<189>125: rtr1: Mar  1 00:01:02.345 NewYork: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to down',
    ]) {
      const r = one(line);
      expect([r.understood, r.families], line).toEqual([1, { ios: 1 }]);
    }
    // a zone of any name, its time read (only after IOS's own fields)
    expect(one('<189>125: rtr1: Mar  1 00:01:02.345 NewYork: %LINK-3-UPDOWN: Interface Vi3, changed state to down').entries[0]!.time).toMatchObject({ month: 3, day: 1, hour: 0, minute: 1, second: 2 });
  });

  it('a line that only starts with a number and a colon is not taken for IOS', () => {
    // `ip addr`'s interface lines, a numbered list: no family reads the text after the number
    expect(one('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN').families).toEqual({});
    expect(one('2: check the pre-shared key on the router').families).toEqual({});
    // a syslog header's host before a tag is not a zone of IOS's (the named zone is read only after IOS's fields)
    expect(splitPrefix('Mar  1 00:01:02 Router: %SYS-5-CONFIG_I: Configured from console by console').shape).not.toBe('ios');
  });
});
