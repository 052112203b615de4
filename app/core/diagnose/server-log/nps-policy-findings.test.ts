import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * NPS reasons that are not the password (codes/nps.ts): a network policy's constraint (67 caller ID, 69 called station, 70 port
 * type, 71 another restriction) worded by which one refused, the PC's error the policy error 812 as reason 48's; 80 (NPS could
 * not write its log and discarded the request) as an authentication server that does not answer; 96 (the EAP log-in left
 * half-way) with what to watch for on the PC; 97 (one message out of turn) no finding.
 */

const LANGS = ['en', 'nl'] as const;
const details = (reason: number) => ['Authentication Details:', 'Network Policy Name: VPN Users', 'Authentication Type: MS-CHAPv2', `Reason Code: ${reason}`].join('\n');
const dts = (reason: number) =>
  `<Event><Timestamp data_type="4">05/19/2014 15:21:44.008</Timestamp><Computer-Name data_type="1">NPS1</Computer-Name><User-Name data_type="1">CORP\\anna</User-Name><Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">${reason}</Reason-Code></Event>`;
const findingsOf = (text: string, lang: (typeof LANGS)[number]) => explainServerLogs([parseServerLog(text, 'nps.log')], engineT(lang)).findings;

describe("a network policy's constraint (NPS 67, 69, 70, 71): not the password, worded by the constraint", () => {
  const CASES: [number, string, string, string, string][] = [
    [67, 'caller ID', 'Verify Caller-ID', 'beller-id', 'tabblad Inbellen'],
    [69, 'server address the PC used', 'Called Station ID', 'serveradres dat de pc gebruikte', 'gebelde station'],
    [70, 'this kind of connection, a VPN', 'NAS Port Type', 'dit soort verbinding, een VPN', 'NAS-poorttype'],
    [71, 'A restriction', 'which constraint', 'Een beperking', 'aan welke beperking'],
  ];
  for (const lang of LANGS) {
    it(lang, () => {
      for (const [reason, enTitle, enAdmin, nlTitle, nlAdmin] of CASES) {
        for (const text of [details(reason), dts(reason)]) {
          const log = parseServerLog(text, 'nps.log');
          expect(log.entries.map((e) => [e.cause, e.code]), `${reason}`).toEqual([['policy-constraint', 812]]);
          const findings = findingsOf(text, lang);
          expect(findings.map((f) => [f.id, f.severity]), `${reason}`).toEqual([['events.ras-error', 'critical']]);
          expect(findings[0]!.title, `${reason}`).toContain(lang === 'en' ? enTitle : nlTitle);
          expect(findings[0]!.title, `${reason}`).toContain('812');
          expect(findings[0]!.summary, `${reason}`).toContain(lang === 'en' ? enAdmin : nlAdmin);
          expect(findings[0]!.summary, `${reason}`).toContain(lang === 'en' ? 'the password is not the problem' : 'het wachtwoord is niet het probleem');
          expect(findings[0]!.summary, `${reason}`).not.toMatch(lang === 'en' ? /re-enter the user name/ : /voer de gebruikersnaam/);
        }
      }
    });
  }

  it('reason 48 (no policy matched) and 67 in one log: one finding for the PC\'s 812', () => {
    const findings = explainServerLogs([parseServerLog([dts(48), dts(67)].join('\n'), 'nps.log')], engineT('en')).findings;
    expect(findings.map((f) => [f.id, f.evidence.length])).toEqual([['events.ras-error', 2]]);
  });
});

describe('NPS 80, 96, 97', () => {
  it('80: NPS could not write its log and discarded the request — as an authentication server that does not answer', () => {
    for (const text of [details(80), dts(80)]) expect(parseServerLog(text, 'nps.log').entries.map((e) => e.cause)).toEqual(['radius-unreachable']);
    expect(findingsOf(details(80), 'en').map((f) => f.id)).toEqual(['server.radius-unreachable']);
  });

  for (const lang of LANGS) {
    it(`96 (${lang}): the EAP log-in left half-way — what to watch for on the PC, what the administrator checks`, () => {
      const findings = findingsOf(details(96), lang);
      expect(findings.map((f) => f.id)).toEqual(['events.ras-error']);
      expect(findings[0]!.title).toContain(lang === 'en' ? 'left unfinished' : 'bleef onafgemaakt');
      expect(findings[0]!.summary).toContain(lang === 'en' ? "trust the server's certificate" : 'het certificaat van de server vertrouwen');
      expect(findings[0]!.summary).toContain(lang === 'en' ? 'UDP fragments' : 'UDP-fragmenten');
    });
  }

  it('97: one message out of turn, discarded — named, no finding', () => {
    const log = parseServerLog(details(97), 'nps.log');
    expect(log.entries.map((e) => e.cause)).toEqual([undefined]);
    expect(findingsOf(details(97), 'en')).toEqual([]);
  });
});
