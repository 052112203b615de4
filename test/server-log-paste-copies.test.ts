import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from './corpus';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { MAX_HELD } from '../app/core/parse/server-log/first-wrap';
import { maybeGlued } from '../app/core/parse/server-log/glued-lines';
import { normalizeLine } from '../app/core/parse/server-log/line-normalize';
import { plainTypography } from '../app/core/parse/server-log/typography';
import { splitPrefixByRegex } from '../app/core/parse/server-log/prefix-shapes';
import { splitPrefix } from '../app/core/parse/server-log/prefix';
import { eventLoopTurns } from './support/event-loop-turn';

/**
 * A help desk rarely gets the log file itself: the network team mails it, or it is copied from a
 * ticket, a forum or a Markdown page. Each copy below is what one of those does to a log (lines.ts
 * says where each comes from); every real log — the shared corpus and the committed real fixtures —
 * must read the same through it: as many records understood, the same findings.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A syslog line's month (only where a tagged syslog header follows: an ASA's or IOS's own clock is not journalctl's) in another language. */
const journalctlIn =
  (words: string[]) =>
  (s: string): string =>
    s.replace(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?= +\d{1,2} \d\d:\d\d:\d\d (?:\S+ )?[A-Za-z][\w.-]*(?:\[\d+\])?: )/gm, (m) => words[MONTHS.indexOf(m)]!);

/** What grep prints before each line it matches: the lines with a syslog or ISO time (others, as grep's own context, unchanged). */
const grepped =
  (before: (n: number) => string) =>
  (s: string): string =>
    s
      .split('\n')
      .map((l, i) => (/^(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)? |\d{4}-\d\d-\d\d[T ]\d\d:)/.test(l) ? `${before(i + 1)}${l}` : l))
      .join('\n');

/** A line with each tab replaced by the blanks up to the next tab stop (every `stop` columns), as `expand` and editors do. */
function untabify(line: string, stop = 8): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(stop - (out.length % stop)) : c;
  return out;
}
/**
 * A line with each run of two or more blanks that reaches a tab stop written as a tab, as `unexpand -a` does (POSIX
 * unexpand: "any sequence of two or more <blank> characters immediately preceding a tab stop") and editors' tabify.
 */
function tabify(line: string, stop = 8): string {
  const wide = untabify(line, stop);
  let out = '';
  for (let at = 0; at < wide.length; at += stop) {
    const cell = wide.slice(at, at + stop);
    const kept = cell.replace(/ {2,}$/, '');
    out += cell.length === stop && kept.length < stop ? `${kept}\t` : cell;
  }
  return out;
}

/**
 * Each charon line of a log (`09[IKE] …`, bare or after a syslog header that names charon or ipsec) as the strongSwan
 * app on Android writes it: to logcat under the tag `charon`, printed by `adb logcat` (prefix-shapes.ts LOGCAT_*), or to
 * its own log file with `%b %e %T` times. `as(time, thread line)`: the line; time is the syslog header's, when it has one.
 */
const CHARON_THREAD_LINE = /^(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d\d:\d\d:\d\d)(?:\.\d+)? (?:\S+ )?(?:charon|ipsec)(?:\[\d+\])?: )?(\d\d\[[A-Z]{3}\d?\] .*)$/gm;
const asAndroid =
  (as: (time: { month: string; day: string; clock: string } | undefined, line: string) => string) =>
  (s: string): string =>
    s.replace(CHARON_THREAD_LINE, (whole, month: string | undefined, day: string, clock: string, line: string) => as(month ? { month, day, clock } : undefined, line.replace(/\r$/, '')) + (whole.endsWith('\r') ? '\r' : ''));
const two = (n: number | string) => String(n).padStart(2, '0');

/**
 * Each ASA, PIX or FTD message of a log as a relay or SIEM keeps it when the ASA sends it with its priority: `<166>:Jan 13
 * 15:51:28 UTC: %ASA-auth-6-113004: …` (the EMBLEM form, with the message's class: families/asa.ts ID) or bare
 * `<164>%ASA-4-113019: …`. The time is the line's own, when it has one.
 */
const ASA_MESSAGE = /(?:^|[\s:>])%(ASA|PIX|FTD)-(\d)-(\d{6}): ?(.*)$/;
const ASA_TIME = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2}(?: \d{4})? \d\d:\d\d:\d\d/;
const asaWithPriority =
  (emblem: boolean) =>
  (s: string): string =>
    s
      .split('\n')
      .map((l) => {
        const id = l.match(ASA_MESSAGE);
        // (a line of records glued together by a copy is no record a syslog server wrote: it is left as it is)
        if (!id || l.indexOf('%ASA-', id.index! + 5) >= 0) return l;
        const [, facility, level, number, text] = id;
        const time = l.slice(0, id.index).match(ASA_TIME)?.[0];
        return emblem && time ? `<${160 + Number(level)}>:${time} UTC: %${facility}-${number!.startsWith('1') ? 'auth' : 'vpn'}-${level}-${number}: ${text}` : `<${160 + Number(level)}>%${facility}-${level}-${number}: ${text}`;
      })
      .join('\n');

const COPIES: Record<string, (log: string) => string> = {
  // Outlook and browsers: a run of blanks becomes no-break spaces (`Sep  5` → `Sep\u00a0\u00a05`)
  'no-break spaces': (s) => s.replace(/ {2}/g, '\u00a0 ').replace(/ (?=\d)/g, '\u00a0'),
  // Word / Outlook AutoFormat: straight quotes become curly ones, `...` an ellipsis
  'smart quotes and ellipsis': (s) => s.replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/'([^'\n]*)'/g, '\u2018$1\u2019').replace(/\.\.\./g, '\u2026'),
  // a page's HTML source, or a forum that escapes twice
  'HTML escapes': (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  // a mail's reply quoting the log (`> ` before each line), and a reply to that reply (`> > `: RFC 3676 4.5, each level a `>`)
  'mail quote': (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  'mail quote two levels deep': (s) => s.split('\n').map((l) => `> > ${l}`).join('\n'),
  // a Markdown code fence around the log
  'Markdown fence': (s) => `\`\`\`text\n${s.replace(/\n$/, '')}\n\`\`\`\n`,
  // a help-desk ticket's wiki markup around it (Jira, Confluence): `{noformat}`, or `{code}` with its parameters
  'Jira noformat': (s) => `{noformat}\n${s.replace(/\n$/, '')}\n{noformat}\n`,
  'Jira code with a title': (s) => `{code:title=syslog|borderStyle=solid}\n${s.replace(/\n$/, '')}\n{code}\n`,
  // a Markdown code block's indent (its source copied), or a tab
  'indented four blanks': (s) => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n'),
  'indented by a tab': (s) => s.split('\n').map((l) => (l ? `\t${l}` : l)).join('\n'),
  // a web page's text rather than its <pre>: runs of blanks collapse to one
  'blanks collapsed': (s) => s.replace(/ {2,}/g, ' '),
  // a table on the router's web page copied: its cells come apart by blanks, not tabs
  'tabs as blanks': (s) => s.replace(/\t/g, '  '),
  // `journalctl` run by an admin whose locale is German, Dutch, French or Russian: its month words are the locale's (prefix-shapes.ts LOCALE_MONTHS)
  'journalctl in German': journalctlIn(['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez']),
  'journalctl in Dutch': journalctlIn(['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']),
  'journalctl in French': journalctlIn(['janv.', 'févr.', 'mars', 'avril', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']),
  'journalctl in Russian': journalctlIn(['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек']),
  // line ends converted twice (LF → CRLF on a CRLF file: `\r\r\n`), each line then followed by a blank one
  'line ends converted twice': (s) => s.replace(/\r?\n/g, '\r\r\n'),
  // `grep -n` / `grep -Hn` over the log file: each syslog or ISO-timed line after its number (and the file's path)
  'grep -n': grepped((n) => `${n}:`),
  'grep -Hn': grepped((n) => `/var/log/syslog:${n}:`),
  // `grep -n -C 3` / `grep -Hn -C 3`: the lines shown around a match have `-` where a match has `:`, and a `--` line stands between
  // two groups not next to each other in the file (GNU grep manual, 2.1.5 Context Line Control) — here every third timed line a
  // match, and a group separator before every fifth line that starts a record (no line of the log left out: the reading must hold)
  'grep -n -C': grepped((n) => `${n % 5 === 0 ? '--\n' : ''}${n}${n % 3 === 0 ? ':' : '-'}`),
  'grep -Hn -C': grepped((n) => `${n % 5 === 0 ? '--\n' : ''}/var/log/syslog${n % 3 === 0 ? `:${n}:` : `-${n}-`}`),
  // `cat -n` over the log file: every line, blank ones too, after its number right-aligned in six columns and a tab (GNU coreutils cat.c: `%6d\t`)
  'cat -n': (s) => s.replace(/\n$/, '').split('\n').map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('\n') + (s.endsWith('\n') ? '\n' : ''),
  // the same in a help-desk ticket's Jira `{noformat}` (the numbering is the file's from the first line after the fence)
  'cat -n in a Jira noformat': (s) => `{noformat}\n${s.replace(/\n$/, '').split('\n').map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('\n')}\n{noformat}\n`,
  // an editor's or mail client's untabify: each tab becomes the blanks up to the next tab stop of eight columns
  'tabs expanded to tab stops': (s) => s.split('\n').map((l) => untabify(l)).join('\n'),
  // an editor's tabify: runs of blanks that reach a tab stop of eight (or an editor's four) columns become tabs
  'blanks as tabs': (s) => s.split('\n').map((l) => tabify(l)).join('\n'),
  'blanks as tabs, stops of four': (s) => s.split('\n').map((l) => tabify(l, 4)).join('\n'),
  // the strongSwan app's charon on Android: `adb logcat` (threadtime, its default; brief) and the app's own log file
  'Android logcat threadtime': asAndroid((t, line) => `${t ? `${two(MONTHS.indexOf(t.month) + 1)}-${two(t.day)} ${t.clock}` : '01-01 00:00:00'}.000  4242  4250 I charon  : ${line}`),
  'Android logcat brief': asAndroid((_t, line) => `I/charon  ( 4242): ${line}`),
  'strongSwan Android app log': asAndroid((t, line) => (t ? `${t.month} ${t.day.padStart(2)} ${t.clock} ${line}` : line)),
  // an ASA's messages as a relay or SIEM keeps them, with the priority: EMBLEM-like with the class, or bare
  'ASA with priority, EMBLEM form': asaWithPriority(true),
  'ASA with priority, bare': asaWithPriority(false),
  // a zero-width space a web page put after each of its own line breaks
  'zero-width spaces': (s) => s.split('\n').map((l) => (l ? `\u200b${l}` : l)).join('\n'),
};

const fixtures = join(import.meta.dirname, 'fixtures', 'real', 'server-logs');
const realLogs: [string, string][] = [
  ...readdirSync(fixtures).filter((f) => f.endsWith('.txt')).map((f): [string, string] => [`real/${f}`, readFileSync(join(fixtures, f), 'utf8')]),
  ...(corpusAvailable ? corpusFiles('server-logs').filter((d) => !d.includes('.')) : []).flatMap((dir) => corpusFiles(join('server-logs', dir)).map((f): [string, string] => [`corpus/${dir}/${f}`, readCorpus(join('server-logs', dir), f)])),
];
const t = engineT('en');
const reading = (text: string) => {
  const r = parseServerLog(text);
  return { understood: r.understood, unknown: r.unknown, findings: explainServerLogs([r], t).findings.map((f) => f.id).sort() };
};

describe('a real log copied through mail, a web page or Markdown reads as the log itself', () => {
  it('has real logs to copy, and each copy changes some of them', () => {
    expect(realLogs.length).toBeGreaterThan(corpusAvailable ? 80 : 50);
    for (const [copy, damage] of Object.entries(COPIES)) expect([copy, realLogs.filter(([, text]) => damage(text) !== text).length > 0]).toEqual([copy, true]);
  });
  // (PowerShell's event tables are read by their columns, where each cell starts under its header: a copy that collapses the runs of
  // blanks, or turns them into tabs, moves the cells, and such a table is not read — a known gap, as for the journal's export above)
  const COLUMN_BLANKS = new Set(['blanks collapsed', 'blanks as tabs', 'blanks as tabs, stops of four']);
  const columnTable = (name: string): boolean => name.startsWith('real/powershell-');
  // (a journal export's binary field is its length in bytes and then its data, new lines and all: a quote mark put before each of
  // its lines changes what the length counts, so the entry can no longer be read — a mail quoting such an export breaks it)
  const QUOTES = new Set(['mail quote', 'mail quote two levels deep']);
  const binaryField = (name: string): boolean => name === 'real/systemd-journal-export-format-doc-three-entries-binary-message.txt';
  for (const [copy, damage] of Object.entries(COPIES)) {
    it(copy, async () => {
      const differing: string[] = [];
      const turn = eventLoopTurns();
      for (const [name, text] of realLogs) {
        await turn();
        if (COLUMN_BLANKS.has(copy) && columnTable(name)) continue;
        if (QUOTES.has(copy) && binaryField(name)) continue;
        const [copied, alone] = [JSON.stringify(reading(damage(text))), JSON.stringify(reading(text))];
        if (copied !== alone) differing.push(`${name}: ${alone} → ${copied}`);
      }
      expect(differing).toEqual([]);
    });
  }
});

/**
 * A help desk gets the log inside a forwarded mail (hwdsl2/setup-ipsec-vpn #1244: prose, then the records glued into the same
 * paragraph): the writer's sentence before the first record on its line, or Outlook's header block above the log and a signature
 * under it. Every real log reads its records as alone; the prose is one line not understood more (never dropped), the header
 * block's and signature's lines are what they read alone.
 */
describe("a real log inside a mail's prose reads as the log itself, the prose counted as not understood", () => {
  const SENTENCE = 'Hi, the user still cannot connect; this is what the server logged: ';
  /** A line that starts with a header with a time: a time in its first 44 characters, and no word in small letters before it (`Plutorun started on Tue Mar 18 13:02:10` is a message naming a time). */
  const timedHead = (l: string): boolean => {
    const t = /(?<![\d.:])\d{1,2}:\d\d(?::\d\d|\s)/.exec(l.slice(0, 44));
    return t !== null && !/(?:^|\s)[a-z]{2,}(?=\s)/.test(l.slice(0, t.index));
  };
  /**
   * The log with the sentence before its first line that reads as a record alone and has a header with a time (undefined: none
   * has): a header-less line (`Using interface ppp0`, `09[IKE] …`) after prose has nothing that says where the record starts.
   */
  const inProse = (text: string): string | undefined => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => timedHead(l.trimStart()) && parseServerLog(l).understood === 1);
    if (at < 0) return undefined;
    lines[at] = SENTENCE + lines[at]!.replace(/^\s+/, '');
    return lines.join('\n');
  };
  /**
   * A known gap: the line is the head of a record that goes on over the lines under it (a hard-wrapped line, an event's block, a
   * PPP log's packet): the splitter takes those lines under a line that starts with a head, and prose before it hides it, so the
   * lines under it are read on their own (the record after the prose is read).
   */
  const MULTI_LINE_HEAD = new Set([
    'real/charon-ipsec-tag-virtual-ip-lease-wrapped.txt',
    'real/eventviewer-tab-export-sysmon-quoted-multiline-messages-closing-quote-lost-markdown-ticks.txt',
    'real/rras-ppp-log-nt4-pap-blank-domain-password-validation-failure.txt',
    'corpus/rras/rras-remoteaccess-event-20111-demand-dial-not-responding-and-ike-credentials.txt',
  ]);
  const OUTLOOK = ['From: Jan de Vries <jan.devries@example.nl>', 'Sent: Monday, 5 January 2026 10:14', 'To: Helpdesk <helpdesk@example.nl>', 'Subject: RE: VPN does not connect', '', ''].join('\n');
  const SIGNATURE = ['', '', 'Kind regards,', 'Jan de Vries', 'Network team'].join('\n');
  it('a sentence before the first record, on its line', async () => {
    const differing: string[] = [];
    const turn = eventLoopTurns();
    let copied = 0;
    for (const [name, text] of realLogs) {
      await turn();
      if (MULTI_LINE_HEAD.has(name)) continue;
      const mail = inProse(text);
      if (mail === undefined) continue;
      copied++;
      const alone = reading(text);
      const read = reading(mail);
      // (a family that finds its record anywhere in a line — an ASA's `%ASA-` id, a netfilter packet's `IN=… OUT=` — reads the
      // line with the prose in its record's text: shown with the record, not dropped)
      const inRecord = parseServerLog(mail).entries.some((e) => e.text.includes(SENTENCE.trim()));
      const want = { ...alone, unknown: alone.unknown + (inRecord ? 0 : 1) };
      if (JSON.stringify(read) !== JSON.stringify(want)) differing.push(`${name}: ${JSON.stringify(want)} → ${JSON.stringify(read)}`);
    }
    expect(copied).toBeGreaterThan(corpusAvailable ? 80 : 50);
    expect(differing).toEqual([]);
  });
  it("a ticket journal's entry head before the log (ServiceNow: `<date> <time> - <user> (Work notes)`), counted as not understood", async () => {
    const HEAD = '2026-01-05 10:14:22 - Jan de Vries (Work notes)\n';
    expect(parseServerLog(HEAD).unknown).toBe(1);
    const differing: string[] = [];
    const turn = eventLoopTurns();
    for (const [name, text] of realLogs) {
      await turn();
      const alone = reading(text);
      const want = { ...alone, unknown: alone.unknown + 1 };
      const read = reading(HEAD + text);
      if (JSON.stringify(read) !== JSON.stringify(want)) differing.push(`${name}: ${JSON.stringify(want)} → ${JSON.stringify(read)}`);
    }
    expect(differing).toEqual([]);
  });
  it("Outlook's header block before the log and a signature after it", async () => {
    const differing: string[] = [];
    const turn = eventLoopTurns();
    const around = parseServerLog(OUTLOOK + SIGNATURE).unknown;
    expect(around).toBe(7);
    for (const [name, text] of realLogs) {
      await turn();
      const alone = reading(text);
      const mail = OUTLOOK + text.replace(/\s+$/, '') + SIGNATURE;
      const read = reading(mail);
      // (the signature's three lines are not understood, or a Windows event's text block above them takes them as its own last
      // lines — a block ends at a blank line only where its own text has none: they stay in that record's text, not dropped)
      const last = mail.split('\n').length;
      const inRecord = parseServerLog(mail).entries.some((e) => e.endLine === last) ? 3 : 0;
      const want = { ...alone, unknown: alone.unknown + around - inRecord };
      if (JSON.stringify(read) !== JSON.stringify(want)) differing.push(`${name}: ${JSON.stringify(want)} → ${JSON.stringify(read)}`);
    }
    expect(differing).toEqual([]);
  });
});

describe('plain typography', () => {
  it('turns what mail and web pages put in back into what the daemon wrote', () => {
    expect(plainTypography('Sep\u00a0\u00a05 pluto[1]: \u201cl2tp-psk\u201d[1] #3: it\u2019s\u2026 &lt;pptp-x&gt; &amp; &quot;q&quot;&#39;')).toBe(`Sep  5 pluto[1]: "l2tp-psk"[1] #3: it's... <pptp-x> & "q"'`);
    expect(plainTypography('a\u2002b\u202fc\u3000d\u200be\u2060f\ufeffg')).toBe('a b c defg');
  });
  it('leaves the zero-width joiners and direction marks that belong to a name (an emoji user name in a real IOS log)', () => {
    expect(plainTypography('from "\u{1F469}\u{1F3FB}\u200d\u2708\ufe0f@isp.net" \u200e\u200f\u200c')).toBe('from "\u{1F469}\u{1F3FB}\u200d\u2708\ufe0f@isp.net" \u200e\u200f\u200c');
  });
  it('reads an entity only where it is one (a bare & stays)', () => {
    expect(plainTypography('a && b &ltx &amp')).toBe('a && b &ltx &amp');
  });
  it('is looked for per line when nothing is known of the chunk (hints 0), and skipped when the chunk holds none', () => {
    expect(normalizeLine('Sep\u00a05 x', false, 0)).toBe('Sep 5 x');
  });
});

describe("a paste's indent", () => {
  it('is cut from every line that has it, so continuation lines stay indented under their header', () => {
    const ios = ['    *Sep  5 01:57:54.581: Vi1 LCP: I CONFREQ [Stopped] id 1 len 10', '    *Sep  5 01:57:54.581: Vi1 LCP:    MRU 1500 (0x010405DC)'].join('\n');
    const plain = ['*Sep  5 01:57:54.581: Vi1 LCP: I CONFREQ [Stopped] id 1 len 10', '*Sep  5 01:57:54.581: Vi1 LCP:    MRU 1500 (0x010405DC)'].join('\n');
    expect(reading(ios)).toEqual(reading(plain));
    expect(parseServerLog(ios).entries[0]!.text).toBe('*Sep  5 01:57:54.581: Vi1 LCP: I CONFREQ [Stopped] id 1 len 10');
  });
  it('is not a paste indent when a later line lacks it: reading goes on as written from there', () => {
    const r = parseServerLog(['    some indented note', 'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication', '    Jul 29 09:59:55 vpn pppd[11787]: Connection terminated.'].join('\n'));
    expect(r.records).toBe(3);
    expect(r.entries.map((e) => e.text)).toContain('Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication');
  });
  it('needs four blanks or a tab: `ipsec statusall` indents its SA lines by three, and a lone one stays its own', () => {
    expect(parseServerLog('   ikev2-vpn[3]: something else entirely').understood).toBe(0);
  });
  it('a fence around an indented paste does not decide its indent; a paste shifted by one blank is read when only its lines without the blank are records', () => {
    const ios = ['    Vi2 LCP: I CONFREQ [ACKrcvd] id 2 len 19', '    Vi2 LCP:    MRU 1454 (0x010405AE)', '    Vi2 LCP: O CONFACK [ACKrcvd] id 2 len 19'];
    const plain = parseServerLog(ios.join('\n'));
    expect(plain.unknown).toBe(0);
    const fenced = parseServerLog(['```text', ...ios, '```'].join('\n'));
    expect([fenced.understood, fenced.unknown]).toEqual([plain.understood, 0]);
    // a web page's copy: the four blanks collapsed to one
    const collapsed = parseServerLog(ios.map((l) => l.replace(/ {2,}/g, ' ')).join('\n'));
    expect([collapsed.understood, collapsed.unknown]).toEqual([plain.understood, 0]);
    // a line some family reads with its blank keeps it (a log's own indent), as before
    const charon = ' Nov 18 10:21:05 vpn charon: 09[IKE] 198.51.100.7 is initiating an IKE_SA';
    expect(parseServerLog(charon).entries[0]!.text).toBe(charon);
  });
  it('a Markdown fence is neither a record nor a line not understood', () => {
    const r = parseServerLog('```\nJul 29 09:59:54 vpn pppd[11787]: Connection terminated.\n```');
    expect([r.records, r.understood, r.unknown, r.blank]).toEqual([1, 1, 0, 2]);
  });
});

describe("a router web log's rows copied from its page", () => {
  it('reads the cells apart by blanks as by tabs: sequence, time, facility, level, message', () => {
    const p = splitPrefixByRegex('186  Aug 1 22:45:15  PPP  ERROR  User request');
    expect(p).toMatchObject({ shape: 'router-tab', seq: 186, program: 'PPP', level: 'ERROR', message: 'User request', time: { month: 8, day: 1, hour: 22, minute: 45, second: 15 } });
  });
  it('keeps its own sequence number: it is no line number before a syslog header (a tab, not a blank, follows its time)', () => {
    const rows = ['186\tAug 1 22:45:15\tPPP\tERROR\tUser request', '185\tAug 1 22:45:15\tPPP\tINFO\tsent Call-Clear-Request', '184\tAug 1 22:45:15\tPPP\tINFO\tsent [LCP TermAck]', '183\tAug 1 22:45:15\tPPP\tERROR\tLCP down'];
    const r = parseServerLog(rows.join('\n'));
    expect(r.entries.map((e) => e.text)).toEqual(rows);
    // read by their sequence numbers, which count down
    expect(r.newestFirst).toBe(true);
  });
  it('is not a syslog line with a number before it (its level would be the host)', () => {
    expect(splitPrefixByRegex('12 Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication').shape).not.toBe('router-tab');
  });
});

describe('a `cat -n` paste', () => {
  const log = [
    '*Sep  5 01:57:54.581: ppp22 LCP: I CONFREQ [Stopped] id 1 len 10',
    '*Sep  5 01:57:54.581: ppp22 LCP:    MRU 1492 (0x010405D4)',
    '',
    '09[IKE] received NO_PROPOSAL_CHOSEN notify error',
    'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication',
    'a note someone typed',
  ];
  const numbered = (lines: string[], from: number) => lines.map((l, i) => `${String(from + i).padStart(6)}\t${l}`).join('\n');
  it('loses the number on every line, IOS, charon and blank lines too, from any first number; what is not understood is still counted', () => {
    for (const from of [1, 437, 999999]) {
      const r = parseServerLog(numbered(log, from));
      expect(r.entries.map((e) => e.text)).toEqual(parseServerLog(log.join('\n')).entries.map((e) => e.text));
      expect([r.records, r.understood, r.unknown, r.blank]).toEqual([5, 4, 1, 1]);
    }
    expect(parseServerLog(numbered(log, 1_000_000)).understood).toBe(4);
  });
  it('`cat -b`: blank lines without a number keep the numbering going', () => {
    const b = log.map((l, i) => (l ? `${String(i + 1 - (i > 2 ? 1 : 0)).padStart(6)}\t${l}` : l)).join('\n');
    expect(parseServerLog(b).understood).toBe(4);
  });
  it('near misses: IOS sequence numbers (a colon), a number not six wide, numbers that do not go up by one from the first line', () => {
    const ios = '000123: *Mar  1 00:01:02.123: Vi1 LCP: O TERMREQ [Open] id 3 len 4';
    expect(parseServerLog(ios).entries[0]!.text).toBe(ios);
    expect(parseServerLog('186\tAug 1 22:45:15\tPPP\tERROR\tUser request').entries[0]!.text).toBe('186\tAug 1 22:45:15\tPPP\tERROR\tUser request');
    // the numbering ends at the first line without the next number: that line and the rest are read as written
    // (a header-less charon line: a syslog line's number goes before its header either way, as grep -n's does)
    const r = parseServerLog(`     7\t${log[3]}\n     9\t${log[3]}\n    10\t${log[3]}`);
    expect([r.understood, r.unknown]).toEqual([1, 2]);
    // the first line with text is not numbered: no line is looked at again
    expect(parseServerLog(`${log[3]}\n     2\t${log[3]}`).unknown).toBe(1);
  });
});

describe('the first line a hard wrap cut (first-wrap.ts)', () => {
  const WIDTH = 100;
  /** the log cut at WIDTH columns as a terminal or mail does, and the line where the first cut line's pieces start (0: none with a header) */
  const cut = (text: string) => {
    const out: string[] = [];
    let first = 0;
    let sawCut = false;
    for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
      if (line.length <= WIDTH) {
        out.push(line);
        continue;
      }
      // (a line of records a copy glued together is no log line a terminal cut: not a first wrap this test looks for)
      if (!sawCut && splitPrefix(line).shape !== 'none' && !maybeGlued(line)) first = out.length + 1;
      sawCut = true;
      out.push(...line.match(new RegExp(`.{1,${WIDTH}}`, 'g'))!);
    }
    // the second line at the width decides (first-wrap.ts): only while at most MAX_HELD records are held, so it counts only that near
    const atWidth = out.filter((l, i) => l.length === WIDTH && i + 1 >= first && i + 1 - first <= MAX_HELD).length;
    return { text: out.join('\n'), first, atWidth };
  };
  it('is one record with its rest in every real log where a second line shows the width and the line has a header', () => {
    const apart: string[] = [];
    let checked = 0;
    for (const [name, text] of realLogs) {
      const { text: wrapped, first, atWidth } = cut(text);
      if (!first || atWidth < 2) continue;
      checked++;
      const r = parseServerLog(wrapped);
      const spans = [...r.entries, ...r.unknownLines].some((e) => e.line === first && e.endLine > first);
      if (!spans) apart.push(name);
    }
    expect(checked).toBeGreaterThan(corpusAvailable ? 25 : 15);
    expect(apart).toEqual([]);
  });
});

describe('a `grep -C` paste (GNU grep manual, 2.1.5 Context Line Control)', () => {
  const line = 'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication';
  const iso = '2024-01-05T10:14:22+01:00 vpn pppd[11787]: Peer alice failed CHAP authentication';
  it("reads a context line's `N-`, `/path-N-` and `/path-` as a match's `N:`, `/path:N:`", () => {
    for (const copied of [`1235-${line}`, `/var/log/syslog-1235-${line}`, `/var/log/ppp-debug.log-${line}`, `1235-${iso}`, `/var/log/syslog-${iso}`]) {
      expect([copied, parseServerLog(copied).entries[0]?.text]).toEqual([copied, copied.includes('2024-') ? iso : line]);
    }
  });
  it('takes the `--` between two groups for layout, as a rule, not a line not understood', () => {
    const r = parseServerLog([`12:${line}`, '--', `40-${line}`, `41:${line}`].join('\n'));
    expect([r.records, r.understood, r.unknown, r.blank]).toEqual([3, 3, 0, 1]);
  });
  it("leaves an ISO time's own dashes, and a dash not before a syslog or ISO time", () => {
    expect(parseServerLog(iso).entries[0]!.text).toBe(iso);
    expect(parseServerLog('2024-01-05 10:14:22 vpn pppd[11787]: Connection terminated.').entries[0]!.text).toBe('2024-01-05 10:14:22 vpn pppd[11787]: Connection terminated.');
    expect(normalizeLine('12-15 kbit/s was the rate', false)).toBe('12-15 kbit/s was the rate');
    expect(normalizeLine('/var/log/x-12 was rotated', false)).toBe('/var/log/x-12 was rotated');
  });
});

describe("a mail's quote marks (RFC 3676 4.5: one `>` per level)", () => {
  it("are taken off before the paste's indent is looked for: a quoted indented IOS debug keeps its records", () => {
    const ios = ['    Vi2 LCP: I CONFREQ [ACKrcvd] id 2 len 19', '    Vi2 LCP:    MRU 1454 (0x010405AE)', '    Vi2 LCP: O CONFACK [ACKrcvd] id 2 len 19'];
    const plain = reading(ios.join('\n'));
    expect(plain.unknown).toBe(0);
    for (const mark of ['> ', '> > ', '>> ', '> > > ']) expect([mark, reading(ios.map((l) => mark + l).join('\n'))]).toEqual([mark, plain]);
  });
  it('and before a month that lost its first letter is given back', () => {
    const line = 'pr 17 10:40:25 client xl2tpd[28658]: control_finish: sending SCCRQ';
    expect(parseServerLog(`> > ${line}`).entries[0]!.text).toBe(`a${line}`);
  });
  it('behind an indent too (a quoted log pasted as a code block), as before', () => {
    expect(parseServerLog('    > Jul 29 09:59:54 vpn pppd[11787]: Connection terminated.').entries[0]!.text).toBe('Jul 29 09:59:54 vpn pppd[11787]: Connection terminated.');
  });
});
