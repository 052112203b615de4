import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of firewall appliances that Windows' built-in L2TP/IPsec client dials (round 43, hunt hKA; test/fixtures/
 * real/server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 1 of 14 lines, no Zyxel family: the table's head was taken for a PowerShell Format-List field, every row unknown). A
  // Zyxel ZyNOS router's IPSec Log as the PC's Main Mode comes in: the payloads of each message, phase 1 done, Quick Mode
  'zynos-prestige-202h-ipsec-log-table-responder-main-mode-phase1-done-quick-mode.txt': {
    records: 14,
    understood: 14,
    families: { zyxel: 14 },
    causes: [],
    says: [
      [1, "The Zyxel's IPSec Log table"],
      [5, '192.168.100.100 starts IKEv1 Main Mode'],
      [10, 'with the payloads Key Exchange (4), Nonce (10)'],
      [16, 'The Zyxel sent an IKE message with the payloads Identification (5), Hash (8)'],
      [18, 'IKE phase 1 is complete on the Zyxel'],
      [21, 'Phase 2 (Quick Mode) starts'],
      [27, 'no log line'],
    ],
  },
  // (was 3 of 10 lines: FortiOS's own PPP debug lines — `SND: LCP …`, `l2tp_ppp_send()`, `ipcp: down` — unknown; pppd's words
  // read). A FortiGate's L2TP daemon gets no answer to its LCP echoes from the Windows PC and ends the link
  'fortios-l2tp-debug-lcp-echo-no-response-ipcp-down-terminate-request.txt': {
    records: 10,
    understood: 10,
    families: { fortigate: 7, pppd: 3 },
    causes: [],
    says: [
      [1, 'The FortiGate sent a PPP packet to the PC: LCP (0xc021), Echo-Request, id 14'],
      [2, 'L2TP tunnel 52'],
      [3, "The PC stopped answering the server's LCP echo requests"],
      [5, 'IPCP went down on the FortiGate'],
      [6, 'LCP (0xc021), Terminate-Request, id 6'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;

describe('held-out real logs, round 43 (hKA: firewall appliances)', () => {
  realServerLogTable(EXPECTED);

  it("reads ZyNOS's failures by Zyxel's own log tables, with the row's time", () => {
    expect(one('003 14 Mar 10:02:11 !! No proposal chosen')[0]).toMatchObject({
      family: 'zyxel',
      outcome: 'failure',
      cause: 'ike-no-proposal',
      time: { month: 3, day: 14, hour: 10, minute: 2, second: 11 },
    });
    // the ZyWALL 2 guide: PYLD_MALFORMED "usually means that the two ends … are not using the same pre-shared key"
    expect(one('017 01 Jan 00:01:02 !! PYLD_MALFORMED')[0]).toMatchObject({ family: 'zyxel', cause: 'ike-auth-failed' });
    expect(one('018 01 Jan 00:01:02 !! Verifying Remote ID failed:')[0]).toMatchObject({ family: 'zyxel', cause: 'traffic-selector-mismatch' });
    expect(one('019 01 Jan 00:01:02 !! Local / remote IPs of incoming request conflict with rule <#3>')[0]).toMatchObject({ family: 'zyxel', outcome: 'failure' });
    expect(one('020 01 Jan 00:01:09 !! IKE Packet Retransmit')[0]).toMatchObject({ family: 'zyxel', outcome: 'warning' });
    // later ZyNOS writes the same messages without the `!!` mark (the P-662H guide's "IKE Logs" table)
    expect(one('021 01 Jan 00:01:10 No proposal chosen')[0]).toMatchObject({ family: 'zyxel', cause: 'ike-no-proposal' });
    expect(one('022 01 Jan 00:01:10 Verifying Local ID failed:')[0]).toMatchObject({ family: 'zyxel', cause: 'traffic-selector-mismatch' });
    // the day and month alone (no index), and a row of the router's own sending: the peer is the far end it names
    expect(one('02 Feb 09:00:00 Send Aggressive Mode request to <203.0.113.7>')[0]).toMatchObject({ family: 'zyxel', peer: '203.0.113.7' });
    expect(one('001 01 Jan 08:08:07 Recv:<HASH><NOTFY>')[0]!.family).toBe('zyxel');
  });

  it('claims a numbered, dated row only when its message is one of ZyNOS\'s', () => {
    // the same shape with another program's text stays unknown (no family takes it for Zyxel's)
    expect(one('001 01 Jan 08:08:07 Started the daily backup')).toEqual([]);
    expect(parseServerLog('42 Jan 08:08:07 Recv:<SA>', 'x').families.zyxel).toBeUndefined();
    // a `Format-List` field named Index is still the Windows event's, not the Zyxel table's head
    expect(one('Index              : 1234')[0]?.family).not.toBe('zyxel');
  });

  it("reads FortiOS's PPP debug in the SSL VPN daemon's form too, and only its packet lines", () => {
    expect(one('[5123:root:0]RCV: LCP Configure_Request id(1) len(14) [Maximum_Received_Unit 1354] [Magic_Number FB7C1352]')[0]).toMatchObject({ family: 'fortigate' });
    const received = one('RCV: IPCP Configure_Nak id(3) len(10) [IP_Address 10.212.134.200]')[0]!;
    expect(received.decoded[0]).toMatchObject({ key: 'step.fgPppReceived', values: { proto: 'IPCP (0x8021)', type: 'Configure-Nak', id: '3' } });
    expect(one('SND: LCP Termiate_Request id(6) len(23)')[0]!.decoded[0]!.values).toMatchObject({ type: 'Terminate-Request' });
    expect(one('ipcp: up ppp:0x7f7940007000 caller:0x1872e100 tun:52')[0]).toMatchObject({ family: 'fortigate', outcome: 'success' });
    // not a packet line: no family claims it for FortiOS's PPP
    expect(one('SND: hello world').find((e) => e.family === 'fortigate')).toBeUndefined();
    expect(one('RCV: LCP Configure_Request')).toEqual([]);
  });
});
