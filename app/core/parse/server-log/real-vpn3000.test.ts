import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Cisco VPN 3000 concentrator event logs found in public material (test/fixtures/real/server-logs,
 * sources in test/fixtures/real/SOURCES.md), each read by hand: what the record is, and whether it
 * says anything about a PC's connection.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // the manual's own example record: the address ends the header line, the text is on the next line;
  // HTTP is the concentrator's management web server (an administrator logging in), no tunnel
  'vpn3000-doc-event-log-format-http-47-admin-login-text-next-line.txt': { records: 1, understood: 1, families: { vpn3000: 1 }, causes: [], says: [[1, 'management']] },
  // severity 3 ("may require user action") of the management web server: not a warning about a VPN
  'vpn3000-sev3-http-42-error-on-socket-accept.txt': { records: 1, understood: 1, families: { vpn3000: 1 }, causes: [], says: [[1, 'HTTP management']] },
  // AUTH/22: a session came up; a LAN-to-LAN tunnel names its peer's address where a user would be
  'vpn3000-syslog-auth-22-lan-to-lan-connected.txt': { records: 1, understood: 1, families: { vpn3000: 1 }, causes: [], says: [[1, 'LAN-to-LAN']] },
};

describe('real Cisco VPN 3000 event logs', () => {
  realServerLogTable(ROWS);

  const entry = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).entries[0]!;
  it('management classes are information whatever their severity', () => {
    expect(entry('vpn3000-sev3-http-42-error-on-socket-accept.txt').outcome).toBe('info');
    expect(entry('vpn3000-doc-event-log-format-http-47-admin-login-text-next-line.txt')).toMatchObject({ outcome: 'info', peer: '10.10.1.35', time: { year: 1999, month: 12, day: 6, hour: 14, minute: 37, second: 6, ms: 680 } });
  });
  it('a connected session is a success; the LAN-to-LAN peer address is not taken for a user', () => {
    const e = entry('vpn3000-syslog-auth-22-lan-to-lan-connected.txt');
    expect(e.outcome).toBe('success');
    expect(e.user).toBeUndefined();
  });
  it("a PC's remote-access session names its user (crafted: the same record for a PPTP user)", () => {
    const r = parseServerLog('12 05/03/2005 10:20:18.170 SEV=4 AUTH/22 RPT=1 10.0.0.9  User [ anna ] Group [ staff ] connected, Session Type: PPTP', 'x');
    expect(r.entries[0]).toMatchObject({ outcome: 'success', user: 'anna', peer: '10.0.0.9' });
  });

});

describe('a LAN-to-LAN peer is another router: its group is named by its address (vpn3000.ts asLanToLan)', () => {
  const en = engineT('en');
  const nl = engineT('nl');
  const REFUSED = (head: string) => `14 05/03/2005 10:20:19.400 SEV=4 IKE/0 RPT=2 203.0.113.9  ${head}All IPSec SA proposals found unacceptable!`;
  const proposal = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'vpn3000.log')], t).findings.find((f) => f.id === 'server.ike-proposal-mismatch')!;
  const line = (text: string, n: number, t = en) => describeEntry(parseServerLog(text, 'vpn3000.log').entries.find((e) => e.line === n)!, t);
  it.each([
    // the group named by the peer's address on the refusal's own record
    ['Group [203.0.113.9] ', REFUSED('Group [203.0.113.9] ')],
    // the real AUTH/22 record's form, the peer's earlier record: a record of the same peer without a group follows it
    ['an earlier LAN-to-LAN record', ['13 05/03/2005 10:20:18.170 SEV=4 AUTH/22 RPT=1 203.0.113.9  User [203.0.113.9] Group [203.0.113.9] connected, Session Type:IPSec/LAN-to-LAN', REFUSED('')].join('\n')],
  ])('%s: the two routers (en, nl)', (_what, text) => {
    expect(proposal(text).title).toBe('This router and the other router have no IPsec proposal in common');
    expect(proposal(text, nl).title).toBe('Deze router en de andere router hebben geen IPsec-voorstel gemeen');
    expect(line(text, text.split('\n').length)).toMatch(/the other router's/);
  });
  it.each([
    ['a named group and its user', REFUSED('Group [VPNFull] User [anna] ')],
    ['no group at all', REFUSED('')],
    // a peer's last sign counts: a remote-access group after a LAN-to-LAN one
    ['a named group after an address-named one', [REFUSED('Group [203.0.113.9] '), REFUSED('Group [VPNFull] User [anna] ')].join('\n')],
  ])('%s keeps the PC', (_what, text) => {
    expect(line(text, text.split('\n').length)).toMatch(/the PC's/);
  });
});
