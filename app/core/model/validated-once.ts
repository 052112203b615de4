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
  const known = memo.get(list);
  if (known && known.items.length === list.length && known.items.every((item, i) => item === list[i])) return [...known.typed];
  const typed = list.flatMap(validate);
  memo.set(list, { items: [...list], typed });
  return [...typed];
}
