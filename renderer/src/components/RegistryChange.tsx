import { useTranslation } from 'react-i18next';
import { formatRegData, type RegistryDelete, type RegistrySet } from '../lib/changes';

/** One registry change in plain words: where, which value, before → after, and what undo does. */
export function RegistryChange({ action }: { action: RegistrySet | RegistryDelete }) {
  const { t } = useTranslation();
  const typeLabel = (type: string): string => t(`changes.regType.${type}`, { defaultValue: type });
  const before =
    action.kind === 'registry.set' && 'absent' in action.previous
      ? { value: t('changes.notSet'), type: null as string | null }
      : action.kind === 'registry.set' && !('absent' in action.previous)
        ? { value: formatRegData(action.previous.data), type: action.previous.type }
        : action.kind === 'registry.delete'
          ? { value: formatRegData(action.previous.data), type: action.previous.type }
          : { value: '', type: null };
  const after = action.kind === 'registry.set' ? { value: formatRegData(action.data), type: action.type as string | null } : { value: t('changes.removed'), type: null };
  const undo =
    action.kind === 'registry.delete'
      ? t('changes.undoRestore')
      : 'absent' in action.previous
        ? action.keyExisted
          ? t('changes.undoDeleteValue')
          : t('changes.undoDeleteKey')
        : t('changes.undoRestore');
  return (
    <div className="reg-change" data-testid="registry-change">
      <dl className="reg-where">
        <div>
          <dt>{t('changes.key')}</dt>
          <dd className="mono">{action.key}</dd>
        </div>
        <div>
          <dt>{t('changes.value')}</dt>
          <dd className="mono">{action.name === '' ? t('changes.defaultValue') : action.name}</dd>
        </div>
      </dl>
      <div className="before-after" role="group" aria-label={t('changes.beforeAfterLabel', { name: action.name })}>
        <div className="ba ba-before">
          <span className="ba-label">{t('changes.before')}</span>
          <span className="ba-value" data-testid="reg-before">{before.value}</span>
          {before.type && <span className="ba-type">{typeLabel(before.type)}</span>}
        </div>
        <span className="ba-arrow" aria-hidden="true">→</span>
        <div className="ba ba-after">
          <span className="ba-label">{t('changes.after')}</span>
          <span className="ba-value" data-testid="reg-after">{after.value}</span>
          {after.type && <span className="ba-type">{typeLabel(after.type)}</span>}
        </div>
      </div>
      <p className="small muted">{undo}</p>
    </div>
  );
}
