/**
 * A typed array of the same kind as `a`, `length` long, holding `a`'s elements first (the rest 0):
 * the columns of a table that grows (RouteRows, textLines' line offsets).
 */
export function grownTo<A extends Int32Array | Float64Array | Uint8Array>(a: A, length: number): A {
  const b = new (a.constructor as new (length: number) => A)(length);
  b.set(a);
  return b;
}
