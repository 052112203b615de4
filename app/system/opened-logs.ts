import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { explainReadLog, type PastedLogScan } from '../core/diagnose/server-log/paste';
import type { EngineLanguage } from '../core/i18n';
import { EngineError, type Say } from '../shared/engine-port';
import type { OpenedServerLog, Progress } from '../shared/ipc';
import { archivedLogLabel, logLabel } from '../shared/log-label';
import { sayText } from './error-text';
import { readServerLogFiles, type ArchiveLogResult } from './server-log-archive';
import { readNotes } from './server-log-notes';
import { readProgress } from './read-progress';

/** What the app asks a log of an opened file to be explained with: the person's language and the scan on screen. */
export interface OpenedLogOptions {
  language: EngineLanguage;
  scan?: PastedLogScan;
}

interface OpenedFile {
  openId: string;
  fileName: string;
  /** each log as read, its `source` the label its evidence names (`syslog.1`, `logs.tar.gz › syslog`) */
  logs: ArchiveLogResult[];
  /** what the person picks between: the file's name, or each file's path inside the archive */
  names: string[];
}

/**
 * Log files the app reads in full: a file too big for the paste box (4 MB of text crosses IPC at most), chosen by the person in
 * main's own open dialog, read as `explain-log FILE` reads it (streamed, a gzip file unpacked, a tar archive file by file, 512 MB
 * at most: server-log-archive.ts). Parsed once; the last file opened is kept, so another log of its archive is explained without
 * reading it again, in the language and against the scan of that moment. Only the last: opening another replaces it, so memory
 * stays one file's parse (the entries the parser keeps are capped, as the CLI's).
 */
export class OpenedLogs {
  private last: OpenedFile | undefined;

  /**
   * `path`: what the person chose in main's open dialog — nothing the renderer sent. `onProgress`: how far the reading is (a 50 MB
   * file takes seconds), a few times a second (read-progress.ts), named by the file's name only.
   */
  async open(path: string, opts: OpenedLogOptions, onProgress?: (p: Progress) => void): Promise<OpenedServerLog> {
    const fileName = logLabel(basename(path));
    const progress = onProgress && readProgress(fileName, onProgress);
    const read = await readServerLogFiles(path, fileName, undefined, undefined, progress?.onBytes);
    progress?.finish();
    // a tar archive's logs come named `NAME/path/inside` (server-log-archive.ts), shown as `NAME › file` as a dropped archive's are
    const names: string[] = [];
    const logs = read.map((r) => {
      const inside = r.source.startsWith(`${fileName}/`) ? r.source.slice(fileName.length + 1) : undefined;
      names.push((inside ?? fileName).slice(0, 300));
      return inside === undefined ? r : { ...r, source: archivedLogLabel(fileName, inside) };
    });
    this.last = { openId: randomBytes(12).toString('base64url'), fileName, logs, names };
    return this.explain(this.last, 0, opts);
  }

  /** Another log of the file opened last; UNKNOWN_OPENED_LOG when another file was opened since (or never). */
  explainOpened(openId: string, index: number, opts: OpenedLogOptions): OpenedServerLog {
    return this.explain(this.fileOf(openId, index), index, opts);
  }

  /**
   * The person cleared the file from the panel, or put something else in its place: its parse is let go (it is no longer asked
   * for, and what the person no longer sees should not stay in memory). Only by the id main gave; false when that file is not
   * the one kept (already replaced or forgotten).
   */
  forget(openId: string): boolean {
    if (this.last?.openId !== openId) return false;
    this.last = undefined;
    return true;
  }

  /** One log of the file opened last, as read (what an exported report adds: desktop-engine.ts). */
  log(openId: string, index: number): ArchiveLogResult {
    return this.fileOf(openId, index).logs[index]!;
  }

  private fileOf(openId: string, index: number): OpenedFile {
    const file = this.last;
    if (!file || file.openId !== openId || index >= file.logs.length) throw new EngineError('UNKNOWN_OPENED_LOG', 'This log file is no longer open; choose it again.', openId);
    return file;
  }

  private explain(file: OpenedFile, index: number, opts: OpenedLogOptions): OpenedServerLog {
    const log = file.logs[index]!;
    const words = (key: string, params?: Say['params']): string => sayText({ key, ...(params ? { params } : {}) }, opts.language);
    // the archive's own notes ride on its last log (server-log-archive.ts): said under each of its logs, the archive named
    const last = file.logs[file.logs.length - 1]!;
    const ofArchive = file.logs.length > 1 || last.archive ? readNotes({ source: file.fileName, gzipDamaged: index === file.logs.length - 1 ? undefined : last.gzipDamaged, archive: last.archive }, words) : [];
    const notes = [...readNotes({ ...log, archive: undefined }, words), ...ofArchive];
    return { opened: true, openId: file.openId, fileName: file.fileName, logs: file.names, index, notes: notes.slice(0, 8), explanation: explainReadLog(log, opts) };
  }
}
