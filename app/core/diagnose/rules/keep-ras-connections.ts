import * as z from '../../model/zod';
import { buildFix } from '../../remedy/build-fix';
import type { Evidence, Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { isDword, isString, KEYS, planChange, readValue, valueEvidence, viewOf, withheldEvidence } from './registry-evidence';

/** RasClient 830 (user logged off) / 831 (user switch): the drop itself, when the log has it (§1, §7). */
const DropEvent = z.object({ errorCode: z.union([z.literal(830), z.literal(831)]), file: z.string(), line: z.number().int(), text: z.string() }).passthrough();
const isDropCode = (code: unknown): boolean => code === 830 || code === 831;

/**
 * ras.keep-connections-disabled (windows-reference.md §1): Windows hangs up RAS/VPN connections at
 * logoff unless KeepRasConnections says otherwise. NT 4.0 (KB Q176575, Q158909) and, per the same
 * Winlogon code, 2000/XP/2003 read a REG_SZ "1" under Winlogon; Vista+ reads a REG_DWORD 1 under
 * RasMan\Parameters (KB 950918, partly verified) and needs a reboot. Not collected = no finding.
 */
export function keepRasConnectionsDisabled(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const family = snapshot.os.family;
  if (family !== 'nt4' && family !== 'nt5' && family !== 'nt6+') return [];
  const vista = family === 'nt6+';
  const v = readValue(viewOf(snapshot), vista ? KEYS.rasman : KEYS.winlogon, 'KeepRasConnections');
  if (v.lookup.state === 'unknown') return [];
  if (vista ? isDword(v, 1) : isString(v, (s) => s === '1')) return [];

  // only an 830 or 831 can pass DropEvent: the others are left out before zod reads them (a
  // schema check of every event of the log cost each scan ~1 ms, issue 16.2)
  const drops = snapshot.events.flatMap((e) => {
    if (!isDropCode((e as { errorCode?: unknown } | null)?.errorCode)) return [];
    const parsed = DropEvent.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  const evidence: Evidence[] = [
    { source: 'analysis', text: `${snapshot.os.name}${snapshot.os.servicePack ? ` ${snapshot.os.servicePack}` : ''} (${family})` },
    valueEvidence(v, ctx),
    ...drops.slice(0, 5).map((d) => ({ source: d.file, line: d.line, text: d.text })),
  ];
  const planned = planChange(v, vista ? 'REG_DWORD' : 'REG_SZ', vista ? 1 : '1');
  const set = planned.set;
  evidence.push(...withheldEvidence(v, planned, t));
  const fixes = set
    ? [
        buildFix(
          {
            id: 'ras.keep-connections-disabled:set',
            title: t('registryRules.keepRas.fix'),
            strength: 'lasting',
            risk: 'low',
            steps: [{ action: set, label: t('registryRules.keepRas.step', { key: set.key, type: set.type }) }],
            notes: [t(vista ? 'registryRules.rebootNote' : 'registryRules.logoffNote')],
            takesEffect: vista ? 'restart' : 'logoff',
          },
          t,
        ),
      ]
    : [];
  return [
    {
      id: 'ras.keep-connections-disabled',
      severity: 'warning',
      title: t('registryRules.keepRas.title'),
      summary: t(vista ? 'registryRules.keepRas.summaryVista' : 'registryRules.keepRas.summaryNt', { count: drops.length }) + (drops.length ? ' ' + t('registryRules.keepRas.events', { count: drops.length }) : ''),
      ifFixed: t('registryRules.keepRas.ifFixed'),
      evidence,
      fixes,
    },
  ];
}
