import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope, IpcError, OpenedServerLog, Progress, ServerLogExplanation } from '../../../app/shared/ipc';
import { MAX_ARCHIVE_LOGS, MAX_SERVER_LOG_CHARS } from '../../../app/shared/limits';
import { logFormatsText } from '../../../app/shared/log-formats';
import { api, asIpcError, call } from '../api';
import { currentLanguage } from '../i18n';
import { readDroppedLog, type DroppedArchive } from '../lib/dropped-log';
import { ErrorNotice } from './ErrorNotice';
import { FindingSummary } from './FindingSummary';
import { LogPicker } from './LogPicker';
import { ReadProgress } from './ReadProgress';
import './ServerLogPanel.css';

/** Decoded lines listed at first, and added per "show more" */
const LINES_PAGE = 200;

type State = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: ServerLogExplanation } | { status: 'error'; error: IpcError };

/**
 * "Paste the server's log" on Connection problems (issue 14): the help desk pastes (or drops) what
 * the VPN server or router logged; main parses it and answers with the decoded lines and the causes
 * — matched with this scan's failed attempts when there is a scan.
 */
export function ServerLogPanel({ runToken }: { runToken?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [label, setLabel] = useState<string | undefined>();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [all, setAll] = useState(false);
  // 'file': a dropped or chosen file over the box's 4 MB (offered to be read in full); 'paste': pasted text over it
  const [tooBig, setTooBig] = useState<'file' | 'paste' | undefined>();
  const [dragging, setDragging] = useState(false);
  // the dropped gzip file broke off: what came before was read (lib/dropped-log.ts)
  const [damaged, setDamaged] = useState(false);
  // a dropped tar archive: its logs, one shown at a time (lib/dropped-log.ts)
  const [archive, setArchive] = useState<DroppedArchive | undefined>();
  const [shownLog, setShownLog] = useState(0);
  // a file main read in full (the person chose it in main's open dialog): its name, its logs and which is shown; never its text
  const [opened, setOpenedState] = useState<Omit<OpenedServerLog, 'explanation'> | undefined>();
  // how far main's reading of a big file is (progress phase `read`), while it reads one
  const [reading, setReading] = useState<Progress | undefined>();
  const awaitingRead = useRef(false);
  const openedId = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      api().onProgress((p) => {
        if (p.phase === 'read' && awaitingRead.current) setReading(p);
      }),
    [],
  );
  /**
   * Main keeps the file read in full (to show another of its logs) and the log explained last with the scan (an exported report
   * holds it). What the person clears or puts something else in place of is let go there too, by the ids main gave
   * (forgetServerLog): a report exported after Clear must not ship the log the person removed.
   */
  const forget = async (ids: { runToken?: string; openId?: string }): Promise<boolean> => {
    if (!ids.runToken && !ids.openId) return true;
    return api().forgetServerLog(ids).then((r) => r.ok, () => false);
  };
  // after Clear, once main has let go: the person is told the log is gone from an exported report too
  const [cleared, setCleared] = useState(false);
  const setOpened = (file: Omit<OpenedServerLog, 'explanation'> | undefined): void => {
    // a file read in full that is no longer shown cannot be asked for again (its id is gone with it): main lets go of it
    if (openedId.current && openedId.current !== file?.openId) void forget({ openId: openedId.current });
    openedId.current = file?.openId;
    setOpenedState(file);
  };
  /**
   * The panel keeps nothing when it goes (another screen, another scan), so it starts empty — and what an export of the scan
   * holds follows what it shows: on coming (back), main forgets the scan's log. On going, the file read in full is let go (its id
   * goes with the panel); the log explained last stays for an export made on the other screen. An answer that comes after the
   * panel went was never shown: it is forgotten as it comes (`mounted`).
   */
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    if (runToken) void api().forgetServerLog({ runToken }).catch(() => undefined);
    return () => {
      mounted.current = false;
      if (openedId.current) void api().forgetServerLog({ openId: openedId.current }).catch(() => undefined);
    };
  }, [runToken]);

  const explain = async (value = text, name = label): Promise<void> => {
    if (value.length > MAX_SERVER_LOG_CHARS) return setTooBig('paste');
    setTooBig(undefined);
    setOpened(undefined);
    setState({ status: 'running' });
    try {
      const result = await call(api().explainServerLog({ text: value, ...(name ? { label: name } : {}), ...(runToken ? { runToken } : {}), language: currentLanguage() }));
      if (!mounted.current) return void forget({ runToken });
      setState({ status: 'done', result });
    } catch (e) {
      setState({ status: 'error', error: asIpcError(e) });
    }
  };

  const explainFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    // the file is read here (main only ever gets text), the same way the CLI reads one, a gzip file unpacked first
    const read = await readDroppedLog(file, MAX_SERVER_LOG_CHARS);
    setDamaged(false);
    setArchive(undefined);
    if ('tooBig' in read) return setTooBig('file');
    setDamaged(read.damaged === true);
    setArchive(read.archive);
    setShownLog(0);
    setText(read.text);
    setLabel(read.label);
    await explain(read.text, read.label);
  };

  const showArchiveLog = (index: number): void => {
    const chosen = archive?.logs[index];
    if (!chosen) return;
    setShownLog(index);
    setText(chosen.text);
    setLabel(chosen.label);
    void explain(chosen.text, chosen.label);
  };

  /** A file read in full by main (any size, a gzip file, a tar archive of logs), chosen in main's own open dialog; or another log of it. */
  const showOpened = async (request: () => Promise<Envelope<OpenedServerLog | { opened: false }>>): Promise<void> => {
    const before = state;
    setState({ status: 'running' });
    awaitingRead.current = true;
    setReading(undefined);
    try {
      const read = await call(request());
      if (read.opened && !mounted.current) return void forget({ runToken, openId: read.openId });
      if (!read.opened) return setState(before); // the person cancelled the dialog: nothing changes
      // main replaced the file it kept by this one (opened-logs.ts keeps the last): nothing to let go of there
      openedId.current = read.openId;
      const { explanation, ...file } = read;
      setOpened(file);
      setText('');
      setLabel(undefined);
      setTooBig(undefined);
      setDamaged(false);
      setArchive(undefined);
      setState({ status: 'done', result: explanation });
    } catch (e) {
      setState({ status: 'error', error: asIpcError(e) });
    } finally {
      awaitingRead.current = false;
      setReading(undefined);
    }
  };
  const openFull = (): Promise<void> => showOpened(() => api().openServerLogFile({ ...(runToken ? { runToken } : {}), language: currentLanguage() }));
  const showOpenedLog = (openId: string, index: number): Promise<void> => showOpened(() => api().explainOpenedLog({ openId, index, ...(runToken ? { runToken } : {}), language: currentLanguage() }));

  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setDragging(false);
    void explainFile(e.dataTransfer.files[0]);
  };

  const result = state.status === 'done' ? state.result : null;
  const log = result?.serverLog;
  const shown = log ? (all ? log.entries : log.entries.filter((e) => e.outcome !== 'info')) : [];
  // a long log's lines a page at a time: thousands of list items (a 40 MB syslog read in full keeps up to 6 000 entries) made the panel slow to paint and to scroll
  const [limit, setLimit] = useState(LINES_PAGE);
  useEffect(() => setLimit(LINES_PAGE), [result, all]);

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
          onChange={(e) => {
            setText(e.target.value);
            setLabel(undefined);
            setDamaged(false);
            setArchive(undefined);
            setOpened(undefined);
          }}
        />
        <p id={`${id}-hint`} className="small muted">
          {t('serverLog.hint')}
        </p>
      </div>
      <div className="actions-row">
        <button type="button" className="button button-primary" onClick={() => void explain()} disabled={state.status === 'running'}>
          {state.status === 'running' ? t('serverLog.reading') : t('serverLog.explain')}
        </button>
        <label className="button server-log-file">
          {t('serverLog.chooseFile')}
          <input type="file" accept=".txt,.log,.gz,.tar,.tgz,text/plain,application/gzip,application/x-tar" className="visually-hidden" data-testid="server-log-file" onChange={(e) => void explainFile(e.target.files?.[0])} />
        </label>
        <button type="button" className="button" onClick={() => void openFull()} disabled={state.status === 'running'} title={t('serverLog.openFullHint')} data-testid="server-log-open-full">
          {t('serverLog.openFull')}
        </button>
        {(text || result) && (
          <button
            type="button"
            className="button"
            // not while a log is read: the answer on its way would bring back what was cleared (and main would keep it)
            disabled={state.status === 'running'}
            data-testid="server-log-clear"
            onClick={() => {
              const ids = { runToken, openId: openedId.current };
              openedId.current = undefined;
              setCleared(false);
              void forget(ids).then(setCleared);
              setText('');
              setLabel(undefined);
              setState({ status: 'idle' });
              setDamaged(false);
              setArchive(undefined);
              setOpened(undefined);
              setTooBig(undefined);
            }}
          >
            {t('serverLog.clear')}
          </button>
        )}
      </div>
      {state.status === 'running' && reading && <ReadProgress progress={reading} />}
      {archive && (archive.logs.length > 1 || archive.skipped > 0 || archive.leftOut > 0) && (
        <div className="server-log-archive" data-testid="server-log-archive">
          <LogPicker id={`${id}-archive`} label={t('serverLog.archivePick', { count: archive.logs.length })} names={archive.logs.map((l) => l.path)} shown={shownLog} onPick={showArchiveLog} disabled={state.status === 'running'} />
          {archive.leftOut > 0 && <p className="small muted">{t('serverLog.archiveLeftOut', { count: archive.leftOut })}</p>}
          {archive.skipped > 0 && <p className="small muted">{t('serverLog.archiveSkipped', { count: archive.skipped, max: MAX_ARCHIVE_LOGS })}</p>}
        </div>
      )}
      {opened && (
        <div className="server-log-archive" data-testid="server-log-opened">
          <p className="small">{t('serverLog.openedFrom', { file: opened.fileName })}</p>
          <LogPicker id={`${id}-opened`} label={t('serverLog.openedPick', { count: opened.logs.length })} names={opened.logs} shown={opened.index} onPick={(i) => void showOpenedLog(opened.openId, i)} disabled={state.status === 'running'} />
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
            <button type="button" className="button button-primary" onClick={() => void openFull()} disabled={state.status === 'running'}>
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
            {log.message}
            {log.verdict === 'ok' && ` ${t('serverLog.families', { families: logFormatsText(log.families, currentLanguage()) })}`}
          </p>
        )}
      </div>
      {state.status === 'error' && <ErrorNotice title={t('serverLog.failed')} error={state.error} />}
      {result && log?.verdict === 'ok' && (
        <>
          <h3 className="section-title">{t('serverLog.causesTitle')}</h3>
          {result.findings.length === 0 ? (
            <p className="empty" data-testid="server-log-no-cause">{t('serverLog.noCause')}</p>
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
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('serverLog.showAll', { count: log.entries.length })}
          </label>
          <ol className="server-log-lines" data-testid="server-log-lines">
            {shown.slice(0, limit).map((e) => (
              <li key={`${e.line}-${e.endLine}-${e.decoded.slice(0, 20)}`} className={`server-log-line out-${e.outcome}`} data-outcome={e.outcome}>
                <span className="server-log-lineno">{e.line}</span>
                <div>
                  <p className="server-log-decoded">{e.decoded}</p>
                  <code className="server-log-raw">{e.time && !e.text.includes(e.time.slice(-8)) ? `${e.time}  ` : ''}{e.text}</code>
                </div>
              </li>
            ))}
          </ol>
          {shown.length > limit && (
            <button type="button" className="button" onClick={() => setLimit((n) => n + LINES_PAGE)} data-testid="server-log-more">
              {t('serverLog.showMore', { count: Math.min(LINES_PAGE, shown.length - limit), total: shown.length })}
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
