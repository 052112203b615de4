import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../app/shared/model-types';
import { SeverityBadge } from './SeverityBadge';

const ORDER: Severity[] = ['critical', 'warning', 'info'];

export function FindingList({ findings, onOpen }: { findings: Finding[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <div className="finding-groups">
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className="finding-group" aria-labelledby={`group-${severity}`}>
            <h3 id={`group-${severity}`} className="group-title">
              {t(`severity.group.${severity}`, { count: group.length })}
            </h3>
            <ul className="finding-list">
              {group.map((f) => (
                <li key={f.id}>
                  <button type="button" className={`finding-row finding-${f.severity}`} data-finding-id={f.id} onClick={() => onOpen(f.id)}>
                    <SeverityBadge severity={f.severity} />
                    <span className="finding-text">
                      <span className="finding-title">{f.title}</span>
                      <span className="finding-summary">{f.summary}</span>
                    </span>
                    <span className="finding-go" aria-hidden="true">›</span>
                    {f.fixes.length > 0 && <span className="finding-fixable">{t('finding.fixAvailable')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
