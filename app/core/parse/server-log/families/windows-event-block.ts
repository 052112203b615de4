import type { LogTime } from '../types';
import { DATE_WORDS, DESCRIPTION_WORDS, EVENT_ID_WORDS, SOURCE_WORDS } from '../../event-viewer-labels';

/**
 * One Windows event as people paste it from the server: Event Viewer's "Copy details as text"
 * (a `Log Name:` … `Description:` header, the message, and usually `Event Xml:` with the event's
 * XML), `wevtutil qe … /f:text` (`Event[0]:` and the same fields, indented), or the XML alone
 * (`<Event xmlns=…>` … `</Event>`). The line splitter joins such a block into one record (detect.ts
 * `continues`), lines separated by a blank, so a forum copy that put every label and its value on
 * lines of their own (`Reason Code:` / `7`) reads as `Reason Code: 7` all the same.
 *
 * What decides is state, not the message's words (they are translated): the event id, the provider,
 * and the XML's `<Data>` values — by name where the event has names (NPS 6272–6274: `ReasonCode`,
 * `FullyQualifiedSubjectUserName`, `CallingStationID`, Microsoft Learn "Event ID 6273 — NPS
 * Authentication Status"), by position where it has none (RemoteAccess, RasClient). Without XML,
 * the header labels are read in the languages below and the message's fields by their English
 * labels only; what is not found is left unknown rather than guessed.
 */

/**
 * The first label of a pasted event: `Log Name:` in English and, assumed from Windows' translations
 * (not checked against a localised Event Viewer), German, Dutch, French, Spanish and Italian; or
 * wevtutil's `Event[n]:`; or the XML's root element.
 */
export const EVENT_BLOCK_START = /^(?:(?:Log Name|Protokollname|Logboeknaam|Nom du journal|Nombre de registro|Nome registro)\s*:|Event\[\d+\]:|<Event[\s>])/;

/**
 * The first characters a block may start with (L, P, N, E, <), tested before the regex: the splitter
 * asks for every line of every log, and a Set lookup per line was a percent of explain-log.
 */
export function startsEventBlock(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 76 || c === 80 || c === 78 || c === 69 || c === 60) && EVENT_BLOCK_START.test(text);
}

/** Longest event block kept (an NPS 6273 with its XML is about 5 000 characters); longer ones are cut, and still read up to there. */
export const MAX_EVENT_BLOCK_CHARS = 16_000;

/** The block is complete: its XML has ended (`</Event>`), so the next line is not part of it. */
export const eventBlockEnded = (text: string): boolean => text.includes('</Event>');

// Header labels of the text forms (the words parse/wevtutil.ts reads RasClient events by)
const ID_LABEL = new RegExp(String.raw`(?:^|\s)(?:${EVENT_ID_WORDS})\s*:\s*(\d+)`, 'i');
const SOURCE_LABEL = new RegExp(String.raw`(?:^|\s)(?:${SOURCE_WORDS})\s*:\s*(\S+)`, 'i');
const DATE_LABEL = new RegExp(String.raw`(?:^|\s)(?:${DATE_WORDS})\s*:\s*(\d[\d/.-]+[ T]\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:\s*[AP]M)?)`, 'i');
const DESCRIPTION_LABEL = new RegExp(String.raw`(?:^|\s)(?:${DESCRIPTION_WORDS})\s*:\s*`, 'i');

export interface EventBlock {
  id?: number;
  /** the provider (Event Viewer's "Source") */
  source?: string;
  /** the Date field as written (local time), else the XML's TimeCreated (UTC) */
  date?: string;
  xmlTime?: LogTime;
  /** <Data Name="…">value</Data> */
  named: Record<string, string>;
  /** <Data>value</Data> without a name, in order (the event's insertion strings) */
  data: string[];
  /** the message as pasted (between Description: and Event Xml:, or the text after the header) */
  message: string;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);

export function readEventBlock(text: string): EventBlock {
  const xmlAt = text.search(/<Event[\s>]/);
  const xml = xmlAt >= 0 ? text.slice(xmlAt) : '';
  const head = xmlAt >= 0 ? text.slice(0, xmlAt) : text;
  const block: EventBlock = { named: {}, data: [], message: '' };
  const xmlId = xml.match(/<EventID[^>]*>\s*(\d+)\s*<\/EventID>/);
  const headId = head.match(ID_LABEL);
  const id = xmlId?.[1] ?? headId?.[1];
  if (id !== undefined) block.id = Number(id);
  const source = xml.match(/<Provider Name="([^"]+)"/)?.[1] ?? head.match(SOURCE_LABEL)?.[1];
  if (source) block.source = source;
  const date = head.match(DATE_LABEL)?.[1];
  if (date) block.date = date;
  const created = xml.match(/<TimeCreated SystemTime="(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/);
  if (created) block.xmlTime = { year: +created[1]!, month: +created[2]!, day: +created[3]!, hour: +created[4]!, minute: +created[5]!, second: +created[6]! };
  for (const m of xml.matchAll(/<Data Name="([^"]+)"\s*>([^<]*)<\/Data>|<Data Name="([^"]+)"\s*\/>/g)) block.named[m[1] ?? m[3]!] = unescapeXml((m[2] ?? '').trim());
  for (const m of xml.matchAll(/<Data>([^<]*)<\/Data>|<Data\s*\/>/g)) block.data.push(unescapeXml((m[1] ?? '').trim()));
  const description = head.match(DESCRIPTION_LABEL);
  block.message = (description ? head.slice(description.index! + description[0].length) : '').replace(/\s*(?:Event Xml|Ereignis-XML|Gebeurtenis-XML|XML de l'événement|XML del evento)\s*:\s*$/i, '').trim();
  return block;
}

/**
 * A field of an NPS event (6272–6274): the XML's named value, else the English label in the message
 * (`Reason Code:  16`), the first one when the label repeats (User: comes before Client Machine:).
 * '-' (NPS's "none") and empty values are undefined.
 */
export function npsField(block: EventBlock, xmlName: string, label: string): string | undefined {
  const named = block.named[xmlName];
  const value = named ?? block.message.match(new RegExp(`(?:^|\\s)${label}:\\s*(\\S(?:.*?\\S)??)(?=\\s+[A-Z][A-Za-z -]*:\\s|\\s*$)`))?.[1];
  return value === undefined || value === '' || value === '-' ? undefined : value;
}
