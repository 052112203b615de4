/**
 * rsyslog's repeated-message reduction (`$RepeatedMsgReduction on`, Debian's and Ubuntu's default): a line met again right after
 * itself is not written again; the next different line is preceded by `message repeated N times: [ MSG]` — N the copies left out,
 * MSG the message as it was, with the blank that followed the tag (rsyslog runtime/ratelimit.c, "message repeated %d times:
 * [%.800s]"). The message inside is the one to read; N is said with it.
 */
const REPEATED = /^message repeated (\d+) times?: \[ ?(.*)\]$/;

export interface Repeated {
  /** the copies left out */
  n: number;
  message: string;
}

export function repeatedMessage(message: string): Repeated | undefined {
  // (most lines: one character compared)
  if (message.charCodeAt(0) !== 109 /* m */ || !message.startsWith('message repeated ')) return undefined;
  const m = REPEATED.exec(message);
  return m && m[2] ? { n: Number(m[1]), message: m[2].trim() } : undefined;
}
