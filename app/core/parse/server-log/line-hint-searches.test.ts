import { describe, expect, it } from 'vitest';
import { NO_ASA_ID, NO_HASH0, NO_SEV, textHints } from './line-hints';

/**
 * textHints finds `#011`/`#015`, `%ASA-`/`%FTD-` and `SEV=` by one search each for a rarer piece (`#01`, `%`, `V=`) and a look at
 * its hits; the hints must say what a plain search for each word says, over random texts made of the words and near misses.
 */

/** a small deterministic generator (the same texts on every run) */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the chunk hints found by one search for a rarer piece', () => {
  it('say what a search for each word says', () => {
    const words = ['#011', '#015', '#01', '#0', '#016', '%ASA-', '%FTD-', '%ASA', '%PIX-', 'SEV=', 'SEV', 'EV=', 'V=', 'SE V=', 'xSEV='];
    const next = random(7);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const n = Math.floor(next() * 4);
      for (let k = 0; k < n; k++) text += `${'ab '.slice(0, Math.floor(next() * 3))}${words[Math.floor(next() * words.length)]}`;
      const h = textHints(text);
      expect((h & NO_HASH0) !== 0, text).toBe(!text.includes('#011') && !text.includes('#015'));
      expect((h & NO_ASA_ID) !== 0, text).toBe(!text.includes('%ASA-') && !text.includes('%FTD-'));
      expect((h & NO_SEV) !== 0, text).toBe(!text.includes('SEV='));
    }
  });
});
