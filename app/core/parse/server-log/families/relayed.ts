import type { Prefixed } from '../prefix';
import { isLetter } from '../char-codes';

/**
 * A router's syslog line as a relay wrote it: the relay's own header, then the router's host name with a colon, then the program
 * — `Sep 30 11:14:14 __clientip__ minerva: xl2tpd[1030]: call_close: …` (an OpenWrt router logging to a syslog server, openwrt/packages
 * #1478). The header reader takes the router's name for the program (`minerva`) and leaves `xl2tpd[1030]: …` in the message; a family
 * whose program that is reads the line as its own (the family's view of it names the router as the host; the entry keeps the
 * header reader's). The router's name has no pid (a program that wrote one is no host), and the program must be one of the family's.
 */
const RELAYED = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: /;

export function relayed(pre: Prefixed, programs: RegExp): Prefixed | undefined {
  if (!pre.program) return undefined;
  const c = pre.message.charCodeAt(0);
  if (!isLetter(c)) return undefined;
  // (under a tag with a pid — most lines of other programs that reach a family's claims — a `[` right after the first word first,
  // by character codes: no regex run for a message that names no tag)
  if (pre.pid !== undefined && !tagAhead(pre.message)) return undefined;
  const m = RELAYED.exec(pre.message);
  if (!m || !programs.test(m[1]!)) return undefined;
  // (a tag with a pid is a program, no host — unless the inner tag names the same process: the journal files a child's output under
  // the parent's identifier with the child's pid, `NetworkManager[557]: xl2tpd[557]: Connecting to host …`, nm-l2tp/NetworkManager-l2tp
  // #189, NetworkManager-l2tp running xl2tpd; the program is then the inner one, the header's host stays)
  if (pre.pid !== undefined) return m[2] === pre.pid ? { ...pre, program: m[1], message: pre.message.slice(m[0].length), src: undefined, messageAt: undefined } : undefined;
  // (the message moved: it is no longer where the read chunk had it)
  const out: Prefixed = { ...pre, host: pre.program, program: m[1], message: pre.message.slice(m[0].length), src: undefined, messageAt: undefined };
  if (m[2] !== undefined) out.pid = m[2];
  else delete out.pid;
  return out;
}

/** Whether the message starts with a word of RELAYED's name characters and a `[` after it (up to 32 characters). */
function tagAhead(message: string): boolean {
  const end = Math.min(message.length, 33);
  for (let i = 1; i < end; i++) {
    const c = message.charCodeAt(i);
    if (c === 91 /* [ */) return true;
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  return false;
}
