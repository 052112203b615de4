import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of firewalls refusing what a connected VPN client sends through its tunnel — "connected, but nothing gets
 * through" (round 41; test/fixtures/real/server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read
 * before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 2 of 2 lines and no cause: both were "FortiGate traffic/forward record 13 (20): not about the VPN; ignored"). FortiOS 7.4's
  // forward-traffic records from its administration guide: a Windows PC's FortiClient (user markgilbert, tunnel address
  // 10.212.134.200) is connected over SSL VPN, and policy 3 "Deny Vulnerable Endpoints" denies its HTTP to the DMZ server — the
  // connection times out; after the endpoint's tag changed, policy 5 lets the same traffic through
  'fortios74-ssl-vpn-forticlient-traffic-denied-by-policy-then-allowed.txt': {
    records: 2,
    understood: 2,
    families: { fortigate: 2 },
    causes: [[1, 'tunnel-traffic-dropped']],
    says: [
      [1, 'FortiGate denied HTTP (TCP 80) from 10.212.134.200 to 10.100.77.200 that came out of the SSL VPN tunnel (ssl.root, to port2)'],
      [1, 'Firewall policy 3 (Deny Vulnerable Endpoints) denies it'],
      [2, 'FortiGate let HTTP (TCP 80) from 10.212.134.200 to 10.100.77.200 through that came out of the SSL VPN tunnel'],
    ],
    user: 'markgilbert',
    peer: '10.212.134.200',
  },
  // (was 1 of 1 line, "FortiGate traffic/forward record 13: not about the VPN; ignored"). A FortiGate 3000D's syslog record: HTTPS
  // that came out of the IPsec tunnel VPN-COR_RUNGIS (vpntype ipsecvpn, no interface role) to a LAN interface, denied by policy 0,
  // the implicit deny. The record does not say dial-up or site-to-site: a warning, no cause
  'fortios-ipsec-tunnel-traffic-implicit-deny-policy-0-syslog.txt': {
    records: 1,
    understood: 1,
    families: { fortigate: 1 },
    causes: [],
    says: [
      [1, 'came out of the IPsec tunnel VPN-COR_RUNGIS (to Corelia-Serveur)'],
      [1, "Policy 0 is the FortiGate's implicit deny: no firewall policy from VPN-COR_RUNGIS to Corelia-Serveur matched"],
    ],
    peer: '10.10.61.15',
  },
};

describe('held-out real logs of firewalls dropping a connected VPN client traffic (round 41)', () => {
  realServerLogTable(EXPECTED);
});

const one = (text: string) => parseServerLog(text, 'x').entries;
const record = (fields: string) =>
  one(`date=2024-03-01 time=10:00:00 logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.212.134.5 srcport=5000 ${fields} proto=6 dstport=445 service="SMB"`)[0]!;

describe('FortiOS traffic records of what came out of a VPN tunnel', () => {
  it('an SSL VPN tunnel interface of any VDOM (ssl.<vdom>), denied, is the connected PC refused: server.tunnel-traffic-dropped, a warning', () => {
    for (const intf of ['ssl.root', 'ssl.Branch_VD']) {
      const e = record(`srcintf="${intf}" srcintfrole="undefined" dstip=10.0.0.9 dstintf="internal" dstintfrole="lan" action="deny" policyid=0 user="anna"`);
      expect(e).toMatchObject({ outcome: 'warning', cause: 'tunnel-traffic-dropped', user: 'anna', peer: '10.212.134.5' });
      expect(e.decoded.map((x) => x.key)).toEqual(['fgSslTunnelDenied', 'fgPolicyImplicitDeny']);
    }
  });

  it("allowed or closed sessions out of the tunnel are no drop (FortiOS: every action but deny is the policy's allow)", () => {
    for (const action of ['accept', 'close', 'timeout', 'client-rst', 'server-rst', 'start']) {
      const e = record(`srcintf="ssl.root" dstip=10.0.0.9 dstintf="internal" action="${action}" policyid=4`);
      expect(e.cause).toBeUndefined();
      expect(e.outcome).toBe('info');
      expect(e.decoded[0]!.key).toBe('fgSslTunnelAllowed');
    }
  });

  it('an IPsec tunnel (vpntype) only out of the tunnel — its interface without a role, the other with one — and without a cause', () => {
    const ipsec = (roles: string) => record(`srcintf="dialup" ${roles} dstip=10.0.0.9 dstintf="internal" action="deny" policyid=0 vpntype="ipsecvpn"`);
    const out = ipsec('srcintfrole="undefined" dstintfrole="lan"');
    expect(out.outcome).toBe('warning');
    expect(out.cause).toBeUndefined();
    expect(out.decoded[0]!.key).toBe('fgIpsecTunnelDenied');
    // into the tunnel from the LAN, or no role on either side: not said to be the tunnel's traffic
    expect(ipsec('srcintfrole="lan" dstintfrole="undefined"').decoded[0]!.key).toBe('step.fgOtherRecord');
    expect(ipsec('srcintfrole="undefined" dstintfrole="undefined"').decoded[0]!.key).toBe('step.fgOtherRecord');
  });

  it("a LAN's or the Internet's denied traffic is no VPN's, and an SSL VPN interface as the destination is traffic into the tunnel", () => {
    expect(record('srcintf="port1" srcintfrole="lan" dstip=10.0.0.9 dstintf="wan1" dstintfrole="wan" action="deny" policyid=0').decoded[0]!.key).toBe('step.fgOtherRecord');
    const toPc = record('srcintf="internal" srcintfrole="lan" dstip=10.212.134.5 dstintf="ssl.root" action="deny" policyid=0');
    expect(toPc.cause).toBeUndefined();
    expect(toPc.decoded[0]!.key).toBe('step.fgOtherRecord');
  });
});
