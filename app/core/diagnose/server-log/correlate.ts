import type { TFunction } from 'i18next';
import type { Finding, SummaryPart } from '../../model/report';
import { failuresOf, rasEventsOf, type RasEvent } from '../../model/ras-event';
import type { Snapshot } from '../../model/snapshot';
import { eventInstant } from '../../parse/event-time';
import { formatLogTime } from '../../parse/server-log/describe';
import type { LogTime } from '../../parse/server-log/types';
import { failureGroups } from '../rules/ras-common';
import type { DiagnoseContext } from '../context';
import { personOf } from './retried-logins';
import { serverAdvice, serverEvidence, withParts, type ServerDraft, type ServerEvidence } from './findings';
import { fromInitiator, fromPc } from './log-side';

/**
 * A server-side cause and the PC's RasClient failure are one finding when they are the same
 * failure: same finding id (and Windows code for events.ras-error), same user where both logs name
 * one, and close in time. The clocks of a router and a PC differ — and syslog writes local time
 * while the PC's events are UTC — so the match allows up to 15 minutes of drift, or a time-zone
 * offset in use (ZONE_OFFSETS_S) plus 2 minutes — narrow, because any two times are close to
 * some offset — and says how far apart the two lines were and which offset it assumed.
 */

export const MAX_DRIFT_S = 15 * 60;
/** finding ids that describe the PC's state rather than one attempt: merged without a time match */
const STATE_FINDINGS: ReadonlySet<string> = new Set(['os.nt4-service-pack']);
const TZ_RESIDUAL_S = 2 * 60;
const HOUR_S = 3600;
/**
 * The offsets from UTC clocks are set to, either way round (which side is ahead depends on which log holds local time): whole
 * hours up to 14, and the zones on a half or three-quarter hour — the IANA tz database's standard and summer offsets:
 * America/St_Johns −3:30 (−2:30 in summer), Pacific/Marquesas −9:30, Asia/Tehran +3:30, Asia/Kabul +4:30, Asia/Kolkata and
 * Asia/Colombo +5:30, Asia/Kathmandu +5:45, Asia/Yangon +6:30, Australia/Eucla +8:45, Australia/Adelaide and Darwin +9:30
 * (Adelaide +10:30 in summer, Lord Howe +10:30), Pacific/Chatham +12:45 (+13:45 in summer). A server in Bangalore logs
 * 5 h 30 min ahead of the PC's UTC events: whole-hour steps alone never matched it.
 */
const ZONE_OFFSETS_S: readonly number[] = [
  ...Array.from({ length: 14 }, (_, h) => (h + 1) * HOUR_S),
  ...[2.5, 3.5, 4.5, 5.5, 5.75, 6.5, 8.75, 9.5, 10.5, 12.75, 13.75].map((h) => h * HOUR_S),
].flatMap((m) => [m, -m]);

/** The offset in use nearest to `delta` seconds (0: none), and what is left over. */
function nearestZone(delta: number): { zone: number; residual: number } {
  let zone = 0;
  for (const z of ZONE_OFFSETS_S) if (Math.abs(delta - z) < Math.abs(delta - zone)) zone = z;
  return { zone, residual: delta - zone };
}

export interface Match {
  draft: ServerDraft;
  event: RasEvent & { errorCode: number };
  server: ServerEvidence;
  /** seconds from the server line to the PC event (signed, after any time-zone step) */
  apart: number;
  /** whole time-zone offset assumed, in seconds (0 = none) */
  zone: number;
  sameUser?: string;
}

/**
 * Server time as a UTC instant, borrowing the year/date the log leaves out from the event. A year-less syslog line near New Year
 * may belong to the event's year, the one before (a server `Dec 31 23:59:50`, the PC's event just after midnight UTC) or the one
 * after (`Jan  1 00:30:10` logged in local time east of UTC, or by a clock a little ahead, for a PC event of Dec 31 UTC).
 */
function instant(time: LogTime, near: Date): number[] {
  const y = time.year ?? near.getUTCFullYear();
  if (time.month && time.day) {
    const at = (year: number) => Date.UTC(year, time.month! - 1, time.day!, time.hour, time.minute, time.second, time.ms ?? 0);
    return time.year ? [at(y)] : [at(y), at(y - 1), at(y + 1)];
  }
  // time of day only (IOS without date, time-only logs): the event's day and its neighbours
  const day = Date.UTC(near.getUTCFullYear(), near.getUTCMonth(), near.getUTCDate());
  const tod = ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + (time.ms ?? 0);
  return [day - 86400000 + tod, day + tod, day + 86400000 + tod];
}

/**
 * Seconds from the server's time to the event. A minute-only time stands for its whole minute
 * (hh:mm:00 … hh:mm:59): an event inside it is 0 s away, one after it counts from the minute's end.
 */
export function secondsTo(at: number, time: LogTime, event: Date): number {
  const delta = (event.getTime() - at) / 1000;
  if (!time.minuteOnly || delta < 0) return delta;
  return delta < 60 ? 0 : delta - 59;
}

export function distance(time: LogTime, event: Date): { apart: number; zone: number } | null {
  let best: { apart: number; zone: number; cost: number } | null = null;
  for (const at of instant(time, event)) {
    const delta = secondsTo(at, time, event);
    if (Math.abs(delta) <= MAX_DRIFT_S) {
      const c = { apart: delta, zone: 0, cost: Math.abs(delta) };
      if (!best || c.cost < best.cost) best = c;
      continue;
    }
    const { zone, residual } = nearestZone(delta);
    if (zone !== 0 && Math.abs(residual) <= TZ_RESIDUAL_S) {
      const c = { apart: residual, zone, cost: Math.abs(residual) + 600 }; // prefer no zone step
      if (!best || c.cost < best.cost) best = c;
    }
  }
  return best ? { apart: best.apart, zone: best.zone } : null;
}

const bareUser = (u: string | undefined) => (u === undefined ? undefined : personOf(u));

export function findMatches(drafts: readonly ServerDraft[], ctx: DiagnoseContext): Match[] {
  const groups = failureGroups(ctx);
  const matches: Match[] = [];
  for (const draft of drafts) {
    let best: Match | null = null;
    for (const g of groups) {
      if (g.claimedBy !== draft.id || (draft.code !== undefined && g.code !== draft.code)) continue;
      for (const event of g.events as (RasEvent & { errorCode: number })[]) {
        if (!event.time) continue;
        // (not `new Date(text)`: it reads a zone-less time in the analysing machine's zone, and few languages' dates)
        const instant = eventInstant(event.time);
        if (!instant) continue;
        const at = new Date(instant.ms);
        const clientUser = bareUser(g.dialSettings?.['Dial-in User'] ?? event.user);
        for (const server of draft.evidence) {
          // (an XAUTH refusal is no Windows PC's attempt: Windows' built-in client never speaks XAUTH — findings.ts CAUSE_FINDING;
          // nor is a line of a log from the side that dialled — a Linux or router client's pppd, its own secret refused — nor of the
          // PC's own RAS trace: the same PC's event, not a server's log to match it with)
          if (!server.entry.time || server.entry.cause === 'xauth-rejected' || fromInitiator(server.entry) || fromPc(server.entry)) continue;
          const serverUser = bareUser(server.entry.user);
          if (serverUser && clientUser && clientUser !== 'system' && serverUser !== clientUser) continue; // another person's attempt
          const d = distance(server.entry.time, at);
          if (!d) continue;
          const m: Match = { draft, event, server, ...d, ...(serverUser && serverUser === clientUser ? { sameUser: server.entry.user } : {}) };
          if (!best || Math.abs(m.apart) + (m.zone ? 600 : 0) < Math.abs(best.apart) + (best.zone ? 600 : 0)) best = m;
        }
      }
    }
    if (best) matches.push(best);
  }
  return matches;
}

const apartText = (s: number, t: TFunction) => (Math.abs(s) < 120 ? t('serverLog.apartSeconds', { n: Math.round(Math.abs(s)) }) : t('serverLog.apartMinutes', { n: Math.round(Math.abs(s) / 60) }));
const zoneText = (s: number) => `${s < 0 ? '−' : '+'}${Math.floor(Math.abs(s) / 3600)}:${String(Math.round((Math.abs(s) % 3600) / 60)).padStart(2, '0')}`;

/**
 * The PC's event time as a person reads it next to the server's: wevtutil's UTC timestamp
 * (`2026-11-18T09:21:07.5510000Z`) as `2026-11-18 09:21:07 UTC`; any other form as it was recorded.
 */
function eventTimeText(time: string | undefined): string {
  const m = time === undefined ? null : /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(time);
  return m ? `${m[1]} ${m[2]} UTC` : (time ?? '');
}

export function correlationSentence(m: Match, t: TFunction): string {
  return t('serverLog.correlated', {
    // (the source and the line apart: a pasted log's source is a label, "pasted log", which read as `pasted log:1`)
    source: m.server.source,
    line: m.server.entry.line,
    serverTime: formatLogTime(m.server.entry.time),
    eventId: `${m.event.id ?? '?'} (${m.event.errorCode})`,
    clientTime: eventTimeText(m.event.time),
    apart: apartText(m.apart, t),
    // (the server's offset from UTC, as a person names a zone — a router at UTC+1 logs an hour ahead of the PC's UTC event: zone −1 h)
    tz: `${m.zone ? t('serverLog.correlatedTz', { offset: zoneText(-m.zone) }) : ''}${m.server.entry.time?.minuteOnly ? t('serverLog.correlatedMinuteOnly') : ''}`,
    userMatch: m.sameUser ? t('serverLog.correlatedUser', { user: m.sameUser }) : '',
  });
}

/**
 * A client finding with a server draft's evidence and words after its own: its summary stays the first part, so a
 * screen shows the PC's explanation, then the server's (parts kept right after the summary, as a draft's are).
 */
function appended(host: Finding, evidence: readonly ServerEvidence[], server: SummaryPart[]): Finding {
  const { id, severity, title, summary, parts, ...rest } = host;
  const own: SummaryPart[] = parts ?? [{ kind: 'finding', text: summary }];
  return { id, severity, title, ...withParts([...own, ...server]), ...rest, evidence: [...host.evidence, ...serverEvidence(evidence)] };
}

/**
 * Client findings + server drafts → one list: a matched draft is folded into the client finding
 * that holds the matched event (its evidence and the server's words appended); the rest stand alone.
 */
export function correlate(clientFindings: readonly Finding[], drafts: readonly ServerDraft[], snapshot: Snapshot, ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  const out = [...clientFindings];
  // findings about the PC's state, not about one attempt (NT4 SP5's MPPE key bug): the server's lines
  // confirm what the PC's files show, whenever they were logged — one finding, both sides' evidence
  const byState = new Set<ServerDraft>();
  for (const d of drafts) {
    const at = STATE_FINDINGS.has(d.id) ? out.findIndex((f) => f.id === d.id) : -1;
    if (at < 0) continue;
    out[at] = appended(out[at]!, d.evidence, serverAdvice(d.evidence, t));
    byState.add(d);
  }
  drafts = drafts.filter((d) => !byState.has(d));
  if (!failuresOf(rasEventsOf(snapshot.events)).length) return [...out, ...drafts.map((d) => d.finding)];
  const matches = findMatches(drafts, ctx);
  const merged = new Set<ServerDraft>();
  for (const m of matches) {
    const at = out.findIndex((f) => f.id === m.draft.id && f.evidence.some((e) => e.source === m.event.file && e.line === m.event.line));
    if (at < 0) continue;
    out[at] = appended(out[at]!, m.draft.evidence, [...(m.draft.foldParts ?? serverAdvice(m.draft.evidence, t)), { kind: 'matched', text: correlationSentence(m, t) }]);
    merged.add(m.draft);
  }
  return [...out, ...drafts.filter((d) => !merged.has(d)).map((d) => d.finding)];
}
