import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { parseServerLog } from './index';
import { splitPrefixByRegex } from './prefix-shapes';

/**
 * The strongSwan app on Android: its charon writes `NN[GRP] text` to logcat under the tag `charon`
 * (header-patterns.ts LOGCAT_*, every `adb logcat` header format that keeps the tag before the text)
 * and to its own log file with `%b %e %T` times. Each reads as strongSwan, with the time logcat or
 * the file gave.
 */

const TEXT = '09[IKE] received AUTHENTICATION_FAILED notify error';
const readOne = (line: string) => {
  const r = parseServerLog(line);
  expect([r.understood, r.unknown], line).toEqual([1, 0]);
  return r.entries[0]!;
};

describe("strongSwan's charon on Android", () => {
  it('logcat brief and tag: the tag is the program, the priority letter the level', () => {
    for (const line of [`I/charon  ( 1234): ${TEXT}`, `I/charon  : ${TEXT}`, `D/charon(31337): ${TEXT}`]) {
      expect(readOne(line)).toMatchObject({ family: 'strongswan', cause: 'ike-auth-failed', program: 'charon' });
    }
    expect(splitPrefixByRegex(`I/charon  ( 1234): ${TEXT}`)).toMatchObject({ shape: 'logcat', program: 'charon', pid: '1234', level: 'I', message: TEXT });
  });
  it('logcat time, threadtime (with -v year, -v uid): with their time', () => {
    const time = { month: 12, day: 4, hour: 9, minute: 12, second: 1, ms: 123 };
    expect(readOne(`12-04 09:12:01.123 I/charon  ( 1234): ${TEXT}`)).toMatchObject({ family: 'strongswan', time });
    expect(readOne(`12-04 09:12:01.123  1234  1250 I charon  : ${TEXT}`)).toMatchObject({ family: 'strongswan', time, cause: 'ike-auth-failed' });
    expect(readOne(`12-04 09:12:01.123 u0_a123  1234  1250 I charon  : ${TEXT}`)).toMatchObject({ family: 'strongswan', time });
    expect(readOne(`2026-12-04 09:12:01.123  1234  1250 I charon  : ${TEXT}`)).toMatchObject({ family: 'strongswan', time: { ...time, year: 2026 } });
    expect(readOne(`2026-12-04 09:12:01.123 I/charon  ( 1234): ${TEXT}`)).toMatchObject({ family: 'strongswan', time: { ...time, year: 2026 } });
  });
  it("another app's logcat line is counted, not read as strongSwan; near misses keep their shape", () => {
    const r = parseServerLog('12-04 09:12:01.123  1234  1250 I ActivityManager: Start proc 4242:org.strongswan.android/u0a123');
    expect([r.records, r.unknown + r.understood]).toEqual([1, 1]);
    expect(r.families.strongswan).toBeUndefined();
    // an ISO date and an ISO line with a level word are not logcat
    expect(splitPrefixByRegex('2026-12-04 09:12:01.123 INFO vpn started').shape).toBe('iso');
    expect(splitPrefixByRegex('12-04 is not a time').shape).toBe('none');
  });
  it("the app's own log (real, hwdsl2/setup-ipsec-vpn #1120): strongSwan with the file's time; charon lines no rule decodes are counted", () => {
    const r = parseServerLog(readRepoText('test/fixtures/real/server-logs/charon-android-app-log-peer-deletes-ike-sa-restart.txt'));
    expect(r.records).toBe(16);
    expect(r.understood + r.unknown).toBe(16);
    expect(r.families.strongswan).toBe(r.understood);
    expect(r.understood).toBeGreaterThan(10);
    expect(r.entries[0]).toMatchObject({ family: 'strongswan', time: { month: 3, day: 11, hour: 3, minute: 12, second: 57 } });
    expect(r.entries.some((e) => e.decoded.some((x) => x.key === 'ikeMessage'))).toBe(true);
  });
});
