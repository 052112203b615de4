import { describe, expect, it } from 'vitest';
import { ChunkLines } from './chunk-lines';
import { parseServerLog } from './index';

/**
 * What is in a log's text that is no part of its lines (chunk-lines.ts). NUL characters are damage (withoutNuls): logrotate's
 * copytruncate hole at a file's start, blocks a crash left unwritten; before, one line holding a NUL among few made the whole log
 * "not text", and the line after a hole was unknown (its header started with NULs). A terminal's colour codes (withoutColours):
 * the line a terminal showed in red was unknown.
 */
const LOG = [
  'Jul 10 18:41:10 vpn pptpd[310]: CTRL: Client 203.0.113.7 control connection started',
  'Jul 10 18:41:12 vpn pppd[311]: Peer alice failed CHAP authentication',
  'Jul 10 18:41:13 vpn pppd[311]: Connection terminated.',
];
const NULS = '\u0000'.repeat(4096);

describe('a log with NUL runs or colour codes in it', () => {
  it('a hole at its start (copytruncate) or in the middle (a crash) is read as the log around it, line numbers as in the file', () => {
    for (const text of [NULS + LOG.join('\n'), `${LOG[0]}\n${NULS}${LOG[1]}\n${LOG[2]}`, `${LOG[0]}\n${LOG[1]}\n${NULS}\n${LOG[2]}\n`]) {
      const r = parseServerLog(text, 'syslog');
      expect(r.verdict).toBe('ok');
      expect(r.unknown).toBe(0);
      const failed = r.entries.find((e) => e.cause !== undefined)!;
      expect(failed.user).toBe('alice');
      expect(failed.line).toBe(2);
      expect(failed.text).not.toContain('\u0000');
    }
  });

  it('NULs scattered through a line (a log whose every character is followed by one, a UTF-16 file read as UTF-8) are taken out too', () => {
    const text = [...LOG.join('\n')].map((c) => `${c}\u0000`).join('');
    const r = parseServerLog(text, 'syslog');
    expect(r.verdict).toBe('ok');
    expect(r.understood).toBe(3);
  });

  it('a text of nothing but NULs is empty, and binary with NULs among other control bytes stays binary', () => {
    expect(parseServerLog(NULS, 'x').verdict).toBe('empty');
    const elf = String.fromCharCode(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0, 0, 0, 0, 5, 0, 6, 0, 7, 8);
    expect(parseServerLog(elf.repeat(40), 'x').verdict).toBe('binary');
  });

  it('the chunk cutter gives the same lines with a NUL run across a chunk boundary', () => {
    const lines: string[] = [];
    const cut = new ChunkLines((line) => lines.push(line));
    const text = `${LOG[0]}\n${NULS}${LOG[1]}\n${LOG[2]}\n`;
    for (let at = 0; at < text.length; at += 1000) cut.push(text.slice(at, at + 1000));
    cut.end();
    expect(lines).toEqual(LOG);
  });

  it("a terminal's colour codes (journalctl with SYSTEMD_COLORS=1, a typescript) are taken out: the line shown in red is read", () => {
    const text = [LOG[0], `\u001b[0;1;31m${LOG[1]}\u001b[0m`, `\u001b[1m${LOG[2]}\u001b[22m`].join('\n');
    const r = parseServerLog(text, 'journal');
    expect(r.unknown).toBe(0);
    const failed = r.entries.find((e) => e.cause !== undefined)!;
    expect([failed.user, failed.line, failed.text]).toEqual(['alice', 2, LOG[1]]);
  });

  it('an escape cut between two chunks is taken out as well', () => {
    const text = `${LOG[0]}\n\u001b[0;1;31m${LOG[1]}\u001b[0m\n${LOG[2]}\n`;
    for (let cut = LOG[0]!.length + 1; cut < LOG[0]!.length + 10; cut++) {
      const lines: string[] = [];
      const chunks = new ChunkLines((line) => lines.push(line));
      chunks.push(text.slice(0, cut));
      chunks.push(text.slice(cut));
      chunks.end();
      expect(lines, `cut at ${cut}`).toEqual(LOG);
    }
  });
});

describe("an author's arrow note after a pasted line", () => {
  it('is no part of the line: `<-- this is the error`, `<== here`, `← here` are cut, the line is read (before: unknown)', () => {
    const r = parseServerLog(
      [
        'Nov 18 10:21:05 gw pppd[12]: Peer bob failed CHAP authentication    <-- this is the error',
        'Nov 18 10:21:06 gw pppd[12]: Connect: ppp0 <--> /dev/pts/0',
        'Nov 18 10:21:07 gw pppd[12]: LCP terminated by peer (MPPE required but peer negotiation failed) <== here',
        'Nov 18 10:21:08 gw pppd[12]: Connection terminated. \u2190 \u8fd9\u91cc',
      ].join('\n'),
      'thread.txt',
    );
    expect([r.understood, r.unknown]).toEqual([4, 0]);
    expect(r.entries[0]!).toMatchObject({ user: 'bob', cause: 'credentials-rejected' });
    // pppd's own `<-->` is no arrow note
    expect(r.entries[1]!.text).toContain('<--> /dev/pts/0');
    expect(r.entries[2]!.text).not.toContain('here');
  });
  it('a line of a note alone stays a line (counted, never dropped)', () => {
    const r = parseServerLog('Nov 18 10:21:05 gw pppd[12]: Exit.\n   <-- the log ends here\n', 'x');
    expect(r.records).toBe(2);
  });
});
