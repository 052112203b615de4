import { analyseClientSide, SERVER_LOG_FOLDER, type Analysis, type ClientAnalyseOptions } from './analyse-client';
import type { Capture } from './capture/capture';
import { explainWithCapture } from './diagnose/server-log';
import { engineT } from './i18n';
import { parseServerLog, type ServerLogResult } from './parse/server-log';

export type { Analysis } from './analyse-client';

export interface AnalyseOptions extends ClientAnalyseOptions {
  /** server-side logs given beside the capture (`--server-log`, the app's paste box); the capture's own server-logs/*.txt are read too */
  serverLogs?: ServerLogResult[];
}

/** collect → snapshot → diagnose, and the server's logs explained with it, as one pure step over an in-memory capture. */
export function analyseCapture(capture: Capture, opts: AnalyseOptions): Analysis {
  const client = analyseClientSide(capture, opts);
  const logs = [...[...capture.files.values()].filter((f) => f.name.startsWith(SERVER_LOG_FOLDER)).map((f) => parseServerLog(f.text, f.name)), ...(opts.serverLogs ?? [])];
  if (!logs.length) return client;
  const { snapshot } = client.report;
  const t = engineT(opts.language);
  const { findings, serverLogs } = explainWithCapture(client.report.findings, logs, snapshot, { snapshot, corporateNetworks: opts.corporateNetworks ?? [], policy: opts.policy, t });
  return { ...client, report: { ...client.report, findings: sortBySeverity(findings), serverLogs } };
}

const ORDER = { critical: 0, warning: 1, info: 2 } as const;
const sortBySeverity = <T extends { severity: keyof typeof ORDER }>(list: T[]): T[] => [...list].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
