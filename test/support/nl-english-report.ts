import { corpusRoot } from '../corpus';
import { englishInCase } from './nl-english';
import { nlTextCases } from './nl-text-cases';

/**
 * `npx tsx test/support/nl-english-report.ts`: every English text found in the Dutch output of the
 * nl-text cases, one line per kind of text (where it is and which words), with the first case where
 * it was seen and how often. What test/nl-no-english.test.ts fails on, as a list to work from.
 */
const seen = new Map<string, { count: number; first: string }>();
const note = (key: string, first: string) => {
  const s = seen.get(key);
  if (s) s.count++;
  else seen.set(key, { count: 1, first });
};
let cases = 0;
for await (const c of nlTextCases(corpusRoot)) {
  const { texts, pages } = englishInCase(c, cases++ % 10 === 0);
  for (const left of texts) note(`${left.path.replace(/\[\d+\]/g, '[]')}  ${left.words.join(',')}`, `${c.name} ${left.path}\n    en: ${left.en}\n    nl: ${left.nl}`);
  for (const p of pages) for (const w of p.words) note(`${p.face}  ${w}`, `${c.name}: ${p.page.split('\n').find((l) => l.includes(w))?.slice(0, 300)}`);
}
console.log(`${cases} cases`);
for (const [key, s] of [...seen].sort()) console.log(`${key}  (x${s.count})\n  ${s.first}`);
