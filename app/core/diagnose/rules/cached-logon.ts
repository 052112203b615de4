import { buildFix } from '../../remedy/build-fix';
import type { Action } from '../../remedy/actions';
import type { ScriptStep } from '../../remedy/render-cmd';
import type { Evidence, Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { isDword, isString, KEYS, planChange, readValue, valueEvidence, viewOf, withheldEvidence, type ReadValue } from './registry-evidence';

/**
 * logon.cached-credentials-silent (windows-reference.md §2; KB 172931, TechNet cc783251/cc977471,
 * ADMX ReportCachedLogonPolicyDescription): is the user told that Windows logged them on with cached
 * credentials because no domain controller answered (e.g. before the VPN was up)?
 * - NT 4.0: told by default; a ReportDC DWORD 0 ("don't show again") turns it off (KB Q214568, unverified).
 * - 2000/XP/2003: only when Winlogon\ReportControllerMissing is REG_SZ "TRUE" (upper case) and the
 *   user's ReportDC is 1 or absent.
 * - Vista+: only with the policy value Policies\System\ReportControllerMissing DWORD 1 (HKLM or HKCU).
 * CachedLogonsCount is shown as context and never lowered: 0 would lock offline laptops out.
 */
export function cachedCredentialsSilent(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const family = snapshot.os.family;
  if (family !== 'nt4' && family !== 'nt5' && family !== 'nt6+') return [];
  const view = viewOf(snapshot);
  const count = readValue(view, KEYS.winlogon, 'CachedLogonsCount');
  // "0" = nothing is cached: an offline logon fails loudly instead of succeeding silently.
  if (isString(count, (s) => s === '0')) return [];
  const reportDc = readValue(view, KEYS.winlogonUser, 'ReportDC');
  const userSaidNo = isDword(reportDc, 0);
  const steps: ScriptStep[] = [];
  const evidence: Evidence[] = [{ source: 'analysis', text: `${snapshot.os.name} (${family})` }];
  let silent: boolean;

  if (family === 'nt4') {
    silent = userSaidNo;
    evidence.push(valueEvidence(reportDc, ctx));
  } else if (family === 'nt5') {
    const rcm = readValue(view, KEYS.winlogon, 'ReportControllerMissing');
    if (rcm.lookup.state === 'unknown') return [];
    const on = isString(rcm, (s) => s === 'TRUE') && rcm.lookup.state === 'present' && (rcm.lookup.value.data as string).trim() === 'TRUE';
    silent = !on || userSaidNo;
    evidence.push(valueEvidence(rcm, ctx), valueEvidence(reportDc, ctx));
    if (!on) addSet(steps, evidence, rcm, 'REG_SZ', 'TRUE', t);
  } else {
    const machine = readValue(view, KEYS.policiesSystem, 'ReportControllerMissing');
    const user = readValue(view, KEYS.policiesSystemUser, 'ReportControllerMissing');
    if (machine.lookup.state === 'unknown') return [];
    silent = !isDword(machine, 1) && !isDword(user, 1);
    evidence.push(valueEvidence(machine, ctx));
    if (user.lookup.state !== 'unknown') evidence.push(valueEvidence(user, ctx));
    if (silent) addSet(steps, evidence, machine, 'REG_DWORD', 1, t);
  }
  if (!silent) return [];
  if (userSaidNo && reportDc.lookup.state === 'present' && reportDc.lookup.value.type === 'REG_DWORD') {
    // the user's own "don't show this again"; HKCU of the user, so the step must run as that user
    const del: Action = { kind: 'registry.delete', key: KEYS.winlogonUser, name: 'ReportDC', view: 64, previous: { type: 'REG_DWORD', data: 0 }, removeKey: false };
    if (family !== 'nt6+') steps.push({ action: del, label: t('registryRules.cachedLogon.stepReportDc') });
  }
  evidence.push(valueEvidence(count, ctx));
  const cached = count.lookup.state === 'present' ? String(count.lookup.value.data).trim() : t('registryRules.cachedLogon.defaultCount');
  return [
    {
      id: 'logon.cached-credentials-silent',
      severity: 'warning',
      title: t('registryRules.cachedLogon.title'),
      summary: t(`registryRules.cachedLogon.summary.${family === 'nt6+' ? 'vista' : family}`, { count: cached }),
      ifFixed: t('registryRules.cachedLogon.ifFixed'),
      evidence,
      fixes: steps.length
        ? [
            buildFix(
              {
                id: 'logon.cached-credentials-silent:report',
                title: t('registryRules.cachedLogon.fix'),
                strength: 'lasting',
                risk: 'low',
                steps,
                notes: [t('registryRules.cachedLogon.neverLower'), ...(steps.some((s) => s.action.kind === 'registry.delete') ? [t('registryRules.cachedLogon.userNote')] : [])],
              },
              t,
            ),
          ]
        : [],
    },
  ];
}

function addSet(steps: ScriptStep[], evidence: Evidence[], v: ReadValue, type: 'REG_SZ' | 'REG_DWORD', data: string | number, t: DiagnoseContext['t']) {
  const planned = planChange(v, type, data);
  evidence.push(...withheldEvidence(v, planned, t));
  const set = planned.set;
  if (set) steps.push({ action: set, label: t('registryRules.cachedLogon.step', { key: set.key, data: String(data), type }) });
}
