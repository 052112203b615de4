import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';

/**
 * An ASA's own `logging timestamp` after a relay's syslog header (families/asa-time.ts): the entry
 * keeps the ASA's time (with its year), or the relay's when the ASA sent none — so time correlation
 * with the PC's events works on forwarded ASA logs.
 */

const MSG = '%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 10.1.1.5 : user = alice : user IP = 198.51.100.7';
const timeOf = (line: string) => {
  const e = parseServerLog(line).entries[0]!;
  expect(e.family).toBe('asa');
  return e.time;
};
const ASA_TIME = { year: 2026, month: 3, day: 3, hour: 10, minute: 11, second: 12 };

describe("an ASA's own time after a relay's header", () => {
  it('BSD relay header, then the ASA priority and its legacy timestamp with the year', () => {
    expect(timeOf(`Mar  3 10:11:13 relayhost <166>Mar 03 2026 10:11:12: ${MSG}`)).toEqual(ASA_TIME);
  });
  it('with logging device-id (` asa01 : `) and no priority; with milliseconds', () => {
    expect(timeOf(`Mar  3 10:11:15 relayhost Mar 03 2026 10:11:12 asa01 : ${MSG}`)).toEqual(ASA_TIME);
    expect(timeOf(`Mar  3 10:11:15 relayhost <166>Mar 03 2026 10:11:12.345: ${MSG}`)).toEqual({ ...ASA_TIME, ms: 345 });
  });
  it('RFC 5424 relay header first; ISO relay time; the ASA in rfc5424 timestamp format', () => {
    expect(timeOf(`<13>1 2026-03-03T10:11:14Z relayhost - - - <166>Mar 03 2026 10:11:12: ${MSG}`)).toEqual(ASA_TIME);
    expect(timeOf(`2026-03-03T10:11:19+01:00 relayhost <166>Mar 03 2026 10:11:12: ${MSG}`)).toEqual(ASA_TIME);
    expect(timeOf(`Mar  3 10:11:13 relayhost <166>2026-03-03T10:11:12Z asa01 : ${MSG}`)).toEqual(ASA_TIME);
  });
  it("the relay's time when the ASA sent none; the ASA's own header unchanged", () => {
    expect(timeOf(`Mar  3 10:11:16 relayhost ${MSG}`)).toEqual({ month: 3, day: 3, hour: 10, minute: 11, second: 16 });
    expect(timeOf(`Mar  3 10:11:16 relayhost asa01 : ${MSG}`)).toEqual({ month: 3, day: 3, hour: 10, minute: 11, second: 16 });
    expect(timeOf(`<13>1 2026-03-03T10:11:14Z relayhost - - - ${MSG}`)).toMatchObject({ hour: 10, minute: 11, second: 14 });
    expect(timeOf(`<166>Mar 03 2026 10:11:12: ${MSG}`)).toEqual(ASA_TIME);
  });
});

describe('an ASA message with its priority and an empty sequence field (`<166>:`), the class in its id', () => {
  // the forms of a SIEM normaliser's samples (CiscoAsaParserSpec.scala, ru.gkis.soc.siem normalizer; families/asa.ts ID)
  it('reads the id with its class (ASA, PIX, FWSM) and the time before it, with or without the year, a zone, a device id', () => {
    const authOk = 'AAA user authentication Successful : server =  10.20.30.153 : user = johntheuser';
    expect(timeOf(`<166>:Jan 13 2012 15:51:28 MSK: %ASA-auth-6-113004: ${authOk}`)).toEqual({ year: 2012, month: 1, day: 13, hour: 15, minute: 51, second: 28 });
    expect(timeOf(`<166>:Jan 13 15:51:28 MSK: %ASA-auth-6-113004: ${authOk}`)).toEqual({ month: 1, day: 13, hour: 15, minute: 51, second: 28 });
    expect(timeOf(`<166>:Jan 13 15:44:18 MSK 10.113.219.101: %PIX-auth-6-113004: ${authOk}`)).toEqual({ month: 1, day: 13, hour: 15, minute: 44, second: 18 });
    expect(timeOf(`<166>:Oct 07 22:27:16 MSK: %FWSM-auth-6-113004: ${authOk}`)).toEqual({ month: 10, day: 7, hour: 22, minute: 27, second: 16 });
    const rejected = parseServerLog('<166>:Oct 08 17:27:49 MSK: %ASA-auth-6-113015: AAA user authentication Rejected : reason = Invalid password : local database : user = johntheuser').entries[0]!;
    expect(rejected).toMatchObject({ family: 'asa', cause: 'credentials-rejected', user: 'johntheuser', time: { month: 10, day: 8, hour: 17, minute: 27, second: 49 } });
    expect(timeOf(`<166>:Dec 01 2026 09:12:01: ${MSG}`)).toEqual({ year: 2026, month: 12, day: 1, hour: 9, minute: 12, second: 1 });
  });
  it('an ASA message no rule decodes is still counted, as the ASA family\'s; a class that is no word is no id', () => {
    const r = parseServerLog('<165>:Jan 14 18:10:27 MSK :%ASA-5-111008: User \'johntheuser\' executed the \'write\' command.');
    expect([r.records, r.unknown]).toEqual([1, 1]);
    expect(r.unknownLines[0]!.family).toBe('asa');
    expect(parseServerLog(`<166>:Jan 13 15:51:28 MSK: %ASA-a1-6-113004: x`).families.asa).toBeUndefined();
  });
});
