/**
 * Statements that wait until a later line tells the side or role they are worded by (the PC or the server, the initiator, the
 * other router): a family decodes a line before its log says which end it was written on, keeps the line's statements here under
 * the key the telling line will name (a peer's address, a link, an IKE_SA id, a connection) and, once told, takes them back
 * (settle) and words them. One store for the families that used to keep their own lists (asa-l2l.ts, ios-link-side.ts,
 * ios-crypto.ts, strongswan-role.ts, strongswan-site.ts, draytek-site.ts, ppp-log.ts, pppd-role.ts, libreswan-initiating-conn.ts,
 * sonicwall-site.ts).
 *
 * Bounded, and O(1) per put (a 100 000-line log of a server where nothing ever tells keeps no more than the limits):
 * - `keys`: how many keys wait at once; a new key past it lets the OLDEST key go (insertion order: a long log runs through many
 *   peers or links, the newest are the ones a later line can still tell), with its statements;
 * - `perKey`: how many statements one key keeps; the ones past it are not kept (a key's first statements are the ones read before
 *   the telling line);
 * - `total` (optional): how many statements wait in all, over every key; past it `whenFull` says whether the new one is not kept
 *   (`'drop-new'`, the default) or the oldest waiting one goes (`'drop-oldest'`).
 *
 * A statement may wait under several keys (an IKE_SA id and its process's pid, strongswan-role.ts): the first of them settled
 * takes it, and it leaves the others. It counts once towards `total`, and towards `perKey` of each of its keys.
 */
export interface WaitingLimits {
  keys: number;
  perKey: number;
  total?: number;
  whenFull?: 'drop-new' | 'drop-oldest';
}

interface Entry<V> {
  readonly value: V;
  readonly keys: readonly string[];
}

export class WaitingForSide<V> {
  /** per key, its waiting entries in the order put (a Set: an entry settled under another key leaves in O(1)) */
  private readonly byKey = new Map<string, Set<Entry<V>>>();
  /** every waiting entry in the order put: kept only with a `total` limit, for its count and its oldest */
  private readonly all: Set<Entry<V>> | undefined;
  private readonly limits: Required<WaitingLimits>;

  constructor(limits: WaitingLimits) {
    this.limits = { total: Infinity, whenFull: 'drop-new', ...limits };
    this.all = limits.total !== undefined ? new Set() : undefined;
  }

  /** how many keys have statements waiting */
  get keyCount(): number {
    return this.byKey.size;
  }

  /** whether any statement waits */
  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** Whether a value put under `key` now would be kept (for a value costly to make: made only then). */
  hasRoom(key: string): boolean {
    if ((this.byKey.get(key)?.size ?? 0) >= this.limits.perKey) return false;
    return !(this.all && this.all.size >= this.limits.total && this.limits.whenFull === 'drop-new');
  }

  /** Keeps `value` under `key` (or under each of `keys`, which must be distinct) until one is settled or dropped. Whether it was kept. */
  put(key: string | readonly string[], value: V): boolean {
    const keys = typeof key === 'string' ? [key] : key;
    if (keys.length === 0) return false;
    for (const k of keys) if ((this.byKey.get(k)?.size ?? 0) >= this.limits.perKey) return false;
    if (this.all && this.all.size >= this.limits.total) {
      if (this.limits.whenFull === 'drop-new') return false;
      this.remove(this.all.values().next().value!);
    }
    const entry: Entry<V> = { value, keys };
    for (const k of keys) {
      let bucket = this.byKey.get(k);
      if (!bucket) this.byKey.set(k, (bucket = new Set()));
      bucket.add(entry);
    }
    this.all?.add(entry);
    // (past the key limit the oldest keys go, after the entry is in: one of its own keys may be the oldest, and then it goes too)
    while (this.byKey.size > this.limits.keys) this.dropOldestKey();
    return this.byKey.get(keys[0]!)?.has(entry) === true;
  }

  /**
   * The key's side is told: its waiting values, in the order put, taken out of the store (from their other keys too). `keep`: the
   * values that stay waiting (a key shared with statements the telling line is not about).
   */
  settle(key: string, keep?: (value: V) => boolean): V[] {
    const bucket = this.byKey.get(key);
    if (!bucket) return [];
    const out: V[] = [];
    for (const entry of bucket) {
      if (keep?.(entry.value)) continue;
      out.push(entry.value);
      this.remove(entry);
    }
    return out;
  }

  /** Forgets what waits under the key (its session is over, or it is another's now), from its other keys too. */
  drop(key: string): void {
    this.settle(key);
  }

  /** Every key's side is told at once (the same): every waiting value, taken out of the store. */
  settleAll(): V[] {
    // (an entry waiting under several keys is taken once)
    const entries = new Set<Entry<V>>();
    for (const bucket of this.byKey.values()) for (const entry of bucket) entries.add(entry);
    this.clear();
    return [...entries].map((entry) => entry.value);
  }

  /** Forgets everything. */
  clear(): void {
    this.byKey.clear();
    this.all?.clear();
  }

  private remove(entry: Entry<V>): void {
    for (const k of entry.keys) {
      const bucket = this.byKey.get(k);
      if (!bucket) continue;
      bucket.delete(entry);
      if (bucket.size === 0) this.byKey.delete(k);
    }
    this.all?.delete(entry);
  }

  private dropOldestKey(): void {
    const oldest = this.byKey.keys().next().value!;
    for (const entry of this.byKey.get(oldest)!) this.remove(entry);
    this.byKey.delete(oldest);
  }
}

/** The family's store under `name` on its state, made with `limits` on first use. */
export function waitingOn<V>(state: Record<string, unknown>, name: string, limits: WaitingLimits): WaitingForSide<V> {
  return (state[name] ??= new WaitingForSide<V>(limits)) as WaitingForSide<V>;
}
