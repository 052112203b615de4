import { HeldLines } from './held-lines';
import type { Hit } from './kit';
import type { LogFamily, ServerLogEntry } from './types';

/**
 * A shell's or a router's prompt copied with the log, with the command typed after it (`[root@Test xl2tpd]# xl2tpd -D`,
 * `root@vpn:~# tail -f /var/log/syslog`, `west # ipsec auto --up …`, `$ sudo journalctl -u strongswan`,
 * `[admin@MikroTik] > /log print`, `PS C:\Users\admin> Get-WinEvent …`): no log message, never a cause. Read by the prompt's
 * SHAPE only, so prose that merely holds a `#` ("C# is great", "Step 1# do this", a Markdown heading `# Title`, a config
 * file's `# comment`) stays unread. Cisco IOS and ASA prompts (`Router#debug …`) are families/ios.ts's (console-device.ts).
 */

/** A command as typed: a program's name (lower case, as Unix programs are) or a path, then its arguments — never a capitalised word */
const COMMAND = String.raw`(?:[a-z][\w.+-]*|\.{0,2}\/[\w./-]+|~\/[\w./-]+)(?:\s.*)?`;

/**
 * The shapes, each a whole line (`cmd`: the command typed, when there is one):
 * - `[user@host dir]#` / `[user@host:dir]$` — bash's default PS1 on Red Hat, CentOS, Fedora (`[\u@\h \W]\$ `, /etc/bashrc)
 *   and NixOS's (`[\u@\h:\w]\$ `).
 * - `user@host:dir#` / `user@host:dir$` — bash's default PS1 on Debian and Ubuntu (`\u@\h:\w\$ `, /etc/skel/.bashrc) and
 *   BusyBox ash's on OpenWrt (`\u@\h:\w\$ `, /etc/profile).
 * - `user@host dir $` — Gentoo's and old Raspbian's colour prompt (`\u@\h \w \$ `, Gentoo's /etc/bash/bashrc).
 * - `host #` / `host $` — a lower-case host name, a blank, the sign: the prompt of Libreswan's test suite (`west #`,
 *   `east #`, testing/guestbin; its documented console outputs are pasted so) — a command after it must look typed.
 * - `$ cmd` — the sign alone, as documentation and forum posts show a user's shell (any typed command).
 * Source for the signs: bash(1), PROMPTING: `\$` is `#` for root, else `$`.
 */
const BRACKETED = /^\[[\w.-]+@[\w.-]+(?:[ :][^\]]*)?\]\s?[#$]\s*(.*)$/;
const USER_HOST_PATH = /^[\w.-]+@[\w.-]+:[^\s#$]*\s?[#$]\s*(.*)$/;
const USER_HOST_SPACED = /^[\w.-]+@[\w.-]+ (?:~|\/)[^\s]* [#$]\s*(.*)$/;
const HOST_SIGN = new RegExp(String.raw`^[a-z][a-z0-9.-]{0,62} [#$](?: +(${COMMAND}))?\s*$`);
const DOLLAR = new RegExp(String.raw`^\$ +(${COMMAND})$`);

/**
 * `# cmd`: root's sign alone. A config file's comment starts so too (`# basic configuration`, `# /etc/ipsec.conf - Libreswan …`),
 * so only a command a help desk types to show or run a VPN server's log counts (assumed: the programs of this project's families
 * and the usual ways to show a log).
 */
const ROOT_COMMANDS = new Set(['sudo', 'su', 'ipsec', 'swanctl', 'xl2tpd', 'pppd', 'pptpd', 'accel-cmd', 'journalctl', 'systemctl', 'service', 'tail', 'cat', 'grep', 'egrep', 'less', 'dmesg', 'logread', 'tcpdump', 'vpncmd', 'strongswan', 'sstpd']);
const ROOT_SIGN = /^# +((\S+)(?:\s.*)?)$/;

/** RouterOS's prompt: `[user@identity] >`, with the menu when inside one (`[admin@MikroTik] /ip firewall>`; MikroTik RouterOS manual, "Command Line Interface") */
const ROUTEROS = /^\[[\w.-]+@[^\]]+\] ?(?:\/[\w /-]*)?> ?(.*)$/;

/** Windows: PowerShell's default prompt `PS C:\path> ` (about_Prompts) and cmd.exe's `C:\path>` (its default PROMPT $P$G) */
const WINDOWS = /^(?:PS )?[A-Za-z]:\\[^<>:"|?*]*> ?(.*)$/;

export interface PromptHit {
  /** the device the prompt itself names (RouterOS's); else the paste's end decides (PromptLines) */
  family?: LogFamily;
  hit: Hit;
}

const typed = (command: string | undefined): Hit => {
  const c = command?.trim();
  return c ? { decoded: [{ key: 'step.promptCommandTyped', values: { command: c } }], outcome: 'info' } : { decoded: [{ key: 'step.promptOnly' }], outcome: 'info' };
};

/** The line as a prompt with the command typed; undefined for every other line. `text`: the record's text. */
export function promptLine(text: string): PromptHit | undefined {
  const line = text.trim();
  const c = line.charCodeAt(0);
  // (a look at the first character first: most lines are a log's, with a digit or a month there)
  if (c === 91 /* [ */) {
    const os = ROUTEROS.exec(line);
    if (os) return { family: 'mikrotik', hit: typed(os[1]) };
    const m = BRACKETED.exec(line);
    return m ? { hit: typed(m[1]) } : undefined;
  }
  if (c === 36 /* $ */) {
    const m = DOLLAR.exec(line);
    return m ? { hit: typed(m[1]) } : undefined;
  }
  if (c === 35 /* # */) {
    const m = ROOT_SIGN.exec(line);
    return m && ROOT_COMMANDS.has(m[2]!) ? { hit: typed(m[1]) } : undefined;
  }
  const m = USER_HOST_PATH.exec(line) ?? USER_HOST_SPACED.exec(line) ?? HOST_SIGN.exec(line) ?? WINDOWS.exec(line);
  return m ? { hit: typed(m[1]) } : undefined;
}

/**
 * Whether the line is a prompt (for the record splitter: a prompt never goes on the record above it, an event's text or a wrapped
 * line). Runs for every line after a record, so the patterns run only where the prompt's own marks are, all in its first word: the
 * sign first (`[`, `$`, `#`), `user@host…`, a drive (`C:\`, `PS C:\`), or `#`/`$` right after that word (`west # …`). A log line's
 * `#` or `@` further on (pluto's `#12:`, a user@realm) costs no pattern and no copy of the line — looking for them in its first 80
 * characters, a copy each, made explain-log 20 % slower on the bench's syslog.
 */
export function isPromptLine(line: string): boolean {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  const c = line.charCodeAt(start);
  if (c === 91 /* [ */ || c === 36 /* $ */ || c === 35 /* # */) return promptLine(line) !== undefined;
  const blank = line.indexOf(' ', start);
  const wordEnd = blank < 0 ? line.length : blank;
  const at = line.indexOf('@', start);
  const after = blank < 0 ? 0 : line.charCodeAt(blank + 1);
  const marked =
    (at > start && at < wordEnd) ||
    (line.charCodeAt(start + 1) === 58 /* : */ && line.charCodeAt(start + 2) === 92) /* \ */ ||
    (c === 80 /* P */ && line.startsWith('PS ', start)) ||
    after === 35 /* # */ ||
    after === 36; /* $ */
  return marked && promptLine(line) !== undefined;
}

/**
 * The prompts that name no device, counted as 'syslog' (a line of no VPN program) until the paste's end: then, when the paste
 * holds another family's records, as the family most of them are (the server the commands were typed on).
 */
export class PromptLines extends HeldLines {
  /** every prompt line: none says the text is a log (an ipconfig typed at `C:\>` stays an ipconfig: inspect.ts verdict) */
  all = 0;

  /** a prompt line; `named`: its own device counted it (RouterOS's), so the paste's end need not */
  note(e: ServerLogEntry | undefined, named: boolean): void {
    this.all++;
    if (!named) this.hold(e);
  }

  settle(families: Map<LogFamily, { n: number }>): void {
    const syslog = families.get('syslog');
    if (this.n === 0 || !syslog) return;
    let owner: LogFamily | undefined;
    let most = 0;
    for (const [f, c] of families) if (f !== 'syslog' && c.n > most) [owner, most] = [f, c.n];
    if (!owner) return;
    const to = owner;
    this.handOver(families, syslog, 'syslog', to, (e) => (e.family = to));
  }
}
