import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { actionSteps, fixNotes, lastingKind, needsRestart } from '../lib/changes';
import { Icon } from './Icon';
import { ScriptTabs } from './ScriptTabs';
import { WhatChanges } from './WhatChanges';

/** How long a fix lasts, in words that fit what it changes (routes, a VPN profile, a setting, a file). */
export function strengthText(fix: Fix, t: (key: string) => string): string | null {
  if (!fix.strength) return null;
  return fix.strength === 'now' ? t('fix.strengthNowText') : t(`fix.strengthLastingText.${lastingKind(fix)}`);
}

/** What the fix button does here: apply it (this PC, the demo) or save its script (a capture of another PC). */
export type FixMode = { kind: 'apply'; onFix: (fix: Fix) => void; disabled: boolean } | { kind: 'script'; save: (fixId: string, which: 'fix' | 'undo', shell: 'cmd' | 'ps1') => Promise<{ saved: boolean; fileName?: string }> };

/** The main button of a fix: "Fix this…" (opens the consent dialog) or, on a capture, "Save the fix script for that PC". */
export function FixButton({ fix, mode }: { fix: Fix; mode: FixMode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('');
  if (mode.kind === 'apply') {
    return (
      <div className="fix-actions">
        <button type="button" className="button button-primary" data-testid="fix-button" onClick={() => mode.onFix(fix)} disabled={mode.disabled}>
          {t('fix.apply')}
        </button>
        <span className="small muted">{t('fix.applyHint')}</span>
      </div>
    );
  }
  const save = async (which: 'fix' | 'undo'): Promise<void> => {
    try {
      const r = await mode.save(fix.id, which, 'cmd');
      setStatus(r.saved ? t('export.saved', { fileName: r.fileName ?? '' }) : t('export.cancelled'));
    } catch {
      setStatus(t('fix.scriptFailed'));
    }
  };
  return (
    <div className="fix-actions">
      <button type="button" className="button button-primary" data-testid="fix-button" onClick={() => void save('fix')}>
        {t('fix.saveScript')}
      </button>
      <button type="button" className="button button-small" onClick={() => void save('undo')}>
        {t('fix.saveUndoScript')}
      </button>
      <span className="small muted">{t(fix.script.dialect === 'command-com' ? 'fix.saveScriptHint9x' : fix.script.dialect === 'cmd-nt4' ? 'fix.saveScriptHintNt4' : 'fix.saveScriptHint')}</span>
      <span role="status" className="small">{status}</span>
    </div>
  );
}

/**
 * One fix: what it does in plain words, the button, what the risk means, how long it lasts, the steps
 * and what changes; the exact commands folded under "Show the commands".
 */
export function FixCard({ fix, mode, recommended, plain }: { fix: Fix; mode: FixMode; recommended?: boolean; plain?: string }) {
  const { t } = useTranslation();
  const titleId = `fix-${fix.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const lasts = strengthText(fix, t);
  const notes = fixNotes(fix);
  return (
    <section className={`panel fix-card${recommended ? ' fix-recommended' : ''}`} aria-labelledby={titleId} data-fix-id={fix.id} data-recommended={recommended ? 'true' : undefined}>
      <div className="fix-head">
        {recommended && (
          <span className="tag tag-recommended" data-testid="recommended">
            <Icon name="check" /> {t('fix.recommended')}
          </span>
        )}
        <h2 id={titleId}>{fix.title}</h2>
      </div>
      {plain && <p className="fix-plain">{plain}</p>}
      <FixButton fix={fix} mode={mode} />
      <p className="risk-note small">
        <span className={`tag tag-risk-${fix.risk}`}>{t(`fix.risk.${fix.risk}`)}</span> {t(`fix.riskExplain.${fix.risk}`)}
        {fix.requiresAdmin && mode.kind === 'apply' && <> {t('fix.adminExplain')}</>}
      </p>
      {lasts && (
        <p className="small">
          <span className={`tag tag-${fix.strength}`}>{fix.strength === 'now' ? t('fix.strengthNow') : t('fix.strengthLasting')}</span> {lasts}
        </p>
      )}
      {needsRestart(fix) && (
        <p className="small" data-testid="fix-restart">
          <Icon name="clock" /> {t('restart.before')}
        </p>
      )}
      <h3 className="subhead">{t('fix.stepsTitle')}</h3>
      <ol className="steps">
        {actionSteps(fix).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {notes.length > 0 && (
        <ul className="notes small muted">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <WhatChanges fix={fix} />
      <details className="fold" data-testid="commands">
        <summary>{t('script.show')}</summary>
        <ScriptTabs fix={fix} />
      </details>
    </section>
  );
}
