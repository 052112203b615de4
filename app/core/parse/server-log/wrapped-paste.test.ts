import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { MAX_HELD } from './first-wrap';
import { parseServerLog } from './index';

/**
 * A paste hard-wrapped at a fixed width (lines.ts WrapWidth, detect.ts continuesWrap): the pieces
 * of a long line are one record again, joined without a space (the wrap cut mid-word); lines that
 * only happen to be that long, or that start records of their own, are left alone.
 */

const t = engineT('en');
/** `lines` as a terminal or mail copy shows them at `width` columns */
const wrap = (lines: string[], width: number) => lines.flatMap((l) => l.match(new RegExp(`.{1,${width}}`, 'g'))!).join('\n');

const CHAP = 'Nov 18 10:21:05 gw pppd[4242]: MS-CHAP authentication failed: E=691 Authentication failure';
const LCP = 'Nov 18 10:21:04 gw pppd[4242]: rcvd [LCP ConfReq id=0x1 <mru 1400> <asyncmap 0x0> <magic 0x5c3d2a1f> <pcomp> <accomp>]';
const CHARON = 'Nov 18 10:21:06 gw charon: 09[IKE] IKE_SA ikev2-pubkey[1] established between 209.97.151.23[209.97.151.23]...207.96.115.200[jedipapi]';

describe('a paste wrapped at a fixed width', () => {
  it('80 columns: once two lines have been cut at the width, the pieces of each long pppd and charon line are one record again', () => {
    const text = wrap([LCP, CHAP, CHARON], 80);
    const r = parseServerLog(text);
    expect(text.split('\n')).toHaveLength(6);
    // the first wrap comes before the width is known (one line of 80 could be a log line of that length): its records are held
    // until the second line cut at 80 shows the width, then joined too (first-wrap.ts)
    expect(r.records).toBe(3);
    expect(r.entries.map((e) => e.text)).toEqual([LCP, CHAP, CHARON]);
    expect(r.entries.map((e) => [e.line, e.endLine])).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(r.entries.find((e) => e.cause)).toMatchObject({ cause: 'credentials-rejected', code: 691, line: 3, endLine: 4 });
    expect(describeEntry(r.entries.find((e) => e.text === CHARON)!, t)).toContain('IKE SA');
  });
  it('one line exactly at a common width, then a remark: not joined (the width is not known from one line)', () => {
    const ios = 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)';
    expect(ios).toHaveLength(100);
    expect(parseServerLog(`${ios}\nthis line is not a log line`).records).toBe(2);
  });
  it('another width (90) the same way', () => {
    const lines = [CHARON, CHARON.replace('10:21:06', '10:21:07'), CHAP];
    const r = parseServerLog(wrap(lines, 90));
    expect(r.entries.filter((e) => e.family === 'strongswan' && e.endLine > e.line)).toHaveLength(2);
    expect(r.entries.some((e) => e.text === lines[1])).toBe(true);
  });
  it('not joined: the next line has a header, is a header-less family line, or follows a blank line; a log without headers', () => {
    const at80 = `Nov 18 10:21:05 gw pppd[4242]: ${'x'.repeat(80 - 31)}`;
    expect(at80).toHaveLength(80);
    for (const next of ['Nov 18 10:21:06 gw pppd[4242]: Connection terminated.', '09[IKE] received NO_PROPOSAL_CHOSEN notify error', 'Vi1 LCP: O TERMREQ [Open] id 3 len 4']) {
      expect(parseServerLog(`${at80}\n${next}`).records, next).toBe(2);
    }
    expect(parseServerLog(`${at80}\n\nrest of it`).records).toBe(2);
    // header-less charon lines (strongswan/strongswan #1815): no header to continue
    const bare = `14[ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) ]${' '.repeat(0)}`.slice(0, 80);
    expect(parseServerLog(`${bare}\nrest`).records).toBe(2);
  });

  describe('the first wrapped line, before the width is known (first-wrap.ts)', () => {
    const at80 = `Nov 18 10:21:05 gw pppd[4242]: ${'x'.repeat(80 - 31)}`;
    it('joined once a later line is cut at the same width; the records between keep their order, nothing is lost', () => {
      const text = [...wrap([CHAP], 80).split('\n'), 'Nov 18 10:21:06 gw pppd[4242]: Connection terminated.', 'an unknown remark', ...wrap([CHARON], 80).split('\n')].join('\n');
      const r = parseServerLog(text);
      expect(r.records).toBe(4);
      expect(r.entries.map((e) => [e.line, e.endLine])).toEqual([[1, 2], [3, 3], [5, 6]]);
      expect(r.unknownLines.map((u) => u.line)).toEqual([4]);
      expect(r.entries[0]).toMatchObject({ text: CHAP, cause: 'credentials-rejected' });
    });
    it('left apart when no second line has the width, or a longer line shows it was not the width', () => {
      const one = wrap([CHAP], 80);
      expect(parseServerLog(one).records).toBe(2);
      const longer = `Nov 18 10:21:07 gw pppd[4242]: ${'y'.repeat(90 - 31)}`;
      const r = parseServerLog([one, longer, at80].join('\n'));
      expect(r.records).toBe(4);
      expect(r.entries[0]!.line).toBe(1);
    });
    it('double-spaced paste: the blank line after the first piece is no gap once every gap is odd', () => {
      const text = wrap([LCP, CHAP, CHARON], 80).split('\n').join('\n\n');
      const r = parseServerLog(text);
      expect(r.records).toBe(3);
      expect(r.entries.map((e) => e.text)).toEqual([LCP, CHAP, CHARON]);
      // a single blank line after the first long line in a paste that is not double-spaced: apart
      const single = [...wrap([CHAP], 80).split('\n').flatMap((l, i) => (i === 0 ? [l, ''] : [l])), at80, 'rest'].join('\n');
      expect(parseServerLog(single).entries[0]!.endLine).toBe(1);
    });
    it("a record's own continuation comes first: an IOS packet's indented state line is joined as IOS writes it, not held as a wrap", () => {
      const ios = ['*Nov 18 10:21:05.123 CET: Virtual-Access2.123456789 LCP: O CONFREQ', '      [Closed] id 1 len 10', '*Nov 18 10:21:05.124 CET: Virtual-Access2.123456789 LCP: I CONFACK', '      [REQsent] id 1 len 10'];
      const r = parseServerLog(ios.join('\n'));
      // (the second, once the width is known from two lines of 66, is joined as a wrap, without the blank: it decodes the same)
      expect(r.entries.map((e) => e.text)[0]).toBe(`${ios[0]} [Closed] id 1 len 10`);
      expect(r.entries.map((e) => e.decoded[0]!.values!.fsm)).toEqual(['Closed', 'REQsent']);
    });
    it('held records are bounded: past MAX_HELD, they go on as they were', () => {
      const lines = [...wrap([CHAP], 80).split('\n'), ...Array.from({ length: MAX_HELD + 5 }, (_, i) => `Nov 18 10:22:${String(i % 60).padStart(2, '0')} gw pppd[4242]: Connection terminated.`), at80, 'rest'];
      const r = parseServerLog(lines.join('\n'));
      expect(r.records).toBe(lines.length - 1);
      expect(r.entries[0]!.endLine).toBe(1);
      expect(r.entries.map((e) => e.line)).toEqual([...r.entries.map((e) => e.line)].sort((a, b) => a - b));
    });
  });

  /**
   * A forum post's code block: the log hard-wrapped at the terminal's width, then every line (each wrapped piece too) shifted by four
   * blanks or a tab — by real logs whose own lines begin with blanks (a RouterOS `/log print` line's one, `docker logs` output the
   * poster had indented by four), and with a piece that begins with a `>` (pppd's `<ms-dns2 0.0.0.0> <ms-wins …>`, RouterOS's
   * `in:ether1 out:(unknown 0), src-mac …->…`). The first line set the shift to all its blanks, the log's own with them; the first
   * wrapped piece, which has only the shift, ended it — the paste was then read unshifted, its first wrap never joined
   * (lines.ts outdent, reindent). Read as the same log wrapped without the shift is: each record whole, nothing more unknown.
   */
  describe('a shifted and wrapped paste (a code block of a wrapped log)', () => {
    const FIXTURES = [
      'routeros7-memory-log-l2tp-first-packet-port-dhcp-between.txt',
      'pppd-xl2tpd-docker-logs-indented-startup.txt',
      'pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt',
      'routeros6-pptp-firewall-log-tcp-1723-gre-mppe128.txt',
    ];
    const OWN_INDENT: ReadonlySet<string> = new Set(['pppd-xl2tpd-docker-logs-indented-startup.txt']);
    const pieces = (log: string[], width: number) => log.flatMap((l) => l.match(new RegExp(`.{1,${width}}`, 'g')) ?? ['']);
    const read = (text: string) => {
      const r = parseServerLog(text);
      return { texts: r.entries.map((e) => e.text.trimStart()), lines: r.entries.map((e) => [e.line, e.endLine]), unknown: r.unknownLines.map((u) => u.line) };
    };
    for (const file of FIXTURES) {
      it(file, () => {
        const log = readRepoText(`test/fixtures/real/server-logs/${file}`).replace(/\r?\n$/, '').split(/\r?\n/);
        const base = parseServerLog(log.join('\n'));
        const whole = base.entries.map((e) => e.text.trimStart());
        let widths = 0;
        for (const width of [64, 72, 80, 100]) {
          // (a width only two cut lines show: one alone is a log line of that length as well — first-wrap.ts)
          if (log.filter((l) => l.length > width).length < 2) continue;
          widths++;
          const wrapped = pieces(log, width);
          const unshifted = read(wrapped.join('\n'));
          for (const shift of ['    ', '\t']) {
            for (const eol of ['\n', '\r\n']) {
              const shifted = read(wrapped.map((l) => shift + l).join(eol));
              const label = `${width} ${JSON.stringify(shift)} ${JSON.stringify(eol)}`;
              // (docker's own indent, under the shift, the wrapped pieces do not have: without the shift it is the paste's, which
              // they end — read so, that paste is worse; with it, the log is read whole)
              if (!OWN_INDENT.has(file)) expect(shifted, label).toEqual(unshifted);
              // each record whole again, the first wrapped one too, and no piece left unknown (the log's own unknown line stays)
              expect(shifted.texts, label).toEqual(whole);
              expect(shifted.unknown, label).toHaveLength(base.unknownLines.length);
            }
          }
        }
        expect(widths).toBeGreaterThan(1);
      });
    }
  });
});
