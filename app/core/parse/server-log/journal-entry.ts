import { withoutColours } from './chunk-lines';

/**
 * One systemd journal entry's fields as journalctl's structured output modes give them (journal-export.ts reads the modes): the
 * values — a string, a byte array, null for a field left out, several values of a field set twice —, the time, and the line
 * output_short prints for the entry, which every family then reads as it reads journalctl's short output.
 */

export type Value = string | number[] | null | (string | number[] | null)[];
export type Fields = Record<string, Value | undefined>;

/** a message's line breaks and the blanks around them: output_short prints a multi-line message on one line */
export const LINE_BREAKS = /[ \t]*[\r\n\u2028\u2029]+[ \t]*/g;

/**
 * A binary export field's value from what a copy kept of it: the size's eight little-endian bytes lost their NULs, so its first
 * characters are the size's non-zero bytes, low first. The count of them that makes the size the rest's UTF-8 length is taken;
 * when none does (a size byte of 0x80 or more was no text, a line end was a CR), the control characters at its start go.
 */
export function binaryValue(data: string): string {
  for (let k = 1; k <= 8 && k <= data.length; k++) {
    let size = 0;
    let ok = true;
    for (let i = k - 1; i >= 0; i--) {
      const b = data.charCodeAt(i);
      if (b > 255) ok = false;
      size = size * 256 + b;
    }
    if (ok && size === utf8Length(data, k)) return data.slice(k);
  }
  let i = 0;
  while (i < 8 && i < data.length && (data.charCodeAt(i) < 32 || data.charCodeAt(i) === 0xfffd)) i++;
  return data.slice(i);
}

function utf8Length(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON.parse's value, or NOT_JSON: the text is no JSON (one parse, for both questions the pretty reader asks) */
export const NOT_JSON = Symbol('not JSON');
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** A parsed value that is a journal entry's object, or undefined: not an object, or none of a journal entry's fields. */
export function journalEntry(v: unknown): Fields | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Fields;
  return '__REALTIME_TIMESTAMP' in o || '__CURSOR' in o || 'MESSAGE' in o ? o : undefined;
}

/** A journal entry's object, or undefined: not JSON, not an object, or none of a journal entry's fields. */
export function parseObject(text: string): Fields | undefined {
  const v = parsedJson(text);
  return v === NOT_JSON ? undefined : journalEntry(v);
}

const decoder = new TextDecoder('utf-8');

/** A field's text: a string as it is, a byte array decoded (UTF-8, an invalid byte as U+FFFD), a field set twice by its first value; null: none. */
function textOf(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v) || v.length === 0) return undefined;
  if (typeof v[0] === 'number') return decoder.decode(Uint8Array.from(v as number[], (b) => b & 255));
  return textOf(v[0] as Value);
}

/** `__REALTIME_TIMESTAMP`'s microseconds since the epoch as an RFC 3339 time in UTC with its six fraction digits, or undefined. */
export function timeOfMicros(v: Value | undefined): string | undefined {
  const s = textOf(v);
  if (s === undefined || !/^\d{1,17}$/.test(s)) return undefined;
  const us = Number(s);
  const d = new Date(Math.floor(us / 1000));
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 19)}.${String(us % 1e6).padStart(6, '0')}+00:00`;
}

/** An entry's time: `__REALTIME_TIMESTAMP`, else the `_SOURCE_REALTIME_TIMESTAMP` its client gave (timeOfMicros), or undefined. */
export const entryTime = (f: Fields): string | undefined => timeOfMicros(f.__REALTIME_TIMESTAMP) ?? timeOfMicros(f._SOURCE_REALTIME_TIMESTAMP);

/** The entry as output_short writes it, short-iso-precise's time first (none: the tag alone, as a foreground daemon's line). */
export function shortLine(time: string | undefined, f: Fields): string {
  const host = textOf(f._HOSTNAME);
  const program = textOf(f.SYSLOG_IDENTIFIER) ?? textOf(f._COMM) ?? 'unknown';
  const pid = textOf(f._PID) ?? textOf(f.SYSLOG_PID);
  let message = textOf(f.MESSAGE) ?? '';
  if (message.indexOf('\u001b') >= 0) message = withoutColours(message);
  message = message.replace(LINE_BREAKS, ' ').trim();
  const tag = `${program}${pid ? `[${pid}]` : ''}: ${message}`;
  return time === undefined ? tag : `${time}${host ? ` ${host}` : ''} ${tag}`;
}
