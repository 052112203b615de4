import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from './lazy-crypto';

/**
 * Every state file TunnelMedic writes (the simulated machine's registry, LMHOSTS and route table,
 * plan.json, result.json, backups) goes through writeFileAtomic: the bytes go to a temp file in the
 * same folder, are fsync'd, and the temp file is renamed over the target (rename within one volume
 * replaces atomically on POSIX and on NTFS via MoveFileEx(REPLACE_EXISTING), which Node uses), then
 * the folder is fsync'd where the OS allows it. A crash leaves either the old file or the new one,
 * never a mix or an empty file. Journal records are appended and fsync'd (appendDurable).
 *
 * Kill test hook: TUNNELMEDIC_KILL_AT_WRITE=N makes this process SIGKILL itself at the Nth write
 * point (before a write, halfway through the bytes, after the fsync before the rename, after the
 * rename), so tests can cut a real process off mid-write, not a mock. Unset in production.
 */

let writePoints = 0;
const killAt = Number(process.env.TUNNELMEDIC_KILL_AT_WRITE ?? 0);

/** A write point: with the kill hook set, the Nth one ends the process the hard way. */
function writePoint(): void {
  writePoints++;
  if (writePoints === killAt) process.kill(process.pid, 'SIGKILL');
}

/** How many write points this process passed (the kill test sizes its random range with it). */
export const writePointsPassed = () => writePoints;

async function writeInHalves(handle: FileHandle, bytes: Buffer): Promise<void> {
  const half = bytes.length >> 1;
  await handle.write(bytes.subarray(0, half), 0, half);
  writePoint();
  await handle.write(bytes.subarray(half), 0, bytes.length - half);
}

const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.tmp$/;

/** Removes temp files a crash left in `dir` (never a finished file: those were renamed away). */
export async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) if (TEMP_NAME.test(name)) await rm(join(dir, name), { force: true });
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const temp = join(dirname(path), `.${basename(path)}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  writePoint();
  const handle = await open(temp, 'wx');
  try {
    await writeInHalves(handle, bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  writePoint();
  await rename(temp, path);
  writePoint();
  await syncFolder(dirname(path));
}

/** Appends one record and fsyncs it; a crash mid-append leaves a torn last line, never a lost earlier one. */
export async function appendDurable(path: string, text: string): Promise<void> {
  writePoint();
  const handle = await open(path, 'a');
  try {
    await writeInHalves(handle, Buffer.from(text, 'utf8'));
    await handle.sync();
  } finally {
    await handle.close();
  }
  writePoint();
}

/** Makes a rename durable (POSIX); Windows cannot open a folder for fsync, and NTFS journals renames. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // some file systems refuse fsync on a directory; the rename itself is still atomic
  } finally {
    await handle.close();
  }
}
