import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { parseServerLog } from './index';

/**
 * A real log with its user renamed as another site's user is named: each line read as before, the user (where one was read) the new
 * name. The classes: a name with blanks where the format ends it by fixed text (accel-ppp's `ppp0:John Smith: ` session prefix and
 * its `John Smith: authentication succeeded`: log_syslog.c writes the name the peer sent as it came; a Windows user types one).
 */

const DIR = 'test/fixtures/real/server-logs';
const TEST_USER = /(?<=[a-z]\d:|: |name=")test(?=: |")/g;
const rows: [fixture: string, to: string][] = [
  ['pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt', 'John Smith'],
  ['pppd-accel-pptp-vyos-docs-journal-windows-10-mschap-v2-fsm-timeout-ipv6cp-discarded.txt', 'Anne de Vries'],
  ['pppd-accel-sstp-vyos-docs-journal-windows-10-pap-fsm-timeout-ipv6cp-discarded.txt', 'CORP\\Jan Smit'],
];

const reading = (text: string) => parseServerLog(text, 'log').entries.map((e) => [e.line, e.outcome, e.cause, e.session, e.user, e.decoded.map((x) => x.key).join(',')]);

describe('a real log read the same with another user name shape', () => {
  it.each(rows)('%s: the user as "%s"', (fixture, to) => {
    const text = readRepoText(`${DIR}/${fixture}`);
    const renamed = text.replace(TEST_USER, to);
    expect(renamed).not.toBe(text);
    const before = reading(text);
    const after = reading(renamed);
    expect(after).toEqual(before.map((row) => row.map((v, i) => (i === 4 && v === 'test' ? to : v))));
    // the user was read from the lines (not only kept absent on both sides)
    expect(after.some((row) => row[4] === to)).toBe(true);
  });
});
