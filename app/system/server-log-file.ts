import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ServerLogParser, type ServerLogResult } from '../core/parse/server-log';
import { ChunkLines } from '../core/parse/server-log/lines';
import { UsageError } from './errors';

/**
 * Reads a server log file for `explain-log` / `scan --server-log`: streamed chunk by chunk, line by line into the
 * (pure) parser, so a 50 MB syslog never sits in memory. The first 8 KiB decide the encoding
 * (UTF-16 by BOM — PowerShell's Out-File — else UTF-8) and catch binary files before the rest is
 * read. Files over MAX_BYTES are read up to that size and the result says so.
 */

export const MAX_BYTES = 512 * 1024 * 1024;
const SNIFF_BYTES = 8192;

export async function readServerLogFile(path: string, source = path, maxBytes = MAX_BYTES): Promise<ServerLogResult & { cutAtBytes?: number }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`Server log not found: ${path}`);
  if (!info.isFile()) throw new UsageError(`Not a file: ${path}`);
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  const parser = new ServerLogParser(source);
  if (info.size === 0) return parser.end();
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf16le' : undefined;
  if (!utf16 && looksBinary(head)) {
    // feed the sniffed part so the verdict says "binary" with the same rules as a paste
    parser.pushText(head.toString('latin1'));
    return parser.end();
  }
  const stream = createReadStream(path, { encoding: utf16 ?? 'utf8', start: utf16 ? 2 : 0, end: Math.min(info.size, maxBytes) - 1 });
  // decoded once by the stream, cut into lines synchronously per chunk (as readline would cut them)
  const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
  for await (const chunk of stream) lines.push(chunk as string);
  lines.end();
  const result = parser.end();
  return info.size > maxBytes ? { ...result, truncated: true, cutAtBytes: maxBytes } : result;
}

/** NUL bytes, or more than 10 % control bytes, in the first block: not a text log. */
function looksBinary(b: Buffer): boolean {
  let control = 0;
  for (const byte of b) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control++;
  }
  return b.length > 0 && control > b.length * 0.1;
}
