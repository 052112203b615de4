import type { TFunction } from 'i18next';
import type { Finding } from '../../model/report';
import type { ServerLogReport } from '../../model/server-log';
import type { Snapshot } from '../../model/snapshot';
import type { ServerLogResult } from '../../parse/server-log/types';
import type { DiagnoseContext } from '../context';
import { correlate } from './correlate';
import { serverDrafts } from './findings';
import { serverLogReport } from './report';

export { SERVER_FINDING_IDS, findingIdOf } from './findings';
export { findMatches, correlationSentence } from './correlate';
export { serverLogReport, verdictMessage } from './report';

/** Server logs alone: their findings and their readable form. */
export function explainServerLogs(logs: readonly ServerLogResult[], t: TFunction): { findings: Finding[]; serverLogs: ServerLogReport[] } {
  const usable = logs.filter((l) => l.verdict === 'ok');
  return { findings: serverDrafts(usable, t).map((d) => d.finding), serverLogs: logs.map((l) => serverLogReport(l, t)) };
}

/** Server logs with a PC's capture: the PC's findings, with matching server evidence folded in. */
export function explainWithCapture(clientFindings: readonly Finding[], logs: readonly ServerLogResult[], snapshot: Snapshot, ctx: DiagnoseContext): { findings: Finding[]; serverLogs: ServerLogReport[] } {
  const usable = logs.filter((l) => l.verdict === 'ok');
  const drafts = serverDrafts(usable, ctx.t);
  return { findings: correlate(clientFindings, drafts, snapshot, ctx), serverLogs: logs.map((l) => serverLogReport(l, ctx.t)) };
}
