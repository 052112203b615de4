/**
 * A snapshot section re-validated by every rule that reads it (rasEventsOf, vpnProfilesOf: six to
 * eight rules per diagnosis) is validated once per list: the next call with the same list, holding
 * the same items, gets the same typed items in a new array (so a caller may sort or filter its own
 * copy). A list whose items changed since is validated again.
 */
export interface SectionMemo<T> {
  items: readonly unknown[];
  typed: T[];
}

export function validatedOnce<T>(list: readonly unknown[], memo: WeakMap<readonly unknown[], SectionMemo<T>>, validate: (item: unknown) => T[]): T[] {
  if (isOwnSection(list)) return [...(list as readonly T[])];
  const known = memo.get(list);
  if (known && known.items.length === list.length && known.items.every((item, i) => item === list[i])) return [...known.typed];
  const typed = list.flatMap(validate);
  memo.set(list, { items: [...list], typed });
  return [...typed];
}

/**
 * Sections buildSnapshot made in this process from its own (typed) parsers. Their schemas describe
 * those parsers' output, so checking them again finds nothing: test/own-sections.test.ts parses
 * every section of every sample, corpus and real capture with its schema and gets the same value.
 * A section that came from anywhere else (a report read back, a hand-made snapshot) is not marked
 * and is checked as before. The checks cost each `scan` ~4 ms of its start, cold zod code run for
 * values that cannot fail them (issue 16.2).
 */
const ownSections = new WeakSet<object>();
export function markOwnSection<T extends object>(section: T): T {
  ownSections.add(section);
  return section;
}
export const isOwnSection = (section: unknown): boolean => typeof section === 'object' && section !== null && ownSections.has(section);
