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
    // two logs of one header shape, told apart by their times (log-time-jump.ts; the last line of one real fixture, the first of
    // another): weeks back; months on; years on (SoftEther's dated file log); months back from a localised month; three hours on from
    // another host
    [['Aug 29 09:58:58 gw kernel: FW reject_input: IN=eth0 OUT= MAC=08:00:27:53:38:ee:08:00:27:1c:21:2b:08:00 SRC=123.150.207.2', 'Jul 10 05:09:33 cgdcvpnbr charon-systemd[1058]: establishing CHILD_SA brandcenter{2859} reqid 16'], [1]],
    [['Feb 25 17:23:42 localhost charon: 11[ENC] generating IKE_SA_INIT response 0 [ N(NO_PROP) ]', 'Aug 6 02:03:47 ppp 31322 [wan_link0] Link: reconnection attempt 941'], [1]],
    [['2019-10-17 18:02:17.296 IPsec Client 37 (xx.yyy.zzz.aa:62718 -> xx.yyy.zzz.bb:4500): This IPsec Client is deleted.', '2021-08-24 15:42:24.755 SSL communication for connection "CID-177" has been started.'], [1]],
    [['okt 21 21:05:47 <HOST> pluto[329135]: "04c6c01f-5020-41da-848a-5d9e1013bb14" #2: NAT-Traversal: received 2 NAT-OA.', 'Aug 6 02:03:47 ppp 31322 [wan_link0] Link: reconnection attempt 941'], [1]],
    [['Jul 06 12:37:33 ip-10-10-0-181.ec2.internal systemd[1]: Failed to start Internet Key Exchange (IKE) Protocol Daemon for IPsec.', 'Jul 06 15:47:07 gittest ipsec[14464]: 09[IKE] IKE_SA ikev2-pubkey[1] established between 209.97.151.23[209.'], [1]],
  ])('%j: a new log at %j', (lines, want) => expect(boundaryAt(lines)).toEqual(want));

  it.each([
    // one log: a central syslog server's hosts, a program with and without its pid, a single-digit day
    ['Jan  1 00:00:01 vpn1 pptpd[1000]: CTRL: Received PPTP Control Message (type: 1)', 'Jan  1 00:00:01 vpn1 charon: 00[IKE] 198.51.0.0 is initiating an IKE_SA', 'Jan  1 00:00:02 10.1.1.1 pppd[1001]: Using interface ppp0'],
    ['2328304: Jun  8 19:14:38.051 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):', '2328305: Jun 8 19:14:38.051 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):'],
    // a clock put back an hour for daylight saving; the year's turn; a server quiet for two weeks; its own host three hours on
    ['Oct 27 02:59:58 gw charon: 09[IKE] sending DPD request', 'Oct 27 02:00:03 gw charon: 09[IKE] sending DPD request'],
    ['Dec 31 23:59:58 vpn1 pppd[1000]: LCP: timeout sending Config-Requests', 'Jan  1 00:00:04 vpn1 pppd[1000]: Connection terminated.'],
    ['2021-06-01 10:00:00.120 IPsec Client 3 (198.51.100.7:500 -> 192.0.2.1:500): A new IPsec client is created.', '2021-06-15 10:00:00.010 IPsec Client 4 (198.51.100.7:500 -> 192.0.2.1:500): A new IPsec client is created.'],
    ['Jul 06 12:37:33 gw charon: 09[IKE] sending DPD request', 'Jul 06 15:47:07 gw charon: 09[IKE] received DPD response'],
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
