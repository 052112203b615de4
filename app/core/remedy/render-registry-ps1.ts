import { taskPs1Lines } from './task-actions';
import type { Action } from './actions';
import { psQuote } from './escape';
import { encodeFileText } from './render-registry';
import type { RegistrySet } from './registry-actions';
import { vpnActionPs } from './vpn-actions';
import { plainMessage, psExpandedMessage, type ScriptWords } from './script-words';

/**
 * PowerShell for the non-route actions. Registry writes go through .NET with the 64-bit view
 * (RegistryView.Registry64, §12) instead of reg.exe: Windows PowerShell 5.1 passes embedded quotes
 * to native programs unescaped, and .NET sets the type and data exactly. LMHOSTS bytes are embedded
 * as Base64, so the .ps1 needs no companion files.
 */

const HIVES: Record<string, string> = { HKLM: 'LocalMachine', HKCU: 'CurrentUser', HKU: 'Users', HKCR: 'ClassesRoot', HKCC: 'CurrentConfig' };
const KINDS: Record<RegistrySet['type'], string> = {
  REG_SZ: 'String',
  REG_EXPAND_SZ: 'ExpandString',
  REG_MULTI_SZ: 'MultiString',
  REG_DWORD: 'DWord',
  REG_QWORD: 'QWord',
  REG_BINARY: 'Binary',
};

export const ps1Helpers = (words: ScriptWords): string[] => [
  'function Open-TmKey([string]$Hive, [string]$Path, [bool]$Create) {',
  '  $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::$Hive, [Microsoft.Win32.RegistryView]::Registry64)',
  '  if ($Create) { return $base.CreateSubKey($Path) }',
  '  $k = $base.OpenSubKey($Path, $true)',
  `  if (-not $k) { throw ${psExpandedMessage(words, 'keyNotFound', { key: '$Path' })} }`,
  '  return $k',
  '}',
];

function split(key: string): { hive: string; path: string } {
  const [root, ...rest] = key.split('\\');
  return { hive: HIVES[root!] ?? 'LocalMachine', path: rest.join('\\') };
}

/** .NET takes DWORD/QWORD as signed integers: 0xFFFFFFFF is written as [int]-1. */
function psData(a: Pick<RegistrySet, 'type' | 'data'>): string {
  switch (a.type) {
    case 'REG_DWORD': {
      const n = a.data as number;
      return `([int](${n > 0x7fffffff ? n - 0x1_0000_0000 : n}))`;
    }
    case 'REG_QWORD': {
      const n = BigInt.asIntN(64, BigInt(a.data as string));
      return `([long](${n.toString()}))`;
    }
    case 'REG_BINARY': {
      const hex = (a.data as string).match(/../g) ?? [];
      return hex.length ? `([byte[]](${hex.map((h) => `0x${h}`).join(',')}))` : '([byte[]]@())';
    }
    case 'REG_MULTI_SZ':
      return `([string[]]@(${(a.data as string[]).map(psQuote).join(', ')}))`;
    default:
      return psQuote(a.data as string);
  }
}

const b64 = (text: string, encoding: string) => Buffer.from(encodeFileText(text, encoding)).toString('base64');

export function renderOtherPs1Step(action: Action, words: ScriptWords): string[] {
  switch (action.kind) {
    case 'registry.set': {
      const { hive, path } = split(action.key);
      return [`$k = Open-TmKey '${hive}' ${psQuote(path)} $true`, `$k.SetValue(${psQuote(action.name)}, ${psData(action)}, [Microsoft.Win32.RegistryValueKind]::${KINDS[action.type]})`, '$k.Close()'];
    }
    case 'registry.delete': {
      const { hive, path } = split(action.removeKey ? (action.removeFrom ?? action.key) : action.key);
      if (action.removeKey) {
        return [`[Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::${hive}, [Microsoft.Win32.RegistryView]::Registry64).DeleteSubKeyTree(${psQuote(path)})`];
      }
      return [`$k = Open-TmKey '${hive}' ${psQuote(path)} $false`, `$k.DeleteValue(${psQuote(action.name)}, $true)`, '$k.Close()'];
    }
    case 'file.replace': {
      const file = "$file = Join-Path $env:SystemRoot 'System32\\drivers\\etc\\lmhosts'";
      const write = `[IO.File]::WriteAllBytes($file, [Convert]::FromBase64String('${b64(action.content, action.encoding)}'))`;
      // issue 11.5: absent before = it must still be absent; the undo of a creation deletes the file
      if (action.previousAbsent) {
        return [file, `if (Test-Path -LiteralPath $file) { throw ${psExpandedMessage(words, 'fileAppeared', { file: '$file' })} }`, write];
      }
      const prev = b64(action.previous, action.encoding);
      return [
        file,
        `if (-not (Test-Path -LiteralPath $file) -or [Convert]::ToBase64String([IO.File]::ReadAllBytes($file)) -ne '${prev}') { throw ${psExpandedMessage(words, 'fileChanged', { file: '$file' })} }`,
        'Copy-Item -LiteralPath $file -Destination "$file.tunnelmedic.bak" -Force',
        action.contentAbsent ? 'Remove-Item -LiteralPath $file -Force' : write,
      ];
    }
    case 'nbtstat.reload':
      return ["& (Join-Path $TmSys 'nbtstat.exe') -R", `if ($LASTEXITCODE -ne 0) { throw ${psQuote(plainMessage(words, 'nbtstatFailed'))} }`];
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return [vpnActionPs(action)];
    case 'task.create':
    case 'task.delete':
      return taskPs1Lines(action, words);
    default:
      throw new Error(`renderOtherPs1Step cannot render ${action.kind}`);
  }
}
