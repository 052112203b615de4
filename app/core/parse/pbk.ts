import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { readEntry, type PbkEntry } from './pbk-entry';
import type { PbkDocument, PbkGroupKind, PbkLine, PbkSection } from './pbk-document';

export type { PbkDocument, PbkGroupKind, PbkLine, PbkSection, PbkValue } from './pbk-document';

/**
 * rasphone.pbk (windows-reference.md §6): an INI-like file that Windows itself rewrites. We keep
 * every raw line with its own line ending, so `serialisePbk(parsePbk(x).value) === x` for any
 * string — comments, key order, repeated keys (multi-line hex blobs), unknown keys, CRLF/LF/mixed,
 * non-ASCII entry names. Interpretation (pbk-entry.ts) reads from this, never rewrites it; edits
 * (setPbkValue) touch exactly one line.
 */

export interface PbkParsed {
  document: PbkDocument;
  entries: PbkEntry[];
}

/** A line longer than this is not a phonebook value (real hex blob lines are 128 characters). */
export const PBK_MAX_LINE = 64 * 1024;

const SUBGROUP = new Set(['NETCOMPONENTS', 'MEDIA', 'DEVICE']);

export function splitLines(text: string): PbkLine[] {
  const lines: PbkLine[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(last, m.index), eol: m[0] });
    last = re.lastIndex;
  }
  if (last < text.length || lines.length === 0) lines.push({ text: text.slice(last), eol: '' });
  return lines;
}

export function serialisePbk(doc: PbkDocument): string {
  let out = '';
  for (const l of doc.lines) out += l.text + l.eol;
  return out;
}

const headerName = (text: string): string | null => {
  const t = text.replace(/^\uFEFF/, '').trimEnd();
  return t.startsWith('[') && t.endsWith(']') && t.length >= 2 ? t.slice(1, -1) : null;
};

/** Structure only: sections, key/value lines, sub-groups. Never throws; odd lines become problems. */
export function parsePbkDocument(text: string, source = 'rasphone.pbk'): ParseResult<PbkDocument> {
  const lines = splitLines(text);
  const sections: PbkSection[] = [];
  const problems: Problem[] = [];
  let current: PbkSection | null = null;
  let group: PbkGroupKind = 'entry';
  let groupIndex = 0;
  lines.forEach((line, index) => {
    const n = index + 1;
    if (line.text.length > PBK_MAX_LINE) {
      problems.push(problemAt(source, n, 'pbk.lineTooLong', { length: line.text.length }));
      return;
    }
    const name = headerName(line.text);
    if (name !== null) {
      if (current) current.end = index;
      current = { name, index, end: lines.length, values: [] };
      sections.push(current);
      group = 'entry';
      groupIndex = 0;
      return;
    }
    const t = line.text.trim();
    if (t === '' || t.startsWith(';') || t.startsWith('#')) return;
    const eq = line.text.indexOf('=');
    if (eq <= 0) {
      problems.push(problemAt(source, n, 'pbk.notKeyValue', { line: JSON.stringify(t.slice(0, 80)) }));
      return;
    }
    if (!current) {
      problems.push(problemAt(source, n, 'pbk.valueBeforeEntry'));
      return;
    }
    const key = line.text.slice(0, eq).trim();
    if (SUBGROUP.has(key)) {
      group = key as PbkGroupKind;
      groupIndex++;
    }
    current.values.push({ key, value: line.text.slice(eq + 1), index, group, groupIndex });
  });
  const seen = new Map<string, number>();
  for (const s of sections) {
    // RasEnumEntries works by name; which of two same-named entries Windows dials is not documented.
    const first = seen.get(s.name.toLowerCase());
    if (first !== undefined) problems.push(problemAt(source, s.index + 1, 'pbk.entryTwice', { name: s.name, first }));
    else seen.set(s.name.toLowerCase(), s.index + 1);
  }
  if (text.trim() !== '' && sections.length === 0) problems.push(problemAt(source, undefined, 'pbk.notAPhonebook'));
  return { value: { lines, sections }, problems };
}

/** Structure plus typed entries (pbk-entry.ts) with the keys that matter for diagnosis. */
export function parsePbk(text: string, source = 'rasphone.pbk'): ParseResult<PbkParsed> {
  const doc = parsePbkDocument(text, source);
  const problems = [...doc.problems];
  const entries = doc.value.sections.map((s) => readEntry(s, source, problems));
  return { value: { document: doc.value, entries }, problems };
}

// ---- lossless edits (for the lasting split-tunnel fix): one line changes, everything else stays ----

export interface PbkEdit {
  entry: string;
  key: string;
  /** the value before the edit; null = the key was absent (undo removes the line again) */
  previous: string | null;
  value: string;
  /** 0-based line index that was changed or inserted */
  index: number;
}

export class PbkEditError extends Error {}

function findSection(doc: PbkDocument, entry: string): PbkSection {
  const matches = doc.sections.filter((s) => s.name === entry);
  if (matches.length === 0) throw new PbkEditError(`no entry [${entry}] in the phonebook`);
  if (matches.length > 1) throw new PbkEditError(`entry [${entry}] appears ${matches.length} times; refusing to guess which one to edit`);
  return matches[0]!;
}

/** The file's own line ending (the first one it uses), so inserted lines match their neighbours. */
function fileEol(doc: PbkDocument): string {
  return doc.lines.find((l) => l.eol !== '')?.eol ?? '\r\n';
}

/**
 * Sets `key=value` among the entry's own keys (not in a MEDIA/DEVICE sub-group). An existing key is
 * changed in place; a missing one is inserted after the entry's last own key. Refuses repeated keys
 * (multi-line blobs) and values with line breaks, so the result always parses back to the same entries.
 */
export function setPbkValue(text: string, entry: string, key: string, value: string): { text: string; edit: PbkEdit } {
  if (/[\r\n]/.test(value) || /[\r\n=[]/.test(key) || key.trim() !== key || key === '') throw new PbkEditError(`refusing to write ${JSON.stringify(key)}=${JSON.stringify(value)}: line breaks, "=" or "[" would change the file's structure`);
  if (SUBGROUP.has(key)) throw new PbkEditError(`${key} starts a sub-group; not editable as a value`);
  const doc = parsePbkDocument(text).value;
  const section = findSection(doc, entry);
  const own = section.values.filter((v) => v.groupIndex === 0);
  const hits = own.filter((v) => v.key === key);
  if (hits.length > 1) throw new PbkEditError(`${key} is repeated in [${entry}] (a multi-line value); not editable as one value`);
  const lines = doc.lines.map((l) => ({ ...l }));
  let index: number;
  let previous: string | null;
  if (hits[0]) {
    index = hits[0].index;
    previous = hits[0].value;
    lines[index] = { text: `${key}=${value}`, eol: lines[index]!.eol };
  } else {
    previous = null;
    const after = own.length ? own[own.length - 1]!.index : section.index;
    index = after + 1;
    const eol = fileEol(doc);
    if (lines[after]!.eol === '') {
      // inserting after the last line, which has no newline: it gets one, the new line does not
      lines[after] = { ...lines[after]!, eol };
      lines.splice(index, 0, { text: `${key}=${value}`, eol: '' });
    } else {
      lines.splice(index, 0, { text: `${key}=${value}`, eol });
    }
  }
  return { text: serialisePbk({ lines, sections: [] }), edit: { entry, key, previous, value, index } };
}

/** Exact inverse of setPbkValue: applied to its output it gives back the original text. */
export function undoPbkEdit(text: string, edit: PbkEdit): string {
  const lines = splitLines(text);
  const line = lines[edit.index];
  if (!line || line.text !== `${edit.key}=${edit.value}`) throw new PbkEditError(`line ${edit.index + 1} is no longer ${edit.key}=${edit.value}; the phonebook changed since the edit (restore the backup instead)`);
  if (edit.previous !== null) {
    lines[edit.index] = { text: `${edit.key}=${edit.previous}`, eol: line.eol };
  } else {
    lines.splice(edit.index, 1);
    // a removed line without newline was inserted at the very end of such a file: take back the newline we added
    if (line.eol === '' && edit.index === lines.length && lines.length > 0) lines[lines.length - 1] = { ...lines[lines.length - 1]!, eol: '' };
  }
  return serialisePbk({ lines, sections: [] });
}
