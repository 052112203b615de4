import { closeSync, createReadStream, openSync, readSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ServerLogParser, type ServerLogParserOptions, type ServerLogResult } from '../core/parse/server-log';
import { ChunkLines } from '../core/parse/server-log/chunk-lines';
import { isGzipStart, looksBinaryBytes, sniffTextEncoding } from '../shared/text-encoding';
import { usageError } from './error-text';

/**
 * Reads a server log file for `explain-log` / `scan --server-log`: streamed chunk by chunk, line by line into the
 * (pure) parser, so a 50 MB syslog never sits in memory (one 64 KiB buffer, reused). The first 8 KiB decide the encoding
 * (UTF-16 by BOM — PowerShell's Out-File — or without one, as a capture's files are (decode.ts); else UTF-8) and catch binary files before the rest is
 * read. Files over MAX_BYTES are read up to that size and the result says so. `options`: the
 * parser's (everyEntry: what --redact takes its names from).
 *
 * A gzip file (logrotate's `syslog.2.gz`, `messages-20241201.gz`: what a Linux administrator sends on) is read through its
 * decompression, streamed the same way (readGzippedLog).
 */

export const MAX_BYTES = 512 * 1024 * 1024;
const SNIFF_BYTES = 8192;

/** What readServerLogFile read besides the parse: where it stopped at the size cap, and whether a gzip file broke off early. */
export type ServerLogFileResult = ServerLogResult & { cutAtBytes?: number; gzipDamaged?: true };

/**
 * What readServerLogArchive (and server-log-zip.ts) adds to the last log it read when the archive was not read to its end: the archive, how many files
 * after the MAX_ARCHIVE_LOGS-th were left, and the cap when the bytes read past (a binary file's rest, files over the count)
 * reached it; a ZIP archive's files that would not unpack (password-protected, another method: server-log-zip.ts).
 */
export type ArchiveLogResult = ServerLogFileResult & { archive?: { path: string; skippedFiles: number; cutAtBytes?: number; unreadableFiles?: number } };

/**
 * How far the reading of a file has come, for the app's progress bar: bytes taken from the disk of the bytes it will take (the
 * file's size, or the size cap when the file is bigger). For a gzip file these are its packed bytes: its unpacked size is not
 * known before the end. Called with 0 before the first read, then after each read, never going back.
 */
export type ReadBytes = (read: number, total: number) => void;

export async function readServerLogFile(path: string, source = path, maxBytes = MAX_BYTES, options: ServerLogParserOptions = {}, onBytes?: ReadBytes): Promise<ServerLogFileResult> {
  const { info, head } = await logFileHead(path);
  const parser = new ServerLogParser(source, options);
  if (info.size === 0) return parser.end();
  if (isGzipStart(head)) return readGzippedLog(path, parser, maxBytes, onBytes && ((read) => onBytes(read, info.size)));
  // UTF-16LE by its BOM or without one (a copy that lost it: read as UTF-8, its NULs said "binary"); UTF-16BE by its BOM (no
  // Windows tool writes it by default; read as UTF-8, its BOM was a line of garbage)
  const sniffed = sniffTextEncoding(head);
  const utf16 = sniffed.encoding === 'utf-16le' ? 'utf16le' : sniffed.encoding === 'utf-16be' ? 'utf16be' : undefined;
  const bom = utf16 ? sniffed.bom : 0;
  if (!utf16 && looksBinaryBytes(head)) {
    // feed the sniffed part so the verdict says "binary" with the same rules as a paste
    parser.pushText(head.toString('latin1'));
    return parser.end();
  }
  // decoded chunk by chunk, cut into lines synchronously per chunk (as readline would cut them)
  const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
  const end = Math.min(info.size, maxBytes);
  await readChunks(path, utf16 ?? 'utf8', bom, end, (chunk) => lines.push(chunk), onBytes && ((at) => onBytes(at, end)));
  lines.end();
  const result = parser.end();
  return info.size > maxBytes ? { ...result, truncated: true, cutAtBytes: maxBytes } : result;
}

/** A log file's size and first 8 KiB (what decides how it is read); a clear error when it is not there or no file. */
export async function logFileHead(path: string): Promise<{ info: Stats; head: Buffer }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw usageError('engineError.serverLogNotFound', { path });
  if (!info.isFile()) throw usageError('engineError.notAFile', { path });
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  return { info, head };
}

/**
 * A gzip-compressed log, decompressed as a stream (node:zlib; members written one after the other, as `cat a.gz b.gz` makes,
 * are read on) into the parser (readByteStream): MAX_BYTES counts the text, not the compressed bytes (a small file that unpacks
 * to gigabytes stops there).
 */
async function readGzippedLog(path: string, parser: ServerLogParser, maxBytes: number, onPacked?: (read: number) => void): Promise<ServerLogFileResult> {
  const gunzip = createGunzip();
  const file = createReadStream(path);
  file.on('error', (e) => gunzip.destroy(e));
  if (onPacked) countPackedBytes(file, onPacked);
  file.pipe(gunzip);
  try {
    return (await readByteStream(gunzip as AsyncIterable<Buffer>, parser, maxBytes)).result;
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

/** The bytes a file stream handed on so far, told after each chunk (a 'data' listener beside pipe(): pipe still pauses the file). */
export function countPackedBytes(file: NodeJS.ReadableStream, onRead: (read: number) => void): void {
  let read = 0;
  file.on('data', (chunk: Buffer | string) => onRead((read += chunk.length)));
}

/**
 * A log's bytes as they stream in (unpacked gzip, a file inside a tar archive) into the parser: its first 8 KiB decide the
 * encoding and catch a binary file as a plain file's do; at most `maxBytes` are read (`cutAtBytes`). A stream that breaks off
 * (a gzip file cut short or damaged: a copy of a log still being written, a broken download) keeps the lines before the damage
 * and says so (`gzipDamaged`): the reader sees what was read and why it stops. `bytes`: how many were read.
 */
export async function readByteStream(chunks: AsyncIterable<Buffer>, parser: ServerLogParser, maxBytes: number): Promise<{ result: ServerLogFileResult; bytes: number }> {
  const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
  let decoder: { write(b: Buffer): string; end(): string } | undefined;
  let head: Buffer[] = [];
  let headBytes = 0;
  let read = 0;
  let cut = false;
  let binary = false;
  let damaged = false;
  const write = (b: Buffer): void => {
    const text = decoder!.write(b);
    if (text) lines.push(text);
  };
  // the first 8 KiB decide, as for a plain file (the same bytes, whatever sizes the stream's chunks had: a UTF-16 log without its
  // BOM read as UTF-16 from a 64 KiB chunk and as binary from chunks of a few KiB — found by the server-log fuzzer): UTF-16 by its
  // BOM or its NULs, else UTF-8; a binary file's first 8 KiB go to the parser for its verdict
  const start = (block: Buffer): void => {
    const sniff = block.subarray(0, SNIFF_BYTES);
    const sniffed = sniffTextEncoding(sniff);
    const utf16 = sniffed.encoding === 'utf-16le' ? 'utf16le' : sniffed.encoding === 'utf-16be' ? 'utf16be' : undefined;
    if (!utf16 && looksBinaryBytes(sniff)) {
      binary = true;
      parser.pushText(sniff.toString('latin1'));
      return;
    }
    decoder = utf16 === 'utf16be' ? bigEndianDecoder() : new StringDecoder(utf16 ?? 'utf8');
    write(block.subarray(utf16 ? sniffed.bom : 0));
  };
  try {
    for await (const chunk of chunks) {
      let b = chunk;
      if (read + b.length > maxBytes) {
        b = b.subarray(0, maxBytes - read);
        cut = true;
      }
      read += b.length;
      if (decoder) write(b);
      else {
        head.push(b);
        headBytes += b.length;
        if (headBytes >= SNIFF_BYTES || cut) {
          start(Buffer.concat(head));
          head = [];
        }
      }
      if (cut || binary) break;
    }
  } catch {
    damaged = true;
  }
  if (!decoder && !binary && headBytes > 0 && head.length) start(Buffer.concat(head));
  if (binary) return { result: parser.end(), bytes: read };
  if (decoder) {
    const rest = decoder.end();
    if (rest) lines.push(rest);
  }
  lines.end();
  const result = parser.end();
  return { result: { ...result, ...(cut ? { truncated: true, cutAtBytes: maxBytes } : {}), ...(damaged ? { gzipDamaged: true as const } : {}) }, bytes: read };
}

/** A read's size: a stream's default, and a decoded chunk stays a young-generation string (V8 puts strings over 128 KiB in large-object space, fresh pages each). */
const CHUNK_BYTES = 64 * 1024;
/**
 * Give the event loop a turn after this much read (timers, signals; the desktop app's main process, which reads a big file in
 * full: its window, other IPC and the reading's progress messages wait for that turn). 1 MiB is ~50 ms of parsing on the bench
 * machine (4 MiB, ~200 ms, made the progress bar jump and the window lag); a turn costs microseconds.
 */
const YIELD_BYTES = 1024 * 1024;

/**
 * The bytes from `start` up to `end` (or the end of the file, if sooner), decoded as a read stream
 * with that encoding decodes them (StringDecoder: a character cut between two reads is whole in the
 * second), chunk by chunk into one reused buffer. Read synchronously: a read stream hands every
 * 64 KiB to the thread pool and back and allocates a new buffer for it, which cost more than
 * parsing the chunk's lines (bench/server-log.bench.ts).
 */
export async function readChunks(path: string, encoding: 'utf8' | 'utf16le' | 'utf16be', start: number, end: number, chunk: (text: string) => void, onRead?: (at: number) => void): Promise<void> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = encoding === 'utf16be' ? bigEndianDecoder() : new StringDecoder(encoding);
    let sinceYield = 0;
    for (let at = start; at < end; ) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, end - at), at);
      if (n === 0) break;
      at += n;
      const text = decoder.write(n === CHUNK_BYTES ? buffer : buffer.subarray(0, n));
      if (text) chunk(text);
      onRead?.(at);
      if ((sinceYield += n) >= YIELD_BYTES) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    const rest = decoder.end();
    if (rest) chunk(rest);
  } finally {
    closeSync(fd);
  }
}

/** StringDecoder's two calls over WHATWG's UTF-16BE decoder (Node's StringDecoder has no big-endian UTF-16), streaming as it does. */
function bigEndianDecoder(): { write(b: Buffer): string; end(): string } {
  const decoder = new TextDecoder('utf-16be');
  return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
}

