import * as z from '../model/zod';

/**
 * Registry changes as data (windows-reference.md §1, §2, §3 switches). Each set records the state
 * before it — absent, or present with its type and data — and whether the key existed, so the
 * inverse restores exactly that: the old value with its old type, or no value (and no key) at all.
 * Only types reg.exe can write back byte for byte are allowed; a previous value of another type
 * (REG_NONE, REG_LINK, resource lists) cannot be restored by a script, so no fix is planned then.
 */

export const WRITABLE_REG_TYPES = ['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_BINARY'] as const;
export const WritableRegTypeSchema = z.enum(WRITABLE_REG_TYPES);
export type WritableRegType = z.infer<typeof WritableRegTypeSchema>;

/** No control characters: reg.exe cannot pass CR/LF/NUL on a command line, and a .cmd line would break. */
const RegText = z.string().max(16_383).regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters cannot be written by reg.exe');
const RegKey = z
  .string()
  .max(255 * 8)
  .regex(/^(HKLM|HKCU|HKU|HKCR|HKCC)(\\[^\\\u0000-\u001f\u007f]+)+$/, 'a key path such as HKLM\\SYSTEM\\X (short root, no trailing backslash)');

/**
 * Data may be far longer than a name (a REG_SZ holds up to ~1 MB; issue 12.1 tests 32 767
 * characters): long data never goes on a script line but into a companion .reg file.
 */
const RegDataText = z.string().max(1_048_576).regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters cannot be written by reg.exe');
const RegDataValue = z.union([RegDataText, z.array(RegDataText.min(1)), z.number().int().min(0).max(0xffff_ffff)]);

function dataFits(type: WritableRegType, data: unknown): string | null {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return typeof data === 'string' ? null : `${type} needs text`;
    case 'REG_MULTI_SZ':
      return Array.isArray(data) ? null : 'REG_MULTI_SZ needs a list of non-empty strings';
    case 'REG_DWORD':
      return typeof data === 'number' ? null : 'REG_DWORD needs a number 0–4294967295';
    case 'REG_QWORD':
      return typeof data === 'string' && /^0x[0-9a-f]{1,16}$/.test(data) ? null : 'REG_QWORD needs "0x" and 1–16 lower-case hex digits';
    case 'REG_BINARY':
      return typeof data === 'string' && /^([0-9a-f]{2})*$/.test(data) ? null : 'REG_BINARY needs lower-case hex bytes';
  }
}

export const RegStateSchema = z
  .object({ type: WritableRegTypeSchema, data: RegDataValue })
  .superRefine((v, ctx) => {
    const why = dataFits(v.type, v.data);
    if (why) ctx.addIssue({ code: 'custom', message: why, path: ['data'] });
  });
export type RegState = z.infer<typeof RegStateSchema>;

export const RegistrySetSchema = z
  .object({
    kind: z.literal('registry.set'),
    key: RegKey,
    /** '' = the key's default value */
    name: RegText,
    type: WritableRegTypeSchema,
    data: RegDataValue,
    /** always the 64-bit view (§12): a 32-bit process must not write into Wow6432Node */
    view: z.literal(64),
    previous: z.union([z.object({ absent: z.literal(true) }).strict(), RegStateSchema]),
    /** false: the set creates the key, and its inverse deletes the key again */
    keyExisted: z.boolean(),
    /**
     * When the set also creates missing parents (reg add creates the whole path): the topmost key
     * it creates, so the inverse removes exactly what the set added. Default: `key` itself.
     */
    createdFrom: RegKey.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.createdFrom !== undefined && (v.keyExisted || !isSelfOrAncestor(v.createdFrom, v.key))) {
      ctx.addIssue({ code: 'custom', message: 'createdFrom must be the key or one of its parents, and only for a key that did not exist', path: ['createdFrom'] });
    }
    const why = dataFits(v.type, v.data);
    if (why) ctx.addIssue({ code: 'custom', message: why, path: ['data'] });
    if (!v.keyExisted && !('absent' in v.previous)) ctx.addIssue({ code: 'custom', message: 'a value cannot have existed in a key that did not', path: ['previous'] });
  });

export const RegistryDeleteSchema = z.object({
  kind: z.literal('registry.delete'),
  key: RegKey,
  name: RegText,
  view: z.literal(64),
  /** the value being deleted, so the inverse writes it back */
  previous: RegStateSchema,
  /** true: delete the whole key (it was created by the set this undoes and holds only that value) */
  removeKey: z.boolean(),
  /** with removeKey: the topmost key to delete (parents the undone set created); default `key` */
  removeFrom: RegKey.optional(),
});

export function isSelfOrAncestor(ancestor: string, key: string): boolean {
  const a = ancestor.toUpperCase();
  const k = key.toUpperCase();
  return k === a || k.startsWith(`${a}\\`);
}

export type RegistrySet = z.infer<typeof RegistrySetSchema>;
export type RegistryDelete = z.infer<typeof RegistryDeleteSchema>;
export type RegistryAction = RegistrySet | RegistryDelete;

export function inverseOfRegistryAction(action: RegistryAction): RegistryAction {
  if (action.kind === 'registry.delete') {
    return {
      kind: 'registry.set',
      key: action.key,
      name: action.name,
      type: action.previous.type,
      data: action.previous.data,
      view: 64,
      previous: { absent: true },
      keyExisted: !action.removeKey,
      ...(action.removeKey && action.removeFrom !== undefined ? { createdFrom: action.removeFrom } : {}),
    };
  }
  if ('absent' in action.previous) {
    return {
      kind: 'registry.delete',
      key: action.key,
      name: action.name,
      view: 64,
      previous: { type: action.type, data: action.data },
      removeKey: !action.keyExisted,
      ...(action.createdFrom !== undefined ? { removeFrom: action.createdFrom } : {}),
    };
  }
  return { ...action, type: action.previous.type, data: action.previous.data, previous: { type: action.type, data: action.data } };
}

/**
 * reg.exe's default REG_MULTI_SZ separator is the two characters `\0`, which an item may contain:
 * scripts pass `/s` with one character that no item holds (and that cmd.exe leaves alone in quotes).
 */
const MULTI_SZ_SEPARATORS = [...'#~`@$*+?:;,=-_.abcdefghijklmnopqrstuvwxyz'];
export function freeMultiSzSeparator(items: readonly string[]): string | undefined {
  return MULTI_SZ_SEPARATORS.find((c) => items.every((i) => !i.toLowerCase().includes(c)));
}

/** Why an old value cannot be written back exactly: the i18n key (registryRules.withheld.*) and its detail. */
export interface NotRestorable {
  code: 'type' | 'control' | 'tooLong' | 'emptyItem' | 'noSeparator' | 'invalid';
  detail: string;
}

/**
 * The withholding rule: a fix may change a value only when its rollback can write the old value
 * back byte for byte. Not possible: types reg.exe cannot write (REG_NONE, REG_LINK, resource
 * lists), control characters (a TAB or CR cannot travel on a reg.exe command line or a .cmd line),
 * more than reg.exe takes, an empty REG_MULTI_SZ item (reg.exe ends the list at `\0\0`, so the
 * items after it would be lost; assumed from the issue-12 review, no Windows source found), or a
 * REG_MULTI_SZ that holds every separator candidate. Then the fix is withheld, with the reason.
 */
export function whyNotRestorable(state: { type: string; data: unknown }): NotRestorable | null {
  if (!(WRITABLE_REG_TYPES as readonly string[]).includes(state.type)) return { code: 'type', detail: state.type };
  const items = Array.isArray(state.data) ? state.data : typeof state.data === 'string' ? [state.data] : [];
  for (const item of items) {
    if (typeof item !== 'string') return { code: 'invalid', detail: typeof item };
    const control = /[\u0000-\u001f\u007f]/.exec(item);
    if (control) return { code: 'control', detail: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
    if (item.length > 16_383) return { code: 'tooLong', detail: String(item.length) };
  }
  if (state.type === 'REG_MULTI_SZ' && Array.isArray(state.data)) {
    if (state.data.some((i) => i === '')) return { code: 'emptyItem', detail: String(state.data.indexOf('') + 1) };
    if (!freeMultiSzSeparator(state.data as string[])) return { code: 'noSeparator', detail: '' };
  }
  const parsed = RegStateSchema.safeParse(state);
  if (!parsed.success) return { code: 'invalid', detail: parsed.error.issues.map((i) => i.message).join('; ') };
  return null;
}
