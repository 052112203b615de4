import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusRoot } from './corpus';
import { scanJsonCases } from './support/scan-json-cases';

/**
 * Issue 16: performance work leaves the scan JSON byte for byte as it was. The digests in
 * test/fixtures/scan-json-digests.json were recorded from main before the work started (the JSON
 * of `bench/scan-json-all.ts` on commit 471ec02; re-recorded on 068b273, whose only differences were
 * 99df26c's deliberate fix.ps1 refusal on Windows 2000/XP; sample-win95-osr2 re-recorded for its OS
 * name without ver's sentence dot, "Windows 95" — the only line that differed; sample-win11-ras-errors
 * re-recorded in the eighth round for the wording of its three RasClient summaries — "requires
 * encryption (requireMax)" instead of "requires requireMax encryption", "failed once" and "failed 2
 * times" instead of "time(s)" — the only lines that differed; and in the nineteenth round for the
 * profile's encryption setting in the Security tab's words — "maximum strength", "required" — instead
 * of the model's enum "requireMax", "require": four lines); a behaviour change an issue asks for records new
 * ones deliberately (`npx tsx bench/scan-json-all.ts DIR` before and after, `diff -r` to review,
 * then the digests of the after tree) and says so in its commit. Problems gained their template's
 * `code` and `params` (translated problem texts): the 21 cases with a problem re-recorded, the
 * `message`s unchanged (both trees compared with the two fields taken out: equal).
 */
const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'scan-json-digests.json'), 'utf8')) as Record<string, string>;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('scan JSON is identical to the recorded one', () => {
  it('on every sample, corpus and real-fixture capture and the bench generator capture', { timeout: 120_000 }, async () => {
    const seen: string[] = [];
    const differing: string[] = [];
    for await (const c of scanJsonCases(corpusRoot)) {
      seen.push(c.name);
      if (expected[c.name] !== sha256(c.json)) differing.push(expected[c.name] ? c.name : `${c.name} (no recorded digest)`);
    }
    expect(differing).toEqual([]);
    // every recorded case was produced (corpus cases only where the corpus is present)
    const missing = Object.keys(expected).filter((n) => !seen.includes(n) && (corpusAvailable || n.startsWith('sample-') || n.startsWith('real-') || n.startsWith('generated-')));
    expect(missing).toEqual([]);
    expect(seen.length).toBeGreaterThan(20);
  });
});
