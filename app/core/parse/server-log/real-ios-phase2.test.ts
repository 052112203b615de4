import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Cisco IOS / IOS-XE `debug crypto isakmp` Quick Mode refusals found in public material (test/fixtures/real/server-logs, sources
 * in test/fixtures/real/SOURCES.md), each read by hand: what the router refused (its transform sets, its crypto map ACL, or no key
 * at all for the peer), and the console lines typed around the debug (conf t, ping), which are no log lines but are read as such.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // an IOS L2TP/IPsec server refusing a Linux client's SHA-512 ESP: the transform set the router names is on the next line
  // (line 40, joined), `error 256` names the transform refusal again; `ISAKMP (0):` / `ISAKMP (12024):` heads are read (22, 24, 28)
  'ios-l2tp-ipsec-server-isakmp-id-heads-transform-set-wrapped-sha512-refused-error-256.txt': {
    records: 40,
    understood: 40,
    families: { ios: 40 },
    causes: [
      [39, 'ike-no-proposal'],
      [41, 'ike-no-proposal'],
    ],
    says: [
      [22, 'vendor ID is NAT-T RFC 3947'],
      [24, 'received packet from 185.x.y.113 dport 4500 sport 4500'],
      [39, "the other side's transforms (esp-aes 256 esp-sha512-hmac) match no transform set of this router"],
      [41, "none of the other side's transforms matches a transform set of this router"],
      [42, 'Phase 2 refused by this router (local 91.a.b.101, remote 185.x.y.113)'],
    ],
  },
  // an IOS-XE hub whose crypto map ACL did not cover the spoke's networks: `error 32`, phase 2 refused, its own NO_PROPOSAL_CHOSEN
  // with the notify's spi on the line under it (27, joined); the administrator's `conf t` and config command are console lines
  'ios-xe-hub-console-conf-t-phase2-proxy-refused-error-32-notify-spi-wrapped.txt': {
    records: 38,
    understood: 38,
    families: { ios: 38 },
    // (error 32: the crypto map ACL does not cover the networks asked for — traffic-selector-mismatch)
    causes: [[23, 'traffic-selector-mismatch']],
    says: [
      [4, "Typed at the router's prompt (not a log line): conf t."],
      [5, "The router's answer: it is in configuration mode now"],
      [6, "Typed at the router's prompt (not a log line): ip route 192.168.3.0 255.255.255.0 203.0.113.30."],
      [23, 'the networks the other side asked for (its proxy identities) fit no crypto map access list of this router'],
      [24, 'Phase 2 refused by this router (local 203.0.113.1, remote 203.0.113.30)'],
      [26, 'This router answered NO_PROPOSAL_CHOSEN: it accepts none of the phase 2 proposals it got'],
    ],
  },
  // an IOS-XE spoke with no key for its hub: nothing was sent, so no PC or peer is at fault (no cause); ping's answer is console
  'ios-xe-spoke-ping-no-pre-shared-key-with-peer-author-arrow-note.txt': {
    records: 23,
    understood: 23,
    families: { ios: 23 },
    causes: [],
    says: [
      [3, "The router's ping output (not a log line): Sending 5, 100-byte ICMP Echos to 192.168.0.1, timeout is 2 seconds:"],
      [14, 'This router has no pre-shared key for 203.0.113.1'],
      [15, 'No certificate and no pre-shared key for that address'],
      [23, 'Success rate is 0 percent (0/5)'],
    ],
  },
};

const en = engineT('en');
const parse = (text: string) => parseServerLog(text, 'ios.log');

describe('real Cisco IOS phase 2 refusals', () => {
  realServerLogTable(ROWS);

  it('the wrapped pieces are part of their records, not lines of their own', () => {
    const a = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/ios-l2tp-ipsec-server-isakmp-id-heads-transform-set-wrapped-sha512-refused-error-256.txt`), 'a');
    expect(a.entries.find((e) => e.line === 39)!.endLine).toBe(40);
    const b = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/ios-xe-hub-console-conf-t-phase2-proxy-refused-error-32-notify-spi-wrapped.txt`), 'b');
    expect(b.entries.find((e) => e.line === 26)!.endLine).toBe(27);
  });

  it('the refused transform set sends the reader to the proposals; the peer is the remote end', () => {
    const a = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/ios-l2tp-ipsec-server-isakmp-id-heads-transform-set-wrapped-sha512-refused-error-256.txt`), 'a');
    expect(explainServerLogs([a], en).findings.map((f) => f.id)).toEqual(['server.ike-proposal-mismatch']);
    expect(a.entries.find((e) => e.line === 42)!.peer).toBe('185.x.y.113');
  });

  it('phase 2 refused without the error line before it is a failure that names both possible reasons; another error number is named', () => {
    const alone = parse('*Oct 25 20:37:02.888: ISAKMP-ERROR: (1003):phase 2 SA policy not acceptable! (local 203.0.113.1 remote 203.0.113.30)').entries[0]!;
    expect(alone.outcome).toBe('failure');
    expect(describeEntry(alone, en)).toContain('transforms or the networks it asked for');
    const other = parse('Apr 20 11:06:55: ISAKMP:(12024): IPSec policy invalidated proposal with error 64').entries[0]!;
    expect([other.outcome, other.cause, describeEntry(other, en)]).toEqual(['warning', undefined, expect.stringContaining('IOS error 64')]);
  });

  it('the other side\'s NO_PROPOSAL_CHOSEN with its spi line under it is still read as the peer refusing phase 2', () => {
    const r = parse(['*Oct 25 20:37:02.890: ISAKMP: (1001):processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3', '        spi 101951630, message ID = 1148084868, sa = 0x80007771564BEF58'].join('\n'));
    expect([r.records, r.entries[0]!.cause]).toEqual([1, 'ike-no-proposal']);
  });
});
