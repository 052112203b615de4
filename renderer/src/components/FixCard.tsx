import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { lastingKind } from '../lib/changes';
import { ScriptTabs } from './ScriptTabs';
import { WhatChanges } from './WhatChanges';

/** How long a fix lasts, in words that fit what it changes (routes, a VPN profile, a setting, a file). */
export function strengthText(fix: Fix, t: (key: string) => string): string | null {
  if (!fix.strength) return null;
  return fix.strength === 'now' ? t('fix.strengthNowText') : t(`fix.strengthLastingText.${lastingKind(fix)}`);
}

/** One fix: what it does in plain words, how long it lasts, what changes, the exact scripts, and the button. */
export function FixCard({ fix, onFix, canFix }: { fix: Fix; onFix: () => void; canFix: boolean }) {
  const { t } = useTranslation();
  const titleId = `fix-${fix.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const lasts = strengthText(fix, t);
  return (
    <section className="panel fix-card" aria-labelledby={titleId} data-fix-id={fix.id}>
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
      {lasts && <p className="muted">{lasts}</p>}
      <h3 className="subhead">{t('fix.stepsTitle')}</h3>
      <ol className="steps">
        {fix.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <WhatChanges fix={fix} />
      <h3 className="subhead">{t('script.title')}</h3>
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
