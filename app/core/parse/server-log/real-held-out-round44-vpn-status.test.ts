import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { verdictMessage } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { parseServerLog } from './index';
import { InputSniffer } from './inspect';
import type { InputVerdict } from './types';

/**
 * A VPN server's or router's STATUS output pasted instead of its log (round 44, hLH): FortiGate `diagnose vpn ike gateway list` /
 * `diagnose vpn tunnel list` / `get vpn ipsec tunnel summary`, MikroTik `/ip ipsec active-peers print` / `/ppp active print`.
 * Before, each was "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/…)" — now the verdict
 * `vpn-status`, saying it is a snapshot and which command gives the log (inspect.ts, on the first lines only).
 */

const en = engineT('en');
const nl = engineT('nl');
const REAL = 'test/fixtures/real/server-logs';

const ROWS: Record<string, string> = {
  // (was not-a-log: 0 of 49 lines). A FortiGate's gateway list (two IKE SAs established, one per direction) then its tunnel list
  'fortigate-diagnose-vpn-ike-gateway-list-two-ike-sas-established-tunnel-list-no-traffic.txt': 'diagnose vpn ike gateway list',
  // (was not-a-log: 0 of 12 lines). A hub's and a spoke's tunnel summary, `selectors(total,up): 1/1`, the prompts' comments between
  'fortigate-get-vpn-ipsec-tunnel-summary-hub-spokes-selectors-up-tx-errors.txt': 'get vpn ipsec tunnel summary',
  // (was not-a-log: 0 of 4 lines). RouterOS active peers: the flags line, the column header, a comment row and the peer's row
  'mikrotik-ip-ipsec-active-peers-print-azure-peer-established-comment-row.txt': '/ip ipsec active-peers print',
};

describe('real VPN status outputs pasted as a server log (round 44)', () => {
  for (const [file, says] of Object.entries(ROWS)) {
    it(file, () => {
      const r = parseServerLog(readRepoText(`${REAL}/${file}`), file);
      expect(r.verdict).toBe('vpn-status');
      expect(verdictMessage(r, en)).toContain(says);
      expect(verdictMessage(r, en)).toContain('not what happened when');
      const dutch = verdictMessage(r, nl);
      expect(dutch).toMatch(/^Dit is de statusuitvoer/);
      expect(dutch).not.toMatch(/\{\{|serverLog\./);
    });
  }
});

/** the sniffer alone: lines seen, then a text of `records` lines none of which was understood */
function sniff(lines: readonly string[]): InputVerdict {
  const s = new InputSniffer();
  for (const l of lines) s.see(l);
  return s.verdict(lines.length, 0);
}

describe('the class: other shapes of the same outputs', () => {
  it("a FortiGate gateway whose phase 1 never came up, and the tunnel list's rows alone", () => {
    expect(sniff(['vd: root/0', 'name: to-hq', 'version: 2', 'IKE SA: created 5/5', 'IKE SA: created 0/12  established 0/0  time 0/0/0 ms', 'IPsec SA: created 0/0  established 0/0  time 0/0/0 ms'])).toBe('vpn-status');
    expect(sniff(['list all ipsec tunnel in vd 0', 'proxyid_num=1 child_num=0 refcnt=5 ilast=0 olast=0 ad=/0', 'stat: rxp=12 txp=0 rxb=1200 txb=0'])).toBe('vpn-status');
  });

  it("a tunnel summary's down tunnel, and MikroTik's /ppp active print and print detail", () => {
    expect(sniff(["'mesh1-1' 100.100.103.2:0  selectors(total,up): 1/0  rx(pkt,err): 0/0  tx(pkt,err): 0/5", "'T5' 172.16.210.2:0  selectors(total,up): 1/0  rx(pkt,err): 0/0  tx(pkt,err): 0/4"])).toBe('vpn-status');
    expect(sniff(['Flags: R - radius', ' #   NAME         SERVICE CALLER-ID         ENCODING         ADDRESS         UPTIME', ' 0   alice        sstp    203.0.113.7       cbc(aes) + hm... 10.0.0.10       1h2m'])).toBe('vpn-status');
    expect(sniff([' 0    local-address=198.51.100.1 port=4500 remote-address=203.0.113.9 port=4500 state=established side=initiator uptime=2h ph2-total=2', ' 1    local-address=198.51.100.1 remote-address=203.0.113.10 state=message-1-sent side=initiator ph2-total=0'])).toBe('vpn-status');
  });

  it('the negative: a RouterOS table of other columns, one status-like line, a log line that names the command', () => {
    expect(sniff(['Flags: X - disabled, I - invalid, D - dynamic', ' #   ADDRESS            NETWORK         INTERFACE', ' 0   192.168.88.1/24    192.168.88.0    bridge'])).toBe('not-a-log');
    expect(sniff(['IKE SA: created 1/1  established 1/1  time 0/0/0 ms'])).toBe('not-a-log');
    expect(sniff(['we ran get vpn ipsec tunnel summary and saw selectors(total,up): 1/0', 'then it went down'])).toBe('not-a-log');
  });
});
