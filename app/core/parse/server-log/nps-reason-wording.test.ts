import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import nl from '../../i18n/nl.json';
import { engineT } from '../../i18n';
import { NPS_REASONS } from './codes/nps';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Every NPS reason code the table knows is said in words in both languages, before its number and IAS_ name; the Dutch
 * sentence holds the Dutch words, never the English ones (the catalogues are read as files: the engine would fall back
 * to English for a missing Dutch text and hide it).
 */

const CODES = Object.keys(NPS_REASONS).map(Number);
const words = (catalogue: { serverLog: { npsReason: Record<string, string> } }, code: number): string | undefined => catalogue.serverLog.npsReason[String(code)];

// a DTS log's Access-Reject and the "Authentication Details:" part of a 6273 event, each with the reason code
const dtsReject = (code: number) =>
  `<Event><Timestamp data_type="4">05/19/2014 15:21:44.008</Timestamp><User-Name data_type="1">CORP\\anna</User-Name><Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">${code}</Reason-Code></Event>`;
const details = (code: number) => ['Authentication Details:', 'Authentication Type: MS-CHAPv2', `Reason Code: ${code}`].join('\n');
const said = (text: string, lang: 'en' | 'nl') => parseServerLog(text, 'nps.log').entries.map((e) => describeEntry(e, engineT(lang))).join('\n');

describe('NPS reason codes in words (codes/nps.ts, serverLog.npsReason)', () => {
  it('every known code has an English and a different Dutch text, and no text has a code the table lacks', () => {
    expect(CODES.filter((c) => !words(en, c) || !words(nl, c))).toEqual([]);
    expect(CODES.filter((c) => words(en, c) === words(nl, c))).toEqual([]);
    expect(Object.keys(en.serverLog.npsReason).filter((c) => !Object.hasOwn(NPS_REASONS, c))).toEqual([]);
    expect(Object.keys(nl.serverLog.npsReason).filter((c) => !Object.hasOwn(NPS_REASONS, c))).toEqual([]);
  });

  it('plain words first: no text is an identifier or starts with a number, nor ends in a parenthesis the identifiers would follow', () => {
    for (const c of CODES) for (const text of [words(en, c)!, words(nl, c)!]) expect(text, `${c}: ${text}`).not.toMatch(/^(?:IAS_|\d)|[A-Z]+_[A-Z]|\)$/);
  });

  for (const code of CODES.filter((c) => c !== 0)) {
    it(`${code}: the words, then the number and the IAS_ name; the Dutch sentence without the English words`, () => {
      const ias = NPS_REASONS[code]!.ias ? `, ${NPS_REASONS[code]!.ias}` : '';
      for (const text of [dtsReject(code), details(code)]) {
        const english = said(text, 'en');
        const dutch = said(text, 'nl');
        expect(english).toContain(`: ${words(en, code)!} (NPS reason ${code}${ias}).`);
        expect(dutch).toContain(`: ${words(nl, code)!} (NPS-redencode ${code}${ias}).`);
        expect(dutch).not.toContain(words(en, code)!);
        expect(dutch).not.toMatch(/\breason\b/);
      }
    });
  }

  it('a code the table does not know says its number alone; 0 (success) says nothing', () => {
    expect(said(dtsReject(9999), 'en')).toBe('NPS refused the sign-in of CORP\\anna (RADIUS Access-Reject): NPS reason 9999.');
    expect(said(dtsReject(9999), 'nl')).toBe('NPS weigerde de aanmelding van CORP\\anna (RADIUS Access-Reject): NPS-redencode 9999.');
    expect(said(details(0), 'en')).toBe("NPS granted access (only the event's details were pasted, authentication MS-CHAPv2).");
  });
});
