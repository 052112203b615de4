import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * SoftEther VPN Server's server_log and hub logs (families/sstp.ts): the lines as SoftEther's string
 * table writes them (LH_CONNECT_CLIENT, LH_AUTH_NG / LH_AUTH_OK, the connection's end), in the shapes
 * public issues show (SoftEtherVPN/SoftEtherVPN #993, #844, #1059, #1403; the real fixture in
 * test/fixtures/real/server-logs/softether-server-log-…).
 */

const t = engineT('en');
const nl = engineT('nl');

describe('SoftEther hub and connection lines', () => {
  it('a Windows L2TP client refused by the hub: who, from where, and the cause (691)', () => {
    const r = parseServerLog(
      [
        '2019-10-11 17:37:02.473 [HUB "VPN"] The connection "CID-34" (IP address: 2.247.241.98, Host name: 2.247.241.98, Port number: 1701, Client name: "L2TP VPN Client", Version: 4.29, Build: 9680) is attempting to connect to the Virtual Hub. The auth type provided is "External server authentication" and the user name is "jdoe".',
        '2019-10-11 17:37:02.494 [HUB "VPN"] Connection "CID-34": User authentication failed. The user name that has been provided was "jdoe".',
      ].join('\n'),
    );
    expect([r.records, r.understood]).toEqual([2, 2]);
    const [attempt, failed] = r.entries;
    expect([attempt!.peer, attempt!.user, describeEntry(attempt!, t)]).toEqual(['2.247.241.98', 'jdoe', 'SoftEther: connection CID-34 from 2.247.241.98 (L2TP VPN Client) for user "jdoe", External server authentication.']);
    expect([failed!.cause, failed!.code, failed!.user]).toEqual(['credentials-rejected', 691, 'jdoe']);
    expect(describeEntry(failed!, nl)).toContain('gebruikersverificatie mislukt voor "jdoe"');
  });

  it('newer builds add the address to a failed authentication (for Fail2Ban); without a hub prefix too', () => {
    const e = parseServerLog('2023-05-19 10:00:00.000 Connection "CID-7": User authentication failed. The user name that has been provided was "anna", from 203.0.113.77.').entries[0]!;
    expect([e.cause, e.user, e.peer]).toEqual(['credentials-rejected', 'anna', '203.0.113.77']);
  });

  it('the connection ends in either wording, with its cause code; a successful login is a success', () => {
    const r = parseServerLog(
      [
        '2023-03-17 09:00:00.000 The connection "CID-14-3B49D106BA" has been terminated due to the reason "A non SoftEthernet VPN software client has already connected to this port." (Code 5).',
        '2016-01-15 19:42:26.406 Connection "CID-743": Successfully authenticated as user "myuser".',
        '2016-01-15 19:42:26.406 [HUB "VPN"] Session "SID-MYUSER-19": The parameter has been set. Max number of TCP connections: 2, Use of encryption: Yes.',
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.outcome, e.cause])).toEqual([
      ['warning', undefined],
      ['success', undefined],
      ['info', undefined],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toBe('SoftEther: connection CID-14-3B49D106BA ended: "A non SoftEthernet VPN software client has already connected to this port." (code 5).');
  });

  it('a near miss is not SoftEther: other programs\' "connection" lines stay unknown', () => {
    const r = parseServerLog('2023-05-19 10:00:00.000 Connection refused by peer 203.0.113.77');
    expect(r.understood).toBe(0);
  });
});
