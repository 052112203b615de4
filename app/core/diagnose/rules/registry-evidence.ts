import type { Evidence } from '../../model/report';
import type { TFunction } from 'i18next';
import { RegistrySetSchema, whyNotRestorable, type NotRestorable, type RegistrySet, type WritableRegType } from '../../remedy/registry-actions';
import { findKey, formatRegData, lookupValue, registryViewOf, type RegistryView, type ValueLookup } from '../../model/registry-view';
import type { Snapshot } from '../../model/snapshot';
import { problemText } from '../../i18n/problem-text';
import type { DiagnoseContext } from '../context';

/** Shared by the registry rules: what a value looks like as evidence, and the set that changes it. */

export const KEYS = {
  winlogon: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  winlogonUser: 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
  rasman: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters',
  policiesSystem: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
  policiesSystemUser: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
  netbt: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters',
} as const;

export interface ReadValue {
  key: string;
  name: string;
  lookup: ValueLookup;
}

export function readValue(view: RegistryView, key: string, name: string): ReadValue {
  return { key, name, lookup: lookupValue(view, key, name) };
}

export const viewOf = (snapshot: Snapshot) => registryViewOf(snapshot.registry);

/** "HKLM\…\Winlogon  KeepRasConnections  REG_SZ  0" or "… KeepRasConnections: not set", in the report's language. */
export function valueEvidence(v: ReadValue, ctx: Pick<DiagnoseContext, 't' | 'language' | 'snapshot'>): Evidence {
  const { t } = ctx;
  if (v.lookup.state === 'present') {
    const { value } = v.lookup;
    return { source: value.source.file, line: value.source.line, text: `${v.lookup.key.path}  ${v.name}  ${value.type}  ${formatRegData(value)}` };
  }
  const at = { key: v.key, name: v.name };
  if (v.lookup.state === 'absent') {
    const where = v.lookup.key?.source;
    return { source: where?.file ?? 'registry', ...(where ? { line: where.line } : {}), text: t(v.lookup.keyExists ? 'evidence.valueNotSet' : 'evidence.keyAbsent', at) };
  }
  if (v.lookup.unreadable) {
    const { source, reason } = v.lookup.unreadable;
    return { source: source.file, line: source.line, text: t('evidence.valueUnreadable', { ...at, reason: unreadableReason(ctx, source, reason) }) };
  }
  return { source: 'registry', text: t('evidence.valueNotCollected', at) };
}

/**
 * Why a value could not be read, in the report's language. The registry view keeps the reason in
 * English; the parser reported the same reason as a problem at the same line (code and params), which
 * any language can word. English keeps the view's text as it is.
 */
function unreadableReason(ctx: Pick<DiagnoseContext, 'language' | 'snapshot'>, at: { file: string; line: number }, english: string): string {
  if (!ctx.language || ctx.language === 'en') return english;
  const problem = ctx.snapshot.problems.find((p) => p.source === at.file && p.line === at.line && typeof p.params?.reason === 'object');
  const reason = problem?.params?.reason;
  return (typeof reason === 'object' && problemText(reason.code, reason.params, ctx.language)) || english;
}

/**
 * The set that gives `v` the wanted type and data, remembering what was there — or why it is
 * withheld: a fix is offered only when its rollback can write the old value back exactly
 * (`whyNotRestorable`). Unknown state (not collected, or a line the reader could not parse) plans
 * nothing: "absent" would make the rollback delete a value that was there.
 */
export function planChange(v: ReadValue, type: WritableRegType, data: string | number, view?: RegistryView): { set?: RegistrySet; withheld?: NotRestorable } {
  if (v.lookup.state === 'unknown') return {};
  const base = { kind: 'registry.set' as const, key: v.key, name: v.name, type, data, view: 64 as const };
  let set: RegistrySet;
  if (v.lookup.state === 'absent') {
    if (v.lookup.keyExists) set = { ...base, previous: { absent: true }, keyExisted: true };
    else {
      const createdFrom = topmostAbsentAncestor(view, v.key);
      set = { ...base, previous: { absent: true }, keyExisted: false, ...(createdFrom !== v.key ? { createdFrom } : {}) };
    }
  } else {
    const old = v.lookup.value;
    const why = whyNotRestorable(old);
    if (why) return { withheld: why };
    set = { ...base, previous: { type: old.type as WritableRegType, data: old.data }, keyExisted: true };
  }
  const valid = RegistrySetSchema.safeParse(set);
  return valid.success ? { set } : { withheld: { code: 'invalid', detail: valid.error.issues.map((i) => i.message).join('; ') } };
}

/** The set alone (undefined when unknown or withheld). */
export function planSet(v: ReadValue, type: WritableRegType, data: string | number, view?: RegistryView): RegistrySet | undefined {
  return planChange(v, type, data, view).set;
}

/** The evidence line that says why no fix is offered for this value (none when nothing was withheld). */
export function withheldEvidence(v: ReadValue, planned: { withheld?: NotRestorable }, t: TFunction): Evidence[] {
  if (!planned.withheld) return [];
  const where = v.lookup.state === 'present' ? v.lookup.value.source : undefined;
  const reason = t(`registryRules.withheld.${planned.withheld.code}`, { detail: planned.withheld.detail });
  return [{ source: where?.file ?? 'analysis', ...(where ? { line: where.line } : {}), text: t('registryRules.withheld.line', { key: v.key, name: v.name, reason }) }];
}

/** reg add creates every missing parent: the highest one the view knows to be absent (else the key). */
function topmostAbsentAncestor(view: RegistryView | undefined, key: string): string {
  let top = key;
  const parts = key.split('\\');
  for (let n = parts.length - 1; n >= 2 && view; n--) {
    const parent = parts.slice(0, n).join('\\');
    if (findKey(view, parent)?.exists === false) top = parent;
    else break;
  }
  return top;
}

export const isString = (v: ReadValue, expected: (s: string) => boolean) =>
  v.lookup.state === 'present' && typeof v.lookup.value.data === 'string' && v.lookup.value.type !== 'REG_BINARY' && expected(v.lookup.value.data.trim());
export const isDword = (v: ReadValue, n: number) => v.lookup.state === 'present' && v.lookup.value.type === 'REG_DWORD' && v.lookup.value.data === n;
