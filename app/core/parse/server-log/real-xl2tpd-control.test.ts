import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { explainServerLogs } from '../../diagnose/server-log';

/**
 * Real xl2tpd logs of its control channel's sequence numbers (test/fixtures/real/server-logs/pppd-*.txt; sources in
 * test/fixtures/real/SOURCES.md): check_control's "Received out of order control packet" read as what it is by RFC 2661 §5.8
 * — a message sent again that this side already had (its acknowledgement was lost), one ahead of its turn (one before it has
 * not come), or one for a tunnel this side does not have (tunnel -1) — and network_thread's packet for an unknown tunnel.
 * The rows are hand-checked against xl2tpd's control.c check_control.
 */

const en = engineT('en');
const nl = engineT('nl');

const XL2TPD_CONTROL_ROWS: Record<string, RealServerLogRow> = {
  // the same LAC's later lines (xelerance/xl2tpd#43): with `debug avp` the Check Point LNS's SCCRP is read AVP by AVP after
  // handle_avps' own trace line; the tunnel this side asked for is set up
  'pppd-xl2tpd-lac-check-point-debug-avp-sccrp-tunnel-established.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 14 },
    causes: [],
    says: [[4, 'xl2tpd bookkeeping.'], [13, 'Tunnel set up with the server xxx: this side asked for it and the server answered (L2TP).']],
  },
  // xl2tpd's debug (`debug avp`, `debug network`) without any header, each line ending in a blank: a Windows client's SCCRQ read
  // AVP by AVP (avp.c handle_avps' own trace line too), the SCCRP that the server's own system then refused to send (udp_xmit), and
  // the client's SCCRQ again — the PC never got the answer
  'xl2tpd-bare-debug-avp-windows-sccrq-udp-xmit-operation-not-permitted.txt': {
    records: 16,
    understood: 16,
    families: { pppd: 16 },
    causes: [],
    says: [[3, 'xl2tpd bookkeeping.'], [9, 'The PC gives its name as ramon-box.'], [10, 'the VPN client built into Windows'], [15, 'xl2tpd could not send to client-ipaddr:1701: Operation not permitted. The server\'s own system refused to send this L2TP message']],
  },
  // xl2tpd as a LAC under an Arch journal that tags each line twice (`xl2tpd[n]: xl2tpd[n]: …`, inner-tag.ts: was not read at all):
  // its call set up ends with the refs of control.c's ICRP case — the other side answered this side's ICRQ — so it is the dialling
  // side's, with no `Connecting to host` line in the excerpt
  'pppd-xl2tpd-lac-call-established-refs-double-tag-start-pppd-auth.txt': {
    records: 16,
    understood: 16,
    families: { pppd: 16 },
    causes: [],
    says: [[1, 'Call set up with the server <server ip>: this side asked for it and the server answered (L2TP).']],
  },
  // xl2tpd 1.3.6 as a LAC dialling a Check Point gateway (LNS) after Libreswan's Quick Mode, user-space L2TP: its `control_finish:
  // sending SCCRQ` was only "bookkeeping" — it is this side asking for the tunnel, as the side that dials
  'pppd-libreswan-xl2tpd-lac-to-check-point-kernel-support-not-detected-sending-sccrq.txt': {
    records: 13,
    understood: 13,
    families: { libreswan: 1, pppd: 12 },
    causes: [],
    says: [
      [11, 'This side (xl2tpd as an L2TP client, LAC) connects to xxx on UDP 1701.'],
      [13, 'This side asks the other side to open an L2TP tunnel (SCCRQ): it is the side that dials.'],
    ],
  },
  // xl2tpd 1.3.15 as LNS on Amazon Linux 2 (`tail -f` of /var/log/messages in a README; the list's indent taken off, SOURCES.md):
  // the banner, then the client's ICRQ (Ns 2) before its SCCCN (Ns 1) — ahead of its turn, then the tunnel and call come up;
  // newer xl2tpd's `handle_control:`; the tail header `==> /var/log/messages <==` is no log line
  'pppd-xl2tpd-lns-tail-headers-out-of-order-control-packet-handle-control.txt': {
    records: 21,
    // (tail's `==> /var/log/messages <==` header: understood since the lead's merge, tail's own line)
    understood: 21,
    families: { pppd: 20, syslog: 1 },
    causes: [],
    says: [
      [13, 'An L2TP control message of tunnel 16 came ahead of its turn (number 2, 1 expected): one before it has not come'],
      [14, 'xl2tpd bookkeeping.'],
      [15, 'L2TP tunnel established with xxx.xxx.xxx.xxx.'],
      [22, 'The PC was given 192.168.42.10.'],
    ],
  },
  // NetworkManager-l2tp's xl2tpd (a LAC): the server sends messages 2 and 3 again and again — the acknowledgements of this side
  // do not reach it; packets for tunnel 26626, which this side does not have, are dumped
  'pppd-xl2tpd-lac-out-of-order-control-repeats-unknown-tunnel-dumping.txt': {
    records: 19,
    understood: 19,
    families: { pppd: 19 },
    causes: [],
    says: [
      [1, 'The other end of L2TP tunnel 31531 sent control message 3 again, which this side already had (it waits for 4)'],
      [4, 'sent control message 2 again'],
      [8, 'A packet for L2TP tunnel 26626 (call 0), which this side does not have, was dropped.'],
      [19, 'sent control message 3 again, which this side already had (it waits for 5)'],
    ],
  },
  // xl2tpd as an L2TP client (LAC) dialling a Windows Server 2008 R2 RRAS server (xelerance/xl2tpd#227): `Calling on tunnel` makes
  // the log a client's (pppd-role.ts dialsOut), so the other end's hostname and vendor AVPs are the server's — the vendor line
  // before it too (settleAsDialler)
  'pppd-xl2tpd-lac-windows-2008r2-rras-sccrp-vendor-microsoft.txt': {
    records: 19,
    understood: 19,
    families: { pppd: 19 },
    causes: [],
    says: [
      [1, "The server's L2TP software reports vendor Microsoft: Windows' own remote access server (RRAS)."],
      [7, 'This side places its L2TP call in tunnel 29027.'],
      [15, 'The server gives its name as WS2008R2-WH1.'],
      [16, "The server's L2TP software reports vendor Microsoft"],
    ],
  },
  // an OpenWrt xl2tpd after its server restarted: retries run out, then control messages for a tunnel it does not have (tunnel -1)
  'pppd-openwrt-xl2tpd-lac-out-of-order-tunnel-minus-1-after-server-restart.txt': {
    records: 9,
    understood: 9,
    families: { pppd: 9 },
    causes: [],
    says: [
      [1, 'L2TP control messages were not acknowledged: the tunnel was closed.'],
      [6, 'An L2TP control message (number 1) came for a tunnel this side does not have: it was dropped.'],
      [7, 'xl2tpd bookkeeping.'],
    ],
  },
  // the hwdsl2 Docker image's xl2tpd (`xl2tpd[1]:`, no time) as LNS, an Android phone: the call comes up (the poster masked the peer and
  // the serial as `x`), pppd ends with code 11 (the phone failed CHAP), then the phone's CDN carries a Result Code without its optional
  // Error Code, which this xl2tpd (before 1.3.14) refuses — its closing reason says so
  'pppd-xl2tpd-docker-android-result-code-8-bytes-pppd-exit-11-masked-serial.txt': {
    records: 22,
    understood: 22,
    families: { pppd: 22 },
    causes: [[16, 'credentials-rejected']],
    says: [
      [15, 'L2TP call established with x.'],
      [18, "The other side's Result Code is 8 bytes, without the optional Error Code (RFC 2661 §4.4.2): xl2tpd before 1.3.14 refuses it"],
      [21, 'L2TP tunnel 28503 to x (port 39948) closed: Result Code: expected at least 10, got 8.'],
    ],
  },
  // xl2tpd as LAC (a pull request's description): the server's CDN and StopCCN, each with a Result Code of 8 bytes this xl2tpd refused
  'pppd-xl2tpd-lac-cdn-stopccn-result-code-without-error-code.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 7 },
    causes: [],
    says: [
      [1, 'The other side sends a CDN (Call-Disconnect-Notify): it ends the L2TP call.'],
      [2, "The other side's Result Code is 8 bytes"],
      [5, 'The other side sends a StopCCN: it closes the L2TP tunnel.'],
    ],
  },
  // an OpenWrt router's xl2tpd (LAC) redialling: the server's StopCCN with its reason (its max-tunnels limit), then packets of a tunnel
  // this side no longer has
  'pppd-openwrt-xl2tpd-lac-peer-stopccn-max-tunnels-limit-can-not-find-tunnel.txt': {
    records: 8,
    understood: 8,
    families: { syslog: 2, pppd: 6 },
    causes: [],
    says: [
      [4, 'The other side (85.21.0.242) closed the L2TP tunnel (StopCCN), giving as its reason: Reached configured max-tunnels limit.'],
      [6, 'A packet for L2TP tunnel 5447 (call 64335), which this side does not have, was dropped.'],
    ],
  },
};

const one = (text: string) => parseServerLog(text).entries.at(-1)!;
const seq = (tunnel: string, got: number, expected: number) => one(`xl2tpd[1]: check_control: Received out of order control packet on tunnel ${tunnel} (got ${got}, expected ${expected})`);

describe('real xl2tpd control-channel fixtures', () => {
  realServerLogTable(XL2TPD_CONTROL_ROWS);
  it('check_control: behind the expected number is a repeat, ahead of it a gap — compared modulo 65536 (RFC 2661 §5.8)', () => {
    expect(seq('7', 3, 4).decoded[0]).toMatchObject({ key: 'step.l2tpControlRepeat', values: { tunnel: '7', got: 3, expected: 4 } });
    expect(seq('7', 5, 4).decoded[0]!.key).toBe('step.l2tpControlGap');
    // across the wrap: 65535 is just behind 0, 1 just ahead of 65535
    expect(seq('7', 65535, 0).decoded[0]!.key).toBe('step.l2tpControlRepeat');
    expect(seq('7', 1, 65535).decoded[0]!.key).toBe('step.l2tpControlGap');
    expect(seq('-1', 1, 0)).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.l2tpControlNoTunnel', values: { got: 1 } }] });
    expect(describeEntry(seq('7', 5, 4), nl)).toBe('Een L2TP-besturingsbericht van tunnel 7 kwam te vroeg (nummer 5, 4 verwacht): een bericht ervoor is nog niet binnen (onderweg verloren of vertraagd). xl2tpd gooit dit weg en wacht tot de andere kant het ontbrekende opnieuw stuurt.');
  });
  it('the same functions\' other lines stay bookkeeping, also after the rule cache saw a sequence line of the same prefix', () => {
    const r = parseServerLog(['xl2tpd[1]: check_control: Received out of order control packet on tunnel 7 (got 3, expected 4)', 'xl2tpd[1]: check_control: control, cid = 0, Ns = 3, Nr = 4', 'xl2tpd[1]: network_thread: bad packet', 'xl2tpd[1]: network_thread: unable to find call or tunnel to handle packet.  call = 2, tunnel = 9 Dumping.'].join('\n'));
    expect(r.entries.map((e) => e.decoded[0]!.key)).toEqual(['step.l2tpControlRepeat', 'step.xl2tpdHousekeeping', 'step.xl2tpdHousekeeping', 'step.l2tpUnknownTunnel']);
    expect(describeEntry(r.entries[3]!, en)).toBe('A packet for L2TP tunnel 9 (call 2), which this side does not have, was dropped.');
  });
  it('control_finish: a peer no [lns] section accepts is refused by the server\'s settings; xl2tpd\'s own ip range running out is the address pool', () => {
    // (the pair as an installer's README quotes it, a MikroTik client refused for hours by an xl2tpd without `[lns default]`)
    const r = parseServerLog(['xl2tpd[2]: control_finish: Denied connection to unauthorized peer 103.193.145.165', 'xl2tpd[2]: Connection 346 closed to 103.193.145.165, port 1701 (No Authorization)'].join('\n'));
    expect(r.entries[0]).toMatchObject({ outcome: 'failure', peer: '103.193.145.165', decoded: [{ key: 'l2tpPeerNotAllowed' }] });
    expect(r.entries[0]!.cause).toBe('l2tp-peer-refused');
    expect(describeEntry(r.entries[0]!, en)).toContain("The server's L2TP service refused the tunnel from 103.193.145.165: its xl2tpd.conf has no [lns] section");
    expect(one('xl2tpd[2]: control_finish: Out of IP addresses on tunnel 5!')).toMatchObject({ outcome: 'failure', cause: 'address-pool' });
  });
  it('the refused peer is a finding: the server refused the tunnel (vpn.server-unreachable, its own title), the line as evidence, advice for the help desk and the server admin', () => {
    const log = parseServerLog(['Jul 14 10:02:11 vpn xl2tpd[2]: control_finish: Denied connection to unauthorized peer 103.193.145.165', 'Jul 14 10:02:11 vpn xl2tpd[2]: Connection 346 closed to 103.193.145.165, port 1701 (No Authorization)'].join('\n'), 'xl2tpd.log');
    const [f, ...rest] = explainServerLogs([log], en).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'vpn.server-unreachable', severity: 'critical', evidence: [{ source: 'xl2tpd.log', line: 1 }] });
    expect(f!.title).toBe("The server's L2TP service (xl2tpd) refuses this PC's tunnel: no [lns] section of its xl2tpd.conf accepts the PC's address");
    expect(f!.parts!.map((p) => p.kind)).toEqual(['logSays', 'advice', 'advice']);
    expect(f!.summary).toContain('error 809');
    expect(f!.summary).toContain('`[lns default]`');
    const nlFinding = explainServerLogs([log], nl).findings[0]!;
    expect(nlFinding.title).toContain('weigert de tunnel van deze pc');
    expect(nlFinding.summary).toContain('fout 809');
  });
});
