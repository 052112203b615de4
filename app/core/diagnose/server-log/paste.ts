import { engineT, type EngineLanguage } from '../../i18n';
import type { Policy } from '../../model/policy';
import type { Finding, Report } from '../../model/report';
import type { ServerLogReport } from '../../model/server-log';
import { parseServerLog, type ServerLogResult } from '../../parse/server-log';
import { explainServerLogs, explainWithCapture } from '.';

/** The scan the person is looking at in the app, to fold a server log's causes into. */
export interface PastedLogScan {
  report: Report;
  corporateNetworks?: string[];
  policy?: Policy;
}

/**
 * The app's paste box, as one pure call: the text → the decoded log and its findings; with the
 * scan the person is looking at, the server's causes folded into the PC's findings where they are
 * the same failure (only findings that carry the pasted log's evidence are returned).
 */
export function explainPastedLog(opts: { text: string; label?: string; language?: EngineLanguage; scan?: PastedLogScan }): { serverLog: ServerLogReport; findings: Finding[]; correlated: boolean } {
  const language = opts.language ?? (opts.scan?.report.language === 'nl' ? 'nl' : 'en');
  return explainReadLog(readPastedLog(opts.text, opts.label, language), { language, scan: opts.scan });
}

/** The pasted text parsed, under its label — or, for a paste that came without a file name, what the findings call it in the person's language ("the server's log (pasted log) says"). */
export function readPastedLog(text: string, label: string | undefined, language: EngineLanguage): ServerLogResult {
  return parseServerLog(text, label ?? engineT(language)('serverLog.pastedLabel'));
}

/**
 * A log already parsed (the paste box's text, or a file main read in full: app/system/opened-logs.ts), explained as the paste box
 * explains it; its `source` is the label its evidence names.
 */
export function explainReadLog(log: ServerLogResult, opts: { language: EngineLanguage; scan?: PastedLogScan }): { serverLog: ServerLogReport; findings: Finding[]; correlated: boolean } {
  const t = engineT(opts.language);
  if (!opts.scan) {
    const { findings, serverLogs } = explainServerLogs([log], t);
    return { serverLog: serverLogs[0]!, findings, correlated: false };
  }
  const { report } = opts.scan;
  const label = log.source;
  const { findings, serverLogs } = explainWithCapture(report.findings, [log], report.snapshot, { snapshot: report.snapshot, corporateNetworks: opts.scan.corporateNetworks ?? [], policy: opts.scan.policy, t });
  const touched = findings.filter((f) => f.evidence.some((e) => e.source === label));
  return { serverLog: serverLogs[0]!, findings: touched, correlated: touched.some((f) => f.evidence.some((e) => e.source !== label)) };
}
