import { join } from 'node:path';
import type { ServerLogResult } from '../core/parse/server-log';
import { analyseClientSide, needsServerLogEngine } from '../core/analyse-client';
import { routeRowsOf } from '../core/parse/lazy-routes';
import { CAPTURE_FILES, CAPTURE_FOLDERS, type Capture } from '../core/capture/capture';
import type { Snapshot } from '../core/model/snapshot';
import { registryViewOf } from '../core/model/registry-view';
import { lmhostsOf } from '../core/snapshot/registry-section';
import type { EngineLanguage } from '../core/i18n';
import { problemMessage } from '../core/i18n/problem-text';
import type { Policy } from '../core/model/policy';
import { corporateNetworkIssue } from '../core/model/corporate-network';
import type { Report } from '../core/model/report';
import { readCaptureDir } from './capture-reader';
import { liveTarget, simulatedTarget, type RouteTarget } from './apply/route-target';
import { collectionError, usageError } from './error-text';
import { demoCaptureDir, demoPolicyFile, demoWorkspace } from './paths';
import { readPolicyFile } from './policy-file';
import { createExecaRunner } from './run';
import { TOOL_VERSION } from './version';

export interface InputOptions {
  demo?: boolean;
  capture?: string;
  policy?: string;
  corpNets?: string[];
  language?: EngineLanguage;
  dataDir: string;
  /** TESTS ONLY: the simulated machine starts from this sample instead of samples/demo */
  demoSeedDir?: string;
  /** demo/tests: make these route calls fail (1-based) */
  failRouteCalls?: number[];
}

export interface ResolvedInput {
  source: Capture['origin'];
  label: string;
  policy?: Policy;
  corporateNetworks: string[];
  /** what scans read and fixes change; null for a capture of another machine (read-only) */
  target: RouteTarget | null;
  readCapture(): Promise<Capture>;
}

/** INPUT of DESIGN.md's CLI: --demo | --capture DIR | this machine, plus --policy and --corp-net. */
export async function resolveInput(o: InputOptions): Promise<ResolvedInput> {
  if (o.demo && o.capture) throw usageError('engineError.demoOrCapture');
  for (const cidr of o.corpNets ?? []) {
    const issue = corporateNetworkIssue(cidr);
    if (issue) throw usageError(`engineError.corporateNetwork.${issue.reason}`, { ...issue, value: cidr });
  }
  const policyPath = o.policy ?? (o.demo && !o.corpNets?.length ? (o.demoSeedDir ? join(o.demoSeedDir, 'policy.json') : demoPolicyFile()) : undefined);
  const policy = policyPath ? await readPolicyFile(policyPath) : undefined;
  const corporateNetworks = [...new Set([...(policy?.corporateNetworks ?? []), ...(o.corpNets ?? [])])];

  if (o.demo) {
    const target = simulatedTarget({ seedDir: o.demoSeedDir ?? demoCaptureDir(), workspaceDir: demoWorkspace(o.dataDir), origin: 'demo', failRouteCalls: o.failRouteCalls });
    return { source: 'demo', label: 'demo machine', policy, corporateNetworks, target, readCapture: () => target.collect() };
  }
  if (o.capture) {
    const dir = o.capture;
    return { source: 'capture', label: dir, policy, corporateNetworks, target: null, readCapture: () => readCaptureDir(dir) };
  }
  if (process.platform !== 'win32') {
    throw collectionError('engineError.liveNeedsWindows');
  }
  const target = liveTarget(createExecaRunner());
  return { source: 'live', label: 'this computer', policy, corporateNetworks, target, readCapture: () => target.collect() };
}

export async function scanInput(input: ResolvedInput, language: EngineLanguage = 'en', serverLogs?: ServerLogResult[]): Promise<{ report: Report; unreadableFiles: string[]; capture: Capture }> {
  const capture = await input.readCapture();
  const options = { corporateNetworks: input.corporateNetworks, policy: input.policy, language, toolVersion: TOOL_VERSION };
  // the server-log engine is loaded only for a scan that has server logs (analyse-client.ts says why)
  const { report, unreadableFiles } = needsServerLogEngine(capture, serverLogs) ? (await import('../core/analyse')).analyseCapture(capture, { ...options, serverLogs }) : analyseClientSide(capture, options);
  if (input.source === 'capture') {
    const known = [...capture.files.keys()].filter(isCaptureFile);
    const unread = capture.readProblems.filter((p) => p.unreadable);
    if (known.length === 0 && unread.length > 0) {
      // the headline and the problems in the person's language (the file names stay as they are)
      throw usageError('engineError.noFileRead', { input: input.label, problems: problemList(unread, 'en') }, { input: input.label, problems: problemList(unread, language) });
    }
    if (known.length === 0) {
      throw usageError('engineError.noCaptureFiles', { input: input.label });
    }
    if (!understoodAnything(report.snapshot)) {
      const problems = report.snapshot.problems;
      // (a file of a known name that holds no output a reader recognises raises no problem of its own: the files are named instead
      // of an empty list under the headline)
      if (problems.length === 0) throw usageError('engineError.nothingRecognised', { input: input.label, files: known.join(', ') });
      throw usageError('engineError.nothingUnderstood', { input: input.label, problems: problemList(problems, 'en') }, { input: input.label, problems: problemList(problems, language) });
    }
  }
  return { report, unreadableFiles, capture };
}

/** One problem a line, `file[:line]: text`, in `language` (the error's message keeps English, the person reads theirs). */
function problemList(problems: readonly Report['snapshot']['problems'][number][], language: EngineLanguage): string {
  return problems.map((p) => `${p.source}${p.line ? `:${p.line}` : ''}: ${problemMessage(p, language)}`).join('\n  ');
}

const CAPTURE_NAMES = new Set<string>(Object.values(CAPTURE_FILES));
const isCaptureFile = (name: string) => CAPTURE_NAMES.has(name) || CAPTURE_FOLDERS.some((f) => name.startsWith(`${f}/`));

/**
 * Anything at all the parsers made sense of; a capture of nothing but noise is bad input (exit 4).
 * Counts what was understood (registry keys, LMHOSTS entries), never the sections themselves: a
 * registry/ folder of garbage still yields an (empty) registry view.
 */
export function understoodAnything(s: Snapshot): boolean {
  const lmhosts = lmhostsOf(s.lmhosts);
  return (
    routeRowsOf(s).length > 0 || // not s.routes: that would make every row of a lazy table
    s.interfaces.length > 0 ||
    s.vpnProfiles.length > 0 ||
    s.events.length > 0 ||
    (s.fileVersions?.length ?? 0) > 0 ||
    Object.keys(registryViewOf(s.registry).keys).length > 0 ||
    (lmhosts !== undefined && (lmhosts.file.entries.length > 0 || lmhosts.file.issues.length === 0)) ||
    s.os.family !== 'unknown'
  );
}
