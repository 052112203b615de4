import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../app/shared/model-types';

const isRouteSource = (source: string): boolean => /route|netroute/i.test(source);
/** sources that are no file (what TunnelMedic worked out, the policy, the registry not collected): worded in the UI's language */
const WORDED_SOURCES = new Set(['analysis', 'policy', 'registry']);

/** The exact lines that triggered the finding, with file and line; the winning route lines stand out. */
export function EvidenceList({ evidence, highlightLines }: { evidence: Evidence[]; highlightLines: Set<number> }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <p className="muted">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => {
        const wins = isRouteSource(e.source) && e.line !== undefined && highlightLines.has(e.line);
        const source = WORDED_SOURCES.has(e.source) ? t(`evidence.source.${e.source}`) : e.source;
        const where = e.line !== undefined ? t('evidence.fileLine', { file: source, line: e.line }) : source;
        return (
          <li key={i} className={`evidence${isRouteSource(e.source) ? ' evidence-route' : ''}${wins ? ' evidence-wins' : ''}`}>
            <span className="evidence-where">
              {where}
              {wins && <span className="tag tag-wins">{t('evidence.winning')}</span>}
            </span>
            {/* a long line scrolls sideways; focusable so the keyboard can scroll it too */}
            <code className="evidence-text" tabIndex={0} role="region" aria-label={where}>
              {e.text}
            </code>
          </li>
        );
      })}
    </ul>
  );
}
