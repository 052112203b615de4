import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { MAX_ARCHIVE_LOGS } from './limits';
import type { TarFile } from './tar-files';
import { looksBinaryBytes } from './text-encoding';

/**
 * A ZIP archive of logs held in memory: what Windows' "Send to → Compressed (zipped) folder" makes of an RRAS server's
 * `%windir%\tracing` or `System32\LogFiles` folder, and what a router's web page exports — the way logs most often reach a Windows
 * help desk. Each file inside is read as a log of its own, as a tar archive's are (tar-files.ts archiveLogs).
 *
 * Read with fflate (already the report bundle's zip writer; pure JavaScript, so the renderer's paste box reads a dropped zip as
 * the CLI does): the central directory names the files, and each is unpacked on its own — one that will not unpack (password-
 * protected, a method other than stored or deflate, damaged data) is counted, not fatal to the others. An archive whose end is
 * missing (a download cut short: no central directory) is read from its local headers up to the cut, as a cut tar archive is.
 * Format: PKWARE's APPNOTE.TXT (4.3.7 local file header `PK\3\4`, 4.3.16 end of central directory `PK\5\6`).
 */

/** The first bytes of a ZIP archive: a local file header, or the end record of an empty archive. */
export function isZipStart(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

export interface ZipRead {
  files: TarFile[];
  /** files past `maxFiles`, not read */
  skipped: number;
  /** files that would not unpack (encrypted, another method, damaged data) */
  unreadable: number;
  /** the files past `maxBytes` unpacked in all were not read */
  cut: boolean;
  /** the archive's end (its central directory) is missing or damaged: the files before the damage were read from their own headers */
  damaged: boolean;
}

const isFolder = (name: string): boolean => name.endsWith('/') || name.endsWith('\\');

/** The archive's files in archive order, up to `maxFiles` files and `maxBytes` unpacked bytes in all. */
export function zipFiles(b: Uint8Array, maxFiles: number, maxBytes: number): ZipRead {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(b, { filter: (f) => (entries.push(f), false) });
  } catch {
    return { ...fromLocalHeaders(b, maxFiles, maxBytes), damaged: true };
  }
  const out: ZipRead = { files: [], skipped: 0, unreadable: 0, cut: false, damaged: false };
  const encrypted = encryptedFlags(b);
  let unpacked = 0;
  entries.forEach((entry, index) => {
    if (isFolder(entry.name) || out.cut) return;
    if (out.files.length >= maxFiles) {
      out.skipped++;
      return;
    }
    // (a password-protected file unpacks to noise, or not at all: never read as a log)
    if (encrypted[index]) {
      out.unreadable++;
      return;
    }
    // (the size the directory claims bounds the unpacking: fflate inflates into a buffer of that size and no further)
    if (unpacked + entry.originalSize > maxBytes) {
      out.cut = true;
      return;
    }
    try {
      let at = 0;
      const one = unzipSync(b, { filter: () => at++ === index });
      const bytes = Object.values(one)[0];
      if (!bytes) throw new Error('not unpacked');
      unpacked += bytes.length;
      out.files.push({ path: entry.name, bytes });
    } catch {
      out.unreadable++;
    }
  });
  return out;
}

/**
 * Each central directory entry's "encrypted" bit (general purpose flag bit 0, APPNOTE.TXT 4.4.4), in directory order — fflate's
 * order too. The end record (4.3.16, 22 bytes and a comment) gives the directory's entry count and offset; each entry is 46 bytes
 * and its name, extra field and comment (4.3.12). A ZIP64 directory (count 0xFFFF or offset 0xFFFFFFFF) is not walked: no bits.
 */
function encryptedFlags(b: Uint8Array): boolean[] {
  const u16 = (at: number) => b[at]! | (b[at + 1]! << 8);
  const u32 = (at: number) => (u16(at) | (u16(at + 2) << 16)) >>> 0;
  let end = b.length - 22;
  while (end >= 0 && !(b[end] === 0x50 && b[end + 1] === 0x4b && b[end + 2] === 5 && b[end + 3] === 6)) end--;
  if (end < 0) return [];
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) return [];
  const flags: boolean[] = [];
  for (let i = 0; i < count && at + 46 <= b.length && u32(at) === 0x02014b50; i++) {
    flags.push((u16(at + 8) & 1) === 1);
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  return flags;
}

/**
 * A cut archive's files read from their local headers (fflate's streaming Unzip), up to the cut: the part of a file that is there
 * is kept, as a cut tar's is. Stored and deflated files; others are counted as unreadable.
 */
function fromLocalHeaders(b: Uint8Array, maxFiles: number, maxBytes: number): Omit<ZipRead, 'damaged'> {
  const out: Omit<ZipRead, 'damaged'> = { files: [], skipped: 0, unreadable: 0, cut: false };
  let unpacked = 0;
  const parts = new Map<TarFile, Uint8Array[]>();
  const unzip = new Unzip((file) => {
    if (isFolder(file.name) || out.cut) return;
    if (parts.size >= maxFiles) {
      out.skipped++;
      return;
    }
    const entry: TarFile = { path: file.name, bytes: new Uint8Array(0) };
    const own: Uint8Array[] = [];
    file.ondata = (err, data) => {
      if (err) {
        out.unreadable++;
        parts.delete(entry);
        return;
      }
      if (unpacked + data.length > maxBytes) {
        out.cut = true;
        file.terminate();
        data = data.subarray(0, maxBytes - unpacked);
      }
      unpacked += data.length;
      own.push(data);
    };
    parts.set(entry, own);
    try {
      file.start();
    } catch {
      // (a method fflate has no decoder for)
      out.unreadable++;
      parts.delete(entry);
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(b, true);
  } catch {
    // the data stops inside a file: what it gave is kept
  }
  for (const [entry, own] of parts) out.files.push({ path: entry.path, bytes: joined(own) });
  out.files = out.files.filter((f) => f.bytes.length > 0);
  return out;
}

function joined(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * The archive's logs as the CLI, a capture and the paste box read them (tar-files.ts archiveLogs for a tar): its files up to
 * MAX_ARCHIVE_LOGS and `maxBytes` unpacked, without the empty and binary ones — unless nothing else is there: then the first
 * stands for the archive, so the verdict still says what it held.
 */
export function zipLogs(b: Uint8Array, maxBytes: number): ZipRead & { leftOut: number } {
  const read = zipFiles(b, MAX_ARCHIVE_LOGS, maxBytes);
  // the first 8 KiB judge a file, as they judge a plain log file (server-log-file.ts)
  const text = read.files.filter((f) => f.bytes.length > 0 && !looksBinaryBytes(f.bytes.subarray(0, 8192)));
  const logs = text.length > 0 ? text : read.files.slice(0, 1);
  return { ...read, files: logs, leftOut: read.files.length - logs.length };
}
