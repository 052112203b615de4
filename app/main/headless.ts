import type { Policy } from '../core/model/policy';
import type { Report } from '../core/model/report';
import { unattendedRefusal, unattendedRefusalText } from '../core/model/unattended';

/**
 * Commands the desktop app runs without a window, with the CLI's semantics and exit codes. This
 * module imports no Electron (main.ts does), so the mapping is unit-tested in plain Node.
 */
const HEADLESS = new Set(['apply-plan', 'rollback', 'guard-run']);

/** Chromium/Node switches (Playwright's launch and dev runs add them): never part of our command line. */
const isDebugFlag = (a: string) => /^--(inspect|remote-debugging|user-data-dir=|no-sandbox$|disable-gpu$|enable-logging)/.test(a);

/**
 * `TunnelMedic.exe --silent [--policy F] [--out F] [--capture DIR | --demo] [--corp-net CIDR]…`
 * → the CLI's internal `silent` command; `apply-plan …` / `rollback …` (the elevated instance) as
 * they are; anything else opens the window (null).
 */
export function headlessArgs(argv: readonly string[]): string[] | null {
  const args = argv.filter((a) => !isDebugFlag(a));
  if (args.includes('--silent')) return ['silent', ...args.filter((a) => a !== '--silent')];
  if (args[0] && HEADLESS.has(args[0])) return [...args];
  return null;
}

export interface SilentValues {
  demo?: boolean;
  capture?: string;
  policy?: string;
  'corp-net'?: string[];
  lang?: string;
}

/** The INPUT part of a silent run, as CLI arguments. */
export function silentInputArgs(v: SilentValues): string[] {
  return [
    ...(v.demo ? ['--demo'] : []),
    ...(v.capture !== undefined ? ['--capture', v.capture] : []),
    ...(v.policy !== undefined ? ['--policy', v.policy] : []),
    ...(v['corp-net'] ?? []).flatMap((c) => ['--corp-net', c]),
    ...(v.lang !== undefined ? ['--lang', v.lang] : []),
  ];
}

/**
 * What a silent run does after its scan: nothing without a policy that allows fixes unattended;
 * otherwise `fix --yes` limited (--only) to the first fix of each finding the policy's
 * unattended.allow lists, when that fix is within `unattended.maxRisk` (default low) and is no
 * split without corporate networks (unattendedRefusal; `fix` checks the same again). Refused fixes
 * go to `skipped` with the reason. A capture describes another machine: it is only scanned.
 */
export function silentFixArgs(
  v: SilentValues,
  report: Pick<Report, 'findings'>,
  policy: Pick<Policy, 'unattended'> | undefined,
  /** reason: in English (logs); refusal: its catalogue text, for a face to word in the person's language */
  skipped: (fixId: string, reason: string, refusal: NonNullable<ReturnType<typeof unattendedRefusalText>>) => void = () => undefined,
): string[] | null {
  if (v.capture !== undefined) return null;
  const allow = new Set<string>(policy?.unattended?.allow ?? []);
  const fixIds: string[] = [];
  for (const finding of report.findings.filter((f) => allow.has(f.id) && f.fixes.length > 0)) {
    const fix = finding.fixes[0]!;
    const refusal = unattendedRefusalText(fix, finding.id, policy);
    if (refusal) skipped(fix.id, unattendedRefusal(fix, finding.id, policy)!, refusal);
    else fixIds.push(fix.id);
  }
  if (fixIds.length === 0) return null;
  return ['fix', ...silentInputArgs(v), '--yes', '--json', '--only', fixIds.join(',')];
}

export function silentScanArgs(v: SilentValues): string[] {
  return ['scan', ...silentInputArgs(v), '--json'];
}
