import type { Hit } from './kit';
import type { Prefixed } from './prefixed';
import type { LogFamily } from './types';

/**
 * `[N blob data]`: what journalctl prints instead of a message it will not show as text without `--all` (systemd
 * src/shared/logs-show.c: output_short, `fprintf(f, "[%s blob data]\n", FORMAT_BYTES(message_len))` for a message that is not
 * utf8_is_printable — a carriage return, a terminal's colour codes; output_verbose, `FIELD=[%s blob data]`, also for a value of
 * PRINT_CHAR_THRESHOLD, 300 bytes, or more). FORMAT_BYTES is format_bytes (src/basic/format-util.c, IEC, one digit below the
 * point when it is not 0, a trailing B): `6B`, `754B`, `1.5K`, `2K`, `48.0K`… up to E.
 */
const BLOB_DATA = /^\[(\d{1,4}(?:\.\d)?[BKMGTPE]) blob data\]$/;
/**
 * The same after a tag the header reader took for none (an identifier with a blank, systemd-nspawn's `container target1[3470]`:
 * the line's message is then all after the time): the tag's last word is the program.
 */
const BLOB_DATA_AFTER_TAG = /(?:^|\s)([^\s[\]]+)(?:\[\d+\])?: \[(\d{1,4}(?:\.\d)?[BKMGTPE]) blob data\]$/;

/**
 * A record no family read that is a journal entry journalctl gave without its message — its JSON writer's null MESSAGE
 * (`leftOut`: a field over JSON_THRESHOLD, 4096 bytes, without `--all`; man journalctl, `-o json`), or the `[N blob data]` its
 * short and verbose output print — understood as that, with what to run again: journalctl with `--all`. The entry keeps its
 * time, host and program, so the reader sees whose message is missing; it counts as its family's when one claimed the line.
 * Asked only for a record no family read, and then by one flag and one character: a plain log pays nothing for it.
 */
export function leftOutHit(leftOut: boolean | undefined, pre: Prefixed, family: LogFamily | undefined): { family: LogFamily; hit: Hit } | undefined {
  // (the program as output_short names it: its identifier, else its command, else `unknown`)
  if (leftOut === true) return { family: family ?? 'syslog', hit: { decoded: [{ key: 'step.journalMessageLeftOut', values: { program: pre.program ?? 'unknown' } }], outcome: 'info' } };
  const message = pre.message;
  if (message.charCodeAt(message.length - 1) !== 93 /* ] */) return undefined;
  const m = message.charCodeAt(0) === 91 ? BLOB_DATA.exec(message) : null;
  const tagged = m ? null : BLOB_DATA_AFTER_TAG.exec(message);
  if (!m && !tagged) return undefined;
  const program = pre.program ?? tagged?.[1] ?? 'unknown';
  return { family: family ?? 'syslog', hit: { decoded: [{ key: 'step.journalBlobData', values: { program, size: m ? m[1]! : tagged![2]! } }], outcome: 'info' } };
}
