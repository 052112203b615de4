import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Say } from '../../shared/engine-port';
import { usageError } from '../../system/error-text';

/**
 * --out checks with one clear line (exit 4) instead of an fs stack: the folder must exist, the
 * file must not be a folder, and a write that the OS refuses says so — in the person's --lang.
 */
export async function checkOutFile(path: string): Promise<void> {
  const parent = dirname(resolve(path));
  const p = await stat(parent).catch(() => null);
  if (!p) throw usageError('cli.out.folderMissing', { out: path, folder: parent });
  if (!p.isDirectory()) throw usageError('cli.out.parentNotFolder', { out: path, folder: parent });
  if ((await stat(path).catch(() => null))?.isDirectory()) throw usageError('cli.out.isFolder', { out: path });
}

/** Creates DIR (its parent must exist); an existing folder is reused, files in it are overwritten. */
export async function ensureOutDir(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isDirectory()) throw usageError('cli.out.isFile', { out: path });
  if (existing) return;
  const parent = dirname(resolve(path));
  if (!(await stat(parent).catch(() => null))?.isDirectory()) throw usageError('cli.out.folderMissing', { out: path, folder: parent });
  await mkdir(path).catch((e: NodeJS.ErrnoException) => {
    throw usageError('cli.out.cannotCreate', { path, reason: fsReason(e) });
  });
}

export async function writeOut(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  await writeFile(path, content).catch((e: NodeJS.ErrnoException) => {
    throw usageError('cli.out.cannotWrite', { path, reason: fsReason(e) });
  });
}

/** Why the OS refused, as a catalogue text worded with the error; an errno without words is named by its code. */
export function fsReason(e: NodeJS.ErrnoException): Say | string {
  const code = e.code ?? '';
  return Object.hasOwn(FS_REASONS, code) ? { key: `cli.out.reason.${FS_REASONS[code]}` } : (e.code ?? e.message);
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permissionDenied',
  EPERM: 'permissionDenied',
  ENOENT: 'cannotCreateThere',
  ENOSPC: 'diskFull',
  EROFS: 'readOnly',
};
