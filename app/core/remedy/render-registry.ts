import { fnv1aHex } from './fnv1a';
import { taskCmdLines, taskXmlCompanion } from './task-actions';
import iconv from 'iconv-lite';
import type { Action } from './actions';
import { cmdLine, cmdRegArg, type CmdArg } from './escape-reg';
import type { FileReplace } from './file-actions';
import { freeMultiSzSeparator, type RegistryDelete, type RegistrySet } from './registry-actions';
import { vpnActionCmdLine } from './vpn-actions';

/**
 * .cmd lines for the non-route actions. reg.exe's exit code is reliable (0 success, 1 failure;
 * windows-reference.md §11), unlike route.exe's, so `if errorlevel 1` judges each call.
 *
 * The 64-bit view: `/reg:64` (§12) keeps a 32-bit cmd.exe on 64-bit Windows (System32 is then
 * SysWOW64) out of Wow6432Node. reg.exe of XP/2003 and NT4 predates the switch, and 32-bit Windows
 * has no other view, so the scripts add it only when Windows is 64-bit: PROCESSOR_ARCHITEW6432 is
 * set in a 32-bit process on 64-bit Windows, PROCESSOR_ARCHITECTURE is AMD64/ARM64 in a 64-bit one.
 */
export const REG_VIEW_PROLOGUE = [
  'set "TM_REGVIEW="',
  'if defined PROCESSOR_ARCHITEW6432 set "TM_REGVIEW=/reg:64"',
  'if /i "%PROCESSOR_ARCHITECTURE%"=="AMD64" set "TM_REGVIEW=/reg:64"',
  'if /i "%PROCESSOR_ARCHITECTURE%"=="ARM64" set "TM_REGVIEW=/reg:64"',
];

/** LMHOSTS on the NT family (§3); Win9x keeps it in the Windows directory and has no cmd.exe. */
export const LMHOSTS_CMD_PATH = '%SystemRoot%\\System32\\drivers\\etc\\lmhosts';

/** reg add /d text for the data, and the /s separator a REG_MULTI_SZ needs. */
function regData(action: Pick<RegistrySet, 'type' | 'data'>): (string | CmdArg)[] {
  const { type, data } = action;
  if (type === 'REG_MULTI_SZ') {
    const items = data as string[];
    // reg.exe's default separator is the two characters \0, which an item may contain: pick one
    // character that no item holds (and that cmd.exe leaves alone inside quotes).
    const sep = freeMultiSzSeparator(items);
    if (!sep) throw new Error('no separator character is free for this REG_MULTI_SZ value');
    return ['/s', cmdRegArg(sep), '/d', cmdRegArg(items.join(sep))];
  }
  if (type === 'REG_DWORD') return ['/d', String(data)];
  return ['/d', cmdRegArg(String(data))];
}

const valueArgs = (name: string): (string | CmdArg)[] => (name === '' ? ['/ve'] : ['/v', cmdRegArg(name)]);

export function regAddLine(action: Pick<RegistrySet, 'key' | 'name' | 'type' | 'data'>): string {
  return cmdLine(['"%TM_REG%" add', cmdRegArg(action.key), ...valueArgs(action.name), '/t', action.type, ...regData(action), '/f %TM_REGVIEW%']);
}

export function regDeleteLine(action: Pick<RegistryDelete, 'key' | 'name' | 'removeKey' | 'removeFrom'>): string {
  return action.removeKey ? cmdLine(['"%TM_REG%" delete', cmdRegArg(action.removeFrom ?? action.key), '/f %TM_REGVIEW%']) : cmdLine(['"%TM_REG%" delete', cmdRegArg(action.key), ...valueArgs(action.name), '/f %TM_REGVIEW%']);
}

/**
 * A file's new content cannot be written byte for byte by cmd.exe itself: `echo` cannot write a
 * line that is "on", "off" or "/?", a trailing blank, a file without a final newline, bytes
 * outside the console code page or UTF-16. So the new and the old content travel as companion
 * files beside the script (written by whoever writes the script: `tunnelmedic scripts`, the
 * elevated runner), named by a hash of their bytes so the fix and its rollback share them; the
 * script only compares (`fc /b`) and copies (`copy /b`).
 */
export interface CompanionFile {
  name: string;
  bytes: Uint8Array;
}

export function encodeFileText(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
  if (encoding === 'utf-16be') return new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
  return new Uint8Array(iconv.encode(text, iconv.encodingExists(encoding) ? encoding : 'utf-8'));
}

export function companionFor(text: string, encoding: string): CompanionFile {
  const bytes = encodeFileText(text, encoding);
  return { name: `tunnelmedic-lmhosts-${fnv1aHex(bytes)}-${bytes.length}.txt`, bytes };
}

/** Every companion file the scripts of these actions read (fix and rollback need the same set). */
export function scriptCompanions(actions: readonly Action[]): CompanionFile[] {
  const out = new Map<string, CompanionFile>();
  for (const a of actions) {
    if (a.kind === 'task.create' || a.kind === 'task.delete') {
      const c = taskXmlCompanion(a);
      out.set(c.name, c);
    }
    if (a.kind !== 'file.replace') continue;
    for (const c of [companionFor(a.content, a.encoding), companionFor(a.previous, a.encoding)]) out.set(c.name, c);
  }
  return [...out.values()];
}

function fileReplaceLines(action: FileReplace): string[] {
  const next = companionFor(action.content, action.encoding).name;
  const prev = companionFor(action.previous, action.encoding).name;
  return [
    `set "TM_FILE=${LMHOSTS_CMD_PATH}"`,
    `set "TM_NEW=%~dp0${next}"`,
    `set "TM_PREV=%~dp0${prev}"`,
    'call :replacefile',
  ];
}

/** Lines for one step; each sets errorlevel 1 on failure (the caller adds `if errorlevel 1`). */
export function renderOtherCmdStep(action: Action): string[] {
  switch (action.kind) {
    case 'registry.set':
      return [regAddLine(action)];
    case 'registry.delete':
      return [regDeleteLine(action)];
    case 'file.replace':
      return fileReplaceLines(action);
    case 'nbtstat.reload':
      // purge and preload #PRE entries (§3): "Successful purge and preload of the NBT Remote Cache Name Table."
      return ['"%TM_NBTSTAT%" -R'];
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return [vpnActionCmdLine(action)];
    case 'task.create':
    case 'task.delete':
      return taskCmdLines(action);
    default:
      throw new Error(`renderOtherCmdStep cannot render ${action.kind}`);
  }
}

/**
 * The subroutine behind file.replace: the file must still hold exactly the reviewed bytes (else
 * the machine changed: stop), a backup copy is made beside it, the new bytes are copied in and
 * compared again. fc.exe exits 0 when equal, 1 when different, 2 when a file is missing.
 */
export const REPLACE_FILE_SUBROUTINE = [
  ':replacefile',
  'if not exist "%TM_NEW%" (>&2 echo TunnelMedic: companion file "%TM_NEW%" is missing.& exit /b 1)',
  'if not exist "%TM_PREV%" (>&2 echo TunnelMedic: companion file "%TM_PREV%" is missing.& exit /b 1)',
  '"%TM_FC%" /b "%TM_FILE%" "%TM_PREV%" >nul 2>&1',
  'if errorlevel 1 (>&2 echo TunnelMedic: "%TM_FILE%" changed since it was reviewed; it was not touched.& exit /b 1)',
  'copy /y /b "%TM_FILE%" "%TM_FILE%.tunnelmedic.bak" >nul',
  'if errorlevel 1 exit /b 1',
  'copy /y /b "%TM_NEW%" "%TM_FILE%" >nul',
  'if errorlevel 1 exit /b 1',
  '"%TM_FC%" /b "%TM_NEW%" "%TM_FILE%" >nul 2>&1',
  'if errorlevel 1 exit /b 1',
  'exit /b 0',
];
