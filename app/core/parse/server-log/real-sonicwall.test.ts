import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * SonicWall (SonicOS) logs found in public material (test/fixtures/real/server-logs/sonicwall-*, sources in
 * test/fixtures/real/SOURCES.md), each read by hand: the GUI's log table as copied (tabs, or runs of blanks), and the
 * message column alone with the addresses after it.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // retransmissions are the SonicWall's own repeats (warnings, no cause); the rows' dates and the (admin) user after the source
  'sonicwall-gui-log-tabs-aggressive-mode-xauth-remote-party-timeout-retransmitting.txt': { records: 7, understood: 7, families: { sonicwall: 7 }, causes: [], says: [[1, 'sends its IKE message again'], [1, 'VPN Policy: WAN GroupVPN'], [3, 'Aggressive Mode request'], [4, 'IPsec phase 1 (Aggressive Mode) is complete'], [5, 'The other side is behind NAT']] },
  // no VPN policy for the PC's IKE ID: the PC's identity or pre-shared key (the brief's mapping: server.ike-auth-failed)
  'sonicwall-gui-log-spaces-proposed-ike-id-mismatch-vpn-policy-not-found.txt': { records: 1, understood: 1, families: { sonicwall: 1 }, causes: [[1, 'ike-auth-failed']], says: [[1, 'found no VPN policy for the identity (IKE ID)'], [1, 'VPN Policy NOT found for proposed ID type: KEY ID']], user: 'sysadmin' },
  // the responder gave up on the peer's next message; the unknown SonicWall line and the poster's note stay counted
  'sonicwall-message-column-aggressive-mode-no-response-negotiation-aborted-timeout.txt': { records: 8, understood: 6, families: { sonicwall: 6 }, causes: [[5, 'ike-no-mi3'], [8, 'ike-no-mi3']], says: [[1, 'An IKE packet came in (Aggressive Mode: SA, KE, NON, ID'], [3, 'The SonicWall sent an IKE packet'], [6, 'sent the same packet again']] },
};

const one = (line: string) => parseServerLog(line, 'x').entries[0]!;
const REC = 'id=firewall sn=0017C5000000 time="2019-05-13 11:24:49" fw=203.0.113.1 pri=6 c=0';

describe('real SonicWall (SonicOS) logs', () => {
  realServerLogTable(ROWS);

  it('a table row takes its date and time (US order) from its own columns', () => {
    const e = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/sonicwall-gui-log-tabs-aggressive-mode-xauth-remote-party-timeout-retransmitting.txt`), 'x').entries[3]!;
    expect(e).toMatchObject({ family: 'sonicwall', user: 'admin', time: { year: 2017, month: 11, day: 15, hour: 10, minute: 33, second: 14, ms: 592 } });
  });

  // crafted from the SonicOS 6.5.1 Log Events Reference Guide's ids and texts and the syslog field layout (no public copy of
  // these VPN records was found): each is read by its id (m=), whatever its msg says
  it('syslog records by event id: L2TP and PPP log-ins refused are the PC\'s 691, XAUTH refused is XAUTH\'s, successes succeed', () => {
    expect(one(`${REC} m=344 msg="L2TP Server : User  Name authentication Failure locally" n=12 src=198.51.100.7:1701:X1 dst=203.0.113.1:1701:X1 usr="anna"`)).toMatchObject({ family: 'sonicwall', cause: 'credentials-rejected', code: 691, user: 'anna', time: { year: 2019, month: 5, day: 13, hour: 11 } });
    expect(one(`${REC} m=311 msg="iets anders" n=1`)).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    expect(one(`${REC} m=291 msg="PPP: CHAP authentication failed - check username / password" n=1`)).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    const x = one(`${REC} m=140 msg="XAUTH Failed with VPN client, Authentication failure" n=1`);
    expect([x.cause, x.code]).toEqual(['xauth-rejected', undefined]);
    expect(one(`${REC} m=318 msg="L2TP Server:  Local  Authentication Success." n=1`)).toMatchObject({ outcome: 'success' });
  });
  it('a syslog record of another event is read as such (its id and text quoted), after a syslog header too', () => {
    expect(one('Mar  1 10:00:00 fw1 id=firewall sn=0006B129195C time="2013-11-17 01:04:39" fw=71.6.1.234 pri=6 c=1024 m=537 msg="Connection Closed" n=5921690 src=71.6.1.234:4008:X1: dst=222.234.2.135:137:X1: proto=udp/netbios-ns sent=156')).toMatchObject({ family: 'sonicwall', outcome: 'info' });
  });
  it('a syslog record without a known id is read by its msg (IKE proposal mismatch, a wording assumed)', () => {
    expect(one(`${REC} m=1031 msg="IKE Responder: IKE proposal does not match (Phase 1)" n=3`)).toMatchObject({ cause: 'ike-no-proposal', outcome: 'failure' });
  });

  // assumed wordings (the help desk's quotes; no copy found): single lines of the message column
  it('proposal mismatches of both phases and NO_PROPOSAL_CHOSEN from the other side are proposal mismatches', () => {
    for (const line of ['IKE Responder: IPsec proposal does not match (Phase 2) 198.51.100.7, 500 203.0.113.1, 500', 'IKE Responder: IPSec proposal not acceptable', 'Received notify: NO_PROPOSAL_CHOSEN', 'IKEv2 IKE proposal does not match']) expect(one(line).cause, line).toBe('ike-no-proposal');
  });
  it('the L2TP server\'s pool without an address is the address pool\'s; its retransmission time-out a warning', () => {
    expect(one('L2TP Server : No free IP address in the IP pool')).toMatchObject({ cause: 'address-pool' });
    const e = one('L2TP Server : Retransmission Timeout, Deleting the Tunnel');
    expect([e.outcome, e.cause]).toEqual(['warning', undefined]);
  });
  it('as initiator a give-up is the responder\'s silence; a give-up with no role logged yet has no cause', () => {
    expect(one('IKE Initiator: No response - remote party timeout 203.0.113.1, 500 198.51.100.9, 500')).toMatchObject({ cause: 'ike-responder-unreachable' });
    const r = parseServerLog(['IKE negotiation aborted due to timeout 203.0.113.1 198.51.100.9', 'IKE Initiator: Remote party timeout - Retransmitting IKE request. 203.0.113.1, 500 198.51.100.9, 500', 'IKE negotiation aborted due to timeout 203.0.113.1 198.51.100.9'].join('\n'), 'x');
    expect(r.entries.map((e) => [e.outcome, e.cause ?? ''])).toEqual([['failure', ''], ['warning', ''], ['failure', 'ike-responder-unreachable']]);
  });
  it('a table row whose message is unknown stays counted as the SonicWall\'s, not understood', () => {
    const r = parseServerLog('1\t11/15/2017 10:34:02.176\tInfo\tVPN IKE\tSomething new happened\t198.51.100.7, 500\t203.0.113.1, 500\t', 'x');
    expect([r.records, r.understood, r.unknownLines[0]?.family]).toEqual([1, 0, 'sonicwall']);
  });

  it('never claims a line of the shared corpus or of another family\'s fixture', () => {
    const seen: string[] = [];
    for (const folder of ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000']) {
      for (const file of corpusFiles(`server-logs/${folder}`)) if (parseServerLog(readCorpus(`server-logs/${folder}`, file), file).families.sonicwall) seen.push(`${folder}/${file}`);
    }
    const fixtures = repoFiles(REAL_SERVER_LOGS).filter((f) => !f.startsWith('sonicwall'));
    expect(fixtures.length).toBeGreaterThan(100);
    for (const file of fixtures) if (parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).families.sonicwall) seen.push(file);
    expect(seen).toEqual([]);
  });
});
