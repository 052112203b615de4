import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { showIpsecSaClaims } from './families/ios-show-ipsec-sa';
import { parseServerLog } from './index';

/**
 * IOS `show crypto ipsec sa` typed after `debug crypto isakmp` (families/ios-show-ipsec-sa.ts): its lines read, its counters telling
 * a tunnel whose traffic goes one way, and its idents (networks on both sides) telling that the other side is a router — also for
 * a responder's IKE cause read before it.
 */
const FILE = 'ios-xe-spoke-quick-mode-done-ping-fails-show-crypto-ipsec-sa-encaps-no-decaps.txt';
const ROWS: Record<string, RealServerLogRow> = {
  // the spoke's Quick Mode completes, its ping fails: 4 packets encrypted out, none decrypted back (the hub had no route back)
  [FILE]: {
    records: 53,
    understood: 53,
    families: { ios: 53 },
    causes: [],
    says: [
      [28, 'Success rate is 0 percent (0/5)'],
      [38, 'the SAs of crypto map outside_map, this router\'s address 203.0.113.10'],
      [42, "this router's side (local ident, the crypto map ACL's source): 192.168.1.0/255.255.255.0"],
      [43, 'on the other side (remote ident, the crypto map ACL\'s destination): 192.168.0.0/255.255.255.0'],
      [44, 'The other end of this SA: 203.0.113.1'],
      [47, 'The tunnel to 203.0.113.1 is up, but traffic goes one way only: this router encrypted 4 packets into it and decrypted none coming back'],
      [59, 'Output of show crypto ipsec sa: spi: 0xDA9E8DCA(3667824074)'],
    ],
  },
  // the ASA spoke of the same lab: its ping's `?????` and `!!!!!` rows, ASA's `show crypto ipsec sa` (seq num, `local addr:`,
  // `current_peer:`, its longer counter list) read by the same rules: 14 encrypted out, none back. Its `show crypto ikev1 sa` block
  // (IKEv1 SAs:, `Type : L2L`) and the crypto ACL line under the map tag stay unread (15 lines)
  'asa-console-ping-inside-fails-show-crypto-ikev1-sa-l2l-show-ipsec-sa-encaps-no-decaps.txt': {
    records: 47,
    understood: 46,
    // (the ASA's `show crypto ikev1 sa` rows, asa-show-ikev1-sa.ts: `Type : L2L` a site-to-site tunnel, `State : MM_ACTIVE` phase 1 up)
    families: { asa: 20, ios: 26 },
    causes: [],
    says: [
      [4, "The router's ping output (not a log line): ?????"],
      [19, 'Phase 1 tunnel 1 is with 203.0.113.1.'],
      [20, 'It is a tunnel between two networks (LAN-to-LAN, site-to-site)'],
      [21, 'Phase 1 is up (MM_ACTIVE)'],
      [9, "The router's ping output (not a log line): !!!!!"],
      [34, "the SAs of crypto map outside_map, this router's address 203.0.113.20"],
      [39, '192.168.2.0/255.255.255.0'],
      [41, 'The other end of this SA: 203.0.113.1'],
      [45, 'this router encrypted 14 packets into it and decrypted none coming back'],
      [53, 'Output of show crypto ipsec sa: #send errors: 0, #recv errors: 0'],
    ],
  },
};

const en = engineT('en');
const nl = engineT('nl');
const REAL = readRepoText(`${REAL_SERVER_LOGS}/${FILE}`);
/** the real `show crypto ipsec sa` block (from its prompt line to the end) */
const SHOW = REAL.slice(REAL.indexOf('spoke1#show crypto ipsec sa'));
/**
 * A responder's phase 1 failing on the pre-shared key: the real IOS-XE hub's packet line (fixture ios-xe-hub-console-…, `(R)`) and
 * the key's system message as Cisco's System Message Guide words CRYPTO-4-IKMP_BAD_MESSAGE (no public copy of the two together).
 */
const PSK_FAILURE = [
  '*Oct 25 20:37:02.887: ISAKMP-PAK: (1003):received packet from 203.0.113.30 dport 500 sport 500 Global (R) MM_KEY_EXCH',
  '*Oct 25 20:37:02.888: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 203.0.113.30 failed its sanity check or is malformed',
].join('\n');
const authFinding = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'hub.log')], t).findings.find((f) => f.id === 'server.ike-auth-failed')!;
const line2 = (text: string) => describeEntry(parseServerLog(text, 'hub.log').entries.find((e) => e.line === 2)!, en);

describe('IOS show crypto ipsec sa', () => {
  realServerLogTable(ROWS);

  it('the mirror case: packets decrypted in, none encrypted back, is this router\'s route or ACL', () => {
    const swapped = SHOW.replace('#pkts encaps: 4,', '#pkts encaps: 0,').replace('#pkts decaps: 0,', '#pkts decaps: 7,');
    const e = parseServerLog(swapped, 'x').entries.find((x) => x.outcome === 'warning')!;
    expect(describeEntry(e, en)).toMatch(/^The tunnel to 203\.0\.113\.1 is up, but traffic goes one way only: this router decrypted 7 packets from it and encrypted none going back\. Check this router's route back/);
    expect(describeEntry(e, nl)).toMatch(/^De tunnel naar 203\.0\.113\.1 staat, maar het verkeer gaat maar één kant op/);
    // both ways, or none yet: no warning
    expect(parseServerLog(SHOW.replace('#pkts decaps: 0,', '#pkts decaps: 4,'), 'x').entries.some((x) => x.outcome === 'warning')).toBe(false);
  });

  it('a responder\'s pre-shared key failure read before the idents is worded for two routers once they show two networks (en, nl)', () => {
    const before = authFinding(PSK_FAILURE);
    expect(before.title).not.toMatch(/other router/);
    const withShow = `${PSK_FAILURE}\nHub-RTR#exit\n${SHOW}`;
    expect(authFinding(withShow).title).toBe('IPsec authentication between this router and the other router failed: the pre-shared key or certificate does not match');
    expect(authFinding(withShow, nl).title).toMatch(/andere router/);
    expect(line2(withShow)).toBe('The pre-shared keys of this router and of the other side differ (the encrypted message cannot be read).');
  });

  it.each([
    // an L2TP/IPsec PC's SA: its one address, UDP 1701 (protocol 17)
    ['one host and L2TP', '(192.168.1.0/255.255.255.0/0/0)', '(198.51.100.7/255.255.255.255/17/1701)'],
    // everything on one side: a PC's tunnel-all
    ['everything', '(0.0.0.0/0.0.0.0/0/0)', '(192.168.0.0/255.255.255.0/0/0)'],
  ])('idents of %s keep the PC', (_what, local, remote) => {
    const show = SHOW.replace('(192.168.1.0/255.255.255.0/0/0)', local).replace('(192.168.0.0/255.255.255.0/0/0)', remote);
    expect(authFinding(`${PSK_FAILURE}\n${show}`).title).not.toMatch(/other router/);
  });

  it('a later "speaking to another IOS box" words a responder\'s earlier cause too', () => {
    const text = `${PSK_FAILURE}\n*Oct 25 20:37:03.000: ISAKMP: (1004):speaking to another IOS box!`;
    expect(authFinding(text).title).toMatch(/between this router and the other router/);
  });

  it('claims only the block\'s own lines (a char-code test first)', () => {
    // (every line of the block but the prompts and `interface: Ethernet0/0` alone, which needs the crypto map line joined to it)
    for (const l of SHOW.split('\n')) if (l.trim() && !/^spoke1#|^interface: /.test(l)) expect([l, showIpsecSaClaims(l)]).toEqual([l, true]);
    for (const l of ['local time is 10:00', 'remote host closed', 'current state: up', '#include <stdio.h>', 'Crypto map tag', 'interface: Ethernet0/0', 'spi: 12', 'protocol 17']) expect([l, showIpsecSaClaims(l)]).toEqual([l, false]);
  });
});
