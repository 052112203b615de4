import { useTranslation } from 'react-i18next';
import type { Finding, Fix } from '../../../app/shared/model-types';
import type { DomainInput } from '../../../app/shared/ipc';
import { DecisionTable } from './DecisionTable';
import { DomainForm } from './DomainForm';
import { EvidenceList } from './EvidenceList';
import { FixCard } from './FixCard';
import { FixChoice } from './FixChoice';
import { SeverityBadge } from './SeverityBadge';

export interface DomainFormProps {
  domain: DomainInput | null;
  disabled: boolean;
  onSubmit: (d: DomainInput) => void;
}

/** The LMHOSTS finding asks for the domain (an info note without a fix) when no policy names it. */
export const asksForDomain = (f: Finding): boolean => f.id === 'lmhosts.missing-domain-entries' && f.fixes.length === 0;

/** Two fixes of different strength (now / lasting) are offered as a choice; otherwise each fix as a card. */
const isStrengthChoice = (fixes: Fix[]): boolean => fixes.length === 2 && new Set(fixes.map((f) => f.strength)).size === 2 && fixes.every((f) => f.strength);

export function FindingPage(props: { finding: Finding; backTo: 'home' | 'connections'; onBack: () => void; onFix: (fix: Fix) => void; canFix: boolean; domainForm?: DomainFormProps }) {
  const { finding, onFix, canFix, domainForm } = props;
  const { t } = useTranslation();
  const winnerLines = new Set((finding.decisions ?? []).flatMap((d) => (d.winner?.line !== undefined ? [d.winner.line] : [])));
  const askDomain = asksForDomain(finding) && domainForm;
  return (
    <article className="finding-page" aria-labelledby="finding-title">
      <button type="button" className="back-link" onClick={props.onBack}>
        <span aria-hidden="true">‹ </span>
        {props.backTo === 'connections' ? t('nav.backToConnections') : t('nav.backToResults')}
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

      {askDomain && <DomainForm {...domainForm} />}

      {finding.decisions && finding.decisions.length > 0 && <DecisionTable decisions={finding.decisions} />}

      <section className="panel" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('evidence.title')}</h2>
        <p className="muted small">{t('evidence.intro')}</p>
        <EvidenceList evidence={finding.evidence} highlightLines={winnerLines} />
      </section>

      {finding.fixes.length === 0 && !askDomain && (
        <section className="panel">
          <h2>{t('fix.noneTitle')}</h2>
          <p className="muted">{t('fix.none')}</p>
        </section>
      )}
      {isStrengthChoice(finding.fixes) ? (
        <FixChoice fixes={finding.fixes} onFix={onFix} canFix={canFix} />
      ) : (
        finding.fixes.map((fix) => <FixCard key={fix.id} fix={fix} onFix={() => onFix(fix)} canFix={canFix} />)
      )}
    </article>
  );
}
