import type { Evidence, Finding } from '../../model/report';
import { vpnProfilesOf } from '../../model/vpn-profile';
import type { DiagnoseContext } from '../context';
import { byEntry, countOf, failureGroups, groupEvidence, profileEvidence, usesMsChapV2 } from './ras-common';

/**
 * vpn.credential-guard-mschapv2 (windows-reference.md §6): Credential Guard keeps saved and logon
 * credentials away from MS-CHAPv2. Evidence: LsaCfgFlags 1/2 in the registry with an MS-CHAPv2
 * profile, or 691 failures of an MS-CHAPv2 profile on Windows 11 (22H2 enables it by default).
 * The remedy is certificate authentication; we explain and never offer to disable it.
 */
export function vpnCredentialGuard(ctx: DiagnoseContext): Finding[] {
  const { t } = ctx;
  const profiles = vpnProfilesOf(ctx.snapshot.vpnProfiles).filter((p) => usesMsChapV2(p));
  const flag = findRegistryNumber(ctx.snapshot.registry, 'LsaCfgFlags');
  const title = t('vpnRules.credentialGuard.title');
  if (flag && (flag.value === 1 || flag.value === 2) && profiles[0]) {
    const evidence: Evidence[] = [{ source: 'registry', text: `${flag.path} = ${flag.value}` }, ...profiles.map((p) => profileEvidence(p, ctx))];
    const summary = t('vpnRules.credentialGuard.summary', { why: t('vpnRules.credentialGuard.whyRegistry', { value: flag.value, name: profiles[0].name }) });
    return [{ id: 'vpn.credential-guard-mschapv2', severity: 'warning', title, summary, evidence, fixes: [] }];
  }
  return byEntry(failureGroups(ctx), 'vpn.credential-guard-mschapv2').map((gs) => ({
    id: 'vpn.credential-guard-mschapv2',
    severity: 'warning' as const,
    title,
    summary: t('vpnRules.credentialGuard.summary', { why: t('vpnRules.credentialGuard.whyEvents', { entry: gs[0]!.entry, count: countOf(gs), os: ctx.snapshot.os.name, name: gs[0]!.profile?.name ?? gs[0]!.entry }) }),
    evidence: groupEvidence(gs, ctx),
    fixes: [],
  }));
}

/**
 * snapshot.registry is defined by the registry capability (a `{ keys: … }` shape at the time of
 * writing); we only walk it looking for a value name, so a change of shape degrades to "not found".
 */
export function findRegistryNumber(registry: unknown, name: string): { value: number; path: string } | undefined {
  const seen = new Set<unknown>();
  const walk = (node: unknown, path: string, depth: number): { value: number; path: string } | undefined => {
    if (depth > 8 || node === null || typeof node !== 'object' || seen.has(node)) return undefined;
    seen.add(node);
    const obj = node as Record<string, unknown>;
    // { name: "LsaCfgFlags", data: 1 } / { name, value } entries
    if (typeof obj.name === 'string' && obj.name.toLowerCase() === name.toLowerCase()) {
      const v = toNumber(obj.data ?? obj.value);
      if (v !== undefined) return { value: v, path: `${path}\\${obj.name}` };
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k.toLowerCase() === name.toLowerCase()) {
        const n = toNumber(typeof v === 'object' && v !== null ? ((v as Record<string, unknown>).data ?? (v as Record<string, unknown>).value) : v);
        if (n !== undefined) return { value: n, path: `${path}\\${k}` };
      }
      const label = typeof (v as { path?: unknown })?.path === 'string' ? String((v as { path: string }).path) : Array.isArray(obj) ? path : `${path}\\${k}`;
      const hit = walk(v, label, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(registry, 'registry', 0);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/^dword:/i, '');
    if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16);
    if (/^[0-9a-f]{8}$/i.test(s)) return parseInt(s, 16);
    if (/^\d+$/.test(s)) return Number(s);
  }
  return undefined;
}
