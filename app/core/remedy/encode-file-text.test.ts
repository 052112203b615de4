import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeFileText } from './render-registry';

/** What encodeFileText gave before its Buffer fast paths: iconv-lite for everything, BOMs added by hand. */
function throughIconv(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode(text, 'utf-8')]);
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
  if (encoding === 'utf-16be') return new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
  return new Uint8Array(iconv.encode(text, iconv.encodingExists(encoding) ? encoding : 'utf-8'));
}

describe('encodeFileText', () => {
  it('gives the bytes iconv-lite gives, in every encoding a captured file can have (lone surrogates included)', () => {
    const encodings = ['utf-8', 'UTF-8', 'utf8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp850', 'cp1252', 'windows-1251', 'no-such-encoding'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...encodings), (text, encoding) => {
        expect(Array.from(encodeFileText(text, encoding))).toEqual(Array.from(throughIconv(text, encoding)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps an LMHOSTS file byte for byte: CRLF, tabs, #PRE #DOM and a BOM', () => {
    const text = '10.13.1.5\tDC01\t#PRE #DOM:CORP\r\n"CORP           \\0x1b"\t10.13.1.5\t#PRE\r\n';
    expect(Buffer.from(encodeFileText(text, 'utf-8-bom')).toString('hex')).toBe('efbbbf' + Buffer.from(text).toString('hex'));
    expect(Buffer.from(encodeFileText(text, 'utf-16be')).subarray(0, 4).toString('hex')).toBe('feff0031');
  });
});
