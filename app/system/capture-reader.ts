import { constants } from 'node:fs';
import type { Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { CAPTURE_FILES, CAPTURE_FOLDERS, CaptureMetaSchema, GZIP_ENCODING, TAR_ENCODING, ZIP_ENCODING, type Capture, type CaptureFile, type CaptureMeta } from '../core/capture/capture';
import { decodeCaptureBytes } from '../core/capture/decode';
import { problemAt } from '../core/model/problems';
import type { ProblemCode, ProblemParams, ProblemPart } from '../core/i18n/problem-text';
import { usageError } from './error-text';
import { ReadBuffers } from './read-buffers';
import { unpackGzip } from './unpack-gzip';
import { MAX_ARCHIVE_LOGS } from '../shared/limits';
import { archiveLogs, isTarStart } from '../shared/tar-files';
import { isZipStart, zipLogs } from '../shared/zip-files';
import { archivedPath } from '../shared/log-label';
import { isGzipStart } from '../shared/text-encoding';

/**
 * Limits on what one capture may make us read (README "Security → limits on input"). A capture
 * is untrusted input: over a limit a file is skipped with a problem, never read into memory.
 */
export const CAPTURE_LIMITS = {
  /** one file; the largest real capture file (20 000 routes) is about 2 MB */
  maxFileBytes: 32 * 1024 * 1024,
  /** all files together */
  maxTotalBytes: 128 * 1024 * 1024,
  /** files read from one capture (the fixed names plus registry/, pbk/, powershell/) */
  maxFiles: 2000,
  /** files open at the same time: a capture of thousands of files must not run out of handles (EMFILE) */
  concurrency: 8,
} as const;

/** Files of 1 MiB and more (a large route print, LMHOSTS) are read into kept buffers: see ReadBuffers. */
const LARGE_FILE_BUFFERS = new ReadBuffers(1024 * 1024, 2, 30_000);

export type CaptureLimits = { readonly [K in keyof typeof CAPTURE_LIMITS]: number };
type Limits = CaptureLimits;
type ReadProblem = Capture['readProblems'][number];

const SERVER_LOGS = 'server-logs/';

// O_NOFOLLOW: a link swapped in after the checks is not followed; O_NONBLOCK: opening a FIFO does
// not wait for a writer. Windows has neither flag (0): there the realpath check alone applies.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a capture directory (DESIGN.md "Capture directory"). Missing files are simply absent.
 * Never follows a link out of the capture folder, never reads devices, FIFOs or sockets, stays
 * within CAPTURE_LIMITS; every file it could not or would not read is named in `readProblems`
 * (marked `unreadable`), and the rest is read.
 */
export async function readCaptureDir(dir: string, origin: Capture['origin'] = 'capture', limits: Limits = CAPTURE_LIMITS): Promise<Capture> {
  // Each of these is a round trip through libuv's thread pool (≈ 0.1 ms here, bench row 1): the
  // folder's kind, its real path and its listing are asked at once, and capture.json is read along
  // with the other files (only their decoding waits for its code page).
  const [info, root, listing] = await Promise.all([
    stat(dir).catch(() => null),
    realpath(dir).catch(() => null),
    readdir(dir, { withFileTypes: true }).catch(() => null),
  ]);
  if (!info) throw usageError('engineError.captureNotFound', { dir });
  if (!info.isDirectory()) throw usageError('engineError.captureIsFile', { dir });
  // gone between the questions
  if (root === null) throw usageError('engineError.captureNotFound', { dir });
  const reader = new BoundedReader(root, limits);
  if (listing) reader.learnListing('', listing);

  // read first, so its limit decision still comes first (BoundedReader.read)
  const metaBytes = reader.read('capture.json');
  const metaProblems: ReadProblem[] = [];
  const metaRead = metaBytes.then((bytes) => parseMeta(bytes, metaProblems));
  const codepageRead = metaRead.then((meta) => meta.codepage ?? 850);
  const files = new Map<string, CaptureFile>();
  /** the text files of a tar archive in server-logs/, by the archive's name (archiveFiles) */
  const archives = new Map<string, CaptureFile[]>();
  const add = async (name: string) => {
    const bytes = await reader.read(name, LARGE_FILE_BUFFERS);
    if (!bytes) return;
    try {
      // a server's rotated log as logrotate leaves it (syslog.2.gz): its text is what is read (encoding `gzip+…`)
      const packed = name.startsWith(SERVER_LOGS) && isGzipStart(bytes);
      const unpacked = packed ? await reader.unpack(name, bytes) : bytes;
      // a tar archive of logs (logs.tar, logs.tar.gz): each text file inside a capture file of its own
      if (name.startsWith(SERVER_LOGS) && isTarStart(unpacked)) {
        archives.set(name, archiveFiles(name, unpacked, packed, await codepageRead, reader.problems));
        return;
      }
      // a ZIP archive of logs (Windows' "Send to → Compressed (zipped) folder"): the same, its unpacked bytes bounded as one file's
      if (name.startsWith(SERVER_LOGS) && !packed && isZipStart(unpacked)) {
        archives.set(name, zipArchiveFiles(name, unpacked, limits.maxFileBytes, await codepageRead, reader.problems));
        return;
      }
      // (decoding copies the bytes into a string: the buffer may then be given back)
      const { text, encoding } = decodeCaptureBytes(unpacked, await codepageRead);
      files.set(name, { name, text, encoding: packed ? `${GZIP_ENCODING}${encoding}` : encoding });
    } finally {
      LARGE_FILE_BUFFERS.give(bytes);
    }
  };

  const names: string[] = [...Object.values(CAPTURE_FILES)];
  for (const folder of CAPTURE_FOLDERS) for (const name of await reader.list(folder)) names.push(name);
  await inPool(names, limits.concurrency, add);
  const meta = await metaRead;
  const codepage = await codepageRead;
  // Reads finish in any order; the capture (and so the report: server-log explanations, the bundle's
  // files) must not depend on which came first (issue 16.4: same input, same bytes).
  const inNameOrder = new Map<string, CaptureFile>();
  for (const name of names) {
    const file = files.get(name);
    if (file) inNameOrder.set(name, file);
    for (const inside of archives.get(name) ?? []) inNameOrder.set(inside.name, inside);
  }
  // capture.json's problems first (its read ran along with the others), then by name; the rest
  // (a folder that could not be listed) in the order they were found, which does not depend on timing
  const rank = new Map<string, number>([['capture.json', -2], ...names.map((name, i): [string, number] => [name, i])]);
  reader.problems.push(...metaProblems);
  reader.problems.sort((a, b) => (rank.get(a.source) ?? -1) - (rank.get(b.source) ?? -1));

  // scripts/collect.cmd and collect.bat list what they could not collect, one "file: reason" a line
  const recorded = await reader.read('not-collected.txt');
  const notCollected = recorded ? decodeCaptureBytes(recorded, codepage).text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [];
  const fromMeta = Array.isArray(meta.notCollected) ? meta.notCollected.filter((x): x is string => typeof x === 'string') : [];
  reader.finish();
  return { origin, label: dir, meta, files: inNameOrder, readProblems: reader.problems, notCollected: [...new Set([...notCollected, ...fromMeta])] };
}

/**
 * A tar archive's text files as capture files (`server-logs/logs.tar.gz/var/log/syslog`, encoding `tar+…`), in archive order, as
 * explain-log reads one (app/system/server-log-archive.ts): empty and binary files (wtmp) left out unless nothing else is there (the
 * first then stands for the archive, so its log's verdict says what it held), at most MAX_ARCHIVE_LOGS (the rest in a problem), a
 * cut archive's files before the cut kept (a problem says so, unless the gzip reader said why already). The archive's bytes were
 * counted against the capture's limits when read or unpacked.
 */
function archiveFiles(name: string, bytes: Uint8Array, packed: boolean, codepage: number, problems: ReadProblem[]): CaptureFile[] {
  const { logs, skipped, damaged } = archiveLogs(bytes);
  // (a .tar.gz the gzip reader already said was damaged or cut at the limit: that problem says why the archive ends early)
  if (damaged && !problems.some((p) => p.source === name && (p.code === 'capture.gzipDamaged' || p.code === 'capture.unpackedCut'))) problems.push(problemAt(name, undefined, 'capture.archiveCut'));
  if (skipped > 0) problems.push(problemAt(name, undefined, 'capture.archiveFilesSkipped', { count: skipped, max: MAX_ARCHIVE_LOGS }));
  return logs.map((f) => archivedFile(name, f.path, f.bytes, `${TAR_ENCODING}${packed ? GZIP_ENCODING : ''}`, codepage));
}

/** A ZIP archive's text files (app/shared/zip-files.ts zipLogs) as capture files, as archiveFiles reads a tar's. */
function zipArchiveFiles(name: string, bytes: Uint8Array, maxBytes: number, codepage: number, problems: ReadProblem[]): CaptureFile[] {
  const { files, skipped, unreadable, cut, damaged } = zipLogs(bytes, maxBytes);
  if (damaged) problems.push(problemAt(name, undefined, 'capture.archiveCut'));
  if (skipped > 0) problems.push(problemAt(name, undefined, 'capture.archiveFilesSkipped', { count: skipped, max: MAX_ARCHIVE_LOGS }));
  if (unreadable > 0) problems.push(problemAt(name, undefined, 'capture.archiveUnreadable', { count: unreadable }));
  if (cut) problems.push(problemAt(name, undefined, 'capture.unpackedCut', { max: maxBytes }));
  return files.map((f) => archivedFile(name, f.path, f.bytes, ZIP_ENCODING, codepage));
}

/** A file out of an archive as a capture file named `ARCHIVE/path`: the path as the archive recorded it, made a safe name. */
function archivedFile(name: string, path: string, bytes: Uint8Array, prefix: string, codepage: number): CaptureFile {
  const { text, encoding } = decodeCaptureBytes(bytes, codepage);
  return { name: `${name}/${archivedPath(path)}`, text, encoding: `${prefix}${encoding}` };
}

/** capture.json in any encoding the collectors write (PowerShell 5 `Out-File` writes UTF-16LE). */
function parseMeta(bytes: Uint8Array | null, problems: ReadProblem[]): CaptureMeta {
  if (!bytes) return { schemaVersion: 1 };
  const raw = decodeCaptureBytes(bytes).text;
  try {
    const parsed = CaptureMetaSchema.safeParse(JSON.parse(raw.replace(/^\uFEFF/, '')));
    if (parsed.success) return parsed.data;
    problems.push(metaProblem(parsed.error.issues.map((i) => i.path.join('.'))));
  } catch {
    // (not JSON.parse's message: it is V8's English, and the file's details are left aside either way)
    problems.push(problemAt('capture.json', undefined, 'capture.metaNotJson'));
  }
  return { schemaVersion: 1 };
}

/**
 * capture.json is JSON but not what the collectors write: the fields that differ, by their JSON path
 * (data, not words), or that it is no object at all — never zod's English message, which a Dutch run
 * printed under its Dutch words.
 */
function metaProblem(paths: string[]): ReadProblem {
  if (paths.some((p) => p === '')) return problemAt('capture.json', undefined, 'capture.metaNotObject');
  return problemAt('capture.json', undefined, 'capture.metaNotUnderstood', { fields: [...new Set(paths)].join(', ') });
}

/** Runs `work` over `items` with at most `limit` at a time (no unbounded Promise.all over a folder). */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? String(e);

class BoundedReader {
  readonly problems: ReadProblem[] = [];
  private files = 0;
  private bytes = 0;
  private countSkipped = 0;

  constructor(
    private readonly root: string,
    private readonly limits: Limits,
  ) {}

  private skip(source: string, code: ProblemCode, params?: ProblemParams) {
    this.problems.push({ ...problemAt(source, undefined, code, params), unreadable: true });
  }

  private inside(real: string): boolean {
    const rel = relative(this.root, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  /**
   * What the listing of a folder said of each entry, by capture name ('' is the capture folder):
   * a plain file or folder needs no lstat of its own, and a name no entry has, in any case, is not
   * there — one listing per folder instead of an lstat round trip through the thread pool per name
   * asked for, present or not (bench row 1). A name only a differently cased entry has
   * (Route-Print.txt) goes to lstat, which finds it where the file system ignores case (Windows,
   * macOS) and not elsewhere, as before. A folder that could not be listed leaves its names to lstat.
   */
  private readonly listed = new Set<string>();
  private readonly kinds = new Map<string, 'file' | 'folder' | 'other'>();
  private readonly anyCase = new Set<string>();

  /** Lists `folder` (a capture name, '' for the capture itself) into `kinds`; null when it could not be listed. */
  async learnFolder(folder: string): Promise<Dirent[] | null> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder === '' ? this.root : join(this.root, ...folder.split('/')), { withFileTypes: true });
    } catch {
      return null;
    }
    this.learnListing(folder, entries);
    return entries;
  }

  /** What the listing `entries` of `folder` says, into `kinds`. */
  learnListing(folder: string, entries: readonly Dirent[]): void {
    const prefix = folder === '' ? '' : `${folder}/`;
    // a symbolic link (or a type the file system did not say) is 'other': resolve() lstats it and follows the link only inside the capture
    for (const e of entries) {
      this.kinds.set(prefix + e.name, e.isFile() ? 'file' : e.isDirectory() ? 'folder' : 'other');
      this.anyCase.add((prefix + e.name).toLowerCase());
    }
    this.listed.add(folder);
  }

  /** The real path of `name` when it may be read: inside the capture, a regular file or folder as asked. */
  private async resolve(name: string, want: 'file' | 'folder'): Promise<string | null> {
    const path = join(this.root, ...name.split('/'));
    const slash = name.lastIndexOf('/');
    const kind = this.kinds.get(name);
    // not collected: not a problem here
    if (kind === undefined && this.listed.has(slash < 0 ? '' : name.slice(0, slash)) && !this.anyCase.has(name.toLowerCase())) return null;
    // listed as a plain file or folder: open() below still refuses a link swapped in since (O_NOFOLLOW), and fstat decides
    if ((kind === 'file' && want === 'file') || (kind === 'folder' && want === 'folder')) return path;
    let st;
    try {
      st = await lstat(path);
    } catch (e) {
      if (errCode(e) === 'ENOENT') return null; // not collected: not a problem here
      this.skip(name, 'capture.notReadable', { error: errCode(e) });
      return null;
    }
    let real = path;
    if (st.isSymbolicLink()) {
      try {
        real = await realpath(path);
      } catch (e) {
        this.skip(name, 'capture.brokenLinkError', { error: errCode(e) });
        return null;
      }
      if (!this.inside(real)) {
        this.skip(name, 'capture.linkOutside');
        return null;
      }
      st = await stat(real).catch(() => null);
      if (!st) {
        this.skip(name, 'capture.brokenLink');
        return null;
      }
    }
    if (want === 'folder') {
      if (st.isDirectory()) return real;
      this.skip(name, 'capture.notAFolder');
      return null;
    }
    if (st.isDirectory()) {
      this.skip(name, 'capture.folderNotFile');
      return null;
    }
    if (!st.isFile()) {
      this.skip(name, 'capture.notRegularFile', { kind: kindOf(st) });
      return null;
    }
    return real;
  }

  /**
   * A gzip file's bytes unpacked (unpack-gzip.ts), its unpacked bytes counted against the per-file and whole-capture limits in
   * place of its packed ones: over a limit the text up to it is kept and a problem says where it stopped; a damaged or cut file
   * keeps the text before the damage and says so. (Neither is `unreadable`: what was read is read.)
   */
  async unpack(name: string, packed: Uint8Array): Promise<Buffer> {
    this.bytes -= packed.length;
    let kept = 0;
    const { bytes, damaged, cut } = await unpackGzip(packed, (n) => {
      const granted = Math.max(0, Math.min(n, this.limits.maxFileBytes - kept, this.limits.maxTotalBytes - this.bytes));
      kept += granted;
      this.bytes += granted;
      return granted;
    });
    if (damaged) this.problems.push(problemAt(name, undefined, 'capture.gzipDamaged'));
    if (cut) this.problems.push(problemAt(name, undefined, 'capture.unpackedCut', { max: Math.min(this.limits.maxFileBytes, this.limits.maxTotalBytes) }));
    return bytes;
  }

  finish() {
    if (this.countSkipped > 1) this.problems.push(problemAt('capture', undefined, 'capture.filesOverLimit', { count: this.countSkipped, max: this.limits.maxFiles }));
  }

  /** The names of the files in a capture folder (registry, pbk, powershell), within the file limit. */
  async list(folder: string): Promise<string[]> {
    const real = await this.resolve(folder, 'folder');
    if (!real) return [];
    let entries: string[];
    try {
      if (real === join(this.root, folder)) {
        // the folder itself (not a link): its listing also tells its files' kinds
        const dirents = await this.learnFolder(folder);
        if (dirents) return dirents.map((e) => `${folder}/${e.name}`).sort();
      }
      entries = await readdir(real);
    } catch (e) {
      this.skip(`${folder}/`, 'capture.folderNotListed', { error: errCode(e) });
      return [];
    }
    return entries.sort().map((e) => `${folder}/${e}`);
  }

  /**
   * The limits are decided in the order read() was called (name order), not in the order the
   * parallel reads get there: which files of an over-limit capture are skipped must not depend on
   * timing (issue 16.4, same input, same bytes). Each read waits for the decision of the one
   * called before it; the reads themselves still run in parallel.
   */
  private lastDecision: Promise<void> = Promise.resolve();

  /** The bytes of one capture file, or null (absent, or skipped with a problem). */
  async read(name: string, buffers?: ReadBuffers): Promise<Uint8Array | null> {
    const before = this.lastDecision;
    let decided!: () => void;
    this.lastDecision = new Promise<void>((resolve) => (decided = resolve));
    let fh: FileHandle | undefined;
    try {
      const real = await this.resolve(name, 'file');
      // opened before its turn (the pool keeps at most `concurrency` open), so only the decision waits
      fh = real ? await open(real, OPEN_FLAGS) : undefined;
      const st = fh ? await fh.stat() : undefined;
      await before;
      if (!fh || !st) return null;
      if (this.files >= this.limits.maxFiles) {
        // one problem for all of them: a million files must not make a million problems
        if (this.countSkipped++ === 0) this.skip(name, 'capture.tooManyFiles', { max: this.limits.maxFiles });
        return null;
      }
      this.files++;
      if (!st.isFile()) {
        this.skip(name, 'capture.notRegularFile', { kind: kindOf(st) });
        return null;
      }
      if (st.size > this.limits.maxFileBytes) {
        this.skip(name, 'capture.fileTooLarge', { size: st.size, max: this.limits.maxFileBytes });
        return null;
      }
      // reserve before reading: reads run in parallel, and each must see the others' bytes
      const room = Math.min(this.limits.maxFileBytes, this.limits.maxTotalBytes - this.bytes);
      if (st.size > room) {
        this.skip(name, 'capture.captureTooLarge', { max: this.limits.maxTotalBytes });
        return null;
      }
      this.bytes += st.size;
      decided();
      const bytes = await readCapped(fh, room, st.size, buffers);
      this.bytes += (bytes?.length ?? 0) - st.size;
      if (!bytes) {
        this.skip(name, 'capture.grewPastLimit', { room });
        return null;
      }
      return bytes;
    } catch (e) {
      this.skip(name, 'capture.notReadable', { error: errCode(e) });
      return null;
    } finally {
      decided();
      await fh?.close().catch(() => undefined);
    }
  }
}

/**
 * Reads to the end but never more than `cap` bytes (a file may grow, or report size 0 like /proc).
 * The first read asks for the size stat reported and one byte more: when it gives exactly that
 * size, the file ended there and is read in one piece, with no second read (and no 1 MiB buffer)
 * to see the end. A file that grew or shrank, or says size 0, is read on to its end. `buffers`: a
 * large file's first read goes into a kept buffer (ReadBuffers); the bytes returned may then lie in
 * it, and the caller gives them back when decoded. Exported for its tests.
 */
export async function readCapped(fh: Pick<FileHandle, 'read'>, cap: number, size: number, buffers?: ReadBuffers): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  let lent: Buffer | undefined;
  let done = false;
  try {
    for (;;) {
      const first = chunks.length === 0 && size > 0;
      const want = Math.min(first ? size + 1 : 1024 * 1024, cap - total + 1);
      const buf = (first ? (lent = buffers?.take(want)) : undefined) ?? Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) return null;
      chunks.push(buf.subarray(0, bytesRead));
      if (first && bytesRead === size && buf.length === size + 1) break;
    }
    if (chunks.length !== 1) return Buffer.concat(chunks, total);
    done = true;
    return chunks[0]!;
  } finally {
    // handed on only as the one piece read into it; a concatenated copy, no bytes or an error give it back
    if (lent && !done) buffers!.give(lent);
  }
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): ProblemPart {
  if (st.isFIFO()) return { code: 'capture.kindFifo' };
  if (st.isSocket()) return { code: 'capture.kindSocket' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { code: 'capture.kindDevice' };
  return { code: 'capture.kindSpecial' };
}
