import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * Findings of real logs the parser had not met (test/fixtures/real/server-logs, SOURCES.md): what they must and must not say.
 */

const t = engineT('en');
const findingsOf = (file: string): string[] => explainServerLogs([parseServerLog(readRepoText(`test/fixtures/real/server-logs/${file}`), file)], t).findings.map((f) => f.id);

describe('findings of the held-out real logs', () => {
  it("SSTP's Compound MAC failing after the log-in is the two sides' log-in keys differing (vpn.auth-mismatch, PAP as the workaround); a wrong Nonce is none", () => {
    const r = explainServerLogs([parseServerLog(readRepoText('test/fixtures/real/server-logs/pppd-accel-pppd-journal-sstp-call-connected-invalid-compound-mac.txt'), 'x')], t);
    expect(r.findings.map((f) => f.id)).toEqual(['vpn.auth-mismatch']);
    expect(JSON.stringify(r.findings[0])).toContain('(PAP)');
    expect(findingsOf('pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt')).toEqual([]);
  });
  it('a CCP Protocol-Reject the PC went on from (the same pppd carried data both ways) is no encryption finding', () => {
    expect(findingsOf('pppd-vyos-xl2tpd-ccp-protocol-reject-link-used-negative-serial.txt')).toEqual([]);
    // the same refusal where the link then carried next to nothing: the PC hung up on it (error 742)
    const short = [
      "Jan  4 13:41:34 gw pppd[7]: Unsupported protocol 'Compression Control Protocol' (0x80fd) received",
      'Jan  4 13:41:35 gw pppd[7]: Sent 412 bytes, received 380 bytes.',
    ].join('\n');
    expect(explainServerLogs([parseServerLog(short, 'x')], t).findings.map((f) => f.id)).toEqual(['vpn.encryption-mismatch']);
    // another pppd's traffic says nothing of this one's link
    const other = [
      "Jan  4 13:41:34 gw pppd[7]: Unsupported protocol 'Compression Control Protocol' (0x80fd) received",
      'Jan  4 13:43:10 gw pppd[8]: Sent 83873 bytes, received 17862 bytes.',
    ].join('\n');
    expect(explainServerLogs([parseServerLog(other, 'x')], t).findings.map((f) => f.id)).toEqual(['vpn.encryption-mismatch']);
  });

  it("connected, but the server's firewall drops what the PC sends through the tunnel: server.tunnel-traffic-dropped, a warning with both lines and the rule to ask for (en, nl)", () => {
    const file = 'pppd-pptpd-windows-falmer-session-up-iptables-drops-tunnel-traffic-in-ppp0-pc-hangs-up.txt';
    const [f, ...rest] = explainServerLogs([parseServerLog(readRepoText(`test/fixtures/real/server-logs/${file}`), file)], t).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'server.tunnel-traffic-dropped', severity: 'warning', title: "Connected, but the server's firewall drops what the PC sends through the tunnel" });
    expect(f!.evidence.map((e) => e.line)).toEqual([58, 70]);
    expect(f!.summary).toContain('-A FORWARD -i ppp+ -j ACCEPT');
    const nl = explainServerLogs([parseServerLog(readRepoText(`test/fixtures/real/server-logs/${file}`), file)], engineT('nl')).findings[0]!;
    expect(nl.title).toBe('Verbonden, maar de firewall van de server gooit weg wat de pc door de tunnel stuurt');
    // what is no finding: a broadcast the PC's Windows sends (dropped on any healthy server), a drop of what came in on the LAN, an
    // accepted packet from the tunnel
    const line = (prefix: string, into: string, dst: string, src = '192.168.10.21') => `Jul  3 00:28:06 fw kernel: [1.2] ${prefix}: IN=${into} OUT=eth2 SRC=${src} DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=127 ID=1 PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1`;
    const ids = (text: string) => explainServerLogs([parseServerLog(text, 'x')], t).findings.map((x) => x.id);
    expect(ids(line('Dropped by firewall', 'ppp0', '10.0.0.5'))).toEqual(['server.tunnel-traffic-dropped']);
    for (const src of ['10.8.0.6', '172.16.4.2', '172.31.0.9']) expect(ids(line('DROP', 'ppp0', '10.0.0.5', src)), src).toEqual(['server.tunnel-traffic-dropped']);
    // ppp0 as the machine's own DSL uplink (PPPoE): the Internet's packets dropped there have public senders (real kern.log lines
    // people paste: Shorewall's `wan2all:DROP:IN=ppp0 OUT= SRC=60.190.49.244 …`, `INPUT packet died: IN=ppp0 …`)
    for (const src of ['60.190.49.244', '172.32.0.1', '100.64.0.7', '11.0.0.1']) expect(ids(line('Shorewall:wan2all:DROP', 'ppp0', '86.47.224.128', src)), src).toEqual([]);
    expect(ids(line('Dropped by firewall', 'ppp0', '192.168.10.255'))).toEqual([]);
    expect(ids(line('Dropped by firewall', 'eth0', '10.0.0.5'))).toEqual([]);
    expect(ids(line('ACCEPT', 'ppp0', '10.0.0.5'))).toEqual([]);
  });

  it("an MS-CHAP v2 Success this side's pppd could not read is no wrong password (no 691)", () => {
    expect(findingsOf('pppd-nm-l2tp-client-mschapv2-success-badly-formed-chap-failed.txt')).toEqual([]);
  });

  it("a RADIUS socket accel-ppp could not bind, and charon's critical-plugin abort, are found", () => {
    expect(findingsOf('pppd-accel-ppp-log-file-ipoe-radius-bind-address-in-use-no-available-servers.txt')).toEqual(['server.radius-unreachable']);
    expect(findingsOf('charon-status-tab-critical-plugin-feature-initialization-aborted.txt')).toEqual(['server.service-down']);
  });

  it("a 5.x initiator's IKE_SA_INIT answered with NO_PROPOSAL_CHOSEN is the proposal finding, worded for the side that started", () => {
    const [f] = explainServerLogs([parseServerLog(readRepoText('test/fixtures/real/server-logs/pluto-5x-oe-unexpected-ike-sa-init-no-proposal-chosen-glued-host.txt'), 'x')], t).findings;
    expect(f!.id).toBe('server.ike-proposal-mismatch');
    expect(f!.title).toContain('the other side (the responder)');
  });
});
