import type { TFunction } from 'i18next';
import { compareVersions, fileNameOf } from '../../parse/file-versions';
import type { Evidence, Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';

/** ras.dun-too-old and os.nt4-service-pack (windows-reference.md §4, §5). */

/** A version's label: a product name as it is in every language, or words of the report's language (evidence.dun.*). */
type Label = (t: TFunction) => string;
const named = (name: string): Label => () => name;
const worded = (key: string, params?: Record<string, string>): Label => (t) => t(`evidence.dun.${key}`, params);

/** RASAPI32.DLL versions (Magenta TMagRas table). `dun13`: has the DUN 1.3 features (MS-CHAP v2, historyless MPPE). */
const DUN_VERSIONS: { version: string; label: Label; dun13: boolean }[] = [
  { version: '4.00.950', label: worded('win95Retail'), dun13: false },
  { version: '4.00.1111', label: named('Windows 95 OSR2, DUN 1.1'), dun13: false },
  { version: '4.00.1150', label: worded('isdnPack'), dun13: false },
  { version: '4.10.1537', label: named('DUN 1.2b'), dun13: false },
  { version: '4.10.1903', label: named('DUN 1.3'), dun13: true },
  // Windows 98's own DUN predates the "DUN 1.3 update on Windows 98" (4.10.2000)
  { version: '4.10.1998', label: worded('win98WithoutUpdate'), dun13: false },
  { version: '4.10.2000', label: worded('win98Update'), dun13: true },
  { version: '4.10.2222', label: named('Windows 98 SE'), dun13: true },
];

function dunOf(version: string, t: TFunction): { label: string; dun13: boolean } {
  const exact = DUN_VERSIONS.find((d) => compareVersions(d.version, version) === 0);
  if (exact) return { label: exact.label(t), dun13: exact.dun13 };
  if (compareVersions(version, '4.90') >= 0 && compareVersions(version, '5') < 0) return { label: 'Windows Me', dun13: true };
  if (compareVersions(version, '5') >= 0) return { label: t('evidence.dun.ntFamily'), dun13: true };
  const below = [...DUN_VERSIONS].reverse().find((d) => compareVersions(d.version, version) < 0);
  return { label: t('evidence.dun.between', { below: below?.label(t) ?? t('evidence.dun.belowAll') }), dun13: compareVersions(version, '4.10.1903') >= 0 && compareVersions(version, '4.10.1998') !== 0 };
}

const DUN_BY_BUILD: Record<string, Label> = { '950': named('DUN 1.0'), '1111': named('DUN 1.1'), '1212': named('DUN 1.1'), '1213': named('DUN 1.1'), '1214': named('DUN 1.1'), '1998': worded('win98Original'), '2222': named('DUN 1.3') };

export function rasDunTooOld(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const rasapi = (snapshot.fileVersions ?? []).find((f) => fileNameOf(f.path) === 'rasapi32.dll');
  const isWin9x = snapshot.os.family === 'win9x' || (rasapi !== undefined && compareVersions(rasapi.version, '5') < 0);
  if (!isWin9x) return [];
  if (!rasapi) {
    const build = (snapshot.os.build ?? '').replace(/^0+/, '');
    return [{ id: 'ras.dun-too-old', severity: 'info', title: t('vpnRules.dunTooOld.unknownTitle'), summary: t('vpnRules.dunTooOld.unknownSummary', { build: `${snapshot.os.version ?? '4.x'}.${snapshot.os.build ?? '?'}`, dun: DUN_BY_BUILD[build]?.(t) ?? '?' }), evidence: [{ source: 'ver.txt', text: snapshot.os.name }], fixes: [] }];
  }
  const dun = dunOf(rasapi.version, t);
  if (dun.dun13) return [];
  const evidence: Evidence[] = [{ source: 'file-versions.txt', line: rasapi.line, text: `${rasapi.path}\t${rasapi.version}` }];
  return [{ id: 'ras.dun-too-old', severity: 'warning', title: t('vpnRules.dunTooOld.title'), summary: t('vpnRules.dunTooOld.summary', { version: rasapi.version, dun: dun.label }), evidence, fixes: [] }];
}

export function osNt4ServicePack(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  if (snapshot.os.family !== 'nt4') return [];
  const sp = snapshot.os.servicePack;
  const evidence: Evidence[] = [{ source: 'ver.txt', text: snapshot.os.name }];
  if (sp === undefined) return [{ id: 'os.nt4-service-pack', severity: 'info', title: t('vpnRules.nt4.unknownTitle'), summary: t('vpnRules.nt4.unknownSummary'), evidence, fixes: [] }];
  evidence.push({ source: 'registry', text: `CSDVersion = ${sp}` });
  // "Service Pack 5", localised "Servicepack 5"; an empty CSDVersion means no service pack at all
  const n = Number(/(\d+)/.exec(sp)?.[1] ?? 0);
  if (n < 3) return [{ id: 'os.nt4-service-pack', severity: 'warning', title: t('vpnRules.nt4.belowSp3Title'), summary: t('vpnRules.nt4.belowSp3Summary', { sp: sp.trim() || t('evidence.noServicePack') }), evidence, fixes: [] }];
  if (n !== 5) return [];
  // Ndiswan.sys "(Domestic Use Only)" = 128-bit, "(Export Version)" = 40-bit (KB Q169895)
  const ndiswan = (snapshot.fileVersions ?? []).find((f) => fileNameOf(f.path) === 'ndiswan.sys' && f.description);
  if (ndiswan && /export/i.test(ndiswan.description!)) return [];
  const strong = ndiswan && /domestic/i.test(ndiswan.description!);
  if (ndiswan) evidence.push({ source: 'file-versions.txt', line: ndiswan.line, text: `${ndiswan.path}\t${ndiswan.version}\t${ndiswan.description}` });
  const strength = strong ? t('vpnRules.nt4.strength128', { evidence: ndiswan!.description }) : t('vpnRules.nt4.strengthUnknown');
  return [{ id: 'os.nt4-service-pack', severity: strong ? 'critical' : 'warning', title: t('vpnRules.nt4.sp5Title'), summary: t('vpnRules.nt4.sp5Summary', { strength }), evidence, fixes: [] }];
}
