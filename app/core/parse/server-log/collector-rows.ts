import type { LogTime } from './types';
import { MONTH_GROUP, monthOf } from './prefixed';
import { isDigit } from './char-codes';

/**
 * A syslog collector's own columns around a device's line: the collector's time and the sender's address or name, then the
 * message as the device sent it (after its priority). Only the columns are read here; the device's line in the message column
 * is read by the caller (prefix-shapes.ts underCollector), as the device's own line, with these as its header where it has none.
 */
export interface CollectorColumns {
  time: LogTime | undefined;
  host: string | undefined;
  message: string;
}

/**
 * Kiwi Syslog Server's log file (its "Log to file" action, `SyslogCatchAll.txt`): `date time<TAB>Facility.Level<TAB>host<TAB>message`.
 * The formats its documentation lists (Lire::Syslog(3pm), "Kiwi Syslog (ISO date format)", "(US date format)" and
 * "(DD-MM-YYYY date format)"; SolarWinds SEM "Syslog data format": `DateTime (YYYY-MM-DD HH:MM:SS)[TAB] Priority
 * (Facility.Level) [TAB] Hostname [TAB] Message`): `YYYY-MM-DD HH:MM:SS`, `MM-DD-YYYY HH:MM:SS` or `DD-MM-YYYY HH:MM:SS`,
 * a tab, the priority as Kiwi names it (`Local7.Debug`, `Local4.Info`, `Daemon.Info`), a tab, the sender, a tab, the message
 * as received without its `<PRI>`. Real rows (search index files 28606758101, 1976027458, 2340114827: a FWSM's, SIP phones'
 * under "KIWI Syslog r8.x, default ISO log file format"): `2010-08-11 08:33:40\tLocal4.Info\t10.0.100.2\tAug 11 2009 11:28:02:
 * %FWSM-6-302013: …`. The facility word is read as any word with an optional digit (assumed: the guide lists Kern … Local7).
 */
const KIWI_AFTER_TIME = /^(?:\t| +)[A-Za-z]+\d?\.[A-Za-z]+\t([^\t]*)\t(.*)$/;
/**
 * Kiwi's log file written comma-delimited: the same columns with commas, the message quoted as RFC 4180 quotes a cell, its own
 * quotes doubled. Kiwi's documentation of the layout was not found (its "Log to file" formats are in the admin guide, not in the
 * search index); a real row, the comment of a Trisul input filter that reads a Kiwi file of NetFlow records an ArcSight
 * forwarded (trisulnsm/trisul-scripts lua/frontend_scripts/inputfilter/kiwisyslog.lua): `2017-03-21 11:07:13,Local7.Debug,
 * 172.24.21.58,"""srcaddr=…,flow_sequence=1044333853"""`. A bare message (no quote first) is taken whole, commas and all
 * (assumed: a message without a comma or quote left unquoted, as CSV writers do); the US and day-first dates as in the tab layout (assumed).
 */
const KIWI_COMMA_AFTER_TIME = /^,[A-Za-z]+\d?\.[A-Za-z]+,([^,]*),(.*)$/;
/** Kiwi's ISO date and time before a comma (`2017-03-21 11:07:13,…`; read by the caller only after a `dddd-` and a comma 20th) */
const KIWI_ISO_COMMA = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),/;
/** the US and day-first dates: `MM-DD-YYYY HH:MM:SS` or `DD-MM-YYYY HH:MM:SS` (read by the caller only after a `dd-dd-dddd ` look) */
const KIWI_OTHER_DATE = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)/;

/**
 * A Kiwi row whose ISO date and time the caller read (`time`; `rest`: the text right after the seconds), or undefined. The
 * seconds are followed by the tab at once (Kiwi writes no fraction), or by blanks where an editor or a mail turned that first
 * tab into them (one of the real rows above) — the tabs after the priority and the host must be there.
 */
export function kiwiAfterIsoTime(time: LogTime, rest: string): CollectorColumns | undefined {
  const c = rest.charCodeAt(0);
  if (c === 44 /* , */) return kiwiCommaColumns(time, rest);
  if (c !== 9 && c !== 32) return undefined;
  const m = KIWI_AFTER_TIME.exec(rest);
  return m ? { time, host: m[1] || undefined, message: m[2]! } : undefined;
}

/** The comma-delimited row's columns after its time (KIWI_COMMA_AFTER_TIME), the message unquoted. */
function kiwiCommaColumns(time: LogTime, rest: string): CollectorColumns | undefined {
  const m = KIWI_COMMA_AFTER_TIME.exec(rest);
  if (!m) return undefined;
  const message = m[2]!.charCodeAt(0) === 34 ? splitRow(m[2]!, 44)[0]! : m[2]!;
  return message === '' ? undefined : { time, host: m[1] || undefined, message };
}

/** A comma-delimited Kiwi row with an ISO date (`2017-03-21 11:07:13,Local7.Debug,…`), or undefined. */
export function kiwiIsoComma(text: string): CollectorColumns | undefined {
  const m = KIWI_ISO_COMMA.exec(text);
  return m ? kiwiCommaColumns({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, text.slice(19)) : undefined;
}

/**
 * The Dude's syslog file (MikroTik's network monitor: its syslog server, and its notifications of type "log to syslog", write to
 * text files in its `files/` folder): `YYYY.MM.DD-HH:MM:SS <sender address>: message` — the receiver's local time with dots in
 * the date and a dash before the time, the sender in angle brackets, the message as received (a project's notes on six years of
 * these files: `2025.11.23-14:53:39 <IP-DEL-SERVIDOR>: Service ping on … is now down (timeout)`, and a RouterOS that logged to the
 * same server, its lines quoted as `<H>: pptp,ppp,info ponte: usuario-fs: …`; search index file 59002693929; a report generator
 * for a MikroTik's L2TP log-ins writes its test rows the same way, `%Y.%m.%d-%H:%M:%S <name>: l2tp,ppp,info,account …`, search
 * index file 5691453581 — the sender may be a name). The layout is assumed from those lines: The Dude's manual does not describe
 * it. The caller reads it only after a `dddd.dd.dd-dd:` look.
 */
const DUDE_SYSLOG = /^(\d{4})\.(\d\d)\.(\d\d)-(\d\d):(\d\d):(\d\d) <([^>\s]+)>: (.*)$/;
export function dudeSyslogRow(text: string): CollectorColumns | undefined {
  const m = DUDE_SYSLOG.exec(text);
  return m ? { time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, host: m[7], message: m[8]! } : undefined;
}

/**
 * A Kiwi row with a US or day-first date (`05-12-2026 09:12:01\t…`), or undefined. Which of the two the collector was set to
 * write is not in the row: a first number over 12 is a day, a second one over 12 is a day; where both could be months the
 * date is left out (time of day only) rather than guessed — a wrong date would set a server line beside the wrong PC events.
 */
export function kiwiOtherDate(text: string): CollectorColumns | undefined {
  const m = KIWI_OTHER_DATE.exec(text);
  if (!m) return undefined;
  const cols = kiwiAfterIsoTime({ hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, text.slice(19));
  if (!cols) return undefined;
  const a = +m[1]!;
  const b = +m[2]!;
  const dayFirst = a > 12 ? true : b > 12 ? false : undefined;
  if (dayFirst !== undefined) cols.time = { year: +m[3]!, month: dayFirst ? b : a, day: dayFirst ? a : b, ...cols.time! };
  return cols;
}

/**
 * A log server's search export as CSV or TSV with a header row: one row per message, the columns named in the first row. The
 * device's line is the message column's text (Splunk's `_raw`, the raw event; Graylog's `message` — its `full_message` only where
 * an input kept one: Graylog2/documentation#868 "Exporting the full message"; Kiwi's database layout's `MSGTEXT`, SolarWinds
 * "Database formats available in Kiwi Syslog Server"); the time is Splunk's `_time` (`2021-07-27T05:48:20.265+0300`, a Splunk
 * CSV export in search index file 26842104895, whose header row is `age,date,…,"_raw","_time"`: names quoted or not, the values
 * quoted with `""` for a quote), Graylog's `timestamp` (in UTC, `2014-05-18T20:59:37.058Z`: graylog2-web-interface#783, #1503)
 * or Papertrail's `generated_at`/`received_at` (its archive's columns, assumed to be the names a header row of its export gives);
 * the host is Splunk's `host`, Graylog's `source` (the sender; Splunk's own `source` is a file path, so `host` is taken first),
 * Papertrail's `source_name`/`source_ip`, Kiwi's `MSGHOSTNAME`. A header needs the message column and a time or host column.
 */
export interface ExportLayout {
  /** the separator's character code: a tab or a comma */
  sep: number;
  width: number;
  message: number;
  time: number;
  host: number;
  /** the columns read, as the header names them (for the header row's entry) */
  columns: string;
}

const MESSAGE_COLUMNS = ['_raw', 'full_message', 'message', 'msgtext'];
const TIME_COLUMNS = ['_time', 'timestamp', 'generated_at', 'received_at'];
const HOST_COLUMNS = ['host', 'hostname', 'msghostname', 'source_name', 'source_ip', 'source'];
/** a column name: a word of letters, digits, `_`, `.`, `-`, `@` or blanks (Splunk's `date_hour`, Graylog's `gl2_source_input`) */
const COLUMN_NAME = /^[\w.@ -]{1,60}$/;

/** The cells of a CSV or TSV row (RFC 4180 quoting: a quoted cell may hold the separator, `""` is a quote). */
export function splitRow(text: string, sep: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          // no closing quote (a cell cut by a line end): the rest
          cell += text.slice(from);
          i = text.length;
          break;
        }
        cell += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(cell);
      // (anything between the closing quote and the separator is kept out: not RFC 4180)
      const next = text.indexOf(String.fromCharCode(sep), i);
      if (next < 0) return cells;
      i = next + 1;
    } else {
      const next = text.indexOf(String.fromCharCode(sep), i);
      if (next < 0) {
        cells.push(text.slice(i));
        return cells;
      }
      cells.push(text.slice(i, next));
      i = next + 1;
    }
  }
}

const firstOf = (names: string[], wanted: string[]): number => {
  for (const w of wanted) {
    const at = names.indexOf(w);
    if (at >= 0) return at;
  }
  return -1;
};

/** The layout a header row gives (exportRow reads the rows under it), or undefined when the line is no such header. */
export function exportHeader(text: string): ExportLayout | undefined {
  const sep = text.indexOf('\t') >= 0 ? 9 : text.indexOf(',') >= 0 ? 44 : -1;
  if (sep < 0) return undefined;
  const raw = splitRow(text, sep);
  if (raw.length < 2 || raw.some((n) => !COLUMN_NAME.test(n))) return undefined;
  const names = raw.map((n) => n.trim().toLowerCase());
  const message = firstOf(names, MESSAGE_COLUMNS);
  const time = firstOf(names, TIME_COLUMNS);
  const host = firstOf(names, HOST_COLUMNS);
  if (message < 0 || (time < 0 && host < 0)) return undefined;
  const columns = [time, host, message].filter((c) => c >= 0).map((c) => raw[c]!.trim()).join(', ');
  return { sep, width: names.length, message, time, host, columns };
}

const EXPORT_TIME = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?/;

/** A row under an export's header: the collector's columns, or undefined when its cells do not fit the header (a line of another kind). */
export function exportRow(layout: ExportLayout, text: string): CollectorColumns | undefined {
  const cells = splitRow(text, layout.sep);
  if (cells.length !== layout.width) return undefined;
  const message = cells[layout.message]!;
  if (message === '') return undefined;
  const t = layout.time >= 0 ? EXPORT_TIME.exec(cells[layout.time]!) : null;
  const time = t ? { year: +t[1]!, month: +t[2]!, day: +t[3]!, hour: +t[4]!, minute: +t[5]!, second: +t[6]!, ...(t[7] ? { ms: +t[7].padEnd(3, '0').slice(0, 3) } : {}) } : undefined;
  const host = layout.host >= 0 ? cells[layout.host]!.trim() || undefined : undefined;
  return { time, host, message };
}

/** How many quotes the text holds. */
function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * A row under an export's header whose message cell is still open at its end: the message holds line breaks, so the cell goes on
 * on the next lines inside its quotes (RFC 4180 §2.6; Splunk's `_raw` of a multi-line event — an IOS `debug`'s lines, a Windows
 * event's message — and Graylog's `message` are written so, assumed as for Event Viewer's CSV: families/event-export.ts). By the
 * quotes' count (a quoted cell's own quotes are doubled; RFC 4180 quotes no bare cell's): an odd count leaves the cell open —
 * and only the message cell, the row's last one read so far. A line that is a whole row of the layout itself ends it (a row whose
 * closing quote was lost: the next row is not its text).
 */
export function opensMessageCell(layout: ExportLayout, pending: string): boolean {
  if ((quotes(pending) & 1) === 0) return false;
  return splitRow(pending, layout.sep).length === layout.message + 1;
}

/** Whether the row's open message cell (opensMessageCell) takes this line: any line but a whole row of the layout. */
export function cellTakes(layout: ExportLayout, pending: string, line: string): boolean {
  if (!opensMessageCell(layout, pending)) return false;
  return (quotes(line) & 1) === 1 || exportRow(layout, line) === undefined;
}

/**
 * Visual Syslog Server's log file (MaxBelkov/visualsyslog, source/server.cpp TSyslogMessage::Save): `SourceAddr<TAB>DateStr<TAB>
 * HostName<TAB>Facility<TAB>Priority<TAB>Tag<TAB>Msg` — the sender's IPv4 address (inet_ntoa), then the message's own syslog
 * header taken apart by ProcessMessageFromSyslogd: its `Mmm dd hh:mm:ss` (or the time of receipt where the message had none, in
 * the same form), the word after it (the host, empty where a `:` came first), the facility and level words (both empty without a
 * priority), the tag up to `: ` (within its first fifty characters, else empty) and the rest, its tabs made blanks. A real row
 * (search index file 1223457946, a SIP trace script's notes on the syslog files it reads): `135.105.167.18<TAB>Jan 25 16:52:13<TAB>
 * 192.168.7.113<TAB>local4<TAB>info<TAB>SIPMESSAGE<TAB>+01:00 2022 513 1 .TEL | 0 …`. The columns put back together are the line as
 * the device sent it, after its priority (`date host tag: msg`): the caller reads that (`line`), the sender as the host where it names
 * none (`sender`).
 */
export function visualSyslogRow(text: string): { sender: string; line: string; time: LogTime; raw: string } | undefined {
  // (the sender's dotted address and a tab: a few characters, on a digit-led line no other header took)
  let i = 0;
  for (; i < 16; i++) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || c === 46)) break;
  }
  const sep = text.charCodeAt(i);
  if (i < 7 || (sep !== 9 && sep !== 32)) return undefined;
  if (sep === 9 && text.charCodeAt(i + 16) === 9) {
    const f = text.split('\t');
    const d = f.length === 7 ? VISUAL_DATE.exec(f[1]!) : null;
    if (!d) return undefined;
    const raw = `${f[2] ? `${f[2]} ` : ''}${f[5] ? `${f[5]}: ` : ''}${f[6]}`;
    return { sender: f[0]!, line: `${f[1]} ${raw}`, time: visualTime(d), raw };
  }
  // the row copied through a mail or an editor, its tabs made blanks (or blanks made tabs): the columns by their words (the date's
  // form, Visual Syslog's facility and level names, syslog.cpp facilitynames and prioritynames), the tag the first word after them
  // (assumed: a row without a tag — a MikroTik's, whose topics Visual Syslog took for the host — is not told apart so, nor one
  // without a priority, whose two columns are empty)
  const m = VISUAL_BLANKS.exec(text);
  if (!m) return undefined;
  const raw = `${m[3] ? `${m[3]} ` : ''}${m[4]}: ${m[5]}`;
  return { sender: m[1]!, line: `${m[2]} ${raw}`, time: visualTime(VISUAL_DATE.exec(m[2]!)!), raw };
}
const visualTime = (d: RegExpExecArray): LogTime => ({ month: monthOf(d[1]!), day: +d[2]!, hour: +d[3]!, minute: +d[4]!, second: +d[5]! });
const VISUAL_BLANKS = new RegExp(
  String.raw`^(\d{1,3}(?:\.\d{1,3}){3})[ \t]+((?:${MONTH_GROUP.slice(1, -1)}) [ \d]\d \d\d:\d\d:\d\d)[ \t]+(?:(\S+)[ \t]+)?(?:auth|authpriv|cron|daemon|ftp|kern|lpr|mail|news|syslog|user|uucp|local[0-7]|mark)[ \t]+(?:alert|crit|debug|emerg|err|info|notice|warning)[ \t]+(\S+)[ \t]+(\S.*)$`,
);
/** DateStr: the message's own `Mmm dd hh:mm:ss` (IsValidSyslogDate) or FormatDateTime's `mmm dd hh:nn:ss` in US English */
const VISUAL_DATE = new RegExp(String.raw`^${MONTH_GROUP} ([ \d]\d) (\d\d):(\d\d):(\d\d)$`);
