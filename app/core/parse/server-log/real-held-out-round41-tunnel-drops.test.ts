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
  // (was 0 of 6 lines: "no line of this text is in a server log format TunnelMedic knows" — OPNsense's log view copied as tab rows,
  // `time<TAB>Informational<TAB>filterlog<TAB>CSV`, was not read). OPNsense's default deny (rule 6) blocks SIP over TCP that came out of
  // an IPsec tunnel (enc0): both fragments of each large segment (offset 1376 without ports, offset 0 with more to come). Mobile
  // client or site-to-site is not said: warnings, no cause
  'filterlog-opnsense-log-view-enc0-ipsec-tunnel-tcp-fragments-blocked-default-deny.txt': {
    records: 6,
    understood: 6,
    families: { syslog: 6 },
    causes: [],
    says: [
      [1, 'blocked TCP from 10.63.37.32 to 10.63.64.17 that came out of a VPN tunnel (enc0'],
      [1, 'It is a fragment of a larger packet (offset 1376)'],
      [2, 'blocked TCP 5060 from 10.63.37.32 to 10.63.64.17'],
      [2, 'It is a fragment of a larger packet (offset 0)'],
    ],
    peer: '10.63.37.32',
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

const filterlog = (csv: string, header = 'Jul  1 12:00:39 fw filterlog[123]: ') => one(`${header}${csv}`)[0]!;
const keysOf = (e: { decoded: { key: string }[] }) => e.decoded.map((x) => x.key);

describe('pfSense/OPNsense filterlog: what came out of a VPN tunnel (enc0, ovpnsN), blocked', () => {
  const row = (iface: string, src: string, dst: string, action = 'block', dir = 'in') =>
    `6,,,1000000103,${iface},match,${action},${dir},4,0x0,,63,33476,0,none,6,tcp,60,${src},${dst},50087,445,0,S,1,,64240,,mss`;

  it('a private sender coming in on enc0 or an OpenVPN server interface, blocked, is a warning without a cause (dial-up or site-to-site not said)', () => {
    for (const iface of ['enc0', 'ovpns1', 'ovpns12']) {
      const e = filterlog(row(iface, '10.8.0.6', '192.168.1.10'));
      expect(e.outcome).toBe('warning');
      expect(e.cause).toBeUndefined();
      expect(keysOf(e)[0]).toBe('filterlogTunnelDropped');
      expect(e.peer).toBe('10.8.0.6');
    }
    // an IPv6 unique-local sender too
    expect(keysOf(filterlog('6,,,1000000103,ovpns1,match,block,in,6,0x00,0xaf8ff,64,tcp,6,40,fd6f:826b:ed1e::1000,fd00::5,50087,445,0,S,1,,64240,,mss'))[0]).toBe('filterlogTunnelDropped');
  });

  it("not: the WAN's or the LAN's drops, a public sender, a broadcast or multicast, a pass, a packet going out", () => {
    expect(keysOf(filterlog(row('igb0', '10.8.0.6', '192.168.1.10')))[0]).toBe('filterlogOther');
    expect(keysOf(filterlog(row('enc0', '198.51.100.7', '192.168.1.10')))[0]).toBe('filterlogOther');
    expect(keysOf(filterlog(row('enc0', '10.8.0.6', '10.8.0.255')))[0]).toBe('filterlogOther');
    // the real ovpns1 line of an OpenVPN client's mDNS (ff02::fb): any firewall drops it
    expect(keysOf(filterlog('7,16777216,,1000000105,ovpns1,match,block,in,6,0x00,0xaf8ff,1,UDP,17,48,fd6f:826b:ed1e::1000,ff02::fb,5353,5353,48'))[0]).toBe('filterlogOther');
    expect(keysOf(filterlog(row('enc0', '10.8.0.6', '192.168.1.10', 'pass')))[0]).toBe('filterlogOther');
    expect(keysOf(filterlog(row('enc0', '10.8.0.6', '192.168.1.10', 'block', 'out')))[0]).toBe('filterlogOther');
  });

  it('only a fragment (offset > 0, or flags + ) gets the fragment note', () => {
    expect(keysOf(filterlog(row('enc0', '10.8.0.6', '192.168.1.10')))).not.toContain('filterlogFragment');
    expect(keysOf(filterlog('6,,,1000000103,enc0,match,block,in,4,0xa0,,63,33476,1376,none,6,tcp,71,10.8.0.6,192.168.1.10,'))).toContain('filterlogFragment');
    expect(keysOf(filterlog('6,,,1000000103,enc0,match,block,in,4,0xa0,,63,33476,0,+,6,tcp,1396,10.8.0.6,192.168.1.10,50087,5060,1344,PA,1:2,3,1996,,nop'))).toContain('filterlogFragment');
  });

  it("OPNsense's log view row (time, severity word, filterlog, the CSV, tab-separated) is read; another process or no severity word is not this", () => {
    const view = (sev: string, proc = 'filterlog') => one(`2022-07-01T12:00:39\t${sev}\t${proc}\t${row('enc0', '10.8.0.6', '192.168.1.10')}\t`)[0];
    for (const sev of ['Informational', 'Notice', 'Warning']) expect(view(sev)!.decoded[0]!.key).toBe('filterlogTunnelDropped');
    // (its tabs turned into blanks by a copy)
    expect(one(`2022-07-01T12:00:39 Informational   filterlog  ${row('enc0', '10.8.0.6', '192.168.1.10')}`)[0]!.decoded[0]!.key).toBe('filterlogTunnelDropped');
    expect(view('Informational', 'sshd')?.decoded[0]?.key).not.toBe('filterlogTunnelDropped');
    expect(view('Verbose')?.decoded[0]?.key).not.toBe('filterlogTunnelDropped');
  });
});
