import { freeMultiSzSeparator, type RegistryDelete, type RegistrySet } from './registry-actions';

/**
 * reg.exe arguments for the elevated runner: an argv array (the process layer quotes each one
 * with the C runtime's rules), never a command line. `view64` adds /reg:64 on 64-bit Windows so a
 * 32-bit process cannot be redirected to Wow6432Node; older reg.exe (NT4–2003) has no such switch.
 */
export function regAddArgv(a: RegistrySet, view64: boolean): string[] {
  return ['ADD', a.key, ...valueArgs(a.name), '/t', a.type, ...dataArgs(a), '/f', ...(view64 ? ['/reg:64'] : [])];
}

export function regDeleteArgv(a: RegistryDelete, view64: boolean): string[] {
  const target = a.removeKey ? [a.removeFrom ?? a.key] : [a.key, ...valueArgs(a.name)];
  return ['DELETE', ...target, '/f', ...(view64 ? ['/reg:64'] : [])];
}

const valueArgs = (name: string) => (name === '' ? ['/ve'] : ['/v', name]);

function dataArgs(a: Pick<RegistrySet, 'type' | 'data'>): string[] {
  if (a.type === 'REG_MULTI_SZ') {
    const items = a.data as string[];
    // reg.exe's default separator is the text "\0", which an item could contain: pick a free character
    const sep = freeMultiSzSeparator(items);
    if (!sep) throw new Error('no separator character is free for this REG_MULTI_SZ value');
    return ['/s', sep, '/d', items.join(sep)];
  }
  return ['/d', String(a.data)];
}
