import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../app/shared/ipc';

export function ScanPanel(props: { scanning: boolean; progress: Progress | null; hasResult: boolean; disabled: boolean; onScan: () => void }) {
  const { t } = useTranslation();
  const { scanning, progress } = props;
  return (
    <section className="panel scan-panel" aria-labelledby="scan-title">
      <div className="scan-intro">
        <h1 id="scan-title" tabIndex={-1}>{t('scan.title')}</h1>
        <p className="lead">{t('scan.intro')}</p>
      </div>
      <div className="scan-action">
        <button type="button" className="button button-primary button-large" onClick={props.onScan} disabled={scanning || props.disabled} aria-describedby="scan-status">
          {scanning ? t('scan.scanning') : props.hasResult ? t('scan.again') : t('scan.start')}
        </button>
        <div id="scan-status" className="scan-status" role="status" aria-live="polite">
          {scanning && (
            <>
              <progress className="progress" max={progress?.total || 1} value={progress ? progress.step : undefined} aria-label={t('scan.progressLabel')} />
              <span className="small muted">{progress ? t('scan.progress', { step: progress.step, total: progress.total, label: progress.label }) : t('scan.starting')}</span>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
