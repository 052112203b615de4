import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asIpcError } from '../api';
import { errorText } from './ErrorNotice';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'error'; message: string };

/**
 * Saves the report as it stands now in the UI's language — `redact` replaces names, public addresses
 * and SIDs (the CLI's --redact) so it can be mailed to the IT desk. Main shows the save dialog.
 */
export function SaveReportButton({ exportReport, redact, label, primary }: { exportReport: (redact: boolean) => Promise<{ saved: boolean; fileName?: string }>; redact: boolean; label: string; primary?: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const save = async (): Promise<void> => {
    setStatus({ kind: 'busy' });
    try {
      const r = await exportReport(redact);
      setStatus(r.saved ? { kind: 'saved', fileName: r.fileName ?? '' } : { kind: 'cancelled' });
    } catch (e) {
      setStatus({ kind: 'error', message: errorText(t, asIpcError(e)) });
    }
  };
  return (
    <div className="export-report">
      <button type="button" className={`button ${primary ? 'button-primary' : 'button-small'}`} onClick={() => void save()} disabled={status.kind === 'busy'}>
        {label}
      </button>
      <span role="status" className="small muted">
        {status.kind === 'saved' && (redact ? t('export.savedRedacted', { fileName: status.fileName }) : t('export.saved', { fileName: status.fileName }))}
        {status.kind === 'cancelled' && t('export.cancelled')}
        {status.kind === 'error' && t('export.failed', { message: status.message })}
      </span>
    </div>
  );
}
