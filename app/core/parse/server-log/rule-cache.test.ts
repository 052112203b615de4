import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { parseServerLog } from './index';
import { applyRules, fallback, recordOverlaps, setTemplateCache, templateHash, templateHashIn, templateOf, type Rule, type RuleOverlap } from './kit';
import { eventLoopTurns } from '../../../../test/support/event-loop-turn';

/**
 * The rule cache (kit.ts applyRules) must never make a log say something else than its rules tried
 * in order: its key, the lines it misread before catch-alls and wider rules were marked `fallback`,
 * and the checks that hold every rule list and line shape to that.
 */

/** every corpus server log, the real fixtures and the seed FAQ (its router lines) */
const texts = [
  ...['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'].flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => readCorpus(join('server-logs', f), n))),
  ...repoFiles('test/fixtures/real/server-logs').map((n) => readRepoText(`test/fixtures/real/server-logs/${n}`)),
  ...(corpusAvailable ? [readCorpus(join('..', 'seed'), 'cisco-pptp-faq-nl.txt')] : []),
];
const lines = [...new Set(texts.flatMap((t) => t.split('\n')).map((l) => l.replace(/\r$/, '')).filter((l) => l.trim()))];

/** `read` with the cache off (every rule in order), the cache on again after it whatever happens */
function withoutTemplateCache<T>(read: () => T): T {
  setTemplateCache(false);
  try {
    return read();
  } finally {
    setTemplateCache(true);
  }
}

/** The overlaps `read` shows with the cache off (kit.ts recordOverlaps), recording off again after it. */
function overlapsWhile(read: () => unknown): RuleOverlap[] {
  return withoutTemplateCache(() => {
    recordOverlaps(true);
    try {
      read();
    } catch (e) {
      recordOverlaps(false);
      throw e;
    }
    return recordOverlaps(false);
  });
}

describe('the rule cache says what the rules in order say', () => {
  it('the rule cache\'s key: equal templates, equal keys; different ones apart', () => {
    const msg = fc.oneof(fc.string({ unit: fc.constantFrom('1', '2', '#', 'a', 'b', ' ', '.'), maxLength: 50 }), fc.constantFrom(...lines));
    fc.assert(
      fc.property(msg, msg, (a, b) => {
        expect(templateHash(a) === templateHash(b)).toBe(templateOf(a) === templateOf(b));
        expect(templateHash(templateOf(a))).toBe(templateHash(a));
        // read in place: the message inside a longer text, with digits and letters right after it
        expect(templateHashIn(`${b}${a}12x${b}`, b.length, b.length + a.length)).toBe(templateHash(a));
      }),
      { numRuns: 3000 },
    );
  });
  it('the rule cache never answers with a catch-all rule where a rule before it takes the line', () => {
    // the first line is no "Connection Completed" line (something follows the code): RASMAN's catch-all
    // takes it; the second, with the same template, is one, and says the port's error code
    const log = parseServerLog(
      ['[19856] 09-07 11:12:54:668: Connection Completed on port: VPN2-0, error code: 0 (retry 1)', '[19856] 09-07 11:12:55:668: Connection Completed on port: VPN3-0, error code: 623'].join('\n'),
    );
    expect(log.entries.map((e) => e.decoded[0]!.key)).toEqual(['step.rasmanTrace', 'step.rasPortConnected']);
    expect(log.entries[1]!.decoded[0]!.values).toMatchObject({ port: 'VPN3-0', code: 623 });
  });
  it('nor with IOS\'s catch-alls: a PPP or PPTP line that a decoding rule takes keeps its cause', () => {
    // each first line is one the decoding rule does not take (text after it): only the catch-all does
    const ios = parseServerLog(['Vi1 LCP: Failed to negotiate with peer (retry 1)', 'Vi2 LCP: Failed to negotiate with peer'].join('\n'));
    expect(ios.entries.map((e) => e.decoded[0]!.key)).toEqual(['step.iosPppStep', 'lcpNegotiationFailed']);
    expect(ios.entries[1]!.cause).toBe('auth-protocol-mismatch');
    const pptp = parseServerLog(['Tnl 17 PPTP: CC I 0010 trailing words', 'Tnl 18 PPTP: CC I 001000011A2B3C4D000C000000000000'].join('\n'));
    expect(pptp.entries.map((e) => e.decoded[0]!.key)).toEqual(['step.vpdnEvent', 'pptpControl']);
  });
  it('nor with the rule for named PPTP messages, which takes hex too: a named message, then a hex one of its template', () => {
    const log = parseServerLog(['Tnl 17 PPTP: CC I SCCRQ', 'Tnl 17 PPTP: CC I 001000011A2B3C4D000C000000000000'].join('\n'));
    expect(log.entries.map((e) => e.decoded[0]!.values?.type)).toEqual([1, 12]);
  });
  it('the rule cache equals every rule in order when a line follows a longer or shorter one of its template (every corpus line)', { timeout: 180_000 }, async () => {
    // the cache's hazard is a rule that took the first line answering for the second, where a rule
    // before it takes the second: a line and a variant of it share the template's first characters
    const variants = (line: string) => [`${line} (retry 1)`, `${line} x`, line.slice(0, Math.max(20, line.length >> 1))];
    const differing: string[] = [];
    const turn = eventLoopTurns();
    for (const line of lines) {
      await turn();
      for (const first of variants(line)) {
        const text = `${first}\n${line}`;
        const cached = JSON.stringify(parseServerLog(text).entries);
        if (withoutTemplateCache(() => JSON.stringify(parseServerLog(text).entries)) !== cached) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });
  it('no rule that could be the cache\'s answer takes a line a rule before it took (every corpus, fixture and seed line)', () => {
    // the cache answers with the rule that took a message of the same template before; it can only
    // differ from the rules in order where a later rule also takes a line an earlier one took, so such
    // a later rule must be a fallback (never cached). Template length then decides speed, not what is read.
    const overlaps = overlapsWhile(() => {
      for (const text of texts) parseServerLog(text);
    });
    expect(overlaps.map((o) => `${o.later.source} also takes ${JSON.stringify(o.message)} (taken by ${o.first.source})`)).toEqual([]);
    expect(texts.length).toBeGreaterThan(3);
  });
  it('the overlap check can fail: a later rule that takes what an earlier one took is reported', () => {
    const rules: Rule[] = [[/^a (\d+)$/, () => ({ decoded: [] })], [/^a \S+$/, () => ({ decoded: [] })], fallback(/^.*$/, () => ({ decoded: [] }))];
    const pre = { shape: 'none', message: 'a 1' } as const;
    const overlaps = overlapsWhile(() => applyRules(rules, 'a 1', pre, {}));
    expect(overlaps.map((o) => o.later.source)).toEqual(['^a \\S+$']);
  });
  it('a MikroTik line the CHAP rule takes keeps its cause after a longer line of its template', () => {
    const log = parseServerLog(["<10.0.0.7>: authentication failed: peer didn't respond to CHAP challenge (retry)", "<10.0.0.8>: authentication failed: peer didn't respond to CHAP challenge"].join('\n'));
    expect(log.entries.map((e) => e.cause)).toEqual(['credentials-rejected', 'pc-no-chap-response']);
  });
});
