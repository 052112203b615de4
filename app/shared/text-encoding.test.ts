import { describe, expect, it } from 'vitest';
import { sniffTextEncoding } from './text-encoding';

describe('sniffTextEncoding', () => {
  it('ASCII text in UTF-16LE without a BOM is UTF-16LE; a run of NUL bytes (a log copytruncate emptied under its writer) is not', () => {
    expect(sniffTextEncoding(Buffer.from('Jul 10 18:41:12 vpn pppd[311]: Connection terminated.\r\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: 0 });
    expect(sniffTextEncoding(Buffer.alloc(8192))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(sniffTextEncoding(Buffer.concat([Buffer.alloc(300), Buffer.from('Jul 10 18:41:12 vpn pppd[311]: Connection terminated.\n'.repeat(9))]))).toEqual({ encoding: 'utf-8', bom: 0 });
  });
});
