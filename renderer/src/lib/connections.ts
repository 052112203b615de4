import type { Finding, RasEvent, Report, VpnProfile } from '../../../app/shared/model-types';

/**
 * Read-only views of report.snapshot.events and .vpnProfiles for the "Connection problems" screen.
 * The snapshot keeps both as unknown[], so each item is checked here (types only come from core;
 * nothing of core runs in the renderer).
 */

const EVENT_KINDS = new Set(['terminated', 'dialing', 'contacting', 'linkUp', 'connected', 'disconnected', 'failed', 'other']);

const isRasEvent = (e: unknown): e is RasEvent =>
  typeof e === 'object' && e !== null && (e as RasEvent).type === 'rasclient' && EVENT_KINDS.has((e as RasEvent).kind) && typeof (e as RasEvent).file === 'string' && typeof (e as RasEvent).line === 'number';

const isProfile = (p: unknown): p is VpnProfile =>
  typeof p === 'object' && p !== null && typeof (p as VpnProfile).name === 'string' && Array.isArray((p as VpnProfile).auth) && typeof (p as VpnProfile).file === 'string';

export const rasEvents = (report: Report): RasEvent[] => report.snapshot.events.filter(isRasEvent);
export const vpnProfiles = (report: Report): VpnProfile[] => report.snapshot.vpnProfiles.filter(isProfile);

export type AttemptOutcome = 'connected' | 'failed' | 'disconnected' | 'unknown';

/** One connection attempt: the events sharing a CoId (or, without one, a single event), oldest first. */
export interface Attempt {
  key: string;
  entryName?: string;
  time?: string;
  events: RasEvent[];
  outcome: AttemptOutcome;
  errorCode?: number;
  /** the event that ended it with an error, for matching the finding's evidence */
  failure?: RasEvent;
  /** connection settings logged by 20221, when present */
  settings?: Record<string, string>;
}

const byTime = (a: RasEvent, b: RasEvent): number => (a.time ?? '').localeCompare(b.time ?? '') || a.line - b.line;

export function attempts(events: RasEvent[]): Attempt[] {
  const groups = new Map<string, RasEvent[]>();
  events.forEach((e, i) => {
    const key = e.coId ?? `${e.file}:${e.line}:${i}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  });
  const list = [...groups.entries()].map(([key, group]): Attempt => {
    const sorted = [...group].sort(byTime);
    const failure = [...sorted].reverse().find((e) => (e.kind === 'failed' || e.kind === 'terminated') && e.errorCode !== undefined && e.errorCode !== 0);
    const outcome: AttemptOutcome = failure
      ? 'failed'
      : sorted.some((e) => e.kind === 'connected')
        ? sorted.at(-1)?.kind === 'disconnected'
          ? 'disconnected'
          : 'connected'
        : 'unknown';
    return {
      key,
      entryName: sorted.find((e) => e.entryName)?.entryName,
      time: sorted[0]?.time,
      events: sorted,
      outcome,
      errorCode: failure?.errorCode,
      failure,
      settings: sorted.find((e) => e.settings)?.settings,
    };
  });
  // newest first
  return list.sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
}

/** The entry name of an attempt: logged on the event, or read from "named X which has failed". */
export function attemptName(a: Attempt): string | undefined {
  if (a.entryName) return a.entryName;
  for (const e of a.events) {
    const m = /named (.+?) which/.exec(e.text);
    if (m) return m[1];
  }
  return undefined;
}

/** The finding whose evidence quotes this exact event line (file + line), else one naming the code. */
export function findingForFailure(findings: Finding[], a: Attempt): Finding | undefined {
  const f = a.failure;
  if (!f) return undefined;
  return (
    findings.find((x) => x.evidence.some((ev) => ev.source === f.file && ev.line === f.line)) ??
    findings.find((x) => a.errorCode !== undefined && new RegExp(`\\b${a.errorCode}\\b`).test(`${x.title} ${x.summary}`))
  );
}

/** Findings whose evidence points at this profile's entry (its file and line). */
export function findingsForProfile(findings: Finding[], p: VpnProfile): Finding[] {
  return findings.filter((x) => x.evidence.some((ev) => ev.source === p.file && (p.line === undefined || ev.line === p.line)) || (x.id.startsWith('route.') && x.summary.includes(p.name)));
}

/** Profile settings a finding is about, so the row can be marked next to the explanation. */
export const SETTINGS_CONCERNED: Record<string, ProfileSetting[]> = {
  'vpn.auth-mismatch': ['auth', 'encryption'],
  'vpn.encryption-mismatch': ['encryption', 'tunnel'],
  'vpn.gre-blocked': ['tunnel', 'server'],
  'vpn.server-unreachable': ['server', 'tunnel'],
  'vpn.credential-guard-mschapv2': ['auth'],
  'route.vpn-default-route-wins': ['splitTunnel'],
};

export type ProfileSetting = 'server' | 'tunnel' | 'encryption' | 'auth' | 'splitTunnel';
export const PROFILE_SETTINGS: ProfileSetting[] = ['server', 'tunnel', 'encryption', 'auth', 'splitTunnel'];
