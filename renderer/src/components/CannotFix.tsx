import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../app/shared/model-types';
import { itSteps } from '../lib/plain';
import { SaveReportButton } from './SendToIt';

/**
 * What TunnelMedic cannot change (a VPN server's settings, an old Windows): the steps the person or
 * the IT desk can take, and "Send to IT" (the redacted report) right there.
 */
export function CannotFix({ finding, exportReport }: { finding: Finding; exportReport?: (redact: boolean) => Promise<{ saved: boolean; fileName?: string }> }) {
  const { t } = useTranslation();
  const steps = itSteps(t, finding);
  return (
    <section className="panel cannot-fix" aria-labelledby="cannot-fix-title" data-testid="cannot-fix">
      <h2 id="cannot-fix-title">{t('cannotFix.title')}</h2>
      <p>{t('cannotFix.intro')}</p>
      {steps.length > 0 && (
        <ol className="steps">
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      )}
      <p className="muted small">{t('cannotFix.sendIntro')}</p>
      {exportReport && <SaveReportButton exportReport={exportReport} redact label={t('cannotFix.send')} primary />}
    </section>
  );
}
