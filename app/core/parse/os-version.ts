import { lookupValue, type RegistryView } from '../model/registry-view';
import type { OsInfo } from '../model/snapshot';

/**
 * The Windows generation decides which registry value a rule reads (windows-reference.md §1, §2):
 * KeepRasConnections moved from Winlogon (NT4, REG_SZ) to RasMan (Vista+, DWORD), and
 * ReportControllerMissing from a Winlogon REG_SZ "TRUE" (2000–2003) to a policy DWORD (Vista+).
 */
export function familyOf(major: number, minor: number, win9xHint = false): OsInfo['family'] {
  if (major === 4 && (win9xHint || minor >= 10)) return 'win9x';
  if (major === 4) return 'nt4';
  if (major === 5) return 'nt5';
  if (major >= 6) return 'nt6+';
  return 'unknown';
}

/** "N/A" in the languages systeminfo ships in: the service-pack slot of "OS Version". */
const NO_SERVICE_PACK = /^(N\/A|Н\/Д|暂缺|不適用|該当なし|n\.?\s?v\.?|k\.?\s?A\.?|s\.o\.|N\/D|Nie dotyczy|없음)$/i;

/** the longest "OS Version" value read (the longest real one, a translated "Service Pack 3 Build 2600", is under 80) */
export const MAX_VERSION_VALUE = 256;

/**
 * systeminfo (localised labels, "：" after Chinese labels): the OS version line is the one whose
 * value is "5.1.2600 Service Pack 3 Build 2600" / "10.0.17763 Н/Д построение 17763"; the OS name
 * is the first value that starts with "Microsoft Windows". Labels are never matched.
 */
export function parseSysteminfoOs(text: string): OsInfo | null {
  const values = text.split(/\r\n|\n|\r/).map((l) => /^[^\s:：][^:：]*[:：]\s*(.*)$/.exec(l)?.[1]?.trim() ?? '');
  // (a version line is short — "10.0.17763 N/A Build 17763"; the patterns split a run of blanks many ways, so a damaged line of
  // 20 000 characters took 0.4 s and 100 000 ten: only a line of a version's length is asked)
  const at = values.findIndex((v) => v.length <= MAX_VERSION_VALUE && /^\d+\.\d+\.\d+\s+.+\s\d+$/.test(v));
  if (at < 0) return null;
  const versionLine = values[at]!;
  const m = /^(\d+)\.(\d+)\.(\d+)\s+(.*?)\s*\S+\s+(\d+)$/.exec(versionLine)!;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const middle = m[4]!.trim();
  // "OS Name" is the line before "OS Version" in every language ("Майкрософт Windows 10 Pro")
  const name = [values[at - 1], values.find((v) => /^Microsoft Windows/i.test(v))].find((v) => v && /Windows/i.test(v)) ?? `Windows ${major}.${minor}`;
  const info: OsInfo = { family: familyOf(major, minor, /windows (9[58]|me)/i.test(name)), name, version: `${major}.${minor}`, build: m[3] };
  if (middle && !NO_SERVICE_PACK.test(middle) && /\d/.test(middle)) info.servicePack = middle;
  return info;
}

const NT_CURRENT = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const WIN_CURRENT = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';

/**
 * From the registry: NT's CurrentVersion ("4.0", "5.1"; Windows 10+ still says "6.3" and adds
 * CurrentMajorVersionNumber), CurrentBuildNumber, CSDVersion ("Service Pack 6"), ProductName;
 * Win9x's Windows\CurrentVersion VersionNumber ("4.10.2222").
 */
export function osFromRegistry(view: RegistryView): OsInfo | null {
  const str = (key: string, name: string) => {
    const r = lookupValue(view, key, name);
    return r.state === 'present' && typeof r.value.data === 'string' ? r.value.data.trim() : undefined;
  };
  const num = (key: string, name: string) => {
    const r = lookupValue(view, key, name);
    return r.state === 'present' && typeof r.value.data === 'number' ? r.value.data : undefined;
  };
  const current = str(NT_CURRENT, 'CurrentVersion');
  const major10 = num(NT_CURRENT, 'CurrentMajorVersionNumber');
  const product = str(NT_CURRENT, 'ProductName');
  if (current && /^\d+\.\d+$/.test(current)) {
    const [maj, min] = current.split('.').map(Number) as [number, number];
    const major = major10 ?? maj;
    const minor = major10 !== undefined ? (num(NT_CURRENT, 'CurrentMinorVersionNumber') ?? 0) : min;
    const info: OsInfo = { family: familyOf(major, minor), name: product ?? `Windows NT ${major}.${minor}`, version: `${major}.${minor}` };
    const build = str(NT_CURRENT, 'CurrentBuildNumber') ?? str(NT_CURRENT, 'CurrentBuild');
    if (build) info.build = build;
    const sp = str(NT_CURRENT, 'CSDVersion');
    if (sp) info.servicePack = sp;
    return info;
  }
  // A collector that asked only `/v CSDVersion` still says which service pack ver.txt's Windows has
  const spOnly = str(NT_CURRENT, 'CSDVersion');
  if (spOnly) return { family: 'unknown', name: '', servicePack: spOnly };
  const v9x = str(WIN_CURRENT, 'VersionNumber');
  const m = v9x ? /^(\d+)\.(\d+)\.(\d+)/.exec(v9x) : null;
  if (m) {
    return { family: 'win9x', name: str(WIN_CURRENT, 'ProductName') ?? `Windows ${m[1]}.${m[2]}`, version: `${Number(m[1])}.${m[2]}`, build: m[3] };
  }
  return null;
}

/**
 * Fills what ver.txt could not know (its family when missing, the service pack: NT4's `ver`
 * prints no service pack) from better sources. Returns null when nothing is better.
 */
export function betterOs(base: OsInfo, candidates: (OsInfo | null)[]): OsInfo | null {
  let result = base;
  let changed = false;
  for (const c of candidates) {
    if (!c) continue;
    if (result.family === 'unknown' && c.family !== 'unknown') {
      result = { ...c, ...(result.language ? { language: result.language } : {}) };
      changed = true;
      continue;
    }
    if (c.family !== result.family && c.family !== 'unknown') continue;
    if (!result.servicePack && c.servicePack) {
      result = { ...result, servicePack: c.servicePack };
      changed = true;
    }
    if (!result.build && c.build) {
      result = { ...result, build: c.build };
      changed = true;
    }
  }
  return changed ? result : null;
}
