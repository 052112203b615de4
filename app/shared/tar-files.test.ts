import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../../test/support/tar-of';
import { isTarStart, tarFiles } from './tar-files';

const text = (f: { bytes: Uint8Array }) => Buffer.from(f.bytes).toString('utf8');

describe('tarFiles: the regular files of a tar archive held in memory', () => {
  it('ustar and pax long names, in archive order; folders and links hold no file', async () => {
    const long = `var/log/${'r'.repeat(120)}/router.log`;
    const tar = await tarOf([
      { name: 'var/log/', type: 'directory' },
      ['var/log/syslog', 'line one\nline two\n'],
      { name: 'var/log/current', type: 'symlink' },
      [long, 'x'.repeat(1000)],
      ['var/log/empty.log', ''],
    ]);
    expect(isTarStart(tar)).toBe(true);
    const r = tarFiles(tar, 64);
    expect(r.files.map((f) => f.path)).toEqual(['var/log/syslog', long, 'var/log/empty.log']);
    expect(r.files.map(text)).toEqual(['line one\nline two\n', 'x'.repeat(1000), '']);
    expect(r).toMatchObject({ skipped: 0, damaged: false });
  });

  it("GNU tar's own archives (its long-name blocks, its ustar prefix field) read the same", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-tar-'));
    const deep = join('logs', 'd'.repeat(90), 'e'.repeat(60));
    mkdirSync(join(dir, deep), { recursive: true });
    writeFileSync(join(dir, 'logs', 'syslog'), 'pppd line\n');
    writeFileSync(join(dir, deep, 'charon.log'), 'charon line\n');
    symlinkSync('syslog', join(dir, 'logs', 'latest'));
    for (const format of ['gnu', 'ustar', 'pax']) {
      const out = join(dir, `${format}.tar`);
      const r = spawnSync('tar', [`--format=${format}`, '-cf', out, '-C', dir, '--sort=name', 'logs'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const files = tarFiles(new Uint8Array(readFileSync(out)), 64);
      expect(files.files.map((f) => [f.path, text(f)]), format).toEqual([
        [`${deep}/charon.log`, 'charon line\n'],
        ['logs/syslog', 'pppd line\n'],
      ]);
      expect(files.damaged).toBe(false);
    }
  });

  it("GNU's own header keeps its atime and ctime where POSIX keeps the name's prefix: not read as a prefix", async () => {
    const tar = Uint8Array.from(await tarOf([['a.log', 'x\n']]));
    // rewrite the header as GNU's (magic "ustar  \0"), with an atime in the prefix field's place, and its checksum again
    tar.set(new TextEncoder().encode('ustar  \0'), 257);
    tar.set(new TextEncoder().encode('14723536651\0'), 345);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : tar[i]!;
    tar.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    expect(tarFiles(tar, 64).files.map((f) => f.path)).toEqual(['a.log']);
  });

  it('an archive cut short keeps the files before the cut and the part of the cut one there is; a header that does not add up stops the read', async () => {
    const tar = await tarOf([
      ['a.log', 'first\n'],
      ['b.log', 'second '.repeat(200)],
    ]);
    const cut = tarFiles(tar.subarray(0, 512 + 512 + 512 + 700), 64);
    expect(cut.damaged).toBe(true);
    expect(cut.files.map((f) => f.path)).toEqual(['a.log', 'b.log']);
    expect(text(cut.files[1]!)).toBe('second '.repeat(200).slice(0, 700));
    // cut inside the second header, and cut right after a file (no end blocks)
    expect(tarFiles(tar.subarray(0, 1024 + 100), 64)).toMatchObject({ damaged: true, files: [{ path: 'a.log' }] });
    expect(tarFiles(tar.subarray(0, 1024), 64)).toMatchObject({ damaged: true, files: [{ path: 'a.log' }] });
    const broken = Uint8Array.from(tar);
    broken[1024 + 10]! ^= 0xff; // a byte of b.log's header name: its checksum no longer holds
    expect(tarFiles(broken, 64)).toMatchObject({ damaged: true, files: [{ path: 'a.log' }] });
  });

  it('at most maxFiles files are kept, the rest counted', async () => {
    const tar = await tarOf(Array.from({ length: 5 }, (_, i): [string, string] => [`log${i}.txt`, `line ${i}\n`]));
    const r = tarFiles(tar, 3);
    expect(r.files.map((f) => f.path)).toEqual(['log0.txt', 'log1.txt', 'log2.txt']);
    expect(r).toMatchObject({ skipped: 2, damaged: false });
  });

  it('isTarStart: the magic and the checksum, not the name', async () => {
    const tar = await tarOf([['a.log', 'x\n']]);
    expect(isTarStart(tar.subarray(0, 511))).toBe(false);
    const wrongSum = Uint8Array.from(tar);
    wrongSum[0]! ^= 1;
    expect(isTarStart(wrongSum)).toBe(false);
    const text512 = new TextEncoder().encode('Nov 18 10:21:05 ustar '.repeat(30));
    expect(isTarStart(text512)).toBe(false);
  });
});
