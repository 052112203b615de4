import type { Progress } from '../shared/ipc';
import type { ReadBytes } from './server-log-file';

/**
 * At most one progress message per this many milliseconds (ten a second): a 50 MB log is read in 64 KiB steps, 800 of them,
 * and each message crosses IPC and re-renders the panel — more than a person can read, and work taken from the reading.
 */
export const READ_PROGRESS_INTERVAL_MS = 100;

/**
 * The reading of a log file as the app's progress messages (phase `read`: `step` bytes read of `total`, `label` the file's
 * name, never its folder). The first message goes at once (the bar shows before the first read), then at most one per
 * READ_PROGRESS_INTERVAL_MS, never going back; `finish` sends the last position if the throttle held it back, so the bar ends
 * where the reading did.
 */
export function readProgress(fileName: string, send: (p: Progress) => void, opts: { intervalMs?: number; now?: () => number } = {}): { onBytes: ReadBytes; finish: () => void } {
  const intervalMs = opts.intervalMs ?? READ_PROGRESS_INTERVAL_MS;
  const now = opts.now ?? Date.now;
  let sentAt: number | undefined;
  let sent = -1;
  let latest: { read: number; total: number } | undefined;
  const emit = (): void => {
    if (!latest || latest.read <= sent) return;
    sent = latest.read;
    sentAt = now();
    send({ phase: 'read', step: latest.read, total: latest.total, label: fileName });
  };
  return {
    onBytes: (read, total) => {
      // never back, never past the end (a gzip's packed count and the cap are both clamped here once)
      const at = Math.min(Math.max(read, latest?.read ?? 0), total);
      latest = { read: at, total };
      if (sentAt === undefined) {
        sent = at - 1; // the first message goes even at 0 bytes
        emit();
      } else if (now() - sentAt >= intervalMs) emit();
    },
    finish: emit,
  };
}
