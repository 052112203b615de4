import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable } from '../../../../test/support/real-server-log-table';
import { logFormatsText } from '../../../shared/log-formats';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Sophos Firewall (SFOS, XG/XGS): its key=value records (families/sophos-firewall.ts). Real records in
 * test/fixtures/real/server-logs/sfos-*.txt (sources in test/fixtures/real/SOURCES.md); before this reader a whole SFOS log was
 * "not a log". The IPsec failures with a reason and the VPN packets below are the real records' layout around made-up addresses.
 */

const en = engineT('en');
const nl = engineT('nl');
const HEAD = '<30>device="SFW" date=2020-05-18 time=14:38:58 timezone="CEST" device_name="XG230" device_id=1234567890123456';
const IPSEC = (status: string, message: string): string =>
  `${HEAD} log_id=062511418055 log_type="Event" log_component="IPSec" log_subtype="System" status="${status}" priority=Warning user_name="" connectionname="Road-L2TP" connectiontype="1" localinterfaceip=198.51.100.2 localgateway="" localnetwork="" remoteinterfaceip=203.0.113.9 remotenetwork="" message="${message}"`;
const PACKET = (protocol: string, port: number, status = 'Deny', into = 'Port2'): string =>
  `${HEAD} log_id=010102600002 log_type="Firewall" log_component="Firewall Rule" log_subtype="Denied" status="${status}" priority=Information duration=0 fw_rule_id=7 policy_type=1 user_name="" in_interface="${into}" out_interface="" src_ip=203.0.113.9 dst_ip=198.51.100.2 protocol="${protocol}" src_port=${port} dst_port=${port} message=""`;
const LOGIN = (component: string, reason: string): string =>
  `${HEAD} log_id=063010517708 log_type="Event" log_component="${component}" log_subtype="Authentication" status="Failed" priority=Notice user_name="alice" usergroupname="" auth_client="N/A" auth_mechanism="Local" reason="${reason}" src_ip=203.0.113.9 message="" name="" src_mac=`;
const first = (line: string) => parseServerLog(line).entries[0]!;

describe("Sophos Firewall's (SFOS) key=value records", () => {
  realServerLogTable({
    // Elastic's pipeline test records (SFOS before 19, `<30>` and no syslog header): an IPsec connection whose IKE message went
    // unanswered, an IKE SA that expired before it was set up, an SSL VPN log-in and connection, a VPN log-in with wrong
    // credentials, and the firewall's other events (its own log-ins, anti-virus update, DHCP) counted as its own
    'sfos-event-ipsec-retransmission-timed-out-ike-sa-expired-ssl-vpn-connected-vpn-login-wrong-credentials.txt': {
      records: 9,
      understood: 9,
      families: { sfos: 9 },
      causes: [[9, 'credentials-rejected']],
      says: [
        [1, 'Sophos Firewall Event record (Firewall Authentication): not about the VPN; ignored.'],
        [2, 'The Sophos Firewall\'s IPsec connection Location-1 failed (status Failed): "location-1 - IKE message retransmission timed out (Remote: 83.20.132.250)".'],
        [3, 'An IPsec negotiation of the Sophos Firewall failed (status Expire): "IKE_SA timed out before it could be established".'],
        [8, "The Sophos Firewall's SSL VPN connected user elastic.user@elastic.test.com (address 10.82.234.5)."],
        [9, 'The Sophos Firewall refused the VPN log-in of user hendrikl (its reason: "wrong credentials").'],
      ],
    },
    // Firewall records: packets out of the SSL VPN's tun0 denied by the rules (a connected user's DNS; the SSL VPN component's own),
    // a packet to the firewall itself denied (no VPN's), one out of ipsec0 let through
    'sfos-firewall-tun0-deny-appliance-access-deny-ssl-vpn-deny-ipsec0-allow.txt': {
      records: 4,
      understood: 4,
      families: { sfos: 4 },
      // (the two packets out of a tunnel the rules denied: a connected user's traffic, server.tunnel-traffic-dropped)
      causes: [
        [1, 'tunnel-traffic-dropped'],
        [3, 'tunnel-traffic-dropped'],
      ],
      says: [
        [1, "The Sophos Firewall's rules denied TCP 53 from 10.82.234.6 to 192.168.0.1 that came out of a VPN tunnel (Firewall Rule): the VPN is connected, but this user may not reach that address. It was passing through, from tun0 to Port1."],
        [2, "The Sophos Firewall logged a packet that is no VPN's (TCP 18 from 51.77.56.9 to 185.7.209.207, Appliance Access). It came in on Port2."],
        [4, 'that came out of a VPN tunnel (Firewall Rule): the VPN is connected. It was passing through, from ipsec0 to Port2. The firewall rule that logged it: 61.'],
      ],
      user: 'elastic@user.local',
      peer: '10.82.234.6',
    },
    // SFOS 19's layout (`timestamp="…"`, `severity=`, `log_version=1`) under a relay's syslog header: DHCP, no VPN
    'sfos19-syslog-header-event-dhcp-server-renew-no-vpn.txt': {
      records: 3,
      understood: 3,
      families: { sfos: 3 },
      causes: [],
      says: [[1, 'Sophos Firewall Event record (DHCP Server): not about the VPN; ignored.']],
    },
  });

  it("reads the record's own time in either layout; a FortiGate record (ten-digit log id) is not SFOS's", () => {
    expect(first(IPSEC('Failed', 'x')).time).toEqual({ year: 2020, month: 5, day: 18, hour: 14, minute: 38, second: 58 });
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/sfos19-syslog-header-event-dhcp-server-renew-no-vpn.txt`));
    expect(r.entries[0]!.time).toEqual({ year: 2021, month: 11, day: 15, hour: 20, minute: 52, second: 23 });
    const forti = first('date=2024-12-20 time=14:56:10 devname="FGT" logid="0101037124" type="event" subtype="vpn" log_component="x" level="error"');
    expect(forti.family).toBe('fortigate');
  });

  it('an IPsec failure whose reason is IKE\'s own error names the cause; a failure without one names none', () => {
    const cases: [string, string | undefined][] = [
      ['Road-L2TP - received NO_PROPOSAL_CHOSEN notify error', 'ike-no-proposal'],
      ['Road-L2TP - no matching proposal found', 'ike-no-proposal'],
      ['Road-L2TP - received AUTHENTICATION_FAILED notify error', 'ike-auth-failed'],
      ['Road-L2TP - IKE message retransmission timed out (Remote: 203.0.113.9)', undefined],
    ];
    for (const [message, cause] of cases) {
      const e = first(IPSEC('Failed', message));
      expect([e.family, e.outcome, e.cause, e.peer, e.session], message).toEqual(['sfos', 'failure', cause, '203.0.113.9', 'Road-L2TP']);
      expect(describeEntry(e, nl)).toContain('De IPsec-verbinding Road-L2TP van de Sophos Firewall mislukte');
    }
    // (the same words in a record that did not fail are no failure)
    expect(first(IPSEC('Established', 'NO_PROPOSAL_CHOSEN')).cause).toBeUndefined();
    const r = parseServerLog(IPSEC('Failed', 'Road-L2TP - received NO_PROPOSAL_CHOSEN notify error'));
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toContain('server.ike-proposal-mismatch');
  });

  it("a VPN log-in refused for its credentials is the PC's wrong password; SSL VPN's (Sophos Connect) and another reason name no cause", () => {
    const vpn = first(LOGIN('VPN Authentication', 'wrong credentials'));
    expect([vpn.outcome, vpn.cause, vpn.user, vpn.peer]).toEqual(['failure', 'credentials-rejected', 'alice', '203.0.113.9']);
    expect(first(LOGIN('SSL VPN Authentication', 'wrong credentials')).cause).toBeUndefined();
    expect(first(LOGIN('VPN Authentication', 'user group not allowed')).cause).toBeUndefined();
    expect(first(LOGIN('Firewall Authentication', 'wrong credentials')).decoded[0]!.key).toBe('step.sfosOtherRecord');
  });

  it('names a VPN service the firewall denied, with the cause the PC meets; a tunnel\'s own packet has none', () => {
    const cases: [string, number, string, string][] = [
      ['UDP', 500, 'IKE (UDP 500)', 'ike-init-unanswered'],
      ['UDP', 4500, 'IKE NAT-T (UDP 4500)', 'ike-init-unanswered'],
      ['TCP', 1723, 'PPTP (TCP 1723)', 'pptp-control-blocked'],
      ['GRE', 0, 'GRE (IP 47)', 'no-ppp-frames'],
      ['ESP', 0, 'ESP (IP 50)', 'esp-blocked'],
    ];
    for (const [protocol, port, service, cause] of cases) {
      const e = first(PACKET(protocol, port));
      expect([e.family, e.cause, e.outcome, e.peer], service).toEqual(['sfos', cause, 'failure', '203.0.113.9']);
      expect(describeEntry(e, en)).toContain(`dropped ${service} from 203.0.113.9 to 198.51.100.2 (Firewall Rule): this VPN traffic does not get through. It came in on Port2.`);
      expect(describeEntry(e, nl)).toContain(`liet ${service} van 203.0.113.9 naar 198.51.100.2 niet door`);
    }
    expect([first(PACKET('UDP', 500, 'Allow')).cause, first(PACKET('UDP', 500, 'Allow')).outcome]).toEqual([undefined, 'info']);
    const inside = first(PACKET('UDP', 500, 'Deny', 'tun0'));
    // (a connected user's packet the rules denied: server.tunnel-traffic-dropped, a warning; one they allowed is nothing)
    expect([inside.cause, inside.outcome]).toEqual(['tunnel-traffic-dropped', 'warning']);
    const allowed = first(PACKET('UDP', 500, 'Allow', 'tun0'));
    expect([allowed.cause, allowed.outcome]).toEqual([undefined, 'info']);
  });

  it('the summary names the Sophos Firewall (en, nl), apart from the Sophos UTM and not "other programs"', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/sfos-firewall-tun0-deny-appliance-access-deny-ssl-vpn-deny-ipsec0-allow.txt`));
    expect(logFormatsText(r.families, 'en')).toBe('Sophos Firewall (SFOS) 4 lines');
    expect(logFormatsText(r.families, 'nl')).toBe('Sophos Firewall (SFOS) 4 regels');
  });
});
