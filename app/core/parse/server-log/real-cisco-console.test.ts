import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Cisco ASA and IOS console copies nobody here had seen before round 35 (test/fixtures/real/SOURCES.md): each row fails without
 * the fix named above it; then the class's variants and near misses.
 */

const ROWS: Record<string, RealServerLogRow> = {
  // was "no line in a known format": the ASA console's `[IKEv1]` head with the text's first word glued to it (`[IKEv1]Group = …`)
  'asa-console-glued-ikev1-head-lab-notes-qm-fsm-error-crypto-map-policy-not-found.txt': {
    records: 12,
    understood: 12,
    families: { asa: 12 },
    causes: [],
    says: [
      [2, 'a consequence of the failure above'],
      [3, 'Session ended: crypto map policy not found.'],
    ],
    peer: '172.16.0.2',
  },
};

describe('real Cisco console copies (round 35)', () => {
  realServerLogTable(ROWS);
});

describe('the ASA console head glued to its text (families/asa.ts consoleText)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('reads `[IKEv1]IP = …`, `[IKEv1 DEBUG]Group = …` and the head without a time, and names the peer', () => {
    for (const line of [
      'Feb 16 13:36:40 [IKEv1]IP = 203.0.113.9, No crypto map bound to interface... dropping pkt',
      'Feb 16 13:36:40 [IKEv1 DEBUG]Group = 203.0.113.9, IP = 203.0.113.9, All SA proposals found unacceptable',
      '[IKEv1]Group = 203.0.113.9, IP = 203.0.113.9, Session is being torn down. Reason: crypto map policy not found',
    ]) expect([one(line)?.family, one(line)?.peer], line).toEqual(['asa', '203.0.113.9']);
  });
  it('a bracket glued to any other word is no ASA head', () => {
    expect(one('Feb 16 13:36:40 [IKEv1]Foo = 203.0.113.9, x')?.family).not.toBe('asa');
    expect(one('Feb 16 13:36:40 [IKEv1]Group 203.0.113.9')?.family).not.toBe('asa');
  });
});
