import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import type { RunResult } from '../../../app/shared/ipc';
import { Icon } from './Icon';

export type OutcomeKind = 'ok' | 'rolledback' | 'remaining' | 'undone';

export const outcomeKind = (result: RunResult, undone: boolean): OutcomeKind => (undone ? 'undone' : result.verified ? 'ok' : result.rolledBack ? 'rolledback' : 'remaining');

/**
 * Verified ✓ / finding still present / failed and rolled back / undone — in the UI's words; the
 * engine's own message and journal are kept for IT under "Technical details".
 */
export function RunOutcome({ result, fix, undone, headingRef }: { result: RunResult; fix: Fix; undone?: RunResult; headingRef?: React.Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const kind = outcomeKind(result, !!undone);
  const broken = result.report.run?.probes?.broken ?? [];
  return (
    <div className={`outcome outcome-${kind}`} data-testid="run-outcome" data-outcome={kind}>
      <span className="outcome-icon"><Icon name={kind === 'ok' ? 'check' : kind === 'remaining' ? 'warning' : 'undo'} /></span>
      <div>
        <h2 className="outcome-title" tabIndex={-1} ref={headingRef} data-testid="outcome-title">{t(`outcome.${kind}.title`)}</h2>
        <p>{t(`outcome.${kind}.text`)}</p>
        {broken.length > 0 && <p data-testid="outcome-probes"><strong>{t('probe.undone', { targets: broken.map((id) => (id === 'internet' ? t('probe.internet') : t('probe.corporate', { target: id.replace(/^corporate:/, '') }))).join(t('probe.and')) })}</strong></p>}
        {kind === 'remaining' && result.remaining.length > 0 && (
          <p className="small">
            {t('outcome.remainingList')} <code>{result.remaining.join(', ')}</code>
          </p>
        )}
        {kind === 'ok' && fix.strength === 'now' && <p>{t('outcome.ok.untilReconnect')}</p>}
        <details className="small muted">
          <summary>{t('errors.technical')}</summary>
          <p>{(undone ?? result).message}</p>
          {result.journalPath && <p>{t('outcome.journal', { path: result.journalPath })}</p>}
        </details>
      </div>
    </div>
  );
}
