import { describe, expect, it } from 'vitest';
import { NO_BBCODE, textHints } from './line-hints';
import { ChunkLines } from './chunk-lines';
import { ServerLogParser, parseServerLog } from './index';

/**
 * A forum's BBCode around log lines (`[B]…` on one line, `[/B]` on a later one) is taken off whatever the read chunk holds: a file
 * is read in 64 KiB chunks, and a chunk that ends between the opening and the closing tag once left the `[B]` on its line, so the
 * file read one record more than the same text pasted (server-log-identity's all-logs-x300, 754 801 against 754 800).
 */

const LINES = ['Dec 10 21:01:46 bender pppd[17396]: sent [LCP TermAck id=0x3]', '[B]Dec 10 21:01:46 bender pppd[17396]: rcvd [LCP TermReq id=0x4]', 'Dec 10 21:01:46 bender pppd[17396]: LCP terminated by peer[/B]'];

describe('BBCode opened on one line and closed on a later one', () => {
  it("a text holding only the opening tag, after a line break, is not hinted BBCode-free", () => {
    expect(textHints(`${LINES[0]}\n${LINES[1]}\n`) & NO_BBCODE).toBe(0);
    expect(textHints(`${LINES[0]}\nDec 10 21:01:46 bender pppd[17396]: rcvd [LCP EchoReq id=0x1]\n`) & NO_BBCODE).toBe(NO_BBCODE);
  });

  it('a file whose chunk ends between the tags reads as the paste', () => {
    const text = `${LINES.join('\n')}\n`;
    const cut = text.indexOf('\nDec 10 21:01:46 bender pppd[17396]: LCP terminated') + 1;
    const parser = new ServerLogParser('file');
    const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
    lines.push(text.slice(0, cut));
    lines.push(text.slice(cut));
    lines.end();
    const streamed = parser.end();
    const pasted = parseServerLog(text, 'file');
    expect([streamed.records, streamed.unknown]).toEqual([pasted.records, pasted.unknown]);
    expect(streamed.records).toBe(3);
  });
});
