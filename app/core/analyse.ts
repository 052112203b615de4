import { buildSnapshot } from './snapshot/build-snapshot';
import type { Capture } from './capture/capture';
import { diagnose } from './diagnose';
import type { EngineLanguage } from './i18n';
import type { Policy } from './model/policy';
import type { Report } from './model/report';

export interface AnalyseOptions {
  corporateNetworks?: string[];
  language?: EngineLanguage;
  policy?: Policy;
  toolVersion: string;
  now?: Date;
}

export interface Analysis {
  report: Report;
  unreadableFiles: string[];
}

/** collect → snapshot → diagnose, as one pure step over an in-memory capture. */
export function analyseCapture(capture: Capture, opts: AnalyseOptions): Analysis {
  const { snapshot, unreadableFiles } = buildSnapshot(capture);
  const findings = diagnose(snapshot, { corporateNetworks: opts.corporateNetworks, language: opts.language, policy: opts.policy });
  return {
    report: {
      schemaVersion: 1,
      tool: { name: 'tunnelmedic', version: opts.toolVersion },
      generatedAt: (opts.now ?? new Date()).toISOString(),
      source: capture.origin,
      language: opts.language ?? 'en',
      snapshot,
      findings,
    },
    unreadableFiles,
  };
}
