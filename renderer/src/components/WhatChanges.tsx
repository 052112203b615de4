import { useTranslation } from 'react-i18next';
import type { Fix } from '../../../app/core/report';
import { fileChanges, registryChanges, reloadsNameCache } from '../lib/changes';
import { FileDiff } from './FileDiff';
import { RegistryChange } from './RegistryChange';

/** "What changes" for registry and file fixes; route fixes are described by their steps alone. */
export function WhatChanges({ fix }: { fix: Fix }) {
  const { t } = useTranslation();
  const regs = registryChanges(fix);
  const files = fileChanges(fix);
  if (regs.length === 0 && files.length === 0) return null;
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
      {reloadsNameCache(fix) && <p className="small muted">{t('changes.nbtstat')}</p>}
    </section>
  );
}
