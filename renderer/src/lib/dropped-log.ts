import { archivedLogLabel, logLabel } from '../../../app/shared/log-label';
import { archiveLogs, isTarStart, type TarFile } from '../../../app/shared/tar-files';
import { isZipStart, zipLogs } from '../../../app/shared/zip-files';
import { decodeTextFile, isGzipStart } from '../../../app/shared/text-encoding';

/**
 * A log file dropped on (or chosen in) the paste box, as text: its bytes decoded as the CLI reads a log file
 * (app/shared/text-encoding.ts: UTF-16 from PowerShell 5's `>`, which `File.text()` would read as UTF-8 with a NUL in every other
 * byte). A gzip file (logrotate's `syslog.2.gz`, what a Linux administrator sends on) is unpacked first, by the browser's own
 * DecompressionStream, and at most `limit` bytes of it (a small file may unpack to gigabytes: the box takes `limit`, the CLI any size).
 * A gzip file cut short or damaged keeps what came before the damage and says so (`damaged`), as the CLI does.
 *
 * A tar archive (`tar czf logs.tar.gz /var/log/syslog* …`, what a network team attaches) is read as the CLI reads one
 * (app/system/server-log-archive.ts): each regular text file inside a log of its own (`archive`), empty and binary files (wtmp)
 * left out unless nothing else is there, at most MAX_ARCHIVE_LOGS; `text` and `label` are the first log's, labelled `logs.tar.gz › syslog`.
 * A ZIP archive (Windows' "Send to → Compressed (zipped) folder") alike (app/shared/zip-files.ts), unpacked up to `limit` bytes in all.
 */
export type DroppedLog = { text: string; label: string; damaged?: true; archive?: DroppedArchive } | { tooBig: true };

export interface DroppedArchive {
  logs: { text: string; label: string; path: string }[];
  /** files past MAX_ARCHIVE_LOGS, not read */
  skipped: number;
  /** empty or binary files left out */
  leftOut: number;
  /** a ZIP's files that would not unpack (password-protected, another method, damaged) */
  unreadable?: number;
}

/** A name safe to show and to send as the log's label (app/shared/log-label.ts). */
export const droppedLabel = logLabel;

export async function readDroppedLog(file: Blob & { name: string }, limit: number): Promise<DroppedLog> {
  const label = droppedLabel(file.name);
  const head = new Uint8Array(await file.slice(0, 3).arrayBuffer());
  if (!isGzipStart(head)) {
    if (file.size > limit) return { tooBig: true };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isZipStart(bytes)) {
      const zip = zipLogs(bytes, limit);
      return fromFiles(zip.files, label, zip.damaged || zip.cut, { skipped: zip.skipped, leftOut: zip.leftOut, ...(zip.unreadable ? { unreadable: zip.unreadable } : {}) });
    }
    return isTarStart(bytes) ? fromArchive(bytes, label, false) : { text: decodeTextFile(bytes), label };
  }
  const unpacked = await unpack(file.stream().pipeThrough(new DecompressionStream('gzip')), limit);
  if ('tooBig' in unpacked) return unpacked;
  if (isTarStart(unpacked.bytes)) return fromArchive(unpacked.bytes, label, unpacked.damaged);
  return { text: decodeTextFile(unpacked.bytes), label, ...(unpacked.damaged ? { damaged: true as const } : {}) };
}

/** An archive's text files as logs of their own, each labelled `archive › file` (a label holds no path separator: app/shared/ipc.ts LogLabel). */
function fromArchive(bytes: Uint8Array, archiveLabel: string, gzipDamaged: boolean): DroppedLog {
  const { logs: files, leftOut, skipped, damaged } = archiveLogs(bytes);
  return fromFiles(files, archiveLabel, damaged || gzipDamaged, { skipped, leftOut });
}

function fromFiles(files: TarFile[], archiveLabel: string, damaged: boolean, counts: Omit<DroppedArchive, 'logs'>): DroppedLog {
  const logs = files.map((f) => ({ text: decodeTextFile(f.bytes), label: archivedLogLabel(archiveLabel, f.path), path: f.path }));
  const first = logs[0] ?? { text: '', label: archiveLabel };
  return {
    text: first.text,
    label: first.label,
    ...(damaged ? { damaged: true as const } : {}),
    archive: { logs, ...counts },
  };
}

/** The stream's bytes up to `limit` (more: too big, the read cancelled), or those before an error (damaged). */
async function unpack(stream: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; damaged: boolean } | { tooBig: true }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let damaged = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { tooBig: true };
      }
      parts.push(value);
    }
  } catch {
    damaged = true;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, damaged };
}
