import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { markEncrypted, setMethod } from '../../test/support/zip-headers';
import { isZipStart, zipFiles, zipLogs } from './zip-files';

const LOG = 'Jan  5 10:00:01 vpn pppd[1203]: LCP: timeout sending Config-Requests\n';
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** A zip as a streaming writer (a web page's export) makes it: sizes after the data (a data descriptor, APPNOTE 4.3.9), not in the header. */
function streamed(files: [string, string][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [name, body] of files) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(body), true);
  }
  zip.end();
  return Buffer.concat(parts);
}

describe('a ZIP archive of logs', () => {
  it('is known by its first bytes (a local file header, or an empty archive\'s end record), not by its name', () => {
    expect(isZipStart(zipSync({ 'a.log': strToU8(LOG) }))).toBe(true);
    expect(isZipStart(zipSync({}))).toBe(true);
    expect(isZipStart(strToU8('PK is a log line'))).toBe(false);
    expect(isZipStart(strToU8(LOG))).toBe(false);
  });

  it('each file read in archive order, deflated or stored, with the path it recorded; folders are no files', () => {
    const zip = zipSync({ 'logs/': new Uint8Array(0), 'logs/syslog': strToU8(LOG.repeat(40)), 'logs/ppp.log': [strToU8('stored\n'), { level: 0 }] });
    const read = zipFiles(zip, 64, 1 << 20);
    expect(read.files.map((f) => [f.path, text(f.bytes)])).toEqual([['logs/syslog', LOG.repeat(40)], ['logs/ppp.log', 'stored\n']]);
    expect(read).toMatchObject({ skipped: 0, unreadable: 0, cut: false, damaged: false });
  });

  it('a streaming writer\'s archive (sizes in data descriptors) reads the same', () => {
    const read = zipFiles(streamed([['a.log', LOG], ['b.log', LOG.repeat(3)]]), 64, 1 << 20);
    expect(read.files.map((f) => [f.path, text(f.bytes)])).toEqual([['a.log', LOG], ['b.log', LOG.repeat(3)]]);
  });

  it('a password-protected file or one packed another way is counted as unreadable, the others read', () => {
    const zip = setMethod(markEncrypted(zipSync({ 'locked.log': [strToU8(LOG), { level: 0 }], 'open.log': strToU8(LOG), 'bzip2.log': strToU8(LOG) }), 0), 2, 12);
    const read = zipFiles(zip, 64, 1 << 20);
    expect(read.files.map((f) => f.path)).toEqual(['open.log']);
    expect(read.unreadable).toBe(2);
  });

  it('a download cut short (no central directory): the files before the cut, and the part of the cut one there, are read and it says so', () => {
    const zip = zipSync({ 'a.log': [strToU8(LOG.repeat(20)), { level: 0 }], 'b.log': [strToU8(LOG.repeat(400)), { level: 0 }] });
    const cut = zipFiles(zip.subarray(0, Math.floor(zip.length * 0.6)), 64, 1 << 20);
    expect(cut.damaged).toBe(true);
    expect(cut.files.map((f) => f.path)).toEqual(['a.log', 'b.log']);
    expect(text(cut.files[0]!.bytes)).toBe(LOG.repeat(20));
    const part = text(cut.files[1]!.bytes);
    expect(part.length).toBeGreaterThan(0);
    expect(LOG.repeat(400).startsWith(part)).toBe(true);
  });

  it('bounded: files past the count are counted, and nothing is unpacked past the byte budget', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`log${i}.txt`, strToU8(LOG)])));
    expect(zipFiles(many, 64, 1 << 20)).toMatchObject({ skipped: 6, cut: false });
    expect(zipFiles(many, 64, 1 << 20).files).toHaveLength(64);
    const big = zipSync({ 'a.log': strToU8(LOG), 'b.log': strToU8(LOG.repeat(10_000)) });
    const capped = zipFiles(big, 64, 4096);
    expect(capped.files.map((f) => f.path)).toEqual(['a.log']);
    expect(capped.cut).toBe(true);
  });

  it('zipLogs leaves out empty and binary files unless nothing else is there', () => {
    const zip = zipSync({ wtmp: new Uint8Array(9000).fill(7), 'empty.log': new Uint8Array(0), 'syslog': strToU8(LOG) });
    expect(zipLogs(zip, 1 << 20)).toMatchObject({ files: [{ path: 'syslog' }], leftOut: 2 });
    expect(zipLogs(zipSync({ wtmp: new Uint8Array(9000).fill(7) }), 1 << 20)).toMatchObject({ files: [{ path: 'wtmp' }], leftOut: 0 });
  });
});
