import { describe, expect, it } from 'vitest';
import { corpusAvailable } from './corpus';
import { parseServerLog } from '../app/core/parse/server-log';
import { MAX_HELD } from '../app/core/parse/server-log/first-wrap';
import { maybeGlued } from '../app/core/parse/server-log/glued-lines';
import { normalizeLine } from '../app/core/parse/server-log/line-normalize';
import { plainTypography } from '../app/core/parse/server-log/typography';
import { splitPrefixByRegex } from '../app/core/parse/server-log/prefix-shapes';
import { splitPrefix } from '../app/core/parse/server-log/prefix';
import { everyRealServerLog } from './support/every-server-log';
import { pasteReading as reading } from './support/paste-reading';

/**
 * The paste layer's own mechanisms, one by one (lines.ts, line-normalize.ts, typography.ts, cat-numbers.ts, first-wrap.ts): what a
 * copy through mail, a web page, a ticket or a terminal puts around or before a log's lines, and what is taken off again. The copies
 * run over every real log are in server-log-paste-copies.test.ts.
 */
const realLogs = everyRealServerLog();

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

describe('a `less -N` paste (less man page, --line-num-width: "The default is 7"; line.c plinenum: the number, then one blank)', () => {
  const log = ['Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication', '', '09[IKE] received NO_PROPOSAL_CHOSEN notify error', 'Jul 29 09:59:55 vpn pppd[11787]: Connection terminated.'];
  // (a numbered blank line as a terminal's copy gives it: the blank after the number trimmed)
  const numbered = (from: number) => log.map((l, i) => (l ? `${String(from + i).padStart(7)} ${l}` : String(from + i).padStart(7))).join('\n');
  it('loses the number on every line, from any first number, wider numbers with no blank before them too', () => {
    const plain = parseServerLog(log.join('\n'));
    for (const from of [1, 4711, 9_999_998]) {
      const r = parseServerLog(numbered(from));
      expect([from, r.entries.map((e) => e.text)]).toEqual([from, plain.entries.map((e) => e.text)]);
      expect([r.understood, r.unknown, r.blank]).toEqual([plain.understood, plain.unknown, plain.blank]);
    }
  });
  it("keeps the numbering over a screen row that continues a line too long for less's screen (no number: eight blanks)", () => {
    const r = parseServerLog([`      1 ${log[0]}`, '        (the rest of the line on the next screen row)', `      2 ${log[3]}`].join('\n'));
    expect(r.entries.map((e) => e.text)).toContain(log[3]);
  });
  it('needs the next line to carry the next number: a paste shifted by four blanks whose lines start with three digits keeps them', () => {
    const whack = ['    181 "ikev2-cert_client"[1] 192.168.0.128 #1: initiating IKEv2 IKE SA', '    181 "ikev2-cert_client"[1] 192.168.0.128 #1: STATE_PARENT_I1: sent v2I1, expected v2R1'];
    const r = parseServerLog(whack.join('\n'));
    expect([r.understood, r.unknown]).toEqual([2, 0]);
    // a less-like number after cat's tab numbers is the text's own, and ends the numbering
    expect(parseServerLog(`     1\t${log[0]}\n      2 ${log[3]}`).unknownLines.map((u) => u.text)).toEqual([`      2 ${log[3]}`]);
  });
});

describe('a grep context line after a bare file name (`grep -n -C 3 pppd syslog*`: `-` for `:`)', () => {
  const line = 'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication';
  const iso = '2022-03-22 11:24:33.775 vpn pppd[11787]: Peer alice failed CHAP authentication';
  it('loses the name and the number: rotated, dated and compressed names, a log extension, an ISO time', () => {
    for (const name of ['syslog-1235-', 'syslog-', 'syslog.1-12-', 'messages-20240105-12-', 'daemon.log.2.gz-7-', 'vpn_20220322.log-12-', 'auth.log-']) {
      expect([name, normalizeLine(`${name}${line}`, false)]).toEqual([name, line]);
      expect([name, normalizeLine(`${name}${iso}`, false)]).toEqual([name, iso]);
    }
  });
  it("keeps what is no log file's name before the dash", () => {
    for (const kept of [`syslog-foo-${line}`, `router.conf-12-${line}`, `notes-${line}`, `2022-03-22 11:24:33.775 x`]) expect(normalizeLine(kept, false)).toBe(kept);
  });
});

describe('a Markdown fence glued to the first or last line (CommonMark 4.5: a run of three or more backticks)', () => {
  const line = 'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication';
  it('is taken off the line: the record is read', () => {
    for (const glued of [`\`\`\`${line}`, `\`\`\`\`${line}`, `${line}\`\`\``, `\`\`\`${line}\`\`\``, `\`\`\`    ${line}`]) expect([glued, parseServerLog(glued).entries[0]?.text]).toEqual([glued, line]);
  });
  it("leaves a fence with its language alone (layout) and a code span's single backtick to the code-span rule", () => {
    expect(parseServerLog('```text\n' + line + '\n```').unknown).toBe(0);
    expect(normalizeLine('```log', false)).toBe('```log');
    expect(normalizeLine('a `b` c', false)).toBe('a `b` c');
  });
});

describe('a one-line `less -N` paste (no next number can confirm it: the text after the number decides)', () => {
  const line = 'Jul 29 09:59:54 vpn pppd[11787]: Peer alice failed CHAP authentication';
  it('loses the number when the text after it has a log header, with blank lines after it or none, any width', () => {
    for (const paste of [`     12 ${line}`, `     12 ${line}\n`, `     12 ${line}\r\n\r\n\n`, `4711000 ${line}`, `12345678 ${line}`, `      1 *Mar  1 00:01:02.345: Vi1 LCP: I CONFREQ [Listen] id 1 len 10`]) {
      const r = parseServerLog(paste);
      expect([paste, r.understood, r.unknown]).toEqual([paste, 1, 0]);
      expect(r.entries[0]!.text).not.toMatch(/^ *\d+ /);
    }
  });
  it('keeps a number whose text has no header (Libreswan status codes in a paste shifted by four blanks), and a line followed by another', () => {
    const whack = '    181 "ikev2-cert_client"[1] 192.168.0.128 #1: initiating IKEv2 IKE SA';
    expect(parseServerLog(whack).understood).toBe(1);
    // (a next line without the next number: the first line's number is not taken, as before)
    expect(parseServerLog(`     12 ${line}\nsome note`).entries.map((e) => e.text)).not.toContain(line);
  });
});

describe('a flattened Juniper SRX RFC 5424 log (RT_FLOW records, PROCID `-`, with structured data, run into one paragraph)', () => {
  const sd = (n: number, port: number) =>
    `<14>1 2024-11-28T12:01:0${n}.000Z srx1 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address="10.0.1.${n}" source-port="4123${n}" destination-address="10.0.2.7" destination-port="${port}" service-name="None" protocol-id="17" policy-name="deny-all"]`;
  it("is cut into its records where the same host's RFC 5424 head comes back — short or past a record's cap", () => {
    const records = [sd(1, 443), sd(2, 500), sd(3, 4500), sd(4, 53)];
    const lines = parseServerLog(records.join('\n'));
    const short = parseServerLog(`${records[0]} ${records[1]}`);
    expect([short.records, short.understood]).toEqual([2, 2]);
    const flat = parseServerLog(Array.from({ length: 6 }, () => records.join(' ')).join(' '));
    expect([flat.records, flat.understood, flat.unknown]).toEqual([24, 24, 0]);
    expect(flat.entries.filter((e) => e.cause).length).toBe(6 * lines.entries.filter((e) => e.cause).length);
  });
  it("reads the next record under a header as a relay's line only when its host differs (a relay's own header before a device's line)", () => {
    const own = splitPrefixByRegex(`${sd(1, 500)} ${sd(2, 500)}`);
    expect([own.host, own.program, own.time?.second, own.message.startsWith('<14>1 ')]).toEqual(['srx1', 'RT_FLOW', 1, true]);
    const relayed = splitPrefixByRegex(`<14>1 2024-11-28T12:01:09.000Z relay RT_FLOW - - - ${sd(2, 500)}`);
    expect([relayed.host, relayed.time?.second]).toEqual(['srx1', 2]);
  });
});

describe("a Winbox Log window's rows (tab-separated Time, Buffer, Topics, Message; read as `/log print` lines)", () => {
  const message = 'phase1 negotiation failed due to time up 203.0.113.7[500]<=>198.51.100.2[500] 1a2b3c4d5e6f7a8b:0000000000000000';
  it('reads every time shape /log print shows, with or without the buffer column, CRLF too', () => {
    for (const time of ['Jan/02/2024 10:00:00', 'jan/02/2024 10:00:00', 'jan/02 10:00:00', '10:00:00', '2024-01-02 10:00:00']) {
      for (const row of [`${time}\tipsec,error\t${message}`, `${time}\tmemory\tipsec,error\t${message}`, `${time}\tipsec,error\t${message}\r`]) {
        const r = parseServerLog(`${row}\n${row}`);
        expect([row, r.understood, r.unknown, r.families]).toEqual([row, 2, 0, { mikrotik: 2 }]);
        expect(normalizeLine(row, false)).toBe(`${time} ipsec,error ${message}`);
      }
    }
  });
  it("leaves a router web log's tab rows, a tab in a message and a one-word second cell as they are", () => {
    for (const kept of [`12345\tAug  1 10:00:00\tPPP\tINFO\tmessage`, `10:00:00\tipsec\t${message}`, `2024-01-02 10:00:00\tIPSEC,Error\tx`, `10:00:00 ipsec,error a\tb\tc`]) expect(normalizeLine(kept, false)).toBe(kept);
  });
});
