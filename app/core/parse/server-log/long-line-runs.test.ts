import { describe, expect, it } from 'vitest';
import { parseServerLog } from '.';

/**
 * A forum copy that lost its line breaks is one line of many records (glued-lines.ts): its length must cost time in proportion.
 * The route-print sniffer's row pattern (inspect.ts), tried from every address of such a line, took 0.6 s for 40 000 characters
 * and 8 s for 80 000; 500 000 would take minutes, past the 60 s the event-loop watch allows a test, which then fails it by name.
 * The speed is not asserted; what the line reads as is.
 */
describe('one very long line of addresses reads in time linear in its length', () => {
  it.each([
    // (an ASA's message id makes it a record in a known format, not understood: a log, so no "not a log")
    ['after an ISO time', '2024-01-10 10:00:01 ', 'not-a-log'],
    ['after an ASA id', '%ASA-4-106023: ', 'ok'],
    ['alone', '', 'not-a-log'],
  ])('%s: one record, not understood, no route print', (_, head, verdict) => {
    const r = parseServerLog(`${head}${'10.0.0.1 '.repeat(56_000)}x\n`);
    expect([r.records, r.understood, r.verdict]).toEqual([1, 0, verdict]);
  });
});
