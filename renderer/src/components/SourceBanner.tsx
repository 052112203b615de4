import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../app/shared/ipc';
import { Icon } from './Icon';

/** Says loudly when the app is not looking at this computer, so nobody thinks their PC was changed. */
export function SourceBanner({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <div className="banner" role="note" data-testid="source-banner">
      <span className="banner-icon"><Icon name="info" /></span>
      <div>
        <strong>{info.source === 'demo' ? t('banner.demoTitle') : t('banner.captureTitle', { label: info.sourceLabel })}</strong>{' '}
        <span>{info.source === 'demo' ? t('banner.demoText') : t('banner.captureText')}</span>
      </div>
    </div>
  );
}
