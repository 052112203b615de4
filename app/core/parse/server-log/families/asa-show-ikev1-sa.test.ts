import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { logWrittenBy } from '../../../diagnose/server-log/log-side';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '..';

/** The ASA's `show crypto ikev1 sa` in a paste: its rows read, `Type : L2L` a site-to-site sign, the phase 1 state in words. */

const en = engineT('en');
const REAL = 'test/fixtures/real/server-logs/asa-console-ping-inside-fails-show-crypto-ikev1-sa-l2l-show-ipsec-sa-encaps-no-decaps.txt';
const show = (type: string, state: string) => ['ASA1# show crypto ikev1 sa', '', 'IKEv1 SAs:', '', '   Active SA: 1', '    Rekey SA: 0 (A tunnel will report 1 Active and 1 Rekey SA during rekey)', 'Total IKE SA: 1', '', '1   IKE Peer: 198.51.100.7', `    Type    : ${type.padEnd(15)} Role    : responder `, `    Rekey   : no              State   : ${state} `].join('\n');

describe('ASA show crypto ikev1 sa', () => {
  it.each([
    // [type, state, outcome of the state row, its words]
    ['L2L', 'MM_ACTIVE', 'success', 'Phase 1 is up (MM_ACTIVE)'],
    ['L2L', 'MM_WAIT_MSG2', 'warning', 'waiting for message 2 of Main Mode'],
    ['user', 'AM_ACTIVE', 'success', 'Phase 1 is up (AM_ACTIVE)'],
    ['user', 'MM_WAIT_MSG4', 'warning', 'waiting for message 4 of Main Mode'],
  ])('Type %s, State %s', (type, state, outcome, says) => {
    const r = parseServerLog(show(type, state), 'asa.txt');
    expect(r.unknown).toBe(0);
    const last = r.entries.at(-1)!;
    expect(last.family).toBe('asa');
    expect(last.outcome).toBe(outcome);
    expect(describeEntry(last, en)).toContain(says);
    expect(r.entries.find((e) => e.line === 9)!.peer).toBe('198.51.100.7');
    // a LAN-to-LAN tunnel is a router's in a tunnel with another router; a user's tunnel says nothing of the kind
    expect(logWrittenBy(r.entries)).toBe(type === 'L2L' ? 'site-router' : undefined);
  });

  it('the real copy (round 37 fixture): every row read, the log a site router\'s', () => {
    const r = parseServerLog(readRepoText(REAL), 'asa.txt');
    expect(r.unknown).toBe(1);
    expect(r.entries.filter((e) => e.line >= 13 && e.line <= 32).every((e) => e.family === 'asa')).toBe(true);
    expect(logWrittenBy(r.entries)).toBe('site-router');
  });

  it('"There are no IKEv1 SAs" is read; lines that only look alike are not the command\'s', () => {
    expect(parseServerLog('There are no IKEv1 SAs', 'asa.txt').entries[0]).toMatchObject({ family: 'asa', outcome: 'info' });
    for (const line of ['Type: L2L', 'Active SAs: many', 'Rekey SA was sent', 'IKEv1 SAs: none here at all']) expect(parseServerLog(line, 'x.txt').entries[0]?.family).not.toBe('asa');
  });
});
