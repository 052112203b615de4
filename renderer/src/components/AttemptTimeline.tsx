import { useTranslation } from 'react-i18next';
import type { Finding, RasEvent } from '../../../app/shared/model-types';
import { formatDateTime, formatTime } from '../format';
import { attemptName, findingForFailure, type Attempt } from '../lib/connections';
import { Icon, type IconName } from './Icon';

const OUTCOME_ICON: Record<Attempt['outcome'], IconName> = { connected: 'check', failed: 'cross', disconnected: 'info', unknown: 'pending' };

function EventLine({ event }: { event: RasEvent }) {
  const { t, i18n } = useTranslation();
  const label =
    event.kind === 'failed' || event.kind === 'terminated'
      ? event.errorCode
        ? t(`timeline.kind.${event.kind}Code`, { code: event.errorCode })
        : t(`timeline.kind.${event.kind}`)
      : t(`timeline.kind.${event.kind}`, { id: event.id ?? '?' });
  const settings = event.settings;
  return (
    <li className={`tl-event tl-${event.kind}`}>
      <span className="tl-time mono small">{event.time ? formatTime(event.time, i18n.language) : '—'}</span>
      <span className="tl-label">
        {label}
        {settings && (
          <span className="small muted block">
            {[settings.VpnStrategy, settings['Authentication Type'], settings.DataEncryption && t('timeline.encryption', { value: settings.DataEncryption })].filter(Boolean).join(' · ')}
          </span>
        )}
      </span>
      <span className="tl-where small muted">{t('evidence.fileLine', { file: event.file, line: event.line })}</span>
    </li>
  );
}

/** Recent connection attempts, newest first: dialed → connected, or failed with the code and the finding that explains it. */
export function AttemptTimeline({ attempts, findings, onOpen }: { attempts: Attempt[]; findings: Finding[]; onOpen: (findingId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {attempts.map((a) => {
        const finding = findingForFailure(findings, a);
        const name = attemptName(a) ?? t('timeline.unnamed');
        return (
          <li key={a.key} className={`attempt attempt-${a.outcome}`} data-testid="attempt" data-code={a.errorCode ?? ''}>
            <div className="attempt-head">
              <span className="attempt-icon"><Icon name={OUTCOME_ICON[a.outcome]} /></span>
              <h3 className="attempt-title">
                {name}
                <span className="small muted attempt-when">{a.time ? formatDateTime(a.time, i18n.language) : t('timeline.noTime')}</span>
              </h3>
              <span className={`tag tag-attempt-${a.outcome}`}>
                {a.outcome === 'failed' ? t('timeline.outcome.failedCode', { code: a.errorCode }) : t(`timeline.outcome.${a.outcome}`)}
              </span>
            </div>
            <ol className="tl-events" aria-label={t('timeline.eventsLabel', { name })}>
              {a.events.map((e, i) => (
                <EventLine key={i} event={e} />
              ))}
            </ol>
            {a.outcome === 'failed' && (
              <div className="attempt-why" data-testid="attempt-why">
                {finding ? (
                  <>
                    <p className="attempt-why-title">
                      <strong>{t('timeline.why')}</strong> {finding.title}
                    </p>
                    <p className="small">{finding.summary}</p>
                    <button type="button" className="button button-small" onClick={() => onOpen(finding.id)}>
                      {t('timeline.openFinding')}
                    </button>
                  </>
                ) : (
                  <p className="small">{t('timeline.unexplained', { code: a.errorCode })}</p>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
