import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../app/shared/ipc';
import { Icon } from './Icon';

/**
 * Says loudly when the app is not looking at this computer, so nobody thinks their PC was changed. A capture opened in the window
 * (File → Open a PC's capture…) says whose PC it is and when it was captured, what reading it left out, and offers the way back.
 */
export function SourceBanner({ info, notes = [], onLeave, busy }: { info: AppInfo; notes?: string[]; onLeave?: () => void; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const capture = info.source === 'capture';
  const when = capture && info.capturedAt ? capturedWhen(info.capturedAt, i18n.language) : undefined;
  return (
    <div className="banner" role="note" data-testid="source-banner">
      <span className="banner-icon"><Icon name="info" /></span>
      <div className="banner-body">
        <strong data-testid="source-label">
          {!capture ? t('banner.demoTitle') : when ? t('banner.captureOfWhen', { label: info.sourceLabel, when }) : t('banner.captureTitle', { label: info.sourceLabel })}
        </strong>{' '}
        <span>{capture ? t('banner.captureText') : t('banner.demoText')}</span>
        {capture && notes.length > 0 && (
          <details className="banner-notes" data-testid="capture-notes">
            <summary>{t('banner.captureNotes', { count: notes.length })}</summary>
            <ul>{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
          </details>
        )}
      </div>
      {capture && onLeave && info.homeSource && (
        <button type="button" className="button button-small" onClick={onLeave} disabled={busy} data-testid="leave-capture">
          {info.homeSource === 'live' ? t('banner.backToThisPc') : t('banner.backToDemo')}
        </button>
      )}
    </div>
  );
}

/** capture.json's time (ISO from the collectors) in the UI's language; anything else shown as written. */
function capturedWhen(value: string, language: string): string {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}
