import type { Finding } from '../../model/report';
import { explainRasError } from '../ras-errors';
import { offersMppeKeying } from '../../model/vpn-profile';
import type { DiagnoseContext } from '../context';
import { authText, byEntry, encryptionText, codesOf, countOf, failureGroups, groupEvidence, type FailureGroup } from './ras-common';

/**
 * The vpn.* rules that start from RasClient failures (windows-reference.md §7, §8, §10). Each
 * explains the codes ras-common.ts assigned to it, combining the event with the profile it used.
 */

const finding = (id: Finding['id'], severity: Finding['severity'], title: string, summary: string, groups: FailureGroup[], ctx: DiagnoseContext, ifFixed?: string): Finding => ({
  id,
  severity,
  title,
  summary,
  ...(ifFixed ? { ifFixed } : {}),
  evidence: groupEvidence(groups, ctx),
  fixes: [],
});

/** vpn.auth-mismatch: 734 and a profile (or dial event) offering only PAP/CHAP-style methods. */
export function vpnAuthMismatch(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  return byEntry(failureGroups(ctx), 'vpn.auth-mismatch').map((gs) => {
    const g = gs[0]!;
    const dialAuth = g.dialSettings?.['Authentication Type'];
    const reason = g.profile
      ? offersMppeKeying(g.profile) && dialAuth
        ? t('vpnRules.authMismatch.reasonEvent', { setting: dialAuth })
        : t('vpnRules.authMismatch.reasonProfile', { auth: authText(g.profile, ctx) })
      : dialAuth
        ? t('vpnRules.authMismatch.reasonEvent', { setting: dialAuth })
        : t('vpnRules.authMismatch.reasonUnknown');
    return finding('vpn.auth-mismatch', g.profile || dialAuth ? 'critical' : 'warning', t('vpnRules.authMismatch.title'), t('vpnRules.authMismatch.summary', { entry: g.entry, count: countOf(gs), reason }), gs, ctx);
  });
}

/** vpn.encryption-mismatch: 741/742, read against the profile's DataEncryption and methods. */
export function vpnEncryptionMismatch(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  return byEntry(failureGroups(ctx), 'vpn.encryption-mismatch').map((gs) => {
    const p = gs[0]!.profile;
    const requires = p && (p.encryption === 'require' || p.encryption === 'requireMax');
    const reason = !p
      ? t('vpnRules.encryptionMismatch.reasonUnknown')
      : requires && p.auth.length > 0 && !offersMppeKeying(p) && p.tunnel !== 'l2tp' && p.tunnel !== 'ikev2'
        ? t('vpnRules.encryptionMismatch.reasonNoKeys', { encryption: encryptionText(p, ctx), auth: authText(p, ctx) })
        : t('vpnRules.encryptionMismatch.reasonRequired', { encryption: encryptionText(p, ctx) });
    const codes = codesOf(gs);
    return finding('vpn.encryption-mismatch', 'critical', t('vpnRules.encryptionMismatch.title', { codes }), t('vpnRules.encryptionMismatch.summary', { entry: gs[0]!.entry, count: countOf(gs), codes, reason }), gs, ctx);
  });
}

/** vpn.gre-blocked: 806 always; 619/721 when the connection is PPTP. */
export function vpnGreBlocked(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  return byEntry(failureGroups(ctx), 'vpn.gre-blocked').map((gs) => {
    const codes = codesOf(gs);
    return finding('vpn.gre-blocked', 'critical', t('vpnRules.greBlocked.title', { codes }), t('vpnRules.greBlocked.summary', { entry: gs[0]!.entry, count: countOf(gs), codes }), gs, ctx, t('vpnRules.greBlocked.ifFixed'));
  });
}

/** vpn.server-unreachable: 800 / 809 / 868, with the policy's server list when there is one. */
export function vpnServerUnreachable(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  return byEntry(failureGroups(ctx), 'vpn.server-unreachable').map((gs) => {
    const server = gs[0]!.profile?.server ?? '?';
    const details = [...new Set(gs.map((g) => g.code))].sort((a, b) => a - b).map((c) => t(`vpnRules.serverUnreachable.detail${c}`));
    const known = ctx.policy?.vpnServers ?? [];
    if (known.length && server !== '?' && !known.some((s) => s.toLowerCase() === server.toLowerCase())) details.push(t('vpnRules.serverUnreachable.notInPolicy', { server, servers: known.join(', ') }));
    const codes = codesOf(gs);
    return finding('vpn.server-unreachable', 'critical', t('vpnRules.serverUnreachable.title', { codes }), t('vpnRules.serverUnreachable.summary', { entry: gs[0]!.entry, server, count: countOf(gs), codes, detail: details.join(' ') }), gs, ctx);
  });
}

/** events.ras-error: every other failure code, explained from the catalogue (unknown codes too). */
export function eventsRasError(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  return failureGroups(ctx)
    .filter((g) => g.claimedBy === 'events.ras-error')
    .map((g) => {
      const x = explainRasError(g.code, t);
      // logoff / user switch are expected disconnects, reported for completeness
      const severity = x.category === 'logoff' ? 'info' : 'warning';
      return finding('events.ras-error', severity, t('vpnRules.rasError.title', { code: g.code, meaning: x.meaning }), t('vpnRules.rasError.summary', { entry: g.entry, count: g.events.length, code: g.code, symbol: x.symbol ? ` (${x.symbol})` : '', causes: x.causes, tryThis: x.tryThis }), [g], ctx);
    });
}
