import { fstatSync, writeSync } from 'node:fs';

/**
 * How the CLI writes its results to stdout. Node writes stdout to a regular file (`> out.json`)
 * synchronously, through a stream that first copies every string into a new Buffer: for the 6.6 MB
 * of a 20 000-route `scan --json` those copies took longer than making the JSON (45 against 27 ms,
 * issue 16), and making that stream loads Node's 20 stream modules. A regular file gets here the
 * same synchronous write straight from the string, as the stream's own `_write` does with its
 * Buffer (fs.writeSync), and process.stdout is never made. Anything else — a terminal, a pipe, a
 * socket, a device such as NUL or /dev/null — keeps Node's stream: it writes strings to a pipe
 * without that copy, waits for a slow reader, and reports EPIPE when the reader goes (main.ts).
 * Devices stay with it because telling a terminal from another character device needs node:tty,
 * which loads net and ten more modules at start-up (more than the stream costs).
 *
 * Node too writes a regular file through its synchronous file stream (libuv's uv_guess_handle
 * calls it a file: src/unix/core.c, src/win/handle.c; Node's lib/internal/bootstrap/switches/is_main_thread.js).
 */
export interface StdoutWriter {
  write(text: string): void;
  /** stdout is a terminal (a person reads it) */
  isTerminal: boolean;
}

/** `stream` is asked for only when stdout is not a regular file (it makes process.stdout). */
export function stdoutWriter(fd: number, stream: () => NodeJS.WriteStream): StdoutWriter {
  if (isRegularFile(fd)) return { write: (text) => writeWhole(fd, text), isTerminal: false };
  const s = stream();
  return { write: (text) => void s.write(text), isTerminal: Boolean(s.isTTY) };
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
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
