import { useTranslation } from 'react-i18next';
import type { Finding, Fix } from '../../../app/core/report';
import { DecisionTable } from './DecisionTable';
import { EvidenceList } from './EvidenceList';
import { FixCard } from './FixCard';
import { SeverityBadge } from './SeverityBadge';

export function FindingPage({ finding, onBack, onFix, canFix }: { finding: Finding; onBack: () => void; onFix: (fix: Fix) => void; canFix: boolean }) {
  const { t } = useTranslation();
  const winnerLines = new Set((finding.decisions ?? []).flatMap((d) => (d.winner?.line !== undefined ? [d.winner.line] : [])));
  return (
    <article className="finding-page" aria-labelledby="finding-title">
      <button type="button" className="back-link" onClick={onBack}>
        <span aria-hidden="true">‹ </span>
        {t('nav.backToResults')}
      </button>
      <header className="panel finding-head">
        <SeverityBadge severity={finding.severity} />
        <h1 id="finding-title" tabIndex={-1}>{finding.title}</h1>
        <p className="lead">{finding.summary}</p>
        {finding.ifFixed && (
          <p className="if-fixed">
            <strong>{t('finding.ifFixed')}</strong> {finding.ifFixed}
          </p>
        )}
      </header>

      {finding.decisions && finding.decisions.length > 0 && <DecisionTable decisions={finding.decisions} />}

      <section className="panel" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('evidence.title')}</h2>
        <p className="muted small">{t('evidence.intro')}</p>
        <EvidenceList evidence={finding.evidence} highlightLines={winnerLines} />
      </section>

      {finding.fixes.length === 0 ? (
        <section className="panel">
          <h2>{t('fix.noneTitle')}</h2>
          <p className="muted">{t('fix.none')}</p>
        </section>
      ) : (
        finding.fixes.map((fix) => <FixCard key={fix.id} fix={fix} onFix={() => onFix(fix)} canFix={canFix} />)
      )}
    </article>
  );
}
