import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles, sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import type { Capture } from '../../capture/capture';
import { engineT } from '../../i18n';
import type { Finding } from '../../model/report';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * A server-log finding's summary, cut into the paragraphs the app shows (report.ts SummaryPartSchema): what the server's
 * log says, then each piece of advice, then how the PC's and the server's lines were matched. The cut loses and adds
 * nothing: the parts always join to the summary the CLI prints and the report carried before them.
 */

const FOLDERS = ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'];
const logs: [string, string][] = [
  ...FOLDERS.flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => [`corpus/${f}/${n}`, readCorpus(join('server-logs', f), n)] as [string, string])),
  ...repoFiles('test/fixtures/real/server-logs').map((n) => [`real/${n}`, readRepoText(`test/fixtures/real/server-logs/${n}`)] as [string, string]),
];

const joined = (f: Finding) => f.parts!.map((p) => p.text).join(' ');

describe('a server-log finding is its parts joined', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`every corpus and real server log (${lang}): parts join to the summary, the log's words first, then advice`, () => {
      const t = engineT(lang);
      let findings = 0;
      for (const [name, text] of logs) {
        for (const f of explainServerLogs([parseServerLog(text, name)], t).findings) {
          findings++;
          expect(f.parts, `${name} ${f.id}`).toBeDefined();
          expect(joined(f), `${name} ${f.id}`).toBe(f.summary);
          expect(f.parts![0]!.kind, `${name} ${f.id}`).toBe('logSays');
          expect(f.parts!.slice(1).every((p) => p.kind === 'advice' && p.text.trim().length > 0), `${name} ${f.id}`).toBe(true);
          // the log's words name the log (the source) so a paragraph on its own still says whose words they are
          expect(f.parts![0]!.text, `${name} ${f.id}`).toContain(name);
        }
      }
      expect(findings).toBeGreaterThan(60);
    });
  }
});

function capture(files: Record<string, string>): Capture {
  const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt', 'rasclient-events.txt']);
  for (const [name, text] of Object.entries(files)) pc.files.set(name, { name, text, encoding: 'utf-8' });
  return { ...pc, label: 'test' };
}

describe('a PC finding the server\'s lines were folded into', () => {
  const protrej = (time: string) => ({ 'server-logs/router.txt': `Nov 18 ${time}.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n` });
  it('keeps the PC\'s own summary as its first part, then the server\'s words and advice, then the match', () => {
    const alone = analyseCapture(capture({}), { toolVersion: 't', now: new Date(0) }).report.findings.find((f) => f.id === 'vpn.encryption-mismatch')!;
    const { report } = analyseCapture(capture(protrej('10:21:05')), { toolVersion: 't', now: new Date(0) });
    const f = report.findings.filter((x) => x.id === 'vpn.encryption-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.parts!.map((p) => p.kind)).toEqual(['finding', 'logSays', 'advice', 'advice', 'matched']);
    expect(f[0]!.parts![0]!.text).toBe(alone.summary);
    expect(f[0]!.parts![4]!.text).toContain('are 2 s apart');
    expect(joined(f[0]!)).toBe(f[0]!.summary);
    // the parts sit right after the summary in the report, as a server draft's do
    expect(Object.keys(f[0]!).slice(0, 5)).toEqual(['id', 'severity', 'title', 'summary', 'parts']);
  });
  it('a PC finding no server line joined has no parts', () => {
    const { report } = analyseCapture(capture(protrej('10:51:05')), { toolVersion: 't', now: new Date(0) });
    const [pc, server] = report.findings.filter((x) => x.id === 'vpn.encryption-mismatch');
    expect(pc!.parts).toBeUndefined();
    expect(server!.parts![0]!.kind).toBe('logSays');
  });
});
