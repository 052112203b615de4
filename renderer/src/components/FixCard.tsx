import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/core/report';
import { ScriptTabs } from './ScriptTabs';

/** One fix: what it does in plain words, how long it lasts, the exact scripts, and the button. */
export function FixCard({ fix, onFix, canFix }: { fix: Fix; onFix: () => void; canFix: boolean }) {
  const { t } = useTranslation();
  const titleId = `fix-${fix.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <section className="panel fix-card" aria-labelledby={titleId}>
      <div className="fix-head">
        <h2 id={titleId}>{fix.title}</h2>
        <div className="fix-tags">
          {fix.strength && (
            <span className={`tag tag-${fix.strength}`}>
              {fix.strength === 'now' ? t('fix.strengthNow') : t('fix.strengthLasting')}
            </span>
          )}
          <span className={`tag tag-risk-${fix.risk}`}>{t(`fix.risk.${fix.risk}`)}</span>
          {fix.requiresAdmin && <span className="tag">{t('fix.admin')}</span>}
        </div>
      </div>
      {fix.strength && <p className="muted">{fix.strength === 'now' ? t('fix.strengthNowText') : t('fix.strengthLastingText')}</p>}
      <h3 className="subhead">{t('fix.stepsTitle')}</h3>
      <ol className="steps">
        {fix.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <ScriptTabs fix={fix} />
      <div className="fix-actions">
        <button type="button" className="button button-primary" onClick={onFix} disabled={!canFix}>
          {t('fix.apply')}
        </button>
        <span className="small muted">{t('fix.applyHint')}</span>
      </div>
    </section>
  );
}
