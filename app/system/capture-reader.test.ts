import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../core/analyse';
import { problemMessage } from '../core/i18n/problem-text';
import { reportBundleFiles } from '../core/report/report-zip';
import { MAX_ARCHIVE_LOGS } from '../shared/limits';
import { CAPTURE_LIMITS, readCaptureDir, readCapped } from './capture-reader';
import { ReadBuffers } from './read-buffers';
import { tarOf } from '../../test/support/tar-of';
import { setMethod } from '../../test/support/zip-headers';

const GERMAN = '===========================================================================\r\nSchnittstellenliste\r\n 12...f8 e4 e3 5b 20 7c ......Intel(R) Wi-Fi 6 AX201 160MHz\r\n  1...........................Software Loopback Interface 1\r\n===========================================================================\r\n\r\nIPv4-Routentabelle\r\n===========================================================================\r\nAktive Routen:\r\n     Netzwerkziel    Netzwerkmaske          Gateway    Schnittstelle Metrik\r\n          0.0.0.0          0.0.0.0     192.168.1.1     192.168.1.20     35\r\n===========================================================================\r\nStändige Routen:\r\n  Keine\r\n';

function dir(files: Record<string, Buffer | string>): string {
  const d = mkdtempSync(join(tmpdir(), 'tm-cap-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

describe('readCaptureDir', () => {
  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GERMAN, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GERMAN, 'utf16le').swap16()]), 'utf-16be'],
    ['UTF-8', Buffer.from(GERMAN, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN, 'utf8')]), 'utf-8-bom'],
    ['OEM code page 850 (console redirection)', iconv.encode(GERMAN, 'cp850'), 'cp850'],
    ['UTF-16LE without BOM', Buffer.from(GERMAN, 'utf16le'), 'utf-16le'],
  ])('decodes %s so umlauts survive', async (_name, bytes, encoding) => {
    const cap = await readCaptureDir(dir({ 'route-print.txt': bytes }));
    const file = cap.files.get('route-print.txt')!;
    expect(file.encoding).toBe(encoding);
    expect(file.text).toContain('Ständige Routen:');
    const { report } = analyseCapture(cap, { toolVersion: 't' });
    expect(report.snapshot.routes).toHaveLength(1);
    expect(report.snapshot.problems).toEqual([]);
  });

  it('keeps files in name order, not in the order their reads finished (same capture, same report)', async () => {
    // the first-named log is large, so with parallel reads the small ones finish before it
    const big = 'Jan  1 00:00:00 gw pptpd[1]: CTRL: Client 203.0.113.9 control connection started\n'.repeat(60_000);
    const small = (i: number) => `Jan  1 00:00:0${i} gw pppd[2]: LCP: timeout sending Config-Requests\n`;
    const d = dir({ 'route-print.txt': GERMAN, 'server-logs/a.txt': big, 'server-logs/b.txt': small(1), 'server-logs/c.txt': small(2), 'server-logs/d.txt': small(3), 'registry/x.txt': '' });
    for (let run = 0; run < 3; run++) {
      const cap = await readCaptureDir(d);
      expect([...cap.files.keys()]).toEqual(['route-print.txt', 'registry/x.txt', 'server-logs/a.txt', 'server-logs/b.txt', 'server-logs/c.txt', 'server-logs/d.txt']);
      const { report } = analyseCapture(cap, { toolVersion: 't' });
      expect(report.serverLogs?.map((l) => l.source)).toEqual(['server-logs/a.txt', 'server-logs/b.txt', 'server-logs/c.txt', 'server-logs/d.txt']);
    }
  });

  it('uses the code page recorded in capture.json (866, Russian console)', async () => {
    const text = 'Список интерфейсов\r\n';
    const cap = await readCaptureDir(dir({ 'capture.json': JSON.stringify({ schemaVersion: 1, codepage: 866 }), 'ver.txt': iconv.encode(`Microsoft Windows [Версия 10.0.19045.3448]\r\n${text}`, 'cp866') }));
    expect(cap.files.get('ver.txt')!.text).toContain('Версия');
    expect(cap.files.get('ver.txt')!.encoding).toBe('cp866');
  });

  it('capture.json is read along with the other files: a large one still sets the code page, and its problems come first', async () => {
    // 4 MB of padding: the small files' reads finish before capture.json's
    const padded = (json: string) => `${json.slice(0, -1)}${' '.repeat(4 * 1024 * 1024)}}`;
    const slowMeta = dir({ 'capture.json': padded(JSON.stringify({ schemaVersion: 1, codepage: 866 })), 'ver.txt': iconv.encode('Microsoft Windows [Версия 10.0.19045.3448]\r\n', 'cp866') });
    const broken = dir({ 'capture.json': `{ nope${' '.repeat(4 * 1024 * 1024)}`, 'route-print.txt': GERMAN });
    // a folder where a file is expected, and a file where a folder is: problems of their own
    mkdirSync(join(broken, 'ver.txt'));
    writeFileSync(join(broken, 'registry'), 'x');
    for (let run = 0; run < 3; run++) {
      const cap = await readCaptureDir(slowMeta);
      expect(cap.meta.codepage).toBe(866);
      expect(cap.files.get('ver.txt')!.text).toContain('Версия');
      const problems = (await readCaptureDir(broken)).readProblems.map((p) => p.source);
      expect(problems).toEqual(['capture.json', 'registry', 'ver.txt']);
    }
  });

  it('LF and CRLF files give the same routes', async () => {
    const crlf = analyseCapture(await readCaptureDir(dir({ 'route-print.txt': GERMAN })), { toolVersion: 't' }).report.snapshot.routes;
    const lf = analyseCapture(await readCaptureDir(dir({ 'route-print.txt': GERMAN.replace(/\r\n/g, '\n') })), { toolVersion: 't' }).report.snapshot.routes;
    expect(lf.map((r) => [r.destination, r.gateway, r.metric])).toEqual(crlf.map((r) => [r.destination, r.gateway, r.metric]));
  });

  it('reports missing files as not collected, and a broken capture.json as a problem', async () => {
    const cap = await readCaptureDir(dir({ 'capture.json': '{ nope', 'route-print.txt': GERMAN }));
    const { report } = analyseCapture(cap, { toolVersion: 't' });
    expect(report.snapshot.files.notCollected).toEqual(['ver.txt', 'ipconfig-all.txt', 'netsh-interfaces.txt']);
    expect(report.snapshot.files.collected).toEqual(['route-print.txt']);
    expect(report.snapshot.problems).toEqual([{ source: 'capture.json', message: expect.stringContaining('not valid JSON'), code: 'capture.metaNotJson' }]);
  });

  it('names the capture.json fields that differ from what the collectors write, in the reader\'s language, never zod\'s English', async () => {
    const cap = await readCaptureDir(dir({ 'capture.json': JSON.stringify({ schemaVersion: 1, collectedAt: 20240501, codepage: -3 }), 'route-print.txt': GERMAN }));
    const [problem] = cap.readProblems;
    expect(problem).toMatchObject({ source: 'capture.json', code: 'capture.metaNotUnderstood', params: { fields: 'collectedAt, codepage' } });
    const nl = problemMessage(problem!, 'nl');
    expect(nl).toContain('collectedAt, codepage');
    // zod's words ("Invalid input: expected string, received number", "Too small") are not passed on
    expect(`${problem!.message} ${nl}`).not.toMatch(/invalid|expected|received|too small/i);
    const notObject = (await readCaptureDir(dir({ 'capture.json': '[1,2]' }))).readProblems[0];
    expect(notObject).toMatchObject({ code: 'capture.metaNotObject' });
    expect(problemMessage(notObject!, 'nl')).toContain('geen JSON-object');
  });

  it('reads registry/, pbk/ and powershell/ folders', async () => {
    const cap = await readCaptureDir(dir({ 'registry/winlogon.txt': 'x', 'pbk/rasphone.pbk': '[VPN]\r\n', 'powershell/vpn.json': '[]' }));
    expect([...cap.files.keys()].sort()).toEqual(['pbk/rasphone.pbk', 'powershell/vpn.json', 'registry/winlogon.txt']);
  });
});

describe("a capture's server-logs/*.gz (logrotate's syslog.2.gz): read through its decompression", () => {
  const LOG = ['Mar  3 09:12:01 vpn1 pptpd[812]: CTRL: Client 203.0.113.9 control connection started', 'Mar  3 09:12:02 vpn1 pppd[813]: LCP: timeout sending Config-Requests', 'Mar  3 09:12:09 vpn1 pppd[813]: Connection terminated.', ''].join('\n');
  const read = async (files: Record<string, Buffer | string>, limits = CAPTURE_LIMITS) => {
    const cap = await readCaptureDir(dir(files), 'capture', limits);
    return { cap, report: analyseCapture(cap, { toolVersion: 't' }).report };
  };

  it('reads as the plain file does (members one after the other too), its source the name on disk; the bundle stores its text as ….gz.txt', async () => {
    const [half1, half2] = [LOG.slice(0, LOG.indexOf('\n') + 1), LOG.slice(LOG.indexOf('\n') + 1)];
    const plain = await read({ 'server-logs/syslog.2': LOG });
    const packed = await read({ 'server-logs/syslog.2.gz': gzipSync(LOG), 'server-logs/syslog.3.gz': Buffer.concat([gzipSync(half1), gzipSync(half2)]) });
    const [two, three] = packed.report.serverLogs!;
    const { source: _, ...asPlain } = plain.report.serverLogs![0]!;
    expect(two!.source).toBe('server-logs/syslog.2.gz');
    expect({ ...two!, source: undefined }).toEqual({ ...asPlain, source: undefined });
    expect({ ...three!, source: undefined }).toEqual({ ...asPlain, source: undefined });
    expect(two!.understood).toBe(3);
    expect(packed.cap.files.get('server-logs/syslog.2.gz')!.encoding).toBe('gzip+utf-8');
    expect(packed.cap.readProblems).toEqual([]);
    const names = reportBundleFiles({ report: packed.report, capture: packed.cap }).map((f) => f.name);
    expect(names).toContain('capture/server-logs/syslog.2.gz.txt');
    expect(names).not.toContain('capture/server-logs/syslog.2.gz');
  });

  it('a file cut short keeps the lines before the damage and says so; a gzip file outside server-logs/ is left as bytes', async () => {
    const whole = gzipSync(LOG.repeat(200));
    const { cap, report } = await read({ 'server-logs/cut.gz': whole.subarray(0, whole.length - 40), 'registry/x.gz': gzipSync('x') });
    const log = report.serverLogs![0]!;
    expect(log.understood).toBeGreaterThan(400);
    expect(log.understood).toBeLessThan(600);
    expect(cap.readProblems).toEqual([expect.objectContaining({ source: 'server-logs/cut.gz', code: 'capture.gzipDamaged' })]);
    expect(cap.readProblems[0]).not.toHaveProperty('unreadable');
    expect(problemMessage(cap.readProblems[0]!, 'nl')).toContain('beschadigd');
    expect(cap.files.get('registry/x.gz')!.encoding).not.toMatch(/^gzip/);
  });

  it('a tar archive in server-logs/ (logs.tar, logs.tar.gz): each text file a log of its own, named ARCHIVE/path, read as the file alone; binary and empty files left out; the bundle keeps each as one file of server-logs/', async () => {
    const tar = await tarOf([
      ['var/log/wtmp', Buffer.alloc(9000, 7)],
      ['var/log/syslog', Buffer.from(LOG)],
      ['var/log/empty.log', Buffer.alloc(0)],
      ['router/console.txt', Buffer.from(LOG.split('\n')[0]! + '\n')],
    ]);
    const alone = (await read({ 'server-logs/syslog': LOG })).report.serverLogs![0]!;
    const { cap, report } = await read({ 'server-logs/logs.tar': tar, 'server-logs/logs.tar.gz': gzipSync(tar) });
    expect([...cap.files.keys()].filter((n) => n.startsWith('server-logs/'))).toEqual([
      'server-logs/logs.tar/var/log/syslog',
      'server-logs/logs.tar/router/console.txt',
      'server-logs/logs.tar.gz/var/log/syslog',
      'server-logs/logs.tar.gz/router/console.txt',
    ]);
    expect(cap.files.get('server-logs/logs.tar.gz/var/log/syslog')!.encoding).toBe('tar+gzip+utf-8');
    expect(cap.files.get('server-logs/logs.tar/var/log/syslog')!.encoding).toBe('tar+utf-8');
    expect(cap.readProblems).toEqual([]);
    const syslog = report.serverLogs!.find((l) => l.source === 'server-logs/logs.tar/var/log/syslog')!;
    expect({ ...syslog, source: undefined }).toEqual({ ...alone, source: undefined });
    expect(syslog.entries[0]!.line).toBe(1); // its first line its own, not glued to a tar header
    const names = reportBundleFiles({ report, capture: cap }).map((f) => f.name);
    expect(names).toContain('capture/server-logs/logs.tar.gz_var_log_syslog.txt');
    expect(names.filter((n) => n.startsWith('capture/server-logs/')).every((n) => n.split('/').length === 3)).toBe(true);
  });

  it('a ZIP archive in server-logs/ (logs.zip): each text file a log of its own, read as the file alone; a file that will not unpack is a problem (en, nl); the bundle keeps each as one file of server-logs/', async () => {
    const zip = zipSync({ 'logs\\syslog': strToU8(LOG), wtmp: new Uint8Array(9000).fill(7), 'bzip2.log': strToU8(LOG) });
    // the third file packed by bzip2 (method 12), which fflate does not unpack
    setMethod(zip, 2, 12);
    const alone = (await read({ 'server-logs/syslog': LOG })).report.serverLogs![0]!;
    const { cap, report } = await read({ 'server-logs/logs.zip': Buffer.from(zip) });
    // (a ZIP written on Windows may put `\\` between folders: read as `/`)
    expect([...cap.files.keys()].filter((n) => n.startsWith('server-logs/'))).toEqual(['server-logs/logs.zip/logs/syslog']);
    expect(cap.files.get('server-logs/logs.zip/logs/syslog')!.encoding).toBe('zip+utf-8');
    expect(cap.readProblems).toEqual([expect.objectContaining({ source: 'server-logs/logs.zip', code: 'capture.archiveUnreadable', params: { count: 1 } })]);
    expect(problemMessage(cap.readProblems[0]!, 'nl')).toContain('niet konden worden uitgepakt');
    const syslog = report.serverLogs!.find((l) => l.source === 'server-logs/logs.zip/logs/syslog')!;
    expect({ ...syslog, source: undefined }).toEqual({ ...alone, source: undefined });
    expect(reportBundleFiles({ report, capture: cap }).map((f) => f.name)).toContain('capture/server-logs/logs.zip_logs_syslog.txt');
  });

  it('a cut archive keeps the files before the cut and says so; files past MAX_ARCHIVE_LOGS are counted in a problem', async () => {
    const tar = await tarOf([
      ['a.log', Buffer.from(LOG)],
      ['b.log', Buffer.from(LOG.repeat(50))],
    ]);
    const cut = await read({ 'server-logs/cut.tar': tar.subarray(0, 2048) });
    expect([...cut.cap.files.keys()].filter((n) => n.startsWith('server-logs/'))).toEqual(['server-logs/cut.tar/a.log', 'server-logs/cut.tar/b.log']);
    expect(cut.cap.readProblems).toEqual([expect.objectContaining({ source: 'server-logs/cut.tar', code: 'capture.archiveCut' })]);
    expect(problemMessage(cut.cap.readProblems[0]!, 'nl')).toContain('archief');
    // a cut .tar.gz: the gzip reader's problem says it, once
    const packed = gzipSync(tar);
    const cutGz = await read({ 'server-logs/cut.tar.gz': packed.subarray(0, packed.length - 30) });
    expect(cutGz.cap.readProblems.map((p) => p.code)).toEqual(['capture.gzipDamaged']);
    // unpacked past the per-file limit inside its second file: the limit's problem alone says why it ends there
    const big = await tarOf([['a.log', Buffer.from(LOG)], ['b.log', Buffer.from(LOG.repeat(200))]]);
    const capped1 = await read({ 'server-logs/big.tar.gz': gzipSync(big) }, { ...CAPTURE_LIMITS, maxFileBytes: 8192 });
    expect(capped1.cap.readProblems.map((p) => p.code)).toEqual(['capture.unpackedCut']);
    expect([...capped1.cap.files.keys()].filter((n) => n.startsWith('server-logs/'))).toEqual(['server-logs/big.tar.gz/a.log', 'server-logs/big.tar.gz/b.log']);
    const many = await tarOf(Array.from({ length: MAX_ARCHIVE_LOGS + 3 }, (_, i) => [`log${i}.txt`, Buffer.from(LOG)] as [string, Buffer]));
    const capped = await read({ 'server-logs/many.tar': many });
    expect([...capped.cap.files.keys()].filter((n) => n.startsWith('server-logs/'))).toHaveLength(MAX_ARCHIVE_LOGS);
    expect(capped.cap.readProblems).toEqual([expect.objectContaining({ code: 'capture.archiveFilesSkipped', params: { count: 3, max: MAX_ARCHIVE_LOGS } })]);
  });

  it('a small file that unpacks past the per-file limit stops there, and unpacked bytes count against the whole capture', async () => {
    const bomb = gzipSync(LOG.repeat(40_000)); // ≈ 7 MB of text from ≈ 30 KB
    const limits = { ...CAPTURE_LIMITS, maxFileBytes: 1024 * 1024, maxTotalBytes: 1536 * 1024 };
    const { cap } = await read({ 'server-logs/a.gz': bomb, 'server-logs/b.gz': bomb }, limits);
    const [a, b] = [cap.files.get('server-logs/a.gz')!.text.length, cap.files.get('server-logs/b.gz')!.text.length];
    expect(Math.max(a, b)).toBeLessThanOrEqual(1024 * 1024);
    expect(a + b).toBeLessThanOrEqual(1536 * 1024);
    expect(cap.readProblems.map((p) => p.code)).toEqual(['capture.unpackedCut', 'capture.unpackedCut']);
  });
});

describe('readCapped: one read when the file is the size stat gave, read on to the end otherwise', () => {
  /** a file handle over `content` whose reads give at most `perRead` bytes, counting its reads */
  const handle = (content: Buffer, perRead = Infinity) => {
    let at = 0;
    const fh = {
      reads: 0,
      read: async (buffer: Buffer, offset: number, length: number) => {
        fh.reads++;
        const n = Math.min(length, perRead, content.length - at);
        content.copy(buffer, offset, at, at + n);
        at += n;
        return { bytesRead: n, buffer };
      },
    };
    return fh;
  };
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => i % 251));

  it('a file of exactly its stat size: one read', async () => {
    const fh = handle(bytes(1000));
    expect(Buffer.from((await readCapped(fh as never, 1 << 20, 1000))!)).toEqual(bytes(1000));
    expect(fh.reads).toBe(1);
  });

  it('a file that grew after stat, one that shrank, one that says size 0 (/proc), short reads: read whole', async () => {
    expect(Buffer.from((await readCapped(handle(bytes(1500)) as never, 1 << 20, 1000))!)).toEqual(bytes(1500));
    expect(Buffer.from((await readCapped(handle(bytes(600)) as never, 1 << 20, 1000))!)).toEqual(bytes(600));
    expect(Buffer.from((await readCapped(handle(bytes(3000)) as never, 1 << 20, 0))!)).toEqual(bytes(3000));
    expect(Buffer.from((await readCapped(handle(bytes(3000), 700) as never, 1 << 20, 3000))!)).toEqual(bytes(3000));
  });

  it('past the cap: null', async () => {
    expect(await readCapped(handle(bytes(5000)) as never, 4000, 3000)).toBeNull();
  });

  it('into kept buffers: each read gives exactly its own bytes, and every lent buffer comes back, whatever the file did', async () => {
    const buffers = new ReadBuffers(100, 1, 60_000);
    const lent = spyOn(buffers);
    const big = Buffer.alloc(3000, 0x61);
    // a large file, given back; then a smaller one in the same kept buffer: none of the first one's bytes after its end
    const a = (await readCapped(handle(big) as never, 1 << 20, 3000, buffers))!;
    expect(Buffer.from(a)).toEqual(big);
    buffers.give(a);
    const b = (await readCapped(handle(bytes(1000)) as never, 1 << 20, 1000, buffers))!;
    expect(Buffer.from(b)).toEqual(bytes(1000));
    expect(b.buffer).toBe(a.buffer); // the kept one, not a new one
    buffers.give(b);
    // grew (a copy is returned: the kept buffer goes back at once), past the cap, a read that throws
    expect(Buffer.from((await readCapped(handle(bytes(1500)) as never, 1 << 20, 1000, buffers))!)).toEqual(bytes(1500));
    expect(await readCapped(handle(bytes(5000)) as never, 4000, 3000, buffers)).toBeNull();
    await expect(readCapped({ read: async () => Promise.reject(new Error('EIO')) } as never, 1 << 20, 1000, buffers)).rejects.toThrow('EIO');
    expect(lent()).toBe(0);
    // two lent at once: two buffers, never the same memory
    const c = buffers.take(500)!;
    const d = buffers.take(500)!;
    expect(c.buffer).not.toBe(d.buffer);
    // small sizes are not lent
    expect(buffers.take(99)).toBeUndefined();
  });
});

/** how many buffers `buffers` has lent and not had back */
function spyOn(buffers: ReadBuffers): () => number {
  return () => (buffers as unknown as { lent: Set<unknown> }).lent.size;
}

describe('readCaptureDir reads by the folder listings, links still by lstat and realpath', () => {
  it('absent names are absent, plain files and folders are read, a link inside the capture is followed', async () => {
    const d = dir({ 'ver.txt': 'Microsoft Windows [Version 10.0.19045.3448]\r\n', 'registry/a.txt': 'x', 'server-logs/real.txt': 'Jan  1 00:00:00 gw pppd[2]: LCP: timeout sending Config-Requests\n' });
    symlinkSync(join(d, 'ver.txt'), join(d, 'systeminfo.txt'));
    symlinkSync(join(d, 'server-logs'), join(d, 'pbk'));
    const cap = await readCaptureDir(d);
    expect([...cap.files.keys()]).toEqual(['ver.txt', 'systeminfo.txt', 'registry/a.txt', 'pbk/real.txt', 'server-logs/real.txt']);
    expect(cap.files.get('systeminfo.txt')!.text).toBe(cap.files.get('ver.txt')!.text);
    expect(cap.readProblems).toEqual([]);
  });
});

describe('a capture file named in another case', () => {
  it('is read where the file system ignores case, and not where it does not (as lstat alone decided before)', async () => {
    const d = dir({ 'Route-Print.txt': GERMAN });
    const caseInsensitive = existsSync(join(d, 'route-print.txt'));
    const cap = await readCaptureDir(d);
    expect(cap.files.has('route-print.txt')).toBe(caseInsensitive);
    expect(cap.readProblems).toEqual([]);
  });
});

