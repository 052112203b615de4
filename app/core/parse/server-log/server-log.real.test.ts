import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog, type Cause, type LogFamily } from './index';

/**
 * Real server-log lines found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), beyond the shared corpus: SoftEther VPN Server's server_log and
 * the IAS/NPS log formats. Each with its hand-checked decoding.
 */

const t = engineT('en');
const nl = engineT('nl');
const DIR = 'test/fixtures/real/server-logs';

type Row = { records: number; understood: number; families: Partial<Record<LogFamily, number>>; causes: [number, Cause][]; says: [number, string][]; user?: string };

const EXPECTED: Record<string, Row> = {
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
};

describe('real server-log fixtures beyond the corpus', () => {
  it('has a row for every fixture', () => {
    // a fixture named `GROUP-….txt` is checked by real-GROUP.test.ts beside this file (which holds every one of them to a row)
    const groups = repoFiles('app/core/parse/server-log').flatMap((f) => f.match(/^real-(.+)\.test\.ts$/)?.[1] ?? []);
    expect(repoFiles(DIR).filter((f) => f.endsWith('.txt') && !groups.some((g) => f.startsWith(`${g}-`)))).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, row] of Object.entries(EXPECTED)) {
    it(file, () => {
      const r = parseServerLog(readRepoText(`${DIR}/${file}`), file);
      expect(r.verdict).toBe('ok');
      expect([r.records, r.understood, r.unknown]).toEqual([row.records, row.understood, row.records - row.understood]);
      expect(r.families).toEqual(row.families);
      expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual(row.causes);
      for (const [line, text] of row.says) expect(r.entries.filter((e) => e.line === line).map((e) => describeEntry(e, t)).join(' | '), `line ${line}`).toContain(text);
      if (row.user) expect(r.entries[0]!.user).toBe(row.user);
      for (const e of r.entries) expect(describeEntry(e, nl)).not.toMatch(/\{\{|serverLog\./);
    });
  }
  it('the times are read: SoftEther ISO with milliseconds, IAS-format MM/DD/YYYY', () => {
    expect(parseServerLog(readRepoText(`${DIR}/softether-server-log-l2tp-ipsec-main-mode-ike-sa.txt`)).entries[2]!.time).toEqual({ year: 2021, month: 8, day: 8, hour: 12, minute: 44, second: 48, ms: 167 });
    expect(parseServerLog(readRepoText(`${DIR}/nps-ias-format-access-request.txt`)).entries[0]!.time).toEqual({ year: 1999, month: 6, day: 4, hour: 14, minute: 42, second: 19 });
  });
});
