import { problemAt, type ParseResult } from '../model/problems';
import type { RoutePrintResult } from './types';
import {
  cleanLine,
  columnWordCount,
  isNoiseOrPrompt,
  isNoneWord,
  isOnLinkWord,
  isRoutePrompt,
  isSeparator,
  isV4,
  isBlank,
  isWordy,
  matchFooter,
  matchHeader,
  printedLength,
  matchIfaceRow,
  splitColumns,
  v6Prefix,
} from './route-print-lines';
import { addInterface, continuesDescription, printedWidth } from './route-print-iflist';
import { commonV4Row, completeV6, flushPendingV6, markPersistent, v4Row, v6Row } from './route-print-rows';
import { excerpt, initialState, keepFullerOutput, layoutOf, problem, startAnotherOutput, type State } from './route-print-state';
import { isElisionLine } from './paste-damage';
import { lazyRoutes } from './lazy-routes';
import { lineAt, textLines } from './text-lines';
import { isStarRule, transcriptFrameEnd } from './transcript-frame';

/**
 * Parser for `route print`, `netstat -rn` and `netstat -ar` output of every Windows generation
 * (NT4/2000/XP/2003 and Vista..11), in any display language, including copies damaged by pasting.
 * Every non-empty line is either understood or reported as a Problem with its line number.
 *
 * Pasted damage handled by class (examples in test/fixtures/real): elision lines (`.`, `:`, `[...]`)
 * are reported and change nothing; rows after "Persistent Routes: None" (any language) are reported,
 * not added; rows without any header are read by their shape (5 columns: active route); a second
 * output after a `route print` prompt or a second Interface List is reported and the fuller output
 * kept (on a tie the later one); XP's bare interface number in a row (`10004`) is hexadecimal.
 *
 * This file is the section scanner (which part of the output a line belongs to); the rows are read
 * in route-print-rows.ts, the Interface List in route-print-iflist.ts, the scanner's state and the
 * several-outputs bookkeeping live in route-print-state.ts, line-level shapes and words in
 * route-print-lines.ts.
 */

/** The shortest common IPv4 row and its line break ("0.0.0.0 0.0.0.0 On-link 1.2.3.4 1"): room is reserved by it; more rows still fit. */
const MIN_ROW_CHARS = 34;

export interface RoutePrintOptions {
  /**
   * Also give each route row read in one pass its `source.text` (the row as printed, trimmed), as
   * withSourceText (route-source-text.ts) would; rows it leaves without one are for that to fill in.
   */
  sourceText?: boolean;
}

export function parseRoutePrint(text: string, source = 'route-print.txt', opts: RoutePrintOptions = {}): ParseResult<RoutePrintResult> {
  // The common row is read straight from the text (no line string, no cleaned or trimmed copy);
  // every other line is cleaned when it is read, exactly as before.
  const lines = textLines(typeof text === 'string' ? text : '');
  const cleaned = (i: number) => cleanLine(lineAt(lines, i), i === 0);
  const st = initialState(source, lines.text);
  // room for as many rows as the text can hold (one allocation), but not one per line of a text of
  // short lines that are no rows
  st.routes.reserve(Math.min(lines.count, Math.ceil(lines.text.length / MIN_ROW_CHARS)));
  let spaced: boolean | undefined;
  const doubleSpaced = () => (spaced ??= isDoubleSpaced(lines.count, cleaned));
  const withText = opts.sourceText === true;

  for (let i = 0; i < lines.count; i++) {
    // a line break withSourceText does not see (a lone CR) shifts its line numbers: it fills in from there
    if (!st.pendingV6 && commonV4Row(st, lines.text, lines.starts[i]!, lines.ends[i]!, i + 1, withText && lines.ends[i]! < lines.firstLoneCr)) {
      st.lastIface = null;
      continue;
    }
    const line = cleaned(i);
    const t = line.trim();
    if (t === '') {
      if (st.lastIface && !doubleSpaced()) st.lastIface = null;
      continue;
    }
    if (st.pendingV6) {
      if (isElisionLine(t)) {
        problem(st, i + 1, 'routePrint.elision', { line: excerpt(t) });
        continue;
      }
      if (completeV6(st, t)) continue;
      if (!isStructural(t)) {
        // a note typed between a wrapped IPv6 row and its gateway line: reported, the row still completes
        problem(st, i + 1, 'routePrint.unrecognised', { line: excerpt(t) });
        continue;
      }
      flushPendingV6(st, 'routePrint.v6GatewayMissing');
    }
    const transcriptEnd = isStarRule(t) ? transcriptFrameEnd(lines.count, cleaned, i, isTranscriptLine, isStructural) : -1;
    if (transcriptEnd >= 0) {
      i = transcriptEnd;
      continue;
    }
    const wrapped = st.section === 'iflist' ? null : wrappedRowEnd(st, t, lines.count, cleaned, i);
    if (wrapped) {
      // the row as printed, its end back on it; the line that held the end is read with it
      const whole = `${t} ${wrapped.tail}`;
      const before = st.routes.length;
      classify(st, line, whole, i + 1, nextNonEmptyAfter(lines.count, cleaned, wrapped.at));
      // its evidence is the whole row, not the first line's part (withSourceText keeps a text it finds)
      if (st.routes.length > before) st.routes.at(before).source!.text = whole;
      i = wrapped.at;
      continue;
    }
    classify(st, line, t, i + 1, nextNonEmptyAfter(lines.count, cleaned, i));
  }
  if (st.pendingV6) flushPendingV6(st, 'routePrint.v6TextEnds');
  keepFullerOutput(st);

  const recognised =
    st.routes.length > 0 || st.interfaces.length > 0 || st.persistent.length > 0 || (st.sawTableHeader && st.sawLabel);
  if (!recognised) {
    let first = 0;
    while (first < lines.count && isBlank(cleaned(first))) first++;
    return {
      value: { layout: 'unknown', interfaces: [], routes: [], persistentRoutes: [] },
      problems: [problemAt(source, first < lines.count ? first + 1 : 1, 'routePrint.notRoutePrint')],
    };
  }

  markPersistent(st.routes, st.persistent);
  // the routes stay columns until read (route-rows.ts): routeRowsOf(value) asks them without making them
  const value: RoutePrintResult = lazyRoutes(
    {
      layout: layoutOf(st),
      interfaces: st.interfaces,
      routes: [],
      persistentRoutes: st.persistent,
    },
    st.routes,
  );
  if (st.defaultGateway) value.defaultGateway = st.defaultGateway;
  return { value, problems: st.problems };
}

/**
 * The next non-blank line, when asked. Made outside the loop: a closure there capturing the loop's
 * `i` would give every line (every route row) its own heap-allocated scope.
 */
function nextNonEmptyAfter(count: number, cleaned: (i: number) => string, i: number): () => string {
  return () => nextNonEmpty(count, cleaned, i);
}

function nextNonEmpty(count: number, cleaned: (i: number) => string, i: number): string {
  for (let j = i + 1; j < count; j++) {
    const l = cleaned(j);
    if (!isBlank(l)) return l.trim();
  }
  return '';
}

/**
 * A line of a transcript's header: words, or a label and its value (a version, a date, a path; an
 * empty one: `Configuration Name:`), and nothing a table prints but such a label.
 */
function isTranscriptLine(t: string): boolean {
  const header = matchHeader(t);
  return /\p{L}/u.test(t) && !looksLikeRow(t) && matchIfaceRow(t) === null && !isSeparator(t) && (header === null || header === 'label');
}

/**
 * A route row whose end a copy moved onto the next line: a mail or forum that hard-wraps at 60-76
 * columns (at a blank) breaks the rows `route print` prints 76-79 wide, so the interface or the
 * metric stands alone below (`          0.0.0.0          0.0.0.0      192.168.0.1    192.168.0.124` /
 * `35`). The next line (at most one blank line between: a double-spaced copy) is that end when it
 * holds only what ends a row — addresses, a metric or index, an on-link word — and the two make a
 * whole row that the first line alone is not; never another row's start (two addresses first).
 * (assumed: how mail and forum editors wrap, seen in copies; Windows itself wraps only IPv6 rows)
 */
function wrappedRowEnd(st: State, t: string, count: number, cleaned: (i: number) => string, i: number): { tail: string; at: number } | null {
  if (!isAsciiDigit(t.charCodeAt(0))) return null;
  const tk = splitColumns(t);
  if (tk.length < 2 || tk.length > 4 || !isV4(tk[0]!) || !isV4(tk[1]!)) return null;
  const persistent = st.section === 'persistent';
  if (wholeRow(tk, persistent)) return null;
  for (let j = i + 1; j < count && j <= i + 2; j++) {
    const next = cleaned(j).trim();
    if (next === '') continue;
    const tail = splitColumns(next);
    if (tail.length > 3 || (isV4(tail[0]!) && isV4(tail[1] ?? ''))) return null;
    if (!tail.every((c) => isV4(c) || /^\d{1,15}$/.test(c) || (isOnLinkWord(c) && !isStructural(c)))) return null;
    return wholeRow([...tk, ...tail], persistent) ? { tail: next, at: j } : null;
  }
  return null;
}

/** A whole IPv4 row: active (5 columns or more, the interface an address or index, a metric last) or persistent (4: a metric or word last). */
function wholeRow(tk: string[], persistent: boolean): boolean {
  const last = tk[tk.length - 1]!;
  if (persistent) return tk.length === 4 && isV4(tk[2]!) && !isV4(last);
  const beforeLast = tk[tk.length - 2] ?? '';
  return tk.length >= 5 && /^\d{1,15}$/.test(last) && (isV4(beforeLast) || /^(?:\d{1,6}|0x[0-9A-Fa-f]{1,8})$/.test(beforeLast));
}

/**
 * A blank line after (nearly) every line: a paste that doubled the line breaks. Asked only when a
 * blank line might continue a wrapped interface description, so most tables never clean every line.
 */
function isDoubleSpaced(count: number, cleaned: (i: number) => string): boolean {
  let nonBlank = 0;
  let followed = 0;
  let blank = count > 0 && isBlank(cleaned(0));
  for (let i = 0; i < count; i++) {
    const nextBlank = i + 1 >= count || isBlank(cleaned(i + 1));
    if (!blank) {
      nonBlank++;
      if (nextBlank) followed++;
    }
    blank = nextBlank;
  }
  return nonBlank >= 4 && followed >= nonBlank * 0.8;
}

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

function classify(st: State, line: string, t: string, n: number, next: () => string): void {
  const continuesIface = st.lastIface;
  st.lastIface = null;

  if (commonV4Row(st, t, 0, t.length, n, false)) return;
  // The rows, nearly every line of a big table: a line that opens with two dotted quads is no rule,
  // interface row ("19...", a dotted quad has single dots), prompt, banner or elision line, so it
  // goes straight to the IPv4 row reader.
  const tokens = isAsciiDigit(t.charCodeAt(0)) ? splitColumns(t) : null;
  if (tokens && isV4(tokens[0]!) && tokens.length > 1 && isV4(tokens[1]!)) {
    if (st.promptLine !== null) startAnotherOutput(st, n);
    return v4Row(st, tokens, n, t);
  }

  if (isSeparator(t)) return;

  const iface = matchIfaceRow(t);
  if (iface && st.section !== 'iflist' && st.routes.length > 0) startAnotherOutput(st, n);
  if (iface) return addInterface(st, iface, printedWidth(line));

  if (isRoutePrompt(t)) {
    if (st.routes.length > 0 || st.persistent.length > 0 || st.interfaces.length > 0) st.promptLine = n;
    return;
  }
  if (isNoiseOrPrompt(t)) return;
  if (isElisionLine(t)) {
    // a person's "." / ":" / "[...]" shortening the paste: reported, and the section stays as it was
    if (continuesIface) st.lastIface = continuesIface;
    return problem(st, n, 'routePrint.elision', { line: excerpt(t) });
  }
  // after a prompt running route print again, whatever comes next is the second output
  if (st.promptLine !== null) startAnotherOutput(st, n);

  const tk = tokens ?? splitColumns(t);
  if (isV4(tk[0]!) && tk.length > 1 && isV4(tk[1]!)) return v4Row(st, tk, n, t);
  if (/^\d+$/.test(tk[0]!) && /^\d+$/.test(tk[1] ?? '') && tk[2]?.includes('/')) return v6Row(st, tk, n, t);

  const footer = matchFooter(t);
  if (footer) {
    if (footer.gateway) st.defaultGateway = footer.gateway;
    return;
  }

  if (continuesDescription(continuesIface, line, t)) return;

  const header = matchHeader(t);
  if (header === 'iflist' && st.routes.length > 0) startAnotherOutput(st, n);
  // After "Persistent Routes:" only a new table header can follow; another bare label is noise.
  if (header && !(header === 'label' && st.section === 'persistent')) return enterSection(st, header);

  if (isColumnHeader(st, t, next)) return;
  // "None" in the display language: a lone word right after an Active/Persistent label.
  const inRoutes = st.section === 'active' || st.section === 'persistent';
  if (inRoutes && st.rowsInSection === 0 && (isNoneWord(t) || (isOnLinkWord(t) && !/\s/.test(t) && t.length <= 24))) {
    st.rowsInSection++;
    if (st.section === 'persistent') st.persistentNone = true;
    return;
  }
  if ((st.section === 'none' || st.section === 'table') && isWordy(t) && matchIfaceRow(next())) {
    // An Interface List heading in a language (or mojibake) the word list does not know.
    st.section = 'iflist';
    return;
  }
  problem(st, n, 'routePrint.unrecognised', { line: excerpt(t) });
}

function isColumnHeader(st: State, t: string, next: () => string): boolean {
  // Windows prints column headers only right after a section label, never between rows.
  if (st.rowsInSection > 0 || !isWordy(t) || printedLength(t, 120) > 120) return false;
  const words = columnWordCount(t);
  if (words >= 2) return true;
  if (!/\s/.test(t)) return false;
  if (words === 1 && st.section !== 'none' && st.section !== 'iflist') return true;
  const after = next();
  // a header a copy wrapped (wrappedRowEnd): its rest, with the column words, is on the next line
  return looksLikeRow(after) || (st.section !== 'none' && st.section !== 'iflist' && !/[:：]$/.test(after) && columnWordCount(after) >= 1);
}

/** Anything the table itself prints: a rule, a heading or label, an interface row, a route row or the footer. */
function isStructural(t: string): boolean {
  return isSeparator(t) || matchHeader(t) !== null || matchIfaceRow(t) !== null || looksLikeRow(t) || matchFooter(t) !== null || isRoutePrompt(t) || isNoiseOrPrompt(t);
}

function looksLikeRow(t: string): boolean {
  const tk = splitColumns(t);
  return (isV4(tk[0] ?? '') && isV4(tk[1] ?? '')) || (/^\d+$/.test(tk[0] ?? '') && v6Prefix(tk[2] ?? '') !== null);
}

function enterSection(st: State, header: ReturnType<typeof matchHeader>): void {
  st.rowsInSection = 0;
  st.persistentNone = false;
  switch (header) {
    case 'iflist':
      st.section = 'iflist';
      return;
    case 'table4':
    case 'table6':
      st.section = 'table';
      st.activeSeenInTable = false;
      st.sawTableHeader = true;
      return;
    case 'active':
      st.section = 'active';
      st.activeSeenInTable = true;
      st.sawLabel = true;
      return;
    case 'persistent':
      st.section = 'persistent';
      st.sawLabel = true;
      return;
    default:
      // A label in an unknown language: each table has "Active Routes:" first, then "Persistent Routes:".
      st.section = st.activeSeenInTable ? 'persistent' : 'active';
      st.activeSeenInTable = true;
  }
}
