import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { reportBundleFiles } from '../app/core/report/report-zip';
import { readCaptureDir } from '../app/system/capture-reader';
import { captureFiles, LANGS, secrets } from './support/leak-corpus';

/**
 * Issue 12 item 11: the leak corpus. For every language the parsers know (and a few more whose
 * labels are assumed), a capture full of identifying values — user, host, domain and DNS names,
 * the logon server, the VPN server (ServerAddress and ServerList.FriendlyAddress), MACs with and
 * without separators, SIDs, public IPv4/IPv6 addresses — behind that language's labels, with
 * Turkish dotted/dotless i in names. None of them may survive in any file of the redacted bundle
 * (report.json, report.html, every capture file, REDACTED.txt), compared case-insensitively with
 * the Turkish i folded, so "İSTANBUL" and "istanbul" count as the same leak. Budget ≈ 3 s.
 */

/** Case-insensitive with the Turkish i folded (İ I ı i → i), and separators of MACs ignored. */
const fold = (text: string) => text.normalize('NFC').replace(/i\u0307/g, 'i').toLowerCase().replace(/[İIıi]/g, 'i').replace(/i\u0307/g, 'i');
const macDigits = (text: string) => text.replace(/[^0-9a-f]/gi, '').toLowerCase();

describe('the leak corpus: nothing identifying survives --redact, in any language', () => {
  const corpus = LANGS.map((l, i) => ({ lang: l, secrets: secrets(l, i + 11) }));

  it(`has ${LANGS.length} languages × 15 identifying values`, () => {
    expect(corpus.flatMap((c) => Object.values(c.secrets))).toHaveLength(LANGS.length * 15);
  });

  it.each(corpus.map((c) => [c.lang.code, c] as const))('%s', async (_code, { lang, secrets: s }) => {
    const dir = mkdtempSync(join(tmpdir(), `tm-leak-${lang.code}-`));
    for (const [name, text] of Object.entries(captureFiles(lang, s))) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const capture = await readCaptureDir(dir);
    const { report } = analyseCapture(capture, { toolVersion: 't' });
    const files = reportBundleFiles({ report, capture, redact: true });
    const leaks: string[] = [];
    for (const f of files) {
      const text = fold(`${f.name}\n${f.content}`);
      for (const [kind, value] of Object.entries(s)) {
        if (kind.startsWith('mac')) {
          // any spelling of the MAC: with -, :, ., spaces or nothing between the digits
          const digits = macDigits(value);
          const spaced = new RegExp(digits.match(/../g)!.join('[-:. ]?'), 'i');
          if (spaced.test(f.content)) leaks.push(`${f.name}: ${kind} ${value}`);
        } else if (text.includes(fold(value))) leaks.push(`${f.name}: ${kind} ${value}`);
      }
      // the parts of names too: the user's first name, the host's distinctive part
      for (const part of [s.fullName.split(' ')[0]!, s.host.split('-')[0]!]) if (part.length > 3 && text.includes(fold(part)) && !['ws'].includes(fold(part))) leaks.push(`${f.name}: part ${part}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('redaction keeps the report shape', () => {
  it('a "name" that is also a field name (files, snapshot) does not rename fields (fuzzer, seed 20261202 input 3098)', async () => {
    const { Redactor } = await import('../app/core/report/redact');
    const r = new Redactor([{ kind: 'host', value: 'files' }, { kind: 'user', value: 'snapshot' }]);
    const out = r.value({ snapshot: { files: { collected: ['files'] } }, registry: { 'HKLM\\SOFTWARE\\files': 1 } });
    expect(out).toEqual({ snapshot: { files: { collected: ['HOST-1'] } }, registry: { 'HKLM\\SOFTWARE\\HOST-1': 1 } });
  });
});
