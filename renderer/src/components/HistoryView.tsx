import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, RunResult, RunSummary } from '../../../app/shared/ipc';
import { formatExactDateTime } from '../format';
import type { TunnelMedicState } from '../useTunnelMedic';
import { ErrorNotice } from './ErrorNotice';
import { Icon, type IconName } from './Icon';

type RunState = 'undone' | 'rolledback' | 'verified' | 'unverified';

function runState(r: RunSummary): RunState {
  if (r.undone) return 'undone';
  if (r.rolledBack) return 'rolledback';
  return r.verified ? 'verified' : 'unverified';
}

const STATE_ICON: Record<RunState, IconName> = { undone: 'undo', rolledback: 'undo', verified: 'check', unverified: 'warning' };

/** Every run TunnelMedic made, newest first: the fix's title, the exact time, its state, and Undo for those still in effect. */
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
      {tm.historyError && <ErrorNotice title={t('history.loadFailed')} error={tm.historyError} onRetry={() => void loadHistory()} />}
      {last && 'code' in last.outcome && <ErrorNotice title={t('undo.failedTitle')} error={last.outcome} onRetry={() => void undo(last.runId)} disabled={tm.busy !== null} />}
      {last && 'runId' in last.outcome && (
        <p className="notice notice-ok" role="status">
          {t('history.undone')}
        </p>
      )}
      {tm.history && runs.length === 0 && <p className="empty">{t('history.empty')}</p>}
      {runs.length > 0 && (
        <ul className="history-list">
          {runs.map((r) => {
            const state = runState(r);
            const when = formatExactDateTime(r.startedAt, i18n.language);
            return (
              <li key={r.runId} className="history-item" data-testid="history-item" data-state={state}>
                <div>
                  <p className="history-title">{r.title ?? r.fixIds.join(', ')}</p>
                  <p className="history-when small">
                    <time dateTime={r.startedAt}>{when}</time>
                  </p>
                  <details className="small muted">
                    <summary>{t('errors.technical')}</summary>
                    <p className="mono">{r.fixIds.join(', ')} · {r.runId}</p>
                    <p>{r.message}</p>
                  </details>
                </div>
                <span className={`run-state run-state-${state}`}>
                  <Icon name={STATE_ICON[state]} /> {t(`history.state.${state}`)}
                </span>
                {state === 'verified' || state === 'unverified' ? (
                  <button type="button" className="button button-small" disabled={tm.busy !== null} onClick={() => void undo(r.runId)} aria-label={t('history.undoRun', { title: r.title ?? r.fixIds.join(', '), when })}>
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
