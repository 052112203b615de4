import type { TFunction } from 'i18next';
import type { ServerLogReport } from '../../model/server-log';
import { describeEntry, formatLogTime } from '../../parse/server-log/describe';
import type { ServerLogResult } from '../../parse/server-log/types';

/** Entries a report keeps per log: every one with a cause, then the others in order, up to this. */
export const REPORT_ENTRIES = 600;

export function verdictMessage(r: ServerLogResult, t: TFunction): string {
  return t(`serverLog.verdict.${r.verdict}`, { understood: r.understood, records: r.records });
}

export function serverLogReport(r: ServerLogResult, t: TFunction): ServerLogReport {
  const withCause = r.entries.filter((e) => e.cause);
  const rest = r.entries.filter((e) => !e.cause).slice(0, Math.max(0, REPORT_ENTRIES - withCause.length));
  const kept = [...withCause, ...rest].sort((a, b) => a.line - b.line || a.endLine - b.endLine);
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
    entries: kept.map((e) => ({
      line: e.line,
      endLine: e.endLine,
      family: e.family,
      ...(e.time ? { time: formatLogTime(e.time) } : {}),
      ...(e.session ? { session: e.session } : {}),
      ...(e.peer ? { peer: e.peer } : {}),
      ...(e.user ? { user: e.user } : {}),
      text: e.text,
      decoded: describeEntry(e, t),
      outcome: e.outcome,
      ...(e.cause ? { cause: e.cause } : {}),
      ...(e.code !== undefined ? { code: e.code } : {}),
    })),
    unknownLines: r.unknownLines.map((u) => ({ line: u.line, endLine: u.endLine, text: u.text, ...(u.family ? { family: u.family } : {}) })),
    truncated: r.truncated || kept.length < r.entries.length,
    ...(r.newestFirst ? { newestFirst: true } : {}),
  };
}
