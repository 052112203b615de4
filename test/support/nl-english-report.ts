import { analyseCapture } from '../../app/core/analyse';
import { corpusRoot } from '../corpus';
import { formatReport } from '../../app/cli/format';
import { renderReportHtml } from '../../app/core/report/report-html';
import { englishInPage, englishLeft, inputWords, reportTexts } from './nl-english';
import { nlTextCases } from './nl-text-cases';

/**
 * `npx tsx test/support/nl-english-report.ts`: every English text found in the Dutch output of the
 * nl-text cases, one line per kind of text (numbers and quoted values folded), with the first case
 * and path where it was seen. What test/nl-no-english.test.ts fails on, as a list to work from.
 */
const NOW = new Date('2026-01-01T00:00:00Z');
const seen = new Map<string, { count: number; first: string }>();
let cases = 0;
for await (const c of nlTextCases(corpusRoot)) {
  cases++;
  const opts = { corporateNetworks: c.corporateNetworks, policy: c.policy, toolVersion: 'x', now: NOW };
  const en = analyseCapture(c.capture, { ...opts, language: 'en' }).report;
  const nl = analyseCapture(c.capture, { ...opts, language: 'nl' }).report;
  const input = inputWords(c.capture, en, c.policy, c.corporateNetworks);
  for (const [face, page] of [['cli', formatReport(nl, c.capture.label, '--capture X')], ['html', renderReportHtml(nl)]] as const) {
    for (const w of englishInPage(page, input)) {
      const key = `${face}  ${w}`;
      const s = seen.get(key);
      if (s) s.count++;
      else seen.set(key, { count: 1, first: `${c.name}: ${page.split('\n').find((l) => l.includes(w))?.slice(0, 300)}` });
    }
  }
  for (const left of englishLeft(reportTexts(en, nl), input)) {
    const key = `${left.path.replace(/\[\d+\]/g, '[]')}  ${left.words.join(',')}`;
    const s = seen.get(key);
    if (s) s.count++;
    else seen.set(key, { count: 1, first: `${c.name} ${left.path}\n    en: ${left.en}\n    nl: ${left.nl}` });
  }
}
console.log(`${cases} cases`);
for (const [key, s] of [...seen].sort()) console.log(`${key}  (x${s.count})\n  ${s.first}`);
