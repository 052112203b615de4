/**
 * FNV-1a (32 bit) as 8 hex digits: a short, stable tag, not a security hash. Hand-written because
 * core also runs in the renderer bundle, where node:crypto does not exist.
 */
export function fnv1aHex(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
