import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fix } from '../../app/shared/model-types';
import { ApplyView } from './components/ApplyView';
import { ConnectionsView } from './components/ConnectionsView';
import { ConsentDialog } from './components/ConsentDialog';
import { ErrorNotice } from './components/ErrorNotice';
import { FindingPage } from './components/FindingPage';
import type { FixMode } from './components/FixCard';
import { Header } from './components/Header';
import { HistoryView } from './components/HistoryView';
import { HomeView } from './components/HomeView';
import { Icon } from './components/Icon';
import { SourceBanner } from './components/SourceBanner';
import { startHere, workOrder } from './lib/plain';
import { createServerLogStore } from './lib/server-log-store';
import { readDroppedLog } from './lib/dropped-log';
import { api } from './api';
import { currentLanguage } from './i18n';
import { ChangeNotice } from './components/ChangeNotice';
import { useRouteWatch } from './useRouteWatch';
import { useTunnelMedic } from './useTunnelMedic';
import type { View } from './view';
export type { View } from './view';

export function App() {
  const { t, i18n } = useTranslation();
  const tm = useTunnelMedic();
  const [view, setView] = useState<View>({ name: 'home' });
  const [consent, setConsent] = useState<Fix | null>(null);
  const [restartLater, setRestartLater] = useState<string[]>([]);
  const mainRef = useRef<HTMLElement>(null);
  const firstLanguage = useRef(i18n.language);
  // the server-log panel's work outlives the screen (Check, History and back): held here, per scan (lib/server-log-store.ts)
  const [serverLog] = useState(() => createServerLogStore({ api, language: currentLanguage, readDropped: readDroppedLog }));
  // each new scan takes the server log over at once (explained again with it), so its export holds the log the panel shows
  const runToken = tm.scan?.runToken;
  useEffect(() => serverLog.begin(runToken), [serverLog, runToken]);

  // findings come localised from the engine: a language switch re-scans in the new language
  useEffect(() => {
    const onChange = (lng: string): void => {
      if (lng !== firstLanguage.current && tm.scan && !tm.busy) void tm.runScan(undefined, undefined, { keepFixed: true });
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

  const confirm = (fix: Fix, probe: boolean): void => {
    setConsent(null);
    go({ name: 'apply' });
    void tm.applyFix(fix, probe);
  };
  // a VPN that reconnects puts its routes back: notice it and check again (issue 15.3)
  const watch = useRouteWatch({ scan: tm.scan, busy: tm.busy !== null, settled: tm.settled, fixedFindingIds: tm.fixedFindingIds, rescan: () => tm.runScan() });

  const report = tm.scan?.report;
  const finding = view.name === 'finding' ? report?.findings.find((f) => f.id === view.id) : undefined;
  const first = report ? startHere(report.findings) : undefined;
  const fixedIds = new Set(tm.fixed.map((x) => x.finding.id));
  const nextFinding = report ? workOrder(report.findings).find((f) => f.severity !== 'info' && !fixedIds.has(f.id)) : undefined;
  const mode: FixMode =
    tm.info?.source === 'capture' ? { kind: 'script', save: tm.saveFixScript } : { kind: 'apply', onFix: setConsent, disabled: tm.busy !== null };
  // while a fix or an undo runs, nothing may lead away from its result
  const locked = tm.busy === 'apply' || tm.busy === 'undo';

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Header view={view.name} onNavigate={go} locked={locked} historyDisabled={tm.busy !== null} />
      {tm.info && tm.info.source !== 'live' && <SourceBanner info={tm.info} notes={tm.captureNotes} onLeave={() => { go({ name: 'home' }); void tm.leaveCapture(); }} busy={tm.busy !== null} />}
      {restartLater.length > 0 && (
        <div className="banner banner-restart" role="note" data-testid="restart-reminder">
          <span className="banner-icon"><Icon name="clock" /></span>
          <div>
            <strong>{t('restart.reminderTitle')}</strong> {t('restart.reminder', { titles: restartLater.map((x) => t('quote', { text: x })).join(', ') })}
          </div>
          <button type="button" className="button button-small" onClick={() => setRestartLater([])}>
            {t('restart.dismiss')}
          </button>
        </div>
      )}
      <main id="main" ref={mainRef} className="main" tabIndex={-1}>
        {watch.notice && <ChangeNotice back={watch.notice.back} onShow={(id) => { watch.dismiss(); go({ name: 'finding', id }); }} onDismiss={watch.dismiss} />}
        {tm.infoError && <ErrorNotice title={t('errors.engine')} error={tm.infoError} onRetry={tm.loadInfo} />}
        {view.name === 'home' && (
          <HomeView tm={tm} mode={mode} onOpen={(id) => go({ name: 'finding', id })} onConnections={() => go({ name: 'connections' })} />
        )}
        {view.name === 'finding' && finding && report && (
          <FindingPage
            finding={finding}
            report={report}
            backTo={view.from ?? 'home'}
            onBack={() => go({ name: view.from ?? 'home' })}
            mode={mode}
            startHere={first?.id === finding.id}
            exportReport={tm.exportReport}
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
          <ApplyView
            apply={tm.apply}
            busy={tm.busy}
            demo={tm.info?.source === 'demo'}
            next={nextFinding ? { title: nextFinding.title, onOpen: () => go({ name: 'finding', id: nextFinding.id }) } : undefined}
            onUndo={(runId) => void tm.undoRun(runId)}
            onDone={() => go({ name: 'home' })}
            onRecheck={() => {
              go({ name: 'home' });
              void tm.runScan(undefined, undefined, { keepFixed: true });
            }}
            onRestartLater={(title) => setRestartLater((list) => (list.includes(title) ? list : [...list, title]))}
          />
        )}
        {view.name === 'history' && <HistoryView tm={tm} />}
        {view.name === 'connections' && <ConnectionsView tm={tm} serverLog={serverLog} onOpen={(id) => go({ name: 'finding', id, from: 'connections' })} />}
      </main>
      {consent && <ConsentDialog fix={consent} demo={tm.info?.source !== 'live'} sha256={tm.scan?.fixSha256?.[consent.id]} canProbe={tm.info?.reachability === true} onCancel={() => setConsent(null)} onConfirm={(probe) => confirm(consent, probe)} />}
    </div>
  );
}
