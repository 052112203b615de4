import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** After the route table changed on its own: the problem is back (with its fix one click away), or just re-checked. */
export function ChangeNotice({ back, onShow, onDismiss }: { back: string | null; onShow: (findingId: string) => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`notice ${back ? 'notice-restart' : ''}`} role="status" aria-live="polite" data-testid="change-notice" data-back={back ?? ''}>
      <Icon name={back ? 'warning' : 'info'} /> {back ? t('watch.back') : t('watch.changed')}{' '}
      {back && (
        <button type="button" className="button button-primary" onClick={() => onShow(back)}>
          {t('watch.show')}
        </button>
      )}{' '}
      <button type="button" className="button" onClick={onDismiss}>
        {t('watch.dismiss')}
      </button>
    </div>
  );
}
