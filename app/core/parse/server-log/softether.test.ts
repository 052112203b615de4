import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { logFormatsText } from '../../../shared/log-formats';


/**
 * SoftEther VPN Server's server_log and hub logs (families/softether.ts): the lines as SoftEther's string
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
    expect(describeEntry(r.entries[0]!, t)).toBe(
      'SoftEther: connection CID-14-3B49D106BA ended: "A non SoftEthernet VPN software client has already connected to this port." (code 5, ERR_CLIENT_IS_NOT_VPN). What connected spoke no VPN protocol SoftEther takes on this port: usually a port scanner or a web browser. If it was the PC\'s own VPN connection, the protocol it uses (SSTP, L2TP, OpenVPN) may be switched off on the server.',
    );
  });

  it('a near miss is not SoftEther: other programs\' "connection" lines stay unknown', () => {
    const r = parseServerLog('2023-05-19 10:00:00.000 Connection refused by peer 203.0.113.77');
    expect(r.understood).toBe(0);
  });
});

describe('grep from inside a log folder (lines.ts GREP_FILE_PREFIX)', () => {
  it('a bare log file name before a syslog or ISO time is cut, with grep -n\'s line number; a name before other text stays', () => {
    const r = parseServerLog(['auth.log:Oct 25 05:23:28 host pppd[3665]: Exit.', 'vpn_20220322.log:12:2022-03-22 11:24:34.055 Connection "CID-2" has been terminated.'].join('\n'));
    expect([r.records, r.understood, r.entries.map((e) => e.family)]).toEqual([2, 2, ['pppd', 'softether']]);
    expect(r.entries[0]!.time).toBeDefined();
    expect(parseServerLog('notes.txt: Connection "CID-2" has been terminated.').understood).toBe(0);
  });

  it("syslog's own file names, rotated and compressed (`grep pppd syslog*`, `zgrep pppd messages*`): cut; another word before a time stays", () => {
    const line = 'Oct 25 05:23:28 host pppd[3665]: Peer alice failed CHAP authentication';
    for (const name of ['syslog', 'syslog.1', 'syslog.2.gz', 'messages-20240105', 'secure', 'daemon.log.1.gz', 'auth.log.3.xz', 'messages-20240105.bz2']) {
      const r = parseServerLog(`${name}:${line}\n${name}:12:${line}`);
      expect([name, r.understood, r.entries[0]?.user, r.entries[0]?.host]).toEqual([name, 2, 'alice', 'host']);
    }
    // (another word is no grep file name: it stays, as a line not understood before the record — prose-before-record.ts)
    for (const name of ['notes', 'syslogs', 'syslog.1234', 'messages-2024010', 'syslog:']) {
      const r = parseServerLog(`${name}:${line}`);
      expect([name, r.unknownLines.map((u) => u.text), r.entries[0]?.user], name).toEqual([name, [`${name}:`], 'alice']);
    }
    // (no word in it: no prose, the line as it is)
    expect(parseServerLog(`a b:${line}`).entries[0]?.user).toBeUndefined();
  });
});

describe('SoftEther error codes at a connection\'s end (src/Cedar/Cedar.h; texts strtable_en.stb ERR_<n>)', () => {
  const end = (code: number, reason = 'x') => parseServerLog(`2021-07-03 11:54:56.144 Connection "CID-9" terminated by the cause "${reason}" (code ${code}).`).entries[0]!;

  it('a failed log-in (9) and a hub that does not exist (8) are the user name or password the PC gets 691 for', () => {
    expect([end(9).cause, end(9).code, end(9).outcome]).toEqual(['credentials-rejected', 691, 'failure']);
    expect([end(8).cause, end(8).code]).toEqual(['credentials-rejected', 691]);
    expect(describeEntry(end(8), t)).toContain('(code 8, ERR_HUB_NOT_FOUND). The Virtual Hub named at log-in does not exist on the server: the hub after the @ in the PC\'s user name (user@HUB) is wrong');
  });

  it('an unsupported log-in method (7) is a method both sides do not share', () => {
    expect([end(7).cause, end(7).outcome]).toEqual(['auth-protocol-mismatch', 'failure']);
  });

  it('a removed session (11) is information, a time-out (13) a warning; neither is a cause', () => {
    expect([end(11).outcome, end(11).cause]).toEqual(['info', undefined]);
    expect([end(13).outcome, end(13).cause]).toEqual(['warning', undefined]);
    expect(describeEntry(end(13), nl)).toContain('(code 13, ERR_SESSION_TIMEOUT). Er kwam niets meer van de client');
  });

  it('a code without a sentence is named as logged; an unknown one keeps its number only', () => {
    expect(describeEntry(end(23, 'An internal error occurred.'), t)).toBe('SoftEther: connection CID-9 ended: "An internal error occurred." (code 23, ERR_INTERNAL_ERROR).');
    expect(describeEntry(end(999), t)).toBe('SoftEther: connection CID-9 ended: "x" (code 999).');
    expect(end(999).outcome).toBe('warning');
  });
});

describe('SoftEther PPP sessions and IPsec SAs', () => {
  it('an address given to the L2TP session is a success with the address; the PPP session\'s end is a warning', () => {
    const r = parseServerLog(
      [
        '2019-10-17 18:31:29.100 L2TP PPP Session [203.0.113.9:1701]: An IP address is assigned. IP Address of Client: 192.168.1.23, Subnet Mask: 255.255.255.0, Default Gateway: 192.168.1.2, Domain Name: "example.se", DNS Server 1: 192.168.1.2',
        '2018-03-07 09:28:12.507 L2TP PPP Session [203.0.113.9:1701]: A PPP protocol error occurred, or the PPP session has been disconnected.',
        '2018-03-07 09:28:12.659 IPsec ESP Session (IPsec SA) 127 (Client: 129) (203.0.113.9:34307 -> 198.51.100.15:4500): This IPsec SA is deleted.',
        '2018-03-07 09:28:12.659 IPsec IKE Session (IKE SA) 96 (Client: 129) (203.0.113.9:34307 -> 198.51.100.15:4500): The server initiates a QuickMode negotiation.',
      ].join('\n'),
    );
    expect([r.records, r.understood]).toEqual([4, 4]);
    expect(r.entries.map((e) => [e.outcome, e.peer])).toEqual([
      ['success', '203.0.113.9'],
      ['warning', '203.0.113.9'],
      ['info', '203.0.113.9'],
      ['info', '203.0.113.9'],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toBe('The PC at 203.0.113.9 got the address 192.168.1.23 (gateway 192.168.1.2): its PPP session is up.');
    expect(describeEntry(r.entries[3]!, t)).toContain('the server starts Quick Mode (IKE phase 2) to renew the encryption keys');
  });
});


describe('SoftEther is named as the product that wrote the lines, not as an SSTP server', () => {
  it('its L2TP/IPsec and SSTP lines count as SoftEther VPN Server; the Python sstpd as an SSTP server (sstpd)', () => {
    const softether = parseServerLog(
      [
        '2021-08-08 12:44:47.132 IPsec Client 14 (126.0.0.7:56101 -> 192.168.1.10:500): A new IPsec client is created.',
        '2023-06-27 22:29:02.886 L2TP PPP Session [10.99.99.9:1701]: A new PPP session (Upper protocol: L2TP) is started. IP Address of PPP Client: 10.99.99.9 (Hostname: "10.99.99.9"), Port Number of PPP Client: 1701, Client Software Name: "L2TP VPN Client"',
        'SSTP Control Packet Recv: Msg = 1',
      ].join('\n'),
    );
    expect([softether.understood, softether.families]).toEqual([3, { softether: 3 }]);
    expect(logFormatsText(softether.families, 'en')).toBe('SoftEther VPN Server 3 lines');
    const sstpd = parseServerLog(['2017-03-30 08:33:08,928 INFO: SSTP control packet (CALL_CONNECT_REQUEST) received.', '2017-03-30 08:33:09,101 INFO: pppd stopped.'].join('\n'));
    expect([sstpd.understood, sstpd.families]).toEqual([2, { sstp: 2 }]);
    expect(logFormatsText(sstpd.families, 'nl')).toBe('SSTP-server (sstpd) 2 regels');
  });
});
