import { describe, expect, it } from 'vitest';
import { corpusRoot } from './corpus';
import { englishInCase } from './support/nl-english';
import { nlTextCases } from './support/nl-text-cases';

/**
 * No English sentence in Dutch output (the help desk that runs `--lang nl`): every capture of the
 * samples, the shared corpus (mixed, and each file put into the demo machine), the real fixtures
 * and the demo with each of its files left out is analysed in English and in Dutch, and every text
 * a person reads — finding titles, summaries, evidence, "which route wins", fix titles, steps and
 * notes, server-log lines decoded, the OS name and the notes on VPN settings — is checked word by
 * word (support/nl-english.ts): a Dutch text equal to its English one must be data from the input,
 * and a Dutch text may hold no lower-case word that is neither in the input nor in the Dutch
 * catalogue. The CLI's scan output and the HTML report in Dutch are checked the same way, and the
 * note of a redacted bundle (REDACTED.txt) of every tenth capture.
 * `npx tsx test/support/nl-english-report.ts` lists what it finds, one line per kind of text.
 * Budget: ≈ 320 captures analysed twice, ≈ 10 s.
 */
describe('Dutch output holds no English', () => {
  it('on every sample, corpus and real capture: the report texts, the CLI scan output, the HTML report and REDACTED.txt', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    let cases = 0;
    for await (const c of nlTextCases(corpusRoot)) {
      const { texts, pages } = englishInCase(c, cases++ % 10 === 0);
      for (const left of texts) found.push(`${c.name} ${left.path} [${left.words.join(', ')}]: ${left.nl.slice(0, 160)}`);
      for (const p of pages) found.push(`${c.name} ${p.face}: ${p.words.join(', ')}`);
      // let the worker's event loop run between captures: the cases' promises settle without I/O, so on a loaded machine
      // (73 s with four other test runs beside it) vitest's RPC call to its main process timed out, an unhandled error
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(cases).toBeGreaterThan(50);
    // the first few are enough to read; the report script lists them all
    expect(found.slice(0, 20)).toEqual([]);
  });
});
