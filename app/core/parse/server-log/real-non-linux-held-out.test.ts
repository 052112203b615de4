import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, REAL_SERVER_LOGS, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { parseServerLog } from './index';

/**
 * Real logs of the non-Linux families the parser had not met (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md): a RasClient 20227 copied without its `CoId={…}:` prefix (Windows 7 and earlier write none,
 * people copy the sentence alone), and RouterOS's initiator-side `can't find identity for peer`. Hand-checked decodings, and
 * the findings they lead to (or not).
 */

const t = engineT('en');

const EXPECTED: Record<string, RealServerLogRow> = {
  'rasclient-win11-20227-809-no-coid-domain-backslash-user.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'ras-error']],
    says: [[1, 'The VPN connection vpn failed with error 809 (RasClient event 20227).']],
    user: 'MICHAL-NUC\\michal',
  },
  'routeros-ipsec-error-initiator-cant-find-identity-for-peer-name-cut.txt': {
    records: 1,
    understood: 1,
    families: { mikrotik: 1 },
    causes: [],
    says: [[1, 'has no IPsec identity for its peer t4n... (/ip ipsec identity)']],
  },
};

describe('non-Linux held-out real logs', () => {
  realServerLogTable(EXPECTED);

  const findingsOf = (file: string): string[] => explainServerLogs([parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file)], t).findings.map((f) => f.id);

  it("a RasClient 20227 without its CoId gives the PC's error as with it (809: the server did not answer)", () => {
    expect(findingsOf('rasclient-win11-20227-809-no-coid-domain-backslash-user.txt')).toEqual(['vpn.server-unreachable']);
  });

  it("the router's own peer without an identity is understood, and no finding about the PC", () => {
    const file = 'routeros-ipsec-error-initiator-cant-find-identity-for-peer-name-cut.txt';
    expect([parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).understood, findingsOf(file)]).toEqual([1, []]);
  });

  it('without the CoId only the English 20227 and 20221 are RasClient; other text starting "The user" is not claimed', () => {
    const r = parseServerLog('The user anna connected from 203.0.113.7 but failed an authentication attempt due to the following reason: x', 'x');
    expect(r.families.rras ?? 0).toBe(0);
    const dialing = parseServerLog(['The user SYSTEM has started dialing a VPN connection using a per-user connection profile named hattusa - HK. The connection settings are: ', 'Dial-in User = vpnuser', 'VpnStrategy = L2TP'].join('\n'), 'x');
    expect([dialing.records, dialing.understood]).toEqual([1, 1]);
  });
});
