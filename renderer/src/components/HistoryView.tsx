import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, RunResult, RunSummary } from '../../../app/shared/ipc';
import { formatDateTime } from '../format';
import type { TunnelMedicState } from '../useTunnelMedic';
import { ErrorNotice } from './ErrorNotice';

function runState(r: RunSummary): 'undone' | 'rolledback' | 'verified' | 'unverified' {
  if (r.undone) return 'undone';
  if (r.rolledBack) return 'rolledback';
  return r.verified ? 'verified' : 'unverified';
}

/** Every run TunnelMedic made, newest first, with Undo for those still in effect. */
export function HistoryView({ tm }: { tm: TunnelMedicState }) {
  const { t, i18n } = useTranslation();
  const [last, setLast] = useState<{ runId: string; outcome: RunResult | IpcError } | null>(null);
  const { loadHistory } = tm;
  useEffect(() => void loadHistory(), [loadHistory]);
  const runs = [...(tm.history ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt));

  const undo = async (runId: string): Promise<void> => setLast({ runId, outcome: await tm.undoRun(runId) });

  return (
    <section className="panel" aria-labelledby="history-title">
      <h1 id="history-title" tabIndex={-1}>{t('history.title')}</h1>
      <p className="muted">{t('history.intro')}</p>
      {tm.historyError && <ErrorNotice title={t('history.loadFailed')} error={tm.historyError} />}
      {last && 'code' in last.outcome && <ErrorNotice title={t('undo.failedTitle')} error={last.outcome} />}
      {last && 'runId' in last.outcome && (
        <p className="notice notice-ok" role="status">
          {t('undo.doneTitle')} {last.outcome.message}
        </p>
      )}
      {tm.history && runs.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {runs.length > 0 && (
        <ul className="history-list">
          {runs.map((r) => {
            const state = runState(r);
            return (
              <li key={r.runId} className="history-item" data-testid="history-item">
                <div>
                  <p className="history-when">{formatDateTime(r.startedAt, i18n.language)}</p>
                  <p className="mono small">{r.fixIds.join(', ')}</p>
                  <p className="small muted">{r.message}</p>
                </div>
                <span className={`tag tag-run-${state}`}>{t(`history.state.${state}`)}</span>
                {state === 'verified' || state === 'unverified' ? (
                  <button type="button" className="button button-small" disabled={tm.busy !== null} onClick={() => void undo(r.runId)} aria-label={t('history.undoRun', { when: formatDateTime(r.startedAt, i18n.language) })}>
                    {t('undo.button')}
                  </button>
                ) : (
                  <span />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
