import { describe, expect, it } from 'vitest';
import { eventInstant } from './event-time';

/** An event time as the capture wrote it → UTC instant or the PC's wall clock (taken as UTC, marked), by form only. */
const at = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('eventInstant', () => {
  it.each([
    // wevtutil XML SystemTime / Get-WinEvent JSON: UTC
    ['2026-11-18T09:21:07.5510000Z', at(2026, 11, 18, 9, 21, 7, 551), false],
    ['2026-11-18T10:21:07+01:00', at(2026, 11, 18, 9, 21, 7), false],
    ['2026-11-18T04:21:07-0500', at(2026, 11, 18, 9, 21, 7), false],
    // wevtutil /f:text `Date:` without a zone, Event Viewer's ISO-like copy: the wall clock
    ['2026-11-18T10:21:07.551', at(2026, 11, 18, 10, 21, 7, 551), true],
    ['2026-11-18 10:21:07', at(2026, 11, 18, 10, 21, 7), true],
    // en-US M/d/yyyy h:mm:ss tt (Format-List TimeGenerated)
    ['11/18/2026 10:21:07 AM', at(2026, 11, 18, 10, 21, 7), true],
    ['3/8/2024 1:29:21 PM', at(2024, 3, 8, 13, 29, 21), true],
    ['3/8/2024 12:05:00 AM', at(2024, 3, 8, 0, 5, 0), true],
    // de-DE dd.MM.yyyy, nl-NL d-M-yyyy, fr-FR dd/MM/yyyy: day first
    ['18.03.2024 13:29:21', at(2024, 3, 18, 13, 29, 21), true],
    ['08.03.2024 13:29:21', at(2024, 3, 8, 13, 29, 21), true],
    ['8-3-2024 13:29:21', at(2024, 3, 8, 13, 29, 21), true],
    ['08/03/2024 13:29:21', at(2024, 3, 8, 13, 29, 21), true],
    // a day over 12 decides the order whatever the separator
    ['13/3/2024 1:29:21 PM', at(2024, 3, 13, 13, 29, 21), true],
    ['3/13/2024 13:29:21', at(2024, 3, 13, 13, 29, 21), true],
    // ja-JP yyyy/MM/dd, zh-CN yyyy/M/d, with the 12-hour words
    ['2024/03/18 13:29:21', at(2024, 3, 18, 13, 29, 21), true],
    ['2024/3/8 下午 1:29:21', at(2024, 3, 8, 13, 29, 21), true],
    ['2024/03/08 午前 9:05:00', at(2024, 3, 8, 9, 5, 0), true],
  ])('%s', (text, ms, wallClock) => {
    expect(eventInstant(text)).toEqual({ ms, wallClock });
  });
  it.each(['', 'N/A', 'yesterday', '2024-13-01 10:00:00', '32.01.2024 10:00:00', '18.03.2024', '10:21:07'])('no instant from %j', (text) => {
    expect(eventInstant(text)).toBeNull();
  });
});
