import { request } from 'node:http';
import type { Policy } from '../core/model/policy';
import type { Snapshot } from '../core/model/snapshot';
import { probeTargets, PROBE_TIMEOUT_MS, type ProbeResult, type ProbeRound, type ProbeTarget } from '../core/probe/reachability';
import { probeTcp } from './pptp-probe';

/**
 * The live half of the reachability check: every target at once, each bounded by a timeout. Only
 * called after the person's consent (it contacts the network); never on the demo or a capture.
 * HTTP is read as status (and, for Windows' own test URL, its body); nothing is sent but a GET.
 */
export async function measureReachability(targets: readonly ProbeTarget[], opts: { consent: true; timeoutMs?: number }): Promise<ProbeRound> {
  if (opts.consent !== true) throw new Error('measureReachability needs the person\'s consent');
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  const at = new Date().toISOString();
  const results = await Promise.all(targets.map((t) => (t.kind === 'http' ? probeHttp(t, timeoutMs) : probeTcpTarget(t, timeoutMs))));
  return { at, results };
}

async function probeTcpTarget(t: Extract<ProbeTarget, { kind: 'tcp' }>, timeoutMs: number): Promise<ProbeResult> {
  const r = await probeTcp(t.host, { consent: true, port: t.port, timeoutMs });
  return { id: t.id, ok: r.state === 'open', ms: r.ms, detail: r.error ? `${r.state} (${r.error})` : r.state };
}

function probeHttp(t: Extract<ProbeTarget, { kind: 'http' }>, timeoutMs: number): Promise<ProbeResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean, detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ id: t.id, ok, ms: Date.now() - started, detail });
    };
    const req = request(t.url, { method: 'GET', headers: { 'User-Agent': 'TunnelMedic reachability check', Connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => {
        if (body.length < 4096) body += d;
      });
      res.on('end', () => {
        const statusOk = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        const bodyOk = t.expectBody === undefined || body.trim() === t.expectBody;
        done(statusOk && bodyOk, `HTTP ${res.statusCode ?? '?'}${statusOk && !bodyOk ? ' (unexpected answer: a login page or proxy?)' : ''}`);
      });
      res.on('error', (e: NodeJS.ErrnoException) => done(false, e.code ?? e.message));
    });
    const timer = setTimeout(() => done(false, 'timeout'), timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => done(false, e.code ?? e.message));
    req.end();
  });
}

/**
 * The engine's reachability hook for a run on this machine: targets from the fresh snapshot and
 * the policy. Only for live runs the person allowed to contact the network; the demo and captures
 * never probe (there is no network behind them).
 */
export function reachabilityFor(source: string, allowed: boolean, policy: Policy | undefined, snapshotNow: () => Promise<Snapshot>): (() => Promise<ProbeRound>) | undefined {
  if (source !== 'live' || !allowed) return undefined;
  return async () => measureReachability(probeTargets(await snapshotNow(), policy), { consent: true });
}
