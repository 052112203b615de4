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
  // (was 11 of 26 records, 5 of them IOS's: an empty counter `<189>: …`, an origin id after a counter or an empty one, a zone of the
  // administrator's naming — `UTC+1`, `UTC+07:30`, `mdt` — were cut as prose before a record, or not read). The NTP Core lines and
  // `last message repeated` are IOS's lines no family reads: one record each now, not prose and a record "CEST"
  'ios-wire-form-empty-counter-origin-id-named-zones-utc-offset-mdt-ntp-core.txt': {
    records: 15,
    understood: 11,
    families: { ios: 11 },
    causes: [],
    says: [
      [1, '%SYS-5-CONFIG_I'],
      [3, '%SYS-5-CONFIG_I'],
      [4, '%DOT1X-5-FAIL'],
      [5, '%DOT1X-5-FAIL'],
      [9, '%IOSXE-6-PLATFORM'],
      [14, '%FMANFP-6-IPV6ACCESSLOGP'],
    ],
  },
  // (was 1 of 1 record: the web page's copy flattened the book's fifteen `debug ppp negotiation` records into one paragraph, read as
  // its first record only). A dial-in line (As1) where the other side's Configure-Request asks for PAP and the router Naks it with
  // CHAP three times: the loop on the Authentication-Protocol option is said on the third Nak
  'ios-debug-ppp-negotiation-book-web-copy-flattened-async-pap-asked-confnak-chap-loop.txt': {
    records: 15,
    understood: 15,
    families: { ios: 15 },
    causes: [],
    says: [
      [1, 'LCP option: Authentication-Protocol PAP'],
      [1, 'The same setting asked for again and again (3 times without agreement)'],
    ],
  },
  // (was 42 of 53 lines: `debug aaa`'s `AAA/BIND(0000001C): …` and `AAA/AUTHEN/PPP (…): …` and every `debug radius` line —
  // `RADIUS(0000001E): Sending a IPv4 Radius Packet`, `RADIUS: Received from id 1645/9 …, Access-Accept, len 55` — were not read).
  // An IOS-XE PPPoE server checks a user's CHAP log-in with RADIUS and gets the Access-Accept
  'ios-xe-pppoe-server-debug-aaa-radius-verbose-access-accept-aaa-bind-method-list.txt': {
    records: 53,
    understood: 53,
    families: { ios: 53 },
    causes: [],
    says: [
      [25, "The router's authentication (AAA AUTHEN/PPP): Pick method list 'default'"],
      [50, "The router's exchange with its RADIUS server: Sending a IPv4 Radius Packet"],
      [52, 'The RADIUS server 192.168.18.12 answered the router: Access-Accept'],
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

  it("IOS records a copy flattened into one paragraph are cut where IOS's dated header comes back after a blank", () => {
    const flat = '*Mar  1 00:01:02.345 UTC: %LINK-3-UPDOWN: Interface Virtual-Access3, changed state to up *Mar  1 00:01:03.345 UTC: %LINEPROTO-5-UPDOWN: Line protocol on Interface Virtual-Access3, changed state to up *Mar  1 00:01:04.001 UTC: Vi3 PPP: Received LOGIN Response FAIL';
    const r = one(flat);
    expect([r.records, r.understood]).toEqual([3, 3]);
    expect(r.entries.filter((e) => e.cause).map((e) => e.cause)).toEqual(['credentials-rejected']);
    // a message that names a time in another shape is not cut (no IOS colon after it)
    expect(one('Mar  1 00:01:02.345: %SYS-5-CONFIG_I: Configured from console by vty0 at Mar  1 00:01:01 today').records).toBe(1);
  });

  it("IOS's `debug radius` answers: an Access-Reject is the user refused, no response is the RADIUS server unreachable; only under IOS's time", () => {
    const at = (text: string) => one(`*Sep  6 08:44:35.399: ${text}`).entries[0]!;
    expect(at('RADIUS: Received from id 1645/9 192.168.18.12:1812, Access-Reject, len 20')).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected' });
    expect(at('RADIUS: Received from id 1645/9 192.168.18.12:1812, Access-Accept, len 55')).toMatchObject({ outcome: 'success' });
    expect(at('RADIUS: Received from id 1645/9 192.168.18.12:1812, Access-Accept, len 55').cause).toBeUndefined();
    expect(at('RADIUS: No response from (10.1.1.5:1645,1646) for id 1645/13')).toMatchObject({ outcome: 'failure', cause: 'radius-unreachable' });
    expect(at('RADIUS: Retransmit to (10.1.1.5:1645,1646) for id 1645/13').outcome).toBe('warning');
    expect(at('AAA/AUTHOR/LCP (0000001C): Post authorization status = PASS_REPL').outcome).toBe('info');
    // another program's `RADIUS:` line, with no IOS time before it, is not IOS's
    expect(one('RADIUS: Received from id 1645/9 192.168.18.12:1812, Access-Reject, len 20').families).toEqual({});
  });

  it('a line that only starts with a number and a colon is not taken for IOS', () => {
    // `ip addr`'s interface lines, a numbered list: no family reads the text after the number
    expect(one('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN').families).toEqual({});
    expect(one('2: check the pre-shared key on the router').families).toEqual({});
    // a syslog header's host before a tag is not a zone of IOS's (the named zone is read only after IOS's fields)
    expect(splitPrefix('Mar  1 00:01:02 Router: %SYS-5-CONFIG_I: Configured from console by console').shape).not.toBe('ios');
  });
});
