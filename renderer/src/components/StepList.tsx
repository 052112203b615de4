import { useTranslation } from 'react-i18next';

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'rolled-back';

const ICON: Record<StepStatus, string> = { pending: '○', running: '◐', done: '✓', failed: '✕', 'rolled-back': '↩' };

export function StepList({ steps, label }: { steps: { label: string; status: StepStatus; output?: string }[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ol className="step-list" aria-label={label}>
      {steps.map((s, i) => (
        <li key={i} className={`step step-${s.status}`} aria-current={s.status === 'running' ? 'step' : undefined}>
          <span className="step-icon" aria-hidden="true">{ICON[s.status]}</span>
          <span className="step-label">{s.label}</span>
          <span className="step-status">{t(`status.${s.status}`)}</span>
          {s.output && <pre className="code-block small step-output">{s.output}</pre>}
        </li>
      ))}
    </ol>
  );
}
