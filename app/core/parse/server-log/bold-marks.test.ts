import { describe, expect, it } from 'vitest';
import { withoutBoldMarks } from './bold-marks';

describe("a poster's Markdown bold inside a log line (bold-marks.ts)", () => {
  it('goes, tag and words alike', () => {
    expect(withoutBoldMarks('Jan 10 10:00:01 gw pppd[**14179**]: Peer test1 **failed** CHAP authentication')).toBe('Jan 10 10:00:01 gw pppd[14179]: Peer test1 failed CHAP authentication');
    expect(withoutBoldMarks('CTRL: Reaping child PPP[**14179**]')).toBe('CTRL: Reaping child PPP[14179]');
  });
  it("is no run of three or more stars: a masked address, a hidden password, pluto's `| **parse` without its pair", () => {
    // (the SoftEther debug copy's masked client, 69.***.***.**4, lost a star of each run of three)
    expect(withoutBoldMarks('LOG: IPsec Client 4 (69.***.***.**4:56426 -> 0.0.0.0:500): A new IPsec client is created.')).toBeUndefined();
    expect(withoutBoldMarks('user = bob, password=********')).toBeUndefined();
    expect(withoutBoldMarks('| **parse ISAKMP Message:')).toBeUndefined();
  });
});
