import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { isBinaryVerdict, ServerLogParser, type ServerLogParserOptions } from '../core/parse/server-log';
import { archivedPath } from '../shared/log-label';
import { MAX_ARCHIVE_LOGS } from '../shared/limits';
import { isTarStart } from '../shared/tar-files';
import { isZipStart } from '../shared/zip-files';
import { isGzipStart } from '../shared/text-encoding';
import { readServerLogZip } from './server-log-zip';
import { countPackedBytes, logFileHead, MAX_BYTES, readByteStream, readServerLogFile, type ArchiveLogResult, type ReadBytes } from './server-log-file';

/**
 * A tar archive of logs (`tar czf logs.tar.gz /var/log/syslog* /var/log/ppp.log`, plain or gzip-compressed): what a network
 * team attaches when asked for "the server's logs". Read as one text, the archive's 512-byte headers were glued to the first
 * line of every file (that line lost), line numbers ran on across files, and one file's session ran into the next. Each regular
 * file inside is read as a log of its own, named `ARCHIVE/path/inside` (the path tar recorded), streamed through
 * readByteStream as a plain log is (encoding, binary check, the size cap over all files together).
 *
 * The archive is read with tar-stream (mafintosh/tar-stream: ustar, GNU long names, pax headers), pinned at 3.1.7: later
 * 3.1.x pull in the Bare runtime's file system packages. It is imported when an archive is met, so no other command pays
 * for it.
 */

/** Logs read from one archive at most (app/shared/limits.ts, the paste box's too); the rest are counted (`archive.skippedFiles`). */
export { MAX_ARCHIVE_LOGS };

/**
 * The unpacked start of a gzip file's first bytes (enough to see a tar header): Z_SYNC_FLUSH hands out what the bytes given
 * hold without asking for the rest (Node's zlib docs, "Flushing"). A damaged start gives nothing.
 */
export function gzipStart(head: Uint8Array): Buffer {
  try {
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

export type { ArchiveLogResult } from './server-log-file';

/**
 * Each regular file of the tar archive at `path` (gzip-compressed when `gzip`) as its own log. Files that are empty or binary
 * (a /var/log tarball's wtmp, lastlog) are left out; when nothing else is in the archive, the first of them stands for it, so
 * the verdict still says what the archive held. A damaged or cut archive keeps what was read before the damage (`gzipDamaged`
 * on the last log read, also when the break fell between two files).
 */
export async function readServerLogArchive(path: string, source: string, gzip: boolean, maxBytes: number, options: ServerLogParserOptions, onFileBytes?: (read: number) => void): Promise<ArchiveLogResult[]> {
  const { extract } = await import('tar-stream');
  const file = createReadStream(path);
  if (onFileBytes) countPackedBytes(file, onFileBytes);
  const unpacked: Readable = gzip ? file.pipe(createGunzip()) : file;
  const tar = extract();
  // pipe() passes no errors on: a damaged gzip or a file that went away ends the archive's reading
  if (gzip) file.on('error', (e) => unpacked.destroy(e));
  unpacked.on('error', (e) => tar.destroy(e));
  unpacked.pipe(tar);
  const logs: ArchiveLogResult[] = [];
  let stand: ArchiveLogResult | undefined;
  let read = 0;
  let skipped = 0;
  let damaged = false;
  let capped = false;
  try {
    archive: for await (const entry of tar) {
      const { type, name } = entry.header;
      const isFile = type === 'file' || type === 'contiguous-file';
      // read through one iterator: a `break` out of a for-await over the entry would destroy its stream, and the archive with it
      const chunks = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      if (isFile && logs.length < MAX_ARCHIVE_LOGS) {
        const parser = new ServerLogParser(`${source}/${archivedPath(name)}`, options);
        const { result, bytes } = await readByteStream({ [Symbol.asyncIterator]: () => ({ next: () => chunks.next() }) }, parser, maxBytes - read);
        read += bytes;
        const r: ArchiveLogResult = result.cutAtBytes ? { ...result, cutAtBytes: maxBytes } : result;
        if (r.verdict === 'empty' || isBinaryVerdict(r.verdict)) stand ??= r;
        else logs.push(r);
        // at the cap nothing after is read; a damaged archive has nothing after
        if (r.gzipDamaged || r.cutAtBytes) break;
      } else if (isFile && (entry.header.size ?? 0) > 0) skipped++;
      // the rest of the entry (a binary file past its first block, a file over the count) is read past, and counts against
      // the cap: a 4 GB core dump inside must not keep the reading going unbounded
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) {
        read += c.value.length;
        if (read >= maxBytes) {
          capped = true;
          break archive;
        }
      }
    }
  } catch {
    damaged = true;
  } finally {
    file.destroy();
    unpacked.destroy();
    tar.destroy();
  }
  if (!logs.length) logs.push(stand ?? new ServerLogParser(source, options).end());
  const last = logs[logs.length - 1]!;
  if (damaged && !last.gzipDamaged) logs[logs.length - 1] = { ...last, gzipDamaged: true };
  if (skipped || capped) logs[logs.length - 1] = { ...logs[logs.length - 1]!, archive: { path: source, skippedFiles: skipped, ...(capped ? { cutAtBytes: maxBytes } : {}) } };
  return logs;
}

/** Does the file start as a tar archive, plain or inside gzip, or a ZIP archive? `head`: its first bytes (8 KiB), as readServerLogFile read them. */
export function archiveKind(head: Uint8Array): 'tar' | 'tar.gz' | 'zip' | undefined {
  if (isTarStart(head)) return 'tar';
  if (isZipStart(head)) return 'zip';
  return isGzipStart(head) && isTarStart(gzipStart(head)) ? 'tar.gz' : undefined;
}

/**
 * What explain-log and `scan --server-log` read for FILE: the log, or each log inside a tar or ZIP archive (archiveKind). The file's
 * head is read twice for a plain log (8 KiB, once here and once by readServerLogFile), which keeps readServerLogFile whole.
 */
export async function readServerLogFiles(path: string, source = path, maxBytes = MAX_BYTES, options: ServerLogParserOptions = {}, onBytes?: ReadBytes): Promise<ArchiveLogResult[]> {
  const { info, head } = await logFileHead(path);
  const kind = archiveKind(head);
  // an archive is read from its file's start to its end (or to the cap of what it unpacks to): its file's size is the whole
  // (a gzip file's too: its packed bytes are counted; a plain file is read up to the size cap)
  onBytes?.(0, kind || isGzipStart(head) ? info.size : Math.min(info.size, maxBytes));
  if (kind === 'zip') {
    const logs = await readServerLogZip(path, source, info.size, maxBytes, options);
    onBytes?.(info.size, info.size);
    return logs;
  }
  if (kind) return readServerLogArchive(path, source, kind === 'tar.gz', maxBytes, options, onBytes && ((read) => onBytes(Math.min(read, info.size), info.size)));
  return [await readServerLogFile(path, source, maxBytes, options, onBytes)];
}
