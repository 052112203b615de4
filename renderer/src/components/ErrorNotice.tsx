import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../app/shared/ipc';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';

export interface ErrorActions {
  /** the same action again (scan, load, undo …) */
  onRetry?: () => void;
  /** a fresh check of the computer */
  onRecheck?: () => void;
  disabled?: boolean;
}

/** What the person reads for an error: the app's own words per error code (translated), else the engine's message. */
export function errorText(t: (key: string, opts?: Record<string, unknown>) => string, error: IpcError): string {
  return t(`engineError.${error.code}`, { defaultValue: error.message });
}

/**
 * An error with a way forward: what happened in the UI's language, Try again / Check again, and
 * Copy details (code, the engine's own message and technical detail) for the IT desk.
 */
export function ErrorNotice({ title, error, onRetry, onRecheck, disabled }: { title: string; error: IpcError } & ErrorActions) {
  const { t } = useTranslation();
  const details = [`${t('errors.code')}: ${error.code}`, error.message, error.detail].filter(Boolean).join('\n');
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice" data-code={error.code}>
      <p className="notice-title">
        <Icon name="warning" /> {title}
      </p>
      <p>{errorText(t, error)}</p>
      <div className="actions-row actions-row-tight">
        {onRetry && (
          <button type="button" className="button button-small" onClick={onRetry} disabled={disabled}>
            {t('errors.retry')}
          </button>
        )}
        {onRecheck && (
          <button type="button" className="button button-small" onClick={onRecheck} disabled={disabled}>
            {t('errors.recheck')}
          </button>
        )}
        <CopyButton text={details} label={t('errors.copy')} />
      </div>
      <details className="error-detail">
        <summary>{t('errors.technical')}</summary>
        <pre className="code-block small">{details}</pre>
      </details>
    </div>
  );
}
