import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of Linux PPP servers (pptpd + pppd) that a Windows PC dialled (round 40, second wave; test/fixtures/real/
 * server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 107 of 112 lines and no cause: "MPPE disabled" was only "encryption is off"; pptpd's GRE reorder queue and its longer
  // Set-Link-Info wording were not read). A Windows 10 PC (MSRAS-0-…) re-sent its CCP Configure-Request after MPPE came up; pppd
  // ended the link ("MPPE disabled", its own LCP Terminate-Request) — the poster's PC showed 734
  'pppd-pptpd-no-header-windows-10-ccp-renegotiated-mppe-disabled-lcp-termreq.txt': {
    records: 112,
    understood: 112,
    families: { pppd: 107, syslog: 5 },
    causes: [[87, 'mppe-renegotiated']],
    says: [
      [60, 'GRE packet #10 came before #9'],
      [62, 'Set-Link-Info with non-standard ACCM values'],
      [67, 'GRE packet #10 arrived'],
      [83, 'Encryption is up: MPPE 128-bit, stateless'],
      [87, 'the PC started the encryption (MPPE) negotiation again'],
    ],
  },
  // (was 23 of 25 lines and no cause: the GRE read failure was a generic "GRE error", pptpctrl's "GRE read or PTY write failed"
  // unread). pptpd's raw GRE socket got ENOPROTOOPT — an ICMP protocol-unreachable from the Windows 7 PC's side
  'pppd-pptpd-radius-windows-7-gre-read-from-network-protocol-not-available.txt': {
    records: 25,
    understood: 24,
    families: { pppd: 23, syslog: 1 },
    causes: [[13, 'no-ppp-frames']],
    says: [
      [13, "the PC's side does not accept GRE"],
      [14, 'pptpd ended the call: reading GRE from the network'],
    ],
  },
  // (was 99 of 100 lines and the firewall's drops of the PC's own traffic were "a packet that is no VPN's", nothing more). A Windows PC
  // (MSRAS-0-FALMER) logs in, gets 192.168.10.21, and the server's iptables (prefix "Dropped by firewall") drops what it sends
  // through ppp0 — its pings to the LAN (FORWARD ppp0 → eth2); the PC hangs up 13 s later. Its broadcasts (DHCP, NetBIOS) are not
  // counted: any server drops them
  'pppd-pptpd-windows-falmer-session-up-iptables-drops-tunnel-traffic-in-ppp0-pc-hangs-up.txt': {
    records: 100,
    understood: 100,
    families: { pppd: 60, syslog: 40 },
    // (the PC's pings dropped by the server's iptables after they came in through ppp0: server.tunnel-traffic-dropped since round 41)
    causes: [
      [58, 'tunnel-traffic-dropped'],
      [70, 'tunnel-traffic-dropped'],
    ],
    says: [
      [17, 'MSRAS-0-FALMER'],
      [40, 'pppd answers ARP on eth2'],
      [42, 'The PC was given 192.168.10.21'],
      [58, "this machine's firewall drops what the PC sends through it"],
      [78, 'The PC ended the link'],
    ],
  },
  // (was 1 of 3 lines and no cause: xl2tpd's tunnel-authentication refusal and call_close's line with the book's blank before the
  // colon were not read). The LNS had `challenge = yes`; the Windows PC (XENU2005) does no L2TP tunnel authentication
  'xl2tpd-openswan-book-windows-host-l2tp-tunnel-challenge-invalid-authentication-call-close-blank-colon.txt': {
    records: 3,
    understood: 3,
    families: { pppd: 3 },
    causes: [[2, 'l2tp-tunnel-auth']],
    says: [
      [2, 'The L2TP tunnel of XENU2005 failed this server\'s tunnel authentication'],
      [3, 'Invalid challenge authentication'],
    ],
  },
  // (was 3 of 4 lines and no cause: accel-ppp's IPCP refusal of an address outside [client-ip-range] was not read). The same thread's
  // SSTP server a comment later: the log-in succeeds, the address is refused, the channel closes
  'pppd-accel-ppp-log-file-sstp-ipcp-requested-ip-outside-client-ip-range-soft-lockup.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [[3, 'address-pool']],
    says: [
      [2, 'User "sstpvpn" authenticated'],
      [3, 'outside every client-ip-range'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;

describe('held-out real logs of Linux PPP servers a Windows PC dialled (round 40)', () => {
  realServerLogTable(EXPECTED);

  it('"MPPE disabled" is the cause only after the other side restarted CCP on a live link; at a normal end it stays a notice', () => {
    const up = ['pppd[7]: MPPE 128-bit stateless compression enabled'];
    const restart = [...up, 'pppd[7]: rcvd [CCP ConfReq id=0x9 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(restart.join('\n')).at(-1)).toMatchObject({ outcome: 'failure', cause: 'mppe-renegotiated' });
    // the link's end: counters, then MPPE going down with LCP (no CCP Configure-Request after MPPE came up)
    const end = [...up, 'pppd[7]: Sent 1000 bytes, received 2000 bytes.', 'pppd[7]: MPPE disabled'];
    expect(one(end.join('\n')).at(-1)!.cause).toBeUndefined();
    // another pppd's CCP restart does not count for this one
    const other = [...up, 'pppd[8]: rcvd [CCP ConfReq id=0x9 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(other.join('\n')).at(-1)!.cause).toBeUndefined();
    // a CCP Configure-Request before MPPE came up is the first negotiation, not a restart
    const before = ['pppd[7]: rcvd [CCP ConfReq id=0x6 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(before.join('\n')).at(-1)!.cause).toBeUndefined();
  });

  it('a dropped packet that came in through a PPP link is the PC\'s traffic refused by the server\'s firewall; broadcasts and other interfaces are not', () => {
    const drop = (into: string, dst: string) => one(`Jul  3 00:28:06 gw kernel: [628826.9] Dropped by firewall: IN=${into} OUT=eth2 SRC=192.168.10.21 DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=127 ID=3 PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1`)[0]!;
    const keys = (into: string, dst: string) => drop(into, dst).decoded.map((x) => x.key);
    expect(drop('ppp0', '192.168.10.96').outcome).toBe('warning');
    expect(keys('ppp3', '10.0.0.5')).toContain('netfilterTunnelDropped');
    expect(keys('eth0', '10.0.0.5')).not.toContain('netfilterTunnelDropped');
    expect(keys('ppp0', '255.255.255.255')).not.toContain('netfilterTunnelDropped');
    expect(keys('ppp0', '224.0.0.251')).not.toContain('netfilterTunnelDropped');
    // an allowing rule's record is no drop
    expect(one('gw kernel: ACCEPT IN=ppp0 OUT=eth2 SRC=192.168.10.21 DST=10.0.0.5 LEN=60 PROTO=ICMP TYPE=8 CODE=0')[0]!.decoded.map((x) => x.key)).not.toContain('netfilterTunnelDropped');
  });

  it("only ENOPROTOOPT on GRE's network read is the PC's side refusing GRE; other read errors stay a GRE error without a cause", () => {
    const read = (err: string) => one(`pptpd[5]: GRE: read(fd=7,buffer=80524c0,len=8260) from network failed: status = -1 error = ${err}`)[0]!;
    expect(read('Protocol not available')).toMatchObject({ outcome: 'failure', cause: 'no-ppp-frames' });
    expect(read('Connection refused').cause).toBeUndefined();
    expect(read('Connection refused').decoded[0]!.key).toBe('greError');
    expect(one('pptpd[5]: CTRL: GRE read or PTY write failed (gre,pty)=(7,6)')[0]!.decoded[0]!.key).toBe('greNetworkEnded');
  });

  it("xl2tpd's tunnel authentication: a wrong answer and a missing secret are the tunnel's own log-in refused, not PPP's password", () => {
    expect(one("xl2tpd[3]: control_finish: No secret key for authenticating 'rtr-b'")[0]).toMatchObject({ outcome: 'failure', cause: 'l2tp-tunnel-auth' });
    expect(one("xl2tpd[3]: control_finish: Invalid authentication for host 'DESKTOP-1'")[0]).toMatchObject({ outcome: 'failure', cause: 'l2tp-tunnel-auth' });
    // this side's own missing secret for the tunnel it dials ("No secret for authenticating to") is another line, not this cause
    expect(one("xl2tpd[3]: control_finish: No secret for authenticating to 'lns'")[0]?.cause).not.toBe('l2tp-tunnel-auth');
  });
});
