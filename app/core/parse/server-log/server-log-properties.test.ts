import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverLogCorpusLines } from '../../../../test/corpus';
import { ChunkLines, withoutColours, withoutNuls } from './chunk-lines';
import { looksLikeHtmlPage } from './html-page';
import { isLayoutLine } from './lines';
import { parseServerLog, ServerLogParser } from './index';
import { trimmed } from './kit';
import { ONE_TAG } from './line-hints';
import { readPrefix, splitPrefix, splitPrefixByRegex, type Prefixed } from './prefix';

/**
 * Properties of the server-log reader over random and corpus lines (split from server-log.test.ts): it never throws and accounts
 * for every line; line by line and all at once agree; the fast paths of issue 14's budget (header readers, chunk hints, the chunk
 * cutter) give what their plain references give.
 */

const corpusLines = serverLogCorpusLines();

describe('properties', () => {
  const input = fc.array(fc.oneof(fc.constantFrom(...corpusLines), fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 60 })), { maxLength: 40 });
  it('never throws; understood + unknown = records; every non-blank line belongs to a record', () => {
    fc.assert(
      fc.property(input, (lines) => {
        const text = lines.join('\n');
        // (a saved web page is read as the browser shows it, html-page.ts: its markup's lines are no records; html-page.test.ts)
        fc.pre(!looksLikeHtmlPage(text));
        const p = new ServerLogParser('x');
        p.pushText(text);
        const r = p.end();
        expect(r.understood + r.unknown).toBe(r.records);
        expect(r.entries.length).toBeLessThanOrEqual(r.understood);
        // records start and end on real lines (continuations may skip blank lines in between); NULs and colour codes are no part of
        // a line (chunk-lines.ts: taken out per chunk, line ends kept), so a line of them alone is blank
        const physical = withoutColours(withoutNuls(text)).split(/\r?\n|\r(?!\n)/);
        for (const e of r.entries) for (const l of [e.line, e.endLine]) expect(physical[l - 1]!.trim()).not.toBe('');
        for (const u of r.unknownLines) expect(physical[u.line - 1]!.trim()).not.toBe('');
        // and every non-blank line is part of some record (kept entry or unknown line)
        const covered = new Set<number>();
        for (const x of [...r.entries, ...r.unknownLines]) for (let l = x.line; l <= x.endLine; l++) covered.add(l);
        physical.forEach((l, i) => {
          // (a Markdown fence or a rule between logs is layout, as a blank line is: lines.ts isLayoutLine)
          if (l.replace(/^(?:> ?)+/, '').trim() !== '' && !/^#0(11|15)$/.test(l.trim()) && !isLayoutLine(l)) expect(covered.has(i + 1), `line ${i + 1}: ${JSON.stringify(l)}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
  it('line by line and all at once give the same result', () => {
    fc.assert(
      fc.property(input, (lines) => {
        // (a page is told from its text, not from a line: pushLine reads lines as they are)
        fc.pre(!looksLikeHtmlPage(lines.join('\n')));
        const a = new ServerLogParser('x');
        // (the lines as ChunkLines hands them on: without NULs and colour codes — a line of NULs alone was a record line by line
        // and none at once, seed -1084972056)
        for (const l of withoutColours(withoutNuls(lines.join('\n'))).split(/\r?\n|\r(?!\n)/)) a.pushLine(l);
        const whole = parseServerLog(lines.join('\n'), 'x');
        const b = a.end();
        expect([b.records, b.understood, b.unknown]).toEqual([whole.records, whole.understood, whole.unknown]);
      }),
      { numRuns: 100 },
    );
  });
});

/** The fast paths of issue 14's budget (bench/server-log.bench.ts) against the plain code they replace. */
describe('fast paths give what their references give', () => {
  const header = fc.tuple(
    fc.constantFrom('Jan', 'Dec', 'Mar', 'Foo', 'jan'),
    fc.constantFrom(' ', '  ', '   '),
    fc.constantFrom('1', '12', '123', 'x', ''),
    fc.constantFrom(' 09:12:03', ' 9:12:03', ' 09:12:03.123', ' 09:12:03.', ' 09:12:03.5', ' 09:1203', '09:12:03'),
    fc.constantFrom(' ', '  ', '\t', ''),
    fc.constantFrom('vpn1 ', 'a:b ', 'a]b ', 'a[1] ', 'h\u00e9 ', '', 'vpn1  '),
    // (a number: a Cisco IOS line a syslog server relayed, its message counter in the tag's place — prefix-shapes.ts iosAfterRelay)
    fc.constantFrom('pppd', 'pp]pd', 'kernel', 'x\u00a0y', '', 'a:b', 'charon', '123', '3proxy'),
    fc.constantFrom('[123]', '[]', '[x]', '[12', ''),
    fc.constantFrom(': ', ':', ' : ', '', ':  '),
    fc.oneof(fc.constantFrom('Connection terminated.', 'x\u2028y', 'a\rb', '', '*Mar  1 00:00:05.123 UTC: %SYS-5-CONFIG_I: x', 'foo: 6340004: .Mar  4 11:45:20: Vi1 LCP: O CONFREQ', '1d02h: %LINK-3-UPDOWN: x'), fc.string({ maxLength: 20 })),
  ).map((parts) => parts.join(''));
  it('the hand-read syslog header is the regex reading, on near-syslog lines', () => {
    fc.assert(
      fc.property(header, (line) => {
        expect(splitPrefix(line)).toEqual(splitPrefixByRegex(line));
      }),
      { numRuns: 3000 },
    );
    for (const line of corpusLines) expect(splitPrefix(line)).toEqual(splitPrefixByRegex(line));
  });
  it('the parser\'s lazy header reading gives the values splitPrefix gives', () => {
    const fields = (p: Prefixed) => ({ shape: p.shape, time: p.time, host: p.host, program: p.program, pid: p.pid, level: p.level, seq: p.seq, clockUnsynced: p.clockUnsynced, message: p.message });
    fc.assert(
      fc.property(header, (line) => {
        expect(fields(readPrefix(line))).toEqual(fields(splitPrefix(line)));
      }),
      { numRuns: 2000 },
    );
    for (const line of corpusLines) expect(fields(readPrefix(line))).toEqual(fields(splitPrefix(line)));
  });
  it('a header read in place in its chunk (any text around it) is the header read from the line alone, and says where its message lies', () => {
    const fields = (p: Prefixed) => ({ shape: p.shape, time: p.time, host: p.host, program: p.program, pid: p.pid, level: p.level, seq: p.seq, clockUnsynced: p.clockUnsynced, message: p.message });
    const around = fc.constantFrom('', 'Jan 1 00:00:00 h p: x\n', 'abc', '\n', '12', ' ', '[1]: ', ':');
    const check = (before: string, line: string, after: string) => {
      const alone = fields(readPrefix(line, true));
      const src = before + line + after;
      const inPlace = readPrefix(line, true, src, before.length);
      const where = inPlace.src !== undefined ? src.slice(inPlace.messageAt, inPlace.messageAt! + inPlace.message.length) : undefined;
      expect(fields(inPlace)).toEqual(alone);
      if (where !== undefined) expect(where).toBe(inPlace.message);
    };
    // (clean lines only: a chunk's line holds no line break)
    fc.assert(fc.property(around, header.filter((l) => !/[\r\n\u2028\u2029]/.test(l)), around, check), { numRuns: 3000 });
    // every cut of a header line, followed in its chunk by the rest: nothing past the line's end is read
    fc.assert(
      fc.property(header.filter((l) => !/[\r\n\u2028\u2029]/.test(l)), (line) => {
        for (let k = 0; k <= line.length; k++) check('', line.slice(0, k), line.slice(k));
      }),
      { numRuns: 500 },
    );
    for (const line of corpusLines.filter((l) => !/[\r\n\u2028\u2029]/.test(l))) check('x\n', line, '\nJan  1 00:00:00 h p: y');
  });
  it('what a chunk is known not to hold (line hints) changes nothing: chunked with hints, pasted, and line by line without', () => {
    // pieces that make the hinted tests matter: glue words (also cut by a chunk boundary), rsyslog escapes that make BBCode, line breaks inside a line
    const piece = fc.constantFrom(
      'Jul 29 09:59:54 gw pppd[1]: Connection terminated.',
      'Jul 29 09:59:54 gw pppd[1]: Peer bob failed CHAP authentication',
      'Jul 29 09:59:54 gw charon: 05[IKE] 1.2.3.4 is initiating an IKE_SA',
      'pppd[2]: rcvd [LCP TermReq id=0x2]pppd[3]: Exit.',
      'ISAKMP-SA established 1.2.3.4[500]-5.6.7.8[500] spi:1first L2TP UDP packet received from 1.2.3.4',
      'phase1 negotiation failed due to time up',
      'acquired 10.0.0.5 address for 1.2.3.4',
      'Jul 29 09:59:54 gw xl2tpd[9]: x#011y [#015/b]z',
      'Jul 29 09:59:54 gw pppd[1]: [COLOR=red]LCP terminated by peer[/COLOR]',
      'Jul 29 09:59:54 gw pppd[1]: local  IP address 10.0.0.1\u2028x',
      '> Jul 29 09:59:54 gw pppd[1]: MPPE 128-bit stateless compression enabled',
      '000 #4: "l2tp"[1] 1.2.3.4:500 STATE_MAIN_R2 (sent MR2); EVENT_RETRANSMIT',
      // a VPN 3000 event header and the lines that continue it (a `SEV=` the hints must not hide, also cut by a chunk boundary or made by `#015`)
      '1 01/08/2007 09:10:37.780 SEV=3 AUTH/5 RPT=124 192.168.0.1  Authentication rejected:',
      '  Reason = Unspecified', 'SEV=', 'SE#015V=', 'SE', 'V=',
      'P UD', 'P UDP', 'qui', 'red ', 'ha', 'se1', '#0', '11', '15', '[/', 'B]', '',
      // a forum's `[B]` opening a line, its `[/B]` lines later: a chunk boundary between them (the opening chunk's hint must not hide it)
      '[B]Jul 29 09:59:54 gw pppd[1]: y', '[B]', 'x)[/B]',
      // `]: ` tags (ONE_TAG): a second one glued on, also cut by a chunk boundary or a line end
      'Jul 29 09:59:54 gw pppd[1]: x', 'pptpd[4]: CTRL: y', ']: ', ']', ': ', ']:',
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom('\n', '\r\n', '\r', '', ' ')), { maxLength: 30 }).map((ps) => ps.map(([p, end]) => p + end).join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(600), { maxLength: 8 }), (t, cuts) => {
        // the paste box's way, and the same lines one by one with nothing known
        const plain = new ServerLogParser('x');
        const lines = t.split(/\r?\n|\r(?!\n)/);
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        for (const l of lines) plain.pushLine(l);
        expect(JSON.stringify(parseServerLog(t, 'x'))).toBe(JSON.stringify(plain.end()));
        // a file's way (chunks cut anywhere), with and without the hints
        const read = (hinted: boolean) => {
          const p = new ServerLogParser('x');
          // hinted: also where each line lies in its chunk, so headers and templates are read there
          const chunked = new ChunkLines((l, hints, src, at) => (hinted ? p.pushLine(l, hints, src, at) : p.pushLine(l, 0)));
          let from = 0;
          for (const c of [...cuts].sort((x, y) => x - y)) {
            chunked.push(t.slice(from, Math.max(from, c)));
            from = Math.max(from, c);
          }
          chunked.push(t.slice(from));
          chunked.end();
          return JSON.stringify(p.end());
        };
        expect(read(true)).toBe(read(false));
        // ONE_TAG only on a line that holds at most one `]: `
        const seen = new ChunkLines((l, hints) => {
          if (hints & ONE_TAG) expect(l.split(']: ').length).toBeLessThanOrEqual(2);
        });
        let at = 0;
        for (const c of [...cuts].sort((x, y) => x - y)) {
          seen.push(t.slice(at, Math.max(at, c)));
          at = Math.max(at, c);
        }
        seen.push(t.slice(at));
        seen.end();
      }),
      { numRuns: 1500 },
    );
  });
  it('trimmed is trim: whitespace and line terminators of every kind at either end, printable ASCII ends left alone', () => {
    // every character trim removes (ASCII and Unicode white space, line terminators, BOM) beside printable ASCII and other characters
    const unit = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '!', '~', 'a', '0', '\u007f', '\u0085', '\u00e9', '\u0000', '\u001f');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), fc.string({ maxLength: 20 }), fc.string({ unit, maxLength: 8 }), (a, mid, b) => {
        const s = `${a}${mid}${b}`;
        expect(trimmed(s)).toBe(s.trim());
      }),
      { numRuns: 4000 },
    );
  });
  it('chunked lines are the lines readline gives (CRLF, CR, LF, a CRLF cut between chunks)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n'), maxLength: 80 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(80), { maxLength: 6 }), (t, cuts) => {
        const expected = t.split(/\r?\n|\r(?!\n)/);
        if (expected[expected.length - 1] === '') expected.pop();
        const got: string[] = [];
        const lines = new ChunkLines((l) => got.push(l));
        let from = 0;
        for (const c of [...cuts].sort((x, y) => x - y)) {
          lines.push(t.slice(from, Math.max(from, c)));
          from = Math.max(from, c);
        }
        lines.push(t.slice(from));
        lines.end();
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
