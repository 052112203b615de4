import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../../test/support/tar-of';
import { archiveKind, MAX_ARCHIVE_LOGS, readServerLogFiles } from './server-log-archive';
import { readServerLogFile } from './server-log-file';

const PPPD = ['Feb 22 16:07:05 gw pppd[812]: MPPE required, but keys are not available.  Possible plugin problem?', 'Feb 22 16:07:06 gw pppd[812]: Connection terminated.', ''].join('\n');
const IOS = ['Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)', ''].join('\n');
const BINARY = Buffer.alloc(20_000, 7); // a wtmp: control bytes, more than the 8 KiB a log is judged by

const write = (name: string, bytes: Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-archive-')), name);
  writeFileSync(path, bytes);
  return path;
};
const withoutSource = <T extends { source: string }>(r: T) => ({ ...r, source: '' });

describe('a tar archive of logs (logs.tar.gz): each file inside read as a log of its own', () => {
  it('tar and tar.gz: one result per text file, named ARCHIVE/path, each read as the file alone is; folders, links, empty and binary files left out', async () => {
    const tar = await tarOf([
      { name: 'var/log/', type: 'directory' },
      ['var/log/wtmp', BINARY],
      ['var/log/syslog', PPPD],
      ['var/log/empty.log', ''],
      { name: 'var/log/current', type: 'symlink' },
      [`var/log/${'r'.repeat(120)}/router.log`, IOS], // past ustar's 100-character name: a pax header holds it
    ]);
    const alone = [await readServerLogFile(write('syslog', Buffer.from(PPPD))), await readServerLogFile(write('router.log', Buffer.from(IOS)))];
    for (const [name, bytes] of [['logs.tar', tar], ['logs.tar.gz', gzipSync(tar)]] as const) {
      const path = write(name, bytes);
      const logs = await readServerLogFiles(path);
      expect(logs.map((l) => l.source)).toEqual([`${path}/var/log/syslog`, `${path}/var/log/${'r'.repeat(120)}/router.log`]);
      expect(logs.map(withoutSource)).toEqual(alone.map(withoutSource));
      expect(logs[0]!.understood).toBe(2);
      expect(logs[1]!.entries[0]!.line).toBe(1); // its first line is its own, not glued to a tar header
    }
  });

  it('a plain log and a gzip log stay one result each; archiveKind knows the three', async () => {
    const plain = write('syslog', Buffer.from(PPPD));
    expect(await readServerLogFiles(plain)).toEqual([await readServerLogFile(plain)]);
    expect((await readServerLogFiles(write('syslog.2.gz', gzipSync(PPPD))))[0]!.understood).toBe(2);
    const tar = await tarOf([['a.log', PPPD]]);
    expect([archiveKind(tar), archiveKind(gzipSync(tar)), archiveKind(Buffer.from(PPPD)), archiveKind(gzipSync(PPPD))]).toEqual(['tar', 'tar.gz', undefined, undefined]);
    // a text whose 257th byte starts "ustar" is no archive: the header's checksum must add up
    const fake = Buffer.alloc(512, 0x20);
    fake.write('ustar', 257);
    expect(archiveKind(fake)).toBeUndefined();
  });

  it('a cut tar.gz keeps the logs read before the damage and marks the last; more than MAX_ARCHIVE_LOGS files are counted, not read', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => `Feb 22 16:07:${String(i % 60).padStart(2, '0')} gw pppd[${i}]: Connection terminated.`).join('\n');
    const packed = gzipSync(await tarOf([['a.log', PPPD], ['b.log', big]]));
    const logs = await readServerLogFiles(write('cut.tar.gz', packed.subarray(0, packed.length - 200)));
    expect(logs.map((l) => l.source.replace(/.*\//, ''))).toEqual(['a.log', 'b.log']);
    expect(logs[0]!.gzipDamaged).toBeUndefined();
    expect(logs[1]!.gzipDamaged).toBe(true);
    expect(logs[1]!.understood).toBeGreaterThan(1000);

    const many = await tarOf(Array.from({ length: MAX_ARCHIVE_LOGS + 3 }, (_, i): [string, string] => [`log${i}.txt`, PPPD]));
    const read = await readServerLogFiles(write('many.tar', many));
    expect(read).toHaveLength(MAX_ARCHIVE_LOGS);
    expect(read.at(-1)!.archive).toEqual({ path: expect.stringMatching(/many\.tar$/), skippedFiles: 3 });
    expect(read.slice(0, -1).every((l) => l.archive === undefined)).toBe(true);
  });

  it('the size cap counts the text of all files together; an archive of nothing but binary files says "binary"', async () => {
    const tar = await tarOf([['a.log', PPPD.repeat(50)], ['b.log', PPPD.repeat(50)], ['c.log', PPPD]]);
    const logs = await readServerLogFiles(write('logs.tar', tar), undefined, PPPD.length * 60);
    expect(logs.map((l) => l.cutAtBytes)).toEqual([undefined, PPPD.length * 60]);
    expect(logs[0]!.understood + logs[1]!.understood).toBeLessThanOrEqual(2 * 60);
    // a binary file's rest read past counts too: past the cap the archive's reading stops there
    const past = await readServerLogFiles(write('core.tar', await tarOf([['a.log', PPPD], ['core', Buffer.alloc(200_000, 7)], ['b.log', PPPD]])), undefined, 100_000);
    expect(past.map((l) => l.source.replace(/.*\//, ''))).toEqual(['a.log']);
    expect(past[0]!.archive).toEqual({ path: expect.stringMatching(/core\.tar$/), skippedFiles: 0, cutAtBytes: 100_000 });
    const binary = await readServerLogFiles(write('bin.tar', await tarOf([['wtmp', BINARY], ['btmp', BINARY]])));
    expect(binary.map((l) => l.verdict)).toEqual(['binary']);
  });
});
