import type { Say } from '../shared/engine-port';
import { MAX_ARCHIVE_LOGS } from '../shared/limits';
import type { ArchiveLogResult } from './server-log-archive';

/** A catalogue text worded in the reader's language (the CLI's cliWords, the app's sayText). */
export type Words = (key: string, params?: Say['params']) => string;

/**
 * Where a log's read stopped short (the size cap, a damaged gzip, an archive's file limit): what explain-log and scan say on
 * stderr, and what the app shows under a file it read in full (opened-logs.ts).
 */
export function readNotes(r: Pick<ArchiveLogResult, 'source' | 'cutAtBytes' | 'gzipDamaged' | 'archive'>, words: Words): string[] {
  const notes: string[] = [];
  if (r.cutAtBytes) notes.push(words('cli.explainLog.cut', { file: r.source, bytes: r.cutAtBytes }));
  if (r.gzipDamaged) notes.push(words('cli.explainLog.gzipDamaged', { file: r.source }));
  if (r.archive?.skippedFiles) notes.push(words('cli.explainLog.archiveSkipped', { file: r.archive.path, count: r.archive.skippedFiles, max: MAX_ARCHIVE_LOGS }));
  if (r.archive?.unreadableFiles) notes.push(words('cli.explainLog.archiveUnreadable', { file: r.archive.path, count: r.archive.unreadableFiles }));
  if (r.archive?.cutAtBytes) notes.push(words('cli.explainLog.cut', { file: r.archive.path, bytes: r.archive.cutAtBytes }));
  return notes;
}
