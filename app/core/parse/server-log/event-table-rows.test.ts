import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeDecoded } from './describe';
import { parseServerLog } from './index';

/**
 * PowerShell's default table of events pasted as the server's log (families/event-table-rows.ts): Get-WinEvent's, grouped by
 * provider, and Get-EventLog's, a source per row. The real table is a wargame write-up's (test/fixtures/real/events, SOURCES.md);
 * the VPN tables are that layout around mprlog.h's and RasClient's English messages, names and addresses made up.
 */
const t = engineT('en');
const says = (text: string) => parseServerLog(text).entries.map((e) => `${e.line} ${e.decoded.map((dd) => describeDecoded(dd, t)).join(' ')}`);

const WINEVENT = `
   ProviderName: RemoteAccess

TimeCreated                      Id LevelDisplayName Message
-----------                      -- ---------------- -------
12/5/2026 9:12:01 AM          20271 Warning          CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but failed an authentication attempt due to the following reason: The specified user account does not exist.

   ProviderName: RasClient

TimeCreated                      Id LevelDisplayName Message
-----------                      -- ---------------- -------
12/5/2026 9:15:02 AM          20227 Error            CoId={8A8B0F6B-0C6A-4D39-9B0E-0A1F2E3D4C5B}: The user CONTOSO\\bob dialed a connection named Work which has fa...
`;

describe("PowerShell's table of events", () => {
  it('reads a real Get-WinEvent table: each row as its event, at its time', () => {
    const r = parseServerLog(readRepoText('test/fixtures/real/events/win-en-get-winevent-table-security-4720-message-cut.txt'));
    expect(r.unknown).toBe(1); // the PowerShell prompt above it
    expect(r.families).toEqual({ rras: 13 });
    const rows = r.entries.filter((e) => e.decoded[0]?.key === 'eventRecord');
    expect(rows.length).toBe(10);
    expect(rows[0]!.time).toEqual({ year: 2017, month: 5, day: 11, hour: 20, minute: 36, second: 51 });
    expect(rows.map((e) => e.decoded[0]!.values)).toEqual(Array(10).fill({ id: 4720, source: 'Microsoft-Windows-Security-Auditing' }));
  });

  it("reads RRAS's rows by source and id, and takes no error code from a message the console cut", () => {
    const r = parseServerLog(WINEVENT);
    expect(r.unknown).toBe(0);
    const [failed, cut] = r.entries.filter((e) => e.decoded[0]?.key !== 'step.eventTableGroup' && e.decoded[0]?.key !== 'step.eventTableHead');
    expect(failed).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'CONTOSO\\bob', peer: '198.51.100.7', time: { year: 2026, month: 12, day: 5, hour: 9, minute: 12 } });
    // (the cut message's last number is a digit of its CoId: before, read as "error 5")
    expect(cut!.code).toBeUndefined();
    expect(says(WINEVENT).filter((line) => line.endsWith("PowerShell's table of events from RasClient.")).length).toBe(1);
  });

  it("reads Get-EventLog's table: the source of each row, its short time", () => {
    const r = parseServerLog(`   Index Time          EntryType   Source                 InstanceID Message
   ----- ----          ---------   ------                 ---------- -------
   48211 Dec 05 09:12  Error       RasClient                   20227 CoId={NA}: The user CONTOSO\\bob dialed a connection named Work which has failed. The error code returned on failure is 809.`);
    expect(r.understood).toBe(3);
    expect(r.entries[2]).toMatchObject({ cause: 'ras-error', code: 809, time: { month: 12, day: 5, hour: 9, minute: 12 } });
  });

  it('reads no row without the header above it, and ends a table at a line that is no row', () => {
    const lone = parseServerLog('12/5/2026 9:12:01 AM          20271 Warning          CoId={NA}: The user x connected');
    expect(lone.understood).toBe(0);
    const after = parseServerLog(`${WINEVENT.trimEnd()}\nsome remark typed below the table`);
    expect(after.unknown).toBe(1);
  });
});
