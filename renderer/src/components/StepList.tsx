import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './Icon';

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'rolled-back';

const ICON = { pending: 'pending', running: 'running', done: 'check', failed: 'cross', 'rolled-back': 'undo' } as const satisfies Record<StepStatus, IconName>;

export function StepList({ steps, label }: { steps: { label: string; status: StepStatus; output?: string }[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ol className="step-list" aria-label={label}>
      {steps.map((s, i) => (
        <li key={i} className={`step step-${s.status}`} aria-current={s.status === 'running' ? 'step' : undefined}>
          <span className="step-icon"><Icon name={ICON[s.status]} /></span>
          <span className="step-label">{s.label}</span>
          <span className="step-status">{t(`status.${s.status}`)}</span>
          {s.output && s.status === 'failed' && (
            <p className="step-output">
              {t('apply.windowsSaid')} <code>{s.output.trim()}</code>
            </p>
          )}
          {s.output && s.status !== 'failed' && (
            <details className="step-output">
              <summary>{t('apply.showOutput')}</summary>
              <pre className="code-block small">{s.output}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
