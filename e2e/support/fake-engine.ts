import { explainPastedLog } from '../../app/core/diagnose/server-log/paste';
import { OpenedLogs } from '../../app/system/opened-logs';
import type { DesktopEngine } from '../../app/shared/engine-port';
import { EngineError } from '../../app/shared/engine-port';
import type { Progress, RunResult, RunSummary } from '../../app/shared/ipc';
import type { Finding, Report } from '../../app/core/model/report';
import { rollbackActions, type Action } from '../../app/core/remedy/actions';
import { renderCmd } from '../../app/core/remedy/render-cmd';

/**
 * A stand-in DesktopEngine used only while app/system/desktop-engine.ts did not exist yet, and by
 * unit tests that need an engine without a file system. The e2e specs use the real engine.
 */
export function createFakeEngine(opts: { failStep?: number; source?: 'demo' | 'live' } = {}): DesktopEngine {
  const source = opts.source ?? 'demo';
  let broken = true;
  let token = 0;
  const tokens = new Set<string>();
  const runs: (RunSummary & { actions: Action[] })[] = [];
  const actions: Action[] = [
    { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.250.1', interfaceIndex: 23, previousMetric: 1 },
    { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.13.250.1', metric: 1, interfaceIndex: 23 },
  ];
  const labels = ['Remove the VPN default route (0.0.0.0 via 10.13.250.1)', 'Send 10.13.1.0/24 through the VPN'];

  const finding = (nl: boolean): Finding => ({
    id: 'route.vpn-default-route-wins',
    severity: 'critical',
    title: nl ? 'Al je internetverkeer gaat door de VPN' : 'All your internet traffic goes through the VPN',
    summary: nl
      ? 'De VPN heeft een standaardroute met een lagere metric dan je eigen netwerk, dus wint die voor elk adres.'
      : 'The VPN added a default route with a lower metric than your own network, so it wins for every address.',
    evidence: [
      { source: 'route-print.txt', line: 18, text: '          0.0.0.0          0.0.0.0      10.13.250.1    10.13.250.7      1' },
      { source: 'route-print.txt', line: 19, text: '          0.0.0.0          0.0.0.0      192.168.1.1   192.168.1.23     25' },
    ],
    decisions: [
      { target: '1.1.1.1', label: 'Internet', viaTunnel: true, reason: 'Metric 1 beats 25', winner: { destination: '0.0.0.0', prefixLength: 0, gateway: '10.13.250.1', interfaceName: 'CorpVPN', interfaceKind: 'vpn', metric: 1, line: 18 } },
      { target: '10.13.1.5', label: '10.13.1.0/24', viaTunnel: true, reason: 'Only the default route matches', winner: { destination: '0.0.0.0', prefixLength: 0, gateway: '10.13.250.1', interfaceName: 'CorpVPN', interfaceKind: 'vpn', metric: 1, line: 18 } },
    ],
    fixes: [
      {
        id: 'fix.split-tunnel-now',
        title: nl ? 'Alleen bedrijfsverkeer door de VPN (tot de VPN opnieuw verbindt)' : 'Only company traffic through the VPN (until the VPN reconnects)',
        strength: 'now',
        requiresAdmin: true,
        risk: 'low',
        steps: labels,
        actions,
        rollbackActions: rollbackActions(actions),
        script: {
          cmd: renderCmd({ title: 'TunnelMedic fix', steps: actions.map((a, i) => ({ action: a, label: labels[i]! })) }),
          rollbackCmd: renderCmd({ title: 'TunnelMedic undo', steps: rollbackActions(actions).map((a) => ({ action: a, label: `Undo ${a.kind}` })) }),
        },
      },
    ],
  });

  const report = (nl: boolean): Report => ({
    schemaVersion: 1,
    tool: { name: 'tunnelmedic', version: '0.1.0' },
    generatedAt: new Date().toISOString(),
    source: 'demo',
    language: nl ? 'nl' : 'en',
    snapshot: { os: { family: 'nt6+', name: 'Windows 11' }, interfaces: [], routes: [], persistentRoutes: [], vpnProfiles: [], registry: {}, lmhosts: {}, events: [], files: { collected: [], notCollected: [] }, problems: [] },
    findings: broken ? [finding(nl)] : [],
  });

  const step = (onProgress: (p: Progress) => void, phase: Progress['phase'], n: number, total: number, label: string): Promise<void> => {
    onProgress({ phase, step: n, total, label });
    return new Promise((r) => setTimeout(r, 40));
  };

  const result = (runId: string, ok: boolean, rolledBack: boolean, message: string, status: 'done' | 'failed' | 'rolled-back'): RunResult => ({
    runId,
    fixIds: ['fix.split-tunnel-now'],
    startedAt: new Date().toISOString(),
    steps: labels.map((label, i) => ({ label, status: status === 'failed' && i === 0 ? 'rolled-back' : status === 'failed' && i === 1 ? 'failed' : status })),
    verified: ok,
    rolledBack,
    remaining: ok ? [] : ['route.vpn-default-route-wins'],
    message,
    report: report(false),
  });

  const opened = new OpenedLogs();

  return {
    info: async () => ({ version: '0.1.0', platform: source === 'live' ? 'win32' : 'linux', source, sourceLabel: source === 'live' ? 'This PC' : 'Demo machine', locale: 'en', policyNetworks: [], policyDomain: false }),
    scan: async (o, onProgress) => {
      await step(onProgress, 'collect', 1, 2, 'Reading the route table');
      await step(onProgress, 'diagnose', 2, 2, 'Checking the rules');
      const runToken = `scan-${++token}`;
      tokens.add(runToken);
      return { runToken, report: report(o.language === 'nl') };
    },
    applyFixes: async (runToken, fixIds, onProgress) => {
      if (!tokens.has(runToken)) throw new EngineError('UNKNOWN_RUN_TOKEN', 'This scan is out of date; scan again.', runToken);
      if (!fixIds.every((f) => f === 'fix.split-tunnel-now')) throw new EngineError('UNKNOWN_FIX', 'Unknown fix.', fixIds.join(','));
      const runId = `run-${runs.length + 1}`;
      await step(onProgress, 'backup', 1, 4, 'Backing up the route table');
      await step(onProgress, 'apply', 2, 4, labels[0]!);
      if (opts.failStep !== undefined) {
        await step(onProgress, 'rollback', 3, 4, 'Putting the old routes back');
        runs.push({ runId, startedAt: new Date().toISOString(), fixIds, verified: false, rolledBack: true, undone: false, message: 'route.exe failed', actions });
        const r = result(runId, false, true, 'Step 2 failed: route.exe said "The route addition failed: The object already exists." Your routes were put back as they were.', 'failed');
        return r;
      }
      await step(onProgress, 'apply', 3, 4, labels[1]!);
      await step(onProgress, 'verify', 4, 4, 'Scanning again');
      broken = false;
      runs.push({ runId, startedAt: new Date().toISOString(), fixIds, verified: true, rolledBack: false, undone: false, message: 'Verified', actions });
      return result(runId, true, false, 'Verified: the VPN default route is gone and 10.13.1.0/24 goes through the VPN.', 'done');
    },
    rollback: async (runId, onProgress) => {
      const run = runs.find((r) => r.runId === runId);
      if (!run) throw new EngineError('UNKNOWN_RUN', 'There is no run with this id.', runId);
      await step(onProgress, 'rollback', 1, 1, 'Putting the old routes back');
      run.undone = true;
      broken = true;
      return { ...result(runId, false, true, 'Undone: your routes are as they were before.', 'rolled-back'), remaining: [] };
    },
    history: async () => runs.map(({ actions: _a, ...r }) => r),
    exportReport: async () => ({ suggestedName: 'tunnelmedic-report.html', content: '<html></html>' }),
    fixScript: async (_token, fixId, which, shell) => ({ suggestedName: `tunnelmedic-${which}-${fixId}.${shell}`, content: 'rem fake' }),
    // canned: the fake never opens a connection; it models only the refusals the real engine makes
    checkPptp: async (runToken, profileName) => {
      if (source !== 'live') throw new EngineError('PROBE_NOT_LIVE', 'The PPTP test connects from this computer, so it only makes sense for this computer\'s own VPN. This is the demo machine: its server is not contacted.', source);
      if (!tokens.has(runToken)) throw new EngineError('UNKNOWN_RUN_TOKEN', 'This scan is out of date; scan again.', runToken);
      if (profileName !== 'Corp VPN') throw new EngineError('UNKNOWN_PROFILE', 'This scan has no VPN connection with that name; scan again.', profileName);
      return {
        verdict: 'control-ok',
        message: 'TCP port 1723 on vpn.example.com answered in 12 ms: PPTP\'s control channel is reachable.',
        host: 'vpn.example.com',
        port: 1723,
        state: 'open',
        ms: 12,
      };
    },
    // the real pure explanation, without a scan to match against
    explainServerLog: async ({ text, label, language }) => explainPastedLog({ text, label, language }),
    openServerLog: async (path, { language }, onProgress) => opened.open(path, { language: language ?? 'en' }, onProgress),
    explainOpenedLog: async (openId, index, { language }) => opened.explainOpened(openId, index, { language: language ?? 'en' }),
    // the fake keeps no scan's log for an export (its export is canned): only the file read in full is let go
    forgetServerLog: async ({ openId }) => ({ forgotten: openId !== undefined && opened.forget(openId) }),
    routeFingerprint: async () => ({ fingerprint: broken ? 'broken' : 'fixed' }),
  };
}
