import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from './index';

/**
 * A PC's own Windows Firewall log (pfirewall.log) dropping inbound IKE nothing on it asked for makes no server finding
 * (unasked-ike.ts); the same drop where the log shows a VPN on that machine does. Rows in the layout of Microsoft's example
 * (test/fixtures/real/server-logs/windows-firewall-pfirewall-log-doc-example-…txt), addresses made up.
 */
const en = engineT('en');
const HEAD = ['#Version: 1.5', '#Software: Microsoft Windows Firewall', '#Time Format: Local', '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path', ''];
const ids = (...rows: string[]) => explainServerLogs([parseServerLog([...HEAD, ...rows].join('\n'), 'pfirewall.log')], en).findings.map((f) => f.id);
const IKE_IN = '2026-12-05 09:12:02 DROP UDP 203.0.113.9 192.168.1.23 500 500 408 - - - - - - - RECEIVE';
const NATT_IN = '2026-12-05 09:12:03 DROP UDP 203.0.113.9 192.168.1.23 4500 4500 120 - - - - - - - RECEIVE';
const MDNS = '2026-12-05 09:12:01 DROP UDP 192.168.1.40 224.0.0.251 5353 5353 59 - - - - - - - RECEIVE';

describe('IKE a PC’s own firewall dropped without asking for it', () => {
  it('a desktop’s log (mDNS chatter, inbound IKE and NAT-T dropped, nothing VPN let through or sent): no finding', () => {
    expect(ids(MDNS, IKE_IN, NATT_IN)).toEqual([]);
  });
  it('the same drops where the log shows a VPN on the machine keep their finding: VPN traffic let in (an RRAS server), sent (a client)', () => {
    expect(ids(MDNS, '2026-12-05 09:12:00 ALLOW TCP 198.51.100.7 192.168.1.23 50123 1723 52 S 1 0 64240 - - - RECEIVE', IKE_IN)).toEqual(['vpn.server-unreachable']);
    expect(ids('2026-12-05 09:12:00 ALLOW UDP 192.168.1.23 198.51.100.7 500 500 408 - - - - - - - SEND', IKE_IN)).toEqual(['vpn.server-unreachable']);
  });
  it('with an RRAS event in the same paste, the drop is that server’s', () => {
    const rras = ['Event ID: 20050', 'Source: Router', 'Description: The user CORP\\bob connected to port VPN1-3 has been disconnected because no network protocols were successfully negotiated.', ''];
    expect(explainServerLogs([parseServerLog([...rras, ...HEAD, IKE_IN].join('\n'), 'paste.txt')], en).findings.map((f) => f.id)).toContain('vpn.server-unreachable');
  });
  it('a drop of what this machine sent, or with no path (a row cut short), is not one it never asked for', () => {
    expect(ids('2026-12-05 09:12:02 DROP UDP 192.168.1.23 198.51.100.7 500 500 408 - - - - - - - SEND')).toEqual(['vpn.server-unreachable']);
    expect(ids('2026-12-05 09:12:02 DROP UDP 203.0.113.9 192.168.1.23 500 500 408 - - - - - -')).toEqual(['vpn.server-unreachable']);
  });
});
