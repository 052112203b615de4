import { isDottedQuad } from './ipv4-dotted';
import { forEachDuplicate } from './lmhosts-duplicates';
import { MAX_NAME, plainEntry } from './lmhosts-plain-entry';
import { lineAt, textLines, type TextLines } from './text-lines';
import { problemAt, type ParseResult, type Problem } from '../model/problems';
import type { ProblemCode, ProblemParams } from '../i18n/problem-text';

/** Reports a line NetBT would misread: the template of problem-text.ts and its values. */
type Issue = (line: number, code: ProblemCode, params?: ProblemParams) => void;

/**
 * LMHOSTS (windows-reference.md §3; lmhosts.sam; KB Q180094, Q102725, Q104576): one entry per
 * line, "address  name  [#PRE] [#DOM:domain] [#MH]  [#comment]". A quoted name may carry
 * `\0xNN` escapes; a service name is padded with spaces to 15 characters and the escape is the
 * 16th byte (e.g. "CORP           \0x1B" = CORP<1B>). Lines starting with `#INCLUDE`,
 * `#BEGIN_ALTERNATE`, `#END_ALTERNATE` (and NT 3.1's `#BEGIN_INCLUDE`/`#END_INCLUDE`) are
 * directives; every other `#` line is a comment (so "# #INCLUDE" in the stock sample is inactive).
 * The raw text and its line endings are kept so an edit can leave the rest byte for byte.
 */

export interface LmhostsEntry {
  line: number;
  address: string;
  /** the name as written, without the quotes */
  rawName: string;
  /** the 16-byte NetBIOS name NetBT builds: padded with spaces; `suffix` is its last byte */
  name: string;
  suffix?: number;
  quoted: boolean;
  pre: boolean;
  domain?: string;
  mh: boolean;
}

export interface LmhostsDirective {
  line: number;
  kind: 'include' | 'begin-alternate' | 'end-alternate' | 'begin-include' | 'end-include';
  target?: string;
}

export interface LmhostsFile {
  entries: LmhostsEntry[];
  directives: LmhostsDirective[];
  lineEnding: 'crlf' | 'lf' | 'mixed' | 'none';
  lineCount: number;
  /** problems of the file itself (the lmhosts.syntax rule reports these) */
  issues: Problem[];
}

export function parseLmhosts(text: string, source = 'lmhosts'): ParseResult<LmhostsFile> {
  const issues: Problem[] = [];
  const lines = textLines(text);
  // split's trailing empty string after a final line break is no line
  const lineCount = lines.count > 1 && lines.starts[lines.count - 1] === lines.ends[lines.count - 1] ? lines.count - 1 : lines.count;
  const crlf = countOf(text, '\r\n');
  const lf = countOf(text, '\n') - crlf;
  const lineEnding = crlf === 0 && lf === 0 ? 'none' : crlf === 0 ? 'lf' : lf === 0 ? 'crlf' : 'mixed';
  const issue: Issue = (line, code, params) => issues.push(problemAt(source, line, code, params));
  const { entries, directives } = readLines(lines, lineCount, issue);
  forEachDuplicate(entries, (e, first) => {
    // both #MH: one multihomed host, as meant
    if (first.mh && e.mh) return;
    issue(e.line, 'lmhosts.duplicateName', { name: describeName(e), first: first.line });
  });
  return { value: { entries, directives, lineEnding, lineCount, issues }, problems: [] };
}

/**
 * The entries and directives of the first `lineCount` lines. A function of its own, apart from the
 * duplicates: V8 compiles this loop while it runs (on-stack replacement), and compiled code that
 * also held the duplicate search ran into that code before it had ever run, was thrown away, and
 * was compiled again in each of a process's first scans.
 */
function readLines(lines: TextLines, lineCount: number, issue: Issue): { entries: LmhostsEntry[]; directives: LmhostsDirective[] } {
  const entries: LmhostsEntry[] = [];
  const directives: LmhostsDirective[] = [];
  const text = lines.text;
  let alternateOpen: number | undefined;

  for (let i = 0; i < lineCount; i++) {
    const n = i + 1;
    // the plain entry line ("10.0.0.10   HOST   #PRE") read straight from the text; anything else below
    const plain = plainEntry(text, lines.starts[i]!, lines.ends[i]!, n);
    if (plain === null) continue;
    if (plain !== undefined) {
      entries.push(plain);
      continue;
    }
    const raw = lineAt(lines, i);
    const line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line)) {
      issue(n, 'lmhosts.binary');
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      const directive = /^#(INCLUDE|BEGIN_ALTERNATE|END_ALTERNATE|BEGIN_INCLUDE|END_INCLUDE)\b\s*(.*)$/i.exec(trimmed);
      if (!directive) continue; // a comment
      const word = directive[1]!.toUpperCase();
      if (word === 'INCLUDE') {
        const target = directive[2]!.replace(/\s+#.*$/, '').replace(/^"(.*)"$/, '$1').trim();
        if (!target) issue(n, 'lmhosts.includeWithoutFile');
        directives.push({ line: n, kind: 'include', target });
        const server = /^\\\\([^\\]+)\\/.exec(target)?.[1];
        if (server && !entries.some((e) => e.pre && e.name.trim().toUpperCase() === server.toUpperCase())) {
          issue(n, 'lmhosts.includeServerUnmapped', { server });
        }
      } else if (word === 'BEGIN_ALTERNATE') {
        if (alternateOpen !== undefined) issue(n, 'lmhosts.alternateNested', { opened: alternateOpen });
        alternateOpen = n;
        directives.push({ line: n, kind: 'begin-alternate' });
      } else if (word === 'END_ALTERNATE') {
        if (alternateOpen === undefined) issue(n, 'lmhosts.endWithoutBegin');
        else if (!directives.some((d) => d.kind === 'include' && d.line > alternateOpen!)) issue(n, 'lmhosts.alternateEmpty', { opened: alternateOpen });
        alternateOpen = undefined;
        directives.push({ line: n, kind: 'end-alternate' });
      } else {
        directives.push({ line: n, kind: word === 'BEGIN_INCLUDE' ? 'begin-include' : 'end-include' });
      }
      continue;
    }
    const entry = parseEntry(trimmed, n, issue);
    if (entry) entries.push(entry);
  }
  if (alternateOpen !== undefined) issue(alternateOpen, 'lmhosts.beginWithoutEnd');
  return { entries, directives };
}

/** How often `what` occurs in `text` (no array of matches). */
function countOf(text: string, what: string): number {
  let count = 0;
  for (let at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length)) count++;
  return count;
}

export function describeName(e: Pick<LmhostsEntry, 'name' | 'suffix' | 'quoted' | 'rawName'>): string {
  return e.quoted ? `"${e.rawName}"` : e.rawName;
}

function parseEntry(text: string, n: number, issue: Issue): LmhostsEntry | undefined {
  const addr = /^(\S+)\s+(.*)$/.exec(text);
  if (!addr) {
    issue(n, 'lmhosts.addressWithoutNameLine', { line: text.slice(0, 80) });
    return undefined;
  }
  const address = addr[1]!;
  // four decimal parts 0–255 without leading zeros: ipaddr.js's isValidFourPartDecimal (ipv4-dotted.ts is tested against it)
  if (!isDottedQuad(address)) {
    issue(n, 'lmhosts.notAnAddress', { address: address.slice(0, 40) });
    return undefined;
  }
  let rest = addr[2]!;
  let rawName: string;
  let quoted = false;
  if (rest.startsWith('"')) {
    const end = rest.indexOf('"', 1);
    if (end < 0) {
      issue(n, 'lmhosts.quoteNotClosed');
      return undefined;
    }
    rawName = rest.slice(1, end);
    rest = rest.slice(end + 1);
    quoted = true;
  } else {
    const m = /^(\S+)(.*)$/.exec(rest)!;
    rawName = m[1]!;
    rest = m[2]!;
    if (rawName.startsWith('#')) {
      issue(n, 'lmhosts.addressWithoutName', { address });
      return undefined;
    }
  }
  const decoded = decodeName(rawName, quoted, n, issue);
  if (decoded === undefined) return undefined;

  const entry: LmhostsEntry = { line: n, address, rawName, name: decoded.name, quoted, pre: false, mh: false };
  if (decoded.suffix !== undefined) entry.suffix = decoded.suffix;
  for (const token of rest.trim().split(/\s+/).filter(Boolean)) {
    const word = token.toUpperCase();
    if (word === '#PRE') entry.pre = true;
    else if (word === '#MH') entry.mh = true;
    else if (word.startsWith('#DOM:')) {
      const domain = token.slice(5);
      if (!domain) issue(n, 'lmhosts.domWithoutDomain');
      else if (domain.length > MAX_NAME) issue(n, 'lmhosts.domainTooLong', { domain, max: MAX_NAME });
      entry.domain = domain;
    } else if (token.startsWith('#')) break; // the rest is a comment
    else {
      issue(n, 'lmhosts.unexpectedToken', { token: token.slice(0, 40) });
      break;
    }
  }
  if (entry.domain !== undefined && !entry.pre) {
    issue(n, 'lmhosts.domWithoutPre', { domain: entry.domain, name: rawName });
  }
  return entry;
}

/** NetBT's 16-byte name: `\0xNN` escapes decoded, padded with spaces; the 16th byte is the suffix. */
function decodeName(raw: string, quoted: boolean, n: number, issue: Issue): { name: string; suffix?: number } | undefined {
  if (!quoted) {
    if (/\\0x/i.test(raw)) issue(n, 'lmhosts.escapeUnquoted', { name: raw });
    if (raw.length > MAX_NAME) issue(n, 'lmhosts.nameTooLong', { name: raw, length: raw.length, max: MAX_NAME });
    return { name: raw.slice(0, MAX_NAME) };
  }
  let name = '';
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === '\\' && /^\\0x/i.test(raw.slice(i, i + 3))) {
      const hex = /^\\0x([0-9a-f]{2})/i.exec(raw.slice(i));
      if (!hex) {
        issue(n, 'lmhosts.escapeDigits', { name: raw });
        return undefined;
      }
      bytes.push(parseInt(hex[1]!, 16));
      name += String.fromCharCode(parseInt(hex[1]!, 16));
      i += 5;
    } else {
      name += raw[i];
      i++;
    }
  }
  if (name.includes('\t')) issue(n, 'lmhosts.tabPadding', { name: raw });
  if (name.length > MAX_NAME + 1) {
    issue(n, 'lmhosts.decodedTooLong', { name: raw, length: name.length });
    return { name: name.slice(0, MAX_NAME) };
  }
  if (bytes.length > 0 && name.length < MAX_NAME + 1) {
    const base = raw.replace(/\\0x[0-9a-f]{2}/gi, '');
    issue(n, 'lmhosts.suffixNotPadded', { name: raw, max: MAX_NAME, example: `${base.padEnd(MAX_NAME, ' ')}${raw.slice(base.length)}` });
  }
  if (name.length === MAX_NAME + 1) return { name: name.slice(0, MAX_NAME), suffix: name.charCodeAt(MAX_NAME) };
  return { name };
}
