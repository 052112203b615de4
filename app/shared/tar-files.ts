import { MAX_ARCHIVE_LOGS } from './limits';
import { looksBinaryBytes } from './text-encoding';

/**
 * A tar archive held in memory (the app's paste box: a dropped `logs.tar` or `logs.tar.gz`, at most a few MB once unpacked), its
 * regular files in archive order. Format: POSIX.1-2017 pax, "ustar Interchange Format" (512-byte headers; name 100 bytes at 0,
 * size 12 octal bytes at 124, checksum 8 at 148, type flag at 156, magic "ustar" at 257, prefix 155 at 345; data padded to 512),
 * with pax extended headers (type `x`: `path=`) and GNU long names (type `L`), as GNU tar and bsdtar write them.
 *
 * Hand-written, not a library: the CLI's archive reader (app/system/server-log-archive.ts, tar-stream) runs on Node streams,
 * which the renderer has not; nanotar (the small in-memory reader on npm) throws on an archive cut short — losing the files before
 * the cut, which a help desk's half-downloaded attachment should keep — checks no header checksum and reads a byte view from its
 * buffer's start. Pure: no Node, no DOM.
 */

/** The ustar magic at offset 257 (POSIX "ustar\0", GNU "ustar  \0") and a checksum that adds up: the first block of a tar archive. */
export function isTarStart(b: Uint8Array): boolean {
  return b.length >= 512 && hasUstarMagic(b, 0) && checksumHolds(b, 0);
}

const hasUstarMagic = (b: Uint8Array, at: number): boolean => b[at + 257] === 0x75 && b[at + 258] === 0x73 && b[at + 259] === 0x74 && b[at + 260] === 0x61 && b[at + 261] === 0x72;

/** The header's bytes summed with its own 8-byte checksum field read as blanks, against that field (octal). */
function checksumHolds(b: Uint8Array, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : b[at + i]!;
  const field = ascii(b, at + 148, 8).trim();
  return /^[0-7]+$/.test(field) && parseInt(field, 8) === sum;
}

/** A NUL-terminated header field as text (names are UTF-8 in pax and in practice; a name's bytes that are not come out as U+FFFD). */
function field(b: Uint8Array, at: number, length: number): string {
  let end = at;
  while (end < at + length && b[end] !== 0) end++;
  return new TextDecoder().decode(b.subarray(at, end));
}

const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length)).replace(/\0.*$/s, '');

/** A size field: octal digits, or GNU's base-256 (first byte's high bit set) for files of 8 GiB and more — never in a paste box. */
function sizeOf(b: Uint8Array, at: number): number | undefined {
  if ((b[at + 124]! & 0x80) !== 0) return undefined;
  const text = ascii(b, at + 124, 12).trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : text === '' ? 0 : undefined;
}

/** pax extended header records, `LEN key=value\n` each: the `path` one. */
function paxPath(data: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(data);
  let at = 0;
  let path: string | undefined;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const length = Number(text.slice(at, space));
    if (space < 0 || !Number.isInteger(length) || length <= 0) break;
    const record = text.slice(space + 1, at + length - 1);
    if (record.startsWith('path=')) path = record.slice('path='.length);
    at += length;
  }
  return path;
}

export interface TarFile {
  /** the path tar recorded (pax or GNU long name when given, else ustar prefix/name) */
  path: string;
  bytes: Uint8Array;
}

/**
 * The regular files of the archive, up to `maxFiles` (`skipped`: how many more there were). `damaged`: the archive ended inside a
 * file or a header did not add up — the files before, and the part of the cut file that is there, are kept.
 */
export function tarFiles(b: Uint8Array, maxFiles: number): { files: TarFile[]; skipped: number; damaged: boolean } {
  const files: TarFile[] = [];
  let skipped = 0;
  let longName: string | undefined;
  let at = 0;
  while (at + 512 <= b.length) {
    // two blocks of zeros end the archive; one is enough to stop (some writers leave out the second)
    if (isZeroBlock(b, at)) return { files, skipped, damaged: false };
    if (!hasUstarMagic(b, at) || !checksumHolds(b, at)) return { files, skipped, damaged: true };
    const size = sizeOf(b, at);
    if (size === undefined) return { files, skipped, damaged: true };
    const type = String.fromCharCode(b[at + 156]!);
    const start = at + 512;
    const data = b.subarray(start, Math.min(start + size, b.length));
    const cut = start + size > b.length;
    at = start + Math.ceil(size / 512) * 512;
    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = field(data, 0, data.length);
    else if (type === 'g') continue; // a pax global header: nothing a file's name needs
    else {
      // the name's prefix field (155 bytes at 345) is POSIX ustar's ("ustar\0"); GNU's own format ("ustar  \0") keeps its atime and
      // ctime there (GNU tar manual, "Basic Tar Format", struct oldgnu_header) and its long names in `L` blocks
      const prefix = b[start - 512 + 262] === 0 ? field(b, start - 512 + 345, 155) : '';
      const path = longName ?? (prefix ? `${prefix}/${field(b, start - 512, 100)}` : field(b, start - 512, 100));
      longName = undefined;
      // regular files: '0', the old NUL, '7' (contiguous); links, directories, devices hold no log
      if (type === '0' || type === '\0' || type === '7') {
        if (files.length < maxFiles) files.push({ path, bytes: data });
        else skipped++;
      }
    }
    if (cut) return { files, skipped, damaged: true };
  }
  // the archive stopped without its end blocks (tar always writes them): cut on a block boundary or inside a header
  return { files, skipped, damaged: true };
}

/**
 * The archive's logs as the CLI, a capture and the paste box read them (app/system/server-log-archive.ts does the same while it
 * streams): its regular files up to MAX_ARCHIVE_LOGS, without the empty and binary ones (a /var/log tarball's wtmp) — unless
 * nothing else is there: then the first stands for the archive, so the verdict still says what it held. `leftOut`: how many were
 * left out so.
 */
export function archiveLogs(b: Uint8Array): { logs: TarFile[]; leftOut: number; skipped: number; damaged: boolean } {
  const { files, skipped, damaged } = tarFiles(b, MAX_ARCHIVE_LOGS);
  // the first 8 KiB judge a file, as they judge a plain log file (server-log-file.ts)
  const text = files.filter((f) => f.bytes.length > 0 && !looksBinaryBytes(f.bytes.subarray(0, 8192)));
  const logs = text.length > 0 ? text : files.slice(0, 1);
  return { logs, leftOut: files.length - logs.length, skipped, damaged };
}

function isZeroBlock(b: Uint8Array, at: number): boolean {
  for (let i = at; i < at + 512; i++) if (b[i] !== 0) return false;
  return true;
}
