import { useTranslation } from 'react-i18next';
import { attempts, rasEvents, vpnProfiles } from '../lib/connections';
import type { ServerLogStore } from '../lib/server-log-store';
import type { TunnelMedicState } from '../useTunnelMedic';
import { AttemptTimeline } from './AttemptTimeline';
import { ErrorNotice } from './ErrorNotice';
import { PptpCheck } from './PptpCheck';
import { ProfileCompare } from './ProfileCompare';
import { ServerLogPanel } from './ServerLogPanel';

/** "Connection problems": recent attempts from the RasClient log, and each VPN profile beside what the errors imply. */
export function ConnectionsView({ tm, serverLog, onOpen }: { tm: TunnelMedicState; serverLog: ServerLogStore; onOpen: (findingId: string) => void }) {
  const { t } = useTranslation();
  const report = tm.scan?.report;
  const list = report ? attempts(rasEvents(report)) : [];
  const profiles = report ? vpnProfiles(report) : [];
  const failed = list.filter((a) => a.outcome === 'failed').length;
  return (
    <>
      <section className="panel" aria-labelledby="connections-title">
        <h1 id="connections-title" tabIndex={-1}>{t('connections.title')}</h1>
        <p className="muted">{t('connections.intro')}</p>
        {!report && (
          <div className="actions-row">
            <button type="button" className="button button-primary" onClick={() => void tm.runScan()} disabled={tm.busy !== null}>
              {tm.busy === 'scan' ? t('scan.scanning') : t('scan.start')}
            </button>
          </div>
        )}
        {tm.scanError && <ErrorNotice title={t('errors.scanFailed')} error={tm.scanError} onRetry={() => void tm.runScan()} disabled={tm.busy !== null} />}
      </section>
      {report && (
        <section className="panel" aria-labelledby="attempts-title">
          <h2 id="attempts-title">{t('connections.attemptsTitle')}</h2>
          {list.length === 0 ? (
            <p className="empty" data-testid="attempts-empty">{t('connections.empty')}</p>
          ) : (
            <>
              <p className="muted small" data-testid="attempts-summary">{t('connections.summary', { count: list.length, failed })}</p>
              <AttemptTimeline attempts={list} findings={report.findings} onOpen={onOpen} />
            </>
          )}
        </section>
      )}
      {report && (
        <section className="profiles" aria-labelledby="profiles-title">
          <h2 id="profiles-title" className="section-title">{t('connections.profilesTitle')}</h2>
          <p className="muted small">{t('connections.profilesIntro')}</p>
          {profiles.length === 0 ? (
            <p className="empty">{t('connections.noProfiles')}</p>
          ) : (
            profiles.map((p) => (
              <ProfileCompare key={`${p.file}:${p.line ?? 0}:${p.name}`} profile={p} findings={report.findings} onOpen={onOpen}>
                {/* a new scan (or language) starts the test afresh: keyed by the run token */}
                {p.tunnel === 'pptp' && p.server && <PptpCheck key={tm.scan?.runToken} profileName={p.name} server={p.server} source={tm.info?.source} check={tm.checkPptp} />}
              </ProfileCompare>
            ))
          )}
        </section>
      )}
      {/* its work is the app shell's: kept across screens, taken over by a new scan (lib/server-log-store.ts) */}
      <ServerLogPanel key={tm.scan?.runToken ?? 'no-scan'} runToken={tm.scan?.runToken} store={serverLog} />
    </>
  );
}
