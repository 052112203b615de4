import { monthOf } from '../prefixed';
import type { LogTime } from '../types';

/**
 * The ASA's own time, when a relay's syslog header came before it: the ASA stamps its message with
 * `logging timestamp` (`Mar 03 2026 10:11:12`, optionally `logging device-id` and ` : ` after it;
 * 9.10+ `logging timestamp rfc5424`: `2026-03-03T10:11:12Z`) — Cisco "ASA Series Syslog Messages",
 * "logging timestamp"; the forms as OMS-Agent-for-Linux #233 lists them (`Sep 14 2016 09:33:47 Host1 :
 * [tag]`, `Sep 14 2016 10:07:20: [tag]`). A relay (rsyslog, syslog-ng, a SIEM) then puts its own
 * header first (`Mar  3 10:11:13 relayhost <166>Mar 03 2026 10:11:12: %ASA-…`, or RFC 5424 `<13>1
 * 2026-03-03T10:11:14Z relayhost - - - <166>…`). The prefix reader takes the relay's header, and the
 * text between it and the `%ASA-` id still holds the ASA's; the last time there is the ASA's own,
 * or the relay's when the ASA sent none (an RFC 5424 relay header the prefix reader left in place).
 */

const LEGACY = /([A-Z][a-z]{2}) +(\d{1,2}) (?:(\d{4}) )?(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?/g;
const ISO = /(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?\d*/g;

const msOf = (s: string | undefined) => (s === undefined ? {} : { ms: Number(s.padEnd(3, '0')) });

/** The last timestamp in `before` (the text in front of the ASA's message id), or undefined. */
export function asaOwnTime(before: string): LogTime | undefined {
  let best: { at: number; time: LogTime } | undefined;
  for (const m of before.matchAll(LEGACY)) {
    const month = monthOf(m[1]!);
    if (month === 0) continue;
    best = { at: m.index!, time: { ...(m[3] ? { year: +m[3] } : {}), month, day: +m[2]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ...msOf(m[7]) } };
  }
  for (const m of before.matchAll(ISO)) {
    if (best && best.at > m.index!) continue;
    best = { at: m.index!, time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ...msOf(m[7]) } };
  }
  return best?.time;
}
