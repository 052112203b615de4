import { useTranslation } from 'react-i18next';
import type { View } from '../view';
import { LanguageSwitch } from './LanguageSwitch';
import { Icon } from './Icon';

/** `locked` while a fix or an undo runs: no way away from its result until it is there. */
export function Header({ view, onNavigate, locked, historyDisabled }: { view: View['name']; onNavigate: (v: View) => void; locked: boolean; historyDisabled: boolean }) {
  const { t } = useTranslation();
  const current = (name: View['name']) => (view === name || (name === 'home' && view === 'finding') ? 'page' : undefined);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark"><Icon name="logo" /></span>
        <span className="brand-name">TunnelMedic</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.label')} className="nav">
        <button type="button" className="nav-link" aria-current={current('home')} disabled={locked} onClick={() => onNavigate({ name: 'home' })}>
          {t('nav.results')}
        </button>
        <button type="button" className="nav-link" aria-current={current('connections')} disabled={locked} onClick={() => onNavigate({ name: 'connections' })}>
          {t('nav.connections')}
        </button>
        <button type="button" className="nav-link" aria-current={current('history')} disabled={locked || historyDisabled} onClick={() => onNavigate({ name: 'history' })}>
          {t('nav.history')}
        </button>
      </nav>
      <LanguageSwitch disabled={locked} />
    </header>
  );
}
