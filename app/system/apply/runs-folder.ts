import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { psQuote } from '../../core/remedy/escape';
import { engineError } from '../error-text';
import type { CommandRunner } from '../run';

/**
 * The runs folder holds what privileged code acts on (plans, journals, backups), so only SYSTEM
 * and Administrators may write it. On Windows %ProgramData%\TunnelMedic is created (or re-secured)
 * with icacls — owner Administrators, inheritance off, full control for SYSTEM and Administrators,
 * read for Users — and then its ACL is read back as SDDL (language-independent, unlike icacls'
 * account names) and refused when anyone else can write, or own, it. ProgramData lets every user
 * create folders, so a folder someone made before TunnelMedic did is found and refused here, not
 * trusted. Elsewhere (the demo) the data folder must be the user's own and not group/other-writable.
 *
 * Sources: icacls /setowner, /inheritance:r, /grant:r, *SID syntax — learn.microsoft.com/windows-server/
 * administration/windows-commands/icacls; SDDL ACE strings and rights — learn.microsoft.com/windows/
 * win32/secauthz/ace-strings; well-known SID strings (SY, BA, CO) — .../secauthz/sid-strings;
 * file access rights — .../fileio/file-access-rights-constants.
 */

const SYSTEM = 'S-1-5-18';
const ADMINISTRATORS = 'S-1-5-32-544';
const USERS = 'S-1-5-32-545';
const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';
const TRUSTED = new Set(['SY', 'BA', SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER]);

/** icacls arguments that make `dir` admin-only (run once on the owner, once on the ACL). */
export function icaclsSecureArgv(dir: string): string[][] {
  return [
    [dir, '/setowner', `*${ADMINISTRATORS}`, '/Q'],
    [dir, '/inheritance:r', '/grant:r', `*${SYSTEM}:(OI)(CI)F`, `*${ADMINISTRATORS}:(OI)(CI)F`, `*${USERS}:(OI)(CI)RX`, '/Q'],
  ];
}

const RIGHTS: Record<string, number> = {
  GA: 0x10000000, GW: 0x40000000, GR: 0x80000000, GX: 0x20000000,
  FA: 0x1f01ff, FW: 0x120116, FR: 0x120089, FX: 0x1200a0,
  SD: 0x10000, RC: 0x20000, WD: 0x40000, WO: 0x80000,
  CC: 0x1, DC: 0x2, LC: 0x4, SW: 0x8, RP: 0x10, WP: 0x20, DT: 0x40, LO: 0x80, CR: 0x100,
};
/** FILE_WRITE_DATA/ADD_FILE, APPEND_DATA/ADD_SUBDIRECTORY, WRITE_EA, DELETE_CHILD, WRITE_ATTRIBUTES, DELETE, WRITE_DAC, WRITE_OWNER, GENERIC_WRITE, GENERIC_ALL */
const WRITE_MASK = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x10000 | 0x40000 | 0x80000 | 0x40000000 | 0x10000000;

function rightsOf(text: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text, 16);
  let mask = 0;
  for (let i = 0; i < text.length; i += 2) {
    const bits = RIGHTS[text.slice(i, i + 2).toUpperCase()];
    if (bits === undefined) return null;
    mask |= bits;
  }
  return mask;
}

/** Who, besides SYSTEM and Administrators, can write or owns a folder with this SDDL; [] when nobody. */
export function untrustedWriters(sddl: string): string[] {
  const found: string[] = [];
  const owner = /O:(S-[\d-]+|[A-Z]{2})/.exec(sddl)?.[1];
  if (!owner) found.push('(no owner in the security descriptor)');
  else if (!TRUSTED.has(owner)) found.push(`owner ${owner}`);
  const dacl = /D:([^(]*)((?:\([^)]*\))*)/.exec(sddl);
  if (!dacl) return [...found, '(no access list: everyone has full access)'];
  for (const [, ace] of dacl[2]!.matchAll(/\(([^)]*)\)/g)) {
    const [type, flags = '', rights = '', , , sid = ''] = ace!.split(';');
    if (type !== 'A' && type !== 'OA') continue; // deny and audit entries grant nothing
    if (TRUSTED.has(sid)) continue;
    if (sid === 'CO' && /IO/.test(flags)) continue; // becomes the creator of a child: only those who may create
    const mask = rightsOf(rights);
    if (mask === null || mask & WRITE_MASK) found.push(`${sid} (${rights})`);
  }
  return found;
}

export interface RunsFolderOptions {
  platform?: NodeJS.Platform;
  runner?: CommandRunner;
  /** Windows: this process is elevated and may (re)secure the folder */
  secure?: boolean;
}

/**
 * Creates the runs folder if needed and refuses (RUNS_FOLDER_UNSAFE) to act on it when anyone but
 * SYSTEM/Administrators (Windows) or this user (elsewhere) could write it or its parent.
 */
export async function ensureSafeRunsFolder(runsDir: string, opts: RunsFolderOptions = {}): Promise<void> {
  const platform = opts.platform ?? process.platform;
  const dataDir = dirname(runsDir);
  await mkdir(runsDir, { recursive: true, mode: 0o700 });
  const unsafe = (why: string) =>
    engineError('RUNS_FOLDER_UNSAFE', 'engineError.runsFolderUnsafe', { dataDir, why }, dataDir);
  if (platform === 'win32') {
    if (!opts.runner) throw unsafe('its access list cannot be checked');
    if (opts.secure) for (const argv of icaclsSecureArgv(dataDir)) await opts.runner.run(`${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\icacls.exe`, argv, { timeoutMs: 30_000 });
    for (const dir of [dataDir, runsDir]) {
      const ps = `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
      const r = await opts.runner.run(ps, ['-NoProfile', '-NonInteractive', '-Command', `(Get-Acl -LiteralPath ${psQuote(dir)}).Sddl`], { timeoutMs: 30_000 });
      const writers = r.ok ? untrustedWriters(r.stdout.trim()) : ['(its access list could not be read)'];
      if (writers.length) throw unsafe(`${dir} can be changed by ${writers.join(', ')}`);
    }
    return;
  }
  const uid = process.getuid?.() ?? 0;
  for (const dir of [dataDir, runsDir]) {
    const s = await stat(dir);
    if (s.uid !== uid && s.uid !== 0) throw unsafe(`${dir} belongs to another user (uid ${s.uid})`);
    if (s.mode & 0o022) throw unsafe(`${dir} can be written by other users (mode ${(s.mode & 0o777).toString(8)})`);
  }
}
