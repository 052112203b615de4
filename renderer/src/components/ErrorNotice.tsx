import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../app/shared/ipc';
import { Icon } from './Icon';

/** An error exactly as main sent it: message first, then the code and technical detail for support. */
export function ErrorNotice({ title, error }: { title: string; error: IpcError }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        <Icon name="warning" /> 
        {title}
      </p>
      <p>{error.message}</p>
      {error.detail && (
        <details className="error-detail">
          <summary>{t('errors.technical')}</summary>
          <p>
            {t('errors.code')}: <code>{error.code}</code>
          </p>
          <pre className="code-block small">{error.detail}</pre>
        </details>
      )}
      {!error.detail && (
        <p className="muted small">
          {t('errors.code')}: <code>{error.code}</code>
        </p>
      )}
    </div>
  );
}
