import type { Prefixed } from './prefix';

/**
 * A daemon's own `name[pid]: ` in front of its message, under a pid-less tag of the same name: CentOS 7's rsyslog writes the
 * journal's lines of a daemon run in the foreground so (`Jul 10 10:44:27 host xl2tpd: xl2tpd[31026]: Listening on …`,
 * hwdsl2/setup-ipsec-vpn#1574: xl2tpd -D prints its own tag to stderr, and the journal tags that stream `xl2tpd`).
 * The inner tag gives the pid; the rest is the message. Under a tag with the same pid (the journal's own, of the same process) too.
 */
export function innerTag(pre: Prefixed): Prefixed | undefined {
  const program = pre.program;
  if (program === undefined) return undefined;
  const text = pre.message;
  if (text.charCodeAt(program.length) !== 91 /* [ */ || !text.startsWith(program)) return undefined;
  const m = /^\[(\d+)\]: ?(.*)$/.exec(text.slice(program.length));
  // (the journal's own tag may carry the pid as well — the same process: `bidski-beast xl2tpd[1814981]: xl2tpd[1814981]: Call
  // established with …`, xelerance/xl2tpd#202 and ppp-project/ppp#335, an Arch Linux journal of xl2tpd run by systemd)
  return m && (pre.pid === undefined || pre.pid === m[1]) ? { shape: pre.shape, time: pre.time, host: pre.host, program, pid: m[1], level: pre.level, message: m[2]! } : undefined;
}
