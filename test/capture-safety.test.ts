import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { buildReportZip } from '../app/core/report/report-zip';
import { CAPTURE_LIMITS, readCaptureDir } from '../app/system/capture-reader';
import { UsageError } from '../app/system/errors';
import { resolveInput, scanInput } from '../app/system/input';

/**
 * Issue 12 items 9, 10, 13, 14 (reader part) and the UTF-16 capture.json: a capture is untrusted
 * input. Budget: ≈ 10 s (one child process as `nobody`, one with a 64-handle limit).
 */

const ROOT = join(import.meta.dirname, '..');
const ROUTE_PRINT = readFileSync(join(ROOT, 'samples/demo/route-print.txt'));

function capture(files: Record<string, string | Buffer> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'tm-safe-'));
  for (const [name, content] of Object.entries({ 'route-print.txt': ROUTE_PRINT, ...files })) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

/** A secret outside every capture, as /etc/shadow would be. */
function secretFile(): { path: string; secret: string } {
  const secret = `root:$6$SECRET-${Math.random().toString(36).slice(2)}:19000:0:99999:7:::`;
  const path = join(mkdtempSync(join(tmpdir(), 'tm-secret-')), 'shadow');
  writeFileSync(path, `${secret}\n`);
  return { path, secret };
}

const problemFor = (cap: Awaited<ReturnType<typeof readCaptureDir>>, source: string) => cap.readProblems.find((p) => p.source === source);

describe('links and special files (item 9)', () => {
  it('a link out of the capture is never read, and never lands in the redacted zip', async () => {
    const { path, secret } = secretFile();
    const dir = capture();
    symlinkSync(path, join(dir, 'ipconfig-all.txt'));
    mkdirSync(join(dir, 'registry'));
    symlinkSync(path, join(dir, 'registry', 'winlogon.txt'));
    symlinkSync('/etc/passwd', join(dir, 'registry', 'passwd.txt'));
    symlinkSync('/proc/self/environ', join(dir, 'registry', 'environ.txt'));
    // a folder that is a link out of the capture
    symlinkSync(join(path, '..'), join(dir, 'pbk'));

    const cap = await readCaptureDir(dir);
    expect([...cap.files.keys()]).toEqual(['route-print.txt']);
    for (const name of ['ipconfig-all.txt', 'registry/winlogon.txt', 'registry/passwd.txt', 'registry/environ.txt', 'pbk']) {
      expect(problemFor(cap, name), name).toMatchObject({ message: expect.stringMatching(/link that leads out of the capture/), unreadable: true });
    }
    const { report } = analyseCapture(cap, { toolVersion: 't' });
    for (const redact of [true, false]) {
      const zip = unzipSync(buildReportZip({ report, capture: cap, redact }));
      for (const [name, bytes] of Object.entries(zip)) {
        const text = strFromU8(bytes);
        expect(text, name).not.toContain(secret);
        expect(text, name).not.toMatch(/root:x:0:0:/);
      }
    }
  });

  it('a link that stays inside the capture is read', async () => {
    const dir = capture({ 'registry/real.txt': 'x' });
    symlinkSync('../route-print.txt', join(dir, 'registry', 'copy.txt'));
    const cap = await readCaptureDir(dir);
    expect(cap.files.get('registry/copy.txt')?.text).toBe(cap.files.get('route-print.txt')?.text);
  });

  it('FIFOs, devices and sockets are not opened (no hang), a dangling link and a folder named like a file are problems', async () => {
    const dir = capture({ 'registry/ok.txt': 'x' });
    execFileSync('mkfifo', [join(dir, 'ipconfig-all.txt')]);
    execFileSync('mkfifo', [join(dir, 'registry', 'fifo.txt')]);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'ver.txt'));
    mkdirSync(join(dir, 'lmhosts'));
    // a character device inside the capture (root may mknod; /dev/zero is 1,5)
    const made = spawnSync('mknod', [join(dir, 'registry', 'zero.txt'), 'c', '1', '5']).status === 0;
    const cap = await readCaptureDir(dir);
    expect(problemFor(cap, 'ipconfig-all.txt')?.message).toMatch(/not a regular file \(a FIFO\)/);
    expect(problemFor(cap, 'registry/fifo.txt')?.message).toMatch(/FIFO/);
    expect(problemFor(cap, 'ver.txt')?.message).toMatch(/link to nothing/);
    expect(problemFor(cap, 'lmhosts')?.message).toMatch(/folder where a file was expected/);
    if (made) expect(problemFor(cap, 'registry/zero.txt')?.message).toMatch(/a device/);
    expect([...cap.files.keys()].sort()).toEqual(['registry/ok.txt', 'route-print.txt']);
  });
});

describe('limits on input (item 9)', () => {
  it('a file over the per-file limit is skipped unread (sparse 60 MB files: 40 of them cost no memory)', async () => {
    const dir = capture();
    mkdirSync(join(dir, 'registry'));
    for (let i = 0; i < 40; i++) {
      const fd = openSync(join(dir, 'registry', `big-${i}.reg`), 'w');
      execFileSync('truncate', ['-s', '60M', join(dir, 'registry', `big-${i}.reg`)]);
      closeSync(fd);
    }
    const before = process.memoryUsage().rss;
    const cap = await readCaptureDir(dir);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(cap.files.size).toBe(1);
    expect(cap.readProblems.filter((p) => /over the limit of 33554432 bytes per file/.test(p.message))).toHaveLength(40);
  });

  it('the total-bytes and file-count limits skip the rest with a problem', async () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`registry/k${i}.txt`, 'A'.repeat(1000)]));
    const dir = capture(files);
    const bytes = await readCaptureDir(dir, 'capture', { ...CAPTURE_LIMITS, maxTotalBytes: ROUTE_PRINT.length + 3500 });
    expect(bytes.files.size).toBe(4);
    expect(bytes.readProblems.filter((p) => /for the whole capture/.test(p.message))).toHaveLength(7);
    const count = await readCaptureDir(dir, 'capture', { ...CAPTURE_LIMITS, maxFiles: 5 });
    expect(count.files.size).toBe(5);
    expect(count.readProblems.filter((p) => /limit of 5 files|more than 5 files/.test(p.message))).toHaveLength(2);
  });

  it('which files an over-limit capture keeps does not depend on which read finishes first: the first in name order', async () => {
    // registry/k0.txt is a link inside the capture: resolving it takes more calls than the plain
    // files after it, so a reader deciding in finishing order kept a later file instead of it
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`registry/k${String(i).padStart(2, '0')}.txt`, 'A'.repeat(1000)]));
    const dir = capture({ ...files, 'kept/k00.txt': 'B'.repeat(1000) });
    execFileSync('rm', [join(dir, 'registry/k00.txt')]);
    symlinkSync(join(dir, 'kept/k00.txt'), join(dir, 'registry/k00.txt'));
    const limits = { ...CAPTURE_LIMITS, maxTotalBytes: ROUTE_PRINT.length + 3500 };
    for (let run = 0; run < 10; run++) {
      const cap = await readCaptureDir(dir, 'capture', limits);
      expect([...cap.files.keys()]).toEqual(['route-print.txt', 'registry/k00.txt', 'registry/k01.txt', 'registry/k02.txt']);
      expect(cap.readProblems.map((p) => p.source)).toEqual(Array.from({ length: 9 }, (_, i) => `registry/k${String(i + 3).padStart(2, '0')}.txt`));
      const counted = await readCaptureDir(dir, 'capture', { ...CAPTURE_LIMITS, maxFiles: 3 });
      expect([...counted.files.keys()]).toEqual(['route-print.txt', 'registry/k00.txt', 'registry/k01.txt']);
      expect(counted.readProblems[0]!.source).toBe('registry/k02.txt');
    }
  });

  it('thousands of registry files are read with a bounded number of open files (no EMFILE)', () => {
    const files = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`registry/k${i}.txt`, `reg query "HKLM\\SOFTWARE\\K${i}"\r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\K${i}\r\n    V    REG_DWORD    0x${i.toString(16)}\r\n`]));
    const dir = capture(files);
    // a child with 256 file handles (room for Node and tsx themselves): unbounded parallel reads of 1 200 files die with EMFILE there
    const script = `import { readCaptureDir } from ${JSON.stringify(join(ROOT, 'app/system/capture-reader.ts'))};
      const cap = await readCaptureDir(${JSON.stringify(dir)});
      console.log(JSON.stringify({ files: cap.files.size, problems: cap.readProblems }));`;
    const r = spawnSync('sh', ['-c', `ulimit -n 256 && exec "${process.execPath}" --import tsx/esm --input-type=module -e "$0"`, script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/EMFILE/);
    expect(JSON.parse(r.stdout)).toEqual({ files: 1201, problems: [] });
  }, 60_000);
});

describe('unreadable files are named, the rest is analysed (item 13)', () => {
  // Tests run as root, which chmod 000 does not stop: the reader runs in a child process as
  // `nobody` (uid 65534), where a mode-000 file and folder really fail with EACCES.
  it('as an unprivileged user: a chmod-000 file, registry/ folder and capture.json', () => {
    const dir = capture({ 'ipconfig-all.txt': readFileSync(join(ROOT, 'samples/demo/ipconfig-all.txt')), 'capture.json': '{"schemaVersion":1}', 'registry/winlogon.txt': 'x' });
    chmodSync(dir, 0o755);
    for (const f of ['route-print.txt', 'capture.json']) chmodSync(join(dir, f), 0o000);
    chmodSync(join(dir, 'registry'), 0o000);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/tunnelmedic.cjs'), 'scan', '--capture', dir, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      // as root: drop to nobody; as anyone else, mode 000 already stops the reader
      ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
      timeout: 60_000,
      env: { ...process.env, TUNNELMEDIC_FROM_SOURCE: '1', HOME: dir, TUNNELMEDIC_DATA_DIR: join(tmpdir(), 'tm-nobody-data'), TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
    });
    expect(r.stderr).not.toMatch(/unexpected error/);
    const report = JSON.parse(r.stdout);
    const problems = report.snapshot.problems as { source: string; message: string }[];
    const unreadable = { message: 'could not be read (EACCES)', code: 'capture.notReadable', params: { error: 'EACCES' } };
    expect(problems).toContainEqual({ source: 'route-print.txt', ...unreadable });
    expect(problems).toContainEqual({ source: 'capture.json', ...unreadable });
    expect(problems).toContainEqual({ source: 'registry/', message: expect.stringContaining('could not be listed (EACCES)'), code: 'capture.folderNotListed', params: { error: 'EACCES' } });
    for (const name of ['route-print.txt', 'capture.json', 'registry/']) expect(r.stderr).toContain(`${dir}/${name}`);
    // the rest was analysed
    expect(report.snapshot.interfaces.length).toBeGreaterThan(0);
  }, 60_000);

  it('an unreadable file among readable ones does not abort the scan', async () => {
    const dir = capture({ 'ver.txt': 'Microsoft Windows [Version 10.0.19045.5131]\r\n' });
    execFileSync('mkfifo', [join(dir, 'ipconfig-all.txt')]);
    const input = await resolveInput({ capture: dir, dataDir: tmpdir() });
    const { report, unreadableFiles } = await scanInput(input);
    expect(unreadableFiles).toContain('ipconfig-all.txt');
    expect(report.snapshot.routes.length).toBeGreaterThan(0);
  });
});

describe('nothing understood is bad input (item 10)', () => {
  it.each([
    ['garbage files and a registry/ folder of garbage', { 'route-print.txt': 'lorem ipsum\r\n', 'ver.txt': 'dolor\r\n', 'registry/winlogon.txt': 'sit amet\r\n', 'registry/x.reg': 'consectetur\r\n' }],
    ['a garbage LMHOSTS and registry export', { 'route-print.txt': 'lorem\r\n', 'lmhosts': 'not an address here\r\nneither here\r\n', 'registry/x.reg': '[nonsense]\r\n' }],
  ])('%s → UsageError (exit 4)', async (_name, files) => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-garbage-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const input = await resolveInput({ capture: dir, dataDir: tmpdir() });
    await expect(scanInput(input)).rejects.toThrow(UsageError);
    await expect(scanInput(input)).rejects.toThrow(/could be understood/);
  });

  it('a capture whose files all could not be read says so (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-unread-'));
    execFileSync('mkfifo', [join(dir, 'route-print.txt')]);
    const input = await resolveInput({ capture: dir, dataDir: tmpdir() });
    await expect(scanInput(input)).rejects.toThrow(/could be read:\n {2}route-print.txt: not a regular file/);
  });

  it('one understood registry key is enough', async () => {
    const dir = capture({ 'route-print.txt': 'lorem\r\n', 'registry/netbt.txt': 'reg query "HKLM\\SYSTEM\\X" /v Y\r\n\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\X\r\n    Y    REG_DWORD    0x1\r\n' });
    const input = await resolveInput({ capture: dir, dataDir: tmpdir() });
    await expect(scanInput(input)).resolves.toBeDefined();
  });
});

describe('capture.json in UTF-16 (Low)', () => {
  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"schemaVersion":1,"codepage":866}', 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from('{"schemaVersion":1,"codepage":866}', 'utf16le')],
    ['UTF-8 with BOM', Buffer.from('\uFEFF{"schemaVersion":1,"codepage":866}', 'utf8')],
  ])('%s is understood', async (_name, bytes) => {
    const cap = await readCaptureDir(capture({ 'capture.json': bytes }));
    expect(cap.readProblems).toEqual([]);
    expect(cap.meta.codepage).toBe(866);
  });
});
