import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { engineT, pickLanguage, type EngineLanguage } from '../core/i18n';
import { interpretPptpPath } from '../core/diagnose/pptp-path';
import { explainReadLog, readPastedLog } from '../core/diagnose/server-log/paste';
import type { ServerLogResult } from '../core/parse/server-log';
import { serverLogNames } from '../core/parse/server-log/names';
import { rasEventsOf } from '../core/model/ras-event';
import { vpnProfilesOf } from '../core/model/vpn-profile';
import type { Policy } from '../core/model/policy';
import type { Report } from '../core/model/report';
import { reportBundleFiles } from '../core/report/report-zip';
import { routesForDiagrams } from '../core/report/traffic-diagram';
import { withRoutes } from '../core/parse/lazy-routes';
import { runHistory } from './run-history';
import { OpenedLogs, type OpenedLogOptions } from './opened-logs';
import type { AppInfo, DomainInput, PptpCheckResult, RunSummary } from '../shared/ipc';
import { EngineError, type DesktopEngine } from '../shared/engine-port';
import { CAPTURE_FILES } from '../core/capture/capture';
import { probeTargets, type ProbeTarget } from '../core/probe/reachability';
import { buildSnapshot } from '../core/snapshot/build-snapshot';
import { applyFixes, rollbackRun, type ApplyContext } from './apply/apply';
import { measureReachability } from './reachability';
import { RunStore } from './apply/journal';
import type { RouteTarget } from './apply/route-target';
import { fixApprovalDigest } from './apply/approval';
import { elevatedExecutor, elevatedRollback } from './apply/elevate';
import { createExecaRunner } from './run';
import { errorText } from './error-text';
import { CollectionError, UsageError } from './errors';
import { resolveInput, scanInput, type ResolvedInput } from './input';
import { runsDir } from './paths';
import { PPTP_CONTROL_PORT, probeTcp } from './pptp-probe';
import { TOOL_VERSION } from './version';

export interface DesktopEngineOptions {
  source: 'demo' | 'live' | 'capture';
  captureDir?: string;
  policyFile?: string;
  /** runs (plan, backup, journal) and the demo machine's state */
  dataDir: string;
  locale?: string;
  /**
   * How to start this program elevated (the app's exe and leading args). Given for live runs on
   * Windows: applying and undoing then happen in an elevated instance behind the UAC prompt.
   */
  elevation?: { self: { file: string; args: string[] } };
  /** demo/tests: these route calls (1-based) fail like route.exe does, to show the automatic rollback */
  failRouteCalls?: number[];
  /**
   * TESTS ONLY — production code (app/main) never sets this. Lets the PPTP check run although the
   * source is not 'live', so tests can drive it on a capture; always together with `probeTarget`
   * pointing at 127.0.0.1, so no test ever contacts a real server.
   */
  allowProbe?: boolean;
  /**
   * TESTS ONLY — where the PPTP check really connects for a profile's server. Default: the server
   * itself, port 1723. Tests redirect it to 127.0.0.1 and a port they opened (or closed).
   */
  probeTarget?: (host: string) => { host: string; port: number };
  /**
   * TESTS ONLY — where the reachability check (issue 15.1) really connects; with `allowProbe` it
   * also runs on the demo. Tests point every target at 127.0.0.1 servers they control.
   */
  reachabilityTarget?: (target: ProbeTarget) => ProbeTarget;
  /** TESTS ONLY — the demo machine starts from this sample (e.g. samples/win7-guard) */
  demoSeedDir?: string;
}

/** How long the PPTP check waits for the server's control port before calling it unreachable. */
export const PPTP_CHECK_TIMEOUT_MS = 3_000;
/** A host name or IP literal as a phonebook / Get-VpnConnection gives it; anything else is not dialled. */
const SERVER_HOST = /^[A-Za-z0-9.:-]{1,253}$/;
const defaultProbeTarget = (host: string) => ({ host, port: PPTP_CONTROL_PORT });

interface Session {
  report: Report;
  policy?: Policy;
  corporateNetworks: string[];
  language: EngineLanguage;
  /** the domain typed in the app: the elevated instance re-plans with it (approved-run.ts) */
  domain?: DomainInput;
  /** the server log explained last with this scan (pasted, dropped or read in full): an exported report holds it, its causes folded in */
  serverLog?: ServerLogResult;
}

/**
 * The engine behind the desktop app's IPC handlers. Scans hand out a run token; fixes are applied
 * by token + fix id only, against the report the person actually saw.
 */
export function createDesktopEngine(options: DesktopEngineOptions): DesktopEngine {
  const sessions = new Map<string, Session>();
  const store = new RunStore(runsDir(options.dataDir));
  let inputPromise: Promise<ResolvedInput> | null = null;
  const input = () =>
    (inputPromise ??= resolveInput({
      demo: options.source === 'demo',
      capture: options.source === 'capture' ? options.captureDir : undefined,
      policy: options.policyFile,
      dataDir: options.dataDir,
      failRouteCalls: options.failRouteCalls,
      demoSeedDir: options.demoSeedDir,
    }).catch((e: unknown) => {
      inputPromise = null;
      throw toEngineError(e, pickLanguage(options.locale));
    }));

  // log files read in full for the app (the person chose them in main's open dialog), explained like a paste
  const openedLogs = new OpenedLogs();
  const logOptions = ({ runToken, language }: { runToken?: string; language?: EngineLanguage }): OpenedLogOptions => {
    const s = runToken ? sessions.get(runToken) : undefined;
    return { language: language ?? s?.language ?? pickLanguage(options.locale), scan: s ? { report: s.report, corporateNetworks: s.corporateNetworks, policy: s.policy } : undefined };
  };
  // the server log the person explained last against a scan (the one the panel shows): an exported report of that scan holds it —
  // when it is one (a route print pasted by mistake, an empty paste: nothing for the report, and the log before it is no longer shown)
  const rememberServerLog = (runToken: string | undefined, log: ServerLogResult): void => {
    const s = runToken ? sessions.get(runToken) : undefined;
    if (s) s.serverLog = log.verdict === 'ok' ? log : undefined;
  };
  const session = (runToken: string): Session => {
    const s = sessions.get(runToken);
    if (!s) throw new EngineError('UNKNOWN_RUN_TOKEN', 'This scan is no longer known; scan again.', runToken);
    return s;
  };
  const writable = async (): Promise<RouteTarget> => {
    const target = (await input()).target;
    if (!target) throw new EngineError('READ_ONLY_CAPTURE', 'This is a capture of another machine: nothing can be changed from here.');
    return target;
  };
  const elevation = options.elevation && options.source === 'live' ? { ...options.elevation, runner: createExecaRunner(), store } : undefined;
  const context = async (s: Pick<Session, 'corporateNetworks' | 'language' | 'policy' | 'domain'>, onProgress: ApplyContext['onProgress'], probe = false): Promise<ApplyContext> => {
    const target = await writable();
    // Reachability before/after, only when the person allowed it; live only (tests: allowProbe + 127.0.0.1 targets)
    const measure = probe && (options.source === 'live' || options.allowProbe)
      ? async () => measureReachability(probeTargets(buildSnapshot(await target.collect()).snapshot, s.policy).map(options.reachabilityTarget ?? ((t) => t)), { consent: true })
      : undefined;
    // the elevated instance gets the inputs of this scan, so it plans exactly what the person saw
    const elevated = elevation && { ...elevation, probe: Boolean(measure), inputs: { policyFile: options.policyFile, corporateNetworks: s.corporateNetworks, domain: s.domain, language: s.language } };
    return {
      target,
      store,
      analyse: { corporateNetworks: s.corporateNetworks, language: s.language, policy: s.policy, toolVersion: TOOL_VERSION },
      onProgress,
      reachability: measure,
      execute: elevated && elevatedExecutor(elevated),
      executeRollback: elevated && elevatedRollback(elevated),
    };
  };

  return {
    async info(): Promise<AppInfo> {
      const i = await input();
      return {
        version: TOOL_VERSION,
        platform: process.platform,
        source: i.source,
        sourceLabel: i.label,
        locale: options.locale ?? 'en',
        policyNetworks: i.policy?.corporateNetworks ?? [],
        policyDomain: Boolean(i.policy?.domain?.netbiosName && i.policy.domain.controllers?.length),
        reachability: i.source === 'live' || options.allowProbe === true,
      };
    },

    async scan(opts, onProgress) {
      const i = await input();
      const language = opts.language ?? pickLanguage(options.locale);
      const corporateNetworks = [...new Set([...i.corporateNetworks, ...(opts.corporateNetworks ?? [])])];
      // A domain typed in the app completes the policy (the policy file wins where it has one).
      const policy = opts.domain && !i.policy?.domain?.controllers?.length ? { schemaVersion: 1 as const, ...i.policy, domain: { ...i.policy?.domain, ...opts.domain } } : i.policy;
      onProgress({ phase: 'collect', step: 1, total: 2, label: `Reading ${i.label}` });
      const { report } = await scanInput({ ...i, corporateNetworks, policy }, language).catch((e: unknown) => {
        throw toEngineError(e, language);
      });
      onProgress({ phase: 'diagnose', step: 2, total: 2, label: 'Checking routes' });
      const runToken = `scan-${randomBytes(8).toString('hex')}`;
      sessions.set(runToken, { report, corporateNetworks, language, policy, domain: opts.domain });
      // the SHA-256 of each fix's plan, shown in the consent dialog: what the elevated side must re-derive
      const fixSha256 = Object.fromEntries(report.findings.flatMap((f) => f.fixes.map((x) => [x.id, fixApprovalDigest(x)])));
      // No screen shows the whole route table: the renderer's copy keeps only the routes the traffic
      // diagrams need (those matching a destination a finding decides), not a 200 000-route table
      // validated and copied over IPC for nothing. The session, fixes and exports keep all of them.
      // (withRoutes: a spread of the snapshot would make every route of its lazy table first)
      return { runToken, report: { ...report, snapshot: withRoutes(report.snapshot, routesForDiagrams(report.snapshot, report.findings)) }, fixSha256 };
    },

    async applyFixes(runToken, fixIds, onProgress, opts) {
      const s = session(runToken);
      const result = await applyFixes(await context(s, onProgress, opts?.probe === true), s.report, fixIds);
      return result;
    },

    async rollback(runId, onProgress) {
      const last = [...sessions.values()].at(-1);
      return rollbackRun(await context(last ?? { corporateNetworks: (await input()).corporateNetworks, policy: (await input()).policy, language: pickLanguage(options.locale) }, onProgress), runId);
    },

    async history(): Promise<RunSummary[]> {
      // the fix's title as the person saw it (from this session's scans); else the plan's first step
      const titles = new Map([...sessions.values()].flatMap((x) => x.report.findings.flatMap((f) => f.fixes.map((fx) => [fx.id, fx.title] as const))));
      const ids = await store.list();
      const summaries = await Promise.all(
        ids.map(async (runId) => {
          // a run cut off before its plan was written, or one that does not verify, is not history
          const run = await store.verifiedRun(runId).catch(() => null);
          if (!run) return null;
          const { plan, journal } = run;
          const last = journal.at(-1);
          const title = plan.fixIds.map((id) => titles.get(id)).find(Boolean) ?? plan.actions[0]?.label;
          return {
            runId,
            startedAt: plan.createdAt,
            fixIds: plan.fixIds,
            verified: journal.some((r) => r.phase === 'verified'),
            rolledBack: journal.some((r) => r.phase === 'rolled-back'),
            undone: journal.some((r) => r.phase === 'undone'),
            message: last?.message ?? engineT(pickLanguage(options.locale))(journal.some((r) => r.phase === 'verified') ? 'engineRun.applied' : 'engineRun.interrupted'),
            steps: plan.actions.map((a) => a.label),
            ...(title ? { title } : {}),
          };
        }),
      );
      return summaries.filter((x): x is NonNullable<typeof x> => x !== null).reverse();
    },

    async exportReport(runToken, format, opts = {}) {
      const s = session(runToken);
      const i = await input();
      // What the person sees now, not the scan's snapshot: the machine is read again (fixes applied or
      // undone since the scan are in it), in the UI's language, with the runs made on this machine.
      // the server log the person explained with this scan goes in too (report.serverLogs, its causes folded into the PC's findings,
      // as `explain-log --capture` makes them); redacted, the names in its lines are hidden as the capture's are
      const serverLogs = s.serverLog ? [s.serverLog] : undefined;
      const { report, capture } = await scanInput({ ...i, corporateNetworks: s.corporateNetworks, policy: s.policy }, opts.language ?? s.language, serverLogs).catch((e: unknown) => {
        throw toEngineError(e, opts.language ?? s.language);
      });
      const runs = i.target ? await runHistory(store, opts.language ?? s.language) : [];
      const files = reportBundleFiles({ report, capture, policy: s.policy, runs, redact: opts.redact, moreSensitive: s.serverLog && opts.redact ? serverLogNames(s.serverLog) : undefined });
      const stamp = report.generatedAt.replace(/[:.]/g, '-');
      const name = `tunnelmedic-report-${stamp}${opts.redact ? '-redacted' : ''}`;
      return format === 'json'
        ? { suggestedName: `${name}.json`, content: files.find((f) => f.name === 'report.json')!.content }
        : { suggestedName: `${name}.html`, content: files.find((f) => f.name === 'report.html')!.content };
    },

    async fixScript(runToken, fixId, which, shell) {
      const fix = session(runToken).report.findings.flatMap((f) => f.fixes).find((f) => f.id === fixId);
      if (!fix) throw new EngineError('UNKNOWN_FIX', 'This scan has no fix with that id; scan again.', fixId);
      const text = which === 'fix' ? (shell === 'ps1' ? fix.script.ps1 : fix.script.cmd) : shell === 'ps1' ? fix.script.rollbackPs1 : fix.script.rollbackCmd;
      if (!text) throw new EngineError('UNKNOWN_FIX', fix.script.ps1Unavailable && shell === 'ps1' ? fix.script.ps1Unavailable : 'This fix has no script of that kind.', `${fixId} ${which} ${shell}`);
      // Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: give it the BOM (as `scripts` does)
      const content = shell === 'ps1' ? `\uFEFF${text}` : text;
      // a script for Windows 9x is a .bat: COMMAND.COM does not run .cmd files (script-dialect.ts)
      const ext = shell === 'cmd' && fix.script.dialect === 'command-com' ? 'bat' : shell;
      return { suggestedName: `tunnelmedic-${which === 'fix' ? 'fix' : 'undo'}-${fixId.replace(/[^A-Za-z0-9-]+/g, '-')}.${ext}`, content };
    },

    async checkPptp(runToken, profileName): Promise<PptpCheckResult> {
      // The check connects from THIS computer. For the demo (whose server 161.44.20.10 is a real
      // outside address) or a capture of another PC that answers nothing useful — and must not
      // contact a server on someone's behalf — so it is refused before anything else happens.
      if (options.source !== 'live' && options.allowProbe !== true) {
        throw new EngineError(
          'PROBE_NOT_LIVE',
          options.source === 'demo'
            ? 'The PPTP test connects from this computer, so it only makes sense for this computer\'s own VPN. This is the demo machine: its server is not contacted.'
            : 'The PPTP test connects from this computer, so it only makes sense for this computer\'s own VPN. These results come from a capture of another computer: run TunnelMedic on that computer to test its connection.',
          options.source,
        );
      }
      const s = session(runToken);
      const named = vpnProfilesOf(s.report.snapshot.vpnProfiles).filter((p) => p.name === profileName);
      if (named.length === 0) throw new EngineError('UNKNOWN_PROFILE', 'This scan has no VPN connection with that name; scan again.', profileName);
      // the same connection can appear twice (phonebook and Get-VpnConnection): use one that names a server
      const profile = named.find((p) => p.server?.trim()) ?? named[0]!;
      const server = profile.server?.trim();
      if (!server) throw new EngineError('NO_SERVER', `The VPN connection "${profileName}" has no server address to test.`, profileName);
      if (!['pptp', 'automatic', 'unknown'].includes(profile.tunnel)) {
        throw new EngineError('NOT_PPTP', `The VPN connection "${profileName}" does not use PPTP (${profile.tunnel}), so port 1723 says nothing about it.`, profileName);
      }
      if (!SERVER_HOST.test(server)) throw new EngineError('NO_SERVER', `The server of "${profileName}" is not a host name or address that can be tested.`, server);
      const target = (options.probeTarget ?? defaultProbeTarget)(server);
      const probe = await probeTcp(target.host, { consent: true, port: target.port, timeoutMs: PPTP_CHECK_TIMEOUT_MS });
      // this connection's events (and those that name none): another profile's 806 says nothing here
      const events = rasEventsOf(s.report.snapshot.events).filter((e) => e.entryName === undefined || e.entryName === profile.name);
      const reading = interpretPptpPath(probe, events, engineT(s.language));
      return { verdict: reading.verdict, message: reading.message, host: probe.host, port: probe.port, state: probe.state, ms: probe.ms };
    },

    async routeFingerprint() {
      const i = await input();
      // live: one route print (the collector's 16 commands would be far too much every few seconds)
      const text = i.source === 'live' ? (await createExecaRunner().run(`${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\route.exe`, ['print'], { timeoutMs: 10_000, okExitCodes: [0, 1] })).stdout : ((await i.target?.collect())?.files.get(CAPTURE_FILES.routePrint)?.text ?? '');
      return { fingerprint: createHash('sha256').update(text).digest('hex') };
    },

    async explainServerLog({ text, label, runToken, language }) {
      // parsed here in main (the renderer only sent text); a stale token just means "no scan to match"
      const o = logOptions({ runToken, language });
      const log = readPastedLog(text, label, o.language);
      rememberServerLog(runToken, log);
      return explainReadLog(log, o);
    },
    async openServerLog(path, opts, onProgress) {
      const o = logOptions(opts);
      const opened = await openedLogs.open(path, o, onProgress).catch((e: unknown) => {
        throw toEngineError(e, o.language);
      });
      rememberServerLog(opts.runToken, openedLogs.log(opened.openId, opened.index));
      return opened;
    },
    async explainOpenedLog(openId, index, opts) {
      const opened = openedLogs.explainOpened(openId, index, logOptions(opts));
      rememberServerLog(opts.runToken, openedLogs.log(openId, index));
      return opened;
    },
    async forgetServerLog({ runToken, openId }) {
      // the person cleared the panel: an export of that scan from now on holds no server log, and the file read in full is let go
      const s = runToken ? sessions.get(runToken) : undefined;
      const hadLog = s?.serverLog !== undefined;
      if (s) s.serverLog = undefined;
      const hadFile = openId !== undefined && openedLogs.forget(openId);
      return { forgotten: hadLog || hadFile };
    },
  };
}

/**
 * An error crossing to the app: bad input and a live collection that failed keep their words in the
 * person's language (the app shows the message of a code it has no text for, and the message under
 * "Copy details").
 */
function toEngineError(e: unknown, language: EngineLanguage): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof UsageError) return new EngineError('BAD_INPUT', errorText(e, language));
  if (e instanceof CollectionError) return new EngineError('LIVE_COLLECTION', errorText(e, language));
  return new EngineError('INTERNAL', (e as Error).message ?? String(e));
}
