import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../app/shared/ipc';
import type { Report } from '../../../app/shared/model-types';

/** Step labels by phase in the UI's language (the engine's own label is English and names files). */
const PHASE_LABEL: Record<string, string> = { collect: 'scan.phase.collect', diagnose: 'scan.phase.diagnose' };

/**
 * `onOpenCapture`: the window can open a PC's capture (main's folder dialog); the button sits next to the check, where the person
 * chooses what to diagnose. `capture`: the window shows a saved capture of a PC, not this computer — the intro says so.
 */
export function ScanPanel(props: { scanning: boolean; progress: Progress | null; report: Report | null; fixedCount: number; disabled: boolean; onScan: () => void; onOpenCapture?: () => void; capture?: boolean }) {
  const { t } = useTranslation();
  const { scanning, progress, report } = props;
  const problems = report ? report.findings.filter((f) => f.severity !== 'info').length : 0;
  return (
    <section className="panel scan-panel" aria-labelledby="scan-title">
      <div className="scan-intro">
        <h1 id="scan-title" tabIndex={-1}>{t('scan.title')}</h1>
        <p className="lead" data-testid="scan-intro">{t(props.capture ? 'scan.introCapture' : 'scan.intro')}</p>
      </div>
      <div className="scan-action">
        <button type="button" className="button button-primary button-large" onClick={props.onScan} disabled={scanning || props.disabled} aria-describedby="scan-status">
          {scanning ? t('scan.scanning') : report ? t('scan.again') : t('scan.start')}
        </button>
        {props.onOpenCapture && (
          <button type="button" className="button" onClick={props.onOpenCapture} disabled={scanning || props.disabled} data-testid="open-capture">
            {t('capture.open')}
          </button>
        )}
        {/* always in the page, so screen readers announce both the progress and the result */}
        <div id="scan-status" className="scan-status" role="status" aria-live="polite" data-testid="scan-status">
          {scanning && (
            <>
              <progress className="progress" max={progress?.total || 1} value={progress ? progress.step : undefined} aria-label={t('scan.progressLabel')} />
              <span className="small muted">
                {progress ? t('scan.progress', { step: progress.step, total: progress.total, label: t(PHASE_LABEL[progress.phase] ?? 'scan.phase.other') }) : t('scan.starting')}
              </span>
            </>
          )}
          {!scanning && report && <span className="visually-hidden">{problems === 0 ? t('scan.doneHealthy') : t('scan.done', { count: problems })}</span>}
        </div>
      </div>
    </section>
  );
}
