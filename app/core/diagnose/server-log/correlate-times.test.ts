import { describe, expect, it } from 'vitest';
import { parseServerLog } from '../../parse/server-log';
import { distance, MAX_DRIFT_S } from './correlate';

/**
 * How far a server line is from the PC's RasClient event (UTC), as a user meets it: a year-less syslog line around New Year on
 * either side of midnight, a server logging local time in another zone, and a line just beyond the drift allowed.
 */
const timeOf = (line: string) => parseServerLog(line, 'syslog').entries[0]!.time!;
const utc = (s: string) => new Date(s);
const PPTPD = 'pppd[1203]: LCP: timeout sending Config-Requests';

describe('server time to the PC event', () => {
  it('a year-less line of Dec 31 matches an event of Jan 1 (the year before the event)', () => {
    expect(distance(timeOf(`Dec 31 23:59:50 vpn ${PPTPD}`), utc('2027-01-01T00:00:10Z'))).toEqual({ apart: 20, zone: 0 });
  });
  it('a year-less line of Jan 1 matches an event of Dec 31: a server clock ahead, or local time east of UTC (the year after)', () => {
    expect(distance(timeOf(`Jan  1 00:00:05 vpn ${PPTPD}`), utc('2026-12-31T23:59:50Z'))).toEqual({ apart: -15, zone: 0 });
    // Berlin in winter (UTC+1): the whole-hour step, 30 s residual
    expect(distance(timeOf(`Jan  1 00:30:10 vpn ${PPTPD}`), utc('2026-12-31T23:30:40Z'))).toEqual({ apart: 30, zone: -3600 });
  });
  it('a server in a zone on a half or three-quarter hour matches by that offset (India +5:30, Nepal +5:45, Newfoundland −3:30)', () => {
    expect(distance(timeOf(`Mar  5 15:42:07 vpn ${PPTPD}`), utc('2026-03-05T10:12:05Z'))).toEqual({ apart: -2, zone: -19800 });
    expect(distance(timeOf(`Mar  5 15:57:40 vpn ${PPTPD}`), utc('2026-03-05T10:12:10Z'))).toEqual({ apart: -30, zone: -20700 });
    expect(distance(timeOf(`Mar  5 06:42:00 vpn ${PPTPD}`), utc('2026-03-05T10:12:00Z'))).toEqual({ apart: 0, zone: 12600 });
    // no zone is 5 h 10 min from UTC, nor 5 h 30 min with 10 minutes left over
    expect(distance(timeOf(`Mar  5 15:22:00 vpn ${PPTPD}`), utc('2026-03-05T10:12:00Z'))).toBeNull();
    expect(distance(timeOf(`Mar  5 15:52:00 vpn ${PPTPD}`), utc('2026-03-05T10:12:00Z'))).toBeNull();
  });
  it('a line 20 minutes from the event is no match (beyond the 15 minutes of drift, and no whole-hour offset from it)', () => {
    expect(MAX_DRIFT_S).toBe(15 * 60);
    expect(distance(timeOf(`Mar  5 10:00:00 vpn ${PPTPD}`), utc('2026-03-05T10:20:00Z'))).toBeNull();
    expect(distance(timeOf(`Mar  5 10:00:00 vpn ${PPTPD}`), utc('2026-03-05T10:14:00Z'))).toEqual({ apart: 840, zone: 0 });
  });
});
