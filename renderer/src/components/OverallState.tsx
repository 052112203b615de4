import { useTranslation } from 'react-i18next';
import type { Report } from '../../../app/shared/model-types';
import { formatDateTime } from '../format';
import { Icon } from './Icon';

/** Healthy, or how many problems: counts warnings and criticals; info notes are not problems. */
export function OverallState({ report, fixed, headingRef }: { report: Report; fixed: number; headingRef?: React.Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  const problems = report.findings.filter((f) => f.severity !== 'info').length;
  const healthy = problems === 0;
  return (
    <section className={`overall ${healthy ? 'overall-ok' : 'overall-bad'}`} aria-labelledby="overall-title" data-testid="overall">
      <span className="overall-icon"><Icon name={healthy ? 'check' : 'warning'} /></span>
      <div>
        <h2 id="overall-title" tabIndex={-1} ref={headingRef}>
          {healthy ? (fixed > 0 ? t('overall.allFixed') : t('overall.healthy')) : t('overall.problems', { count: problems })}
        </h2>
        <p className="muted">
          {healthy ? t('overall.healthyText') : t('overall.problemsText')} {fixed > 0 && t('overall.fixedSince', { count: fixed })}{' '}
          {t('overall.scannedAt', { time: formatDateTime(report.generatedAt, i18n.language) })}
        </p>
      </div>
    </section>
  );
}
