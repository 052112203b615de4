import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../app/shared/model-types';
import { Icon } from './Icon';



/** Severity as icon + word + colour, never colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${severity}`}>
      <Icon name={severity} /> {t(`severity.${severity}`)}
    </span>
  );
}
