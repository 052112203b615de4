import nlCatalogue from '../../app/core/i18n/nl.json';
import type { Capture } from '../../app/core/capture/capture';
import type { Policy } from '../../app/core/model/policy';
import type { Report } from '../../app/core/model/report';

/**
 * English left in Dutch output, found without a list of English words. A text the person reads is
 * rendered in English and in Dutch from the same capture, and each word of the Dutch rendering must
 * come from somewhere a Dutch reader is meant to get it:
 * - the input (the capture's files, the policy, the corporate networks, the snapshot built from
 *   them): data such as addresses, adapter names and Windows' own output, in whatever language;
 * - the Dutch catalogue (app/core/i18n/nl.json), which holds every Dutch word TunnelMedic writes,
 *   and the names it keeps the same in both languages (KeepRasConnections, MS-CHAP v2).
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
  return words;
})();

/** Report keys that hold machine data, not text for people: ids, codes, numbers, actions and scripts (checked by script-words.test.ts). */
const MACHINE_KEYS = new Set(['id', 'severity', 'risk', 'strength', 'takesEffect', 'requiresAdmin', 'actions', 'rollbackActions', 'winner', 'target', 'viaTunnel', 'source', 'line', 'endLine', 'family', 'families', 'verdict', 'outcome', 'cause', 'code', 'time', 'session', 'peer', 'user', 'unknownLines', 'truncated', 'newestFirst', 'lines', 'blank', 'records', 'understood', 'unknown', 'cmd', 'rollbackCmd', 'ps1', 'rollbackPs1', 'dialect']);
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
  walk(en.serverLogs ?? [], nl.serverLogs ?? [], 'serverLogs');
  return out;
}

/** The words of everything the input holds, as given (case kept: "Not" in a file does not excuse "not"). */
export interface InputWords {
  has(word: string): boolean;
  /** a word the text cut off with "…" */
  hasPrefix(start: string): boolean;
}

export function inputWords(capture: Capture, snapshot: Report['snapshot'], policy: Policy | undefined, corporateNetworks: string[]): InputWords {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of wordsOf(text)) words.add(w);
  };
  for (const f of capture.files.values()) add(f.text);
  add(capture.label);
  if (policy) add(JSON.stringify(policy));
  add(corporateNetworks.join(' '));
  // the snapshot is the input read; its problems are TunnelMedic's words and stay out
  add(JSON.stringify({ ...snapshot, problems: [] }));
  return { has: (w) => words.has(w), hasPrefix: (start) => [...words].some((w) => w.startsWith(start)) };
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
    const words = proseOf(nl).filter((w) => !fromInput(w) && (en === nl || !dutchVocabulary.has(w.replace(/…$/, '').toLowerCase())));
    if (words.length) out.push({ path, en, nl, words: [...new Set(words)] });
  }
  return out;
}
