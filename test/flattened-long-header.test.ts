import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A flattened log (its line breaks lost: a chat or PDF copy) whose first record's "header" runs over many records: an SRX's RFC 5424
 * records with their structured data, 20 copies flattened into one paragraph. flattened-records.ts built a pattern from that
 * header's shape that V8 could not compile ("Invalid regular expression: Stack overflow") and explain-log stopped with an
 * unexpected error. Run in a process of its own: the overflow depends on the stack, and a test worker thread's is larger than the
 * CLI's main thread's, where it happened.
 */
const ROOT = join(import.meta.dirname, '..');
const SCRIPT = `
import { readFileSync } from 'node:fs';
import { parseServerLog } from './app/core/parse/server-log/index.ts';
const srx = readFileSync('test/fixtures/real/server-logs/srx-rfc5424-rt-flow-session-create-deny-close-structured-data-no-vpn.txt', 'utf8');
const r = parseServerLog(Array(20).fill(srx.replace(/\\r?\\n/g, ' ')).join(' '));
console.log(JSON.stringify([r.records, r.understood + r.unknown]));
`;

describe('a flattened log whose first header runs long', () => {
  it('is read on a main thread, not thrown on', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    const [records, accounted] = JSON.parse(out.trim()) as [number, number];
    expect(records).toBeGreaterThan(0);
    expect(accounted).toBe(records);
  });
});
