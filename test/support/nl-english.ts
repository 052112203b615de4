import enCatalogue from '../../app/core/i18n/en.json';
import nlCatalogue from '../../app/core/i18n/nl.json';
import * as ikeCodes from '../../app/core/parse/server-log/codes/ike';
import * as pppCodes from '../../app/core/parse/server-log/codes/ppp';
import * as pptpCodes from '../../app/core/parse/server-log/codes/pptp';
import * as sstpCodes from '../../app/core/parse/server-log/codes/sstp';
import { formatReport } from '../../app/cli/format';
import { analyseCapture } from '../../app/core/analyse';
import type { Capture } from '../../app/core/capture/capture';
import { renderReportHtml } from '../../app/core/report/report-html';
import { reportBundleFiles } from '../../app/core/report/report-zip';
import type { Policy } from '../../app/core/model/policy';
import type { Report } from '../../app/core/model/report';
import { LOG_FORMAT_IDS, logFormatsText } from '../../app/shared/log-formats';

/** Every log format's name in Dutch, as the CLI writes them ("andere programma’s 2 regels"). */
const LOG_FORMAT_WORDS_NL: readonly string[] = [logFormatsText(Object.fromEntries(LOG_FORMAT_IDS.map((id) => [id, 2])), 'nl')];

/**
 * English left in Dutch output, found without a list of English words. A text the person reads is
 * rendered in English and in Dutch from the same capture, and each word of the Dutch rendering must
 * come from somewhere a Dutch reader is meant to get it:
 * - the input (the capture's files, the policy, the corporate networks, the snapshot built from
 *   them): data such as addresses, adapter names and Windows' own output, in whatever language;
 * - the Dutch catalogue (app/core/i18n/nl.json), which holds every Dutch word TunnelMedic writes,
 *   and the names it keeps the same in both languages (KeepRasConnections, MS-CHAP v2);
 * - the protocols' own names a decoded server log quotes (the RFC tables in parse/server-log/codes:
 *   "Quick Mode", "Call-Clear-Request", "Framed").
 * A Dutch rendering equal to the English one must be data alone: its words all come from the input.
 * An English word the code writes outside the catalogue is in neither, and is reported with where
 * it was found.
 */

export interface EnglishLeft {
  /** where the text is: "findings[0].evidence[1].text" */
  path: string;
  en: string;
  nl: string;
  /** the words that come from neither the input nor the Dutch catalogue */
  words: string[];
}

/**
 * Words as a reader sees them: letters, with hyphens and apostrophes inside ("on-link", "didn't").
 * A token with a digit or an underscore, or a capital after its first letter (KeepRasConnections,
 * NAT_DETECTION_SOURCE_IP, Configure-Ack, IKEv2), is a name or a code, never a word of prose.
 */
const TOKEN = /[\p{L}\p{N}_](?:[\p{L}\p{N}_'’-]*[\p{L}\p{N}_])?(…)?/gu;
const PROSE = /^\p{L}[\p{Ll}'’-]*\p{Ll}$/u;
export const wordsOf = (text: string): string[] => [...text.replace(/\{\{[^}]*\}\}/g, ' ').matchAll(TOKEN)].map((m) => m[0]);
/** the prose words of `text`: "Zolang", "not", "on-link"; a word cut off by "…" keeps the mark */
const proseOf = (text: string): string[] => wordsOf(text).filter((w) => PROSE.test(w.replace(/…$/, '')));

const dutchVocabulary = (() => {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const w of proseOf(v)) words.add(w.toLowerCase());
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(nlCatalogue);
  for (const table of [ikeCodes, pppCodes, pptpCodes, sstpCodes]) walk(table);
  return words;
})();

/** a word of the Dutch catalogue; a compound with a name in it ("Mode-onderhandeling") when each part is */
const isDutch = (word: string): boolean => {
  const w = word.replace(/…$/, '').toLowerCase();
  return dutchVocabulary.has(w) || (w.includes('-') && w.split('-').every((part) => part.length < 2 || dutchVocabulary.has(part)));
};

/** Words of the texts the catalogues hold the same in both languages (names: "Server", "Internet", "Router {{gateway}}"). */
const sameInBoth = (() => {
  const words = new Set<string>();
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && a === b) for (const w of proseOf(a)) words.add(w);
    else if (a && b && typeof a === 'object' && typeof b === 'object') for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown>)[k]);
  };
  walk(enCatalogue, nlCatalogue);
  return words;
})();

/** Report keys that hold machine data, not text for people: ids, codes, numbers, actions and scripts (checked by script-words.test.ts). */
const MACHINE_KEYS = new Set(['id', 'severity', 'risk', 'strength', 'takesEffect', 'requiresAdmin', 'actions', 'rollbackActions', 'winner', 'target', 'viaTunnel', 'source', 'line', 'endLine', 'family', 'families', 'verdict', 'outcome', 'cause', 'code', 'time', 'session', 'peer', 'user', 'unknownLines', 'truncated', 'newestFirst', 'writtenBy', 'lines', 'blank', 'records', 'understood', 'unknown', 'cmd', 'rollbackCmd', 'ps1', 'rollbackPs1', 'dialect', 'kind']);
/** inside a server log entry, `text` is the log's own line (data); `decoded` is what it means */
const isLogLine = (path: string) => /serverLogs\[\d+\]\.entries\[\d+\]\.text$/.test(path);

/** Every text for people in the report, as [path, en, nl], walking both renderings side by side. */
export function reportTexts(en: Report, nl: Report): [string, string, string][] {
  const out: [string, string, string][] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (typeof a === 'string' && typeof b === 'string') {
      if (!isLogLine(path)) out.push([path, a, b]);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push([`${path}.length`, String(a.length), String(b.length)]);
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`));
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const [k, v] of Object.entries(a)) if (!MACHINE_KEYS.has(k)) walk(v, (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    }
  };
  walk(en.findings, nl.findings, 'findings');
  // the snapshot's few words of its own: the OS name (guessed from the route table when no ver.txt) and the notes on VPN settings
  walk(en.snapshot.os.name, nl.snapshot.os.name, 'snapshot.os.name');
  const notes = (r: Report) => (r.snapshot.vpnProfiles as { uncertain: string[] }[]).map((p) => p.uncertain);
  walk(notes(en), notes(nl), 'snapshot.vpnProfiles.uncertain');
  walk(en.serverLogs ?? [], nl.serverLogs ?? [], 'serverLogs');
  return out;
}

/**
 * The text a file's hex dumps hold (a ppp.log packet's bytes, `C0 23 01 00 00 19 09 20 5C 73 …`): the dump lines' bytes in
 * order, as characters. A user name or message decoded from them is the input's data, not TunnelMedic's words.
 */
function hexDumpText(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const m = line.match(/^[\s<>]*((?:[0-9A-F]{2} )+)/);
    if (m) out += String.fromCharCode(...m[1]!.trim().split(' ').map((h) => parseInt(h, 16)));
  }
  return out;
}

const TYPOGRAPHIC_HYPHENS = /[\u2010\u2011\u2212]/;
const TYPOGRAPHIC_HYPHENS_ALL = /[\u2010\u2011\u2212]/g;

/** The words of everything the input holds, as given (case kept: "Not" in a file does not excuse "not"). */
export interface InputWords {
  has(word: string): boolean;
  /** a word the text cut off with "…" */
  hasPrefix(start: string): boolean;
}

export function inputWords(capture: Capture, report: Report, policy: Policy | undefined, corporateNetworks: string[]): InputWords {
  const snapshot = report.snapshot;
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of wordsOf(text)) words.add(w);
  };
  // machine data a page shows beside the texts: finding and fix ids, file names, interface kinds
  for (const f of report.findings) add(`${f.id} ${f.fixes.map((x) => x.id).join(' ')}`);
  add([...snapshot.files.collected, ...snapshot.files.notCollected].join(' '));
  // (and as the server-log reader reads it, a PDF copy's minus sign or Unicode hyphen as `-`: typography.ts — `pppoe−events`)
  for (const f of capture.files.values()) add(`${f.name} ${f.text} ${hexDumpText(f.text)} ${TYPOGRAPHIC_HYPHENS.test(f.text) ? f.text.replace(TYPOGRAPHIC_HYPHENS_ALL, '-') : ''}`);
  add(capture.label);
  // the policy's values (its keys, such as "domain", are no words a reader is shown)
  const values = (v: unknown): void => (typeof v === 'string' ? add(v) : v && typeof v === 'object' ? Object.values(v).forEach(values) : undefined);
  values(policy);
  add(corporateNetworks.join(' '));
  // the OS as ver.txt or systeminfo named it (a guessed one is TunnelMedic's words and stays out)
  if (snapshot.os.family !== 'unknown' && !/\(.*\)$/.test(snapshot.os.name)) add(snapshot.os.name);
  // a long word may be glued to the next in the input ("challengepurging": a paste that lost its line ends)
  const raw = [...capture.files.values()].map((f) => f.text).join('\n');
  return { has: (w) => words.has(w) || (w.length >= 8 && raw.includes(w)), hasPrefix: (start) => raw.includes(start) };
}

/** The texts of `pairs` whose Dutch holds a word from neither the input nor the Dutch catalogue (or is the English text and not data). */
export function englishLeft(pairs: [string, string, string][], input: InputWords): EnglishLeft[] {
  const out: EnglishLeft[] = [];
  for (const [path, en, nl] of pairs) {
    if (path.endsWith('.length')) {
      out.push({ path, en, nl, words: ['(the two renderings differ in shape)'] });
      continue;
    }
    // equal in both languages: data alone, every word from the input; else each lower-case word from the input or the Dutch catalogue
    const fromInput = (w: string) => (w.endsWith('…') ? input.hasPrefix(w.slice(0, -1)) : input.has(w));
    const words = en === nl ? proseOf(nl).filter((w) => !fromInput(w) && !sameInBoth.has(w)) : proseOf(nl).filter((w) => w === w.toLowerCase() && !fromInput(w) && !isDutch(w));
    if (words.length) out.push({ path, en, nl, words: [...new Set(words)] });
  }
  return out;
}

/**
 * A page or console text in Dutch (the CLI's scan output, the HTML report): its lower-case words
 * that come from neither the input, the Dutch catalogue nor `ownWords` (a face's own Dutch words
 * kept outside the catalogue). Scripts (`<pre>` blocks: commands, checked by script-words.test.ts)
 * and markup are left out.
 */
export function englishInPage(page: string, input: InputWords, ownWords: readonly string[] = []): string[] {
  const own = new Set(ownWords.flatMap((s) => proseOf(s).map((w) => w.toLowerCase())));
  const text = page
    .replace(/<(pre|style|svg)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&(amp|lt|gt|quot);/g, ' ');
  // (a word an evidence line was cut in, `xauthgro…`, is the input's when the input holds its start, as englishLeft reads it)
  const fromInput = (w: string) => (w.endsWith('…') ? input.hasPrefix(w.slice(0, -1)) : input.has(w));
  return [...new Set(proseOf(text).filter((w) => w === w.toLowerCase() && !fromInput(w) && !isDutch(w) && !own.has(w)))];
}

export interface CaseFindings {
  /** report texts with English left in their Dutch */
  texts: EnglishLeft[];
  /** per face (cli, html, REDACTED.txt): the English words in its Dutch page, and the page */
  pages: { face: string; words: string[]; page: string }[];
}

const NOW = new Date('2026-01-01T00:00:00Z');

/**
 * One capture analysed in English and in Dutch, and checked: the report's texts, the CLI's scan
 * output and the HTML report in Dutch, and with `redacted` the note of a redacted bundle
 * (REDACTED.txt; the counted kinds of value are the redactor's names and stay out).
 */
export function englishInCase(c: { capture: Capture; policy?: Policy; corporateNetworks: string[] }, redacted = false): CaseFindings {
  const opts = { corporateNetworks: c.corporateNetworks, policy: c.policy, toolVersion: 'x', now: NOW };
  const en = analyseCapture(c.capture, { ...opts, language: 'en' }).report;
  const nl = analyseCapture(c.capture, { ...opts, language: 'nl' }).report;
  const input = inputWords(c.capture, en, c.policy, c.corporateNetworks);
  // the CLI and the HTML report name each server log's formats by product (app/shared/log-formats.ts, outside the catalogue: the renderer reads them too)
  const faces: [face: string, page: string, own?: readonly string[]][] = [
    ['cli', formatReport(nl, c.capture.label, '--capture X'), LOG_FORMAT_WORDS_NL],
    ['html', renderReportHtml(nl), LOG_FORMAT_WORDS_NL],
  ];
  if (redacted) faces.push(['REDACTED.txt', reportBundleFiles({ report: nl, capture: c.capture, policy: c.policy, redact: true }).find((f) => f.name === 'REDACTED.txt')!.content.replace(/^ {2}.*$/gm, '')]);
  return {
    texts: englishLeft(reportTexts(en, nl), input),
    pages: faces.map(([face, page, own]) => ({ face, words: englishInPage(page, input, own), page })).filter((p) => p.words.length),
  };
}
