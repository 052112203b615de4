import { buildSnapshot } from './snapshot/build-snapshot';
import type { Capture } from './capture/capture';
import { diagnose } from './diagnose';
import type { EngineLanguage } from './i18n';
import type { Policy } from './model/policy';
import type { Report } from './model/report';

/**
 * The PC side of an analysis: collect → snapshot → diagnose over an in-memory capture, without the
 * server-log engine. analyse.ts adds the server's logs on top; a caller that has none to give
 * (needsServerLogEngine) can stop here and never load that engine: its ~40 modules cost every CLI
 * start ~18 ms, 6 % of `scan --demo --json` (issue 16.2; paired runs, README "Performance").
 */

export interface ClientAnalyseOptions {
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

/** The capture's own server logs (DESIGN.md: a capture folder may hold server-logs/*.txt). */
export const SERVER_LOG_FOLDER = 'server-logs/';

/** True when an analysis has server logs to explain: the capture holds some, or they were given beside it. */
export function needsServerLogEngine(capture: Capture, given: readonly unknown[] | undefined): boolean {
  if (given?.length) return true;
  for (const name of capture.files.keys()) if (name.startsWith(SERVER_LOG_FOLDER)) return true;
  return false;
}

export function analyseClientSide(capture: Capture, opts: ClientAnalyseOptions): Analysis {
  const { snapshot, unreadableFiles } = buildSnapshot(capture, opts.language);
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
