import type { Envelope, IpcError, OpenedServerLog, Progress, ServerLogExplanation, TunnelMedicApi } from '../../../app/shared/ipc';
import { MAX_SERVER_LOG_CHARS } from '../../../app/shared/limits';
import { asIpcError, call } from '../api';
import type { DroppedArchive, DroppedLog } from './dropped-log';
import { isBinaryVerdict } from '../../../app/shared/binary-verdicts';

export type ExplainState = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: ServerLogExplanation } | { status: 'error'; error: IpcError };

/** What the "Paste the server's log" panel shows: kept here, outside the panel, so leaving the screen loses none of it. */
export interface ServerLogWork {
  text: string;
  label?: string;
  state: ExplainState;
  /** every decoded line listed, not only those that say something */
  all: boolean;
  /** how many decoded lines are listed ("Show 200 more" adds a page): kept with the rest, so a person back from another screen is where they were */
  listed: number;
  /** 'file': a dropped or chosen file over the box's 4 MB (offered to be read in full); 'paste': pasted text over it */
  tooBig?: 'file' | 'paste';
  /** the dropped gzip file broke off: what came before was read (lib/dropped-log.ts) */
  damaged: boolean;
  /** a dropped tar archive: its logs, one shown at a time */
  archive?: DroppedArchive;
  shownLog: number;
  /** a file main read in full (chosen in main's open dialog): its name, its logs and which is shown; never its text */
  opened?: Omit<OpenedServerLog, 'explanation'>;
  /** how far main's reading of a big file is (progress phase `read`), while it reads one */
  reading?: Progress;
  /** after Clear, once main has let go: the person is told the log is gone from an exported report too */
  cleared: boolean;
  /**
   * the name of the dropped file the verdict is about, while it says the file is no log (binary, an .evtx, a route print): with
   * the box emptied of its bytes nothing on the screen said which file that was — the person who dropped the wrong one of several
   * sees which
   */
  droppedName?: string;
}

/** Decoded lines listed at first, and added per "show more": thousands of list items (a 40 MB syslog read in full keeps up to 6 000 entries) made the panel slow to paint and to scroll */
export const LINES_PAGE = 200;

export const EMPTY_WORK: ServerLogWork = { text: '', state: { status: 'idle' }, all: false, listed: LINES_PAGE, damaged: false, shownLog: 0, cleared: false };

type LogApi = Pick<TunnelMedicApi, 'explainServerLog' | 'openServerLogFile' | 'explainOpenedLog' | 'forgetServerLog' | 'onProgress'>;

export interface ServerLogStoreDeps {
  api: () => LogApi;
  language: () => 'en' | 'nl';
  /** a dropped file as text (lib/dropped-log.ts readDroppedLog; a stand-in in tests) */
  readDropped: (file: Blob & { name: string }, limit: number) => Promise<DroppedLog>;
}

export type ServerLogStore = ReturnType<typeof createServerLogStore>;

/**
 * The panel's work, held by the app shell for as long as the scan it belongs to (its runToken): the panel reads it and asks for
 * changes, and the calls to main run here, so a log being read when the person goes to another screen goes on being read and is
 * shown on return (with its progress bar while it still reads). Main keeps the scan's log (the exported report holds it) as long
 * as this work shows it: only Clear, another log in its place and a new scan make main forget (forgetServerLog).
 *
 * A new scan (Check again, the re-scan a language switch makes, the one a VPN that reconnected sets off) keeps the log: the
 * network team's log is still the evidence, so it is explained again with the new scan (its events, its language) and main
 * keeps it for that scan's export and forgets it for the scan before. Only Clear empties the panel. An answer to a call made
 * before Clear is no longer what the person asked for: it is dropped and main forgets what it kept with it; one made for the
 * scan before is asked again for the new scan (`generation`, `clearedAt`).
 */
export function createServerLogStore(deps: ServerLogStoreDeps) {
  let runToken: string | undefined;
  let work: ServerLogWork = EMPTY_WORK;
  let generation = 0;
  /** the generation Clear began: an answer to a call made before it is dropped, one made only before a new scan is carried over */
  let clearedAt = 0;
  /** which kind of call to main is under way (begin asks an explain again itself; showOpened carries its own answer over) */
  let pending: 'explain' | 'opened' | undefined;
  const listeners = new Set<() => void>();

  const set = (change: Partial<ServerLogWork>): void => {
    work = { ...work, ...change };
    for (const l of listeners) l();
  };
  const forget = async (ids: { runToken?: string; openId?: string }): Promise<boolean> => {
    if (!ids.runToken && !ids.openId) return true;
    return deps.api().forgetServerLog(ids).then((r) => r.ok, () => false);
  };
  /** a call to main is under way (a read, an explanation) */
  const busy = (): boolean => work.state.status === 'running';
  const withRun = <T extends object>(args: T): T & { runToken?: string; language: 'en' | 'nl' } => ({ ...args, ...(runToken ? { runToken } : {}), language: deps.language() });
  /** a file read in full that is no longer shown cannot be asked for again (its id goes with it): main lets go of it */
  const replaceOpened = (opened: ServerLogWork['opened']): void => {
    if (work.opened && work.opened.openId !== opened?.openId) void forget({ openId: work.opened.openId });
    set({ opened });
  };

  /** `carried`: the same log explained again for a new scan (begin), whose list stays as long as the person made it */
  const explain = async (value = work.text, name = work.label, carried = false): Promise<void> => {
    if (value.length > MAX_SERVER_LOG_CHARS) return set({ tooBig: 'paste' });
    const mine = generation;
    const token = runToken;
    replaceOpened(undefined);
    pending = 'explain';
    set({ tooBig: undefined, cleared: false, droppedName: undefined, state: { status: 'running' } });
    try {
      const result = await call(deps.api().explainServerLog(withRun({ text: value, ...(name ? { label: name } : {}) })));
      // a stale answer: main forgets the scan before's copy; a new scan (begin) has asked again for its own
      if (mine !== generation) return void forget({ runToken: token });
      set({ state: { status: 'done', result }, ...(carried ? {} : { listed: LINES_PAGE }) });
    } catch (e) {
      if (mine === generation) set({ state: { status: 'error', error: asIpcError(e) } });
    }
  };

  /** A file read in full by main (any size, gzip, a tar archive of logs), chosen in main's own open dialog; or another log of it. */
  const showOpened = async (request: () => Promise<Envelope<OpenedServerLog | { opened: false }>>, carried = false): Promise<void> => {
    const before = work.state;
    const mine = generation;
    const token = runToken;
    pending = 'opened';
    set({ state: { status: 'running' }, reading: undefined, cleared: false });
    const stop = deps.api().onProgress((p) => {
      // a new scan while main reads goes on showing the read (its answer is carried over); after Clear it does not
      if (p.phase === 'read' && clearedAt <= mine) set({ reading: p });
    });
    try {
      const read = await call(request());
      if (mine !== generation) {
        if (!read.opened) return;
        if (clearedAt > mine) return void forget({ runToken: token, openId: read.openId });
        // a new scan began while main read the file: it is that scan's log now (main keeps the file; it forgets the old scan's copy)
        void forget({ runToken: token });
        return void showOpened(() => deps.api().explainOpenedLog(withRun({ openId: read.openId, index: read.index })), carried);
      }
      if (!read.opened) return set({ state: before }); // the person cancelled the dialog: nothing changes
      const { explanation, ...file } = read;
      // main replaced the file it kept by this one (opened-logs.ts keeps the last): nothing to let go of there
      work = { ...work, opened: undefined };
      set({ opened: file, text: '', label: undefined, tooBig: undefined, damaged: false, archive: undefined, state: { status: 'done', result: explanation }, ...(carried ? {} : { listed: LINES_PAGE }) });
    } catch (e) {
      if (mine === generation) set({ state: { status: 'error', error: asIpcError(e) } });
    } finally {
      stop();
      if (clearedAt <= mine) set({ reading: undefined });
    }
  };

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** The work of the scan `token`, or an empty panel when the work held is another scan's (until `begin` makes it this one's). */
    view(token: string | undefined): ServerLogWork {
      return token === runToken ? work : EMPTY_WORK;
    },
    /**
     * The scan `token` is the app's scan now (the app shell calls this as each scan arrives, App.tsx): the same
     * scan keeps its work; a new one carries the log over, explained again with it, and main forgets the scan before's copy.
     */
    begin(token: string | undefined): void {
      if (token === runToken) return;
      const before = runToken;
      const carried = work;
      const running = pending;
      runToken = token;
      generation++;
      // a call under way answers for the scan before: its stale answer is carried over where it lands (explain, showOpened)
      if (carried.state.status === 'running') {
        if (running === 'explain') void explain(carried.text, carried.label);
        return;
      }
      if (carried.opened) {
        void forget({ runToken: before });
        void showOpened(() => deps.api().explainOpenedLog(withRun({ openId: carried.opened!.openId, index: carried.opened!.index })), true);
      } else if (carried.text && carried.state.status !== 'idle') {
        void forget({ runToken: before });
        void explain(carried.text, carried.label, true);
      } else {
        set({ cleared: false });
      }
    },
    /** The person typed in the box: their own text, no longer a file's (its archive and file read in full go away). */
    edit(text: string): void {
      replaceOpened(undefined);
      set({ text, label: undefined, damaged: false, archive: undefined, droppedName: undefined });
    },
    explain: () => explain(),
    async explainFile(file: (Blob & { name: string }) | undefined): Promise<void> {
      // one call to main at a time: main keeps the log whose answer came last for the export, so a file dropped while a big
      // file is read in full would have the panel show one log and the exported report hold the other (the panel's file
      // button is disabled meanwhile, as Explain and Open are)
      if (!file || busy()) return;
      const mine = generation;
      // the file is read here (main only ever gets text), the same way the CLI reads one, a gzip file unpacked first
      const read = await deps.readDropped(file, MAX_SERVER_LOG_CHARS);
      if (mine !== generation || busy()) return;
      set({ damaged: false, archive: undefined });
      if ('tooBig' in read) return set({ tooBig: 'file' });
      set({ damaged: read.damaged === true, archive: read.archive, shownLog: 0, text: read.text, label: read.label });
      await explain(read.text, read.label);
      // a binary file (an .evtx, a capture): its bytes are no text to show or edit — the box is emptied, the verdict says what it is
      const verdict = work.state.status === 'done' ? work.state.result.serverLog?.verdict : undefined;
      if (mine !== generation || verdict === undefined || verdict === 'ok') return;
      // (an archive's logs are its text files only: this is the dropped file itself)
      set({ droppedName: file.name, ...(isBinaryVerdict(verdict) ? { text: '', label: undefined } : {}) });
    },
    showArchiveLog(index: number): void {
      const chosen = work.archive?.logs[index];
      if (!chosen) return;
      set({ shownLog: index, text: chosen.text, label: chosen.label });
      void explain(chosen.text, chosen.label);
    },
    openFull: (): Promise<void> => showOpened(() => deps.api().openServerLogFile(withRun({}))),
    showOpenedLog: (openId: string, index: number): Promise<void> => showOpened(() => deps.api().explainOpenedLog(withRun({ openId, index }))),
    setAll: (all: boolean): void => set({ all, listed: LINES_PAGE }),
    showMore: (): void => set({ listed: work.listed + LINES_PAGE }),
    /** Clear: the box empties and main forgets the scan's log and the file read in full; said once main has. */
    clear(): Promise<void> {
      const ids = { runToken, openId: work.opened?.openId };
      const mine = ++generation;
      clearedAt = mine;
      work = { ...EMPTY_WORK };
      set({});
      return forget(ids).then((ok) => {
        if (mine === generation) set({ cleared: ok });
      });
    },
  };
}
