import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../../../test/corpus';
import { parseServerLog } from './index';

const LINE = (n: number) => `Feb 22 16:07:0${n} gw pppd[81${n}]: Connection terminated.`;

describe('a rule between pasted logs (---, *****, =====) is layout, as a Markdown fence is', () => {
  it('is no record and no line not understood; the logs around it read as before', () => {
    const plain = parseServerLog([LINE(1), LINE(2), LINE(3)].join('\n'));
    for (const rule of ['---', '***', '___', '==========', '----------------------------------------', '###', '+++++', '--- ']) {
      const r = parseServerLog([LINE(1), rule, LINE(2), '', rule, LINE(3)].join('\n'));
      expect({ rule, records: r.records, unknown: r.unknown, understood: r.understood }).toEqual({ rule, records: 3, unknown: 0, understood: 3 });
      expect(r.entries.map((e) => e.line)).toEqual([1, 3, 6]);
      expect(r.entries.map((e) => e.decoded)).toEqual(plain.entries.map((e) => e.decoded));
    }
  });
  // (this line was listed in unknown-on-purpose.test.ts as not understood on purpose, "a Markdown rule"; it is layout now)
  it.runIf(corpusAvailable)('the shared corpus: the Markdown rule (`---`) before a strongSwan log is no record; the log after it reads from its line 2', () => {
    const r = parseServerLog(readCorpus('server-logs/strongswan', 'charon-macos-ikev2-dh-group-inacceptable-invalid-ke.txt'), 'x');
    expect(r.unknownLines).toEqual([]);
    expect([r.records, r.understood]).toEqual([15, 15]);
    expect(r.entries[0]!.line).toBe(2);
  });
  it('near misses stay lines: two characters, mixed characters, a table dash row with blanks between its columns, text after the rule', () => {
    // (`--` alone is layout: GNU grep's separator between two groups of a `grep -C` paste — layout-lines.ts RULE; `==`, `**` stay lines)
    for (const text of ['==', '**', '-=-', '-------- ----', '--- end of log ---', '***** note', '#1']) {
      const r = parseServerLog([LINE(1), text].join('\n'));
      expect({ text, records: r.records }).toEqual({ text, records: 2 });
    }
  });
});
