import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { Icon } from './Icon';
import { FixCard } from './FixCard';

const ORDER = { now: 0, lasting: 1 } as const;

/**
 * Two strengths of the same fix side by side ("until the VPN reconnects" vs "stays; changes the
 * VPN profile"): the person picks one, and its details, scripts and button follow below.
 */
export function FixChoice({ fixes, onFix, canFix }: { fixes: Fix[]; onFix: (fix: Fix) => void; canFix: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const sorted = [...fixes].sort((a, b) => ORDER[a.strength ?? 'now'] - ORDER[b.strength ?? 'now']);
  const [chosen, setChosen] = useState(sorted[0]!.id);
  const fix = sorted.find((f) => f.id === chosen) ?? sorted[0]!;
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('choice.title')}</h2>
        <p className="muted">{t('choice.intro')}</p>
        <div className="choice-grid" role="radiogroup" aria-labelledby={`${id}-title`}>
          {sorted.map((f) => {
            const strength = f.strength ?? 'now';
            return (
              <label key={f.id} className={`choice${chosen === f.id ? ' choice-selected' : ''}`} data-testid="fix-choice">
                <input type="radio" name={`${id}-fix`} value={f.id} checked={chosen === f.id} onChange={() => setChosen(f.id)} />
                <span className="choice-body">
                  <span className={`tag tag-${strength}`}>{strength === 'now' ? t('fix.strengthNow') : t('fix.strengthLasting')}</span>
                  <span className="choice-title">{f.title}</span>
                  <span className="choice-diff">
                    <Icon name={strength === 'now' ? 'clock' : 'check'} /> {t(`choice.${strength}`)}
                  </span>
                  <span className="small muted">{t(`choice.${strength}Detail`)}</span>
                  <span className="small muted">
                    {t(`fix.risk.${f.risk}`)} · {t('choice.stepCount', { count: f.steps.length })}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </section>
      <FixCard key={fix.id} fix={fix} onFix={() => onFix(fix)} canFix={canFix} />
    </>
  );
}
