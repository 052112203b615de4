import { fnv1aHex } from './fnv1a';
import { taskCmdLines, taskXmlCompanion } from './task-actions';
import iconv from 'iconv-lite';
import type { Action } from './actions';
import { cmdLine, cmdRegArg, type CmdArg } from './escape-reg';
import type { FileReplace } from './file-actions';
import { freeMultiSzSeparator, type RegistryDelete, type RegistrySet } from './registry-actions';
import { vpnActionCmdLine } from './vpn-actions';
import { cmdMessage, type ScriptWords } from './script-words';

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

/**
 * The bytes of `text` in the file's own encoding. UTF-8 and UTF-16 go through Buffer (what iconv-lite
 * itself uses for them): any iconv-lite call loads all its code-page tables first, which every scan
 * paid at start-up for an LMHOSTS file that is UTF-8 (issue 16.2). Only OEM/ANSI code pages need it.
 */
export function encodeFileText(text: string, encoding: string): Uint8Array {
  const e = encoding.toLowerCase();
  if (e === 'utf-8-bom') return withBom([0xef, 0xbb, 0xbf], Buffer.from(text, 'utf8'));
  if (e === 'utf-16le') return withBom([0xff, 0xfe], Buffer.from(text, 'utf16le'));
  if (e === 'utf-16be') return withBom([0xfe, 0xff], Buffer.from(text, 'utf16le').swap16());
  if (e === 'utf-8' || e === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'));
  return new Uint8Array(iconv.encode(text, iconv.encodingExists(encoding) ? encoding : 'utf-8'));
}

const withBom = (bom: number[], body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
};

export function companionFor(text: string, encoding: string): CompanionFile {
  const bytes = encodeFileText(text, encoding);
  return { name: `tunnelmedic-lmhosts-${fnv1aHex(bytes)}-${bytes.length}.txt`, bytes };
}

/**
 * A registry step goes into the .cmd as one `reg add`/`reg delete` line only when every text in it
 * is printable ASCII and the line is short. Anything else travels in a companion .reg file
 * (issue 12.1, 12.8): cmd.exe splits lines longer than 8 191 characters and runs the rest as a new
 * command (where a quoted `&` becomes live), and it reads a batch file in the OEM code page, so a
 * Cyrillic, Turkish or CJK value in the script itself would come back as mojibake. A .reg file is
 * UTF-16LE (windows-reference.md §11: the format `reg export` writes, header "Windows Registry
 * Editor Version 5.00"), has no line limit that matters here, and `reg import` (XP and later)
 * writes exactly its values, with a reliable exit code.
 */
const INLINE_LINE_MAX = 2000;
const printableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

export function needsRegImport(action: Action): boolean {
  if (action.kind !== 'registry.set' && action.kind !== 'registry.delete') return false;
  const texts = [action.key, action.name, action.kind === 'registry.delete' ? (action.removeFrom ?? '') : action.createdFrom ?? ''];
  if (action.kind === 'registry.set') texts.push(...(Array.isArray(action.data) ? action.data : [String(action.data)]));
  if (!texts.every(printableAscii)) return true;
  try {
    const line = action.kind === 'registry.set' ? regAddLine(action) : regDeleteLine(action);
    return line.length > INLINE_LINE_MAX;
  } catch {
    // e.g. a REG_MULTI_SZ whose items leave no separator character free: a .reg file needs none
    return true;
  }
}

const LONG_HIVES: Record<string, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER', HKU: 'HKEY_USERS', HKCR: 'HKEY_CLASSES_ROOT', HKCC: 'HKEY_CURRENT_CONFIG' };
const longKey = (key: string) => {
  const [root, ...rest] = key.split('\\');
  return [LONG_HIVES[root!] ?? root, ...rest].join('\\');
};
/** A .reg string: backslash and quote escaped, nothing else (regedit's own export rules). */
const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const hexList = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',');
const utf16 = (text: string) => new Uint8Array(iconv.encode(text, 'utf-16le'));

function regValueText(a: Pick<RegistrySet, 'type' | 'data'>): string {
  switch (a.type) {
    case 'REG_SZ':
      return regString(String(a.data));
    case 'REG_EXPAND_SZ':
      return `hex(2):${hexList(utf16(`${String(a.data)}\0`))}`;
    case 'REG_MULTI_SZ': {
      const items = a.data as string[];
      return `hex(7):${hexList(utf16(items.length ? `${items.join('\0')}\0\0` : '\0'))}`;
    }
    case 'REG_DWORD':
      return `dword:${(a.data as number).toString(16).padStart(8, '0')}`;
    case 'REG_QWORD': {
      const n = BigInt(a.data as string);
      const bytes = new Uint8Array(8).map((_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
      return `hex(b):${hexList(bytes)}`;
    }
    case 'REG_BINARY':
      return `hex:${((a.data as string).match(/../g) ?? []).join(',')}`;
  }
}

/** The .reg text of one registry step: a value set, a value delete (=-) or a key delete ([-KEY]). */
export function regFileText(action: RegistrySet | RegistryDelete): string {
  const name = (n: string) => (n === '' ? '@' : regString(n));
  const body =
    action.kind === 'registry.set'
      ? [`[${longKey(action.key)}]`, `${name(action.name)}=${regValueText(action)}`]
      : action.removeKey
        ? [`[-${longKey(action.removeFrom ?? action.key)}]`]
        : [`[${longKey(action.key)}]`, `${name(action.name)}=-`];
  return ['Windows Registry Editor Version 5.00', '', ...body, '', ''].join('\r\n');
}

export function regCompanion(action: RegistrySet | RegistryDelete): CompanionFile {
  const bytes = new Uint8Array([0xff, 0xfe, ...utf16(regFileText(action))]);
  return { name: `tunnelmedic-reg-${fnv1aHex(bytes)}-${bytes.length}.reg`, bytes };
}

/** Every companion file the scripts of these actions read (fix and rollback need the same set). */
export function scriptCompanions(actions: readonly Action[]): CompanionFile[] {
  const out = new Map<string, CompanionFile>();
  for (const a of actions) {
    if ((a.kind === 'registry.set' || a.kind === 'registry.delete') && needsRegImport(a)) {
      const c = regCompanion(a);
      out.set(c.name, c);
    }
    if (a.kind === 'task.create' || a.kind === 'task.delete') {
      const c = taskXmlCompanion(a);
      out.set(c.name, c);
    }
    if (a.kind !== 'file.replace') continue;
    // an absent side (no file before, or the file deleted) has no bytes to carry
    if (!a.contentAbsent) out.set(companionFor(a.content, a.encoding).name, companionFor(a.content, a.encoding));
    if (!a.previousAbsent) out.set(companionFor(a.previous, a.encoding).name, companionFor(a.previous, a.encoding));
  }
  return [...out.values()];
}

function fileReplaceLines(action: FileReplace): string[] {
  const next = companionFor(action.content, action.encoding).name;
  const prev = companionFor(action.previous, action.encoding).name;
  return [
    `set "TM_FILE=${LMHOSTS_CMD_PATH}"`,
    ...(action.contentAbsent ? [] : [`set "TM_NEW=%~dp0${next}"`]),
    ...(action.previousAbsent ? [] : [`set "TM_PREV=%~dp0${prev}"`]),
    action.previousAbsent ? 'call :createfile' : action.contentAbsent ? 'call :deletefile' : 'call :replacefile',
  ];
}

/** Lines for one step; each sets errorlevel 1 on failure (the caller adds `if errorlevel 1`). */
export function renderOtherCmdStep(action: Action): string[] {
  switch (action.kind) {
    case 'registry.set':
    case 'registry.delete':
      if (needsRegImport(action)) return [`set "TM_REGFILE=%~dp0${regCompanion(action).name}"`, 'call :regimport'];
      return [action.kind === 'registry.set' ? regAddLine(action) : regDeleteLine(action)];
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

/** The subroutine behind a registry step that travels as a .reg companion (see needsRegImport). */
export const regImportSubroutine = (words: ScriptWords): string[] => [
  ':regimport',
  `if not exist "%TM_REGFILE%" (>&2 echo ${cmdMessage(words, 'companionMissing', { file: '"%TM_REGFILE%"' }, true)}& exit /b 1)`,
  '"%TM_REG%" import "%TM_REGFILE%" %TM_REGVIEW%',
  'if errorlevel 1 exit /b 1',
  'exit /b 0',
];

/**
 * The file still holds exactly the reviewed bytes (%TM_PREV%; else the machine changed: stop), and a backup copy of it was made
 * beside it before anything touches it — also before the undo of a creation deletes it (copy sets errorlevel 1 when it could not
 * copy: a test under Wine holds the delete to it with a backup that cannot be written).
 */
const unchangedThenBackedUp = (words: ScriptWords): string[] => [
  `if not exist "%TM_PREV%" (>&2 echo ${cmdMessage(words, 'companionMissing', { file: '"%TM_PREV%"' }, true)}& exit /b 1)`,
  '"%TM_FC%" /b "%TM_FILE%" "%TM_PREV%" >nul 2>&1',
  `if errorlevel 1 (>&2 echo ${cmdMessage(words, 'fileChanged', { file: '"%TM_FILE%"' }, true)}& exit /b 1)`,
  `if not errorlevel 0 (>&2 echo ${cmdMessage(words, 'fcFailed', { file: '"%TM_FILE%"' }, true)}& exit /b 1)`,
  'copy /y /b "%TM_FILE%" "%TM_FILE%.tunnelmedic.bak" >nul',
  `if errorlevel 1 (>&2 echo ${cmdMessage(words, 'backupFailed', { file: '"%TM_FILE%"' }, true)}& exit /b 1)`,
];

/**
 * The subroutine behind file.replace: the file must still hold exactly the reviewed bytes (else
 * the machine changed: stop), a backup copy is made beside it, the new bytes are copied in and
 * compared again. fc.exe exits 0 when equal, 1 when different, 2 when a file is missing, and -1
 * when it could not compare at all (invalid syntax: ss64.com/nt/fc.html). `if errorlevel 1` means
 * "1 or more", so -1 would pass as "equal": every fc is followed by `if not errorlevel 0` too.
 */
export const replaceFileSubroutine = (words: ScriptWords): string[] => [
  ':replacefile',
  `if not exist "%TM_NEW%" (>&2 echo ${cmdMessage(words, 'companionMissing', { file: '"%TM_NEW%"' }, true)}& exit /b 1)`,
  ...unchangedThenBackedUp(words),
  'copy /y /b "%TM_NEW%" "%TM_FILE%" >nul',
  'if errorlevel 1 exit /b 1',
  '"%TM_FC%" /b "%TM_NEW%" "%TM_FILE%" >nul 2>&1',
  'if errorlevel 1 exit /b 1',
  'if not errorlevel 0 exit /b 1',
  'exit /b 0',
  '',
  // issue 11.5: there was no file when the fix was reviewed; one that appeared since is not ours to overwrite
  ':createfile',
  `if not exist "%TM_NEW%" (>&2 echo ${cmdMessage(words, 'companionMissing', { file: '"%TM_NEW%"' }, true)}& exit /b 1)`,
  `if exist "%TM_FILE%" (>&2 echo ${cmdMessage(words, 'fileAppeared', { file: '"%TM_FILE%"' }, true)}& exit /b 1)`,
  'copy /y /b "%TM_NEW%" "%TM_FILE%" >nul',
  'if errorlevel 1 exit /b 1',
  '"%TM_FC%" /b "%TM_NEW%" "%TM_FILE%" >nul 2>&1',
  'if errorlevel 1 exit /b 1',
  'if not errorlevel 0 exit /b 1',
  'exit /b 0',
  '',
  // the undo of a creation: only the exact bytes we wrote are deleted (a copy stays as .bak)
  ':deletefile',
  ...unchangedThenBackedUp(words),
  'del "%TM_FILE%"',
  'if exist "%TM_FILE%" exit /b 1',
  'exit /b 0',
];
