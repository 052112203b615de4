import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../app/core/report';

const ICON: Record<Severity, string> = { critical: '⛔', warning: '⚠', info: 'ⓘ' };

/** Severity as icon + word + colour, never colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${severity}`}>
      <span aria-hidden="true">{ICON[severity]}</span> {t(`severity.${severity}`)}
    </span>
  );
}
