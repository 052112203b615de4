import { describe, expect, it } from 'vitest';
import { readRepoText, sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/** A user refused and then let in by the same log: information ("nothing to change"), not the critical wrong-password finding. */

const explain = (text: string, lang: 'en' | 'nl' = 'en', source = 'test.log') => explainServerLogs([parseServerLog(text, source)], engineT(lang)).findings;
const brief = (text: string, lang: 'en' | 'nl' = 'en') => explain(text, lang).map((f) => ({ id: f.id, severity: f.severity, title: f.title, said: f.parts?.[1]?.text }));

describe('a refusal the same user’s log-in follows', () => {
  it('real NPS DTS log: andrew refused (reason 16) at 13:04:47, Access-Accept at 13:04:54 → info, en and nl', () => {
    const text = readRepoText('test/fixtures/real/server-logs/nps-dts-pretty-printed-cyrillic-pap-reject-16-then-accept-device-login.txt');
    const [en] = explain(text);
    expect(en).toMatchObject({ id: 'events.ras-error', severity: 'info', title: 'CORP\\andrew logged in after a mistyped password: nothing to change' });
    expect(en!.parts![1]!.text).toBe("CORP\\andrew's password was refused once at 13:04:47, then accepted at 13:04:54: a mistyped password, nothing to change.");
    // the refusal and the log-in both quoted
    expect(en!.evidence.map((e) => e.line)).toEqual([23, 65]);
    const [nl] = explain(text, 'nl');
    expect(nl).toMatchObject({ severity: 'info', title: 'CORP\\andrew is aangemeld na een verkeerd getypt wachtwoord: niets te veranderen' });
    expect(nl!.parts![1]!.text).toBe('Het wachtwoord van CORP\\andrew werd één keer geweigerd om 13:04:47 en daarna aanvaard om 13:04:54: een tikfout, er hoeft niets te veranderen.');
  });

  it('ASA 113005 then 113004 for testuser → info; a user only refused stays critical', () => {
    const asa = [
      'Jan  8 09:12:56 asa %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 192.168.0.1 : user = testuser',
      'Jan  8 09:13:20 asa %ASA-6-113004: AAA user authentication Successful : server =  192.168.0.1 : user = testuser',
    ];
    expect(brief(asa.join('\n'))).toEqual([{ id: 'events.ras-error', severity: 'info', title: 'testuser logged in after a mistyped password: nothing to change', said: "testuser's password was refused once at 09:12:56, then accepted at 09:13:20: a mistyped password, nothing to change." }]);
    // bob never got in: his finding stays critical, testuser's is apart from it
    const both = brief([asa[0]!, 'Jan  8 09:13:01 asa %ASA-6-113015: AAA user authentication Rejected : reason = Invalid password : local database : user = bob : user IP = 10.0.0.9', asa[1]!].join('\n'));
    expect(both.map((f) => [f.severity, f.title])).toEqual([
      ['info', 'testuser logged in after a mistyped password: nothing to change'],
      ['critical', 'The server rejected the user name or password (error 691 on the PC)'],
    ]);
  });

  it('a success of another user, or a log-in before the refusal, changes nothing', () => {
    expect(brief(['Jan  8 09:12:00 asa %ASA-6-113004: AAA user authentication Successful : server = 10.0.0.1 : user = alice', 'Jan  8 09:12:56 asa %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.0.1 : user = alice', 'Jan  8 09:13:00 asa %ASA-6-113004: AAA user authentication Successful : server = 10.0.0.1 : user = bob'].join('\n')).map((f) => f.severity)).toEqual(['critical']);
  });

  it('many refusals before a log-in (guessing?) or a log-in long after (a reset?) keep the critical finding', () => {
    const refusals = (n: number) => Array.from({ length: n }, (_, i) => `Jul 29 09:12:${String(10 + i * 6).padStart(2, '0')} gw pppd[${100 + i}]: Peer alice failed CHAP authentication`);
    const ok = (time: string) => `Jul 29 ${time} gw pppd[200]: CHAP peer authentication succeeded for alice`;
    expect(brief([...refusals(5), ok('09:13:05')].join('\n')).map((f) => f.severity)).toEqual(['info']);
    expect(brief([...refusals(6), ok('09:13:05')].join('\n')).map((f) => f.severity)).toEqual(['critical']);
    expect(brief([...refusals(1), ok('09:42:10')].join('\n')).map((f) => f.severity)).toEqual(['info']);
    expect(brief([...refusals(1), ok('09:42:11')].join('\n')).map((f) => f.severity)).toEqual(['critical']);
    // two days later at nearly the same time of day
    expect(brief([...refusals(1), ok('09:13:05').replace('Jul 29', 'Jul 31')].join('\n')).map((f) => f.severity)).toEqual(['critical']);
  });

  it('a log-in minutes after the refusal across a month’s or a year’s end is one retry (the real calendar, not 31-day months)', () => {
    const pppd = (date: string, line: string) => `${date} gw pppd[100]: ${line}`;
    const pair = (refused: string, accepted: string) => brief([pppd(refused, 'Peer alice failed CHAP authentication'), pppd(accepted, 'CHAP peer authentication succeeded for alice')].join('\n')).map((f) => f.severity);
    // a syslog date has no year: Feb 29 is a leap year's, Dec 31 then Jan 1 is the next day
    expect(pair('Feb 29 23:58:00', 'Mar  1 00:03:00')).toEqual(['info']);
    expect(pair('Feb 28 23:58:00', 'Mar  1 00:03:00')).toEqual(['critical']);
    expect(pair('Apr 30 23:58:00', 'May  1 00:03:00')).toEqual(['info']);
    expect(pair('Dec 31 23:58:00', 'Jan  1 00:03:00')).toEqual(['info']);
    // with a year (real OPNsense copy's shape): 2023 has no Feb 29, so Feb 28 then Mar 1 is the next day there
    const charon = (time: string, outcome: string) => `${time} | charon[38591] | 15[IKE] <con1\\|3> XAuth authentication of 'alice' ${outcome}`;
    const dated = (refused: string, accepted: string) => brief([charon(refused, 'failed'), charon(accepted, 'successful')].join('\n')).map((f) => f.severity);
    expect(dated('2024-02-29T23:58:53', '2024-03-01T00:01:05')).toEqual(['info']);
    expect(dated('2023-02-28T23:58:53', '2023-03-01T00:01:05')).toEqual(['info']);
    expect(dated('2024-02-28T23:58:53', '2024-03-01T00:01:05')).toEqual(['critical']);
    expect(dated('2023-12-31T23:58:53', '2024-01-01T00:01:05')).toEqual(['info']);
  });

  it('refused, let in, refused again: the last refusal has no log-in after it → critical', () => {
    const lines = ['Jul 29 09:12:01 gw pppd[100]: Peer alice failed CHAP authentication', 'Jul 29 09:13:05 gw pppd[101]: CHAP peer authentication succeeded for alice', 'Jul 29 10:00:00 gw pppd[102]: Peer alice failed CHAP authentication'];
    expect(brief(lines.join('\n')).map((f) => f.severity)).toEqual(['critical']);
  });

  it('pppd: two refusals of alice (one pid’s CHAP Failure packet named by its pid’s user, one attempt) then "peer authentication succeeded" → info, counted by attempt', () => {
    const text = [
      'Jul 29 09:12:01 gw pppd[100]: sent [CHAP Failure id=0x1 "E=691 R=1 C=0123456789ABCDEF0123456789ABCDEF V=0"]',
      'Jul 29 09:12:01 gw pppd[100]: Peer alice failed CHAP authentication',
      'Jul 29 09:12:40 gw pppd[101]: Peer ALICE failed CHAP authentication',
      'Jul 29 09:13:05 gw pppd[102]: MS-CHAP peer authentication succeeded for alice',
    ].join('\n');
    const [f] = explain(text);
    expect(f).toMatchObject({ severity: 'info', title: 'alice logged in after a mistyped password: nothing to change' });
    expect(f!.parts![1]!.text).toBe("alice's password was refused 2 times (the last at 09:12:40), then accepted at 09:13:05: mistyped passwords, nothing to change.");
    expect(explain(text, 'nl')[0]!.parts![1]!.text).toBe('Het wachtwoord van alice werd 2 keer geweigerd (de laatste keer om 09:12:40) en daarna aanvaard om 09:13:05: tikfouten, er hoeft niets te veranderen.');
  });

  it('IOS: the link’s CHAP FAILURE takes the user of its RESPONSE; O SUCCESS on the link later → info; the router’s own log-in is not one', () => {
    const ios = (last: string) => [
      'Mar  1 00:01:10.123: Vi1 MS-CHAP-V2: I RESPONSE id 1 len 63 from "alice"',
      'Mar  1 00:01:10.200: Vi1 MS-CHAP-V2: O FAILURE id 1 len 13 msg is "E=691 R=0 V=3"',
      'Mar  1 00:02:10.123: Vi1 MS-CHAP-V2: I RESPONSE id 2 len 63 from "alice"',
      last,
    ].join('\n');
    expect(brief(ios('Mar  1 00:02:10.200: Vi1 MS-CHAP-V2: O SUCCESS id 2 len 46 msg is "S=0123456789ABCDEF0123456789ABCDEF01234567"')).map((f) => [f.severity, f.said])).toEqual([
      ['info', "alice's password was refused once at 00:01:10, then accepted at 00:02:10: a mistyped password, nothing to change."],
    ]);
    expect(brief(ios('Mar  1 00:02:10.200: Vi1 PPP: Received LOGIN Response PASS')).map((f) => f.severity)).toEqual(['info']);
    // no log-in after the refusal: the LCP of the next attempt coming up is none
    expect(brief(ios('Mar  1 00:02:10.200: Vi1 LCP: State is Open')).map((f) => f.severity)).toEqual(['critical']);
  });

  it('SoftEther: "User authentication failed" then "Successfully authenticated as user" → info; a log without times says the lines', () => {
    const text = [
      '[HUB "VPN"] Connection "CID-34": User authentication failed. The user name that has been provided was "alice".',
      '[HUB "VPN"] Connection "CID-35": Successfully authenticated as user "alice".',
    ].join('\n');
    expect(brief(text)).toEqual([{ id: 'events.ras-error', severity: 'info', title: 'alice logged in after a mistyped password: nothing to change', said: "alice's password was refused once on line 1, then accepted on line 2: a mistyped password, nothing to change." }]);
    expect(brief(text, 'nl')[0]!.said).toBe('Het wachtwoord van alice werd één keer geweigerd op regel 1 en daarna aanvaard op regel 2: een tikfout, er hoeft niets te veranderen.');
  });

  it('an account refusal (pppd E=649, no dial-in permission) then a log-in: worded for the account, not a mistyped password', () => {
    const ppp = ['Jul 29 09:12:01 gw pppd[100]: sent [CHAP Failure id=0x1 "E=649 R=0 V=0"]', 'Jul 29 09:12:01 gw pppd[100]: Peer carol failed CHAP authentication', 'Jul 29 09:20:00 gw pppd[101]: CHAP peer authentication succeeded for carol'].join('\n');
    const [f] = explain(ppp);
    expect(f).toMatchObject({ severity: 'info', title: 'carol logged in after an earlier refusal: nothing to change' });
    expect(f!.parts![1]!.text).toBe("carol's log-in was refused once at 09:12:01 (for the account, not the password), then accepted at 09:20:00: it has been put right since, nothing to change.");
    expect(explain(ppp, 'nl')[0]!.title).toBe('carol is aangemeld na een eerdere weigering: niets te veranderen');
  });

  it('a server with no password for the user, then a log-in: the administrator added one, no typo (real OPNsense copy; pppd too)', () => {
    const [f] = explain(readRepoText('test/fixtures/real/server-logs/charon-opnsense-log-view-xauth-failed-no-xauth-secret-found.txt'));
    expect(f).toMatchObject({ severity: 'info', title: '${USER} logged in once the server had a password for them: nothing to change now' });
    expect(f!.parts![1]!.text).toBe("${USER} was refused once at 00:25:07 because the server had no password for this user, then accepted at 00:27:19: the server's administrator added it in between, nothing to change now.");
    const ppp = ['Jul 29 09:12:01 gw pppd[100]: No CHAP secret found for authenticating dave', 'Jul 29 09:20:00 gw pppd[101]: CHAP peer authentication succeeded for dave'].join('\n');
    expect(explain(ppp)[0]!.title).toBe('dave logged in once the server had a password for them: nothing to change now');
    expect(explain(ppp, 'nl')[0]!.title).toBe('dave is aangemeld zodra de server een wachtwoord voor deze gebruiker had: nu niets te veranderen');
  });

  it('IOS: two attempts on the same link a minute apart count twice; the date is said when the log-in is on another day', () => {
    const text = [
      'Mar  1 23:59:10.123: Vi1 MS-CHAP-V2: I RESPONSE id 1 len 63 from "alice"',
      'Mar  1 23:59:10.200: Vi1 MS-CHAP-V2: O FAILURE id 1 len 13 msg is "E=691 R=0 V=3"',
      'Mar  1 23:59:10.300: Vi1 PPP: Received LOGIN Response FAIL',
      'Mar  2 00:00:20.123: Vi1 MS-CHAP-V2: I RESPONSE id 2 len 63 from "alice"',
      'Mar  2 00:00:20.200: Vi1 MS-CHAP-V2: O FAILURE id 2 len 13 msg is "E=691 R=0 V=3"',
      'Mar  2 00:01:20.123: Vi1 MS-CHAP-V2: I RESPONSE id 3 len 63 from "alice"',
      'Mar  2 00:01:20.200: Vi1 MS-CHAP-V2: O SUCCESS id 3 len 46 msg is "S=0123456789ABCDEF0123456789ABCDEF01234567"',
    ].join('\n');
    expect(brief(text).map((f) => [f.severity, f.said])).toEqual([['info', "alice's password was refused 2 times (the last at 00:00:20), then accepted at 00:01:20: mistyped passwords, nothing to change."]]);
    const acrossDays = text.split('\n').slice(0, 3).concat('Mar  2 00:00:05.000: Vi1 MS-CHAP-V2: O SUCCESS id 2 len 46 msg is "S=0123456789ABCDEF0123456789ABCDEF01234567"').join('\n');
    expect(brief(acrossDays)[0]!.said).toBe("alice's password was refused once at 03-01 23:59:10, then accepted at 03-02 00:00:05: a mistyped password, nothing to change.");
  });

  it('the ASA/IOS log-in statement says who logged in', () => {
    const r = parseServerLog('Jan  8 09:13:20 asa %ASA-6-113004: AAA user authentication Successful : server =  192.168.0.1 : user = testuser', 'x');
    expect(r.entries[0]!.decoded.map((d) => engineT('en')(`serverLog.${d.key.startsWith('step.') ? d.key : `decode.${d.key}`}`, d.values))).toEqual(['The user testuser logged in (AAA authentication succeeded).']);
  });

  it('folded into the PC’s 691 of the same minute: the server’s words are the log and the retried log-in, not "re-enter the password"', () => {
    const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt']);
    const event = ['Event[0]:', '  Log Name: Application', '  Source: RasClient', '  Date: 2026-11-18T09:12:58.0000000Z', '  Event ID: 20227', '  Task: N/A', '  Level: Error', '  Opcode: Info', '  Keyword: Classic', '  User: S-1-5-21-1-2-3-1013', '  User Name: LAPTOP-W11\\anna', '  Computer: LAPTOP-W11', '  Description: ', 'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user LAPTOP-W11\\anna dialed a connection named Office which has failed. The error code returned on failure is 691.', ''].join('\n');
    pc.files.set('rasclient-events.txt', { name: 'rasclient-events.txt', text: event, encoding: 'utf-8' });
    const log = ['Nov 18 09:12:56 asa %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.0.1 : user = anna', 'Nov 18 09:13:20 asa %ASA-6-113004: AAA user authentication Successful : server = 10.0.0.1 : user = anna'].join('\n');
    pc.files.set('server-logs/asa.txt', { name: 'server-logs/asa.txt', text: log, encoding: 'utf-8' });
    const { report } = analyseCapture({ ...pc, label: 'test' }, { toolVersion: 't', now: new Date(0) });
    const f = report.findings.filter((x) => x.id === 'events.ras-error');
    expect(f).toHaveLength(1);
    expect(f[0]!.parts!.map((p) => p.kind)).toEqual(['finding', 'logSays', 'advice', 'matched']);
    expect(f[0]!.parts![2]!.text).toBe("anna's password was refused once at 09:12:56, then accepted at 09:13:20: a mistyped password, nothing to change.");
  });
});
