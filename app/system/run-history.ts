import type { RunHistoryEntry } from '../core/report/report-html';
import type { RunStore } from './apply/journal';

/** The runs in the journal store, newest first, as the desktop app's history and the reports show them. */
export async function runHistory(store: RunStore): Promise<RunHistoryEntry[]> {
  const ids = await store.list();
  const entries = await Promise.all(
    ids.map(async (runId) => {
      try {
        const [plan, journal] = await Promise.all([store.plan(runId), store.journal(runId)]);
        const verified = journal.some((r) => r.phase === 'verified');
        return [{
          runId,
          startedAt: plan.createdAt,
          fixIds: plan.fixIds,
          verified,
          rolledBack: journal.some((r) => r.phase === 'rolled-back'),
          undone: journal.some((r) => r.phase === 'undone'),
          message: journal.at(-1)?.message ?? (verified ? 'Applied and verified.' : 'Interrupted: not finished.'),
          steps: plan.actions.map((a) => a.label),
        }];
      } catch {
        return [];
      }
    }),
  );
  return entries.flat().reverse();
}
