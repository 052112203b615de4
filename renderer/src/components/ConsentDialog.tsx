import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { actionSteps, fixNotes, needsRestart } from '../lib/changes';
import { strengthText } from './FixCard';
import { useFocusTrap } from './useFocusTrap';
import { Icon } from './Icon';

/** Asks before anything changes: exactly what will change, admin prompt, backup, undo. */
export function ConsentDialog({ fix, demo, sha256, canProbe = false, onCancel, onConfirm }: { fix: Fix; demo: boolean; sha256?: string; canProbe?: boolean; onCancel: () => void; onConfirm: (probe: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useFocusTrap(ref, onCancel, cancelRef);
  const restart = needsRestart(fix);
  const notes = fixNotes(fix);
  // contacting the network needs its own yes; on by default where it is possible at all
  const [probe, setProbe] = useState(canProbe);
  return (
    <div className="overlay">
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby="consent-title" aria-describedby="consent-desc">
        <h2 id="consent-title">{t('consent.title')}</h2>
        <p id="consent-desc">{t('consent.intro', { fix: fix.title })}</p>
        <ol className="steps steps-boxed">
          {actionSteps(fix).map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
        {notes.map((n, i) => (
          <p key={i} className="small muted">{n}</p>
        ))}
        {sha256 && (
          <p className="plan-hash" data-testid="consent-sha256">
            {t('consent.sha256')} <code>{sha256}</code>
          </p>
        )}
        {restart && (
          <p className="notice notice-restart" data-testid="consent-restart">
            <Icon name="warning" /> <strong>{t('consent.restartTitle')}</strong> {t('restart.before')}
          </p>
        )}
        <ul className="assurances">
          {fix.requiresAdmin && (
            <li>
              <Icon name="shield" />
              {demo ? t('consent.adminDemo') : t('consent.admin')}
            </li>
          )}
          <li>
            <Icon name="save" />
            {t('consent.backup')}
          </li>
          <li>
            <Icon name="undo" />
            {t('consent.undo')}
          </li>
          {fix.strength === 'now' && (
            <li>
              <Icon name="clock" />
              {t('consent.untilReconnect')}
            </li>
          )}
          {fix.strength === 'lasting' && (
            <li>
              <Icon name="check" />
              {strengthText(fix, t)}
            </li>
          )}
          {demo && (
            <li>
              <Icon name="info" />
              {t('consent.demo')}
            </li>
          )}
        </ul>
        {canProbe && (
          <label className="probe-choice" data-testid="consent-probe">
            <input type="checkbox" checked={probe} onChange={(e) => setProbe(e.target.checked)} /> {t('consent.probe')}
          </label>
        )}
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            {t('consent.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => onConfirm(canProbe && probe)}>
            {t('consent.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
