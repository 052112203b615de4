import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of SoftEther, DrayTek and SonicWall servers that a PC's built-in VPN client dialled (round 41; test/fixtures/
 * real/server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 6 of 8 lines and no cause: the PPP log-in refusal whose head the excerpt cut was "prose" before the paragraph's records,
  // SoftEther's PPP authentication refusal was read in no shape, and the IPsec SA record wrapped after `SPI:` was two lines — its
  // fields unread, "?, ? ?-bit", its rest unknown). An L2TP/IPsec client's PAP log-in refused by the hub (RADIUS behind it), then
  // the PPP session's end and the IPsec and IKE SAs deleted
  'softether-server-log-flattened-l2tp-pap-auth-failed-head-cut-ipsec-sa-spi-wrapped.txt': {
    records: 7,
    understood: 7,
    families: { softether: 7 },
    causes: [[1, 'credentials-rejected']],
    says: [
      [1, "SoftEther's PPP server refused a PC's log-in (PAP;"],
      [1, 'The PPP session of the PC at 101.228.5.143 ended'],
      [1, 'IPsec SA 129 (Server -> Client) created for IPsec client 129: SHA-1, AES-CBC 256-bit'],
      [1, 'IKE SA 96 of IPsec client 129 deleted'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x');

describe('held-out real logs of SoftEther, DrayTek and SonicWall servers a PC dialled (round 41)', () => {
  realServerLogTable(EXPECTED);

  it("SoftEther's PPP log-in refusal: the PC's address, the protocol, credentials-rejected with the PC's 691, under either PPP server", () => {
    const l2tp = one('2018-03-07 09:28:12.400 L2TP PPP Session [101.228.5.143:1701]: PAP (password authentication protocol) user authentication failed.').entries[0]!;
    expect(l2tp).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691, peer: '101.228.5.143' });
    expect(l2tp.decoded[0]).toMatchObject({ key: 'sePppAuthFailed', values: { peer: '101.228.5.143', proto: 'PAP' } });
    // (the MS-CHAPv2 text assumed to end alike: Proto_PPP.c LP_MSCHAPV2_FAILED)
    const sstp = one('2021-06-26 05:00:15.020 SSTP PPP Session [198.51.100.7:52193]: MS-CHAPv2 user authentication failed.').entries[0]!;
    expect(sstp).toMatchObject({ cause: 'credentials-rejected', code: 691, peer: '198.51.100.7' });
    expect(sstp.decoded[0]!.values).toMatchObject({ proto: 'MS-CHAPv2' });
    // the session's end alone says no cause
    expect(one('2018-03-07 09:28:12.507 L2TP PPP Session [101.228.5.143:1701]: A PPP protocol error occurred, or the PPP session has been disconnected.').entries[0]!.cause).toBeUndefined();
  });

  it("a header-less piece is SoftEther's refusal only with its parenthesised protocol name; another program's words are not", () => {
    const cut = one('word authentication protocol) user authentication failed.');
    expect(cut.entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    expect(cut.entries[0]!.peer).toBeUndefined();
    expect(one('radius: user authentication failed.').entries.some((e) => e.cause === 'credentials-rejected' && e.decoded[0]!.key.startsWith('sePpp'))).toBe(false);
    expect(one('[PPP] protocol) user authentication failed.').entries.some((e) => e.decoded[0]?.key === 'sePppAuthFailedNoPeer')).toBe(false);
  });

  it('a header-less record that a family reads, before records glued on its line, is read as that record, not as prose', () => {
    const r = one('word authentication protocol) user authentication failed. 2018-03-07 09:28:12.507 L2TP PPP Session [101.228.5.143:1701]: A PPP protocol error occurred, or the PPP session has been disconnected.');
    expect([r.records, r.understood]).toEqual([2, 2]);
    expect(r.entries.map((e) => e.decoded[0]!.key)).toEqual(['sePppAuthFailedNoPeer', 'step.sePppEnded']);
    // prose before the records stays prose
    const prose = one('Here is what the server logged: 2018-03-07 09:28:12.507 L2TP PPP Session [101.228.5.143:1701]: A PPP protocol error occurred, or the PPP session has been disconnected.');
    expect([prose.records, prose.understood]).toEqual([2, 1]);
  });

  it("a SoftEther SA record wrapped after a field's name goes on on the indented line under it; other records' lines do not", () => {
    const head = '2018-03-07 09:28:12.659 IPsec ESP Session (IPsec SA) 129 (Client: 129) (101.228.5.143:34307 -> 139.59.11.15:4500): A new IPsec SA (Direction: Server -> Client) is created.';
    const r = one(`${head} SPI:\n 0x0, DH Group: (null), Hash Algorithm: SHA-1, Cipher Algorithm: AES-CBC, Cipher Key Size: 256 bits, Lifetime: 4294967295 Kbytes or 3600 seconds`);
    expect([r.records, r.understood]).toEqual([1, 1]);
    expect(r.entries[0]!.decoded[0]!.values).toMatchObject({ hash: 'SHA-1', cipher: 'AES-CBC', bits: '256' });
    // past one blank line too (a double-spaced copy); wrapped elsewhere (not after a field's name), or past two blank lines: two records
    expect(one(`${head} SPI:\n\n 0x0, DH Group: (null), Hash Algorithm: SHA-1`).records).toBe(1);
    expect(one(`${head} SPI: 0x0,\n DH Group: (null), Hash Algorithm: SHA-1, Cipher Algorithm: AES-CBC`).records).toBe(2);
    expect(one(`${head} SPI:\n\n\n 0x0, DH Group: (null), Hash Algorithm: SHA-1`).records).toBe(2);
    // another program's record that ends in a field's name keeps its own next line
    expect(one('Mar  1 10:00:00 gw charon: 09[IKE] received proposals: IKE SPI:\n 0x0, DH Group: x').records).toBe(2);
  });
});
