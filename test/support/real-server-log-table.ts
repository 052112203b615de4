import { expect, it } from 'vitest';
import { engineT } from '../../app/core/i18n';
import { describeEntry } from '../../app/core/parse/server-log/describe';
import { parseServerLog, type Cause, type LogFamily } from '../../app/core/parse/server-log';
import { readRepoText } from './repo-files';

/**
 * The table test every real server-log fixture gets (test/fixtures/real/server-logs; rows in
 * server-log.real.test.ts and the family groups' real-*.test.ts): its counts, families, causes by
 * line, a few hand-checked English sentences, and no untranslated key or placeholder in Dutch.
 */

export const REAL_SERVER_LOGS = 'test/fixtures/real/server-logs';

export interface RealServerLogRow {
  records: number;
  understood: number;
  families: Partial<Record<LogFamily, number>>;
  causes: [number, Cause][];
  /** a line and what its entries say (a part of it) in English */
  says: [number, string][];
  /** the first entry's user */
  user?: string;
  /** the first entry's peer (the far end the line names) */
  peer?: string;
  /** every entry after the first line has this session */
  session?: string;
}

const t = engineT('en');
const nl = engineT('nl');

/** One `it` per row, inside the caller's describe. */
export function realServerLogTable(rows: Record<string, RealServerLogRow>): void {
  for (const [file, row] of Object.entries(rows)) {
    it(file, () => {
      const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);
      expect(r.verdict).toBe('ok');
      expect([r.records, r.understood, r.unknown]).toEqual([row.records, row.understood, row.records - row.understood]);
      expect(r.families).toEqual(row.families);
      expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual(row.causes);
      for (const [line, text] of row.says) expect(r.entries.filter((e) => e.line === line).map((e) => describeEntry(e, t)).join(' | '), `line ${line}`).toContain(text);
      if (row.user) expect(r.entries[0]!.user).toBe(row.user);
      if (row.peer) expect(r.entries[0]!.peer).toBe(row.peer);
      if (row.session) expect(r.entries.filter((e) => e.line > 1).every((e) => e.session === row.session)).toBe(true);
      for (const e of r.entries) expect(describeEntry(e, nl)).not.toMatch(/\{\{|serverLog\./);
    });
  }
}
