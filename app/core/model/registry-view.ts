import * as z from './zod';
import { isOwnSection } from './validated-once';

/**
 * One registry view for both readers (`reg query` text and .reg exports). Key paths are stored with
 * short roots (HKLM\…) and looked up case-insensitively, as Windows does. A key whose path lost a
 * character at an 80-column console wrap keeps a `?` there (`lostCharAt`) and still matches.
 */

export const REG_TYPES = [
  'REG_NONE',
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
] as const;
export const RegTypeSchema = z.enum(REG_TYPES);
export type RegType = z.infer<typeof RegTypeSchema>;

const SourceSchema = z.object({ file: z.string(), line: z.number().int().positive() });

/**
 * data: REG_SZ/EXPAND_SZ/LINK → string; REG_MULTI_SZ → string[]; REG_DWORD(_BIG_ENDIAN) → number;
 * REG_QWORD → "0x…" (lower-case hex: JSON has no 64-bit integers); everything else → lower-case hex bytes.
 */
export const RegDataSchema = z.union([z.string(), z.array(z.string()), z.number().int().nonnegative()]);
export type RegData = z.infer<typeof RegDataSchema>;

export const RegistryValueSchema = z.object({
  /** '' = the key's default value ("(Default)", "@") */
  name: z.string(),
  type: RegTypeSchema,
  data: RegDataSchema,
  source: SourceSchema,
});
export type RegistryValue = z.infer<typeof RegistryValueSchema>;

export const RegistryKeySchema = z.object({
  path: z.string(),
  /** false: the query said the key does not exist, or a .reg file deletes it ([-KEY]) */
  exists: z.boolean(),
  /** true when the source listed this key's values (so a value not listed is absent) */
  valuesListed: z.boolean(),
  values: z.array(RegistryValueSchema),
  /** names (lower case) known to be absent: `reg query /v` errors, `"x"=-` in .reg files */
  absentValues: z.array(z.string()),
  lostCharAt: z.number().int().nonnegative().optional(),
  /**
   * Values whose line was there but could not be read (a REG_DWORD of 0x100000000, an unknown
   * type…): their state is unknown, never "absent", so no fix plans a change it could not undo.
   */
  unreadableValues: z.array(z.object({ name: z.string(), reason: z.string(), source: SourceSchema })).optional(),
  /** a line inside the listing could not be attributed to any value: unlisted values are unknown */
  listingIncomplete: z.boolean().optional(),
  source: SourceSchema,
});
export type RegistryKey = z.infer<typeof RegistryKeySchema>;

export const RegistryViewSchema = z.object({ keys: z.record(z.string(), RegistryKeySchema) });
export type RegistryView = z.infer<typeof RegistryViewSchema>;

const ROOTS: [RegExp, string][] = [
  [/^HKEY_LOCAL_MACHINE(?=\\|$)/i, 'HKLM'],
  [/^HKEY_CURRENT_USER(?=\\|$)/i, 'HKCU'],
  [/^HKEY_CLASSES_ROOT(?=\\|$)/i, 'HKCR'],
  [/^HKEY_USERS(?=\\|$)/i, 'HKU'],
  [/^HKEY_CURRENT_CONFIG(?=\\|$)/i, 'HKCC'],
  [/^HKEY_DYN_DATA(?=\\|$)/i, 'HKDD'],
];
export const ROOT_PATTERN = /^(HKEY_(LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG|DYN_DATA)|HKLM|HKCU|HKCR|HKU|HKCC)(\\|$)/i;

/** "HKEY_LOCAL_MACHINE\Software\X\" → "HKLM\Software\X" (case kept for display). */
export function normaliseKeyPath(path: string): string {
  let p = path.trim();
  // (trailing backslashes cut by hand: `/\\+$/`, tried from every position, read a run of them to its end and back — a
  // damaged path of 185 000 backslashes took 20 s)
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 0x5c) end--;
  p = p.slice(0, end);
  for (const [re, short] of ROOTS) p = p.replace(re, short);
  return p.replace(/^(hklm|hkcu|hkcr|hku|hkcc)(?=\\|$)/i, (r) => r.toUpperCase());
}

export const keyId = (path: string) => normaliseKeyPath(path).toUpperCase();

export function emptyView(): RegistryView {
  return { keys: {} };
}

/** The key record, creating it on first sight; later sightings merge into it. */
export function touchKey(view: RegistryView, path: string, source: { file: string; line: number }, lostCharAt?: number): RegistryKey {
  const id = keyId(path);
  const existing = view.keys[id];
  if (existing) return existing;
  const key: RegistryKey = { path: normaliseKeyPath(path), exists: true, valuesListed: false, values: [], absentValues: [], source };
  if (lostCharAt !== undefined) key.lostCharAt = lostCharAt;
  view.keys[id] = key;
  return key;
}

/**
 * The lower-case names in a key's values array, kept beside the array (never in the key, which is data the snapshot carries):
 * a value put replaces one of the same name, and looking for it by filtering the array made a key of n values cost n², each
 * name lower-cased again on every put — a fuzzed `reg query` (test/capture-fuzz.test.ts) that set one value 1 600 times beside a
 * value whose "name" was a 600 000-character line took 2.5 s. Kept per array, with the length it was made at: an array replaced
 * or changed elsewhere is indexed again.
 */
const valueNames = new WeakMap<RegistryValue[], { names: Set<string>; length: number }>();

function namesOf(values: RegistryValue[]): Set<string> {
  const known = valueNames.get(values);
  if (known && known.length === values.length) return known.names;
  const names = new Set(values.map(lowerName));
  valueNames.set(values, { names, length: values.length });
  return names;
}

/** A value's name in lower case, made once per value (a damaged paste's "name" can be a line of 600 000 characters). */
const lowerNames = new WeakMap<RegistryValue, string>();
function lowerName(value: RegistryValue): string {
  let lower = lowerNames.get(value);
  if (lower === undefined) lowerNames.set(value, (lower = value.name.toLowerCase()));
  return lower;
}

/** Takes the value of that name (lower case) out of the key's values, if it has one. */
export function dropValue(key: RegistryKey, lower: string): void {
  if (namesOf(key.values).has(lower)) key.values = key.values.filter((v) => lowerName(v) !== lower);
}

export function putValue(key: RegistryKey, value: RegistryValue): void {
  const lower = value.name.toLowerCase();
  dropValue(key, lower);
  if (key.absentValues.includes(lower)) key.absentValues = key.absentValues.filter((n) => n !== lower);
  if (key.unreadableValues) key.unreadableValues = key.unreadableValues.filter((u) => u.name.toLowerCase() !== lower);
  const names = namesOf(key.values);
  lowerNames.set(value, lower);
  key.values.push(value);
  names.add(lower);
  valueNames.set(key.values, { names, length: key.values.length });
}

/** A value line that was present but not understood: its state becomes unknown (not absent). */
export function markUnreadable(key: RegistryKey, name: string, reason: string, source: { file: string; line: number }): void {
  const lower = name.toLowerCase();
  dropValue(key, lower);
  if (key.absentValues.includes(lower)) key.absentValues = key.absentValues.filter((n) => n !== lower);
  key.unreadableValues = [...(key.unreadableValues ?? []).filter((u) => u.name.toLowerCase() !== lower), { name, reason, source }];
}

export function mergeViews(into: RegistryView, from: RegistryView): RegistryView {
  for (const [id, key] of Object.entries(from.keys)) {
    const target = into.keys[id];
    if (!target) {
      into.keys[id] = key;
      continue;
    }
    target.exists = key.exists;
    target.valuesListed ||= key.valuesListed;
    for (const v of key.values) putValue(target, v);
    for (const n of key.absentValues) if (!target.absentValues.includes(n)) target.absentValues.push(n);
    for (const u of key.unreadableValues ?? []) markUnreadable(target, u.name, u.reason, u.source);
    if (key.listingIncomplete) target.listingIncomplete = true;
  }
  return into;
}

export function findKey(view: RegistryView, path: string): RegistryKey | undefined {
  const id = keyId(path);
  const exact = view.keys[id];
  if (exact) return exact;
  return Object.values(view.keys).find((k) => k.lostCharAt !== undefined && k.path.length === id.length && [...k.path.toUpperCase()].every((c, i) => i === k.lostCharAt || c === id[i]));
}

export type ValueLookup =
  | { state: 'present'; key: RegistryKey; value: RegistryValue }
  | { state: 'absent'; key?: RegistryKey; keyExists: boolean }
  | { state: 'unknown'; unreadable?: { reason: string; source: { file: string; line: number } } };

/** present, known absent (with whether the key exists), or unknown (not collected). */
export function lookupValue(view: RegistryView, path: string, name: string): ValueLookup {
  const key = findKey(view, path);
  if (!key) return { state: 'unknown' };
  if (!key.exists) return { state: 'absent', key, keyExists: false };
  const lower = name.toLowerCase();
  const value = key.values.find((v) => v.name.toLowerCase() === lower);
  if (value) return { state: 'present', key, value };
  const unreadable = key.unreadableValues?.find((u) => u.name.toLowerCase() === lower);
  if (unreadable) return { state: 'unknown', unreadable: { reason: unreadable.reason, source: unreadable.source } };
  if (key.absentValues.includes(lower)) return { state: 'absent', key, keyExists: true };
  // a listing with a line nobody understood may have hidden this very value
  if (key.valuesListed && !key.listingIncomplete) return { state: 'absent', key, keyExists: true };
  return { state: 'unknown' };
}

/** The registry part of a snapshot (`snapshot.registry`), or an empty view when it holds something else. */
export function registryViewOf(section: unknown): RegistryView {
  if (isOwnSection(section)) return section as RegistryView;
  const parsed = RegistryViewSchema.safeParse(section);
  return parsed.success ? parsed.data : emptyView();
}

/** "0x1" from a DWORD, the text of a string, the items of a multi-string: for evidence lines. */
export function formatRegData(value: Pick<RegistryValue, 'type' | 'data'>): string {
  if (Array.isArray(value.data)) return value.data.join('\\0');
  if (typeof value.data === 'number') return `0x${value.data.toString(16)}`;
  return value.data;
}
