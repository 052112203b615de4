import { useTranslation } from 'react-i18next';
import type { Op, ApplyState } from '../useTunnelMedic';
import { ErrorNotice } from './ErrorNotice';
import { RunOutcome } from './RunOutcome';
import { StepList, type StepStatus } from './StepList';
import { Icon } from './Icon';

/** Steps as they run (from progress events), then the engine's own per-step result and verification. */
export function ApplyView({ apply, busy, onUndo, onDone }: { apply: ApplyState; busy: Op; onUndo: (runId: string) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { result, undo } = apply;
  const live = apply.events.map((e, i) => ({ label: e.label, status: (i === apply.events.length - 1 ? 'running' : 'done') as StepStatus }));
  const canUndo = result && !result.rolledBack && undo?.status !== 'done';
  return (
    <section className="apply" aria-labelledby="apply-title">
      <div className="panel">
        <p className="eyebrow">{apply.status === 'running' ? t('apply.eyebrow') : t('apply.eyebrowDone')}</p>
        <h1 id="apply-title" tabIndex={-1}>{apply.fix.title}</h1>
        {apply.status === 'running' && (
          <div role="status" aria-live="polite">
            <p className="muted">{t('apply.running')}</p>
            {live.length === 0 ? <p className="muted small">{t('apply.preparing')}</p> : <StepList steps={live} label={t('apply.progressLabel')} />}
          </div>
        )}
      </div>

      {result && <RunOutcome result={result} fix={apply.fix} />}
      {result && (
        <section className="panel" aria-labelledby="apply-steps-title">
          <h2 id="apply-steps-title">{t('apply.stepsTitle')}</h2>
          <StepList steps={result.steps} label={t('apply.stepsLabel')} />
        </section>
      )}
      {apply.error && <ErrorNotice title={t('apply.failedTitle')} error={apply.error} />}

      {undo?.status === 'done' && undo.result && (
        <div className="outcome outcome-undone" role="status" data-testid="undo-outcome">
          <span className="outcome-icon"><Icon name="undo" /></span>
          <div>
            <h2 className="outcome-title">{t('undo.doneTitle')}</h2>
            <p>{undo.result.message}</p>
          </div>
        </div>
      )}
      {undo?.status === 'error' && undo.error && <ErrorNotice title={t('undo.failedTitle')} error={undo.error} />}

      {apply.status !== 'running' && (
        <div className="actions-row">
          {canUndo && (
            <button type="button" className="button" onClick={() => onUndo(result.runId)} disabled={busy !== null}>
              {undo?.status === 'running' ? t('undo.running') : t('undo.button')}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onDone} disabled={busy !== null}>
            {t('apply.backToResults')}
          </button>
        </div>
      )}
      {canUndo && <p className="small muted">{t('undo.hint')}</p>}
    </section>
  );
}
