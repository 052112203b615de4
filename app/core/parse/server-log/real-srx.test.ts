import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable } from '../../../../test/support/real-server-log-table';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { logFormatsText } from '../../../shared/log-formats';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * A Juniper SRX's flow session log, `RT_FLOW` (families/srx-flow.ts), its IKE daemon, `kmd` (families/srx-kmd.ts), and a Junos firewall filter's `FW:` lines (families/junos-filter.ts). Real lines in test/fixtures/real/server-logs/srx-*.txt
 * (sources in test/fixtures/real/SOURCES.md): RFC 5424 records whose fields are its structured data. Before this reader every
 * RT_FLOW line was "not part of the VPN", a denied GRE or IKE session too. The VPN lines below are that layout (and the brief
 * text form) around made-up addresses.
 */

const en = engineT('en');
const nl = engineT('nl');
const DENY = (proto: string, dport: string, time = '2019-11-14T11:12:46.573+01:00'): string =>
  `<14>1 ${time} SRX-GW1 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.40 source-address="203.0.113.9" source-port="50000" destination-address="198.51.100.2" destination-port="${dport}" connection-tag="0" service-name="None" protocol-id="${proto}" icmp-type="0" policy-name="untrust-cleanup" source-zone-name="untrust" destination-zone-name="trust" application="UNKNOWN" nested-application="UNKNOWN" username="N/A" roles="N/A" packet-incoming-interface="ge-0/0/0.0" encrypted="No" reason="Denied by policy" session-id-32="7087"]`;
const first = (line: string) => parseServerLog(line).entries[0]!;
const REAL_KMD = '<27>1 2023-05-04T15:19:33.984+10:00 AC1234-ABC3-AB-FW01A-ABC kmd 9159 - - IKE negotiation failed with error: Timed out. IKE Version: 1, VPN: SAM-PLE-VPN Gateway: SAM-PLE-GW, Local: 81.2.69.192/500, Remote: 89.160.20.112/500, Local IKE-ID: Not-Available, Remote IKE-ID: Not-Available, VR-ID: 5, Role: Initiator';

describe("a Juniper SRX's flow session log (RT_FLOW) and IKE daemon (kmd)", () => {
  realServerLogTable({
    // three VPNs of one SRX (elastic/integrations#6837): phase 1 timed out as the initiator, another completed, and a third's phase 2
    // refused — kmd's `IPSec negotiation failed with error: Peer proposed traffic-selectors are not in configured range.`, the
    // networks the other side asked for fit none of this VPN's (was not understood)
    'srx-rfc5424-kmd-ike-timed-out-completed-ipsec-peer-traffic-selectors-not-in-configured-range.txt': {
      records: 3,
      understood: 3,
      families: { junos: 3 },
      causes: [[1, 'ike-responder-unreachable'], [3, 'traffic-selector-mismatch']],
      says: [[2, 'with the other side completed'], [3, 'The Juniper SRX\'s IPsec negotiation (phase 2, IKEv2) failed: "Peer proposed traffic-selectors are not in configured range". IKE itself was up']],
    },
    // Elastic's pipeline test lines: a session created over an st0 tunnel (ICMP), two denied (UDP 161 to the SRX itself, TCP 2003;
    // `encrypted="No "` with its blank), one closed — none a VPN's service, each read as the session it is
    'srx-rfc5424-rt-flow-session-create-deny-close-structured-data-no-vpn.txt': {
      records: 4,
      understood: 4,
      families: { junos: 4 },
      causes: [],
      says: [
        [1, "The Juniper SRX firewall logged a session that is no VPN's (RT_FLOW_SESSION_CREATE: IP 1 from 10.0.0.1 to 67.43.156.13, policy vpn_trust_permit-all)."],
        [2, '(RT_FLOW_SESSION_DENY: UDP 161 from 10.0.0.26 to 67.43.156.13, policy MgmtAccess-trust-cleanup)'],
        [4, '(RT_FLOW_SESSION_CLOSE: UDP 902 from 67.43.156.15 to 67.43.156.15, policy mngmt-to-vcenter)'],
      ],
    },
    // Elastic's Junos syslog sample: its IKE daemon kmd (a negotiation this SRX initiated timed out: no answer from the responder;
    // two IPsec SAs established, one with `remote-address=216.160.83.56"` its opening quote lost), among other daemons' lines, which
    // stay "not part of the VPN"; the packet engine's `PFE_FW_SYSLOG_IP` lines behind the card that logged them (`(FPC Slot 1, PIC
    // Slot 1)`, `node1.fpc0`: junos-source.ts) are the firewall filter's, and a card's `gencfg` line without a tag is the card's
    'srx-junos-syslog-sample-kmd-ike-timed-out-initiator-sa-established-quote-lost-firewall-filter-lines.txt': {
      records: 18,
      understood: 18,
      families: { junos: 9, syslog: 9 },
      causes: [[7, 'ike-responder-unreachable']],
      says: [
        [7, 'The Juniper SRX\'s IKE negotiation (IKEv1) failed: "Timed out".'],
        [17, 'The Juniper SRX set up an IPsec SA (the data tunnel) with the other side.'],
        [3, 'RT_SYSTEM is not part of the VPN; ignored.'],
        [1, "The Junos firewall filter logged a packet that is no VPN's (UDP 49153 from 127.0.0.1 to 81.2.69.192 on gr-0/0/0.23, action A)."],
        [2, "The Junos firewall filter logged a packet that is no VPN's (PIM from 89.160.20.112 to 81.2.69.192 on reth11.31, action A)."],
        [12, '(PIM from 175.16.199.0 to 81.2.69.192 on reth5.175, action A)'],
        [16, 'node0.fpc1 is not part of the VPN; ignored.'],
      ],
    },
    // kmd's VPN status messages as `show log kmd-logs` shows them (Juniper's KB10097), the prompt copied with them: the
    // configuration committed (kmd reads it), a VPN down with its reason (its tunnel's configuration deleted: no cause), the brief
    // KMD_PM_SA_ESTABLISHED (`Remote gateway: …,`), the VPN up again and IKE completed; a garbled IKE-ID (`^MDʦ`) in the up line
    'srx-show-log-kmd-logs-vpn-down-config-deleted-sa-established-vpn-up-ike-completed.txt': {
      records: 10,
      understood: 10,
      families: { junos: 10 },
      causes: [],
      says: [
        [1, "Typed at the router's prompt (not a log line): show log kmd-logs."],
        [2, "The Juniper SRX's IKE service (kmd) read its configuration after a commit: nothing about a connection."],
        [4, 'The Juniper SRX\'s VPN ipsec-vpn-1 to 13.68.203.192 went down; the SRX\'s reason: "Tunnel configuration is deleted. Corresponding IKE/IPSec SAs are deleted".'],
        [7, 'The Juniper SRX set up an IPsec SA (the data tunnel) with the other side.'],
        [9, "The Juniper SRX's VPN ipsec-vpn-1 to 13.68.203.192 is up (its IPsec tunnel is in place)."],
        [10, "The Juniper SRX's IKE negotiation (IKEv2) with the other side completed."],
      ],
    },
    // the same messages from a vSRX to Azure, its author's placeholders where the addresses were (`Remote gateway:
    // <VPN_GW_PUBLIC_IP>,`: no peer taken from them) and a garbled local IKE-ID (`U�Ҭ`); IKE completed as initiator and as responder
    'srx-vsrx-azure-kmd-logs-address-placeholders-garbled-ike-id-initiator-responder.txt': {
      records: 7,
      understood: 7,
      families: { junos: 7 },
      causes: [],
      says: [
        [3, "The Juniper SRX's VPN VPN_AZURE to <VPN_GW_PUBLIC_IP> is up (its IPsec tunnel is in place)."],
        [7, "The Juniper SRX's IKE negotiation (IKEv2) with the other side completed."],
      ],
    },
    // newer Junos's iked as a blog's `show log vpn` shows it, its author having cut the date and host (a time alone, the event tag
    // where the daemon's name was: junos-source.ts) and wrapped the long lines at their commas: dead peer detection giving up on one
    // peer, the VPN down (its reason on the third of its lines), then up to the next peer. A rest after a line that ends in a blank —
    // after `, `, after a word (`Successful `, `Traffic-selector `) — is its record's (detect.ts endsAtSoftBreak: 11 lines, 4 records)
    'srx-iked-show-log-vpn-time-only-dpd-peer-dead-vpn-down-monitor-failure-wrapped.txt': {
      records: 4,
      understood: 4,
      families: { junos: 4 },
      causes: [],
      says: [
        // (the identity on the copy's next line, after a trailing blank: joined to its record, so the identity is read too)
        [5, 'The Juniper SRX accepted the IKE identity ipsec.axisapps.io of 34.116.212.243 (gateway waw-1)'],
        [1, "The Juniper SRX's dead peer detection gave up on 34.116.241.129 (gateway waw-1): the other side stopped answering, and the SRX ended the tunnel."],
        [2, "The Juniper SRX's VPN waw-1 to 34.116.241.129 went down; the SRX's reason: \"User issued tunnel redistribution command from CLI\"."],
        [7, "The Juniper SRX's VPN waw-1 to 34.116.212.243 is up (its IPsec tunnel is in place)."],
      ],
    },
    // iked's lines with host and daemon but no date (the article's author cut it), the second with a stray backslash before the host:
    // an IKEv2 remote-access client's identity accepted, its tunnel up (junos-source.ts hostDaemonLine)
    'srx-iked-ikev2-psk-remote-access-id-validation-vpn-up-no-date-stray-backslash.txt': {
      records: 2,
      understood: 2,
      families: { junos: 2 },
      causes: [],
      says: [
        [1, 'The Juniper SRX accepted the IKE identity user1@psk.auth of 81.93.249.121 (gateway ikev2-gw-ipv4-psk)'],
        [2, "The Juniper SRX's VPN ipsec-vpn-ipv4-psk to 81.93.249.121 is up"],
      ],
      peer: '81.93.249.121',
    },
    // an EX switch's `show log messages`: its line card's packet engine logging a discarded OSPF packet, the fields lined up with
    // several blanks (two blanks after the time, as `show log` prints it)
    'junos-ex2300-show-log-fpc0-pfe-fw-syslog-aligned-fields-ospf-discard.txt': {
      records: 1,
      understood: 1,
      families: { junos: 1 },
      causes: [],
      says: [[1, "The Junos firewall filter logged a packet that is no VPN's (OSPF from 10.99.0.1 to 224.0.0.5 on lo0.0, action D)."]],
    },
  });

  it("kmd's failures by their error and this SRX's role; a kmd line no reader knows is not understood", () => {
    const failed = (error: string, role: string): string =>
      `<27>1 2023-05-04T15:19:33.984+10:00 srx kmd 9159 - - IKE negotiation failed with error: ${error}. IKE Version: 2, VPN: RA Gateway: GW, Local: 198.51.100.2/500, Remote: 203.0.113.9/500, Local IKE-ID: Not-Available, Remote IKE-ID: Not-Available, VR-ID: 0, Role: ${role}`;
    const cases: [string, string, string | undefined][] = [
      ['No proposal chosen', 'Responder', 'ike-no-proposal'],
      ['Authentication failed', 'Responder', 'ike-auth-failed'],
      ['Timed out', 'Initiator', 'ike-responder-unreachable'],
      ['Timed out', 'Responder', undefined],
      ['Peer proposed phase1 proposal not match', 'Responder', undefined],
    ];
    for (const [error, role, cause] of cases) {
      const e = first(failed(error, role));
      expect([e.cause, e.outcome, e.peer, describeEntry(e, en)], `${error} ${role}`).toEqual([cause, 'failure', '203.0.113.9', `The Juniper SRX's IKE negotiation (IKEv2) failed: "${error}".`]);
      expect(describeEntry(e, nl)).toBe(`De IKE-onderhandeling (IKEv2) van de Juniper SRX mislukte: "${error}".`);
    }
    // as the initiator, a refused proposal is worded for the side that called (the responder refused it)
    expect(parseServerLog(REAL_KMD).entries[0]!.peer).toBe('89.160.20.112');
    const r = parseServerLog(failed('No proposal chosen', 'Initiator'));
    expect(r.entries[0]!.decoded[0]!.values?.role).toBe('initiator');
    const other = parseServerLog('Dec 10 10:00:00 srx kmd[1234]: KMD_VPN_TS_MISMATCH: Traffic-selector mismatch');
    expect([other.understood, other.unknown]).toEqual([0, 1]);
  });

  it("kmd's phase 2 refusal of the networks the peer proposed is this SRX answering another gateway, whatever another tunnel's line said", () => {
    // (the real log's first line is another VPN's, this SRX its initiator: the finding was "the other side (the responder) refused the
    // networks this side asked for", the reverse of what the line says)
    const text = readRepoText('test/fixtures/real/server-logs/srx-rfc5424-kmd-ike-timed-out-completed-ipsec-peer-traffic-selectors-not-in-configured-range.txt');
    const finding = explainServerLogs([parseServerLog(text, 'srx.log')], en).findings.find((f) => f.id === 'server.traffic-selector-mismatch')!;
    expect(finding.title).toBe('This router and the other router disagree on the networks the tunnel joins (traffic selectors / proxy identities)');
    // a remote-access client's IKE ID is a user's: no site assumed
    const client = parseServerLog(text.split('\n')[2]!.replace('Remote IKE-ID: 89.160.20.112', 'Remote IKE-ID: jan@laptop')).entries[0]!;
    expect(client.decoded[0]!.values?.role).toBeUndefined();
  });

  it("a Junos firewall filter's `FW:` line: a discarded or rejected VPN service is its drop, an accepted one named", () => {
    const fw = (action: string, rest: string): string => `May  4 05:16:01 srx kernel: FW: ge-0/0/0.0 ${action} ${rest}`;
    const gre = first(fw('D', 'gre 203.0.113.9 198.51.100.2 0 0 (1 packets)'));
    expect([gre.cause, gre.outcome, gre.peer, describeEntry(gre, en)]).toEqual(['no-ppp-frames', 'failure', '203.0.113.9', 'The Junos firewall filter that logged this dropped GRE (IP 47) from 203.0.113.9 to 198.51.100.2 on ge-0/0/0.0 (action D): this VPN traffic does not get through.']);
    expect(describeEntry(gre, nl)).toContain('liet GRE (IP 47) van 203.0.113.9 naar 198.51.100.2 op ge-0/0/0.0 niet door');
    expect(first(fw('R', 'udp 203.0.113.9 198.51.100.2 500 500')).cause).toBe('ike-init-unanswered');
    expect(first(fw('D', 'tcp 203.0.113.9 198.51.100.2 50000 1723')).cause).toBe('pptp-control-blocked');
    const accepted = first(fw('A', 'esp 203.0.113.9 198.51.100.2 0 0'));
    expect([accepted.cause, accepted.outcome]).toEqual([undefined, 'info']);
    // (a kernel line of another kind stays the kernel's)
    expect(describeEntry(first('May  4 05:27:33 srx kernel: KERN_ARP_ADDR_CHANGE: arp info overwritten for 81.2.69.192'), en)).toBe('kernel is not part of the VPN; ignored.');
  });

  it("names a VPN service the policy denied, with the cause the PC meets (structured and brief form, a logical system's `_LS`)", () => {
    const cases: [string, string, string, string][] = [
      [DENY('47', '0'), 'GRE (IP 47)', 'no-ppp-frames', 'untrust-cleanup'],
      [DENY('50', '0'), 'ESP (IP 50)', 'esp-blocked', 'untrust-cleanup'],
      [DENY('17', '500'), 'IKE (UDP 500)', 'ike-init-unanswered', 'untrust-cleanup'],
      [DENY('17', '4500').replace('RT_FLOW_SESSION_DENY', 'RT_FLOW_SESSION_DENY_LS'), 'IKE NAT-T (UDP 4500)', 'ike-init-unanswered', 'untrust-cleanup'],
      [DENY('6', '1723'), 'PPTP (TCP 1723)', 'pptp-control-blocked', 'untrust-cleanup'],
      ['Nov 14 11:12:46 SRX-GW1 RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.9/0->198.51.100.2/0 None 47(0) deny-gre untrust trust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 No Denied by policy 7087 N/A N/A -1', 'GRE (IP 47)', 'no-ppp-frames', 'deny-gre'],
    ];
    for (const [line, service, cause, policy] of cases) {
      const e = first(line);
      expect([e.family, e.cause, e.outcome, e.peer], service).toEqual(['junos', cause, 'failure', '203.0.113.9']);
      expect(describeEntry(e, en)).toBe(`The Juniper SRX firewall that logged this denied ${service} from 203.0.113.9 to 198.51.100.2 (policy ${policy}): this VPN traffic does not get through.`);
      expect(describeEntry(e, nl)).toContain(`weigerde ${service} van 203.0.113.9 naar 198.51.100.2`);
    }
  });

  it('a VPN session let through or closed: named, no cause; a denied one makes the server finding', () => {
    const created = first(DENY('47', '0').replace('RT_FLOW_SESSION_DENY', 'RT_FLOW_SESSION_CREATE'));
    expect([created.cause, created.outcome, describeEntry(created, en)]).toEqual([undefined, 'info', 'The Juniper SRX firewall that logged this let GRE (IP 47) from 203.0.113.9 to 198.51.100.2 through (policy untrust-cleanup).']);
    const closed = first(DENY('17', '500').replace('RT_FLOW_SESSION_DENY', 'RT_FLOW_SESSION_CLOSE'));
    expect([closed.cause, describeEntry(closed, en)]).toEqual([undefined, expect.stringContaining('closed its IKE (UDP 500) session')]);
    const r = parseServerLog([DENY('47', '0'), DENY('47', '0', '2019-11-14T11:12:49.573+01:00')].join('\n'));
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toContain('vpn.gre-blocked');
    // (another RT_FLOW event, an application's session: the tag's generic reading)
    const app = parseServerLog('<14>1 2013-01-19T15:18:17.040 SRX100HM RT_FLOW - APPTRACK_SESSION_CREATE [junos@2636.1.1.1.2.40 source-address="192.168.224.30" source-port="3129" destination-address="198.51.100.2" destination-port="1723" protocol-id="6" policy-name="General-Outbound"]');
    expect([app.understood, app.entries[0]!.cause]).toEqual([1, undefined]);
  });

  it("kmd's and iked's VPN status alarms: a tunnel down is a warning with its reason (none names a PC's cause), up a success; the peer only where it is an address", () => {
    const alarm = (tag: string, rest: string): string => `Aug  3 10:18:01  srx1 kmd[14162]: ${tag}: VPN ra-vpn from 203.0.113.9 is ${rest}`;
    const down = first(alarm('KMD_VPN_DOWN_ALARM_USER', 'down. Local-ip: 198.51.100.2, gateway name: gw, vpn name: ra-vpn, tunnel-id: 131073, SA Type: Static, Reason: IPSEC SA VPN Monitor Failure'));
    expect([down.family, down.cause, down.outcome, down.peer, describeEntry(down, en)]).toEqual(['junos', undefined, 'warning', '203.0.113.9', 'The Juniper SRX\'s VPN ra-vpn to 203.0.113.9 went down; the SRX\'s reason: "IPSEC SA VPN Monitor Failure".']);
    expect(describeEntry(down, nl)).toBe('De VPN ra-vpn van de Juniper SRX naar 203.0.113.9 is weggevallen; de reden volgens de SRX: "IPSEC SA VPN Monitor Failure".');
    // (without a reason; iked's name for the same message, newer Junos)
    const bare = first(alarm('IKE_VPN_DOWN_ALARM_USER', 'down. Local-ip: 198.51.100.2').replace('kmd[14162]', 'iked[2001]'));
    expect([bare.family, bare.outcome, describeEntry(bare, en)]).toEqual(['junos', 'warning', "The Juniper SRX's VPN ra-vpn to 203.0.113.9 went down."]);
    const up = first(alarm('KMD_VPN_UP_ALARM_USER', 'up. Local-ip: 198.51.100.2, SA Type: Static'));
    expect([up.outcome, up.peer]).toEqual(['success', '203.0.113.9']);
    // (a placeholder where the address was names no peer)
    expect(first(alarm('KMD_VPN_UP_ALARM_USER', 'up.').replace('203.0.113.9', '<VPN_GW_PUBLIC_IP>')).peer).toBeUndefined();
    const sa = first('Aug  3 10:18:44  srx1 kmd[14162]: KMD_PM_SA_ESTABLISHED: Local gateway: 198.51.100.2, Remote gateway: 203.0.113.9, Local ID: ipv4_subnet(any:0,[0..7]=0.0.0.0/0), Direction: inbound, SPI: 0x190695fe');
    expect([sa.outcome, sa.peer]).toEqual(['success', '203.0.113.9']);
    const completed = first('Aug  3 10:18:44  srx1 kmd[14162]: IKE negotiation successfully completed. IKE Version: 1, VPN: ra-vpn Gateway: gw, Local: 198.51.100.2/500, Remote: 203.0.113.9/500, Local IKE-ID: 198.51.100.2, Remote IKE-ID: 203.0.113.9, VR-ID: 0, Role: Responder');
    expect([completed.outcome, completed.peer, describeEntry(completed, en)]).toEqual(['success', '203.0.113.9', "The Juniper SRX's IKE negotiation (IKEv1) with the other side completed."]);
    // (kmd's or iked's tag under a time alone, the daemon's name cut: that daemon's line; another tag there is no such line)
    const cut = parseServerLog('10:18:01  KMD_VPN_DOWN_ALARM_USER: VPN ra-vpn from 203.0.113.9 is down. Local-ip: 198.51.100.2, Reason: Peer is not responding').entries[0]!;
    expect([cut.family, cut.program, cut.peer, cut.decoded[0]!.values?.reason]).toEqual(['junos', 'kmd', '203.0.113.9', 'Peer is not responding']);
    expect(parseServerLog('10:18:01  UI_COMMIT_COMPLETED: commit complete').entries[0]?.family).not.toBe('junos');
    const dpd = parseServerLog('Mar  1 19:13:59 srx iked[4321]: IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:gw1 C:198.51.100.2:500 R:203.0.113.9:4500 Failed Role:I DPD Failed').entries[0]!;
    expect([dpd.family, dpd.cause, dpd.outcome, dpd.peer]).toEqual(['junos', undefined, 'warning', '203.0.113.9']);
    expect(describeEntry(dpd, nl)).toContain('gaf 203.0.113.9 op (gateway gw1)');
    expect(parseServerLog('Mar  1 19:13:59 srx iked[4321]: IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:gw6 C:2001:db8::2:500 R:2001:db8::9:4500 Failed Role:R DPD Failed').entries[0]!.peer).toBe('2001:db8::9');
    // (a status line of another daemon with the same words is that daemon's)
    expect(first(alarm('KMD_VPN_DOWN_ALARM_USER', 'down.').replace('kmd[14162]', 'mgd[77]')).family).toBe('syslog');
  });

  it("a Junos card's line: the tag after the card is the program (kmd on a services card, the packet engine's filter log), and a VPN drop there is its cause", () => {
    const kmd = first('Aug  3 10:18:01 srx (FPC Slot 1, PIC Slot 0) SPC1_PIC0 kmd[1234]: IKE negotiation failed with error: No proposal chosen. IKE Version: 1, VPN: ra Gateway: gw, Local: 198.51.100.2/500, Remote: 203.0.113.9/500, Local IKE-ID: Not-Available, Remote IKE-ID: Not-Available, VR-ID: 0, Role: Responder');
    expect([kmd.family, kmd.program, kmd.cause, kmd.peer]).toEqual(['junos', 'kmd', 'ike-no-proposal', '203.0.113.9']);
    const gre = first('Sep  2 16:03:12  srx fpc0 PFE_FW_SYSLOG_IP: FW: ge-0/0/0.0   D   gre 203.0.113.9  198.51.100.2  0  0 (3 packets)');
    expect([gre.family, gre.cause, gre.outcome, gre.peer]).toEqual(['junos', 'no-ppp-frames', 'failure', '203.0.113.9']);
    const ike = first('<158>1 2023-05-04T15:18:05.010+10:00 srx - - - - node1.fpc0 PFE_FW_SYSLOG_IP: FW: reth0.0 D udp 203.0.113.9 198.51.100.2 500 500 (1 packets)');
    expect([ike.cause, ike.time?.year]).toEqual(['ike-init-unanswered', 2023]);
    // (a line whose message only begins with such a word is not a card's: no tag-less `fpc` without its number)
    const plain = parseServerLog('Sep  2 16:03:12 host fpc is not configured');
    expect(plain.entries[0]?.program).not.toBe('PFE_FW_SYSLOG_IP');
  });

  it("kmd's and iked's lines with host and daemon but no date are theirs; no other program's, nor a daemon's line without an event tag", () => {
    const line = 'srx1 kmd[2211]: KMD_VPN_UP_ALARM_USER: VPN vpn-1 from 203.0.113.9 is up. Local-ip: 198.51.100.2, gateway name: gw-1';
    expect([first(line).family, first(line).program, first(line).host, first(line).peer]).toEqual(['junos', 'kmd', 'srx1', '203.0.113.9']);
    expect(first(`\\${line}`).family).toBe('junos');
    for (const other of ['srx1 sshd[2211]: KMD_VPN_UP_ALARM_USER: VPN vpn-1 from 203.0.113.9 is up.', 'srx1 kmd[2211]: Config download: Processed 4 - 5 messages']) expect(parseServerLog(other).understood, other).toBe(0);
  });

  it('the summary names the Juniper SRX (en, nl), not "other programs", for its own lines', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/srx-junos-syslog-sample-kmd-ike-timed-out-initiator-sa-established-quote-lost-firewall-filter-lines.txt`));
    expect(logFormatsText(r.families, 'en')).toBe('Juniper SRX (Junos) 9 lines, other programs 9 lines');
    expect(logFormatsText(r.families, 'nl')).toBe('Juniper SRX (Junos) 9 regels, andere programma’s 9 regels');
  });
});
