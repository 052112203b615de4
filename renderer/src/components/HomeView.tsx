import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { attempts, rasEvents } from '../lib/connections';
import { plainFix, plainWhat, startHere } from '../lib/plain';
import type { TunnelMedicState } from '../useTunnelMedic';
import { DomainForm } from './DomainForm';
import { ErrorNotice } from './ErrorNotice';
import { asksForDomain } from './FindingPage';
import { FindingList } from './FindingList';
import { FixButton, type FixMode } from './FixCard';
import { NetworksForm } from './NetworksForm';
import { OverallState } from './OverallState';
import { ScanPanel } from './ScanPanel';
import { SaveReportButton } from './SendToIt';
import { SeverityBadge } from './SeverityBadge';

/** The start: the check, then what to do first ("Start here", with its fix button), then everything found. */
export function HomeView({ tm, mode, onOpen, onConnections }: { tm: TunnelMedicState; mode: FixMode; onOpen: (findingId: string) => void; onConnections: () => void }) {
  const { t } = useTranslation();
  const report = tm.scan?.report;
  const askNetworks = tm.info !== null && tm.info.policyNetworks.length === 0;
  // asked while the LMHOSTS note wants it, and kept on show once typed so it can be corrected
  const askDomain = tm.info?.policyDomain === false && !!report && (report.findings.some(asksForDomain) || tm.domain !== null);
  const failed = report ? attempts(rasEvents(report)).filter((a) => a.outcome === 'failed').length : 0;
  const fixedIds = new Set(tm.fixed.map((x) => x.finding.id));
  const first = report ? startHere(report.findings.filter((f) => !fixedIds.has(f.id))) : undefined;
  const recommended = first?.fixes[0];
  const overallRef = useRef<HTMLHeadingElement>(null);
  const seen = useRef(tm.scanCount);
  // after a check the person started here, focus goes to the result (the live region announces it too)
  useEffect(() => {
    if (tm.scanCount !== seen.current) overallRef.current?.focus();
    seen.current = tm.scanCount;
  }, [tm.scanCount]);
  return (
    <>
      <ScanPanel scanning={tm.busy === 'scan'} progress={tm.scanProgress} report={report ?? null} fixedCount={tm.fixed.length} disabled={tm.busy !== null && tm.busy !== 'scan'} onScan={() => void tm.runScan()} onOpenCapture={tm.info?.homeSource ? () => void tm.openCapture() : undefined} capture={tm.info?.source === 'capture'} />
      {tm.captureError && <ErrorNotice title={t('capture.openFailed')} error={tm.captureError} onRetry={() => void tm.openCapture()} disabled={tm.busy !== null} />}
      {tm.scanError && <ErrorNotice title={t('errors.scanFailed')} error={tm.scanError} onRetry={() => void tm.runScan()} disabled={tm.busy !== null} />}
      {report && (
        <>
          <OverallState report={report} fixed={tm.fixed.length} headingRef={overallRef} />
          {first && (
            <section className="panel start-here" aria-labelledby="start-here-title" data-testid="start-here-card">
              <p className="finding-badges">
                <span className="tag tag-start">{t('finding.startHere')}</span>
                <SeverityBadge severity={first.severity} />
              </p>
              <h2 id="start-here-title">{first.title}</h2>
              <p className="lead">{plainWhat(t, first)}</p>
              {recommended ? (
                <>
                  <p className="fix-plain">
                    <strong>{t('home.fixIntro')}</strong> {plainFix(t, first) ?? recommended.title}
                  </p>
                  <FixButton fix={recommended} mode={mode} />
                </>
              ) : (
                <p>{t('home.noFix')}</p>
              )}
              <button type="button" className="link-button" onClick={() => onOpen(first.id)}>
                {recommended ? t('home.more') : t('home.whatToDo')}
              </button>
            </section>
          )}
          <FindingList findings={report.findings} fixed={tm.fixed} startHereId={first?.id} onOpen={onOpen} onUndo={(runId) => void tm.undoRun(runId)} busy={tm.busy !== null} />
          {failed > 0 && (
            <p className="notice notice-link">
              {t('connections.homeHint', { count: failed })}{' '}
              <button type="button" className="link-button" onClick={onConnections}>{t('connections.homeLink')}</button>
            </p>
          )}
          <div className="report-actions">
            <SaveReportButton exportReport={tm.exportReport} redact={false} label={t('export.button')} />
            <SaveReportButton exportReport={tm.exportReport} redact label={t('export.sendToIt')} />
          </div>
        </>
      )}
      {askDomain && <DomainForm domain={tm.domain} disabled={tm.busy !== null} onSubmit={(d) => void tm.scanWithDomain(d)} />}
      {askNetworks && <NetworksForm networks={tm.networks} disabled={tm.busy !== null} onSubmit={(nets) => void tm.scanWithNetworks(nets)} />}
    </>
  );
}
