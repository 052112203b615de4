import { useTranslation } from 'react-i18next';
import type { TunnelMedicState } from '../useTunnelMedic';
import { ErrorNotice } from './ErrorNotice';
import { FindingList } from './FindingList';
import { NetworksForm } from './NetworksForm';
import { OverallState } from './OverallState';
import { ScanPanel } from './ScanPanel';

export function HomeView({ tm, onOpen }: { tm: TunnelMedicState; onOpen: (findingId: string) => void }) {
  const { t } = useTranslation();
  const report = tm.scan?.report;
  const askNetworks = tm.info !== null && tm.info.policyNetworks.length === 0;
  return (
    <>
      <ScanPanel scanning={tm.busy === 'scan'} progress={tm.scanProgress} hasResult={!!report} disabled={tm.busy !== null && tm.busy !== 'scan'} onScan={() => void tm.runScan()} />
      {tm.scanError && <ErrorNotice title={t('errors.scanFailed')} error={tm.scanError} />}
      {report && (
        <>
          <OverallState report={report} />
          <FindingList findings={report.findings} onOpen={onOpen} />
        </>
      )}
      {askNetworks && <NetworksForm networks={tm.networks} disabled={tm.busy !== null} onSubmit={(nets) => void tm.scanWithNetworks(nets)} />}
    </>
  );
}
