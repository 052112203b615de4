import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/shared/model-types';
import { fileChanges, profileChanges, registryChanges, reloadsNameCache } from '../lib/changes';
import { FileDiff } from './FileDiff';
import { ProfileChange } from './ProfileChange';
import { RegistryChange } from './RegistryChange';

/** "What changes" for registry, file and VPN profile changes; route changes are described by the steps alone. */
export function WhatChanges({ fix }: { fix: Fix }) {
  const { t } = useTranslation();
  const regs = registryChanges(fix);
  const files = fileChanges(fix);
  const profiles = profileChanges(fix);
  if (regs.length === 0 && files.length === 0 && profiles.length === 0) return null;
  return (
    <section className="what-changes" aria-label={t('changes.title')}>
      <h3 className="subhead">{t('changes.title')}</h3>
      {regs.length > 0 && <p className="muted small">{t('changes.registryIntro')}</p>}
      {regs.map((a, i) => (
        <RegistryChange key={`r${i}`} action={a} />
      ))}
      {files.length > 0 && <p className="muted small">{t('changes.fileIntro')}</p>}
      {files.map((a, i) => (
        <FileDiff key={`f${i}`} action={a} />
      ))}
      {profiles.length > 0 && <p className="muted small">{t('changes.profileIntro')}</p>}
      {profiles.map((c, i) => (
        <ProfileChange key={`p${i}`} change={c} />
      ))}
      {/* the name-cache reload is a step of its own above; what is left to say is that the list is complete */}
      {reloadsNameCache(fix) && <p className="small muted">{t('changes.nothingElse')}</p>}
    </section>
  );
}
