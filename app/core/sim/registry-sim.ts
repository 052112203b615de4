import type { RegistryAction } from '../remedy/registry-actions';
import { emptyView, findKey, keyId, normaliseKeyPath, ROOT_PATTERN, type RegistryKey, type RegistryView } from '../model/registry-view';

/**
 * A registry that applies `reg add` / `reg delete` semantics to a RegistryView: the demo machine's
 * and the tests' stand-in for Windows. `reg add` creates the key and every missing parent.
 */
export function applyRegistryAction(view: RegistryView, action: RegistryAction): RegistryView {
  const next: RegistryView = structuredClone(view);
  const source = { file: 'registry/simulated.reg', line: 1 };
  if (action.kind === 'registry.set') {
    const parts = normaliseKeyPath(action.key).split('\\');
    let key: RegistryKey | undefined;
    for (let i = 2; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('\\');
      key = findKey(next, path);
      // A key reg add creates is known to be empty; a parent merely not collected stays "not listed".
      const isTarget = i === parts.length;
      if (!key) {
        key = { path, exists: true, valuesListed: isTarget, values: [], absentValues: [], source };
        next.keys[keyId(path)] = key;
      } else if (!key.exists) {
        Object.assign(key, { exists: true, valuesListed: true, values: [], absentValues: [] });
      }
    }
    const lower = action.name.toLowerCase();
    key!.values = [...key!.values.filter((v) => v.name.toLowerCase() !== lower), { name: action.name, type: action.type, data: action.data, source }];
    key!.absentValues = key!.absentValues.filter((n) => n !== lower);
    return next;
  }
  if (action.removeKey) {
    const top = keyId(action.removeFrom ?? action.key);
    for (const [id, key] of Object.entries(next.keys)) {
      if (id === top || id.startsWith(`${top}\\`)) Object.assign(key, { exists: false, values: [], absentValues: [] });
    }
    return next;
  }
  const key = findKey(next, action.key);
  if (key) {
    const lower = action.name.toLowerCase();
    key.values = key.values.filter((v) => v.name.toLowerCase() !== lower);
    if (!key.absentValues.includes(lower)) key.absentValues.push(lower);
  }
  return next;
}

const LONG_ROOT: Record<string, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER', HKCR: 'HKEY_CLASSES_ROOT', HKU: 'HKEY_USERS', HKCC: 'HKEY_CURRENT_CONFIG' };
const longPath = (path: string) => path.replace(/^[A-Z]+/, (r) => LONG_ROOT[r] ?? r);
const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const hexBytes = (bytes: Iterable<number>) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',');
const utf16z = (s: string) => Buffer.from(`${s}\0`, 'utf16le');

/** The view as a "Windows Registry Editor Version 5.00" export (every key lists all its values). */
export function renderRegFile(view: RegistryView): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const key of Object.values(view.keys).sort((a, b) => a.path.localeCompare(b.path))) {
    if (!ROOT_PATTERN.test(key.path)) continue;
    if (!key.exists) {
      lines.push(`[-${longPath(key.path)}]`, '');
      continue;
    }
    // an export lists every value of a key, so a key whose values were never listed is left out
    if (!key.valuesListed && key.values.length === 0) continue;
    lines.push(`[${longPath(key.path)}]`);
    for (const v of key.values) {
      const name = v.name === '' ? '@' : regString(v.name);
      switch (v.type) {
        case 'REG_SZ':
          lines.push(`${name}=${regString(String(v.data))}`);
          break;
        case 'REG_DWORD':
          lines.push(`${name}=dword:${Number(v.data).toString(16).padStart(8, '0')}`);
          break;
        case 'REG_EXPAND_SZ':
          lines.push(`${name}=hex(2):${hexBytes(utf16z(String(v.data)))}`);
          break;
        case 'REG_MULTI_SZ':
          lines.push(`${name}=hex(7):${hexBytes(Buffer.concat([...(v.data as string[]).map(utf16z), Buffer.from([0, 0])]))}`);
          break;
        case 'REG_QWORD': {
          const n = BigInt(String(v.data));
          lines.push(`${name}=hex(b):${hexBytes(Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn)))}`);
          break;
        }
        default:
          lines.push(`${name}=hex:${hexBytes(Buffer.from(String(v.data), 'hex'))}`);
      }
    }
    lines.push('');
  }
  return lines.join('\r\n');
}

export { emptyView };
