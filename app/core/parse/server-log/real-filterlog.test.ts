import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS, realServerLogTable } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * pfSense's and OPNsense's packet-filter log, `filterlog` (families/filterlog.ts): the CSV line per logged packet. Real lines in
 * test/fixtures/real/server-logs/filterlog-*.txt (sources in test/fixtures/real/SOURCES.md): a pfSense WAN blocking GRE (a log
 * parser's comment, no header) and OPNsense's lines with a rule label under RFC 3164 and RFC 5424 headers. The VPN lines below
 * are that layout around made-up addresses.
 */

const en = engineT('en');
const nl = engineT('nl');
const IPV4 = (action: string, rest: string, dir = 'in'): string => `Dec  5 09:12:01 fw1 filterlog[41873]: 5,,,1000000103,igb0,match,${action},${dir},4,0x0,,64,0,0,DF,${rest}`;
const GRE = '47,gre,564,203.0.113.9,198.51.100.1,datalength=544';
const udp = (dport: number): string => `17,udp,408,203.0.113.9,198.51.100.1,${dport === 4500 ? 4500 : 500},${dport},388`;
const first = (line: string) => parseServerLog(line).entries[0]!;
const say = (line: string): string => describeEntry(first(line), en);

describe("pfSense's and OPNsense's packet-filter log (filterlog)", () => {
  realServerLogTable({
    // (rule 8's tracker 1000000103 on ix2: pfSense's default deny on its WAN)
    'filterlog-pfsense-headerless-csv-gre-blocked-on-wan-igmp-ip-option-pass.txt': {
      records: 2,
      understood: 2,
      families: { syslog: 2 },
      causes: [[2, 'no-ppp-frames']],
      says: [
        [1, "The pfSense or OPNsense firewall logged a packet that is no VPN's (IGMP from 10.0.2.1 to 224.0.0.1, pass). It came in on em6."],
        [2, 'dropped GRE (IP 47) from 98.153.1.121 to 83.254.23.109 (block): this VPN traffic does not get through. It came in on ix2. The rule that logged it: number 8, tracker or label 1000000103.'],
      ],
    },
    'filterlog-opnsense-rule-label-rfc3164-and-rfc5424-meta-ipv6-udp-dhcpd-unbound.txt': {
      records: 5,
      understood: 5,
      families: { syslog: 5 },
      causes: [],
      says: [
        [1, "no VPN's (TCP 853 from 10.170.12.50 to 175.16.199.1, block). It came in on igb1.12."],
        // (IPv6: the protocol's name before its number)
        [2, "(UDP 547 from fe80::208:9bff:fef3:652b to ff02::1:2, block)"],
        [5, 'It was going out on ixl1_vlan70. The rule that logged it: number 124, tracker or label fae559338f65e11c53669fc3642c93c2.'],
      ],
    },
    // (a Markdown copy of pfSense's RFC 5424 lines with the CSV put on two indented lines under each header: joined, detect.ts continuesFilterlog)
    'filterlog-pfsense-rfc5424-markdown-csv-wrapped-indented-snmp-gre-blocked-on-wan.txt': {
      records: 4,
      understood: 2,
      families: { syslog: 2 },
      causes: [[10, 'no-ppp-frames']],
      says: [
        [3, "The pfSense or OPNsense firewall logged a packet that is no VPN's (UDP 161 from 193.163.125.127 to [REDACTED_WAN_IP], block). It came in on ix1."],
        [10, 'dropped GRE (IP 47) from 84.54.149.97 to [REDACTED_WAN_IP] (block): this VPN traffic does not get through. It came in on ix1. The rule that logged it: number 1, tracker or label 1000000103.'],
      ],
    },
  });

  it("a blocked GRE makes vpn.gre-blocked, advised as the firewall's rule and NAT", () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/filterlog-pfsense-headerless-csv-gre-blocked-on-wan-igmp-ip-option-pass.txt`));
    const [finding] = explainServerLogs([r], en).findings;
    expect(finding!.id).toBe('vpn.gre-blocked');
    expect(finding!.title).toBe("The pfSense or OPNsense firewall drops GRE: PPTP's data never gets through");
    expect(finding!.summary).toContain('a rule that passes GRE on the interface it came in on');
    expect(finding!.summary).not.toContain('ufw');
    expect(finding!.evidence[0]!.line).toBe(2);
    expect(explainServerLogs([r], nl).findings[0]!.title).toBe('De pfSense- of OPNsense-firewall houdt GRE tegen: de gegevens van PPTP komen nooit aan');
  });

  it('reads the action: block, reject and synproxy-drop drop; pass lets through; a NAT action only logs', () => {
    for (const action of ['block', 'reject', 'synproxy-drop']) {
      const e = first(IPV4(action, GRE));
      expect([e.outcome, e.cause, e.peer, e.decoded[0]!.key], action).toEqual(['failure', 'no-ppp-frames', '203.0.113.9', 'filterlogDropped']);
    }
    const passed = first(IPV4('pass', GRE));
    expect([passed.outcome, passed.cause, passed.decoded[0]!.key]).toEqual(['info', undefined, 'filterlogAllowed']);
    for (const action of ['rdr', 'nat', 'unknown(12)']) expect(first(IPV4(action, GRE)).decoded[0]!.key, action).toBe('filterlogLogged');
    expect(describeEntry(first(IPV4('block', GRE)), nl)).toBe('De pfSense- of OPNsense-firewall die dit vastlegde liet GRE (IP 47) van 203.0.113.9 naar 198.51.100.1 niet door (block): dit VPN-verkeer komt niet aan. Het kwam binnen op igb0. De regel die het vastlegde: nummer 5, kenmerk of label 1000000103.');
  });

  it('names the VPN services by protocol and destination port; a blocked IKE is the server not reached', () => {
    const ike = parseServerLog(IPV4('block', udp(500)));
    expect(ike.entries.map((e) => [e.cause, e.peer])).toEqual([['ike-init-unanswered', '203.0.113.9']]);
    expect(explainServerLogs([ike], en).findings.map((f) => f.id)).toEqual(['vpn.server-unreachable']);
    expect(first(IPV4('block', udp(4500))).cause).toBe('ike-init-unanswered');
    // (bare L2TP: often dropped on purpose — a warning that says so, no cause)
    const l2tp = first(IPV4('block', '17,udp,60,203.0.113.9,198.51.100.1,1701,1701,40'));
    expect([l2tp.outcome, l2tp.cause, describeEntry(l2tp, en)]).toEqual(['warning', undefined, expect.stringMatching(/dropped L2TP \(UDP 1701\).*This is not always a fault/)]);
    const esp = first(IPV4('block', '50,esp,152,203.0.113.9,198.51.100.1,datalength=132'));
    expect([esp.outcome, esp.cause, describeEntry(esp, en)]).toEqual(['failure', 'esp-blocked', expect.stringContaining('dropped ESP (IP 50)')]);
    // (PPTP's control connection: its start (`S`) dropped is the PC's PPTP port out of reach; a later packet of it (`A`, `FA`) no cause)
    const pptp = first(IPV4('block', '6,tcp,60,203.0.113.9,198.51.100.1,50123,1723,0,S,1891286705,,64240,,mss'));
    expect([pptp.cause, describeEntry(pptp, en)]).toEqual(['pptp-control-blocked', expect.stringContaining('dropped PPTP (TCP 1723) from 203.0.113.9')]);
    expect(first(IPV4('block', '6,tcp,52,203.0.113.9,198.51.100.1,50123,1723,0,FA,1891286705,1,64240,,')).cause).toBeUndefined();
    expect(first(IPV4('block', '6,tcp,60,198.51.100.1,203.0.113.9,1723,50123,0,SA,1891286705,1,64240,,mss')).cause).toBeUndefined();
    // (a protocol getprotobynumber did not name: by its number)
    expect(say(IPV4('block', '132,unknown(132),52,203.0.113.9,198.51.100.1,datalength=32'))).toContain('(IP 132 from 203.0.113.9');
    // IPv6: the name before the number; a packet going out: the other side is where it went
    const out = first('Dec  5 09:12:01 fw1 filterlog[41873]: 7,,,1000000104,igb0,match,block,out,6,0x00,0x00000,64,GRE,47,60,2001:db8::5,2001:db8::9,datalength=40');
    expect([out.cause, out.peer, describeEntry(out, en)]).toEqual(['no-ppp-frames', '2001:db8::9', expect.stringContaining('It was going out on igb0.')]);
  });

  it("OPNsense's RFC 5424 line with its rule's label", () => {
    const e = first('<134>1 2026-12-05T09:12:01-06:00 OPNsense.example.com filterlog 76404 - [meta sequenceId="7"] 96,,,fae559338f65e11c53669fc3642c93c2,vtnet0,match,block,in,4,0x0,,52,0,0,DF,47,gre,564,203.0.113.9,198.51.100.1,datalength=544');
    expect([e.cause, describeEntry(e, en)]).toEqual(['no-ppp-frames', expect.stringContaining('tracker or label fae559338f65e11c53669fc3642c93c2')]);
  });

  it('joins CSV pieces on indented lines under their header (RFC 3164 and 5424), but not prose, two blank lines apart or a finished line', () => {
    const csv = ['5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,47,gre,564,', '203.0.113.9,198.51.100.1,datalength=544'];
    for (const head of ['Dec  5 09:12:01 fw1 filterlog[41873]:', '<134>1 2026-12-05T09:12:01-06:00 fw1 filterlog 76404 - [meta sequenceId="7"]']) {
      const r = parseServerLog([head, `  ${csv[0]}`, `    ${csv[1]}`].join('\n'));
      expect([r.entries.length, r.entries[0]!.cause], head).toEqual([1, 'no-ppp-frames']);
    }
    // (the first piece on the header's line, the rest wrapped after a comma)
    expect(parseServerLog(`Dec  5 09:12:01 fw1 filterlog[41873]: ${csv[0]}\n\t${csv[1]}`).entries.map((e) => e.cause)).toEqual(['no-ppp-frames']);
    for (const text of [`Dec  5 09:12:01 fw1 filterlog[41873]: ${csv[0]}\n\n\n  ${csv[1]}`, `Dec  5 09:12:01 fw1 filterlog[41873]:\n  the CSV, on the next line`, `Dec  5 09:12:01 fw1 filterlog[41873]: ${csv.join('')}\n  ${csv[1]}`]) {
      expect(parseServerLog(text).records, text).toBe(2);
    }
  });

  it("filterlog's other lines, another program's CSV, and a CSV that is no packet's are not read as one", () => {
    expect(first('Dec  5 09:12:01 fw1 filterlog[41873]: [pflog: invalid header length!]').decoded[0]!.key).toBe('step.unrelatedProgram');
    expect(first('Dec  5 09:12:01 fw1 collector[7]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,47,gre,564,203.0.113.9,198.51.100.1,datalength=544').decoded[0]!.key).toBe('step.unrelatedProgram');
    // (no headerless CSV without a direction, an IP version or addresses where filterlog puts them)
    for (const line of ['5,,,1000000103,igb0,match,block,sideways,4,0x0,,64,0,0,DF,47,gre,564,203.0.113.9,198.51.100.1,datalength=544', '5,,,1000000103,igb0,match,block,in,5,0x0,,64,0,0,DF,47,gre,564,203.0.113.9,198.51.100.1,datalength=544', '2026,in,4,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19']) {
      expect(parseServerLog(line).understood, line).toBe(0);
    }
  });
});
