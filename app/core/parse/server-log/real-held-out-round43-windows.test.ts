import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';
import { eventDataByStructure, readEventBlock } from './families/windows-event-block';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { logFormatsText } from '../../../shared/log-formats';

/**
 * Held-out real Windows logs (round 43, area hKE; test/fixtures/real/server-logs, sources in SOURCES.md): Windows' own reports and
 * copies of its events in the shapes people paste them. Each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 21 of 70 lines: the report's header, its sections' headings, its tracing files' paths, its empty sections and IpHlpSvc.LOG's
  // lines without milliseconds unknown; the connection dialog's RASDLG lines said as "RASMAN internal trace step"). A Windows 7 PC's
  // Remote Access Diagnostic Report: every line is its frame or a tracing file's bookkeeping, then four events (UserPnp, no RAS source)
  'rasdiag-win7-remote-access-diagnostic-report-rasdlg-iphlpsvc-traces-no-msec-empty-sections.txt': {
    records: 72,
    understood: 72,
    families: { rasman: 68, rras: 4 },
    causes: [],
    says: [
      [1, 'Remote Access Diagnostic Report'],
      [3, "The report's header: Date and Time"],
      [17, "The report's section Explorer_RASDLG.LOG"],
      [19, 'The lines of the tracing file Explorer_RASDLG.LOG follow'],
      [23, 'Internal step traced in Explorer_RASDLG.LOG'],
      [50, 'Internal step traced in IpHlpSvc.LOG'],
      [81, 'The report shows nothing in this section'],
      [90, 'Event 20001 from Microsoft-Windows-UserPnp'],
    ],
  },
  // (was "not a log": no line of Event Viewer's Friendly View copy was read). The service manager's 7040 for BITS (no VPN service)
  'eventviewer-friendly-view-copy-scm-7040-bits-start-type-eventdata-params.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Event 7040 from Service Control Manager']],
  },
  // (was "not a log"). The same copy through a forum's editor: a blank line between lines, an indent, the root `System ` without its
  // `- `, `-  EventData` with two blanks, a stack trace wrapped over lines in the data
  'eventviewer-friendly-view-copy-blank-lines-adfs-411-bare-system-root-stack-trace.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Event 411 from AD FS Auditing']],
  },
};

describe('held-out real Windows logs (round 43, hKE)', () => {
  realServerLogTable(EXPECTED);
});

const one = (text: string) => parseServerLog(text, 'x.log');

/** A RemoteAccess 20271 as the Details tab's Friendly View shows it (the MPRMSG template's strings; the binary data 0x32C = 812). */
const FRIENDLY_20271 = [
  '- System',
  '  - Provider',
  '     [ Name]  RemoteAccess',
  '  - EventID 20271',
  '     [ Qualifiers]  0',
  '  - TimeCreated',
  '     [ SystemTime]  2020-03-23T19:40:08.225301000Z',
  '    Channel System',
  '- EventData',
  '   {NA}',
  '   corinne',
  '   123.207.87.250',
  '   Die Remoteverbindung wurde verweigert, weil die angegebene Kombination aus Benutzername und Kennwort nicht erkannt wird.',
  '   0x10',
  '',
  '  Binary data:',
  '',
  '  In Words',
  '',
  '  0000: 0000032C',
  '',
  '  In Bytes',
  '',
  '  0000: 2C 03 00 00                                     ,...',
];

describe("Event Viewer's Friendly View copy: the event read by its tree's markers", () => {
  it('a translated RemoteAccess 20271 takes its code from the binary data, not the 691 a translated reason defaulted to', () => {
    const e = one(FRIENDLY_20271.join('\n')).entries;
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ line: 1, cause: 'ras-error', code: 812, user: 'corinne', peer: '123.207.87.250' });
    expect(e[0]!.time).toMatchObject({ year: 2020, month: 3, day: 23, hour: 19, minute: 40, second: 8 });
  });

  it('In Words alone (no In Bytes) is the DWORD as Windows shows it; In Bytes alone is little-endian', () => {
    const words = FRIENDLY_20271.slice(0, -4).join('\n').replace('0000032C', '000002B3');
    expect(one(words).entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    const bytes = FRIENDLY_20271.filter((l) => !/In Words|0000: 0000032C/.test(l)).join('\n').replace('2C 03 00 00', '85 02 00 00');
    expect(one(bytes).entries[0]).toMatchObject({ code: 645 });
  });

  it("without binary data an English reason still decides; a translated one keeps the event's general 691", () => {
    const noBinary = FRIENDLY_20271.slice(0, 14);
    expect(one(noBinary.join('\n')).entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    const english = noBinary.map((l) => (l.includes('Remoteverbindung') ? '   The connection was prevented because of a policy configured on your RAS/VPN server.' : l));
    expect(one(english.join('\n')).entries[0]).toMatchObject({ code: 812 });
  });

  it("`- Provider` after `- System` is the same event's; a new `- System` after a named provider is the next event", () => {
    const two = one([...FRIENDLY_20271, ...FRIENDLY_20271.map((l) => l.replace('corinne', 'bob'))].join('\n')).entries;
    expect(two.map((x) => [x.line, x.user])).toEqual([
      [1, 'corinne'],
      [25, 'bob'],
    ]);
  });

  it('the insertion strings apart by structure: CoId, user, dotted quad, the reason, a last 0x value; anything else one string', () => {
    expect(eventDataByStructure('{NA} DOM\\bob 10.0.0.5 Das Konto ist deaktiviert. 0x10')).toEqual(['{NA}', 'DOM\\bob', '10.0.0.5', 'Das Konto ist deaktiviert.', '0x10']);
    expect(eventDataByStructure('param1 Background Intelligent Transfer Service param2 auto start')).toEqual(['param1 Background Intelligent Transfer Service param2 auto start']);
    expect(eventDataByStructure('{12345678-1234-1234-1234-123456789abc} WAN Miniport (IKEv2) 809')).toEqual(['{12345678-1234-1234-1234-123456789abc}', 'WAN Miniport (IKEv2) 809']);
  });

  it('a list item or a word "System" is no event: the tree needs its provider, and a bare `System` takes no other line', () => {
    expect(readEventBlock('- System is slow today').source).toBeUndefined();
    expect(one('- System\n- Provider').entries).toHaveLength(0);
    const r = one('System\nsomething else\nmore');
    expect([r.records, r.unknown]).toEqual([3, 3]);
  });

  it('the tree ends at the next event or at another log pasted below it', () => {
    const r = one([...FRIENDLY_20271, 'Event ID: 20050', 'Source: Router', 'Description: The user DOM\\bob connected to port COM1 has been disconnected because no network protocols were successfully negotiated.'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.code])).toEqual([
      [1, 812],
      [25, 720],
    ]);
  });
});

describe("Windows' Remote Access Diagnostic Report: its frame and the tracing files under it", () => {
  const REPORT = [
    'Remote Access Diagnostic Report',
    'Report Version:\t1.0',
    'Computer Name:\tPC-1',
    '',
    'Table Of Contents',
    'Tracing and Event Logs',
    'RASMAN.LOG',
    'arp.exe -a',
    'ipconfig.exe /all',
    'Tracing Logs [ Table Of Contents ]',
    'RASMAN.LOG [ Table Of Contents ]',
    '-------------------------------------------------------------------------------',
    'C:\\Windows\\tracing\\RASMAN.LOG',
    '-------------------------------------------------------------------------------',
    '[2012] 02-03 04:49:00:962: setting error to 691',
    'RASTAPI.LOG [ Table Of Contents ]',
    'C:\\Windows\\tracing\\RASTAPI.LOG',
    '[2012] 02-03 04:49:01:000: RasTapiCallback: linecallstate=0x4',
    'IpHlpSvc.LOG [ Table Of Contents ]',
    'C:\\Windows\\tracing\\IpHlpSvc.LOG',
    '[6392] 04:49:22: TeredoStartClient: Failed. Stopping.',
    'Modem Logs [ Table Of Contents ]',
    ' Unable to show modem tracing logs or no log files were present.       ',
  ].join('\n');

  it('reads the table of contents, the sections and the empty ones as the report; a RASMAN error under it keeps its cause', () => {
    const r = one(REPORT);
    expect(r.unknown).toBe(0);
    const key = (line: number) => r.entries.find((e) => e.line === line)?.decoded[0]?.key;
    expect([1, 2, 5, 7, 8, 10, 13, 23].map(key)).toEqual(['step.rasDiagReport', 'step.rasDiagHeader', 'step.rasDiagContents', 'step.rasDiagContents', 'step.rasDiagContents', 'step.rasDiagSection', 'step.rasDiagTraceFile', 'step.rasDiagNothing']);
    expect(r.entries.find((e) => e.line === 15)).toMatchObject({ cause: 'ras-error', code: 691 });
    // a tracing file's bookkeeping under its own name, not RASMAN's; RASMAN's own under RASMAN.LOG is as before
    expect(r.entries.find((e) => e.line === 18)?.decoded[0]).toMatchObject({ key: 'step.rasTraceFileStep', values: { file: 'RASTAPI.LOG' } });
    expect(r.entries.find((e) => e.line === 21)?.decoded[0]).toMatchObject({ key: 'step.rasTraceFileStep', values: { file: 'IpHlpSvc.LOG' } });
  });

  it('without the report, a tracing line without milliseconds, a header-like field and a contents-like line stay unknown', () => {
    const r = one(['Report Version:\t1.0', '[6392] 04:49:22: TeredoStartClient: Failed. Stopping.', 'arp.exe -a'].join('\n'));
    expect(r.entries).toHaveLength(0);
    // and a RASMAN trace without a report keeps RASMAN's wording
    expect(one('[2012] 02-03 04:49:00:962: ElInit').entries[0]?.decoded[0]?.key).toBe('step.rasmanTrace');
  });
});

describe("rasdial's output is the PC's command output, not a trace", () => {
  const RASDIAL = ['C:\\Users\\x>rasdial VPN bob pw', 'Connecting to VPN...', 'Verifying username and password...', '', 'Remote Access error 691 - The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.'].join('\n');

  it("the finding says rasdial's output, in both languages", () => {
    for (const [lang, words] of [
      ['en', 'rasdial, Windows\' command-line dialler'],
      ['nl', 'rasdial, de inbelopdracht van Windows'],
    ] as const) {
      const f = explainServerLogs([one(RASDIAL)], engineT(lang)).findings;
      expect(f.length).toBeGreaterThan(0);
      expect(f[0]!.summary).toContain(words);
      expect(f[0]!.summary).not.toMatch(/RAS tracing|RAS-tracering/);
    }
  });

  it('the family is named for traces and rasdial alike', () => {
    expect(logFormatsText({ rasman: 5 }, 'en')).toBe('Windows RAS (trace, rasdial) 5 lines');
  });
});
