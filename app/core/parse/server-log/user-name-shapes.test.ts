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

describe('a user named in a line read whole, whatever its shape', () => {
  const anyconnect = (user: string) => `Sep 03 2014 05:12:22 vpn-1 : %ASA-6-722036: Group <ac_users_group> User <${user}> IP <10.1.75.111> Transmitting large packet 1418 (threshold 1347).`;
  const aaa = (user: string) => `Jan  8 09:12:56 asa %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 192.168.0.1 : user = ${user} : user IP = 10.0.0.9`;
  const aaaLast = (user: string) => `Jan  8 09:13:20 asa %ASA-6-113004: AAA user authentication Successful : server =  192.168.0.1 : user = ${user}`;
  const pppd = (user: string) => `Feb  2 21:28:31 ubuntu pppd[4186]: rcvd [CHAP Response id=0xe6 <e1bfb23120e8f7cc7b8de48786c9553f0000000000000000dd8eb9435cbfeb303e67b1a6694df5cd29e143b38492438700>, name = "${user.replace(/[\\"]/g, '\\$&')}"]`;
  const vpn3000 = (user: string) => `Jan  8 09:10:37 vpn.example.com 11504 01/08/2007 09:10:37.780 SEV=3 AUTH/5 RPT=124 192.168.0.1  Authentication rejected: Reason = Unspecified handle = 805, server = auth.example.com, user = ${user}, domain = <not specified>`;
  const mpd = (user: string) => `Feb 4 13:57:07 l2tps: [l2tp0] AUTH: Accounting data for user ${user}: 29 seconds, 8139 octets in, 737 octets out`;
  const rows: [line: (user: string) => string, user: string][] = [
    // (the ASA's HTML-paste cleaning took `<b.smith>` and `<i a>` for a bold and an italic tag)
    [anyconnect, 'b.smith'],
    [anyconnect, 'i-sales'],
    [anyconnect, 'b smith'],
    // (113005's `user = ` was read up to a blank)
    [aaa, 'john smith'],
    [aaaLast, 'Anne de Vries'],
    [aaa, 'CORP\\jan'],
    // (VPN 3000's `user = NAME, domain = …` was read up to a blank)
    [vpn3000, 'john smith'],
    [vpn3000, 'j.smith'],
    // (mpd's accounting line was not read with a blank in its user)
    [mpd, 'jim de vries'],
    [mpd, 'jim'],
    // (pppd's packet dump doubles a backslash and a quote, utils.c print_string: the user as typed)
    [pppd, 'CORP\\jan'],
    [pppd, 'say "hi"'],
    [pppd, 'jürgen.groß'],
  ];
  it.each(rows.map(([line, user]) => [line(user).match(/%ASA-\d-\d+|pppd|AUTH\/5|l2tps/)![0], user, line] as const))('%s: %s', (_family, user, line) => {
    const [e] = parseServerLog(line(user), 'log').entries;
    expect(e?.user).toBe(user);
  });
});
