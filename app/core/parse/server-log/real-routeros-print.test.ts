import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { printedRow } from './routeros-print';

/**
 * RouterOS `/log print detail` and `terse` copies (routeros-print.ts): real ones (test/fixtures/real/server-logs, sources in
 * SOURCES.md) with their hand-checked readings, then the VPN messages in that form, read as the plain rows they stand for.
 */

const en = engineT('en');

const EXPECTED: Record<string, RealServerLogRow> = {
  'routeros6-log-print-detail-one-line-records-script-interface-dhcp.txt': {
    records: 8,
    understood: 8,
    families: { mikrotik: 8 },
    causes: [],
    says: [
      [1, 'RouterOS script is not part of the VPN'],
      [11, 'RouterOS interface is not part of the VPN'],
      [15, 'RouterOS dhcp is not part of the VPN'],
    ],
  },
  'routeros7-log-print-detail-wrapped-message-l2tp-out-initializing.txt': {
    records: 2,
    understood: 2,
    families: { mikrotik: 2 },
    causes: [],
    says: [
      [1, 'RouterOS system is not part of the VPN'],
      [4, 'The router starts its own VPN connection on l2tp-out1'],
    ],
  },
  'routeros7-log-print-detail-wrapped-message-extra-info-ssh-login-failures.txt': {
    records: 3,
    understood: 3,
    families: { mikrotik: 3 },
    causes: [],
    says: [
      [1, 'RouterOS system is not part of the VPN'],
      [9, 'RouterOS system is not part of the VPN'],
    ],
  },
};

describe('RouterOS /log print detail copies', () => {
  realServerLogTable(EXPECTED);

  it('a wrapped message and extra-info join their record, which keeps its time', () => {
    const log = [
      ' time=2026-07-30 17:23:00 topics=l2tp,ppp,error ',
      '   message="<203.0.113.7>: user anna authentication failed" ',
      '   extra-info="" ',
      '',
      'time=06:30:24 topics=l2tp,ppp,info',
      '  message="<l2tp-anna>: authenticated"',
    ].join('\n');
    const r = parseServerLog(log);
    expect([r.records, r.understood, r.unknown]).toEqual([2, 2, 0]);
    expect(r.entries.map((e) => [e.line, e.endLine, e.outcome, e.cause])).toEqual([
      [1, 3, 'failure', 'credentials-rejected'],
      [5, 6, 'success', undefined],
    ]);
    expect(r.entries[0]).toMatchObject({ time: { year: 2026, month: 7, day: 30, hour: 17, minute: 23, second: 0 }, user: 'anna', peer: '203.0.113.7' });
    expect(r.entries[1]!.time).toMatchObject({ hour: 6, minute: 30, second: 24 });
    expect(describeEntry(r.entries[0]!, en)).toBe('Authentication failed.');
  });

  it('a one-line record (terse, numbered) is not cut at the RouterOS message inside its quotes', () => {
    const log = [
      ' 0 time=2024-01-05 10:00:00 topics=ipsec,info message="respond new phase 1 (Identity Protection): 198.51.100.1[500]<=>203.0.113.9[500]"',
      ' 1 time=2024-01-05 10:00:10 topics=ipsec,error message="phase1 negotiation failed due to time up 198.51.100.1[500]<=>203.0.113.9[500]"',
      ' 2 time=jan/05/2024 10:01:00 topics=l2tp,ppp,info message="<l2tp-anna>: connected"',
    ].join('\n');
    const r = parseServerLog(log);
    expect([r.records, r.understood, r.unknown]).toEqual([3, 3, 0]);
    expect(r.entries.map((e) => [e.line, e.cause])).toEqual([[1, undefined], [2, 'ike-no-mi3'], [3, undefined]]);
    expect(r.entries[2]!.time).toEqual({ year: 2024, month: 1, day: 5, hour: 10, minute: 1, second: 0 });
  });

  it("RouterOS's escapes in the message are read as the characters they stand for", () => {
    expect(printedRow(' time=10:00:00 topics=script,info message="say \\"hi\\" \\\\ ok"')).toBe('10:00:00 script,info say "hi" \\ ok');
    expect(printedRow('10:00:00 script,info time=1')).toBeUndefined();
  });

  it('a head without its message, and a message line without its head, stay counted as not understood', () => {
    const r = parseServerLog(['  message="l2tp-out1: initializing..."', 'time=06:30:24 topics=l2tp,ppp,info', 'time=06:30:25 topics=l2tp,ppp,info'].join('\n'));
    expect([r.records, r.understood, r.unknown]).toEqual([3, 0, 3]);
  });
});
