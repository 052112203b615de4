import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { ChunkLines } from './chunk-lines';
import { describeDecoded } from './describe';
import { parseServerLog, type ServerLogEntry, ServerLogParser } from './index';

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
    // the PowerShell prompt above it: the command typed (shell-prompt.ts), counted as the table's
    expect(r.unknown).toBe(0);
    expect(r.families).toEqual({ rras: 14 });
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

  it("reads Get-EventLog's short time in German and Dutch month words (`Mrz`, `dez`, `mrt`), and a Get-WinEvent TimeCreated day first", () => {
    const table = (time: string): ServerLogEntry => parseServerLog(`   Index Time          EntryType   Source                 InstanceID Message
   ----- ----          ---------   ------                 ---------- -------
   48211 ${time}  Error       RasClient                   20227 CoId={NA}: The user CONTOSO\\bob dialed a connection named Work which has failed. The error code returned on failure is 809.`).entries[2]!;
    expect(table('Mrz 25 09:41').time).toMatchObject({ month: 3, day: 25, hour: 9, minute: 41 });
    expect(table('dez 06 10:12').time).toMatchObject({ month: 12, day: 6, hour: 10, minute: 12 });
    expect(table('mrt 06 10:12').time).toMatchObject({ month: 3, day: 6 });
    expect(table('Okt. 06 10:12').time).toMatchObject({ month: 10, day: 6 });
    // (a word no table knows: the row without its time)
    expect(table('Xyz 06 10:12').time).toBeUndefined();
    for (const [created, day, month] of [['06.12.2026 10:12:03', 6, 12], ['6-12-2026 10:12:03', 6, 12]] as const) {
      const r = parseServerLog(`   ProviderName: RasClient

TimeCreated                      Id LevelDisplayName Message
-----------                      -- ---------------- -------
${created.padEnd(32)} 20227 Fout             CoId={NA}: De gebruiker CONTOSO\\bob heeft verbinding Work gekozen die is mislukt. De foutcode is 809.`);
      expect(r.entries.at(-1)!.time, created).toMatchObject({ year: 2026, month, day, hour: 10, minute: 12, second: 3 });
    }
  });

  it('reads no row without the header above it, and ends a table at a line that is no row', () => {
    const lone = parseServerLog('12/5/2026 9:12:01 AM          20271 Warning          CoId={NA}: The user x connected');
    expect(lone.understood).toBe(0);
    const after = parseServerLog(`${WINEVENT.trimEnd()}\nsome remark typed below the table`);
    expect(after.unknown).toBe(1);
  });
});

/**
 * `Get-WinEvent … | Format-Table -Wrap`: the default view (grouped by provider, the real table's column places) with each message
 * wrapped at blanks to a 120-column console's Message column, the further pieces under it. The messages are mprlog.h's 20271 and
 * RasClient's 20227 (its real wording: test/fixtures/real/events, the Format-List copy), names and addresses made up.
 */
const WRAPPED = `
   ProviderName: RasClient

TimeCreated                     Id LevelDisplayName Message
-----------                     -- ---------------- -------
12/5/2026 9:15:02 AM         20227 Error            CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user CONTOSO\\bob
                                                    dialed a connection named Work VPN that has failed. The error code
                                                    returned on failure is 809.

   ProviderName: RemoteAccess

TimeCreated                     Id LevelDisplayName Message
-----------                     -- ---------------- -------
12/5/2026 9:12:01 AM         20271 Warning          CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but
                                                    failed an authentication attempt due to the following reason: The
                                                    specified user account does not exist.
`;
/** the same two events as one line each, as a console wide enough (or `Out-String -Width`) prints them */
const UNWRAPPED = WRAPPED.replace(/\n {52}/g, ' ');
const rowsOf = (text: string) =>
  parseServerLog(text)
    .entries.filter((e) => !e.decoded[0]!.key.startsWith('step.'))
    .map((e) => ({ line: e.line, endLine: e.endLine, cause: e.cause, code: e.code, user: e.user, peer: e.peer }));

describe("PowerShell's table of events wrapped by Format-Table -Wrap", () => {
  it('joins the pieces under a row to its message: the same findings as the unwrapped table, no line unknown', () => {
    const r = parseServerLog(WRAPPED);
    expect(r.unknown).toBe(0);
    const rows = rowsOf(WRAPPED);
    expect(rows).toEqual([
      { line: 6, endLine: 8, cause: 'ras-error', code: 809, user: 'CONTOSO\\bob', peer: undefined },
      { line: 14, endLine: 16, cause: 'credentials-rejected', code: 691, user: 'CONTOSO\\bob', peer: '198.51.100.7' },
    ]);
    // (before: the 20227 row alone ended at `CONTOSO\bob`, read as "error 5" from its CoId's last digit; its pieces were unknown)
    expect(rows.map(({ cause, code, user, peer }) => ({ cause, code, user, peer }))).toEqual(rowsOf(UNWRAPPED).map(({ cause, code, user, peer }) => ({ cause, code, user, peer })));
  });

  it('joins them where -AutoSize made the columns as narrow as their cells', () => {
    const text = `TimeCreated             Id LevelDisplayName Message
-----------             -- ---------------- -------
12/5/2026 9:15:02 AM 20227 Error            CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The
                                            user CONTOSO\\bob dialed a connection named Work
                                            VPN that has failed. The error code returned on
                                            failure is 809.`;
    const r = parseServerLog(text);
    expect(r.unknown).toBe(0);
    expect(r.entries[2]).toMatchObject({ line: 3, endLine: 6, cause: 'ras-error', code: 809 });
  });

  it('joins a row and its pieces cut into two read chunks at any place', () => {
    const whole = rowsOf(WRAPPED);
    for (let cut = WRAPPED.indexOf('12/5/2026 9:15'); cut < WRAPPED.indexOf('   ProviderName: RemoteAccess'); cut++) {
      const parser = new ServerLogParser('chunks');
      const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
      lines.push(WRAPPED.slice(0, cut));
      lines.push(WRAPPED.slice(cut));
      lines.end();
      const r = parser.end();
      expect(r.unknown, `cut at ${cut}`).toBe(0);
      expect(r.entries.filter((e) => !e.decoded[0]!.key.startsWith('step.')).map((e) => ({ line: e.line, endLine: e.endLine, cause: e.cause, code: e.code, user: e.user, peer: e.peer })), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('takes no indented line as a piece where the table has no Message column last, nor a line left of that column', () => {
    // (a line starting left of the Message column — another group's `ProviderName:` — is no piece: the table goes on under it)
    expect(parseServerLog(WRAPPED).entries.filter((e) => e.decoded[0]!.key === 'step.eventTableGroup').length).toBe(2);
    const remote = `   Index Time          EntryType   Source                 InstanceID Message              PSComputerName
   ----- ----          ---------   ------                 ---------- -------              --------------
   48212 Dec 05 09:15  Error       RasClient                   20227 CoId={NA}: The user  server01
                                                                     CONTOSO\\bob dialed`;
    expect(parseServerLog(remote).unknown).toBe(1);
  });
});

describe("Get-EventLog's InstanceID: the event identifier's low 16 bits are the event id", () => {
  it("reads a real Japanese Windows' table: InstanceID 3221225572 is MySQL's event 100, its month a number", () => {
    const r = parseServerLog(readRepoText('test/fixtures/real/server-logs/powershell-get-eventlog-table-ja-mysql-instanceid-3221225572-month-number.txt'));
    expect(r.unknown).toBe(0); // (the prompt line: the command typed, shell-prompt.ts)
    const rows = r.entries.filter((e) => e.decoded[0]?.key === 'eventRecord');
    expect(rows.length).toBe(13);
    expect(rows.every((e) => e.decoded[0]!.values!.id === 100 && e.decoded[0]!.values!.source === 'MySQL')).toBe(true);
    expect(rows[0]!.time).toMatchObject({ month: 4, day: 2, hour: 20, minute: 48 });
  });

  it('reads a RemoteAccess 20271 whose InstanceID carries its severity bits by its id, though the console cut its message', () => {
    // (0xC0004F2F: Sev 11 over code 20271 — made up from the layout; before, read as event 3221245743, which no rule knows)
    const r = parseServerLog(`   Index Time          EntryType   Source                 InstanceID Message
   ----- ----          ---------   ------                 ---------- -------
   48211 Dec 05 09:12  Warning     RemoteAccess           3221245743 CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but failed an a...`);
    expect(r.entries[2]).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    expect(r.entries[2]!.decoded[0]!.values).toMatchObject({ id: 20271 });
  });
});

describe("a table in the columns a command asked for: read by the header's names", () => {
  it('reads a real Invoke-Command table, PSComputerName after the Message column', () => {
    const r = parseServerLog(readRepoText('test/fixtures/real/server-logs/powershell-invoke-command-get-eventlog-pscomputername-after-message-security.txt'));
    // (the command's wrapped rest under the first prompt; the two prompts are the commands typed, shell-prompt.ts — before, the
    // first table's 12 lines were unknown too)
    expect(r.unknown).toBe(1);
    const rows = r.entries.filter((e) => e.decoded[0]?.key === 'eventRecord');
    expect(rows.length).toBe(20);
    expect(rows.slice(0, 2).map((e) => e.decoded[0]!.values)).toEqual([
      { id: 1901, source: 'HostIDS' },
      { id: 4689, source: 'Microsoft-Windows...' },
    ]);
    expect(rows[0]!.time).toMatchObject({ month: 8, day: 11, hour: 22, minute: 31 });
  });

  it('reads `Format-Table TimeCreated,Id,ProviderName,Message -AutoSize`: the source from its own column', () => {
    const r = parseServerLog(`TimeCreated             Id ProviderName Message
-----------             -- ------------ -------
12/5/2026 9:15:02 AM 20227 RasClient    CoId={NA}: The user CONTOSO\\bob dialed a connection named Work VPN that has failed. The error code returned on failure is 809.`);
    expect(r.unknown).toBe(0);
    expect(r.entries[2]).toMatchObject({ cause: 'ras-error', code: 809 });
  });
});
