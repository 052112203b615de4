import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Real server-log lines found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), beyond the shared corpus: SoftEther VPN Server's server_log and
 * the IAS/NPS log formats. Each with its hand-checked decoding.
 */

const DIR = 'test/fixtures/real/server-logs';

const EXPECTED: Record<string, RealServerLogRow> = {
  'softether-server-log-l2tp-ipsec-main-mode-ike-sa.txt': {
    records: 3,
    understood: 3,
    families: { sstp: 3 },
    causes: [],
    says: [
      [1, 'IPsec client 14 from 126.xx.yy.zz (UDP 56101) created.'],
      [2, 'IKE SA 9 (IKEv1 Main Mode) created for IPsec client 14: DH group MODP 3072 (Group 15), SHA-2-256, AES-CBC 128-bit.'],
      [3, 'IPsec client 14 from 126.xx.yy.zz moved to UDP 4500: NAT traversal works, UDP 4500 reaches the server.'],
    ],
  },
  'softether-l2tp-ppp-session-dhcp-failed.txt': {
    records: 1,
    understood: 1,
    families: { sstp: 1 },
    causes: [[1, 'address-pool']],
    says: [[1, 'could not get an address for the PC at 192.168.xxx.xxx from a DHCP server']],
  },
  'nps-ias-format-access-request.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    user: 'client',
    says: [[1, 'IAS log record (IAS format) for client from access server 10.10.10.10, NPS on CLIENTCOMP: Service-Type Framed, Framed-Protocol PPP, NAS-Port 9, NAS-Port-Type Virtual, Tunnel-Type PPTP, Tunnel-Medium-Type IPv4, Calling-Station-Id 1.']],
  },
  'nps-database-format-access-request-and-accept.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [],
    says: [
      [1, 'RADIUS Access-Request for client, reason 0 IAS_SUCCESS.'],
      [2, 'RADIUS Access-Accept for npsclientdc/Users/client, reason 0 IAS_SUCCESS.'],
    ],
  },
  // Event Viewer "Copy details as text" as a forum showed it: every line double-spaced, labels and values on lines of their own, the XML after each
  'nps-eventviewer-4402-no-dc-and-6273-reason-7-label-value-lines.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [
      [1, 'radius-unreachable'],
      [59, 'credentials-rejected'],
    ],
    says: [
      [1, 'NPS found no domain controller for domain K12.TX.US (event 4402): it cannot check any user name or password.'],
      [59, 'NPS denied access to K12.TX.US\\abusby (event 6273), reason 7 IAS_NO_SUCH_DOMAIN, authentication PEAP / Microsoft: Secured password (EAP-MSCHAP v2).'],
    ],
  },
  // NPS's "DTS compliant" log: one <Event> per RADIUS packet on a line (a Wi-Fi NPS, the same log a VPN's NPS writes)
  'nps-dts-xml-in-log-access-request-reject-reason-8-challenge.txt': {
    records: 4,
    understood: 4,
    families: { rras: 4 },
    causes: [[2, 'credentials-rejected']],
    says: [
      [1, 'RADIUS Access-Request for ComputerName.domain.com, reason 0 IAS_SUCCESS.'],
      [2, 'RADIUS Access-Reject for DOMAIN\\ComputerName.domain.com, reason 8 IAS_NO_SUCH_USER.'],
      [4, 'RADIUS Access-Challenge for DOMAIN\\ComputerName$, reason 0 IAS_SUCCESS.'],
    ],
  },
  // SoftEther's server_log: a scanner on the listener port; the second connection ends with cause code 5
  'softether-server-log-scanner-non-softether-client-code-5.txt': {
    records: 8,
    understood: 8,
    families: { sstp: 8 },
    causes: [],
    says: [
      [1, 'SoftEther: a client at 167.248.133.58 connected.'],
      [3, 'SoftEther: connection CID-8671 closed.'],
      [4, 'SoftEther: the client at 167.248.133.58 disconnected.'],
      [7, 'SoftEther: TLS for connection CID-8672 started (AES128-SHA).'],
      [8, 'SoftEther: connection CID-8672 ended: "A client which is non-SoftEther VPN software has connected to the port." (code 5).'],
    ],
  },
};

describe('real server-log fixtures beyond the corpus', () => {
  it('has a hand-checked row for every fixture: here, or in a family group\'s real-*.test.ts', () => {
    const groups = repoFiles('app/core/parse/server-log').filter((f) => /^real-.+\.test\.ts$/.test(f)).map((f) => readRepoText(`app/core/parse/server-log/${f}`));
    const unchecked = repoFiles(DIR).filter((f) => f.endsWith('.txt') && !(f in EXPECTED) && !groups.some((g) => g.includes(`'${f}'`)));
    expect(unchecked).toEqual([]);
    for (const f of Object.keys(EXPECTED)) expect(repoFiles(DIR)).toContain(f);
  });
  realServerLogTable(EXPECTED);
  it('the times are read: SoftEther ISO with milliseconds, IAS-format MM/DD/YYYY', () => {
    expect(parseServerLog(readRepoText(`${DIR}/softether-server-log-l2tp-ipsec-main-mode-ike-sa.txt`)).entries[2]!.time).toEqual({ year: 2021, month: 8, day: 8, hour: 12, minute: 44, second: 48, ms: 167 });
    expect(parseServerLog(readRepoText(`${DIR}/nps-ias-format-access-request.txt`)).entries[0]!.time).toEqual({ year: 1999, month: 6, day: 4, hour: 14, minute: 42, second: 19 });
  });
});
