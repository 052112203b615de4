import { describe, expect, it } from 'vitest';
import { realServerLogTable } from '../../../../test/support/real-server-log-table';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Windows Firewall's own log, pfirewall.log (families/windows-firewall-log.ts): an RRAS server's firewall dropping the VPN's
 * packets. The one real copy found is Microsoft's documentation example (mDNS drops, indented as its Markdown list shows it, one
 * row cut short); the VPN rows below are that layout around made-up addresses.
 */

const en = engineT('en');
const nl = engineT('nl');
const HEAD = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
  '',
];
const log = (...rows: string[]) => parseServerLog([...HEAD, ...rows].join('\n'));
/** the rows' entries, after the header's */
const rows = (...lines: string[]) => log(...lines).entries.filter((e) => e.line > 5);
const say = (...lines: string[]) => rows(...lines).map((e) => describeEntry(e, en));

describe("Windows Firewall's log (pfirewall.log)", () => {
  realServerLogTable({
    'windows-firewall-pfirewall-log-doc-example-mdns-drops-indented-row-cut.txt': {
      records: 18,
      understood: 18,
      families: { syslog: 18 },
      causes: [],
      says: [
        [1, "A header line of Windows Firewall's log (pfirewall.log)."],
        [6, "Windows Firewall logged traffic that is no VPN's (UDP 5353 from 5.5.3.197 to 224.0.0.251, DROP). It came in to this machine."],
        // (the row the example cut before its path)
        [9, "(UDP 5353 from fe80::3680:dff:fe01:9e88 to ff02::fb, DROP)."],
      ],
    },
  });

  it('a dropped GRE on the server makes vpn.gre-blocked, advised as Windows Firewall\'s rule', () => {
    const r = log('2026-12-05 09:12:01 DROP 47 203.0.113.9 10.0.0.5 - - 60 - - - - - - - RECEIVE');
    expect(r.entries.filter((e) => e.line > 5).map((e) => [e.line, e.cause, e.peer])).toEqual([[6, 'no-ppp-frames', '203.0.113.9']]);
    const [finding] = explainServerLogs([r], en).findings;
    expect(finding!.id).toBe('vpn.gre-blocked');
    expect(finding!.title).toBe("Windows Firewall drops GRE: PPTP's data never gets through");
    expect(finding!.summary).toContain('netsh advfirewall firewall add rule name="GRE" dir=in action=allow protocol=47');
    expect(finding!.summary).not.toContain('ufw');
    expect(explainServerLogs([r], nl).findings[0]!.title).toBe('Windows Firewall houdt GRE tegen: de gegevens van PPTP komen nooit aan');
    expect(describeEntry(r.entries.find((e) => e.line === 6)!, nl)).toBe('Windows Firewall op de machine die dit vastlegde liet GRE (IP 47) van 203.0.113.9 naar 10.0.0.5 niet door: dit VPN-verkeer komt niet aan. Het kwam binnen op deze machine.');
  });

  it('reads each action, the VPN services by protocol and port, and the path', () => {
    expect(say('2026-12-05 09:12:00 ALLOW TCP 203.0.113.9 10.0.0.5 50123 1723 52 S 1 0 64240 - - - RECEIVE')).toEqual([
      'Windows Firewall on the machine that logged this let PPTP (TCP 1723) from 203.0.113.9 to 10.0.0.5 through (ALLOW). It came in to this machine.',
    ]);
    const ike = rows('2026-12-05 09:12:02 DROP UDP 203.0.113.9 10.0.0.5 500 500 408 - - - - - - - RECEIVE')[0]!;
    expect([ike.outcome, ike.cause, ike.peer]).toEqual(['failure', 'ike-init-unanswered', '203.0.113.9']);
    // (XP SP2's actions; Windows 10's pid column after the path; the machine sending: the other side is where it went)
    expect(say('2005-11-20 11:48:36 OPEN UDP 192.168.0.6 198.51.100.7 1625 4500 - - - - - - - - -')[0]).toContain('let IKE NAT-T (UDP 4500) from 192.168.0.6 to 198.51.100.7 through (OPEN)');
    const sent = rows('2026-12-05 09:12:03 DROP 47 10.0.0.5 198.51.100.7 - - 60 - - - - - - - SEND 4')[0]!;
    expect([sent.peer, describeEntry(sent, en)]).toEqual(['198.51.100.7', expect.stringContaining('This machine was sending it.')]);
    expect(say('2005-11-20 11:43:41 DROP TCP 192.168.0.7 192.168.0.6 1172 3389 48 S 1640769051 0 65535 - - - RECEIVE')).toEqual([
      "Windows Firewall logged traffic that is no VPN's (TCP 3389 from 192.168.0.7 to 192.168.0.6, DROP). It came in to this machine.",
    ]);
    expect(say('2026-12-05 09:12:04 INFO-EVENTS-LOST - - - - - - - - - - - - - -')).toEqual(['Windows Firewall could not write some events to its log (INFO-EVENTS-LOST): packets are missing from it here.']);
  });

  it('a line that only looks like one is not read as this log', () => {
    // (another #Fields list: an IIS or W3C log; a row whose third word is no firewall action)
    expect(parseServerLog('#Fields: date time s-ip cs-method cs-uri-stem').understood).toBe(0);
    expect(parseServerLog('2026-12-05 09:12:01 BLOCK TCP 203.0.113.9 10.0.0.5 1 2 3').entries.map((e) => e.decoded[0]!.key)).not.toContain('windowsFirewallOther');
  });
});
