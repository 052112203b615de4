import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../app/core/capture/decode';

/** The decoder as it was before the lenient-first fast path (strict UTF-8 first, then the code page). */
function strictFirst(bytes: Uint8Array, codepage = 850) {
  const fast = decodeCaptureBytes(bytes, codepage);
  if (fast.encoding !== 'utf-8' && !fast.encoding.startsWith('cp')) return fast; // BOM and UTF-16 paths are unchanged
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), `cp${codepage}`), encoding: `cp${codepage}` };
  }
}

describe('decodeCaptureBytes: UTF-8 judged as the strict decoder judges it', () => {
  const awkward = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: 'binary', maxLength: 64 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
    // a real U+FFFD in valid UTF-8, and one next to an invalid byte
    fc.tuple(fc.string({ maxLength: 20 }), fc.boolean()).map(([s, broken]) => new Uint8Array(Buffer.concat([Buffer.from(`${s}\uFFFD`, 'utf8'), Buffer.from(broken ? [0xc3] : [])]))),
  );

  it('gives the same text and encoding as strict-first decoding on any bytes', () => {
    fc.assert(
      fc.property(awkward, (bytes) => {
        if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return;
        expect(decodeCaptureBytes(bytes)).toEqual(strictFirst(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a real U+FFFD as UTF-8, and reads a lone Latin-1 byte by the code page', () => {
    expect(decodeCaptureBytes(new Uint8Array(Buffer.from('Ger\uFFFDt 10.0.0.1\r\n', 'utf8')))).toEqual({ text: 'Ger\uFFFDt 10.0.0.1\r\n', encoding: 'utf-8' });
    expect(decodeCaptureBytes(new Uint8Array(Buffer.concat([Buffer.from('St', 'latin1'), Buffer.from([0x84]), Buffer.from('ndige', 'latin1')])))).toEqual({ text: 'Ständige', encoding: 'cp850' });
    const mixed = Buffer.concat([Buffer.from('\uFFFD', 'utf8'), Buffer.from([0x84])]);
    expect(decodeCaptureBytes(new Uint8Array(mixed))).toEqual({ text: iconv.decode(mixed, 'cp850'), encoding: 'cp850' });
  });
});
