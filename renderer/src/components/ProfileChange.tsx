import { useTranslation } from 'react-i18next';
import type { ProfileChangeView } from '../lib/changes';

/** A VPN profile change: "Use default gateway on remote network" Yes → No, and routes stored in the profile. */
export function ProfileChange({ change }: { change: ProfileChangeView }) {
  const { t } = useTranslation();
  const gateway = (split: boolean): string => (split ? t('profile.gatewayNo') : t('profile.gatewayYes'));
  return (
    <div className="reg-change" data-testid="profile-change">
      <dl className="reg-where">
        <div>
          <dt>{t('changes.connection')}</dt>
          <dd>
            {change.connectionName}
            <span className="small muted"> · {change.allUsers ? t('changes.allUsers') : t('changes.thisUser')}</span>
          </dd>
        </div>
      </dl>
      {change.split && (
        <>
          <p className="small ba-setting">{t('profile.setting.splitTunnel')}</p>
          <div className="before-after" role="group" aria-label={t('changes.beforeAfterLabel', { name: t('profile.setting.splitTunnel') })}>
            <div className="ba ba-before">
              <span className="ba-label">{t('changes.before')}</span>
              <span className="ba-text">{gateway(change.split.before)}</span>
            </div>
            <span className="ba-arrow" aria-hidden="true">→</span>
            <div className="ba ba-after">
              <span className="ba-label">{t('changes.after')}</span>
              <span className="ba-text">{gateway(change.split.after)}</span>
            </div>
          </div>
        </>
      )}
      {change.routesAdded.length > 0 && (
        <p className="small">
          {t('changes.routesAdded')} <span className="mono">{change.routesAdded.join(', ')}</span>
        </p>
      )}
      {change.routesRemoved.length > 0 && (
        <p className="small">
          {t('changes.routesRemoved')} <span className="mono">{change.routesRemoved.join(', ')}</span>
        </p>
      )}
      <p className="small muted">{t('changes.undoProfile')}</p>
    </div>
  );
}
