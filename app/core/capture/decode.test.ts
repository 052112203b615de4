import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { picker, prng } from '../../../test/support/prng';
import { asciiText, decodeCaptureBytes } from './decode';

/**
 * decodeCaptureBytes reads ASCII bytes as Latin-1 (buffer.isAscii, then one copy) instead of through
 * the validating UTF-8 decoder. The answer must be the one the decoders give: checked against
 * decodeCaptureBytes as it was before (reference below) on random bytes — ASCII only, with NULs
 * (the BOM-less UTF-16LE sniff), with one byte past 0x7F anywhere (UTF-8 or the code page), with BOMs.
 */
function reference(bytes: Uint8Array, codepage = 850): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes.length >= 8 && bytes.length % 2 === 0) {
    const sample = Math.min(bytes.length, 512);
    let zeros = 0;
    let characterZeros = 0;
    for (let i = 1; i < sample; i += 2) if (bytes[i] === 0) zeros++;
    for (let i = 0; i < sample - 1; i += 2) if (bytes[i] === 0) characterZeros++;
    // (not when most characters are NUL too: a run of NUL bytes, text-encoding.ts)
    if (zeros / (sample / 2) > 0.9 && characterZeros < (sample >> 1) * 0.5) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), `cp${codepage}`), encoding: `cp${codepage}` };
  }
}

describe('decodeCaptureBytes: ASCII read as Latin-1 gives what the decoders give', () => {
  it('in Node the fast path is there (so the comparison below reaches it)', () => {
    expect(asciiText(new TextEncoder().encode('route print\r\n'))).toBe('route print\r\n');
    expect(asciiText(new Uint8Array([0x41, 0x80]))).toBeUndefined();
    expect(asciiText(new Uint8Array([]))).toBe('');
  });

  it('on 5 000 random byte strings', () => {
    const r = prng(20261203);
    const prefixes = [[], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]];
    let ascii = 0;
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(r() * (r() < 0.1 ? 4000 : 64));
      const kind = r();
      const bytes = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        // mostly printable ASCII and line breaks; NUL-heavy (UTF-16LE text); some with bytes past 0x7F
        bytes[k] = kind < 0.15 && k % 2 === 1 ? 0 : kind > 0.8 && r() < 0.05 ? 0x80 + Math.floor(r() * 128) : r() < 0.05 ? picker(r)([9, 10, 13, 0]) : 32 + Math.floor(r() * 95);
      }
      const withPrefix = r() < 0.1 ? new Uint8Array([...prefixes[Math.floor(r() * prefixes.length)]!, ...bytes]) : bytes;
      // a view into a larger buffer, as fs reads give (pooled buffers)
      const padded = new Uint8Array(withPrefix.length + 16);
      padded.set(withPrefix, 7);
      const view = padded.subarray(7, 7 + withPrefix.length);
      const codepage = r() < 0.5 ? 850 : 866;
      expect(decodeCaptureBytes(view, codepage), JSON.stringify([...view.slice(0, 40)])).toEqual(reference(view, codepage));
      if (asciiText(view) !== undefined) ascii++;
    }
    expect(ascii).toBeGreaterThan(2000);
  });
});
