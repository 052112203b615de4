import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseServerLog } from '../app/core/parse/server-log';
import { droppedLabel, readDroppedLog } from '../renderer/src/lib/dropped-log';
import { tarOf } from './support/tar-of';
import { markEncrypted } from './support/zip-headers';

const real = readFileSync(new URL('./fixtures/real/server-logs/pppd-asuswrt-merlin-pptpd-ctrl-eof-mppe-disabled.txt', import.meta.url));
const file = (bytes: Uint8Array, name: string) => new File([Uint8Array.from(bytes)], name);


describe('a log file dropped on the paste box', () => {
  it('plain, UTF-16 and gzip files give the log’s text', async () => {
    const text = real.toString('utf8');
    expect(await readDroppedLog(file(real, 'pptpd.log'), 1 << 20)).toEqual({ text, label: 'pptpd.log' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await readDroppedLog(file(utf16, 'events.txt'), 1 << 20)).toEqual({ text, label: 'events.txt' });
    expect(await readDroppedLog(file(gzipSync(real), 'syslog.2.gz'), 1 << 20)).toEqual({ text, label: 'syslog.2.gz' });
    expect(await readDroppedLog(file(gzipSync(utf16), 'events.txt.gz'), 1 << 20)).toEqual({ text, label: 'events.txt.gz' });
  });

  it('the limit counts the unpacked bytes: a small gzip file that unpacks past it is too big, as a plain file past it is', async () => {
    const big = Buffer.from(real.toString('utf8').repeat(200));
    const packed = gzipSync(big);
    expect(packed.length).toBeLessThan(100_000);
    expect(await readDroppedLog(file(packed, 'big.gz'), 100_000)).toEqual({ tooBig: true });
    expect(await readDroppedLog(file(big, 'big.log'), 100_000)).toEqual({ tooBig: true });
    expect('text' in (await readDroppedLog(file(packed, 'big.gz'), big.length))).toBe(true);
  });

  it('a gzip file cut short keeps the lines before the cut and says so', async () => {
    const whole = gzipSync(Buffer.from(real.toString('utf8').repeat(50)));
    const cut = await readDroppedLog(file(whole.subarray(0, whole.length >> 1), 'cut.gz'), 1 << 20);
    expect(cut).toMatchObject({ damaged: true, label: 'cut.gz' });
    const text = 'text' in cut ? cut.text : '';
    expect(text.length).toBeGreaterThan(0);
    expect(real.toString('utf8').repeat(50).startsWith(text)).toBe(true);
    expect(await readDroppedLog(file(whole, 'whole.gz'), 1 << 20)).not.toHaveProperty('damaged');
  });

  it('a tar archive (plain or .tar.gz): each text file a log of its own, labelled archive › file; empty and binary files left out, the rest past the cap counted', async () => {
    const other = 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n';
    const tar = await tarOf([
      ['var/log/wtmp', Buffer.alloc(9000, 7)],
      ['var/log/syslog', real],
      ['var/log/empty.log', Buffer.alloc(0)],
      ['router/console.txt', Buffer.from(other)],
    ]);
    for (const [name, bytes] of [['logs.tar', tar], ['logs.tar.gz', gzipSync(tar)]] as const) {
      const read = await readDroppedLog(file(bytes, name), 1 << 20);
      expect(read).toEqual({
        text: real.toString('utf8'),
        label: `${name} › syslog`,
        archive: {
          logs: [
            { text: real.toString('utf8'), label: `${name} › syslog`, path: 'var/log/syslog' },
            { text: other, label: `${name} › console.txt`, path: 'router/console.txt' },
          ],
          skipped: 0,
          leftOut: 2,
        },
      });
    }
    const many = await tarOf(Array.from({ length: 70 }, (_, i) => [`log${i}.txt`, Buffer.from(`line ${i}\n`)] as [string, Buffer]));
    const capped = await readDroppedLog(file(many, 'many.tar'), 1 << 20);
    expect('archive' in capped && capped.archive).toMatchObject({ skipped: 6, leftOut: 0 });
    expect('archive' in capped && capped.archive!.logs).toHaveLength(64);
  });

  it('a binary file dropped is read as the CLI reads it (its first bytes as Latin-1), so its verdict names a pcap or an .evtx as explain-log does', async () => {
    const body = Array.from({ length: 4000 }, (_, i) => (i % 3 ? (i * 37) & 255 : 0));
    for (const [head, verdict] of [[[0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0], 'packet-capture'], [[...Buffer.from('ElfFile\0')], 'windows-event-log']] as const) {
      const dropped = await readDroppedLog(file(Uint8Array.from([...head, ...body]), 'x.bin'), 1 << 20);
      expect(parseServerLog('text' in dropped ? dropped.text : '').verdict).toBe(verdict);
    }
  });

  it('a ZIP archive: each text file a log of its own, labelled archive › file; binary files left out; a password-protected file counted', async () => {
    const zip = zipSync({ 'logs/pptpd.log': real, 'logs/wtmp': new Uint8Array(9000).fill(7), 'logs/locked.log': [real, { level: 0 }] });
    markEncrypted(zip, 2);
    const dropped = await readDroppedLog(file(zip, 'logs.zip'), 1 << 20);
    expect(dropped).toMatchObject({ text: real.toString('utf8'), label: 'logs.zip › pptpd.log', archive: { logs: [{ path: 'logs/pptpd.log' }], leftOut: 1, skipped: 0, unreadable: 1 } });
    expect(await readDroppedLog(file(zip, 'logs.zip'), 100)).toEqual({ tooBig: true });
  });

  it('an archive of nothing but binary files: the first stands for it (main says it is binary); a cut .tar.gz keeps its files and says so', async () => {
    const binary = await readDroppedLog(file(await tarOf([['wtmp', Buffer.alloc(9000, 7)]]), 'bin.tar'), 1 << 20);
    expect(binary).toMatchObject({ label: 'bin.tar › wtmp', archive: { logs: [{ path: 'wtmp' }], leftOut: 0 } });
    const tar = await tarOf([['a.log', real], ['b.log', Buffer.from(real.toString('utf8').repeat(40))]]);
    const packed = gzipSync(tar);
    const cut = await readDroppedLog(file(packed.subarray(0, packed.length - 200), 'cut.tar.gz'), 1 << 20);
    expect(cut).toMatchObject({ damaged: true, text: real.toString('utf8'), archive: { logs: [{ path: 'a.log' }, { path: 'b.log' }] } });
  });

  it('a name is shown without control characters or path separators', () => {
    expect(droppedLabel('a/b\\c\u0000d.log')).toBe('a_b_c_d.log');
    expect(droppedLabel('')).toBe('log.txt');
    expect(droppedLabel('x'.repeat(300))).toHaveLength(120);
  });
});
