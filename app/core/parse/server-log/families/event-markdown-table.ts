import { EVENT_ID_WORDS, SOURCE_WORDS } from '../../event-viewer-labels';
import { step, type FamilyState, type Hit } from '../kit';
import type { EventBlock } from './windows-event-block';
import { isRemoteAccessSource } from './remote-access-events';
import { isServiceControlSource } from './service-control-events';
import { FORWARDED_EVENT_SOURCES } from './forwarded-event';

/**
 * A table of events written in Markdown, as Microsoft's support articles list the events a problem logs and as a ticket or a forum
 * post copies them: a header row, its `|---|---|` line, then a row per event. Seen so in KB 2801679 ("SSL/TLS communication problems
 * after you install KB 931125", MicrosoftDocs/SupportArticles-docs, the events table of its Symptoms): `| Event log| Event source|
 * Event ID| Event text |`, then `|System|RemoteAccess|20225|The following error occurred in the Point to Point Protocol module on
 * port: VPN2-509, …|` and `|System|RemoteAccess|20271|The user <username> connected from <IP address> but failed …|`, a last row of
 * empty cells (`|||||`).
 *
 * Each row is read as a pasted event by its source and id (rras.ts eventBlockHit), its text cell as the event's message — so what
 * decides is the id and the source, as for any pasted event. The columns are found by the header's words: the source's and the id's
 * in the languages event-viewer-labels.ts has (`Event source`/`Source`/`Quelle`/`Bron`, `Event ID`/`Ereignis-ID`/`Gebeurtenis-id`;
 * Get-WinEvent's `ProviderName`/`Id`), the message's by `Event text`/`Message`/`Description` (its translations assumed from Event
 * Viewer's detail labels), else the last column. A row pasted without its header is read by shape: the first cell that is a number
 * alone is the id and the cell before it the source — only where that source is one of the VPN's own (RemoteAccess, Router,
 * RasClient, NPS, IAS, the service manager, security auditing), so another Markdown table pasted with a log stays unread.
 */

interface Columns {
  source: number;
  id: number;
  message: number;
}
const KEY = 'markdownEventTable';

/** the row's cells: the text between its pipes (a `\|` inside a cell is Markdown's escaped pipe, kept) */
function cellsOf(text: string): string[] | undefined {
  const t = text.trim();
  if (t.charCodeAt(0) !== 124 /* | */) return undefined;
  const inner = t.endsWith('|') && !t.endsWith('\\|') ? t.slice(1, -1) : t.slice(1);
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const SOURCE_HEAD = new RegExp(String.raw`^(?:event\s+)?(?:${SOURCE_WORDS})$|^provider\s*name$`, 'i');
const ID_HEAD = new RegExp(String.raw`^(?:${EVENT_ID_WORDS}|id|instance\s*id)$`, 'i');
// (the message's column: Event Viewer's detail label, a KB's `Event text`, PowerShell's `Message`; assumed translated as those are)
const MESSAGE_HEAD = /^(?:event\s+)?(?:text|message|description|beschreibung|beschrijving|bericht|meldung|texte|tekst)$/i;
const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const ID_CELL = /^\d{1,5}$/;

/** the header's columns, or undefined when the row names no source and id column */
function headerColumns(cells: readonly string[]): Columns | undefined {
  const source = cells.findIndex((c) => SOURCE_HEAD.test(c));
  const id = cells.findIndex((c) => ID_HEAD.test(c));
  if (source < 0 || id < 0) return undefined;
  const named = cells.findIndex((c) => MESSAGE_HEAD.test(c));
  return { source, id, message: named >= 0 ? named : cells.length - 1 };
}

const KNOWN_SOURCES: ReadonlySet<string> = new Set([...FORWARDED_EVENT_SOURCES, 'Router'].map((s) => s.toLowerCase()));
const isVpnSource = (s: string): boolean => KNOWN_SOURCES.has(s.toLowerCase()) || isRemoteAccessSource(s) || isServiceControlSource(s);

/** a row without a header: the first number alone after a known source, the last non-empty cell after it the message */
function shapeColumns(cells: readonly string[]): Columns | undefined {
  for (let i = 1; i < cells.length; i++) {
    if (!ID_CELL.test(cells[i]!)) continue;
    if (!isVpnSource(cells[i - 1]!)) return undefined;
    let message = cells.length - 1;
    while (message > i && cells[message] === '') message--;
    return { source: i - 1, id: i, message };
  }
  return undefined;
}

/** A line of such a table on its own (claims: the header, or a row by its shape — the caller tests the first `|` before). */
export function isMarkdownEventLine(text: string): boolean {
  const cells = cellsOf(text);
  return cells !== undefined && (headerColumns(cells) !== undefined || shapeColumns(cells) !== undefined);
}

/** A line under a header this log showed: its separator, a row whose source is not a VPN one, an empty row (claimsLeftover). */
export function isMarkdownEventRow(text: string, state: FamilyState): boolean {
  const columns = state[KEY] as Columns | undefined;
  if (!columns || text.charCodeAt(0) !== 124) return false;
  return cellsOf(text) !== undefined;
}

export interface MarkdownRowRead {
  hit: Hit;
  block?: EventBlock;
}

/** The table's line → its frame as such, or a row as the event block it stands for (read by the caller); undefined for another line. */
export function readMarkdownEventLine(text: string, state: FamilyState): MarkdownRowRead | undefined {
  const cells = cellsOf(text);
  if (!cells) return undefined;
  if (SEPARATOR.test(text.trim())) return { hit: step('eventTableHead') };
  const header = headerColumns(cells);
  if (header) {
    state[KEY] = header;
    return { hit: step('eventTableHead') };
  }
  if (cells.every((c) => c === '')) return { hit: step('eventTableEmptyRow') };
  const columns = (state[KEY] as Columns | undefined) ?? shapeColumns(cells);
  if (!columns) return undefined;
  const id = cells[columns.id] ?? '';
  const source = cells[columns.source] ?? '';
  if (!ID_CELL.test(id) || source === '') return undefined;
  return { hit: step('eventTableHead'), block: { id: Number(id), source, named: {}, data: [], message: cells[columns.message] ?? '' } };
}
