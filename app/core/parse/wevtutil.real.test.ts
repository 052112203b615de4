import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture/capture';
import { parseRasEvents } from './wevtutil';

/**
 * RasClient events as found in public material (test/fixtures/real/events, provenance in
 * test/fixtures/real/SOURCES.md), beyond the shared corpus. One row per file, read by hand:
 * every event's [id, kind, error code, where the code came from, connection, user, CoId, time].
 */
const DIR = 'test/fixtures/real/events';
const read = (file: string) => readRepoText(join(DIR, file));

type Row = [number | null, string, number | undefined, string | undefined, string | undefined, string | undefined, string | undefined, string | undefined];

const EXPECTED: Record<string, Row[]> = {
  // Get-EventLog … | Format-List -Property *: the message wrapped at the console width, the code
  // and the names in ReplacementStrings (the message's words are translated, these are not)
  'win-en-rasclient-get-eventlog-format-list-20227-809.txt': [[20227, 'failed', 809, 'eventdata', 'AzureGateway', 'SYSTEM', '{B4000371-A67F-452F-AA4C-3125AA9CFC78}', '3/18/2024 1:29:21 PM']],
  // the message line alone, without the CoId prefix (builds before it, or copied from the middle),
  // quoted in Markdown: no id, so the English wording says 20227
  'win10-en-rasclient-20227-809-message-without-coid-md-quoted.txt': [[20227, 'failed', 809, 'message', 'VPN', 'SYSTEM', undefined, undefined]],
  // a Chinese 20227 message from its middle on (the user and the connection cut off by the poster):
  // no id, no CoId, no words to go by — not an event on its own; its ending is read in wevtutil.test.ts
  'win10-zh-rasclient-20227-809-message-tail-only.txt': [],
  // Get-WinEvent's table view of another provider's events (Security 4720): read as a table, no RasClient event in it
  'win-en-get-winevent-table-security-4720-message-cut.txt': [],
};
const NOT_AN_EVENT: Record<string, string[]> = { 'win10-zh-rasclient-20227-809-message-tail-only.txt': ['events.noEvent'], 'win-en-get-winevent-table-security-4720-message-cut.txt': ['events.noEvent'] };

const row = (e: ReturnType<typeof parseRasEvents>['value'][number]): Row => [e.id, e.kind, e.errorCode, e.codeFrom, e.entryName, e.user, e.coId, e.time];

describe('real RasClient event outputs', () => {
  it('has a row for every fixture', () => expect(repoFiles(DIR).filter((f) => f.endsWith('.txt')).sort()).toEqual(Object.keys(EXPECTED).sort()));
  for (const [file, rows] of Object.entries(EXPECTED)) {
    it(file, () => {
      const r = parseRasEvents(read(file), file);
      expect(r.problems.map((p) => p.code)).toEqual(NOT_AN_EVENT[file] ?? []);
      expect(r.value.map(row)).toEqual(rows);
    });
  }
});

function capture(events: string): Capture {
  return { origin: 'capture', label: 'fixture', meta: { schemaVersion: 1 }, readProblems: [], files: new Map([['rasclient-events.txt', { name: 'rasclient-events.txt', text: events, encoding: 'utf-8' }]]) };
}

describe('a capture holding only the real events file', () => {
  it('Get-EventLog Format-List: error 809 reaches the finding, evidence on the event', () => {
    const { report } = analyseCapture(capture(read('win-en-rasclient-get-eventlog-format-list-20227-809.txt')), { corporateNetworks: [], toolVersion: 'test' });
    const ids = report.findings.map((f) => f.id);
    expect(ids).toContain('vpn.server-unreachable');
    expect(JSON.stringify(report.findings.find((f) => f.id === 'vpn.server-unreachable'))).toContain('809');
  });
});
