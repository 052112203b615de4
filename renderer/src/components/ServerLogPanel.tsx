import { useId, useMemo, useState, useSyncExternalStore, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ARCHIVE_LOGS } from '../../../app/shared/limits';
import { logFormatsText } from '../../../app/shared/log-formats';
import { foldRepeats } from '../../../app/shared/repeated-lines';
import { currentLanguage } from '../i18n';
import { LINES_PAGE, type ServerLogStore } from '../lib/server-log-store';
import { ErrorNotice } from './ErrorNotice';
import { FindingSummary } from './FindingSummary';
import { LogPicker } from './LogPicker';
import { ReadProgress } from './ReadProgress';
import './ServerLogPanel.css';

/**
 * "Paste the server's log" on Connection problems (issue 14): the help desk pastes (or drops) what
 * the VPN server or router logged; main parses it and answers with the decoded lines and the causes
 * — matched with this scan's failed attempts when there is a scan.
 *
 * What it shows lives in the app shell's store (lib/server-log-store.ts), kept per scan: going to another screen and back shows the
 * same text, explanation and chosen log, a read still under way goes on (its bar shows on return), and main keeps the log for an
 * export. Only Clear and another log in its place let it go; a new scan takes it over (the app shell tells the store, App.tsx).
 */
export function ServerLogPanel({ runToken, store }: { runToken?: string; store: ServerLogStore }) {
  const { t } = useTranslation();
  const id = useId();
  const work = useSyncExternalStore(store.subscribe, () => store.view(runToken));
  const { text, state, all, listed, tooBig, damaged, archive, shownLog, opened, reading, cleared, droppedName } = work;
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setDragging(false);
    void store.explainFile(e.dataTransfer.files[0]);
  };

  const result = state.status === 'done' ? state.result : null;
  const log = result?.serverLog;
  // lines next to each other that say the same (a blocked packet every two seconds) listed once, with how many there were
  const runs = useMemo(() => foldRepeats(log ? (all ? log.entries : log.entries.filter((e) => e.outcome !== 'info')) : []), [log, all]);
  const numbers = new Intl.NumberFormat(currentLanguage());

  return (
    <section className="panel server-log" aria-labelledby={`${id}-title`} data-testid="server-log">
      <h2 id={`${id}-title`}>{t('serverLog.title')}</h2>
      <p className="muted">{t('serverLog.intro')}</p>
      <div className={dragging ? 'server-log-drop dragging' : 'server-log-drop'} onDragOver={(e) => (e.preventDefault(), setDragging(true))} onDragLeave={() => setDragging(false)} onDrop={onDrop} data-testid="server-log-drop">
        <label htmlFor={`${id}-text`} className="server-log-label">
          {t('serverLog.label')}
        </label>
        <textarea
          id={`${id}-text`}
          className="server-log-text"
          rows={8}
          spellCheck={false}
          value={text}
          placeholder={t('serverLog.placeholder')}
          aria-describedby={`${id}-hint`}
          onChange={(e) => store.edit(e.target.value)}
        />
        <p id={`${id}-hint`} className="small muted">
          {t('serverLog.hint')}
        </p>
      </div>
      <div className="actions-row">
        <button type="button" className="button button-primary" onClick={() => void store.explain()} disabled={state.status === 'running'}>
          {state.status === 'running' ? t('serverLog.reading') : t('serverLog.explain')}
        </button>
        <label className={state.status === 'running' ? 'button server-log-file is-disabled' : 'button server-log-file'}>
          {t('serverLog.chooseFile')}
          {/* no `accept`: a server's logs often have no extension (`syslog.1`, `messages`) and the hint names .zip, which the list left
              out; Windows' dialog starts on `accept`'s filter and hid them. Every file is read or named (a binary one says what it is),
              as main's own "Read a big file…" dialog shows every file first (app/main/main.ts chooseLogFile) */}
          <input type="file" className="visually-hidden" data-testid="server-log-file" disabled={state.status === 'running'} onChange={(e) => void store.explainFile(e.target.files?.[0])} />
        </label>
        <button type="button" className="button" onClick={() => void store.openFull()} disabled={state.status === 'running'} title={t('serverLog.openFullHint')} data-testid="server-log-open-full">
          {t('serverLog.openFull')}
        </button>
        {(text || result) && (
          <button
            type="button"
            className="button"
            // not while a log is read: the answer on its way would bring back what was cleared (and main would keep it)
            disabled={state.status === 'running'}
            data-testid="server-log-clear"
            onClick={() => void store.clear()}
          >
            {t('serverLog.clear')}
          </button>
        )}
      </div>
      {state.status === 'running' && reading && <ReadProgress progress={reading} />}
      {archive && (archive.logs.length > 1 || archive.skipped > 0 || archive.leftOut > 0 || (archive.unreadable ?? 0) > 0) && (
        <div className="server-log-archive" data-testid="server-log-archive">
          <LogPicker id={`${id}-archive`} label={t('serverLog.archivePick', { count: archive.logs.length })} names={archive.logs.map((l) => l.path)} shown={shownLog} onPick={store.showArchiveLog} disabled={state.status === 'running'} />
          {archive.leftOut > 0 && <p className="small muted">{t('serverLog.archiveLeftOut', { count: archive.leftOut })}</p>}
          {archive.skipped > 0 && <p className="small muted">{t('serverLog.archiveSkipped', { count: archive.skipped, max: MAX_ARCHIVE_LOGS })}</p>}
          {(archive.unreadable ?? 0) > 0 && <p className="small muted">{t('serverLog.archiveUnreadable', { count: archive.unreadable })}</p>}
        </div>
      )}
      {opened && (
        <div className="server-log-archive" data-testid="server-log-opened">
          <p className="small">{t('serverLog.openedFrom', { file: opened.fileName })}</p>
          <LogPicker id={`${id}-opened`} label={t('serverLog.openedPick', { count: opened.logs.length })} names={opened.logs} shown={opened.index} onPick={(i) => void store.showOpenedLog(opened.openId, i)} disabled={state.status === 'running'} />
          {opened.notes.map((note, i) => (
            <p key={i} className="small muted" data-testid="server-log-opened-note">
              {note}
            </p>
          ))}
        </div>
      )}
      <div role="status" data-testid="server-log-status">
        {cleared && !text && state.status === 'idle' && (
          <p className="small muted" data-testid="server-log-cleared">
            {t('serverLog.cleared')}
          </p>
        )}
        {tooBig === 'paste' && <p className="notice server-log-warning">{t('serverLog.pasteTooBig')}</p>}
        {tooBig === 'file' && (
          <p className="notice server-log-warning" data-testid="server-log-too-big">
            {t('serverLog.tooBig')}{' '}
            <button type="button" className="button button-primary" onClick={() => void store.openFull()} disabled={state.status === 'running'}>
              {t('serverLog.openFull')}
            </button>
          </p>
        )}
        {damaged && (
          <p className="notice server-log-warning" data-testid="server-log-gzip-damaged">
            {archive ? t('serverLog.archiveDamaged') : t('serverLog.gzipDamaged')}
          </p>
        )}
        {log && (
          <p className={log.verdict === 'ok' ? 'small' : 'notice server-log-warning'} data-testid="server-log-verdict" data-verdict={log.verdict}>
            {/* which dropped file is no log: its name first (the box no longer shows its bytes) */}
            {log.verdict !== 'ok' && droppedName && (
              <>
                <code className="server-log-dropped-name" data-testid="server-log-dropped-name">
                  {droppedName}
                </code>
                {': '}
              </>
            )}
            {log.message}
            {log.verdict === 'ok' && ` ${t('serverLog.families', { families: logFormatsText(log.families, currentLanguage()) })}`}
            {/* a log that is not a server's says whose it is (report writtenBy: diagnose/server-log/log-side.ts) */}
            {log.verdict === 'ok' && log.writtenBy && <span data-testid="server-log-written-by" data-written-by={log.writtenBy}>{` ${t(`serverLog.writtenBy.${log.writtenBy}`)}`}</span>}
          </p>
        )}
      </div>
      {state.status === 'error' && <ErrorNotice title={t('serverLog.failed')} error={state.error} />}
      {result && log?.verdict === 'ok' && (
        <>
          <h3 className="section-title">{t('serverLog.causesTitle')}</h3>
          {result.findings.length === 0 ? (
            <p className="empty" data-testid="server-log-no-cause">{t(log.writtenBy ? `serverLog.noCauseWrittenBy.${log.writtenBy}` : 'serverLog.noCause')}</p>
          ) : (
            <ul className="server-log-findings">
              {result.findings.map((f, i) => (
                <li key={`${f.id}-${i}`} className={`server-log-finding sev-${f.severity}`} data-testid="server-log-finding" data-finding-id={f.id}>
                  <p className="server-log-finding-title">
                    <strong>{f.title}</strong> <code className="small">{f.id}</code>
                  </p>
                  <FindingSummary finding={f} />
                  <details>
                    <summary>{t('serverLog.evidence', { count: f.evidence.length })}</summary>
                    <ul className="server-log-evidence">
                      {f.evidence.map((ev, j) => (
                        <li key={j}>
                          <span className="muted small">
                            {ev.source}
                            {ev.line ? `:${ev.line}` : ''}
                          </span>{' '}
                          <code>{ev.text}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          )}
          <h3 className="section-title">{t('serverLog.linesTitle')}</h3>
          <label className="small server-log-all">
            <input type="checkbox" checked={all} onChange={(e) => store.setAll(e.target.checked)} /> {t('serverLog.showAll', { count: log.entries.length })}
          </label>
          <ol className="server-log-lines" data-testid="server-log-lines">
            {runs.slice(0, listed).map(({ first: e, count: n, lastLine }) => (
              <li key={`${e.line}-${e.endLine}-${e.decoded.slice(0, 20)}`} className={`server-log-line out-${e.outcome}`} data-outcome={e.outcome}>
                <span className="server-log-lineno">{e.line}</span>
                <div>
                  <p className="server-log-decoded">{e.decoded}</p>
                  <code className="server-log-raw">{e.time && !e.text.includes(e.time.slice(-8)) ? `${e.time}  ` : ''}{e.text}</code>
                  {n > 1 && (
                    <p className="small muted server-log-repeats" data-testid="server-log-repeats">
                      {t('serverLog.repeats', { count: n - 1, n: numbers.format(n - 1), last: lastLine })}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {runs.length > listed && (
            <button type="button" className="button" onClick={store.showMore} data-testid="server-log-more">
              {t('serverLog.showMore', { count: Math.min(LINES_PAGE, runs.length - listed), total: runs.length })}
            </button>
          )}
          {log.unknown > 0 && (
            <details className="server-log-unknown" data-testid="server-log-unknown">
              <summary>{t('serverLog.unknown', { count: log.unknown })}</summary>
              <ul>
                {log.unknownLines.map((u) => (
                  <li key={u.line}>
                    <span className="server-log-lineno">{u.line}</span> <code>{u.text}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
