import { open } from 'node:fs/promises';
import { ServerLogParser, type ServerLogParserOptions } from '../core/parse/server-log';
import { archivedPath } from '../shared/log-label';
import { zipLogs } from '../shared/zip-files';
import { readByteStream, type ArchiveLogResult } from './server-log-file';

/**
 * A ZIP archive of logs (app/shared/zip-files.ts), each text file inside read as a log of its own, named `ARCHIVE/path/inside`,
 * through readByteStream as a file inside a tar archive is (encoding, binary check). A ZIP names its files at its end, so it is
 * read into memory, not streamed: at most ZIP_MAX_PACKED bytes of it (a bigger one is read from its local headers up to there,
 * and says so) and at most ZIP_MAX_UNPACKED unpacked bytes in all — zipped logs shrink about tenfold, so that is more text than
 * one explanation reads (bench row 14: 50 MB), held at once while its files are read.
 */
export const ZIP_MAX_PACKED = 64 * 1024 * 1024;
export const ZIP_MAX_UNPACKED = 128 * 1024 * 1024;

export async function readServerLogZip(path: string, source: string, size: number, maxBytes: number, options: ServerLogParserOptions): Promise<ArchiveLogResult[]> {
  const packed = Buffer.alloc(Math.min(size, ZIP_MAX_PACKED));
  const fh = await open(path, 'r');
  try {
    await fh.read(packed, 0, packed.length, 0);
  } finally {
    await fh.close();
  }
  const cutPacked = size > ZIP_MAX_PACKED;
  const zip = zipLogs(packed, Math.min(maxBytes, ZIP_MAX_UNPACKED));
  const logs: ArchiveLogResult[] = [];
  let read = 0;
  for (const file of zip.files) {
    const parser = new ServerLogParser(`${source}/${archivedPath(file.path)}`, options);
    const { result, bytes } = await readByteStream(inChunks(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length)), parser, maxBytes - read);
    read += bytes;
    logs.push(result);
  }
  if (!logs.length) logs.push(new ServerLogParser(source, options).end());
  const last = logs.length - 1;
  // (an archive read only in part because it is bigger than ZIP_MAX_PACKED is cut, not damaged: its end was not read)
  if (zip.damaged && !cutPacked) logs[last] = { ...logs[last]!, gzipDamaged: true };
  const cutAtBytes = cutPacked ? ZIP_MAX_PACKED : zip.cut ? Math.min(maxBytes, ZIP_MAX_UNPACKED) : undefined;
  if (zip.skipped || zip.unreadable || cutAtBytes !== undefined) {
    logs[last] = { ...logs[last]!, archive: { path: source, skippedFiles: zip.skipped, ...(zip.unreadable ? { unreadableFiles: zip.unreadable } : {}), ...(cutAtBytes !== undefined ? { cutAtBytes } : {}) } };
  }
  return logs;
}

/** The unpacked file in a read stream's 64 KiB pieces: decoded chunk by chunk, as a file's are (no one string of the whole file). */
async function* inChunks(b: Buffer): AsyncIterable<Buffer> {
  for (let at = 0; at < b.length; at += 64 * 1024) yield b.subarray(at, at + 64 * 1024);
}
