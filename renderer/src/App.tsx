import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../app/shared/model-types';
import { ApplyView } from './components/ApplyView';
import { ConnectionsView } from './components/ConnectionsView';
import { ConsentDialog } from './components/ConsentDialog';
import { ErrorNotice } from './components/ErrorNotice';
import { FindingPage } from './components/FindingPage';
import { Header } from './components/Header';
import { HistoryView } from './components/HistoryView';
import { HomeView } from './components/HomeView';
import { SourceBanner } from './components/SourceBanner';
import { useTunnelMedic } from './useTunnelMedic';
import type { View } from './view';
export type { View } from './view';


export function App() {
  const { t, i18n } = useTranslation();
  const tm = useTunnelMedic();
  const [view, setView] = useState<View>({ name: 'home' });
  const [consent, setConsent] = useState<Fix | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstLanguage = useRef(i18n.language);

  // findings come localised from the engine: a language switch re-scans in the new language
  useEffect(() => {
    const onChange = (lng: string): void => {
      if (lng !== firstLanguage.current && tm.scan && !tm.busy) void tm.runScan();
      firstLanguage.current = lng;
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, tm]);

  const go = (next: View): void => {
    setView(next);
    // move focus to the new screen's heading so keyboard and screen-reader users land there
    requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('h1, h2')?.focus());
  };

  const confirm = (fix: Fix): void => {
    setConsent(null);
    go({ name: 'apply' });
    void tm.applyFix(fix);
  };

  const finding = view.name === 'finding' ? tm.scan?.report.findings.find((f) => f.id === view.id) : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Header view={view.name} onNavigate={go} historyDisabled={tm.busy !== null} />
      {tm.info && tm.info.source !== 'live' && <SourceBanner info={tm.info} />}
      <main id="main" ref={mainRef} className="main" tabIndex={-1}>
        {tm.infoError && <ErrorNotice title={t('errors.engine')} error={tm.infoError} />}
        {view.name === 'home' && <HomeView tm={tm} onOpen={(id) => go({ name: 'finding', id })} onConnections={() => go({ name: 'connections' })} />}
        {view.name === 'finding' && finding && (
          <FindingPage
            finding={finding}
            backTo={view.from ?? 'home'}
            onBack={() => go({ name: view.from ?? 'home' })}
            onFix={setConsent}
            canFix={!tm.busy}
            domainForm={tm.info?.policyDomain === false ? { domain: tm.domain, disabled: tm.busy !== null, onSubmit: (d) => void tm.scanWithDomain(d) } : undefined}
          />
        )}
        {view.name === 'finding' && !finding && (
          <section className="panel">
            <h2 tabIndex={-1}>{t('finding.gone')}</h2>
            <button type="button" className="button" onClick={() => go({ name: 'home' })}>{t('nav.backToResults')}</button>
          </section>
        )}
        {view.name === 'apply' && tm.apply && (
          <ApplyView apply={tm.apply} busy={tm.busy} onUndo={(runId) => void tm.undoRun(runId)} onDone={() => go({ name: 'home' })} />
        )}
        {view.name === 'history' && <HistoryView tm={tm} />}
        {view.name === 'connections' && <ConnectionsView tm={tm} onOpen={(id) => go({ name: 'finding', id, from: 'connections' })} />}
      </main>
      {consent && <ConsentDialog fix={consent} demo={tm.info?.source !== 'live'} sha256={tm.scan?.fixSha256?.[consent.id]} onCancel={() => setConsent(null)} onConfirm={() => confirm(consent)} />}
    </div>
  );
}
