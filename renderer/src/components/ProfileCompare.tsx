import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, VpnProfile } from '../../../app/shared/model-types';
import { findingsForProfile, PROFILE_SETTINGS, SETTINGS_CONCERNED, type ProfileSetting } from '../lib/connections';
import { Icon } from './Icon';
import { SeverityBadge } from './SeverityBadge';

function settingValue(p: VpnProfile, s: ProfileSetting, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (s) {
    case 'server':
      return p.server ?? t('profile.notSet');
    case 'tunnel':
      return t(`profile.tunnel.${p.tunnel}`, { defaultValue: p.tunnel });
    case 'encryption':
      return t(`profile.encryption.${p.encryption}`, { defaultValue: p.encryption });
    case 'auth':
      return p.auth.length ? p.auth.map((a) => t(`profile.auth.${a}`, { defaultValue: a })).join(', ') : t('profile.notSet');
    case 'splitTunnel':
      return p.splitTunnel === undefined ? t('profile.notSet') : p.splitTunnel ? t('profile.gatewayNo') : t('profile.gatewayYes');
  }
}

/** One profile's settings next to what the errors (the findings about it) imply. */
export function ProfileCompare({ profile, findings, onOpen, children }: { profile: VpnProfile; findings: Finding[]; onOpen: (findingId: string) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const related = findingsForProfile(findings, profile);
  const flagged = new Set(related.flatMap((f) => SETTINGS_CONCERNED[f.id] ?? []));
  const titleId = `profile-${profile.file}-${profile.line ?? 0}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <section className="panel profile" aria-labelledby={titleId} data-testid="profile">
      <h3 id={titleId}>
        {profile.name}
        <span className="muted profile-source">{t(`profile.source.${profile.source}`, { file: profile.file, line: profile.line ?? 1 })}</span>
      </h3>
      <div className="profile-grid">
        <div>
          <h4 className="col-title">{t('profile.settingsTitle')}</h4>
          <dl className="settings">
            {PROFILE_SETTINGS.map((s) => (
              <div key={s} className={flagged.has(s) ? 'setting setting-flagged' : 'setting'} data-setting={s}>
                <dt>
                  {t(`profile.setting.${s}`)}
                  {s === 'splitTunnel' && <span className="mono small muted block">IpPrioritizeRemote</span>}
                </dt>
                <dd>
                  {settingValue(profile, s, t)}
                  {flagged.has(s) && (
                    <span className="flag">
                      <Icon name="warning" /> {t('profile.flag')}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {profile.uncertain.length > 0 && (
            <details className="small muted">
              <summary>{t('profile.uncertain', { count: profile.uncertain.length })}</summary>
              <ul>
                {profile.uncertain.map((u, i) => (
                  <li key={i}>{u}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <div>
          <h4 className="col-title">{t('profile.impliesTitle')}</h4>
          {related.length === 0 ? (
            <p className="muted small implies-none">
              <Icon name="check" /> {t('profile.impliesNone')}
            </p>
          ) : (
            <ul className="implies">
              {related.map((f) => (
                <li key={f.id}>
                  <SeverityBadge severity={f.severity} />
                  <p className="implies-title">{f.title}</p>
                  <p className="small">{f.summary}</p>
                  <button type="button" className="button button-small" onClick={() => onOpen(f.id)}>
                    {t('timeline.openFinding')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {children}
    </section>
  );
}
