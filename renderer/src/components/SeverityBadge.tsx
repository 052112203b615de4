import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../app/shared/model-types';
import { Icon } from './Icon';

/** Severity as icon + word + colour, never colour alone; `explain` adds what the word means. */
export function SeverityBadge({ severity, explain }: { severity: Severity; explain?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <SeverityPill severity={severity} label={t(`severity.${severity}`)} />
      {explain && <span className="small muted badge-explain">{t(`severity.explain.${severity}`)}</span>}
    </>
  );
}

/**
 * The badge itself, its word looked up by the caller: a list of many findings translates the three
 * words once instead of running a translation hook per row (issue 16: 1 000 findings).
 */
export function SeverityPill({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span className={`badge badge-${severity}`}>
      <Icon name={severity} /> {label}
    </span>
  );
}
