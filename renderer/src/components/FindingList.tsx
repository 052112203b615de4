import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../app/shared/model-types';
import { SeverityBadge } from './SeverityBadge';

const ORDER: Severity[] = ['critical', 'warning', 'info'];
/**
 * Rows painted per group at first, and added per "show more": a scan with 1 000 findings painted
 * 10 000 DOM nodes (0.6 s and more) before anything showed; the first rows of each group paint at
 * once and the rest is one click away (bench/paint.ts measures it).
 */
export const FINDINGS_PAGE = 25;

export function FindingList({ findings, onOpen }: { findings: Finding[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Partial<Record<Severity, number>>>({});
  if (findings.length === 0) return null;
  return (
    <div className="finding-groups">
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const limit = shown[severity] ?? FINDINGS_PAGE;
        const more = Math.min(FINDINGS_PAGE, group.length - limit);
        return (
          <section key={severity} className="finding-group" aria-labelledby={`group-${severity}`}>
            <h3 id={`group-${severity}`} className="group-title">
              {t(`severity.group.${severity}`, { count: group.length })}
            </h3>
            <ul className="finding-list">
              {group.slice(0, limit).map((f) => (
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
            {more > 0 && (
              <button type="button" className="link-button" onClick={() => setShown({ ...shown, [severity]: limit + FINDINGS_PAGE })}>
                {t('finding.showMore', { count: more, left: group.length - limit })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
