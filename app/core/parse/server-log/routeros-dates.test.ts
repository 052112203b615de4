import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/**
 * RouterOS 6 dates (`/log print` dates an entry of another day: `dec/04/2024 12:21:50`, `dec/04 12:21:50`) in the case a copy
 * gives them: RouterOS's own lower case, the capitalised month of a forum copy (forum.mikrotik.com thread 213051: `Dec/04/2024
 * 12:21:50 ovpn,info …`) and an all-capitals one. Each is the row's time, never a line of its own.
 */

const en = engineT('en');

describe('RouterOS 6 dates in any case', () => {
  for (const [date, year] of [['dec/04/2024', 2024], ['Dec/04/2024', 2024], ['DEC/04/2024', 2024], ['Dec/04', undefined], ['dec/04', undefined]] as const) {
    it(`${date} 12:21:50 is the row's time`, () => {
      const p = splitPrefix(`${date} 12:21:50 ovpn,info TCP connection established from 198.51.100.7`);
      expect(p.shape).toBe('time-only');
      expect(p.time).toEqual({ year, month: 12, day: 4, hour: 12, minute: 21, second: 50 });
      expect(p.message).toBe('ovpn,info TCP connection established from 198.51.100.7');
    });
  }

  it('a word that is no month before the slash is no date', () => {
    expect(splitPrefix('Foo/04/2024 12:21:50 ovpn,info x').shape).not.toBe('time-only');
    expect(splitPrefix('Dez/04/2024 12:21:50 ovpn,info x').time).toBeUndefined();
  });

  it('a capitalised copy of the forum log reads as its six rows, each with its date', () => {
    const log = [
      'Dec/04/2024 12:21:50 ovpn,info : using encoding - AES-256-CBC/SHA1',
      'Dec/04/2024 12:22:27 ovpn,debug <xxx.xxx.xxx.xxx>: disconnected <peer disconnected>',
      'Dec/04/2024 12:22:27 ovpn,debug listening again for incoming connections',
      'Dec/04/2024 12:22:27 ovpn,info TCP connection established from xxx.xxx.xxx.xxx',
    ].join('\n');
    const r = parseServerLog(log);
    expect([r.records, r.understood, r.unknown]).toEqual([4, 4, 0]);
    expect(r.entries.map((e) => e.family)).toEqual(['mikrotik', 'mikrotik', 'mikrotik', 'mikrotik']);
    expect(r.entries.map((e) => [e.time?.month, e.time?.day, e.time?.year])).toEqual(Array(4).fill([12, 4, 2024]));
    expect(describeEntry(r.entries[3]!, en)).toBe("A TCP connection came in from xxx.xxx.xxx.xxx to the router's OpenVPN server (TCP 1194 by default).");
  });

  it('rows glued into one line by a copy that lost its newlines are cut before each capitalised date', () => {
    const glued = 'Dec/04/2024 12:22:27 ovpn,debug <203.0.113.9>: disconnected <peer disconnected> Dec/04/2024 12:22:27 ovpn,debug listening again for incoming connections DEC/04/2024 12:22:28 l2tp,ppp,info <l2tp-anna>: authenticated';
    const r = parseServerLog(glued);
    expect([r.records, r.understood, r.unknown]).toEqual([3, 3, 0]);
    expect(r.entries.map((e) => e.text.slice(0, 20))).toEqual(['Dec/04/2024 12:22:27', 'Dec/04/2024 12:22:27', 'DEC/04/2024 12:22:28']);
    expect(r.entries[2]!.outcome).toBe('success');
  });
});
