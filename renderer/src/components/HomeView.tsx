import { useTranslation } from 'react-i18next';
import { attempts, rasEvents } from '../lib/connections';
import type { TunnelMedicState } from '../useTunnelMedic';
import { DomainForm } from './DomainForm';
import { ErrorNotice } from './ErrorNotice';
import { ExportReport } from './ExportReport';
import { asksForDomain } from './FindingPage';
import { FindingList } from './FindingList';
import { NetworksForm } from './NetworksForm';
import { OverallState } from './OverallState';
import { ScanPanel } from './ScanPanel';

export function HomeView({ tm, onOpen, onConnections }: { tm: TunnelMedicState; onOpen: (findingId: string) => void; onConnections: () => void }) {
  const { t } = useTranslation();
  const report = tm.scan?.report;
  const askNetworks = tm.info !== null && tm.info.policyNetworks.length === 0;
  // asked while the LMHOSTS note wants it, and kept on show once typed so it can be corrected
  const askDomain = tm.info?.policyDomain === false && !!report && (report.findings.some(asksForDomain) || tm.domain !== null);
  const failed = report ? attempts(rasEvents(report)).filter((a) => a.outcome === 'failed').length : 0;
  return (
    <>
      <ScanPanel scanning={tm.busy === 'scan'} progress={tm.scanProgress} hasResult={!!report} disabled={tm.busy !== null && tm.busy !== 'scan'} onScan={() => void tm.runScan()} />
      {tm.scanError && <ErrorNotice title={t('errors.scanFailed')} error={tm.scanError} />}
      {report && (
        <>
          <OverallState report={report} />
          {tm.scan && <ExportReport runToken={tm.scan.runToken} />}
          <FindingList findings={report.findings} onOpen={onOpen} />
          {failed > 0 && (
            <p className="notice notice-link">
              {t('connections.homeHint', { count: failed })}{' '}
              <button type="button" className="link-button" onClick={onConnections}>{t('connections.homeLink')}</button>
            </p>
          )}
        </>
      )}
      {askDomain && <DomainForm domain={tm.domain} disabled={tm.busy !== null} onSubmit={(d) => void tm.scanWithDomain(d)} />}
      {askNetworks && <NetworksForm networks={tm.networks} disabled={tm.busy !== null} onSubmit={(nets) => void tm.scanWithNetworks(nets)} />}
    </>
  );
}
