import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { formatLogTime } from '../../parse/server-log/describe';
import { splitPrefix } from '../../parse/server-log/prefix';
import { parseServerLog } from '../../parse/server-log';
import { correlationSentence, secondsTo, type Match } from './correlate';

/**
 * A strongSwan filelog time_format without seconds (`Sun, 2017-04-16 19:11 27[CFG] …`, a real
 * fixture: charon-filelog-conn-name-child-sa-no-dh-group-fragments.txt) keeps the precision it
 * had: shown as hh:mm (no invented :00), a whole minute when matched with the PC's event, and the
 * correlation sentence says the distance is to the minute.
 */

const t = engineT('en');
const nl = engineT('nl');

describe('minute-only times', () => {
  it('read as minute-only, shown without seconds; a time with seconds as before', () => {
    const minute = splitPrefix('Sun, 2017-04-16 19:11 27[CFG] selecting proposal:').time!;
    expect(minute).toMatchObject({ year: 2017, month: 4, day: 16, hour: 19, minute: 11, minuteOnly: true });
    expect(formatLogTime(minute)).toBe('2017-04-16 19:11');
    const full = splitPrefix('Wed, 2023-11-01, 18:43:23 09[NET1] <1> x').time!;
    expect(full.minuteOnly).toBeUndefined();
    expect(formatLogTime(full)).toBe('2023-11-01 18:43:23');
    expect(parseServerLog('Sun, 2017-04-16 19:11 27[CFG] selecting proposal:').entries[0]!.time!.minuteOnly).toBe(true);
  });
  it('the distance to an event counts from the whole minute: inside it 0, after it from its end, before it as before', () => {
    const time = { year: 2017, month: 4, day: 16, hour: 19, minute: 11, second: 0, minuteOnly: true as const };
    const at = Date.UTC(2017, 3, 16, 19, 11, 0);
    expect(secondsTo(at, time, new Date(Date.UTC(2017, 3, 16, 19, 11, 40)))).toBe(0);
    expect(secondsTo(at, time, new Date(Date.UTC(2017, 3, 16, 19, 12, 9)))).toBe(10);
    expect(secondsTo(at, time, new Date(Date.UTC(2017, 3, 16, 19, 10, 50)))).toBe(-10);
    expect(secondsTo(at, { ...time, minuteOnly: undefined }, new Date(Date.UTC(2017, 3, 16, 19, 11, 40)))).toBe(40);
  });
  it('the correlation sentence says the server time is to the minute (en, nl)', () => {
    const entry = parseServerLog('Sun, 2017-04-16 19:11 27[CFG] selecting proposal:', 'charon.log').entries[0]!;
    const m = { server: { source: 'charon.log', entry }, event: { id: 20227, errorCode: 809, time: '2017-04-16T19:11:40.0000000Z' }, apart: 0, zone: 0 } as unknown as Match;
    const en = correlationSentence(m, t);
    expect(en).toContain(', 2017-04-16 19:11)');
    expect(en).toContain("are 0 s apart (to the minute: the server's log gives no seconds)");
    expect(correlationSentence(m, nl)).toContain('op de minuut');
    expect(correlationSentence({ ...m, server: { source: 'x', entry: { ...entry, time: { ...entry.time!, minuteOnly: undefined } } } } as Match, t)).not.toContain('to the minute');
  });
});
