import type { Route } from '../model/snapshot';
import { dottedQuadToNumber } from './ipv4-dotted';
import { grownTo } from './typed-array-growth';

/**
 * A route table held as columns, with each row's Route object made only when something asks for it.
 *
 * `route print` of a 20 000-route table is nearly all one kind of row (five columns, dotted quads,
 * a metric). Making two objects and two strings per row while parsing, which then survived the
 * young-generation collections, was the larger part of a whole scan (issue 16). The parser stores
 * such a row as numbers and offsets into the text it read (`pushRow`); any other row (IPv6, XP's bare
 * interface index, a row read by the general path) is stored as the Route it already is (`push`).
 *
 * The diagnosis asks its questions through this table (`forEach`, `filter`, `find`, the numeric
 * accessors; route-model.ts indexes it by number), so a scan whose findings name a handful of routes
 * makes a handful of objects. `at(i)` makes row i's object once and keeps it, so the same row is the
 * same object wherever it is named; `toArray()` makes them all (the report JSON, a screen). A made
 * object is exactly what the parser used to make: same keys, same order, same strings.
 */
export class RouteRows {
  length = 0;
  private capacity = 0;
  /**
   * Which rows are Route objects (stored as one, or made): `slot[i]` is 0 for a row held only as
   * columns, else 1 + its index in `made`. A typed array, not a slot per row in a JS array: a
   * 200 000-row table's array of slots was copied each time it grew, in V8's large-object space, and
   * an array made at its size at once is a dictionary past 100 000 elements (filling it cost more
   * than parsing the rows); a read of a hole there takes V8's slow path too. The typed array grows with
   * the columns and reads as fast.
   */
  private slot = new Int32Array(0);
  private made: Route[] = [];
  private all: Route[] | null = null;
  private line = new Int32Array(0);
  private start = new Int32Array(0);
  private destEnd = new Int32Array(0);
  private end = new Int32Array(0);
  private dest = new Float64Array(0);
  private metric = new Float64Array(0);
  private prefix = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private maskId = new Int32Array(0);
  private gatewayId = new Int32Array(0);
  private ifaceId = new Int32Array(0);
  /** the distinct dotted quads of the netmask, gateway and interface columns, by number (a table uses a handful) */
  private strings: string[] = [];
  private stringIds = new Map<number, number>();
  private view: RowView | null = null;

  /** `text`: what `pushRow` offsets point into; `file`: every column row's source file */
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** A table over routes that are already objects (tests, a snapshot read from JSON, an edited table). */
  static of(routes: readonly Route[]): RouteRows {
    const table = new RouteRows('', '');
    table.made = routes as Route[];
    table.all = routes as Route[];
    table.length = routes.length;
    // every row an object (no COLUMNS flag); never pushed to: the array is the caller's
    table.flags = new Uint8Array(routes.length);
    table.slot = everyRowMade(routes.length);
    return table;
  }

  /**
   * Room for `rows` rows at once: growing by doubling to a 20 000-row table copied its eleven
   * columns ten times over (and each new buffer is memory outside the heap that hurries the
   * collector). More rows than reserved still fit: the columns grow as before.
   */
  reserve(rows: number): void {
    this.ensure(rows);
  }

  /** A row that is already a Route object. */
  push(route: Route): void {
    this.ensure(this.length + 1);
    this.keep(this.length, route);
    this.flags[this.length] = 0;
    this.length++;
  }

  /**
   * A common IPv4 row (parser's one-pass reader): the destination is `text` from `start` to `destEnd`
   * (four-part decimal without leading zeros, so `dest` written back as a dotted quad is that text),
   * the row as printed `start`..`end`; netmask, gateway (-1: on-link) and interface are ids from
   * `quadId`.
   */
  pushRow(line: number, start: number, destEnd: number, end: number, dest: number, prefixLength: number, maskId: number, gatewayId: number, ifaceId: number, metric: number, withText: boolean): void {
    const i = this.length;
    if (i === this.capacity) this.ensure(i + 1);
    this.line[i] = line;
    this.start[i] = start;
    this.destEnd[i] = destEnd;
    this.end[i] = end;
    this.dest[i] = dest;
    this.prefix[i] = prefixLength;
    this.maskId[i] = maskId;
    this.gatewayId[i] = gatewayId;
    this.ifaceId[i] = ifaceId;
    this.metric[i] = metric;
    this.flags[i] = COLUMNS | (withText ? WITH_TEXT : 0);
    this.length = i + 1;
  }

  /** The id of a dotted quad read from `text` at `from`..`to`, whose number is `value` (ints as quadEnd gives them). */
  quadId(value: number, from: number, to: number): number {
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(this.text.slice(from, to));
      this.stringIds.set(value, id);
    }
    return id;
  }

  /** Row i as a Route, made once and kept: the same row is the same object everywhere. */
  at(i: number): Route {
    const known = this.known(i);
    if (known !== undefined) return known;
    const made = this.make(i);
    this.keep(i, made);
    return made;
  }

  /** Row i's Route object if it is one (stored or made), else undefined. */
  private known(i: number): Route | undefined {
    const k = this.slot[i]!;
    return k === 0 ? undefined : this.made[k - 1];
  }

  private keep(i: number, route: Route): void {
    this.made.push(route);
    this.slot[i] = this.made.length;
  }

  /** Every row as a Route, in table order (made once; the same array after). */
  toArray(): Route[] {
    if (this.all) return this.all;
    const out = new Array<Route>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.known(i) ?? this.make(i);
    this.all = out;
    this.made = out;
    this.slot = everyRowMade(this.length);
    // every row is an object now and is read as one (no COLUMNS flag left): the columns go, so a
    // 200 000-route report does not hold both
    this.capacity = 0;
    this.line = this.start = this.destEnd = this.end = this.maskId = this.gatewayId = this.ifaceId = new Int32Array(0);
    this.dest = this.metric = new Float64Array(0);
    this.prefix = new Uint8Array(0);
    this.flags = new Uint8Array(this.length); // no COLUMNS flag: every row is read as its object
    return out;
  }

  /**
   * `fn` for every row, in order. The route it is given may be a view onto the columns that moves to
   * the next row after the call: read its fields (a spread or Object.keys sees none), never keep
   * it — keep `at(i)`.
   */
  forEach(fn: (route: Route, i: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.viewOf(i), i);
  }

  /** The rows `test` accepts, as Routes (only those are made). `test` must not keep its argument. */
  filter(test: (route: Route) => boolean): Route[] {
    const out: Route[] = [];
    this.forEach((r, i) => {
      if (test(r)) out.push(this.at(i));
    });
    return out;
  }

  /** The index of the first row `test` accepts, or -1. */
  findIndex(test: (route: Route) => boolean): number {
    for (let i = 0; i < this.length; i++) if (test(this.viewOf(i))) return i;
    return -1;
  }

  find(test: (route: Route) => boolean): Route | undefined {
    const i = this.findIndex(test);
    return i < 0 ? undefined : this.at(i);
  }

  some(test: (route: Route) => boolean): boolean {
    return this.findIndex(test) >= 0;
  }

  /**
   * filter, over the rows whose prefix length is `min`..`max` only: the default routes (0–1) or the
   * host routes (32) of a 20 000-row table are found by its prefix column, not by a question per row.
   */
  filterWithPrefix(min: number, max: number, test: (route: Route) => boolean = () => true): Route[] {
    const out: Route[] = [];
    for (let i = this.nextWithPrefix(0, min, max); i >= 0; i = this.nextWithPrefix(i + 1, min, max)) {
      if (test(this.viewOf(i))) out.push(this.at(i));
    }
    return out;
  }

  /** find, over the rows whose prefix length is `min`..`max` only (see filterWithPrefix). */
  findWithPrefix(min: number, max: number, test: (route: Route) => boolean): Route | undefined {
    for (let i = this.nextWithPrefix(0, min, max); i >= 0; i = this.nextWithPrefix(i + 1, min, max)) {
      if (test(this.viewOf(i))) return this.at(i);
    }
    return undefined;
  }

  /** `fn` for the rows stored or already made as objects, in order (the column rows are common IPv4 rows without an interface index). */
  forEachObject(fn: (route: Route) => void): void {
    for (let i = 0; i < this.length; i++) {
      const known = this.known(i);
      if (known !== undefined) fn(known);
    }
  }

  private nextWithPrefix(from: number, min: number, max: number): number {
    const prefix = this.prefix;
    const flags = this.flags;
    for (let i = from; i < this.length; i++) {
      const len = flags[i]! & COLUMNS ? prefix[i]! : this.known(i)!.prefixLength;
      if (len >= min && len <= max) return i;
    }
    return -1;
  }

  /** row i to read (the view for an unmade column row: read it, do not keep it) */
  private viewOf(i: number): Route {
    const known = this.known(i);
    if (known !== undefined) return known;
    const view = (this.view ??= new RowView(this));
    view.i = i;
    return view as unknown as Route;
  }

  /**
   * The JSON of rows `from`..`to` (exclusive), joined by commas without brackets: exactly what
   * JSON.stringify gives for their Route objects, written from the columns for a row never made
   * (the CLI streams a 200 000-route report this way without making one object per row).
   */
  rowsJson(from: number, to: number): string {
    const parts: string[] = [];
    const file = JSON.stringify(this.file);
    for (let i = from; i < to; i++) {
      const known = this.known(i);
      if (known !== undefined) {
        parts.push(JSON.stringify(known));
        continue;
      }
      // the keys of make(), in its order; the quads are digits and dots (nothing to escape)
      const g = this.gatewayId[i]!;
      const text = this.flags[i]! & WITH_TEXT ? `,"text":${JSON.stringify(this.text.slice(this.start[i], this.end[i]))}` : '';
      parts.push(
        `{"family":4,"destination":"${this.destinationAt(i)}","prefixLength":${this.prefix[i]},"netmask":"${this.netmaskAt(i)}","gateway":${g < 0 ? 'null' : `"${this.strings[g]}"`},"metric":${this.metric[i]},"persistent":${this.persistentAt(i)},"interfaceAddress":"${this.interfaceAddressAt(i)}","source":{"file":${file},"line":${this.line[i]}${text}}}`,
      );
    }
    return parts.join(',');
  }

  /** Row i's family, prefix length and (IPv4, four-part decimal) destination as a number, without making it. */
  familyAt(i: number): 4 | 6 {
    return this.flags[i]! & COLUMNS ? 4 : this.known(i)!.family;
  }

  prefixLengthAt(i: number): number {
    return this.flags[i]! & COLUMNS ? this.prefix[i]! : this.known(i)!.prefixLength;
  }

  /** null when the destination is not a four-part decimal IPv4 address */
  destinationNumberAt(i: number): number | null {
    return this.flags[i]! & COLUMNS ? this.dest[i]! : dottedQuadToNumber(this.known(i)!.destination);
  }

  /** Marks row i persistent (the parser's markPersistent), made or not. */
  markPersistentAt(i: number): void {
    if (this.flags[i]! & COLUMNS) this.flags[i] = this.flags[i]! | PERSISTENT;
    const known = this.known(i);
    if (known !== undefined) known.persistent = true;
  }

  /** Whether row i's source already carries its printed text (asked of the columns for an unmade row, without making it). */
  hasSourceTextAt(i: number): boolean {
    const f = this.flags[i]!;
    if (f & COLUMNS && this.slot[i] === 0) return (f & WITH_TEXT) !== 0;
    return this.at(i).source?.text !== undefined;
  }

  /** Column row i's fields (RowView's reads; `at(i)` for any row). */
  destinationAt(i: number): string {
    return this.text.slice(this.start[i], this.destEnd[i]);
  }

  netmaskAt(i: number): string {
    return this.strings[this.maskId[i]!]!;
  }

  gatewayAt(i: number): string | null {
    const g = this.gatewayId[i]!;
    return g < 0 ? null : this.strings[g]!;
  }

  interfaceAddressAt(i: number): string {
    return this.strings[this.ifaceId[i]!]!;
  }

  metricAt(i: number): number {
    return this.metric[i]!;
  }

  persistentAt(i: number): boolean {
    return (this.flags[i]! & PERSISTENT) !== 0;
  }

  sourceOf(i: number): NonNullable<Route['source']> {
    return this.flags[i]! & WITH_TEXT ? { file: this.file, line: this.line[i]!, text: this.text.slice(this.start[i], this.end[i]) } : { file: this.file, line: this.line[i]! };
  }

  /** The object the parser made for this row before it kept columns: same keys in the same order. */
  private make(i: number): Route {
    return {
      family: 4,
      destination: this.destinationAt(i),
      prefixLength: this.prefix[i]!,
      netmask: this.netmaskAt(i),
      gateway: this.gatewayAt(i),
      metric: this.metric[i]!,
      persistent: this.persistentAt(i),
      interfaceAddress: this.interfaceAddressAt(i),
      source: this.sourceOf(i),
    };
  }

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    const capacity = Math.max(64, this.capacity * 2, n);
    this.line = grownTo(this.line, capacity);
    this.start = grownTo(this.start, capacity);
    this.destEnd = grownTo(this.destEnd, capacity);
    this.end = grownTo(this.end, capacity);
    this.dest = grownTo(this.dest, capacity);
    this.metric = grownTo(this.metric, capacity);
    this.prefix = grownTo(this.prefix, capacity);
    this.flags = grownTo(this.flags, capacity);
    this.maskId = grownTo(this.maskId, capacity);
    this.gatewayId = grownTo(this.gatewayId, capacity);
    this.ifaceId = grownTo(this.ifaceId, capacity);
    this.slot = grownTo(this.slot, capacity);
    this.capacity = capacity;
  }
}

/** The slots of a table whose every row is an object, in `made` at its own index. */
function everyRowMade(length: number) {
  const slot = new Int32Array(length);
  for (let i = 0; i < length; i++) slot[i] = i + 1;
  return slot;
}

const COLUMNS = 1;
const WITH_TEXT = 2;
const PERSISTENT = 4;

/** A column row read as a Route (forEach, filter, find): one object, moved from row to row. */
class RowView {
  i = 0;
  constructor(private readonly table: RouteRows) {}
  get family(): 4 {
    return 4;
  }
  get destination(): string {
    return this.table.destinationAt(this.i);
  }
  get prefixLength(): number {
    return this.table.prefixLengthAt(this.i);
  }
  get netmask(): string {
    return this.table.netmaskAt(this.i);
  }
  get gateway(): string | null {
    return this.table.gatewayAt(this.i);
  }
  get interfaceAddress(): string {
    return this.table.interfaceAddressAt(this.i);
  }
  get interfaceIndex(): undefined {
    return undefined;
  }
  get metric(): number {
    return this.table.metricAt(this.i);
  }
  get persistent(): boolean {
    return this.table.persistentAt(this.i);
  }
  get source(): Route['source'] {
    return this.table.sourceOf(this.i);
  }
}
