import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerLogParser } from '../core/parse/server-log';
import { readByteStream, readChunks, readServerLogFile } from './server-log-file';

const work = mkdtempSync(join(tmpdir(), 'tm-read-chunks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What readServerLogFile read before readChunks: a read stream with the encoding, start and end (inclusive) given. */
async function byStream(path: string, encoding: 'utf8' | 'utf16le', start: number, end: number): Promise<string> {
  let out = '';
  if (end <= start) return out;
  for await (const chunk of createReadStream(path, { encoding, start, end: end - 1 })) out += chunk as string;
  return out;
}

async function byChunks(path: string, encoding: 'utf8' | 'utf16le', start: number, end: number): Promise<{ text: string; longest: number }> {
  let text = '';
  let longest = 0;
  await readChunks(path, encoding, start, end, (c) => {
    text += c;
    longest = Math.max(longest, c.length);
  });
  return { text, longest };
}

describe('readChunks decodes what a read stream decodes', () => {
  it('UTF-8 and UTF-16LE with characters cut between reads, any start and end', async () => {
    // 2-, 3- and 4-byte characters around the 64 KiB read boundaries, and a file that is not whole text
    const unit = fc.constantFrom('a', '\n', 'é', '€', '𝄞', 'ij', '\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 60 }), fc.nat(200_000), fc.nat(300_000), fc.nat(3), fc.constantFrom<'utf8' | 'utf16le'>('utf8', 'utf16le'), async (units, from, to, junk, encoding) => {
        const piece = units.join('');
        const text = piece.repeat(Math.ceil(140_000 / piece.length));
        const bytes = Buffer.concat([Buffer.from(text, encoding), Buffer.alloc(junk, 0xe2)]);
        const file = join(work, 'log.txt');
        writeFileSync(file, bytes);
        const start = Math.min(from, bytes.length);
        const end = Math.min(Math.max(start, to), bytes.length + 10);
        const got = await byChunks(file, encoding, start, end);
        expect(got.text).toBe(await byStream(file, encoding, start, Math.min(end, bytes.length)));
        expect(got.longest).toBeLessThanOrEqual(64 * 1024 + 2);
      }),
      { numRuns: 40 },
    );
  });
});

describe('readServerLogFile: the encodings Windows and Linux tools write', () => {
  const LOG = ['Jul 10 18:41:12 vpn pppd[311]: Peer alice failed CHAP authentication', 'Jul 10 18:41:13 vpn pppd[311]: Connection terminated.', ''].join('\r\n');
  const read = async (name: string, bytes: Buffer) => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    const r = await readServerLogFile(path);
    return { verdict: r.verdict, records: r.records, understood: r.understood, user: r.entries[0]?.user };
  };
  const expected = { verdict: 'ok', records: 2, understood: 2, user: 'alice' };

  it('UTF-8 with or without BOM, UTF-16LE with a BOM (PowerShell 5 Out-File) and without one (a copy that lost it)', async () => {
    expect(await read('utf8.log', Buffer.from(LOG, 'utf8'))).toEqual(expected);
    expect(await read('utf8-bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOG, 'utf8')]))).toEqual(expected);
    expect(await read('utf16-bom.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, 'utf16le')]))).toEqual(expected);
    expect(await read('utf16.log', Buffer.from(LOG, 'utf16le'))).toEqual(expected);
  });

  it('UTF-16BE with a BOM (before: read as UTF-8, its BOM a line of garbage)', async () => {
    const be = Buffer.from(LOG, 'utf16le').swap16();
    expect(await read('utf16be-bom.log', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(expected);
  });

  it('NUL runs are damage, not binary: a copytruncate hole of 1 MiB before the log (before: read as UTF-16LE, every odd byte 0), a crash block inside it', async () => {
    const hole = Buffer.alloc(1 << 20);
    expect(await read('hole.log', Buffer.concat([hole, Buffer.from(LOG, 'utf8')]))).toEqual(expected);
    const [first, second] = LOG.split('\r\n');
    expect(await read('crash.log', Buffer.concat([Buffer.from(`${first}\r\n`), Buffer.alloc(8192), Buffer.from(`${second}\r\n`)]))).toEqual(expected);
    expect((await read('nuls.log', Buffer.alloc(100_000))).verdict).toBe('empty');
  });

  it('binary stays binary', async () => {
    expect((await read('bin.log', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0]))).verdict).toBe('binary');
    // a PNG (its header's and chunks' NULs among other control bytes)
    expect((await read('png.log', readFileSync(new URL('../../docs/screenshots/server-log.png', import.meta.url)))).verdict).toBe('binary');
  });
});

describe('readServerLogFile: a gzip-compressed log (logrotate’s syslog.2.gz)', () => {
  const real = readFileSync(new URL('../../test/fixtures/real/server-logs/pppd-asuswrt-merlin-pptpd-ctrl-eof-mppe-disabled.txt', import.meta.url));
  const write = (name: string, bytes: Buffer): string => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    return path;
  };
  const reading = (r: Awaited<ReturnType<typeof readServerLogFile>>) => ({ verdict: r.verdict, records: r.records, understood: r.understood, unknown: r.unknown, causes: r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause]) });

  it('reads as the uncompressed file does: a real log in UTF-8, the same in UTF-16LE with its BOM, and a big one past many 64 KiB chunks', async () => {
    const plain = reading(await readServerLogFile(write('plain.log', real)));
    expect(plain.verdict).toBe('ok');
    expect(reading(await readServerLogFile(write('syslog.2.gz', gzipSync(real))))).toEqual(plain);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(real.toString('utf8'), 'utf16le')]);
    expect(reading(await readServerLogFile(write('events.gz', gzipSync(utf16))))).toEqual(plain);
    const big = Buffer.from(real.toString('utf8').repeat(Math.ceil((1 << 20) / real.length) + 1));
    const plainBig = await readServerLogFile(write('big.log', big));
    const gzBig = await readServerLogFile(write('big.log.gz', gzipSync(big)));
    expect([gzBig.records, gzBig.understood, gzBig.unknown, gzBig.truncated]).toEqual([plainBig.records, plainBig.understood, plainBig.unknown, plainBig.truncated]);
    expect(big.length).toBeGreaterThan(1 << 20);
  });

  it('a stream reads as the file does whatever the sizes of its chunks: the first 8 KiB decide the encoding (found by the server-log fuzzer)', async () => {
    // 8 KiB of UTF-16LE without its BOM, then UTF-8: the file is read as UTF-16 by its first 8 KiB; a stream judged its first chunk
    // whole, so one 64 KiB chunk (mostly UTF-8) read it otherwise than chunks of a few KiB did
    const head = Buffer.from(real.toString('utf8'), 'utf16le').subarray(0, 8192);
    const bytes = Buffer.concat([head, Buffer.from(real.toString('utf8').repeat(Math.ceil(60_000 / real.length)))]);
    const file = reading(await readServerLogFile(write('mixed.log', bytes)));
    async function* chunks(size: number): AsyncIterable<Buffer> {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    }
    for (const size of [65_536, 9_000, 1_000, 97]) {
      const { result } = await readByteStream(chunks(size), new ServerLogParser('mixed.log'), 1 << 30);
      expect([size, reading(result)]).toEqual([size, file]);
    }
  });

  it('members written one after the other (`cat a.gz b.gz`) are all read', async () => {
    const two = await readServerLogFile(write('two.gz', Buffer.concat([gzipSync(real), gzipSync(real)])));
    expect(two.records).toBe(2 * reading(await readServerLogFile(write('one.log', real))).records);
  });

  it('a file cut short keeps the lines before the cut and says it broke off; garbage after the magic bytes reads nothing and says so', async () => {
    const whole = gzipSync(Buffer.from(real.toString('utf8').repeat(50)));
    const cut = await readServerLogFile(write('cut.gz', whole.subarray(0, whole.length >> 1)));
    expect(cut.gzipDamaged).toBe(true);
    expect(cut.verdict).toBe('ok');
    expect(cut.records).toBeGreaterThan(0);
    expect(cut.records).toBeLessThan((await readServerLogFile(write('whole.gz', whole))).records);
    expect((await readServerLogFile(write('whole.gz', whole))).gzipDamaged).toBeUndefined();
    const garbage = await readServerLogFile(write('garbage.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])));
    expect([garbage.gzipDamaged, garbage.verdict]).toEqual([true, 'empty']);
  });

  it('the size cap counts the unpacked text (a small file that unpacks to much stops there), and an empty or binary inside keeps its verdict', async () => {
    const bomb = await readServerLogFile(write('bomb.gz', gzipSync(Buffer.from(real.toString('utf8').repeat(2000)))), 'bomb.gz', 200_000);
    expect([bomb.truncated, bomb.cutAtBytes]).toEqual([true, 200_000]);
    expect(bomb.records).toBeLessThan(3000);
    expect((await readServerLogFile(write('empty.gz', gzipSync(Buffer.alloc(0))))).verdict).toBe('empty');
    const png = readFileSync(new URL('../../docs/screenshots/server-log.png', import.meta.url));
    expect((await readServerLogFile(write('png.gz', gzipSync(png)))).verdict).toBe('binary');
  });
});
