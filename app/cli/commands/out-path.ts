import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../system/errors';

/**
 * --out checks with one clear line (exit 4) instead of an fs stack: the folder must exist, the
 * file must not be a folder, and a write that the OS refuses says so.
 */
export async function checkOutFile(path: string): Promise<void> {
  const parent = dirname(resolve(path));
  const p = await stat(parent).catch(() => null);
  if (!p) throw new UsageError(`--out ${path}: the folder ${parent} does not exist.`);
  if (!p.isDirectory()) throw new UsageError(`--out ${path}: ${parent} is not a folder.`);
  if ((await stat(path).catch(() => null))?.isDirectory()) throw new UsageError(`--out ${path} is a folder; give a file name.`);
}

/** Creates DIR (its parent must exist); an existing folder is reused, files in it are overwritten. */
export async function ensureOutDir(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${path} is a file; give a folder.`);
  if (existing) return;
  const parent = dirname(resolve(path));
  if (!(await stat(parent).catch(() => null))?.isDirectory()) throw new UsageError(`--out ${path}: the folder ${parent} does not exist.`);
  await mkdir(path).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot create ${path}: ${describeFsError(e)}`);
  });
}

export async function writeOut(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  await writeFile(path, content).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot write ${path}: ${describeFsError(e)}`);
  });
}

function describeFsError(e: NodeJS.ErrnoException): string {
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'the file cannot be created there';
  if (e.code === 'ENOSPC') return 'the disk is full';
  if (e.code === 'EROFS') return 'read-only file system';
  return e.code ?? e.message;
}
