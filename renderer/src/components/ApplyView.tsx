import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { actionSteps, fileChanges, needsRestart, profileChanges, registryChanges } from '../lib/changes';
import type { Op, ApplyState } from '../useTunnelMedic';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { RestartNotice } from './RestartNotice';
import { RunOutcome } from './RunOutcome';
import { StepList, type StepStatus } from './StepList';

/** What the backup step saves, in words that fit the fix (no "route table" for a registry fix). */
function backupWhat(fix: Fix, t: (key: string) => string): string {
  const what: string[] = [];
  if (fix.actions.some((a) => a.kind.startsWith('route.'))) what.push(t('apply.check.what.routes'));
  if (profileChanges(fix).length) what.push(t('apply.check.what.profile'));
  if (registryChanges(fix).length) what.push(t('apply.check.what.registry'));
  if (fileChanges(fix).length) what.push(t('apply.check.what.file'));
  return what.join(', ');
}

/** The whole checklist from the start: check nothing changed, backup, one line per change, verify. */
export function checklist(fix: Fix, t: (key: string, o?: Record<string, unknown>) => string): string[] {
  return [t('apply.check.precheck'), t('apply.check.backup', { what: backupWhat(fix, t) }), ...actionSteps(fix), t('apply.check.verify')];
}

/** Which checklist line the engine's newest progress event is on. */
function position(apply: ApplyState, total: number): number {
  const last = apply.events.at(-1);
  if (!last) return 0;
  if (last.phase === 'precheck') return 0;
  if (last.phase === 'backup') return 1;
  if (last.phase === 'apply') return Math.min(1 + Math.max(1, last.step), total - 2);
  return total - 1;
}

/** Applying: the checklist with "step 2 of 4"; then the result, Next problem, Undo (and a restart only when needed). */
export function ApplyView(props: { apply: ApplyState; busy: Op; next?: { title: string; onOpen: () => void }; onUndo: (runId: string) => void; onDone: () => void; onRecheck: () => void; onRestartLater: (title: string) => void; demo: boolean }) {
  const { apply, busy } = props;
  const { t } = useTranslation();
  const { result, undo } = apply;
  const items = checklist(apply.fix, t);
  const at = position(apply, items.length);
  const live = items.map((label, i) => ({ label, status: (i < at ? 'done' : i === at ? 'running' : 'pending') as StepStatus }));
  const undone = undo?.status === 'done' ? undo.result : undefined;
  const canUndo = result && !result.rolledBack && !undone;
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  // focus on the result heading when the fix finishes and again when it is undone
  useEffect(() => {
    if (result || undone) outcomeRef.current?.focus();
  }, [result, undone]);
  return (
    <section className="apply" aria-labelledby="apply-title">
      <div className="panel">
        <p className="eyebrow">{apply.status === 'running' ? t('apply.eyebrow') : t('apply.eyebrowDone')}</p>
        <h1 id="apply-title" tabIndex={-1}>{apply.fix.title}</h1>
        {apply.status === 'running' && (
          <>
            <p className="muted">{t('apply.running')}</p>
            <p role="status" aria-live="polite" className="small" data-testid="apply-position">
              {t('apply.position', { step: at + 1, total: items.length, label: items[at] })}
            </p>
            <StepList steps={live} label={t('apply.progressLabel')} />
          </>
        )}
      </div>

      {result && <RunOutcome result={result} fix={apply.fix} undone={undone} headingRef={outcomeRef} />}
      {result?.verified && !undone && needsRestart(apply.fix) && <RestartNotice demo={props.demo} onLater={() => props.onRestartLater(apply.fix.title)} />}
      {result && !undone && (
        <section className="panel" aria-labelledby="apply-steps-title">
          <h2 id="apply-steps-title">{t('apply.stepsTitle')}</h2>
          <StepList steps={result.steps} label={t('apply.stepsLabel')} />
        </section>
      )}
      {apply.error && (
        <>
          <ErrorNotice title={t('apply.failedTitle')} error={apply.error} onRecheck={apply.rechecked ? undefined : props.onRecheck} disabled={busy !== null} />
          {apply.rechecked && (
            <p className="notice notice-link" role="status" data-testid="rechecked">
              <Icon name="info" /> {busy === 'scan' ? t('apply.recheckRunning') : t('apply.rechecked')}
            </p>
          )}
        </>
      )}
      {undo?.status === 'error' && undo.error && <ErrorNotice title={t('undo.failedTitle')} error={undo.error} onRetry={() => result && props.onUndo(result.runId)} disabled={busy !== null} />}

      {apply.status !== 'running' && (
        <div className="actions-row">
          {props.next && !undone && result?.verified && (
            <button type="button" className="button button-primary" onClick={props.next.onOpen} disabled={busy !== null} data-testid="next-problem">
              {t('apply.next')} <span aria-hidden="true">›</span>
            </button>
          )}
          <button type="button" className={`button${props.next && !undone && result?.verified ? '' : ' button-primary'}`} onClick={props.onDone} disabled={busy !== null}>
            {t('apply.backToResults')}
          </button>
          {canUndo && (
            <button type="button" className="button" onClick={() => props.onUndo(result.runId)} disabled={busy !== null}>
              {undo?.status === 'running' ? t('undo.running') : t('undo.button')}
            </button>
          )}
        </div>
      )}
      {props.next && !undone && result?.verified && <p className="small muted">{t('apply.nextHint', { title: props.next.title })}</p>}
      {canUndo && <p className="small muted">{t('undo.hint')}</p>}
    </section>
  );
}
