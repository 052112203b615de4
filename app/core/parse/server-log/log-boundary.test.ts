import { describe, expect, it } from 'vitest';
import { headShape } from './detect';
import { LogBoundary, timeSkeleton } from './log-boundary';
import { startsHeaderlessLog } from './log-start';

/** Where a second pasted log begins, by structure (log-boundary.ts, log-start.ts); lines from the real fixtures' first and last lines. */
describe('a second log pasted below the first: its first line', () => {
  const boundaryAt = (lines: string[]): number[] => {
    const b = new LogBoundary(headShape);
    return lines.flatMap((l, i) => (b.at(l) ? [i] : []));
  };

  it.each([
    // charon's own file log (no host, no program), then a syslog server's copy of charon: both start with a syslog time
    [['Jan 27 03:00:50 10[IKE] initiating IKE_SA android[1] to 1.1.1.1', 'Jul 06 15:47:07 gittest ipsec[14464]: 09[IKE] IKE_SA ikev2-pubkey[1] established'], [1]],
    // an ASA time with its year, then mpd's syslog (both lines start with a letter: the first character's kind tells nothing)
    [['Feb 25 2020 06:08:41: %ASA-6-302014: Teardown TCP connection 2248811020', 'Aug 6 02:03:47 ppp 31322 [wan_link0] Link: reconnection attempt 941'], [1]],
    // charon's file log with a weekday, then a FortiGate debug: ISO times of two shapes
    [['Mon, 2021-05-10, 16:19:17 06[IKE] <gw-gw|1> maximum IKE_SA lifetime 125s', '2016-05-26 07:49:06 ike 0:p1: auto-negotiate connection'], [1]],
  ])('%j: a new log at %j', (lines, want) => expect(boundaryAt(lines)).toEqual(want));

  it.each([
    // one log: a central syslog server's hosts, a program with and without its pid, a single-digit day
    ['Jan  1 00:00:01 vpn1 pptpd[1000]: CTRL: Received PPTP Control Message (type: 1)', 'Jan  1 00:00:01 vpn1 charon: 00[IKE] 198.51.0.0 is initiating an IKE_SA', 'Jan  1 00:00:02 10.1.1.1 pppd[1001]: Using interface ppp0'],
    ['2328304: Jun  8 19:14:38.051 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):', '2328305: Jun 8 19:14:38.051 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):'],
  ])('one log’s lines: no new log (%s …)', (...lines) => expect(boundaryAt(lines)).toEqual([]));

  it('a time’s shape, not its values', () => {
    expect(timeSkeleton('Jun  8 19:14:38.051 GMT: x')).toBe(timeSkeleton('Jun 18 09:04:08.1 GMT: y'));
    expect(timeSkeleton('2021-08-24 15:42:24.755 SSL')).not.toBe(timeSkeleton('2016-05-26 07:49:06 ike'));
  });

  it.each([
    'PS C:\\Users\\zenith> Get-EventLog Application -Source MySQL -EntryType Warning',
    '[root@targets-host:~]# journalctl -f -u container@target1.service ',
    '    #Version: 1.5',
    '#Fields: date time action protocol src-ip dst-ip src-port dst-port size',
    '### Reconnaissance: SNMP Enumeration Attempt (UDP port 161)',
    '956,,,1492971625,em6,ip-option,pass,in,4,0x0,,1,8,0,none,2,igmp,32,10.0.2.1,224.0.0.1,datalength=8',
  ])('starts a header-less log: %s', (line) => expect(startsHeaderlessLog(line)).toBe(true));

  it.each([
    // wrapped pieces and a record's text: the rest of the line above
    '97.151.23]...207.96.115.200[jedipapi]',
    'DST=98.252.16.36 LEN=44 TOS=0x00 PREC=0x00 TTL=41 ID=35517 PROTO=TCP SPT=38553 DPT=3306',
    'D',
    '# basic configuration',
    '#110: IKEv2 mode peer ID is ID_FQDN',
    'Get peer\'s authentication method',
  ])('starts no log: %s', (line) => expect(startsHeaderlessLog(line)).toBe(false));
});
