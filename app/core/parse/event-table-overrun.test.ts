import { describe, expect, it } from 'vitest';
import { readRow, tableColumns } from './event-table';
import { parseServerLog } from './server-log/index';

/**
 * A row whose cells do not sit where the header's underline says (event-table.ts readRow): a cell longer than its column pushes the
 * cells after it right; PowerShell counts an East Asian wide character as two console cells, so the text after one lies a character
 * left of its column. The cells are found by the header's places and the blanks between cells, each moved by what came before.
 * (Tables built in PowerShell's layout: the header and underline of Get-EventLog's and Get-WinEvent's default views, as the real
 * copies in test/fixtures/real show them; no real copy with an overrun or wide characters was found.)
 */
const EVENTLOG_HEAD = ['   Index Time          EntryType   Source                 InstanceID Message', '   ----- ----          ---------   ------                 ---------- -------'];
const WINEVENT_HEAD = ['TimeCreated                     Id LevelDisplayName Message', '-----------                     -- ---------------- -------'];
const row = (head: string[], line: string) => readRow(line, tableColumns(head[0]!, head[1]!)!);

describe('event table rows whose cells overrun the header’s widths', () => {
  it('Get-EventLog: a source longer than its column pushes the id right — the id and message are still read', () => {
    expect(row(EVENTLOG_HEAD, '   48212 Dec 05 09:13  Error       Microsoft-Windows-RemoteAccess-Extended 20271 CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but failed an authentication attempt due to the following reason: The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.')).toMatchObject({
      id: 20271,
      provider: 'Microsoft-Windows-RemoteAccess-Extended',
      message: expect.stringMatching(/^CoId=\{NA\}: The user CONTOSO\\bob connected from 198\.51\.100\.7/),
    });
  });
  it('Get-WinEvent: an id wider than its column (pushed past its end) is read whole, not its first digits', () => {
    expect(row(WINEVENT_HEAD, '12/5/2026 9:12:01 AM             202710 Error            CoId={NA}: x')).toMatchObject({ id: 202710, message: 'CoId={NA}: x' });
  });
  it('a Chinese level (two console cells a character): the message starts whole, not two characters in', () => {
    expect(row(WINEVENT_HEAD, '2024/3/18 13:29:21           20227 错误             CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: 用户 SYSTEM 拨打了连接。')).toEqual({
      id: 20227,
      time: '2024/3/18 13:29:21',
      message: 'CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: 用户 SYSTEM 拨打了连接。',
      cut: false,
    });
  });
  it('a Japanese Get-EventLog month word (`3月`): the id is read, the row is not lost — through the server-log path too', () => {
    const line = '   48213 3月 18 13:29  Error       RemoteAccess                20271 CoId={NA}: x';
    expect(row(EVENTLOG_HEAD, line)).toMatchObject({ id: 20271, provider: 'RemoteAccess', time: '3月 18 13:29' });
    const r = parseServerLog([...EVENTLOG_HEAD, line].join('\n'));
    expect([r.records, r.understood, r.unknown]).toEqual([3, 3, 0]);
    // (its message cut to `x`: no error code in it — a failed log-on whose code the copy does not hold, not an assumed 691; round 44)
    expect(r.entries[2]).toMatchObject({ cause: 'ras-error', decoded: [{ key: 'rrasEventAuthFailedNoCode' }] });
    expect(r.entries[2]!.code).toBeUndefined();
  });
  it('a row as the header places it reads as before (no shift), and a row without a number in its id column is none', () => {
    expect(row(EVENTLOG_HEAD, '   48211 Dec 05 09:12  Error       RasClient                   20227 CoId={NA}: y')).toEqual({ id: 20227, time: 'Dec 05 09:12', provider: 'RasClient', message: 'CoId={NA}: y', cut: false });
    expect(row(EVENTLOG_HEAD, '   48211 Dec 05 09:12  Error       RasClient                         CoId={NA}: y')).toBeUndefined();
  });
});
