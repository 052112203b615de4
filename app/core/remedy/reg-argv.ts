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

/**
 * The longest command line Windows starts a program with: "The maximum length of this string is
 * 32,767 characters, including the Unicode terminating null character" (CreateProcessW,
 * lpCommandLine: https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-createprocessw).
 */
export const COMMAND_LINE_MAX = 32_767;

/**
 * An upper bound of the command line Node builds from `file` and `argv` on Windows (libuv quotes
 * an argument that needs it and escapes each `"` and the backslashes before it): every argument
 * counted quoted, every quote and backslash counted twice, one space between arguments.
 */
export function commandLineBound(file: string, argv: readonly string[]): number {
  return [file, ...argv].reduce((n, a) => n + a.length + 2 + (a.match(/["\\]/g)?.length ?? 0) + 1, 0);
}

/** Does this call fit on a Windows command line (with room for the terminating null)? */
export function fitsCommandLine(file: string, argv: readonly string[]): boolean {
  return commandLineBound(file, argv) < COMMAND_LINE_MAX;
}

/**
 * The reg.exe argv of a registry step, or null when it cannot travel as arguments: longer than a
 * command line may be, or a REG_MULTI_SZ whose items leave no separator character free. Such a
 * step goes through a .reg file and `reg import` instead (as the scripts do: render-registry.ts).
 */
export function regArgvIfFits(regExe: string, a: RegistrySet | RegistryDelete, view64: boolean): string[] | null {
  let argv: string[];
  try {
    argv = a.kind === 'registry.set' ? regAddArgv(a, view64) : regDeleteArgv(a, view64);
  } catch {
    return null;
  }
  return fitsCommandLine(regExe, argv) ? argv : null;
}

/** `reg import FILE` and `reg export KEY FILE /y`, in the 64-bit view when Windows is 64-bit (§11: /reg:32|/reg:64). */
export const regImportArgv = (file: string, view64: boolean): string[] => ['IMPORT', file, ...(view64 ? ['/reg:64'] : [])];
export const regExportArgv = (key: string, file: string, view64: boolean): string[] => ['EXPORT', key, file, '/y', ...(view64 ? ['/reg:64'] : [])];
