import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../app/shared/model-types';
import { Icon } from './Icon';

/** Severity as icon + word + colour, never colour alone; `explain` adds what the word means. */
export function SeverityBadge({ severity, explain }: { severity: Severity; explain?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge badge-${severity}`}>
        <Icon name={severity} /> {t(`severity.${severity}`)}
      </span>
      {explain && <span className="small muted badge-explain">{t(`severity.explain.${severity}`)}</span>}
    </>
  );
}
