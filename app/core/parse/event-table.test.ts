import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../test/support/repo-files';
import { isEventTable, readEventTables } from './event-table';
import { parseRasEvents } from './wevtutil';

/**
 * PowerShell's table view of events (event-table.ts). The real copy (test/fixtures/real/events,
 * SOURCES.md) is Get-WinEvent's view of Security events with their messages cut (`created....`: the
 * sentence's dot and the cut mark); the RasClient tables below keep its columns, row for row.
 */
const REAL = readRepoText('test/fixtures/real/events/win-en-get-winevent-table-security-4720-message-cut.txt');

describe('event tables', () => {
  it('reads the real Get-WinEvent table: id right-aligned under its underline, time, provider of the group, the cut mark', () => {
    const lines = REAL.split(/\r?\n/);
    expect(isEventTable(lines)).toBe(true);
    const rows = readEventTables(lines);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ line: 6, provider: 'Microsoft-Windows-Security-Auditing', id: 4720, time: '5/11/2017 8:36:51 PM', message: 'A user account was created.', cut: true });
    expect(rows[6]!.time).toBe('5/10/2017 11:29:12 AM');
  });

  const rasTable = (rows: string[]) =>
    ['', '   ProviderName: RasClient', '', 'TimeCreated                     Id LevelDisplayName Message', '-----------                     -- ---------------- -------', ...rows, ''].join('\r\n');

  it('RasClient events from a Get-WinEvent table: ids and kinds, the CoId, a failure whose code the cut message lost named as such', () => {
    const text = rasTable([
      '3/18/2024 1:29:21 PM         20227 Error            CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a conn...',
      '3/18/2024 1:29:05 PM         20221 Information      CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM has started...',
      '3/18/2024 1:28:40 PM         20227 Fout             CoId={0E5C2A11-7A0B-4C3D-9E8F-112233445566}: De gebruiker SYSTEM heeft 809.',
    ]);
    const r = parseRasEvents(text, 'rasclient-events.txt');
    expect(r.value.map((e) => [e.id, e.kind, e.errorCode, e.coId, e.time, e.line])).toEqual([
      [20227, 'failed', undefined, '{B4000371-A67F-452F-AA4C-3125AA9CFC78}', '3/18/2024 1:29:21 PM', 6],
      [20221, 'dialing', undefined, '{B4000371-A67F-452F-AA4C-3125AA9CFC78}', '3/18/2024 1:29:05 PM', 7],
      // a message short enough to be whole keeps its code
      [20227, 'failed', 809, '{0E5C2A11-7A0B-4C3D-9E8F-112233445566}', '3/18/2024 1:28:40 PM', 8],
    ]);
    expect(r.problems.map((p) => [p.code, p.line, p.params])).toEqual([['events.tableMessageCut', 6, { id: '20227' }]]);
  });

  it("Get-EventLog's table: Index and InstanceID right-aligned, the provider in the Source column", () => {
    const text = [
      '   Index Time          EntryType   Source                 InstanceID Message',
      '   ----- ----          ---------   ------                 ---------- -------',
      '    4203 Mar 18 13:29  Error       RasClient                   20227 CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named Azu...',
      '    4202 Mar 18 13:29  Information Microsoft-Windows...         1000 Something else',
    ].join('\n');
    const r = parseRasEvents(text);
    expect(r.value.map((e) => [e.id, e.kind, e.time])).toEqual([[20227, 'failed', 'Mar 18 13:29']]);
  });
});
