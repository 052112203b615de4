import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../app/shared/model-types';
import { plainWhat } from '../lib/plain';
import type { FixedItem } from '../useTunnelMedic';
import { Icon } from './Icon';
import { SeverityPill } from './SeverityBadge';

const ORDER: Severity[] = ['critical', 'warning', 'info'];
/**
 * Rows painted at first (over all groups, the most serious first) and added per "show more": a scan
 * with 1 000 findings painted 10 000 DOM nodes (0.6 s and more) before anything showed, 25 per group
 * still 0.23 s. Now the first screen holds one page: the most serious findings are there at once,
 * a group that got no rows shows its heading and how many it holds, the rest is one click away
 * (bench/paint.ts measures it). A scan with a page or less of findings shows them all, as before.
 */
export const FINDINGS_PAGE = 25;

/** Rows each group shows before any "show more": the page goes to the groups in order, most serious first. */
export function firstRows(groupSizes: readonly number[], page = FINDINGS_PAGE): number[] {
  let left = page;
  return groupSizes.map((size) => {
    const rows = Math.min(size, left);
    left -= rows;
    return rows;
  });
}

/** Everything found, by severity; problems fixed since the last check stay as "Fixed — Undo" until the next one. */
export function FindingList({ findings, fixed = [], startHereId, onOpen, onUndo = () => undefined, busy = false }: { findings: Finding[]; fixed?: FixedItem[]; startHereId?: string; onOpen: (id: string) => void; onUndo?: (runId: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Partial<Record<Severity, number>>>({});
  const fixedIds = new Set(fixed.map((x) => x.finding.id));
  const open = findings.filter((f) => !fixedIds.has(f.id));
  if (findings.length === 0 && fixed.length === 0) return null;
  const groups = ORDER.map((severity) => ({ severity, group: open.filter((f) => f.severity === severity) })).filter((g) => g.group.length > 0);
  const initial = firstRows(groups.map((g) => g.group.length));
  // the words every row repeats, looked up once per list rather than once per row
  const words: RowWords = {
    severity: { critical: t('severity.critical'), warning: t('severity.warning'), info: t('severity.info') },
    startHere: t('finding.startHere'),
    fixAvailable: t('finding.fixAvailable'),
    askIt: t('finding.askIt'),
  };
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
      {groups.map(({ severity, group }, i) => {
        const limit = shown[severity] ?? initial[i]!;
        const more = Math.min(FINDINGS_PAGE, group.length - limit);
        return (
          <section key={severity} className="finding-group" aria-labelledby={`group-${severity}`}>
            <h3 id={`group-${severity}`} className="group-title">
              {t(`severity.group.${severity}`, { count: group.length })}
            </h3>
            {limit > 0 && (
              <ul className="finding-list">
                {group.slice(0, limit).map((f) => (
                  <FindingRow key={f.id} finding={f} words={words} startHere={f.id === startHereId} summary={plainWhat(t, f)} onOpen={onOpen} />
                ))}
              </ul>
            )}
            {more > 0 && (
              <button type="button" className="link-button" onClick={() => setShown({ ...shown, [severity]: limit + FINDINGS_PAGE })}>
                {limit === 0 ? t('finding.showFirst', { count: more, total: group.length }) : t('finding.showMore', { count: more, left: group.length - limit })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

interface RowWords {
  severity: Record<Severity, string>;
  startHere: string;
  fixAvailable: string;
  askIt: string;
}

/** One finding as a row: no hooks of its own, so a long list costs one translation per row (its plain sentence). */
function FindingRow({ finding: f, words, startHere, summary, onOpen }: { finding: Finding; words: RowWords; startHere: boolean; summary: string; onOpen: (id: string) => void }) {
  const fixable = f.fixes.length > 0;
  return (
    <li>
      <button type="button" className={`finding-row finding-${f.severity}`} data-finding-id={f.id} onClick={() => onOpen(f.id)}>
        <SeverityPill severity={f.severity} label={words.severity[f.severity]} />
        <span className="finding-text">
          <span className="finding-title">
            {startHere && <span className="tag tag-start" data-testid="start-here">{words.startHere}</span>} {f.title}
          </span>
          <span className="finding-summary">{summary}</span>
        </span>
        <span className="finding-go" aria-hidden="true">›</span>
        <span className={fixable ? 'finding-fixable' : 'finding-unfixable'}>{fixable ? words.fixAvailable : words.askIt}</span>
      </button>
    </li>
  );
}
