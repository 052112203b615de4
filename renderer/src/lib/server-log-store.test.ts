import { describe, expect, it } from 'vitest';
import type { Envelope, OpenedServerLog, Progress, ServerLogExplanation } from '../../../app/shared/ipc';
import { createServerLogStore, EMPTY_WORK, LINES_PAGE } from './server-log-store';

/** A call to main the test answers when it likes (the panel's store must hold on to what comes back later). */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const ok = <T,>(value: T): Envelope<T> => ({ ok: true, value });
const explanation = (message: string) => ({ serverLog: { verdict: 'ok', message, entries: [], families: [], unknown: 0, unknownLines: [] }, findings: [] }) as unknown as ServerLogExplanation;
const openedFile = (openId: string, message: string, index = 0): OpenedServerLog => ({ opened: true, openId, fileName: 'logs.tar.gz', logs: ['syslog', 'pluto.log'], index, notes: [], explanation: explanation(message) }) as OpenedServerLog;
const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeMain(readDropped: (file: Blob & { name: string }) => Promise<unknown> = async () => ({ tooBig: true })) {
  const forgotten: { runToken?: string; openId?: string }[] = [];
  const explains: { args: { text: string; runToken?: string }; answer: ReturnType<typeof deferred<Envelope<ServerLogExplanation>>> }[] = [];
  const opens: ReturnType<typeof deferred<Envelope<OpenedServerLog | { opened: false }>>>[] = [];
  const progress = new Set<(p: Progress) => void>();
  const openedAsks: { openId: string; index: number; runToken?: string }[] = [];
  const api = {
    explainServerLog: (args: { text: string; runToken?: string }) => {
      const answer = deferred<Envelope<ServerLogExplanation>>();
      explains.push({ args, answer });
      return answer.promise;
    },
    openServerLogFile: () => {
      const answer = deferred<Envelope<OpenedServerLog | { opened: false }>>();
      opens.push(answer);
      return answer.promise;
    },
    explainOpenedLog: (args: { openId: string; index: number; runToken?: string }) => {
      const answer = deferred<Envelope<OpenedServerLog | { opened: false }>>();
      opens.push(answer);
      openedAsks.push(args);
      return answer.promise;
    },
    forgetServerLog: async (ids: { runToken?: string; openId?: string }) => (forgotten.push(ids), ok({ forgotten: true })),
    onProgress: (l: (p: Progress) => void) => (progress.add(l), () => void progress.delete(l)),
  };
  const store = createServerLogStore({ api: () => api as never, language: () => 'nl', readDropped: readDropped as never });
  const send = (p: Progress) => progress.forEach((l) => l(p));
  return { store, forgotten, explains, opens, openedAsks, progress, send };
}

describe('server-log panel store', () => {
  it('keeps the text and explanation of a scan for the panel that comes back, and main is not asked to forget anything', async () => {
    const { store, forgotten, explains } = fakeMain();
    store.begin('run-1');
    store.edit('router line');
    const done = store.explain();
    expect(explains[0]!.args).toMatchObject({ text: 'router line', runToken: 'run-1', language: 'nl' });
    explains[0]!.answer.resolve(ok(explanation('1 of 1')));
    await done;
    // the panel goes (another screen) and comes back for the same scan
    store.begin('run-1');
    const back = store.view('run-1');
    expect(back.text).toBe('router line');
    expect(back.state).toMatchObject({ status: 'done', result: { serverLog: { message: '1 of 1' } } });
    expect(forgotten).toEqual([]);
  });

  it('a read in full under way when the person leaves goes on: its progress and then its result are there on return', async () => {
    const { store, opens, progress, send, forgotten } = fakeMain();
    store.begin('run-1');
    const reading = store.openFull();
    expect(store.view('run-1').state.status).toBe('running');
    const bytes = [0, 4_000_000, 9_000_000, 12_000_000];
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => {
      const r = store.view('run-1').reading;
      if (r && r.step !== seen.at(-1)) seen.push(r.step);
    });
    for (const step of bytes) send({ phase: 'read', step, total: 12_000_000, label: 'syslog.1' });
    // another call's progress (a scan's) is not this read's
    send({ phase: 'collect', step: 1, total: 3, label: 'route print' });
    expect(seen).toEqual(bytes);
    opens[0]!.resolve(ok(openedFile('open-1', 'read in full')));
    await reading;
    unsubscribe();
    const back = store.view('run-1');
    expect(back.state).toMatchObject({ status: 'done', result: { serverLog: { message: 'read in full' } } });
    expect(back.opened).toMatchObject({ openId: 'open-1', fileName: 'logs.tar.gz', index: 0 });
    expect(back.reading).toBeUndefined();
    expect(progress.size).toBe(0);
    expect(forgotten).toEqual([]);
  });

  it('a new scan (Check again, a language switch, a VPN that reconnected) keeps the pasted log: explained again with it, the scan before\'s copy forgotten', async () => {
    const { store, explains, forgotten } = fakeMain();
    store.begin('run-1');
    store.edit('router line');
    const first = store.explain();
    explains[0]!.answer.resolve(ok(explanation('with run-1')));
    await first;
    store.begin('run-2');
    expect(explains[1]!.args).toMatchObject({ text: 'router line', runToken: 'run-2', language: 'nl' });
    expect(forgotten).toEqual([{ runToken: 'run-1' }]);
    expect(store.view('run-2')).toMatchObject({ text: 'router line', state: { status: 'running' } });
    explains[1]!.answer.resolve(ok(explanation('with run-2')));
    await flush();
    expect(store.view('run-2').state).toMatchObject({ status: 'done', result: { serverLog: { message: 'with run-2' } } });
    // the scan before's work is not shown for it any more (the app has one scan at a time)
    expect(store.view('run-1')).toEqual(EMPTY_WORK);
  });

  it('a new scan keeps the file read in full and the log chosen in it: main is asked for that log with the new scan, the file is not let go', async () => {
    const { store, opens, openedAsks, forgotten } = fakeMain();
    store.begin('run-1');
    const first = store.openFull();
    opens[0]!.resolve(ok(openedFile('open-7', 'syslog')));
    await first;
    const other = store.showOpenedLog('open-7', 1);
    opens[1]!.resolve(ok(openedFile('open-7', 'pluto', 1)));
    await other;
    store.begin('run-2');
    expect(openedAsks.at(-1)).toEqual({ openId: 'open-7', index: 1, runToken: 'run-2', language: 'nl' });
    expect(forgotten).toEqual([{ runToken: 'run-1' }]);
    opens[2]!.resolve(ok(openedFile('open-7', 'pluto with run-2', 1)));
    await flush();
    expect(store.view('run-2')).toMatchObject({ opened: { openId: 'open-7', index: 1 }, state: { status: 'done', result: { serverLog: { message: 'pluto with run-2' } } } });
  });

  it('an explanation under way when a new scan arrives: its late answer is dropped (main forgets it) and the new scan\'s is shown', async () => {
    const { store, explains, forgotten } = fakeMain();
    store.begin('run-1');
    store.edit('late line');
    const late = store.explain();
    store.begin('run-2');
    expect(explains[1]!.args).toMatchObject({ text: 'late line', runToken: 'run-2' });
    explains[1]!.answer.resolve(ok(explanation('new')));
    explains[0]!.answer.resolve(ok(explanation('old')));
    await late;
    await flush();
    expect(forgotten).toEqual([{ runToken: 'run-1' }]);
    expect(store.view('run-2').state).toMatchObject({ status: 'done', result: { serverLog: { message: 'new' } } });
  });

  it('a file being read in full when a new scan arrives goes on being read (its bar too) and becomes the new scan\'s log', async () => {
    const { store, opens, openedAsks, forgotten, send } = fakeMain();
    store.begin('run-1');
    const reading = store.openFull();
    store.begin('run-2');
    send({ phase: 'read', step: 5, total: 10, label: 'syslog.1' });
    expect(store.view('run-2')).toMatchObject({ state: { status: 'running' }, reading: { step: 5 } });
    opens[0]!.resolve(ok(openedFile('open-9', 'for run-1', 2)));
    await reading;
    expect(forgotten).toEqual([{ runToken: 'run-1' }]);
    expect(openedAsks).toEqual([{ openId: 'open-9', index: 2, runToken: 'run-2', language: 'nl' }]);
    opens[1]!.resolve(ok(openedFile('open-9', 'for run-2', 2)));
    await flush();
    expect(store.view('run-2')).toMatchObject({ opened: { openId: 'open-9', index: 2 }, state: { status: 'done', result: { serverLog: { message: 'for run-2' } } } });
  });

  it('after Clear a new scan starts empty, and a read Clear overtook is dropped and let go by main', async () => {
    const { store, opens, explains, openedAsks, forgotten } = fakeMain();
    store.begin('run-1');
    const reading = store.openFull();
    await store.clear();
    opens[0]!.resolve(ok(openedFile('open-4', 'too late')));
    await reading;
    expect(forgotten).toEqual([{ runToken: 'run-1' }, { runToken: 'run-1', openId: 'open-4' }]);
    store.begin('run-2');
    expect(store.view('run-2')).toMatchObject({ text: '', state: { status: 'idle' } });
    expect(explains).toEqual([]);
    expect(openedAsks).toEqual([]);
  });

  it('Clear makes main forget the scan\'s log and the file read in full, and says so once main has', async () => {
    const { store, opens, forgotten } = fakeMain();
    store.begin('run-1');
    const read = store.openFull();
    opens[0]!.resolve(ok(openedFile('open-2', 'x')));
    await read;
    const cleared = store.clear();
    expect(store.view('run-1').opened).toBeUndefined();
    expect(store.view('run-1').state.status).toBe('idle');
    await cleared;
    expect(forgotten).toEqual([{ runToken: 'run-1', openId: 'open-2' }]);
    expect(store.view('run-1').cleared).toBe(true);
  });

  it('a cancelled open dialog leaves what was shown; another log of the same file keeps main\'s file', async () => {
    const { store, opens, explains, forgotten } = fakeMain();
    store.begin('run-1');
    store.edit('router line');
    const done = store.explain();
    explains[0]!.answer.resolve(ok(explanation('pasted')));
    await done;
    const cancelled = store.openFull();
    opens[0]!.resolve(ok({ opened: false }));
    await cancelled;
    expect(store.view('run-1').state).toMatchObject({ status: 'done', result: { serverLog: { message: 'pasted' } } });
    const read = store.openFull();
    opens[1]!.resolve(ok(openedFile('open-3', 'syslog')));
    await read;
    const other = store.showOpenedLog('open-3', 1);
    opens[2]!.resolve(ok(openedFile('open-3', 'pluto', 1)));
    await other;
    await flush();
    expect(store.view('run-1').opened?.index).toBe(1);
    expect(forgotten).toEqual([]);
  });

  it('the lines the person listed ("Show more") stay listed on return and with a new scan; another log or "every line" lists one page again', async () => {
    const { store, explains } = fakeMain();
    store.begin('run-1');
    store.edit('router line');
    const done = store.explain();
    explains[0]!.answer.resolve(ok(explanation('first')));
    await done;
    expect(store.view('run-1').listed).toBe(LINES_PAGE);
    store.showMore();
    store.showMore();
    // another screen and back: the same scan's work
    store.begin('run-1');
    expect(store.view('run-1').listed).toBe(3 * LINES_PAGE);
    // Check again: the same log explained with the new scan, the list as long as it was
    store.begin('run-2');
    explains[1]!.answer.resolve(ok(explanation('again')));
    await flush();
    expect(store.view('run-2').state).toMatchObject({ status: 'done', result: { serverLog: { message: 'again' } } });
    expect(store.view('run-2').listed).toBe(3 * LINES_PAGE);
    store.setAll(true);
    expect(store.view('run-2').listed).toBe(LINES_PAGE);
    store.showMore();
    store.edit('another log');
    const other = store.explain();
    explains[2]!.answer.resolve(ok(explanation('other')));
    await other;
    expect(store.view('run-2').listed).toBe(LINES_PAGE);
  });

  it('a file dropped while a file is read in full is not sent to main: one call at a time, so the log shown is the one main keeps for the export', async () => {
    let drops = 0;
    const { store, opens, explains } = fakeMain(async () => (drops++, { text: 'dropped line', label: 'dropped.log' }));
    store.begin('run-1');
    const reading = store.openFull();
    await store.explainFile(Object.assign(new Blob(['dropped line']), { name: 'dropped.log' }));
    expect(drops).toBe(0);
    expect(explains).toEqual([]);
    opens[0]!.resolve(ok(openedFile('open-1', 'read in full')));
    await reading;
    expect(store.view('run-1').state).toMatchObject({ status: 'done', result: { serverLog: { message: 'read in full' } } });
    // and once the read is done, a dropped file is explained
    const dropped = store.explainFile(Object.assign(new Blob(['dropped line']), { name: 'dropped.log' }));
    await flush();
    expect(explains[0]!.args).toMatchObject({ text: 'dropped line', runToken: 'run-1' });
    explains[0]!.answer.resolve(ok(explanation('dropped')));
    await dropped;
    expect(store.view('run-1').opened).toBeUndefined();
  });

  it('a file being read by the panel when the person starts a read in full is not sent after it', async () => {
    let finishDrop!: (v: unknown) => void;
    const { store, opens, explains } = fakeMain(() => new Promise((r) => (finishDrop = r)));
    store.begin('run-1');
    const dropped = store.explainFile(Object.assign(new Blob(['x']), { name: 'dropped.log' }));
    const reading = store.openFull();
    finishDrop({ text: 'dropped line', label: 'dropped.log' });
    await dropped;
    expect(explains).toEqual([]);
    opens[0]!.resolve(ok(openedFile('open-1', 'read in full')));
    await reading;
    expect(store.view('run-1').opened?.openId).toBe('open-1');
  });

  it('a dropped file that is no log keeps its name for the verdict (the box empties of a binary one\'s bytes); typing or pasting lets it go', async () => {
    const { store, explains } = fakeMain(async () => ({ text: '\u0089PNG\r\n', label: 'server.log' }));
    const verdict = (v: string) => ok({ ...explanation('not text'), serverLog: { ...explanation('not text').serverLog!, verdict: v } } as ServerLogExplanation);
    store.begin('run-1');
    const dropped = store.explainFile(Object.assign(new Blob(['x']), { name: 'server.log' }));
    await flush();
    explains[0]!.answer.resolve(verdict('binary'));
    await dropped;
    expect(store.view('run-1')).toMatchObject({ text: '', droppedName: 'server.log' });
    store.edit('router line');
    expect(store.view('run-1').droppedName).toBeUndefined();
    // a log read well names no file: the name is for a verdict that the file is no log
    const good = store.explainFile(Object.assign(new Blob(['x']), { name: 'syslog.1' }));
    await flush();
    explains[1]!.answer.resolve(verdict('ok'));
    await good;
    expect(store.view('run-1').droppedName).toBeUndefined();
  });
});
