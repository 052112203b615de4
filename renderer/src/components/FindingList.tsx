import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../app/shared/model-types';
import { plainWhat } from '../lib/plain';
import type { FixedItem } from '../useTunnelMedic';
import { Icon } from './Icon';
import { SeverityBadge } from './SeverityBadge';

const ORDER: Severity[] = ['critical', 'warning', 'info'];
/**
 * Rows painted per group at first, and added per "show more": a scan with 1 000 findings painted
 * 10 000 DOM nodes (0.6 s and more) before anything showed; the first rows of each group paint at
 * once and the rest is one click away (bench/paint.ts measures it).
 */
export const FINDINGS_PAGE = 25;

/** Everything found, by severity; problems fixed since the last check stay as "Fixed — Undo" until the next one. */
export function FindingList({ findings, fixed = [], startHereId, onOpen, onUndo = () => undefined, busy = false }: { findings: Finding[]; fixed?: FixedItem[]; startHereId?: string; onOpen: (id: string) => void; onUndo?: (runId: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Partial<Record<Severity, number>>>({});
  const fixedIds = new Set(fixed.map((x) => x.finding.id));
  const open = findings.filter((f) => !fixedIds.has(f.id));
  if (findings.length === 0 && fixed.length === 0) return null;
  return (
    <div className="finding-groups">
      {fixed.length > 0 && (
        <section className="finding-group" aria-labelledby="group-fixed">
          <h3 id="group-fixed" className="group-title">{t('fixed.group', { count: fixed.length })}</h3>
          <ul className="finding-list">
            {fixed.map((x) => (
              <li key={x.runId} className="finding-row finding-fixed" data-testid="fixed-row" data-finding-id={x.finding.id}>
                <span className="badge badge-fixed">
                  <Icon name="check" /> {t('fixed.badge')}
                </span>
                <span className="finding-text">
                  <span className="finding-title">{x.finding.title}</span>
                  <span className="finding-summary">{t('fixed.text', { fix: x.fix.title })}</span>
                </span>
                <button type="button" className="button button-small" disabled={busy} onClick={() => onUndo(x.runId)} aria-label={t('fixed.undoLabel', { title: x.finding.title })}>
                  {t('undo.button')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {ORDER.map((severity) => {
        const group = open.filter((f) => f.severity === severity);
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
                      <span className="finding-title">
                        {f.id === startHereId && <span className="tag tag-start" data-testid="start-here">{t('finding.startHere')}</span>} {f.title}
                      </span>
                      <span className="finding-summary">{plainWhat(t, f)}</span>
                    </span>
                    <span className="finding-go" aria-hidden="true">›</span>
                    <span className={f.fixes.length > 0 ? 'finding-fixable' : 'finding-unfixable'}>{f.fixes.length > 0 ? t('finding.fixAvailable') : t('finding.askIt')}</span>
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
