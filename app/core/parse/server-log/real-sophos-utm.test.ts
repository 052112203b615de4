import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable } from '../../../../test/support/real-server-log-table';
import { logFormatsText } from '../../../shared/log-formats';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Sophos UTM (Astaro): its own header, `2023:04:28-00:50:54 host tag[pid]: ` (header-patterns.ts SOPHOS_UTM), and its packet
 * filter's `ulogd` lines (families/sophos-packetfilter.ts). Real lines in test/fixtures/real/server-logs/sophos-utm-*.txt (sources
 * in test/fixtures/real/SOURCES.md); before this reader a whole Sophos UTM log was "not a log". The VPN lines below are that
 * layout around made-up addresses.
 */

const en = engineT('en');
const nl = engineT('nl');
const ULOGD = (fields: string, time = '2023:04:28-11:08:04'): string =>
  `${time} utm ulogd[12511]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" ${fields}`;
const first = (line: string) => parseServerLog(line).entries[0]!;
const say = (line: string): string => describeEntry(first(line), en);

describe("Sophos UTM's header and packet-filter log", () => {
  realServerLogTable({
    // Elastic's pipeline test lines: a GeoIP drop of a TCP reply, a SIP drop, a logged DNS request with `<30>` before the header
    // and a trailing blank — none a VPN's, each read as the packet it is
    'sophos-utm-ulogd-packetfilter-geoip-drop-sip-drop-dns-request-priority-trailing-blank.txt': {
      records: 3,
      understood: 3,
      families: { sophos: 3 },
      causes: [],
      says: [
        [1, 'The Sophos UTM firewall logged a packet that is no VPN\'s (TCP 42181 from 67.43.156.2 to 89.160.20.129, "Packet dropped (GEOIP)"). It came in on eth6. The packet filter rule that logged it: 60019.'],
        [3, '(UDP 53 from 67.43.156.2 to 89.160.20.129, "DNS request"). It came in on eth7.'],
      ],
    },
    // no host between the time and the tag, and the last value's closing quote lost
    'sophos-utm-ulogd-no-host-udp-drop-last-closing-quote-lost.txt': {
      records: 1,
      understood: 1,
      families: { sophos: 1 },
      causes: [],
      says: [[1, '(UDP 17505 from 83.38.75.151 to 210.66.55.107, "Packet dropped")']],
    },
    // the UTM's IPsec daemon (Openswan's pluto) as the UTM sends it to a syslog server, `<84>` before its header: Libreswan's family
    // reads it (the daemon's start), not "other programs" nor the UTM's packet filter
    'sophos-utm-priority-pluto-listening-for-ike-checkmk-event-console.txt': {
      records: 1,
      understood: 1,
      families: { libreswan: 1 },
      causes: [],
      says: [[1, 'pluto start-up: what this build and machine support.']],
    },
    // a relay in front of the UTM took its year for the tag (`… 192.168.10.1 2017: 03:01-02:30:05 devicename-hq-sg135 ulogd[4824]: …`):
    // the UTM's own time, host and tag are read under it (sophos-header.ts sophosUnderYearTag), not a relayed Cisco IOS line
    'sophos-utm-relayed-year-read-as-tag-ulogd-netbios-broadcast-drop.txt': {
      records: 1,
      understood: 1,
      families: { sophos: 1 },
      causes: [],
      says: [[1, '(UDP 137 from 192.168.12.10 to 192.168.12.255, "Packet dropped"). It came in on eth0. The packet filter rule that logged it: 60001.']],
    },
  });

  it("reads the header's time, host, program and pid; a one-digit month and day; a known daemon without a pid", () => {
    const e = first(ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47" length="100"'));
    expect([e.time, e.host, e.program, e.session]).toEqual([{ year: 2023, month: 4, day: 28, hour: 11, minute: 8, second: 4 }, 'utm', 'ulogd', 'ulogd[12511]']);
    expect(first(ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47"', '2016:1:9-06:09:59')).time).toEqual({ year: 2016, month: 1, day: 9, hour: 6, minute: 9, second: 59 });
    // the VPN daemons' own lines under it are read by their families (Sophos UTM's IPsec is Openswan's pluto, its L2TP an l2tpd)
    const pluto = parseServerLog('2016:08:09-16:14:13 utm pluto[5213]: "L_for user1" #12: responding to Main Mode from unknown peer 203.0.113.7');
    expect([pluto.verdict, pluto.understood, pluto.families]).toEqual(['ok', 1, { libreswan: 1 }]);
    expect(pluto.entries[0]!.host).toBe('utm');
    // under a relay's header with the year as tag: the UTM's date and host
    const relayed = parseServerLog('Mar  1 00:01:01 192.168.10.1 2017: 03:01-02:30:05 utm pluto[5213]: "L_for user1" #12: responding to Main Mode from unknown peer 203.0.113.7').entries[0]!;
    expect([relayed.family, relayed.time, relayed.host]).toEqual(['libreswan', { year: 2017, month: 3, day: 1, hour: 2, minute: 30, second: 5 }, 'utm']);
    // (a relayed IOS line's counter stays one: its message is no Sophos date)
    expect(parseServerLog('Sep  6 09:13:00 RouterName 8200: %SYS-5-CONFIG_I: Configured from console by vty0').entries[0]?.family).toBe('ios');
    const charon = parseServerLog('2016:08:09-16:14:15 utm charon: 12[IKE] received NO_PROPOSAL_CHOSEN notify error');
    expect([charon.understood, charon.entries[0]!.cause]).toEqual([1, 'ike-no-proposal']);
  });

  it('names a VPN service the filter dropped, with the cause the PC meets', () => {
    const cases: [string, string, string][] = [
      ['srcip="203.0.113.9" dstip="198.51.100.2" proto="47" length="100"', 'GRE (IP 47)', 'no-ppp-frames'],
      ['srcip="203.0.113.9" dstip="198.51.100.2" proto="50" length="100"', 'ESP (IP 50)', 'esp-blocked'],
      ['srcip="203.0.113.9" dstip="198.51.100.2" proto="17" srcport="500" dstport="500"', 'IKE (UDP 500)', 'ike-init-unanswered'],
      ['srcip="203.0.113.9" dstip="198.51.100.2" proto="17" srcport="4500" dstport="4500"', 'IKE NAT-T (UDP 4500)', 'ike-init-unanswered'],
      ['srcip="203.0.113.9" dstip="198.51.100.2" proto="6" srcport="50000" dstport="1723" tcpflags="SYN"', 'PPTP (TCP 1723)', 'pptp-control-blocked'],
    ];
    for (const [fields, service, cause] of cases) {
      const e = first(ULOGD(fields));
      expect([e.family, e.cause, e.outcome, e.peer], service).toEqual(['sophos', cause, 'failure', '203.0.113.9']);
      expect(describeEntry(e, en)).toContain(`dropped ${service} from 203.0.113.9 to 198.51.100.2 ("Packet dropped"): this VPN traffic does not get through. It came in on eth1.`);
      expect(describeEntry(e, nl)).toContain(`liet ${service} van 203.0.113.9 naar 198.51.100.2 niet door`);
    }
  });

  it("a later TCP packet, an accepted one, and bare L2TP: named, no cause", () => {
    const ack = first(ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="6" srcport="50000" dstport="1723" tcpflags="ACK"'));
    // (a drop of it all the same, as pfSense's and a Linux firewall's readings say: only a start's drop has the cause)
    expect([ack.cause, ack.outcome]).toEqual([undefined, 'failure']);
    const accepted = ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47"').replace('name="Packet dropped" action="drop"', 'name="Packet accepted" action="accept"');
    expect([first(accepted).cause, say(accepted)]).toEqual([undefined, expect.stringContaining('let GRE (IP 47) from 203.0.113.9 to 198.51.100.2 through ("Packet accepted")')]);
    const l2tp = first(ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="17" srcport="1701" dstport="1701"'));
    expect([l2tp.cause, l2tp.outcome]).toEqual([undefined, 'warning']);
    // (a packet going out: the far end is where it went)
    expect(first(ULOGD('srcip="198.51.100.2" dstip="203.0.113.9" proto="47"').replace('initf="eth1"', 'outitf="eth0"')).peer).toBe('203.0.113.9');
  });

  it("a GRE drop makes the server finding; a ulogd line of another subsystem is left to the generic reading", () => {
    const r = parseServerLog([ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47" length="100"'), ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47" length="100"', '2023:04:28-11:08:09')].join('\n'));
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toContain('vpn.gre-blocked');
    const other = parseServerLog('2023:04:28-11:08:04 utm ulogd[12511]: id="2101" severity="info" sys="SecureNet" sub="ips" name="SYN flood detected"');
    expect([other.understood, other.entries[0]?.cause]).toEqual([1, undefined]);
  });

  it('the summary names the Sophos UTM (en, nl), not "other programs", for its packet filter\'s lines; its daemons\' lines count as their families\'', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/sophos-utm-ulogd-packetfilter-geoip-drop-sip-drop-dns-request-priority-trailing-blank.txt`));
    expect(logFormatsText(r.families, 'en')).toBe('Sophos UTM 3 lines');
    expect(logFormatsText(r.families, 'nl')).toBe('Sophos UTM 3 regels');
    const mixed = parseServerLog([ULOGD('srcip="203.0.113.9" dstip="198.51.100.2" proto="47"'), '2016:08:09-16:14:13 utm pluto[5213]: "L_for user1" #12: responding to Main Mode from unknown peer 203.0.113.7', '2016:08:09-16:14:14 utm cron[99]: (root) CMD (true)'].join('\n'));
    expect(logFormatsText(mixed.families, 'en')).toBe('Sophos UTM 1 line, Libreswan 1 line, other programs 1 line');
  });
});
