import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { CopyButton } from './CopyButton';

type Which = 'fix' | 'undo';
type Shell = 'cmd' | 'ps1';

/** Tabs "Fix script" / "Undo script" (WAI-ARIA tabs: arrows move, Home/End jump), cmd or PowerShell. */
export function ScriptTabs({ fix }: { fix: Fix }) {
  const { t } = useTranslation();
  const id = useId();
  const [which, setWhich] = useState<Which>('fix');
  const [shell, setShell] = useState<Shell>('cmd');
  const tabs = useRef<Record<Which, HTMLButtonElement | null>>({ fix: null, undo: null });
  const hasPs1 = !!fix.script.ps1;
  const activeShell: Shell = hasPs1 ? shell : 'cmd';
  const text =
    which === 'fix'
      ? activeShell === 'ps1' ? fix.script.ps1 ?? '' : fix.script.cmd
      : activeShell === 'ps1' ? fix.script.rollbackPs1 ?? '' : fix.script.rollbackCmd;

  const onKey = (e: KeyboardEvent): void => {
    const order: Which[] = ['fix', 'undo'];
    let next: Which | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') next = which === 'fix' ? 'undo' : 'fix';
    if (e.key === 'Home') next = order[0];
    if (e.key === 'End') next = order[1];
    if (!next) return;
    e.preventDefault();
    setWhich(next);
    tabs.current[next]?.focus();
  };

  return (
    <div className="scripts">
      <div className="scripts-bar">
        <div role="tablist" aria-label={t('script.tabsLabel')} className="tabs" onKeyDown={onKey}>
          {(['fix', 'undo'] as const).map((w) => (
            <button
              key={w}
              ref={(el) => {
                tabs.current[w] = el;
              }}
              id={`${id}-tab-${w}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={which === w}
              aria-controls={`${id}-panel`}
              tabIndex={which === w ? 0 : -1}
              onClick={() => setWhich(w)}
            >
              {w === 'fix' ? t('script.fix') : t('script.undo')}
            </button>
          ))}
        </div>
        {hasPs1 && (
          <div className="segmented" role="group" aria-label={t('script.shellLabel')}>
            {(['cmd', 'ps1'] as const).map((s) => (
              <button key={s} type="button" className="segment" aria-pressed={activeShell === s} onClick={() => setShell(s)}>
                {s === 'cmd' ? t('script.cmd') : t('script.ps1')}
              </button>
            ))}
          </div>
        )}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${which}`} className="script-panel">
        <p className="small muted">{which === 'fix' ? t('script.fixHint') : t('script.undoHint')}</p>
        {fix.script.dialect && (
          <p className="small muted" data-testid="script-dialect">
            {t(`script.dialect.${fix.script.dialect === 'command-com' ? 'commandCom' : 'nt4'}`)}
          </p>
        )}
        {!hasPs1 && fix.script.ps1Unavailable && (
          <p className="small muted" data-testid="ps1-unavailable">
            {fix.script.ps1Unavailable}
          </p>
        )}
        <div className="code-wrap">
          <CopyButton text={text} />
          <pre className="code-block" tabIndex={0} aria-label={which === 'fix' ? t('script.fix') : t('script.undo')} data-testid="script-text">
            {text}
          </pre>
        </div>
      </div>
    </div>
  );
}
