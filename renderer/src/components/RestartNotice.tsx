import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/**
 * Shown only when the fix's change counts after a restart (the engine marks it: takesEffect
 * 'restart'). "Restart now" says how (TunnelMedic does not restart Windows by itself: open work
 * would be lost); "Later" keeps a reminder at the top of the app.
 */
export function RestartNotice({ demo, onLater }: { demo: boolean; onLater: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'now' | 'later' | null>(null);
  return (
    <div className="notice notice-restart" data-testid="restart-notice">
      <p className="notice-title">
        <Icon name="clock" /> {t('restart.title')}
      </p>
      <p>{t('restart.text')}</p>
      {choice === null && (
        <div className="actions-row actions-row-tight">
          <button type="button" className="button button-small" onClick={() => setChoice('now')}>
            {t('restart.now')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setChoice('later');
              onLater();
            }}
          >
            {t('restart.later')}
          </button>
        </div>
      )}
      {choice === 'now' && <p role="status">{demo ? t('restart.nowDemo') : t('restart.nowSteps')}</p>}
      {choice === 'later' && <p role="status">{t('restart.laterSet')}</p>}
    </div>
  );
}
