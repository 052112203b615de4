import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { ChunkLines } from './chunk-lines';
import { parseServerLog, ServerLogParser, type ServerLogResult } from './index';
import { binaryValue, timeOfMicros } from './journal-entry';
import { splitPrefix } from './prefix';
import { describeEntry } from './describe';
import { engineT } from '../../i18n';

/**
 * journalctl's structured output modes read as the records they carry (journal-export.ts), and its other short modes'
 * headers (header-patterns.ts SHORT_UNIX, SHORT_FULL). The messages are pppd's and xl2tpd's own wordings (pppd auth.c, xl2tpd
 * network.c); the entries around them are laid out as systemd's docs and logs-show.c write them (no real VPN entry in these
 * modes was found in public material: the real export fixture is systemd's own documented example).
 */

const US = '1733390000123456'; // 2024-12-05 09:13:20.123456 UTC
const CHAP = 'Peer alice failed CHAP authentication';
const CLASSIC = `Dec  5 09:13:20 vpn1 pppd[2211]: ${CHAP}`;
const OBJECT = { __CURSOR: 's=1;i=2', __REALTIME_TIMESTAMP: US, _HOSTNAME: 'vpn1', SYSLOG_IDENTIFIER: 'pppd', _PID: '2211', _COMM: 'pppd', PRIORITY: '3', MESSAGE: CHAP };
const bytes = (s: string) => [...Buffer.from(s, 'utf8')];

/** what a reading says, times aside */
const gist = (r: ServerLogResult) => ({
  records: r.records,
  understood: r.understood,
  families: r.families,
  entries: r.entries.map((e) => [e.family, e.program, e.host, e.session, e.user, e.cause, e.decoded]),
});

const pretty = (o: object) =>
  JSON.stringify(o, null, '\t')
    // systemd's pretty dump: `"FIELD" : value`, an array's numbers one per line
    .replace(/": /g, '" : ');

const VERBOSE = [
  'Thu 2024-12-05 10:13:20.123456 CET [s=739ad463348b4ceca5a9e69c95a3c93f;i=4ece7;b=6c7c6013a26343b29e964691ff25d04c;m=4fc72436e;t=4c508a72423d9;x=d3e5610681098c10]',
  '    _TRANSPORT=syslog',
  '    PRIORITY=3',
  '    SYSLOG_IDENTIFIER=pppd',
  '    SYSLOG_PID=2211',
  `    MESSAGE=${CHAP}`,
  '    _PID=2211',
  '    _HOSTNAME=vpn1',
].join('\n');

const EXPORT = [`__CURSOR=s=1;i=2`, `__REALTIME_TIMESTAMP=${US}`, '_TRANSPORT=syslog', 'SYSLOG_IDENTIFIER=pppd', `MESSAGE=${CHAP}`, '_PID=2211', '_HOSTNAME=vpn1', ''].join('\n');

describe('journalctl -o json, json-seq, json-pretty, verbose, export', () => {
  const classic = gist(parseServerLog(CLASSIC));

  it('each entry reads as the classic syslog line it carries: family, program, host, session, user, cause', () => {
    const shapes: [string, string][] = [
      ['json', JSON.stringify(OBJECT)],
      ['json-seq', `\u001e${JSON.stringify(OBJECT)}`],
      ['json-sse', `data: ${JSON.stringify(OBJECT)}\n`],
      ['json-pretty', pretty(OBJECT)],
      ['json-pretty in a Markdown code block', pretty(OBJECT).replace(/^/gm, '    ')],
      ['verbose', VERBOSE],
      ['verbose in a Markdown code block', VERBOSE.replace(/^/gm, '    ')],
      ['export', EXPORT],
    ];
    for (const [mode, text] of shapes) {
      const r = parseServerLog(`${text}\n`, mode);
      expect(gist(r), mode).toEqual(classic);
      expect(r.verdict, mode).toBe('ok');
      expect(r.entries[0]!.line, mode).toBe(1);
      expect(r.entries[0]!.endLine, mode).toBe(text.split('\n').filter((l) => l !== '').length);
    }
  });

  it('the time from __REALTIME_TIMESTAMP is UTC (said +00:00 in the entry text); verbose keeps its header\'s wall time', () => {
    const e = parseServerLog(JSON.stringify(OBJECT)).entries[0]!;
    expect(e.time).toEqual({ year: 2024, month: 12, day: 5, hour: 9, minute: 13, second: 20, ms: 123 });
    expect(e.text).toBe(`2024-12-05T09:13:20.123456+00:00 vpn1 pppd[2211]: ${CHAP}`);
    expect(timeOfMicros('1733390000000001')).toBe('2024-12-05T09:13:20.000001+00:00');
    expect(timeOfMicros('not a number')).toBeUndefined();
    expect(parseServerLog(VERBOSE).entries[0]!.time).toMatchObject({ year: 2024, hour: 10, minute: 13 });
  });

  it('MESSAGE as bytes (non-UTF-8, colour codes), as several values, or null; _COMM and SYSLOG_PID stand in', () => {
    const msg = (MESSAGE: unknown, extra: object = {}) => parseServerLog(JSON.stringify({ ...OBJECT, MESSAGE, ...extra }));
    expect(gist(msg(bytes(CHAP)))).toEqual(classic);
    // a terminal's colour codes around the message (journald keeps them; the JSON writer makes such a field an array)
    expect(gist(msg(bytes(`\u001b[1;31m${CHAP}\u001b[0m`)))).toEqual(classic);
    expect(gist(msg([CHAP, 'second value']))).toEqual(classic);
    const invalid = msg([...bytes('Peer '), 0xff, ...bytes(' failed CHAP authentication')]);
    expect(invalid.entries[0]!.text).toContain('Peer \ufffd failed');
    // too large for the JSON writer (null): an entry whose message journalctl left out (its own test below)
    const none = msg(null);
    expect([none.records, none.understood]).toEqual([1, 1]);
    const comm = parseServerLog(JSON.stringify({ __REALTIME_TIMESTAMP: US, _HOSTNAME: 'vpn1', _COMM: 'pppd', SYSLOG_PID: '2211', MESSAGE: CHAP }));
    expect(gist(comm)).toEqual(classic);
  });

  it('a malformed object is one unknown line; another program\'s JSON and plain lines read as before', () => {
    const cut = JSON.stringify(OBJECT).slice(0, 80);
    const r = parseServerLog([cut, CLASSIC].join('\n'));
    expect([r.records, r.understood, r.unknown]).toEqual([2, 1, 1]);
    expect(r.unknownLines[0]!.text).toBe(cut);
    const broken = pretty(OBJECT).replace('"pppd",', '"pppd"');
    const b = parseServerLog(`${broken}\n${CLASSIC}`);
    expect([b.records, b.understood, b.unknown]).toEqual([2, 1, 1]);
    expect(b.unknownLines[0]).toMatchObject({ line: 1, endLine: broken.split('\n').length });
    // JSON that is no journal entry: its lines as they were read before
    const other = ['{', '\t"level" : "info",', '\t"msg" : "hello"', '}'].join('\n');
    expect(parseServerLog(other).records).toBe(4);
    expect(parseServerLog('{"level":"info","msg":"hello"}').unknownLines[0]!.text).toBe('{"level":"info","msg":"hello"}');
  });

  it('export: a binary field written as its name, a size without its NULs (a copy loses them) and its lines', () => {
    const text = [`__CURSOR=s=1;i=2`, `__REALTIME_TIMESTAMP=${US}`, '_HOSTNAME=vpn1', 'SYSLOG_IDENTIFIER=pppd', '_PID=2211', 'MESSAGE', `\u0025${CHAP}`, '_UID=0', ''].join('\n');
    expect(gist(parseServerLog(text))).toEqual(classic);
    expect(binaryValue('\u0007foo\nbar')).toBe('foo\nbar');
    // size 266: two bytes, low first
    const long = 'x'.repeat(266);
    expect(binaryValue(`\u000a\u0001${long}`)).toBe(long);
    // a size byte no text decodes (U+FFFD): the control characters at the start go
    expect(binaryValue('\ufffd\u0001abc')).toBe('abc');
  });

  it('systemd\'s documented export example (real): three entries, the binary message read as its two lines', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/systemd-journal-export-format-doc-three-entries-binary-message.txt`));
    expect([r.records, r.lines, r.blank]).toEqual([3, 80, 2]);
    expect(r.entries.map((e) => [e.line, e.endLine, e.program, e.host])).toEqual([[51, 80, 'python3', 'bupkis']]);
    expect(r.entries[0]!.text).toBe('2015-02-14T20:15:16.375353+00:00 bupkis python3[16853]: foo bar');
    // identifiers journalctl's own short output prints as `gdm-password][587]` and `/USR/SBIN/CROND[8278]`: no tag a plain header reads either
    expect(r.unknownLines.map((u) => [u.line, u.endLine])).toEqual([
      [1, 24],
      [26, 49],
    ]);
  });

  it('streamed: the same reading whatever chunks the text arrives in (an entry cut between them)', () => {
    const text = [pretty(OBJECT), VERBOSE, CLASSIC, JSON.stringify(OBJECT), '', EXPORT, `\u001e${JSON.stringify(OBJECT)}`, pretty(OBJECT)].join('\n');
    const whole = parseServerLog(text);
    expect(whole.understood).toBe(7);
    for (let size = 1; size <= 97; size++) {
      const p = new ServerLogParser('chunks');
      const lines = new ChunkLines((line, hints, src, at) => p.pushLine(line, hints, src, at));
      for (let i = 0; i < text.length; i += size) lines.push(text.slice(i, i + size));
      lines.end();
      const r = p.end();
      expect([r.records, r.understood, r.lines, r.blank], `chunk ${size}`).toEqual([whole.records, whole.understood, whole.lines, whole.blank]);
      expect(r.entries.map((e) => [e.line, e.endLine, e.text]), `chunk ${size}`).toEqual(whole.entries.map((e) => [e.line, e.endLine, e.text]));
    }
  });
});

describe('an entry whose message journalctl left out: read as that, with what to run again (--all)', () => {
  const t = engineT('en');
  const nl = engineT('nl');
  const says = (r: ServerLogResult) => r.entries.map((e) => describeEntry(e, t));

  it('a JSON MESSAGE of null (over 4096 bytes, man journalctl -o json): understood, its time, host and program kept', () => {
    for (const text of [JSON.stringify({ ...OBJECT, MESSAGE: null }), pretty({ ...OBJECT, MESSAGE: null })]) {
      const r = parseServerLog(`${text}\n${CLASSIC}`);
      expect([r.records, r.understood, r.unknown]).toEqual([2, 2, 0]);
      const e = r.entries[0]!;
      expect([e.family, e.host, e.program, e.time?.hour, e.cause, e.outcome]).toEqual(['pppd', 'vpn1', 'pppd', 9, undefined, 'info']);
      expect(e.decoded).toEqual([{ key: 'step.journalMessageLeftOut', values: { program: 'pppd' } }]);
      expect(describeEntry(e, t)).toContain('journalctl again with --all');
      expect(describeEntry(e, nl)).toContain('journalctl opnieuw uit met --all');
      // (the next entry reads as ever: the flag is that record's alone)
      expect(r.entries[1]!.cause).toBe('credentials-rejected');
    }
    // an empty message is no left-out one: still not understood
    expect(parseServerLog(JSON.stringify({ ...OBJECT, MESSAGE: '' })).unknown).toBe(1);
  });

  it('`[N blob data]` in a short line (logs-show.c output_short) and a verbose MESSAGE (output_verbose): the same, with its size', () => {
    for (const [size, text] of [
      ['754B', 'Dec  5 09:13:20 vpn1 pppd[2211]: [754B blob data]'],
      ['1.2K', `2024-12-05T09:13:20.123456+01:00 vpn1 xl2tpd[2210]: [1.2K blob data]`],
      ['48.0K', VERBOSE.replace(`MESSAGE=${CHAP}`, 'MESSAGE=[48.0K blob data]')],
    ]) {
      const r = parseServerLog(text!);
      expect([r.records, r.understood], text).toEqual([1, 1]);
      expect(r.entries[0]!.decoded, text).toEqual([{ key: 'step.journalBlobData', values: { program: r.entries[0]!.program, size } }]);
      expect(says(r)[0], text).toContain(`(${size})`);
    }
    // only journalctl's own placeholder: a message that holds the words, or another size's shape, is read as before
    for (const text of ['Dec  5 09:13:20 vpn1 pppd[2211]: got [754B blob data] from peer', 'Dec  5 09:13:20 vpn1 pppd[2211]: [754 blob data]', 'Dec  5 09:13:20 vpn1 pppd[2211]: [blob data]']) {
      expect(parseServerLog(text).unknown, text).toBe(1);
    }
  });

  it('real: `journalctl -f` of a NixOS container whose console lines were blob data (NixOS/nixpkgs #66061)', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/journalctl-follow-nixos-container-blob-data-lines.txt`));
    // (the identifier `container target1` has a blank: no tag the header reader takes; the placeholder after it still is)
    const blobs = r.entries.filter((e) => e.decoded[0]?.key === 'step.journalBlobData');
    expect(blobs.map((e) => [e.line, e.decoded[0]!.values])).toEqual([
      [7, { program: 'target1', size: '2B' }],
      [8, { program: 'target1', size: '1B' }],
      [10, { program: 'target1', size: '1B' }],
      [12, { program: 'target1', size: '1B' }],
    ]);
    expect(r.unknownLines.map((u) => u.line)).not.toContain(7);
  });
});

describe('an export or verbose copy that was indented, numbered or double-spaced', () => {
  const TWO = `${EXPORT}\n${EXPORT.replace('i=2', 'i=3')}`;
  const numbered = (text: string, as: (n: number) => string) => text.split('\n').map((l, i) => `${as(i + 1)}${l}`).join('\n');
  const copies: [string, string][] = [
    ['export indented four blanks', TWO.replace(/^(?=.)/gm, '    ')],
    ['export indented by a tab', TWO.replace(/^(?=.)/gm, '\t')],
    ['export, cat -n', numbered(TWO, (n) => `${String(n).padStart(6)}\t`)],
    ['export, an editor\'s numbers (vim)', numbered(TWO, (n) => `${String(n).padStart(3)} `)],
    ['export, grep -n', numbered(TWO, (n) => `${n}:`)],
    ['export, numbered and indented', numbered(TWO.replace(/^(?=.)/gm, '    '), (n) => `${n}: `)],
    ['export double-spaced', TWO.replace(/\n/g, '\n\n')],
    ['export, line ends converted twice', TWO.replace(/\n/g, '\r\r\n')],
    ['verbose, cat -n', numbered(`${VERBOSE}\n${VERBOSE}`, (n) => `${String(n).padStart(6)}\t`)],
    ['verbose double-spaced', `${VERBOSE}\n${VERBOSE}`.replace(/\n/g, '\n\n')],
    ['json-pretty double-spaced', `${pretty(OBJECT)}\n${pretty(OBJECT)}`.replace(/\n/g, '\n\n')],
  ];

  it('each reads as the copy it was made from: two entries, then the plain line pasted below, understood', () => {
    for (const [copy, text] of copies) {
      const r = parseServerLog(`${text}\n${CLASSIC}\n`, copy);
      expect([r.records, r.understood, r.unknown], copy).toEqual([3, 3, 0]);
      expect(r.entries.map((e) => e.cause), copy).toEqual(['credentials-rejected', 'credentials-rejected', 'credentials-rejected']);
      // (the line below the copy keeps its number: every line of the copy counted)
      expect(r.entries[2]!.line, copy).toBe(text.split(/\r\n|\r|\n/).length + 1);
      // streamed in chunks (a chunk without `{` or `s=` skips the journal reader unless an entry is open: line-hints.ts NO_JOURNAL)
      for (const size of [1, 5, 16, 41]) {
        const p = new ServerLogParser('chunks');
        const lines = new ChunkLines((line, hints, src, at) => p.pushLine(line, hints, src, at));
        const all = `${text}\n${CLASSIC}\n`;
        for (let i = 0; i < all.length; i += size) lines.push(all.slice(i, i + size));
        lines.end();
        const c = p.end();
        expect(c.entries.map((e) => [e.line, e.endLine, e.text]), `${copy}, chunk ${size}`).toEqual(r.entries.map((e) => [e.line, e.endLine, e.text]));
        expect([c.records, c.understood, c.lines, c.blank], `${copy}, chunk ${size}`).toEqual([r.records, r.understood, r.lines, r.blank]);
      }
    }
  });

  it('a double-spaced export is told from export\'s own blank line between entries by what follows a blank line: a field, or the next entry\'s cursor', () => {
    const plain = parseServerLog(TWO);
    expect(plain.entries.map((e) => [e.line, e.endLine])).toEqual([
      [1, 7],
      [9, 15],
    ]);
    expect(plain.blank).toBe(1);
    const doubled = parseServerLog(TWO.replace(/\n/g, '\n\n'));
    expect(doubled.entries.map((e) => [e.line, e.endLine])).toEqual([
      [1, 13],
      [17, 29],
    ]);
    // a binary MESSAGE's lines, a blank one after each too (systemd's documented entry, its line ends converted twice)
    const doc = readRepoText(`${REAL_SERVER_LOGS}/systemd-journal-export-format-doc-three-entries-binary-message.txt`);
    expect(parseServerLog(doc.replace(/\n/g, '\r\r\n')).entries.map((e) => e.text)).toEqual(parseServerLog(doc).entries.map((e) => e.text));
    // entries without their cursor line (cut from a copy; a later entry's cursor in the text): their time begins each
    const cursorless = TWO.split('\n').filter((l) => !l.startsWith('__CURSOR=')).join('\n');
    expect(parseServerLog(`${cursorless}\n${EXPORT}`).entries.map((e) => e.line)).toEqual([1, 8, 15]);
  });

  it('a numbered copy\'s number must go on from line to line: a line without it ends the copy and is read as written', () => {
    const text = [...numbered(EXPORT, (n) => `${n}:`).split('\n'), `1:${CLASSIC}`].join('\n');
    const r = parseServerLog(text);
    expect(r.understood).toBe(2);
    // a log's own numbers before a line that begins no entry are not taken for a copy's (an IOS sequence number stays)
    expect(parseServerLog('000123: *Mar  1 00:55:40.767: ISAKMP (0:0): received packet from 10.0.0.2 dport 500 sport 500 Global (N) NEW SA').entries[0]?.text).toMatch(/^000123: /);
  });
});

describe('journalctl -o short-unix, short-full, with-unit, short-monotonic, short-iso(-precise)', () => {
  it('each header gives host, program and pid; short-unix\'s seconds are UTC', () => {
    expect(splitPrefix(`1733390000.123456 vpn1 pppd[2211]: ${CHAP}`)).toMatchObject({ time: { year: 2024, month: 12, day: 5, hour: 9, minute: 13, second: 20, ms: 123 }, host: 'vpn1', program: 'pppd', pid: '2211', message: CHAP });
    expect(splitPrefix(`Thu 2024-12-05 10:13:20 CET vpn1 pppd[2211]: ${CHAP}`)).toMatchObject({ time: { year: 2024, hour: 10 }, host: 'vpn1', program: 'pppd', pid: '2211', message: CHAP });
    expect(splitPrefix('Thu 2024-12-05 10:13:20 CET vpn1 xl2tpd.service[2210]: Maximum retries exceeded for tunnel 12345.  Closing.')).toMatchObject({ program: 'xl2tpd', pid: '2210' });
    expect(splitPrefix(`[ 1234.567890] vpn1 pppd[2211]: ${CHAP}`)).toMatchObject({ host: 'vpn1', program: 'pppd', pid: '2211' });
    for (const line of [`2024-12-05T10:13:20+01:00 vpn1 pppd[2211]: ${CHAP}`, `2024-12-05T10:13:20.123456+01:00 vpn1 pppd[2211]: ${CHAP}`]) expect(splitPrefix(line)).toMatchObject({ host: 'vpn1', program: 'pppd', pid: '2211' });
    const r = parseServerLog([`1733390000.123456 vpn1 pppd[2211]: ${CHAP}`, `Thu 2024-12-05 10:13:20 CET vpn1 pppd[2211]: ${CHAP}`].join('\n'));
    expect(r.entries.map((e) => e.cause)).toEqual(['credentials-rejected', 'credentials-rejected']);
  });
});
