import { describe, expect, it } from 'vitest';
import { rasEventsOf } from './ras-event';
import { validatedOnce, type SectionMemo } from './validated-once';

describe('validatedOnce', () => {
  const memo = new WeakMap<readonly unknown[], SectionMemo<number>>();
  let calls = 0;
  const numbers = (x: unknown) => (calls++, typeof x === 'number' ? [x] : []);

  it('validates a list once, then answers the same items in a fresh array', () => {
    const list: unknown[] = [1, 'a', 2];
    const first = validatedOnce(list, memo, numbers);
    const second = validatedOnce(list, memo, numbers);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
    expect(second).not.toBe(first);
    expect(calls).toBe(3);
  });

  it('validates again when the list changed since', () => {
    const list: unknown[] = [1, 2];
    validatedOnce(list, memo, numbers);
    list[1] = 'x';
    expect(validatedOnce(list, memo, numbers)).toEqual([1]);
    list.push(5);
    expect(validatedOnce(list, memo, numbers)).toEqual([1, 5]);
  });

  it('rasEventsOf: same typed events for the same snapshot list, invalid entries still skipped', () => {
    const event = { type: 'rasclient', id: 20227, kind: 'failed', errorCode: 691, file: 'rasclient-events.txt', line: 3, text: 'x', extra: 'dropped' };
    const list = [event, { type: 'rasclient', id: 'nope' }];
    const a = rasEventsOf(list);
    const b = rasEventsOf(list);
    expect(a).toEqual([{ type: 'rasclient', id: 20227, kind: 'failed', errorCode: 691, file: 'rasclient-events.txt', line: 3, text: 'x' }]);
    expect(b).toEqual(a);
    expect(b[0]).toBe(a[0]);
  });
});
