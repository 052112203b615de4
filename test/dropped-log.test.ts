import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { droppedLabel, readDroppedLog } from '../renderer/src/lib/dropped-log';

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

  it('a name is shown without control characters or path separators', () => {
    expect(droppedLabel('a/b\\c\u0000d.log')).toBe('a_b_c_d.log');
    expect(droppedLabel('')).toBe('log.txt');
    expect(droppedLabel('x'.repeat(300))).toHaveLength(120);
  });
});
