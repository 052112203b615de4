import type { TFunction } from 'i18next';
import type { ServerLogReport } from '../../model/server-log';
import { describeEntryOnce, formatLogTime } from '../../parse/server-log/describe';
import type { ServerLogEntry, ServerLogResult } from '../../parse/server-log/types';
import { logWrittenBy } from './log-side';

/** Entries a report keeps per log: every one with a cause, then the others in order, up to this. */
export const REPORT_ENTRIES = 600;

export function verdictMessage(r: ServerLogResult, t: TFunction): string {
  return t(`serverLog.verdict.${r.verdict}`, { understood: r.understood, records: r.records });
}

export function serverLogReport(r: ServerLogResult, t: TFunction): ServerLogReport {
  // (one pass over the entries: each is read once, whatever its shape)
  const withCause: ServerLogEntry[] = [];
  const rest: ServerLogEntry[] = [];
  for (const e of r.entries) (e.cause ? withCause : rest).push(e);
  rest.length = Math.min(rest.length, Math.max(0, REPORT_ENTRIES - withCause.length));
  const kept = [...withCause, ...rest].sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  const described = new Map<string, string>(); // this report's sentences (describeEntryOnce)
  const writtenBy = r.verdict === 'ok' ? logWrittenBy(r.entries) : undefined;
  return {
    source: r.source,
    verdict: r.verdict,
    message: verdictMessage(r, t),
    lines: r.lines,
    blank: r.blank,
    records: r.records,
    understood: r.understood,
    unknown: r.unknown,
    families: r.families as Record<string, number>,
    entries: kept.map((e) => reportEntry(e, t, described)),
    unknownLines: r.unknownLines.map((u) => ({ line: u.line, endLine: u.endLine, text: u.text, ...(u.family ? { family: u.family } : {}) })),
    truncated: r.truncated || kept.length < r.entries.length,
    ...(r.newestFirst ? { newestFirst: true } : {}),
    // (only when the lines say the log is not a server's: a server's report is as it was)
    ...(writtenBy ? { writtenBy } : {}),
  };
}

/**
 * One entry as the report shows it. Fields set one by one in the order the JSON lists them (the
 * optional ones only when present): six object spreads per entry cost more than the entry's words.
 */
function reportEntry(e: ServerLogEntry, t: TFunction, described: Map<string, string>): ServerLogReport['entries'][number] {
  const out: Record<string, unknown> = { line: e.line, endLine: e.endLine, family: e.family };
  if (e.time) out.time = formatLogTime(e.time);
  if (e.session) out.session = e.session;
  if (e.peer) out.peer = e.peer;
  if (e.user) out.user = e.user;
  out.text = e.text;
  out.decoded = describeEntryOnce(e, t, described);
  out.outcome = e.outcome;
  if (e.cause) out.cause = e.cause;
  if (e.code !== undefined) out.code = e.code;
  return out as ServerLogReport['entries'][number];
}
