import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import type { RunResult } from '../../../app/shared/ipc';
import { restartStep } from '../lib/changes';
import { Icon } from './Icon';

/** Verified ✓ / finding still present / failed and rolled back — with the engine's own message. */
export function RunOutcome({ result, fix }: { result: RunResult; fix: Fix }) {
  const { t } = useTranslation();
  const strength = fix.strength;
  const restart = restartStep(fix);
  const kind = result.verified ? 'ok' : result.rolledBack ? 'rolledback' : 'remaining';
  return (
    <div className={`outcome outcome-${kind}`} role="status" data-testid="run-outcome" data-outcome={kind}>
      <span className="outcome-icon"><Icon name={kind === 'ok' ? 'check' : kind === 'rolledback' ? 'undo' : 'warning'} /></span>
      <div>
        <h2 className="outcome-title">{t(`outcome.${kind}.title`)}</h2>
        <p>{t(`outcome.${kind}.text`)}</p>
        <p className="outcome-message">{result.message}</p>
        {kind === 'remaining' && result.remaining.length > 0 && (
          <p className="small">
            {t('outcome.remainingList')} <code>{result.remaining.join(', ')}</code>
          </p>
        )}
        {kind === 'ok' && strength === 'now' && <p>{t('outcome.ok.untilReconnect')}</p>}
        {kind === 'ok' && restart && (
          <p data-testid="outcome-restart">
            <strong>{t('consent.restartTitle')}</strong> {restart}
          </p>
        )}
        {result.journalPath && <p className="small muted">{t('outcome.journal', { path: result.journalPath })}</p>}
      </div>
    </div>
  );
}
