import type { LogTime } from '../types';
import { afterBlanks } from '../char-codes';
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
 * wevtutil's `Event[n]:` (Microsoft Learn's wevtutil page, /f:text) — or `Event[n]` alone on its line, without the colon, as
 * Windows Server 2022's wevtutil printed it (JeftaDirksen/BlockIP issue #1, `wevtutil qe Security /c:2 /rd:true /f:text`); or the XML's root element, also as the browser's XML view shows it and
 * people copy it, each element that has children marked `- ` (`- <Event xmlns=…>`, `- <System>`).
 */
export const EVENT_BLOCK_START = /^(?:(?:Log Name|Protokollname|Logboeknaam|Nom du journal|Nombre de registro|Nome registro)\s*:|Event\[\d+\](?::|\s*$|\s+(?:Log Name|Protokollname|Logboeknaam|Nom du journal|Nombre de registro|Nome registro)\s*:)|(?:- )?<Event[\s>]|Event (?:Type|ID)\s*:|Type\s*:\s*(?:Error|Warning|Information|Success Audit|Failure Audit)(?:\s|$)|(?:Error|Warning|Information)\s*:\s*\d{1,5}(?:\s*$|\s+Source\s*:)|Network Policy Server (?:granted|denied|discarded)\b|Authentication Details:|(?:-\s+)?System(?=\s*$|\s+(?:- |\[ ))|-\s+Provider(?=\s*$|\s+(?:- |\[ )))/;

/**
 * The older Event Viewer's copy (Windows 2000 / 2003 "Copy" in the event's properties: `Event Type:`,
 * `Event Source:`, `Event Category:`, `Event ID:`, `Date:`, `Time:`, `User:`, `Computer:`,
 * `Description:`) and the Windows NT form Microsoft's Knowledge Base quotes (`Event ID: 20050`,
 * `Source: Router`, `Description: …`): English only (their translations not known). Their `Event ID:`
 * also starts a block, but only one that has no id yet is ended by it: inside a block the label
 * is that block's own id (Vista's copy has `Event ID:` after `Log Name:`, 2003's after `Event Type:`).
 *
 * The Knowledge Base's Windows 2000 form puts the level first, `Type: Error`, `Source: …`, `Category: None`, `Event ID: …`,
 * `Description:` (KB 840686 quotes two events so, back to back: a 7024 and a RemoteAccess 20152): its `Type:` line, with one of
 * the five levels Event Viewer shows (English, as the form's labels are), starts a block too. Inside a block it ends only one that
 * has its own `Type:` already — the NT form has it after `Event ID:` and `Source:` (KB Q168683), where it is the block's.
 *
 * Another NT form the Knowledge Base quotes names the level as the id's label, `Error: 20101`, then `Source: Remote Access` and
 * `Description: …` (KB Q135680, an NT 3.51/4.0 RAS server out of client licenses): a line that is a level and a number alone (or
 * with its `Source:` after it, as the block's lines are joined) starts a block, and is its id; inside a block it is another event only when the block has its id already, as `Event ID:` is.
 */
const LEGACY_ID_LINE = /^\s*(?:Event ID\s*:|(?:Error|Warning|Information)\s*:\s*\d{1,5}\s*$)/;
/** The KB's `Error: 20101` line, the level as the id's label (KB Q135680): the id of the block it starts. */
const LEVEL_ID_LINE = /^\s*(?:Error|Warning|Information)\s*:\s*(\d{1,5})(?:\s*$|\s+(?=Source\s*:))/;
const LEGACY_TYPE_LINE = /^\s*Type\s*:/;
// (the level after it: not an NPS message's `Authentication Type:`, nor 2003's `Event Type:`, another label)
const HAS_TYPE_LABEL = /(?:^|(?<!Event)\s)Type\s*:\s*(?:Error|Warning|Information|Success Audit|Failure Audit)\b/;
/**
 * An NPS event's message pasted without Event Viewer's header (forums and blogs quote its first
 * sentence, "Network Policy Server denied access to a user.", or only its "Authentication Details:"
 * part with the reason code): English only (the sentence and the labels are translated).
 */
const NPS_BODY = /^\s*(?:Network Policy Server (?:granted|denied|discarded)\b|Authentication Details:)/;
export const isNpsBody = (text: string): boolean => NPS_BODY.test(text);
/**
 * Whether a line that starts a block ends the pending one: an older copy's `Event ID:` ends only a
 * block that has its id; an NPS message's first line or "Authentication Details:" only a message
 * pasted without header that has its reason code already (inside a pasted event they are its own).
 */
export function endsEventBlock(pending: string, line: string): boolean {
  // (the Details tab's friendly view: its `- Provider` after `- System` is the same event's; any other event's first line ends it)
  if (startsFriendlyView(pending)) return pending.includes(FRIENDLY_NAME) || !FRIENDLY_START.test(line);
  if (FRIENDLY_START.test(line)) return true;
  if (NPS_BODY.test(line)) return NPS_BODY.test(pending) && /Reason Code:/.test(pending);
  if (LEGACY_TYPE_LINE.test(line)) return HAS_TYPE_LABEL.test(pending);
  return !LEGACY_ID_LINE.test(line) || ID_LABEL.test(pending) || LEVEL_ID_LINE.test(pending);
}
/** A label of the older copy written `Source : Router` (the KB's NT form), which reads like a Format-List field: inside such a block it is the block's. */
const LEGACY_BLOCK = /^\s*(?:Event (?:Type|ID)|Type|(?:Error|Warning|Information)(?=\s*:\s*\d{1,5}(?:\s|$)))\s*:/;
const LEGACY_LABEL = /^(?:Source|Type|Category|Description|User|Computer|Date|Time|Event (?:Source|Category|ID|Type))\s*:/;
/**
 * French typography puts a blank before the colon, so a French Event Viewer copy's labels (`Source :`, `Date :`, `Niveau :`,
 * `Utilisateur :`, `Description :`) read like Format-List fields, which pad their names with blanks: inside a block that began
 * with `Nom du journal :`, a one-word label with one blank before its colon is the block's own. (Format-List pads all but its
 * longest name with more than one blank.)
 */
// (wevtutil's text, `Event[0]:` then its labels, assumed translated as Event Viewer's are)
const FRENCH_BLOCK = /^\s*(?:Event\[\d+\]:?\s*)?Nom du journal\s+:/;
const FRENCH_LABEL = /^\S+ : /;
/** A line that looks like a Format-List field but is the pending event block's own label (the older copy's, or a French copy's). */
export const legacyLabelOf = (pending: string, line: string): boolean => (LEGACY_BLOCK.test(pending) && LEGACY_LABEL.test(line)) || (FRENCH_BLOCK.test(pending) && FRENCH_LABEL.test(line));

/**
 * The first characters a block may start with (Lo, Pr, Nom, Net, Ev, Err, War, Inf, <E, Aut, Ty, `- `: every alternative of EVENT_BLOCK_START), tested
 * before the regex: the splitter asks for every line of every log, and a Set lookup per line was a percent of explain-log. Two or
 * three characters, not one: a syslog line of April, August or November (`Apr`, `Aug`, `Nov`) passed a first-letter test and ran
 * the regex on every line (≈ 2 ms per 100 000 lines, a tenth of the line splitter's time).
 */
export function startsEventBlock(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 32 || c === 9) return startsIndented(text);
  if (c > 127) return LOCALISED_LOG_NAME.test(text);
  return mayStartBlock(text, 0) && EVENT_BLOCK_START.test(text);
}

/**
 * The first label of Event Viewer's copy in a language whose `Log Name:` is not listed above (Japanese `ログの名前:`, Russian
 * `Имя журнала:`, Chinese `日志名称:`, …): what decides is its value, the log's own name, which Windows does not translate —
 * `Application`, `System`, `Security`, `Setup`, `ForwardedEvents`, or a channel's `Microsoft-Windows-…/Operational` (real copies:
 * a Japanese `ログの名前:   System` … `イベント ID:  7031` and a Chinese `日志名称:          Security` … `事件 ID:         4688`,
 * test/fixtures/real/server-logs/eventviewer-*-localised-*.txt, SOURCES.md; a Russian `Имя журнала: Application` … `Код события: 1000`
 * in a blog post, search index file id 51994104750).
 * The block's other labels are then read as before (event-viewer-labels.ts). Asked only for a line whose first character is not
 * ASCII (the languages above, and every log's line, start with an ASCII one): no regex on a plain log's lines. The name alone on its
 * line, or the next label right after it (the block's lines joined): not a source whose name begins so (`Источник: Application Error`).
 */
const LOCALISED_LOG_NAME = /^[^\s:<>\d][^:<>\n]{0,40}?[:\uff1a][ \t]*(?:Application|System|Security|Setup|ForwardedEvents|Microsoft-Windows-[\w-]+\/\w+)(?=[ \t]*(?:$|\n)|\s+[^\s:]+[:\uff1a])/u;

function mayStartBlock(text: string, i: number): boolean {
  const b = text.charCodeAt(i + 1);
  switch (text.charCodeAt(i)) {
    case 76 /* L */:
      return b === 111 /* o */;
    case 80 /* P */:
      return b === 114 /* r */;
    case 78 /* N */:
      return (b === 111 /* o */ && text.charCodeAt(i + 2) === 109) /* m */ || (b === 101 /* e */ && text.charCodeAt(i + 2) === 116) /* t */;
    case 69 /* E */:
      return b === 118 /* v */ || (b === 114 /* r */ && text.charCodeAt(i + 2) === 114) /* r */;
    case 87 /* W */:
      return b === 97 /* a */ && text.charCodeAt(i + 2) === 114 /* r */;
    case 73 /* I */:
      return b === 110 /* n */ && text.charCodeAt(i + 2) === 102 /* f */;
    case 60 /* < */:
      return b === 69 /* E */;
    case 65 /* A */:
      return b === 117 /* u */ && text.charCodeAt(i + 2) === 116 /* t */;
    case 84 /* T */:
      return b === 121 /* y */;
    case 45 /* - */:
      return b === 32;
    // (the Friendly View's root, `System` alone, as a forum's copy keeps it without its `- `)
    case 83 /* S */:
      return b === 121 /* y */ && text.charCodeAt(i + 2) === 115 /* s */;
    default:
      return false;
  }
}

/** A block quoted with an indent the paste as a whole did not lose (a Knowledge Base quote inside a Markdown fence: tab and two blanks). */
function startsIndented(text: string): boolean {
  const i = afterBlanks(text, 1);
  // the first-character test before any slice: indented lines are common in other logs (IOS option lines, continuations)
  if (text.charCodeAt(i) > 127) return LOCALISED_LOG_NAME.test(text.slice(i));
  return mayStartBlock(text, i) && EVENT_BLOCK_START.test(text.slice(i));
}

/** Longest event block kept (an NPS 6273 with its XML is about 5 000 characters); longer ones are cut, and still read up to there. */
export const MAX_EVENT_BLOCK_CHARS = 16_000;

/** The block is complete: its XML has ended (`</Event>`), so the next line is not part of it. */
export const eventBlockEnded = (text: string): boolean => text.includes('</Event>');

// Header labels of the text forms (the words parse/wevtutil.ts reads RasClient events by)
const ID_LABEL = new RegExp(String.raw`(?:^|\s)(?:${EVENT_ID_WORDS})\s*:\s*(\d+)`, 'i');
// A source's name of more than one word is kept whole where it is one Windows writes so (`Source: Remote Access Service`, the NT 3.5
// RAS service, KB Q150153's 20077 — before, read as "Remote Access" and so as no RAS source; `Source: Remote Access`, the NT 3.x RAS
// service; `Source: Service Control Manager`, the pre-Vista name of the service manager's events, KB Q168683's 7024/7001 — before, read
// as "Service"; not the start of the RAS services' display names "Remote Access Auto Connection Manager", "Remote Access Connection
// Manager"); any other name is its first word: a block's lines reach this joined, so the next label (in any language) follows it
const SOURCE_LABEL = new RegExp(String.raw`(?:^|\s)(?:${SOURCE_WORDS})\s*:\s*(Remote Access(?: Service)?\b(?! (?:Auto|Connection)\b)|Service Control Manager\b|\S+)`, 'i');
const DATE_LABEL = new RegExp(String.raw`(?:^|\s)(?:${DATE_WORDS})\s*:\s*(\d[\d/.-]+[ T]\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:\s*[AP]M)?)`, 'i');
const DESCRIPTION_LABEL = new RegExp(String.raw`(?:^|\s)(?:${DESCRIPTION_WORDS})\s*:\s*`, 'i');

const LEGACY_DATE = /(?:^|\s)Date\s*:\s*(\d[\d/.-]+\d)\s/i;
const LEGACY_TIME = /(?:^|\s)Time\s*:\s*(\d{1,2}:\d\d(?::\d\d)?(?:\s*[AP]M)?)/i;
function legacyDate(head: string): string | undefined {
  const date = head.match(LEGACY_DATE)?.[1];
  const time = head.match(LEGACY_TIME)?.[1];
  return date && time ? `${date} ${time}` : undefined;
}

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
  /** the event's binary data as hex (`<Binary>B3020000</Binary>`), where it has some */
  binary?: string;
  /** the message as pasted (between Description: and Event Xml:, or the text after the header) */
  message: string;
  /** the message lost its end (a PowerShell table's `...`): no number read as the one it ends with */
  cut?: boolean;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);

/**
 * Event Viewer's Details tab in its Friendly View, selected and copied as text (real copies: a service manager's 7040 in a forensics
 * lab's notes, search index file id 54985435531; an AD FS 411 in a Microsoft Q&A answer, file id 57830179453; a SharePoint 6481 in a
 * blog post, file id 53479473811): the XML's elements as a tree, each element with children marked `- `, attributes as `[ Name]  value`,
 * the event's data under `- EventData` (a value a line; a named one as `Name value`) and its binary data as `Binary data:`, `In Words`
 * `0000: 000002B3`, `In Bytes` `0000: B3 02 00 00  ³...`. Its lines are joined into the block with blanks, so what is read is by the
 * tree's own markers: the provider's `[ Name]`, `- EventID n`, `[ SystemTime]`, and the binary's first word (In Words: the DWORD as
 * Windows shows it, most significant digit first; In Bytes: little-endian). The labels are the tree's element names, which Windows does
 * not translate (the XML's). The insertion strings of an event without names (RemoteAccess 20271: `{NA} corinne 123.207.87.250 The
 * remote connection was denied … 0x10`) are read by the event's structure in eventDataByStructure.
 */
const FRIENDLY_START = /^(?:(?:-\s+)?System|-\s+Provider)(?=\s*$|\s+(?:- |\[ ))/;
const FRIENDLY_NAME = '[ Name]';
const FRIENDLY_SOURCE = /(?:^|\s)\[ Name\]\s+(\S.*?)(?=\s+\[ Guid\]|\s+\[ EventSourceName\]|\s+-\s+EventID\b|\s+-\s|$)/;
const FRIENDLY_ID = /(?:^|\s)(?:-\s+)?EventID\s+(\d{1,5})\b/;
const FRIENDLY_TIME = /\[ SystemTime\]\s+(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/;
const FRIENDLY_DATA = /(?:^|\s)(?:-\s+)?EventData\s+([\s\S]*?)(?=\s+Binary data:|$)/;
const FRIENDLY_WORDS = /Binary data:\s+In Words\s+0000:\s+([0-9A-Fa-f]{8})\b/;
const FRIENDLY_BYTES = /In Bytes\s+0000:\s+((?:[0-9A-Fa-f]{2} ){3}[0-9A-Fa-f]{2})\b/;

/** A block that is the Friendly View's copy (its first line `- System` or `- Provider`, then the provider's `[ Name]`). */
/** A block that began as the Friendly View does (`- System`, `- Provider`), whether or not it named its provider. */
export function startsFriendlyView(text: string): boolean {
  const i = afterBlanks(text, 0);
  const c = text.charCodeAt(i);
  return (c === 45 /* - */ || c === 83) /* S */ && FRIENDLY_START.test(i === 0 ? text : text.slice(i));
}

export const isFriendlyView = (text: string): boolean => text.includes(FRIENDLY_NAME) && startsFriendlyView(text);

/**
 * A line goes on a Friendly View block: before the provider's `[ Name]` only the tree's next markers (`- Provider`, `[ Name]`) — a
 * `System` alone followed by anything else is no tree; after it, anything but another event's first line or another log's line
 * (detect.ts), the data's values being free text.
 */
export const continuesFriendlyView = (pending: string, line: string): boolean => pending.includes(FRIENDLY_NAME) || /^(?:-\s+Provider\b|\[ Name\])/.test(line);

function readFriendlyView(text: string, block: EventBlock): void {
  const source = FRIENDLY_SOURCE.exec(text)?.[1];
  if (source) block.source = source.trim();
  const id = FRIENDLY_ID.exec(text)?.[1];
  if (id) block.id = Number(id);
  const t = FRIENDLY_TIME.exec(text);
  if (t) block.xmlTime = { year: +t[1]!, month: +t[2]!, day: +t[3]!, hour: +t[4]!, minute: +t[5]!, second: +t[6]! };
  const bytes = FRIENDLY_BYTES.exec(text)?.[1];
  const word = FRIENDLY_WORDS.exec(text)?.[1];
  // (In Words shows the DWORD's value: its bytes little-endian, as the XML's <Binary> holds them)
  const binary = bytes ? bytes.replace(/ /g, '') : word ? word.match(/../g)!.reverse().join('') : undefined;
  if (binary) block.binary = binary.toUpperCase();
  const data = FRIENDLY_DATA.exec(text)?.[1]?.trim();
  if (data) {
    block.message = data;
    block.data = eventDataByStructure(data);
  }
}

/**
 * The friendly view's unnamed insertion strings, joined by blanks, apart again by what each is: a leading CoId (`{NA}` or a GUID), then
 * words; where the first words after it are a user (one word, `DOMAIN\user` or `user@realm`) and a dotted quad (RemoteAccess 20271's
 * `%2 connected from %3`, MPRMSG), those two and the rest as one string up to a last `0x…` value (20271's fifth string: the rest is
 * its reason, %4). Anything else stays one string after the CoId: its words cannot be told apart.
 */
export function eventDataByStructure(data: string): string[] {
  const words = data.split(/\s+/);
  const out: string[] = [];
  let i = 0;
  if (/^(?:\{NA\}|\{[0-9A-Fa-f-]{36}\})$/.test(words[0] ?? '')) out.push(words[i++]!);
  if (words.length - i >= 3 && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(words[i + 1]!)) out.push(words[i++]!, words[i++]!);
  const last = words.length > i + 1 && /^0x[0-9A-Fa-f]+$/.test(words[words.length - 1]!) ? words.pop()! : undefined;
  if (i < words.length) out.push(words.slice(i).join(' '));
  if (last) out.push(last);
  return out;
}

export function readEventBlock(text: string): EventBlock {
  if (isFriendlyView(text)) {
    const friendly: EventBlock = { named: {}, data: [], message: '' };
    readFriendlyView(text, friendly);
    return friendly;
  }
  const xmlAt = text.search(/<Event[\s>]/);
  const xml = xmlAt >= 0 ? text.slice(xmlAt) : '';
  const head = xmlAt >= 0 ? text.slice(0, xmlAt) : text;
  const block: EventBlock = { named: {}, data: [], message: '' };
  const xmlId = xml.match(/<EventID[^>]*>\s*(\d+)\s*<\/EventID>/);
  const headId = head.match(ID_LABEL) ?? head.match(LEVEL_ID_LINE);
  const id = xmlId?.[1] ?? headId?.[1];
  if (id !== undefined) block.id = Number(id);
  // attributes in either quote: Event Viewer's XML view writes "…", the XML `wevtutil qe` prints (its default /f:xml) and
  // Get-WinEvent's ToXml() write '…' (IPBan's test events, IPBanTests/TestData/EventViewer/EventViewerTests.txt, are such copies)
  const source = xml.match(/<Provider Name=(["'])([^"']+)\1/)?.[2] ?? head.match(SOURCE_LABEL)?.[1];
  if (source) block.source = source;
  // the older copy puts the time on a line of its own (`Date: 6/9/2012`, `Time: 2:25:49 PM`)
  const date = head.match(DATE_LABEL)?.[1] ?? legacyDate(head);
  if (date) block.date = date;
  const created = xml.match(/<TimeCreated SystemTime=["'](\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/);
  if (created) block.xmlTime = { year: +created[1]!, month: +created[2]!, day: +created[3]!, hour: +created[4]!, minute: +created[5]!, second: +created[6]! };
  for (const m of xml.matchAll(/<Data Name=["']([^"']+)["']\s*>([^<]*)<\/Data>|<Data Name=["']([^"']+)["']\s*\/>/g)) block.named[m[1] ?? m[3]!] = unescapeXml((m[2] ?? '').trim());
  for (const m of xml.matchAll(/<Data>([^<]*)<\/Data>|<Data\s*\/>/g)) block.data.push(unescapeXml((m[1] ?? '').trim()));
  const binary = xml.match(/<Binary>\s*([0-9A-Fa-f]+)\s*<\/Binary>/)?.[1];
  if (binary) block.binary = binary;
  const description = head.match(DESCRIPTION_LABEL);
  // without a Description: label (a copy that dropped it, or a message pasted alone) the message is the whole text: its labels are still found
  block.message = (description ? head.slice(description.index! + description[0].length) : head).replace(/\s*(?:Event Xml|Ereignis-XML|Gebeurtenis-XML|XML de l'événement|XML del evento)\s*:\s*$/i, '').trim();
  return block;
}

/**
 * The labels of an NPS event's message fields (6272–6274), English first (Microsoft Learn, "6273(F): Network Policy Server denied
 * access to a user", the event's template). The message is translated with Windows, labels and all; the other languages' labels
 * are assumed from Windows' translations, not checked against a localised NPS (none was found pasted): German `Ursachencode`,
 * French `Code de raison`, Dutch `Redencode`, Spanish `Código de motivo`, Italian `Codice motivo` for the reason code, and so on.
 * A label missing here leaves its field unknown, except the reason code (npsReasonCode reads it by its place then).
 */
export const NPS_LABELS = {
  reasonCode: ['Reason Code', 'Ursachencode', 'Code de raison', 'Redencode', 'Código de motivo', 'Codice motivo'],
  fullName: ['Fully Qualified Account Name', 'Vollqualifizierter Kontoname', 'Nom de compte qualifié complet', 'Volledig gekwalificeerde accountnaam', 'Nombre de cuenta completo'],
  accountName: ['Account Name', 'Kontoname', 'Nom du compte', 'Accountnaam', 'Nombre de cuenta'],
  authType: ['Authentication Type', 'Authentifizierungstyp', "Type d['\u2019]authentification", 'Verificatietype', 'Tipo de autenticación'],
  eapType: ['EAP Type', 'EAP-Typ', 'Type EAP', 'EAP-type', 'Tipo de EAP'],
  calling: ['Calling Station Identifier', 'ID der anrufenden Station', "Identificateur de la station appelante", 'Id van aanroepend station', 'Identificador de estación que llama'],
  // (English only: another language's NAS fields are found by their values, nps-log.ts mediumInText)
  called: ['Called Station Identifier'],
  portType: ['NAS Port-Type'],
} as const;
type NpsLabel = keyof typeof NPS_LABELS;

const labelled = (label: NpsLabel, value: string): RegExp => new RegExp(String.raw`(?:^|\s)(?:${NPS_LABELS[label].join('|')})\s*:\s*${value}`, 'u');
// a value runs to the next label (a capitalised word or words, in any script's letters, then a colon: `Kontodomäne:`, `Nom du compte :`) or the end.
// A label is at most six words (the template's longest, `Connection Request Policy Name`, has four), and a value does not end with a
// colon: NPS's EAP type names its vendor first, `EAP Type: Microsoft: Smart Card or other certificate` (a wired 802.1X 6273 in a blog
// post, test/fixtures/real/server-logs/nps-6273-message-indented-wired-8021x-…), where `Microsoft:` and the words after it read as a
// value and a long label before — the type was shown as `Microsoft:`
const NEXT_LABEL = String.raw`(?=\s+\p{Lu}[\p{L}\p{M}'\u2019.-]*(?: [\p{L}\p{M}'\u2019.-]+){0,5} ?:\s|\s*$)`;
const FIELD_RES = Object.fromEntries(Object.keys(NPS_LABELS).map((k) => [k, labelled(k as NpsLabel, String.raw`(\S(?:.*?[^\s:])??)${NEXT_LABEL}`)])) as Record<NpsLabel, RegExp>;

/**
 * A field of an NPS event (6272–6274): the XML's named value, else the label in the message (`Reason Code:  16`,
 * `Ursachencode: 16`), the first one when the label repeats (User: comes before Client Machine:).
 * '-' (NPS's "none", also as a dash a web page's typography made of it) and empty values are undefined.
 */
export function npsField(block: EventBlock, xmlName: string, label: NpsLabel): string | undefined {
  const named = block.named[xmlName];
  const value = named ?? block.message.match(FIELD_RES[label])?.[1];
  // (a blog's typography turns NPS's '-' into an en or em dash)
  return value === undefined || value === '' || value === '-' || value === '\u2013' || value === '\u2014' ? undefined : value;
}

const REASON_BY_LABEL = labelled('reasonCode', String.raw`(\d+)\b`);
const REASON_LABEL = labelled('reasonCode', '');
// `Label: 16` (a number alone as a field's value); the last one in the message is the reason code (npsReasonCode)
const NUMBER_FIELD = /[^\s:]\s*:\s*(\d{1,4})(?=\s|$)/gu;

/**
 * An NPS event's reason code: the XML's, else its label's (NPS_LABELS), else — in a language whose label is not in the table — the
 * last field whose value is a number alone: in the event's template the reason code is followed only by the reason's text
 * (Microsoft Learn "Event ID 6273 — NPS Authentication Status", cc735399: … NAS Port %15 … Account Session Identifier %24, Reason Code
 * %25, Reason %26; later Windows add Logging Results and the quarantine fields after it, words or '-'), and the fields that can be
 * numbers (NAS Port, an Account Session Identifier) come before it. `byPlace` only for a message that is an NPS event's.
 */
export function npsReasonCode(block: EventBlock, byPlace: boolean): number | undefined {
  const named = block.named.ReasonCode;
  if (named !== undefined) return /^\d+$/.test(named) ? Number(named) : undefined;
  const labelled = block.message.match(REASON_BY_LABEL)?.[1];
  if (labelled !== undefined) return Number(labelled);
  // a known label without a number (`Reason Code: -`) says there is none: nothing read by place then
  if (!byPlace || REASON_LABEL.test(block.message)) return undefined;
  let last: string | undefined;
  for (const m of block.message.matchAll(NUMBER_FIELD)) last = m[1];
  return last === undefined ? undefined : Number(last);
}

/**
 * The Windows error code a RemoteAccess event keeps as its binary data: a little-endian DWORD (IPBan
 * issue #76, a 20271 whose `<Binary>B3020000</Binary>` is 0x2B3 = 691, the error its reason text is;
 * Get-EventLog shows the same bytes as `Data : {179, 2, 0, 0}`). Undefined without four bytes.
 */
export function dwordOf(hex: string | undefined): number | undefined {
  if (!hex || hex.length < 8) return undefined;
  const b = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
}
