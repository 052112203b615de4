import { decodeTextFile, isGzipStart } from '../../../app/shared/text-encoding';

/**
 * A log file dropped on (or chosen in) the paste box, as text: its bytes decoded as the CLI reads a log file
 * (app/shared/text-encoding.ts: UTF-16 from PowerShell 5's `>`, which `File.text()` would read as UTF-8 with a NUL in every other
 * byte). A gzip file (logrotate's `syslog.2.gz`, what a Linux administrator sends on) is unpacked first, by the browser's own
 * DecompressionStream, and at most `limit` bytes of it (a small file may unpack to gigabytes: the box takes `limit`, the CLI any size).
 * A gzip file cut short or damaged keeps what came before the damage and says so (`damaged`), as the CLI does.
 */
export type DroppedLog = { text: string; label: string; damaged?: true } | { tooBig: true };

/** A name safe to show and to send as the log's label: no control characters or path separators, 120 characters at most. */
export const droppedLabel = (name: string): string => name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 120) || 'log.txt';

export async function readDroppedLog(file: Blob & { name: string }, limit: number): Promise<DroppedLog> {
  const label = droppedLabel(file.name);
  const head = new Uint8Array(await file.slice(0, 3).arrayBuffer());
  if (!isGzipStart(head)) {
    if (file.size > limit) return { tooBig: true };
    return { text: decodeTextFile(new Uint8Array(await file.arrayBuffer())), label };
  }
  const unpacked = await unpack(file.stream().pipeThrough(new DecompressionStream('gzip')), limit);
  if ('tooBig' in unpacked) return unpacked;
  return { text: decodeTextFile(unpacked.bytes), label, ...(unpacked.damaged ? { damaged: true as const } : {}) };
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
