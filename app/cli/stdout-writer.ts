import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * How the CLI writes its results to stdout. Node writes stdout to a file or a device (`> out.json`,
 * `> NUL`, /dev/null) synchronously, through a stream that first copies every string into a new
 * Buffer: for the 6.6 MB of a 20 000-route `scan --json` those copies took longer than making the
 * JSON (45 against 27 ms, issue 16 row 1), and making that stream (process.stdout's first use)
 * cost a cold start ~30 ms more. A file or device gets here the same synchronous write straight from
 * the string, as the stream's own `_write` does with its Buffer (fs.writeSync), and process.stdout
 * is never made. A terminal, a pipe or a socket keeps Node's stream: it writes strings without
 * that copy, waits for a slow reader, and reports EPIPE when the reader goes (main.ts).
 *
 * Node picks the file stream for what libuv's uv_guess_handle calls a file: a regular file or a
 * character device that is not a terminal (libuv src/unix/core.c, src/win/handle.c).
 */
export interface StdoutWriter {
  write(text: string): void;
  /** stdout is a terminal (a person reads it) */
  isTerminal: boolean;
}

/** `stream` is asked for only when stdout is not a file or device (it makes process.stdout). */
export function stdoutWriter(fd: number, stream: () => NodeJS.WriteStream): StdoutWriter {
  if (isFileOrDevice(fd)) return { write: (text) => writeWhole(fd, text), isTerminal: false };
  const s = stream();
  return { write: (text) => void s.write(text), isTerminal: Boolean(s.isTTY) };
}

function isFileOrDevice(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFile() || (st.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

/** writeSync of a string may write part of it (a full disk, a quota): the rest is written, or the error thrown. */
function writeWhole(fd: number, text: string): void {
  const written = writeSync(fd, text);
  const bytes = Buffer.byteLength(text);
  if (written === bytes) return;
  const rest = Buffer.from(text).subarray(written);
  for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at, rest.length - at);
}
