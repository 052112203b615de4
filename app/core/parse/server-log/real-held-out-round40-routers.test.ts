import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Held-out real logs of routers (round 40: Cisco IOS, MikroTik RouterOS, the VPN 3000; test/fixtures/real/server-logs, sources in
 * SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const t = engineT('en');

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 4 of 18 lines, only the %LINK messages: IOS 11's `debug ppp` wording before `Vi1 LCP: …`)
  'ios-11-debug-ppp-isdn-bri-chap-input-code-4-failed-with-remote-md-compare-failed.txt': {
    records: 24,
    understood: 24,
    families: { ios: 24 },
    // the router's own CHAP login refused by the other side: no PC's password, so no PC cause
    causes: [],
    says: [
      [1, 'This router asks for the LCP option Authentication-Protocol CHAP (MD5)'],
      [3, 'The other side asked for the LCP option Authentication-Protocol CHAP (MD5); this router accepted it'],
      [5, 'LCP Configure-Ack'],
      [5, '[ACKSENT]'],
      [6, "The other side accepted this router's LCP option Authentication-Protocol CHAP (MD5)"],
      [10, 'CHAP FAILURE from the server this router logs in to'],
      [11, "The other side refused this router's own login"],
      [12, 'MD compare failed'],
      [22, 'Magic-Number'],
    ],
  },
  // (was 0 of 4 lines: the concentrator's "Cisco IOS Compatible" syslog head; line 4 would have read as a wrong password)
  'vpn3000-ios-compatible-syslog-auth-4-5-simultaneous-logins-exceeded-auth-5-28-disconnected.txt': {
    records: 4,
    understood: 4,
    families: { vpn3000: 4 },
    // the Simultaneous Logins limit: a failure, but not the PC's password (no credentials-rejected, no 691)
    causes: [],
    says: [
      [1, 'The authentication server accepted user bosch'],
      [3, 'The session of pmoreno ended'],
      [4, 'VPN 3000 event AUTH/5, severity 4'],
      [4, 'User monkey already has as many sessions open as the concentrator allows'],
    ],
    user: 'bosch',
    peer: '80.36.103.199',
  },
  // (was 0 of 5 lines: the time zone glued to the seconds, `11:39:59KST:`)
  'ios-relayed-pri-counter-zone-glued-to-seconds-recvd-pkt-not-ipsec-aggressive-mode-disabled.txt': {
    records: 5,
    understood: 5,
    families: { ios: 5 },
    causes: [],
    says: [
      [1, 'A packet from 62.25.122.11 (IP protocol 132) came unencrypted'],
      [2, 'This router refuses IKEv1 Aggressive Mode'],
      [5, 'IOS message %SYS-6-LOGGINGHOST_STARTSTOP'],
    ],
    peer: '62.25.122.11',
  },
  // (was 0 of 4 lines: the message glued to the header's colon, `.198:%CLEAR-…`, `KST:%CDP-…`)
  'ios-relayed-pri-counter-message-glued-to-header-colon-kst-and-msec.txt': {
    records: 4,
    understood: 4,
    families: { ios: 4 },
    causes: [],
    says: [
      [3, 'IOS message %CLEAR-5-COUNTERS: Clear counter on all interfaces'],
      [4, 'IOS message %CDP-4-DUPLEX_MISMATCH'],
    ],
  },
  // (was 0 of 1 line: RouterOS's `killing ike2 SA`, a RouterOS 7.5 IKEv2 client whose connection did not come up)
  'routeros7-ike2-client-killing-ike2-sa-v4-mapped-placeholders.txt': {
    records: 1,
    understood: 1,
    families: { mikrotik: 1 },
    causes: [],
    says: [[1, 'The router ended its IKEv2 connection with <my_server>']],
  },
};

describe('held-out real logs of routers (round 40)', () => {
  realServerLogTable(EXPECTED);

  it("IOS 11's debug ppp lines are read with the router's timestamps, on any interface, and a PAP or CHAP code by RFC 1994 / RFC 1334", () => {
    const r = parseServerLog(
      [
        '*Mar  1 00:02:11.111: ppp: sending CONFREQ, type = 1 (CI_MRU), value = 5DC',
        '*Mar  1 00:02:11.115: ppp: received config for type = 3 (AUTHTYPE) value = C023 nacked',
        '*Mar  1 00:02:11.119: PPP Serial0: state = REQSENT fsm_rconfnakrej(C021): rcvd id 3',
        '*Mar  1 00:02:11.123: PPP Async1: state = OPEN fsm_rtermreq(8021): rcvd id 7',
        '*Mar  1 00:02:11.127: Serial0: PPP AUTH PAP input code = 1 id = 4 len = 20',
        '*Mar  1 00:02:11.131: Serial0: Passed CHAP authentication with remote.',
      ].join('\n'),
    );
    expect([r.records, r.understood]).toEqual([6, 6]);
    const says = r.entries.map((e) => describeEntry(e, t));
    expect(says[0]).toContain('MRU 1500');
    expect(says[1]).toContain('Authentication-Protocol PAP');
    expect(says[1]).toContain('Configure-Nak');
    expect(says[2]).toContain('LCP Configure-Nak');
    expect(says[3]).toContain('IPCP Terminate-Request');
    expect(says[4]).toContain('PAP AUTH-REQ');
    expect(r.entries[5]!.outcome).toBe('success');
  });

  it("a received CHAP Failure is the router's own login refused, never the PC's password; other words with the same heads stay unread", () => {
    const r = explainServerLogs([parseServerLog('BRI0: B-Channel 2: Failed CHAP authentication with remote.\nRemote message is: Authentication failure')], t);
    expect(r.findings.filter((f) => f.id === 'vpn.auth-mismatch' || f.id === 'events.ras-error')).toEqual([]);
    expect(parseServerLog('BRI0: B-Channel 2: Failed CHAP authentication with remote.').entries[0]!.cause).toBeUndefined();
    // (a PPP line that merely says `ppp:` and other words is not IOS 11's)
    expect(parseServerLog('ppp: the link went down at noon').families).not.toHaveProperty('ios');
    expect(parseServerLog('PPP BRI0: B-Channel 1: state = ACKSENT fsm_rbogus(C021): rcvd id E4').understood).toBe(0);
  });

  it("the VPN 3000's IOS-compatible syslog head is read with its time, class, number and peer; the original format's limit line too", () => {
    const r = parseServerLog('7: 2003 Dec 11 17:45:34.120 +1:00 %PPP-4-9: RPT=2: 10.1.1.2: User [ bob ] disconnected.. failed authentication ( MSCHAP-V2 )');
    expect(r.entries[0]).toMatchObject({ family: 'vpn3000', cause: 'credentials-rejected', peer: '10.1.1.2', time: { year: 2003, month: 12, day: 11, hour: 17 } });
    const original = parseServerLog('11504 01/08/2007 09:10:37.780 SEV=3 AUTH/5 RPT=124 192.168.0.1  Authentication rejected: Reason = Simultaneous logins exceeded for user handle = 80, server = (none), user = ann, domain = <not specified>');
    expect([original.entries[0]!.outcome, original.entries[0]!.cause, original.entries[0]!.user]).toEqual(['failure', undefined, 'ann']);
    // (an IOS line with a counter and a %FACILITY message is IOS's, not the concentrator's: no RPT= field)
    expect(parseServerLog('000123: *Mar  1 00:01:02.345: %LINK-3-UPDOWN: Interface Serial0, changed state to up').families).not.toHaveProperty('vpn3000');
  });

  it("a RouterOS dial-in session's (its interface in brackets) 'authentication failed' is the PC's log-in refused; the router's own interface's is its own", () => {
    const r = parseServerLog('12:00:02 sstp,ppp,info <sstp-bob>: terminating... - authentication failed\n12:00:03 sstp,ppp,info sstp-MasmediaNet: terminating... - authentication failed');
    expect(r.entries.map((e) => [e.cause, e.user])).toEqual([['credentials-rejected', 'bob'], [undefined, undefined]]);
    expect(describeEntry(r.entries[1]!, t)).toContain("the router's own log-in on sstp-MasmediaNet");
  });

  it("an IOS header's time zone glued to the seconds and a system message glued to its colon are read; the time is kept; other glued words are not messages", () => {
    const r = parseServerLog('*Mar  1 00:01:02.345PST: %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at 10.0.0.2\nMar  1 00:01:03 UTC:%LINK-3-UPDOWN: Interface Serial0, changed state to up');
    expect(r.entries.map((e) => [e.family, e.time?.second])).toEqual([['ios', 2], ['ios', 3]]);
    expect(r.entries[0]!.outcome).toBe('failure');
    // (a colon glued to a word that is no system message stays unread as IOS)
    expect(parseServerLog('Mar  1 00:01:03:whatever happened').families).not.toHaveProperty('ios');
  });

  it("RouterOS's `killing ike2 SA` names the remote end from `<local>[port]-<remote>[port]`, an IPv4-mapped address as IPv4", () => {
    const r = parseServerLog('12:00:00 ipsec,info killing ike2 SA: peer1 ::ffff:10.0.0.1[4500]-::ffff:203.0.113.5[4500] spi:1a2b3c:4d5e6f');
    expect([r.entries[0]!.family, r.entries[0]!.peer, r.entries[0]!.outcome]).toEqual(['mikrotik', '203.0.113.5', 'warning']);
  });

  it("RouterOS's IKEv2 certificate and fatal-notify lines, as users quote them, are read; AUTHENTICATION_FAILED is this side's authentication refused", () => {
    const r = parseServerLog("12:00:00 ipsec,error peer's ID does not match certificate\n12:00:01 ipsec,error got fatal error: AUTHENTICATION_FAILED\n12:00:02 ipsec,error can't verify peer's certificate from store\n12:00:03 ipsec,error got fatal error: NO_PROPOSAL_CHOSEN");
    expect([r.records, r.understood]).toEqual([4, 4]);
    expect(r.entries.map((e) => [e.outcome, e.cause])).toEqual([['failure', undefined], ['failure', 'ike-auth-failed'], ['failure', undefined], ['failure', 'ike-no-proposal']]);
    expect(describeEntry(r.entries[2]!, t)).toContain('certification authority');
  });
});
