import { describe } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';

/**
 * `IN=ppp0` is a VPN client's link on a PPTP/L2TP server, and as often the machine's own DSL uplink (PPPoE): the Internet's packets
 * a firewall drops there are no PC's traffic in a tunnel (server.tunnel-traffic-dropped, round 41; netfilter-log.ts PRIVATE_V4).
 * Real logs (test/fixtures/real/server-logs, SOURCES.md).
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // a server on a PPPoE uplink: Shorewall's wan2all policy dropping scanners (UDP 1434, TCP 5938) from public senders on ppp0 —
  // no cause (a warning line "It came in through the VPN link ppp0" had it been a private sender)
  'netfilter-shorewall-wan2all-drop-in-ppp0-pppoe-uplink-internet-senders-oom-killer.txt': {
    records: 6,
    understood: 6,
    families: { syslog: 6 },
    causes: [],
    says: [
      [3, "logged a packet that is no VPN's (UDP 1434 from 60.190.49.244 to 86.47.224.128). It came in on ppp0."],
      [6, 'The firewall rule\'s log prefix: "Shorewall:wan2all:DROP".'],
    ],
  },
};

describe("a firewall's drops on ppp0 that are the Internet's, not a PC's in the tunnel", () => {
  realServerLogTable(EXPECTED);
});
