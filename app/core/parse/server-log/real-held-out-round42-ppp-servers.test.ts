import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of the Linux/BSD PPP servers (accel-ppp, FreeBSD's mpd5 behind OPNsense) — round 42, area hJA
 * (test/fixtures/real/server-logs, sources in SOURCES.md): each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 11 lines: "no line of this text is in a server log format" — RFC 5424's fields after an RFC 3339 time with no
  // `<PRI>1 ` before them were no header; with one, mpd's `LCP: no reply to N echo request(s)` and `peer not responding to echo
  // requests` were still unknown). OPNsense's PPPoE uplink: five keep-alive intervals without a frame, then mpd takes the link down
  'mpd5-opnsense-rfc5424-without-priority-pppoe-client-lcp-no-reply-to-echo-requests-peer-not-responding.txt': {
    records: 11,
    understood: 11,
    families: { pppd: 11 },
    causes: [],
    says: [
      [1, 'LCP echo requests unanswered in a row: 1.'],
      [5, 'LCP echo requests unanswered in a row: 5.'],
      [6, "The server stopped answering this side's LCP echo requests (5 unanswered)"],
      [8, 'Link: Leave bundle'],
    ],
  },
  // (was 7 of 10 lines: the failed address removal, OPNsense's ppp-linkdown script line and the netgraph hook removal unknown, and
  // the bundle [opt7]'s IPV6CP Terminate-Request said to go "to the PC" — the firewall's own uplink, the other side its provider)
  'mpd5-opnsense-rfc5424-pppoe-client-teardown-iface-remove-address-failed-linkdown-script-hook-remove.txt': {
    records: 10,
    understood: 10,
    families: { pppd: 10 },
    causes: [],
    says: [
      [1, 'mpd could not remove the IPv4 address from pppoe0'],
      [4, 'IPV6CP TermReq to the server'],
      [6, "OPNsense's script for a link that goes down (ppp-linkdown) runs for pppoe0 (IPv6)"],
      [10, 'mpd could not detach the netgraph hook mpd23737-0'],
    ],
  },
  // (was 0 of 1 line: not taken for a log — accel-ppp log_file's level word `error: ` with its time cut, and "no free IPv4 address"
  // unknown). The IPoE session ipoe253 got no address: the pool used up
  'pppd-accel-log-file-level-without-time-ipoe-no-free-ipv4-address-issue-quote.txt': {
    records: 1,
    understood: 1,
    families: { pppd: 1 },
    causes: [[1, 'address-pool']],
    says: [[1, 'accel-ppp has no free IPv4 address for the PC']],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;

describe('held-out real logs of Linux/BSD PPP servers: accel-ppp and mpd5 (round 42)', () => {
  realServerLogTable(EXPECTED);

  it("RFC 5424's fields after an RFC 3339 time, no priority before them: the header, its app name the program", () => {
    const r = parseServerLog('2024-03-01T08:00:01.123+01:00 fw.example ppp 4242 - [meta sequenceId="7"] [l2tp0] LCP: LayerUp', 'x');
    expect(r.understood).toBe(1);
    expect(r.entries[0]!.session).toBe('l2tp0');
    // a nil structured data `-` as well
    expect(parseServerLog('2024-03-01T08:00:01+00:00 fw ppp 4242 - - [l2tp0] LCP: LayerUp', 'x').understood).toBe(1);
    // a plain RFC 3339 line with a tag keeps its own reading; an ISO line with no fields after it stays no mpd line
    expect(one('2024-03-01T08:00:01+00:00 vpn pppd[42]: Connect: ppp0 <--> /dev/pts/1')[0]!.decoded[0]!.key).not.toBe('unread');
    expect(parseServerLog('2024-03-01T08:00:01+00:00 fw ppp 4242 x [l2tp0] LCP: LayerUp', 'x').understood).toBe(0);
  });

  it("mpd's echo failure: N requests unanswered, then the timeout with the count of the same link; a server's link names the PC", () => {
    const lines = (link: string) => [
      `Mar  1 08:00:01 fw l2tps[91]: [${link}] LCP: no reply to 3 echo request(s)`,
      `Mar  1 08:00:11 fw l2tps[91]: [${link}] LCP: peer not responding to echo requests`,
    ].join('\n');
    const server = one(lines('l2tp0'));
    expect(server[0]!.decoded[0]!.key).toBe('step.mpdEchoNoReply');
    expect(server[1]!.decoded[0]).toMatchObject({ key: 'echoTimeout', values: { n: '3' } });
    expect(server[1]!.decoded[0]!.values?.role).toBeUndefined();
    // the firewall's own uplink: the other side is the server
    expect(one(lines('wan_link0'))[1]!.decoded[0]!.values?.role).toBe('initiator');
    // the count of another link is not this link's: the timeout without a count
    const other = one(['Mar  1 08:00:01 fw l2tps[91]: [l2tp1] LCP: no reply to 3 echo request(s)', 'Mar  1 08:00:11 fw l2tps[91]: [l2tp0] LCP: peer not responding to echo requests'].join('\n'));
    expect(other[1]!.decoded[0]!.key).toBe('step.mpdEchoTimeout');
  });

  it("mpd's 'not converging' (fsm.c FsmRecvConfigReq, Max-Failure spent) is a warning naming the protocol", () => {
    const e = one('Mar  1 08:00:01 fw l2tps[91]: [l2tp0] IPCP: not converging')[0]!;
    expect(e).toMatchObject({ outcome: 'warning', session: 'l2tp0' });
    expect(e.decoded[0]).toMatchObject({ key: 'step.mpdNotConverging', values: { proto: 'IPCP' } });
  });

  it("an mpd bundle named after an OPNsense/pfSense interface is the firewall's uplink; other bundle names are a server's", () => {
    const to = (bundle: string) => one(`Mar  1 08:00:01 fw ppp[91]: [${bundle}] IPCP: SendTerminateReq #2`)[0]!.decoded[0]!.values?.role;
    expect(to('opt7')).toBe('initiator');
    expect(to('wan')).toBe('initiator');
    expect(to('B-1')).toBeUndefined();
    expect(to('optical')).toBeUndefined();
  });

  it("accel-ppp's address lines: no free address and an address in use end the session without an address (address-pool)", () => {
    for (const line of [
      'accel-pppd[7]: ppp3:alice: ppp: no free IPv4 address',
      '[2024-01-02 10:00:00]:  warn: ppp3: 0123456789abcdef: ppp: no free IPv4 address',
      'accel-pppd[7]: ipoe12: no free IPv4 address',
      'accel-pppd[7]: ppp3:alice: ppp: requested IPv4 address already assigned to ppp1',
    ]) expect(one(line)[0], line).toMatchObject({ outcome: 'failure', cause: 'address-pool' });
    // log_file's level word with its time cut, before a session: read; before no session it is not cut (no accel-ppp line)
    expect(one(' warn: ppp3:bob: ppp: no free IPv4 address')[0]).toMatchObject({ cause: 'address-pool', session: 'ppp3', user: 'bob' });
    expect(parseServerLog('error: no free IPv4 address', 'x').understood).toBe(0);
  });

  it("accel-ppp's L2TP lines (l2tp.c): failures are no bookkeeping, the PC's tunnel request names the PC, a peer's close says how", () => {
    const key = (line: string) => one(`Nov 01 15:57:45 h accel-pppd[1]: ${line}`)[0]!;
    const tunnel = 'l2tp tunnel 1234-5 (203.0.113.9:1701): ';
    expect(key(`${tunnel}no acknowledgement from peer after 5 retransmissions, deleting tunnel`)).toMatchObject({ outcome: 'warning', peer: '203.0.113.9' });
    expect(key(`${tunnel}no acknowledgement from peer after 5 retransmissions, deleting tunnel`).decoded[0]!.key).toBe('l2tpRetries');
    expect(key(`${tunnel}StopCCN received from peer (result: 1, error: 0), disconnecting tunnel`).decoded[0]!.key).toBe('step.accelL2tpPeerClosedTunnel');
    expect(key(`${tunnel}StopCCN received from peer (result: 6, error: 0), disconnecting tunnel`).decoded[0]!.key).toBe('step.accelL2tpPeerClosedTunnel');
    expect(key(`${tunnel}StopCCN received from peer (result: 2, error: 6, message: "x"), disconnecting tunnel`)).toMatchObject({ outcome: 'warning' });
    expect(key(`${tunnel}StopCCN received from peer (result: 2, error: 6, message: "x"), disconnecting tunnel`).decoded[0]).toMatchObject({ key: 'step.accelL2tpPeerErrorTunnel', values: { res: '2', err: '6', message: ': "x"' } });
    expect(key('l2tp session 1234-5, 77-8: CDN received from peer (result: 3, error: 0), disconnecting session').decoded[0]!.key).toBe('step.accelL2tpPeerClosedCall');
    expect(key(`${tunnel}impossible to handle ICRQ: session allocation failed, disconnecting session`)).toMatchObject({ outcome: 'warning' });
    // bookkeeping stays bookkeeping
    expect(key(`${tunnel}handling SCCCN`).decoded[0]!.key).toBe('step.accelHousekeeping');
    expect(key('l2tp: new tunnel 1234-5 created following reception of SCCRQ from 203.0.113.9:1701')).toMatchObject({ outcome: 'info', peer: '203.0.113.9' });
    expect(key('l2tp: connection limits reached, discarding SCCRQ from 203.0.113.9')).toMatchObject({ outcome: 'warning', peer: '203.0.113.9' });
    expect(key('l2tp: impossible to handle SCCRQ from 203.0.113.9: no Framing Capabilities present in message').decoded[0]).toMatchObject({ key: 'step.accelL2tpSccrqRefused', values: { why: 'no Framing Capabilities present in message' } });
  });

  it("accel-ppp's LCP echo failure and loop-back (ppp_lcp.c) are warnings of the session, not unknown lines", () => {
    expect(one('accel-pppd[3]: ppp2:bob: lcp: no echo reply')[0]).toMatchObject({ outcome: 'warning', session: 'ppp2', user: 'bob' });
    expect(one('accel-pppd[3]: ppp2:bob: lcp: echo: loop-back detected')[0]!.decoded[0]!.key).toBe('step.accelLcpLoopback');
  });
});
