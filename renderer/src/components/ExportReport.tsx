import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asIpcError, call } from '../api';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'error'; message: string };

/** Saves the report (a readable HTML page) where the person chooses; main shows the save dialog. */
export function ExportReport({ runToken }: { runToken: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const save = async () => {
    setStatus({ kind: 'busy' });
    try {
      const r = await call(api().exportReport({ runToken, format: 'html' }));
      setStatus(r.saved ? { kind: 'saved', fileName: r.fileName ?? '' } : { kind: 'cancelled' });
    } catch (e) {
      setStatus({ kind: 'error', message: asIpcError(e).message });
    }
  };
  return (
    <div className="export-report">
      <button type="button" className="button button-small" onClick={() => void save()} disabled={status.kind === 'busy'}>
        {t('export.button')}
      </button>
      <span role="status" className="muted">
        {status.kind === 'saved' && t('export.saved', { fileName: status.fileName })}
        {status.kind === 'cancelled' && t('export.cancelled')}
        {status.kind === 'error' && t('export.failed', { message: status.message })}
      </span>
    </div>
  );
}
