import { engineT, type EngineLanguage } from '../core/i18n';
import type { RunHistoryEntry } from '../core/report/report-html';
import type { RunStore } from './apply/journal';

/** The runs in the journal store, newest first, as the reports show them; a run without a last message is described in `language`. */
export async function runHistory(store: RunStore, language: EngineLanguage = 'en'): Promise<RunHistoryEntry[]> {
  const t = engineT(language);
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
          message: journal.at(-1)?.message ?? t(verified ? 'engineRun.applied' : 'engineRun.interrupted'),
          steps: plan.actions.map((a) => a.label),
        }];
      } catch {
        return [];
      }
    }),
  );
  return entries.flat().reverse();
}
