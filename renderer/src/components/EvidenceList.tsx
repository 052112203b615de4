import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../app/shared/model-types';

const isRouteSource = (source: string): boolean => /route|netroute/i.test(source);

/** The exact lines that triggered the finding, with file and line; the winning route lines stand out. */
export function EvidenceList({ evidence, highlightLines }: { evidence: Evidence[]; highlightLines: Set<number> }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <p className="muted">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => {
        const wins = isRouteSource(e.source) && e.line !== undefined && highlightLines.has(e.line);
        return (
          <li key={i} className={`evidence${isRouteSource(e.source) ? ' evidence-route' : ''}${wins ? ' evidence-wins' : ''}`}>
            <span className="evidence-where">
              {e.line !== undefined ? t('evidence.fileLine', { file: e.source, line: e.line }) : e.source}
              {wins && <span className="tag tag-wins">{t('evidence.winning')}</span>}
            </span>
            {/* a long line scrolls sideways; focusable so the keyboard can scroll it too */}
            <code className="evidence-text" tabIndex={0} role="region" aria-label={e.line !== undefined ? t('evidence.fileLine', { file: e.source, line: e.line }) : e.source}>
              {e.text}
            </code>
          </li>
        );
      })}
    </ul>
  );
}
