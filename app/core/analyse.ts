import { buildSnapshot } from './snapshot/build-snapshot';
import type { Capture } from './capture/capture';
import { diagnose } from './diagnose';
import { explainWithCapture } from './diagnose/server-log';
import { engineT, type EngineLanguage } from './i18n';
import { parseServerLog, type ServerLogResult } from './parse/server-log';
import type { Policy } from './model/policy';
import type { Report } from './model/report';

export interface AnalyseOptions {
  corporateNetworks?: string[];
  language?: EngineLanguage;
  policy?: Policy;
  toolVersion: string;
  now?: Date;
  /** server-side logs given beside the capture (`--server-log`, the app's paste box); the capture's own server-logs/*.txt are read too */
  serverLogs?: ServerLogResult[];
}

export interface Analysis {
  report: Report;
  unreadableFiles: string[];
}

/** collect → snapshot → diagnose, as one pure step over an in-memory capture. */
export function analyseCapture(capture: Capture, opts: AnalyseOptions): Analysis {
  const { snapshot, unreadableFiles } = buildSnapshot(capture, opts.language);
  let findings = diagnose(snapshot, { corporateNetworks: opts.corporateNetworks, language: opts.language, policy: opts.policy });
  const logs = [...[...capture.files.values()].filter((f) => f.name.startsWith('server-logs/')).map((f) => parseServerLog(f.text, f.name)), ...(opts.serverLogs ?? [])];
  let serverLogs;
  if (logs.length) {
    const t = engineT(opts.language);
    ({ findings, serverLogs } = explainWithCapture(findings, logs, snapshot, { snapshot, corporateNetworks: opts.corporateNetworks ?? [], policy: opts.policy, t }));
    findings = sortBySeverity(findings);
  }
  return {
    report: {
      schemaVersion: 1,
      tool: { name: 'tunnelmedic', version: opts.toolVersion },
      generatedAt: (opts.now ?? new Date()).toISOString(),
      source: capture.origin,
      language: opts.language ?? 'en',
      snapshot,
      findings,
      ...(serverLogs ? { serverLogs } : {}),
    },
    unreadableFiles,
  };
}

const ORDER = { critical: 0, warning: 1, info: 2 } as const;
const sortBySeverity = <T extends { severity: keyof typeof ORDER }>(list: T[]): T[] => [...list].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
