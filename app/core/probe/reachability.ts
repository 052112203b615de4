import type { Policy } from '../model/policy';
import type { Snapshot } from '../model/snapshot';

/**
 * Reachability before and after a fix (issue 15.1): the Internet and each corporate network,
 * measured the same way twice; a target that answered before and not after means the fix broke
 * something, and the engine puts everything back.
 *
 * The Internet default is the plain-HTTP test Windows itself uses for its network status
 * indicator (NCSI): GET http://www.msftconnecttest.com/connecttest.txt answers 200 with
 * "Microsoft Connect Test" (Learn, "Network Connectivity Status Indicator (NCSI) overview",
 * Windows 10 and later; earlier Windows used www.msftncsi.com/ncsi.txt). Corporate networks default
 * to the VPN adapter's DNS servers on TCP 53 (DNS over TCP, RFC 7766 requires servers to offer
 * it), because a working name server is what the person's company apps need first.
 */
export const NCSI_URL = 'http://www.msftconnecttest.com/connecttest.txt';
export const NCSI_BODY = 'Microsoft Connect Test';
/** Per target; a probe that takes longer counts as not reachable. */
export const PROBE_TIMEOUT_MS = 4_000;
export const MAX_PROBE_TARGETS = 16;

export type ProbeTarget =
  | { id: string; kind: 'http'; label: 'internet' | 'corporate'; url: string; expectBody?: string }
  | { id: string; kind: 'tcp'; label: 'internet' | 'corporate'; host: string; port: number };

export interface ProbeResult {
  id: string;
  ok: boolean;
  ms: number;
  /** what was seen: an HTTP status, "open", "refused", "timeout", an error code */
  detail: string;
}

export interface ProbeRound {
  at: string;
  results: ProbeResult[];
}

const hostPort = (s: string): { host: string; port: number } | null => {
  const m = /^([A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(s);
  const port = m ? Number(m[2]) : 0;
  return m && port >= 1 && port <= 65_535 ? { host: m[1]!, port } : null;
};

/** What to probe for this machine: policy `probes` first, else the defaults above. */
export function probeTargets(snapshot: Snapshot, policy: Policy | undefined): ProbeTarget[] {
  const internetUrl = policy?.probes?.internet ?? NCSI_URL;
  const targets: ProbeTarget[] = [{ id: 'internet', kind: 'http', label: 'internet', url: internetUrl, ...(internetUrl === NCSI_URL ? { expectBody: NCSI_BODY } : {}) }];
  const corporate = policy?.probes?.corporate ?? tunnelDnsServers(snapshot).map((a) => `${a}:53`);
  for (const hp of corporate) {
    const parsed = hostPort(hp);
    if (parsed) targets.push({ id: `corporate:${parsed.host}:${parsed.port}`, kind: 'tcp', label: 'corporate', ...parsed });
  }
  return targets.slice(0, MAX_PROBE_TARGETS);
}

/** DNS servers of PPP/VPN adapters (ipconfig /all), in order, without duplicates. */
export function tunnelDnsServers(snapshot: Snapshot): string[] {
  const out = snapshot.interfaces.filter((i) => i.kind === 'ppp' || i.kind === 'vpn').flatMap((i) => i.dnsServers);
  return [...new Set(out.filter((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a)))];
}

/** Targets that answered before and do not answer after: what the change broke. */
export function regressions(before: ProbeRound, after: ProbeRound): ProbeResult[] {
  const okBefore = new Set(before.results.filter((r) => r.ok).map((r) => r.id));
  return after.results.filter((r) => !r.ok && okBefore.has(r.id));
}

/** "the Internet", "the company network (10.13.1.10:53)": words for the person. */
export function describeTarget(id: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (id === 'internet') return t('probe.internet');
  return t('probe.corporate', { target: id.replace(/^corporate:/, '') });
}
