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
