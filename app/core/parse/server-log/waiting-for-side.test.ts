import { describe, expect, it } from 'vitest';
import { WaitingForSide, waitingOn } from './waiting-for-side';
import { linkSide, noteLcpIn, peerAsksRouterLogin, sidedValues, LINK_SIDE_RULES } from './families/ios-link-side';
import type { FamilyState } from './kit';

/**
 * The one bounded store of statements waiting for their side or role (waiting-for-side.ts), and the bound it gives the families
 * that kept their own: ios-link-side.ts kept a key per link on its family's state, unbounded in the number of links.
 */
describe('WaitingForSide', () => {
  it('settles a key: its values in the order put, taken out; another key stays', () => {
    const w = new WaitingForSide<number>({ keys: 4, perKey: 4 });
    w.put('a', 1);
    w.put('b', 2);
    w.put('a', 3);
    expect(w.settle('a')).toEqual([1, 3]);
    expect(w.settle('a')).toEqual([]);
    expect(w.keyCount).toBe(1);
    expect(w.settle('b')).toEqual([2]);
    expect(w.isEmpty).toBe(true);
  });

  it('keeps a key\'s first perKey values: the ones past it are not kept', () => {
    const w = new WaitingForSide<number>({ keys: 4, perKey: 2 });
    expect([w.put('a', 1), w.put('a', 2), w.put('a', 3)]).toEqual([true, true, false]);
    expect(w.hasRoom('a')).toBe(false);
    expect(w.hasRoom('b')).toBe(true);
    expect(w.settle('a')).toEqual([1, 2]);
  });

  it('lets the oldest key go past the key limit (insertion order: a key settled and put again is new)', () => {
    const w = new WaitingForSide<string>({ keys: 2, perKey: 8 });
    w.put('a', 'a1');
    w.put('b', 'b1');
    w.settle('a');
    w.put('a', 'a2');
    w.put('c', 'c1'); // b is the oldest now
    expect(w.keyCount).toBe(2);
    expect(w.settle('b')).toEqual([]);
    expect(w.settle('a')).toEqual(['a2']);
    expect(w.settle('c')).toEqual(['c1']);
  });

  it("a total limit: 'drop-new' keeps the first, 'drop-oldest' the last", () => {
    const first = new WaitingForSide<number>({ keys: 10, perKey: 10, total: 3 });
    const last = new WaitingForSide<number>({ keys: 10, perKey: Infinity, total: 3, whenFull: 'drop-oldest' });
    for (const n of [1, 2, 3, 4, 5]) {
      first.put(n % 2 ? 'odd' : 'even', n);
      last.put(n % 2 ? 'odd' : 'even', n);
    }
    expect([...first.settle('odd'), ...first.settle('even')]).toEqual([1, 3, 2]);
    expect([...last.settle('odd'), ...last.settle('even')]).toEqual([3, 5, 4]);
    expect(first.hasRoom('x')).toBe(true);
  });

  it('a value under several keys is settled once, by the first of them, and leaves the others', () => {
    const w = new WaitingForSide<string>({ keys: 10, perKey: 10, total: 10 });
    w.put(['ike 5', 'pid 7'], 'both');
    w.put('pid 7', 'pid only');
    expect(w.settle('ike 5')).toEqual(['both']);
    expect(w.settle('pid 7')).toEqual(['pid only']);
    w.put(['ike 6', 'pid 7'], 'again');
    w.drop('pid 7');
    expect(w.settle('ike 6')).toEqual([]);
    expect(w.isEmpty).toBe(true);
  });

  it('settle with keep leaves the values kept; settleAll takes every value once', () => {
    const w = new WaitingForSide<{ n: number; conn: string }>({ keys: 10, perKey: 10 });
    w.put('k ike 1', { n: 1, conn: 'x' });
    w.put(['k ike 1', 'c y'], { n: 2, conn: 'y' });
    expect(w.settle('k ike 1', (v) => v.conn !== 'y').map((v) => v.n)).toEqual([2]);
    w.put(['k ike 2', 'c z'], { n: 3, conn: 'z' });
    expect(w.settleAll().map((v) => v.n)).toEqual([1, 3]);
    expect(w.isEmpty).toBe(true);
  });

  it('stays bounded over 100 000 keys, O(1) each', () => {
    const w = new WaitingForSide<number>({ keys: 64, perKey: 32 });
    for (let i = 0; i < 100_000; i++) w.put(`peer ${i}`, i);
    expect(w.keyCount).toBe(64);
    expect(w.settle('peer 99999')).toEqual([99999]);
    expect(w.settle('peer 0')).toEqual([]);
  });

  it('waitingOn makes the store once per state', () => {
    const state: Record<string, unknown> = {};
    const a = waitingOn<number>(state, 'w', { keys: 1, perKey: 1 });
    expect(waitingOn<number>(state, 'w', { keys: 1, perKey: 1 })).toBe(a);
  });
});

describe('ios-link-side.ts: many links keep the family state bounded', () => {
  it('a log of 5 000 links whose side is never told: the state holds a bounded store, not a key per link', () => {
    const state: FamilyState = {};
    for (let i = 0; i < 5000; i++) {
      const link = `Vi${i}`;
      sidedValues(link, state, { dir: 'out', proto: 'LCP' });
      noteLcpIn(link, state);
    }
    expect(Object.keys(state).length).toBeLessThanOrEqual(4);
    const waiting = Object.values(state).find((v) => v instanceof WaitingForSide) as WaitingForSide<unknown>;
    expect(waiting.keyCount).toBeLessThanOrEqual(1024);
    const links = Object.values(state).find((v) => v instanceof Map) as Map<string, unknown>;
    expect(links.size).toBeLessThanOrEqual(1024);
  });

  it('a recent link is still worded by its side once told; the oldest link waits no longer', () => {
    const state: FamilyState = {};
    const oldest = sidedValues('Vi0', state, { dir: 'in' } as Record<string, string | number>);
    for (let i = 1; i < 3000; i++) sidedValues(`Vi${i}`, state, { dir: 'in' });
    const recent = sidedValues('Vi2999', state, { dir: 'in' } as Record<string, string | number>);
    expect(peerAsksRouterLogin('Vi2999', state)?.key).toBe('step.iosLinkClient');
    expect(recent.role).toBe('client');
    expect(linkSide('Vi2999', state)).toBe('client');
    peerAsksRouterLogin('Vi0', state);
    expect(oldest.role).toBeUndefined();
  });

  it('a link that goes down forgets its side and what waited', () => {
    const state: FamilyState = {};
    const down = LINK_SIDE_RULES.find(([re]) => re.source.includes('Phase is DOWN'))!;
    const waited = sidedValues('Vi1', state, { dir: 'in' } as Record<string, string | number>);
    const text = 'Vi1 PPP: Phase is DOWN';
    down[1](text.match(down[0])!, undefined as never, state);
    peerAsksRouterLogin('Vi1', state);
    expect(waited.role).toBeUndefined();
    expect(linkSide('Vi1', state)).toBe('client');
  });
});
