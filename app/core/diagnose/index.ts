import { engineT, type EngineLanguage } from '../i18n';
import type { Finding, Severity } from '../model/report';
import type { Policy } from '../model/policy';
import type { Snapshot } from '../model/snapshot';
import type { DiagnoseContext } from './context';
import { compiledT } from './compiled-t';
import { scriptRefusalText, withMachineScripts } from '../remedy/build-fix';
import { scriptMachineOf } from '../remedy/script-machine';
import { duplicateDefaultEqualMetric } from './rules/duplicate-default';
import { lanHiddenByVpn } from './rules/lan-hidden-by-vpn';
import { persistentRouteStale } from './rules/persistent-route-stale';
import { vpnDefaultRouteWins } from './rules/vpn-default-route-wins';
import { vpnNetworkUnreachable } from './rules/vpn-network-unreachable';
import { osNt4ServicePack, rasDunTooOld } from './rules/legacy-windows';
import { vpnCredentialGuard } from './rules/vpn-credential-guard';
import { cachedCredentialsSilent } from './rules/cached-logon';
import { keepRasConnectionsDisabled } from './rules/keep-ras-connections';
import { lmhostsLookupDisabled, lmhostsMissingDomainEntries, lmhostsSyntax } from './rules/lmhosts-rules';
import { eventsRasError, vpnAuthMismatch, vpnEncryptionMismatch, vpnGreBlocked, vpnServerUnreachable } from './rules/vpn-failures';

/** Every rule is a pure function of the snapshot and what the machine cannot know. */
const RULES: ((ctx: DiagnoseContext) => Finding[])[] = [
  vpnDefaultRouteWins,
  vpnNetworkUnreachable,
  duplicateDefaultEqualMetric,
  lanHiddenByVpn,
  persistentRouteStale,
  vpnAuthMismatch,
  vpnEncryptionMismatch,
  vpnGreBlocked,
  vpnServerUnreachable,
  vpnCredentialGuard,
  eventsRasError,
  rasDunTooOld,
  osNt4ServicePack,
  keepRasConnectionsDisabled,
  cachedCredentialsSilent,
  lmhostsLookupDisabled,
  lmhostsSyntax,
  lmhostsMissingDomainEntries,
];

const ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export function diagnose(snapshot: Snapshot, opts: { corporateNetworks?: string[]; language?: EngineLanguage; policy?: Policy } = {}): Finding[] {
  // scripts know the machine they are for: its Windows generation and interface addresses
  const machine = scriptMachineOf(snapshot);
  const ctx: DiagnoseContext = { snapshot, corporateNetworks: opts.corporateNetworks ?? [], policy: opts.policy, t: compiledT(engineT(opts.language)), language: opts.language, machine };
  return RULES.flatMap((rule) => rule(ctx))
    .map((f) => {
      // a fix whose steps that Windows cannot script (issue 11.6) is withheld, and the evidence says why
      const refused = f.fixes.flatMap((fix) => scriptRefusalText(fix, ctx.t, machine) ?? []);
      if (!refused.length) return { ...f, fixes: f.fixes.map((fix) => withMachineScripts(fix, ctx.t, machine)) };
      const kept = f.fixes.filter((fix) => !scriptRefusalText(fix, ctx.t, machine));
      return { ...f, evidence: [...f.evidence, ...refused.map((text) => ({ source: 'analysis', text }))], fixes: kept.map((fix) => withMachineScripts(fix, ctx.t, machine)) };
    })
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** DESIGN.md exit code 0 means: no finding above info. */
export function hasActionableFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'info');
}
