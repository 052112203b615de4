/**
 * Which LMHOSTS entries name what an earlier entry names: the same NetBIOS name — `name.trimEnd()
 * .toUpperCase()` (padding and case aside) — with the same suffix (0x20 when none). Found with an
 * open-addressing table of entry numbers in a typed array: a Map of key strings cost a folded string,
 * a hash of it and a growing table per entry, most of the parse of a large LMHOSTS.
 */

export interface NamedEntry {
  name: string;
  suffix?: number;
}

/** Calls `duplicate(entry, first)`, in entry order, for every entry whose name an earlier entry had; `first` is the earliest of them. */
export function forEachDuplicate<E extends NamedEntry>(entries: readonly E[], duplicate: (entry: E, first: E) => void): void {
  let size = 16;
  while (size < entries.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  // each entry's hash, beside the table: a probe that meets another name compares hashes here
  // before it reads that entry (an object elsewhere in the heap; at 50 000 entries those reads
  // missed the cache and made this 1.7 times as slow per entry as at 5 000)
  const hashes = new Int32Array(entries.length);
  // names with a character past ASCII are folded by toUpperCase itself ('ß' → 'SS', 'ſ' → 'S')
  const folded: (string | undefined)[] = [];
  const foldedOf = (k: number): string => (folded[k] ??= entries[k]!.name.trimEnd().toUpperCase());
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const ascii = isAscii(e.name);
    const suffix = e.suffix ?? 0x20;
    const h = (ascii ? asciiHash(e.name) : stringHash(foldedOf(k))) ^ Math.imul(suffix, 0x9e3779b1);
    hashes[k] = h;
    let slot = (h >>> 0) & mask;
    let first = -1;
    for (; table[slot] !== -1; slot = (slot + 1) & mask) {
      const j = table[slot]!;
      if (hashes[j] !== h) continue;
      const other = entries[j]!;
      if ((other.suffix ?? 0x20) !== suffix) continue;
      const same = ascii && isAscii(other.name) ? asciiEqual(e.name, other.name) : foldedOf(k) === foldedOf(j);
      if (same) {
        first = j;
        break;
      }
    }
    if (first < 0) table[slot] = k;
    else duplicate(e, entries[first]!);
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** trimEnd for an ASCII string: TAB, LF, VT, FF, CR and space. */
function asciiEnd(s: string): number {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 32 && (c < 9 || c > 13)) break;
    end--;
  }
  return end;
}

const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);

/** FNV-1a of the upper-cased, end-trimmed ASCII name: stringHash of what toUpperCase gives. */
function asciiHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0, end = asciiEnd(s); i < end; i++) h = Math.imul(h ^ upper(s.charCodeAt(i)), 16777619);
  return h;
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

function asciiEqual(a: string, b: string): boolean {
  const n = asciiEnd(a);
  if (n !== asciiEnd(b)) return false;
  for (let i = 0; i < n; i++) if (upper(a.charCodeAt(i)) !== upper(b.charCodeAt(i))) return false;
  return true;
}
