import { useTranslation } from 'react-i18next';
import type { Finding, Report } from '../../../app/shared/model-types';
import type { DomainInput } from '../../../app/shared/ipc';
import { plainFix, plainWhat } from '../lib/plain';
import { CannotFix } from './CannotFix';
import { DecisionTable } from './DecisionTable';
import { DomainForm } from './DomainForm';
import { EvidenceList } from './EvidenceList';
import { FixCard, type FixMode } from './FixCard';
import { SeverityBadge } from './SeverityBadge';
import { TrafficDiagramView } from './TrafficDiagramView';
import { FindingSummary } from './FindingSummary';

export interface DomainFormProps {
  domain: DomainInput | null;
  disabled: boolean;
  onSubmit: (d: DomainInput) => void;
}

/** The LMHOSTS finding asks for the domain (an info note without a fix) when no policy names it. */
export const asksForDomain = (f: Finding): boolean => f.id === 'lmhosts.missing-domain-entries' && f.fixes.length === 0;

/**
 * A finding, first screen first: one plain sentence, the recommended fix with its button, then the
 * picture of where the traffic goes; the technical layer (details for IT, other fixes, route table,
 * evidence) below and folded.
 */
export function FindingPage(props: {
  finding: Finding;
  report: Report;
  backTo: 'home' | 'connections';
  onBack: () => void;
  mode: FixMode;
  startHere: boolean;
  domainForm?: DomainFormProps;
  exportReport?: (redact: boolean) => Promise<{ saved: boolean; fileName?: string }>;
}) {
  const { finding, mode, domainForm } = props;
  const { t } = useTranslation();
  const winnerLines = new Set((finding.decisions ?? []).flatMap((d) => (d.winner?.line !== undefined ? [d.winner.line] : [])));
  const askDomain = asksForDomain(finding) && domainForm;
  const [recommended, ...others] = finding.fixes;
  return (
    <article className="finding-page" aria-labelledby="finding-title">
      <button type="button" className="back-link" onClick={props.onBack}>
        <span aria-hidden="true">‹ </span>
        {props.backTo === 'connections' ? t('nav.backToConnections') : t('nav.backToResults')}
      </button>
      <header className="panel finding-head">
        <p className="finding-badges">
          {props.startHere && <span className="tag tag-start" data-testid="start-here">{t('finding.startHere')}</span>}
          <SeverityBadge severity={finding.severity} explain />
        </p>
        <h1 id="finding-title" tabIndex={-1}>{finding.title}</h1>
        <p className="lead" data-testid="plain-what">{plainWhat(t, finding)}</p>
        <details className="fold fold-inline" data-testid="details-it">
          <summary>{t('finding.details')}</summary>
          <FindingSummary finding={finding} />
          {finding.ifFixed && (
            <p className="if-fixed">
              <strong>{t('finding.ifFixed')}</strong> {finding.ifFixed}
            </p>
          )}
        </details>
      </header>

      {askDomain && <DomainForm {...domainForm} />}
      {recommended && <FixCard fix={recommended} mode={mode} recommended plain={plainFix(t, finding)} />}
      {finding.fixes.length === 0 && !askDomain && <CannotFix finding={finding} exportReport={props.exportReport} />}

      {finding.decisions && finding.decisions.length > 0 && <TrafficDiagramView report={props.report} finding={finding} />}

      {others.length > 0 && (
        <details className="fold fold-panel" data-testid="other-fixes">
          <summary>{t('fix.others', { count: others.length })}</summary>
          {others.map((fix) => (
            <FixCard key={fix.id} fix={fix} mode={mode} />
          ))}
        </details>
      )}

      {finding.decisions && finding.decisions.length > 0 && (
        <details className="fold fold-panel" data-testid="route-table">
          <summary>{t('decisions.show')}</summary>
          <DecisionTable decisions={finding.decisions} />
        </details>
      )}

      <section className="panel" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('evidence.title')}</h2>
        <p className="muted small">{t('evidence.intro')}</p>
        <EvidenceList evidence={finding.evidence} highlightLines={winnerLines} />
      </section>
    </article>
  );
}
