import type { LogTime } from './types';

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
/** the US and day-first dates: `MM-DD-YYYY HH:MM:SS` or `DD-MM-YYYY HH:MM:SS` (read by the caller only after a `dd-dd-dddd ` look) */
const KIWI_OTHER_DATE = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)/;

/**
 * A Kiwi row whose ISO date and time the caller read (`time`; `rest`: the text right after the seconds), or undefined. The
 * seconds are followed by the tab at once (Kiwi writes no fraction), or by blanks where an editor or a mail turned that first
 * tab into them (one of the real rows above) — the tabs after the priority and the host must be there.
 */
export function kiwiAfterIsoTime(time: LogTime, rest: string): CollectorColumns | undefined {
  const c = rest.charCodeAt(0);
  if (c !== 9 && c !== 32) return undefined;
  const m = KIWI_AFTER_TIME.exec(rest);
  return m ? { time, host: m[1] || undefined, message: m[2]! } : undefined;
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
