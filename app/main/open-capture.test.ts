import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Envelope, OpenedCapture, Progress } from '../shared/ipc';
import { createDesktopEngine } from '../system/desktop-engine';
import { checkCaptureFolder } from '../system/capture-check';
import { createEngineSwitch } from './engine-switch';
import { createIpcDispatcher, type Dispatcher } from './ipc-handlers';

/**
 * File → Open a PC's capture… (round 44): main's handler behind the window's button and the menu item. The folder comes from main's
 * dialog (here: the test's chooser), is checked with the engine's own capture reading, and the window's engine switches to it —
 * read-only, as `--capture DIR` is — and back.
 */
const samples = path.resolve(__dirname, '..', '..', 'samples');
let tmp: string;
let dataDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tm-open-capture-'));
  dataDir = path.join(tmp, 'data');
  await mkdir(dataDir);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

function setUp(locale = 'en'): { dispatch: Dispatcher; choose: (dir: string | undefined) => void; progress: Progress[]; switched: () => number } {
  let chosen: string | undefined;
  let switches = 0;
  const make = (c: { source: 'live' | 'demo' } | { source: 'capture'; captureDir: string }) => createDesktopEngine({ ...c, dataDir, locale });
  const sources = createEngineSwitch({ start: { engine: make({ source: 'demo' }), source: 'demo' }, home: 'demo', make, check: checkCaptureFolder });
  sources.onSwitch = () => void switches++;
  const progress: Progress[] = [];
  const dispatch = createIpcDispatcher(sources.engine, (p) => progress.push(p), undefined, undefined, { chooseFolder: async () => chosen, sources });
  return { dispatch, choose: (dir) => (chosen = dir), progress, switched: () => switches };
}

const value = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
};

describe('openCapture: the folder main chose becomes the window\'s engine', () => {
  it('says whose PC it is, scans it, refuses every fix on it, and goes back to the demo', async () => {
    const s = setUp();
    s.choose(path.join(samples, 'xp-registry'));
    const opened = value<OpenedCapture>(await s.dispatch('openCapture', { language: 'en' }));
    expect(opened.opened).toBe(true);
    expect(opened.info).toMatchObject({ source: 'capture', sourceLabel: 'XP-LAPTOP', captureHost: 'XP-LAPTOP', capturedAt: '2026-11-21T08:02:11Z', homeSource: 'demo' });
    // the path stays in main: neither the label nor anything else the window gets holds the folder
    expect(JSON.stringify(opened)).not.toContain(samples);
    expect(s.progress.map((p) => p.phase)).toEqual(['collect', 'diagnose']);
    expect(value<AppInfo>(await s.dispatch('appInfo', {})).source).toBe('capture');

    const scan = value<{ runToken: string; report: { findings: { fixes: { id: string }[] }[] } }>(await s.dispatch('scan', { language: 'en' }));
    const fixId = scan.report.findings.flatMap((f) => f.fixes)[0]!.id;
    const apply = await s.dispatch('applyFixes', { runToken: scan.runToken, fixIds: [fixId] });
    expect(apply.ok ? 'applied' : apply.error.code).toBe('READ_ONLY_CAPTURE');
    const undo = await s.dispatch('rollback', { runId: 'run-1' });
    expect(undo.ok ? 'undone' : undo.error.code).toBe('READ_ONLY_CAPTURE');

    const home = value<AppInfo>(await s.dispatch('leaveCapture', {}));
    expect(home).toMatchObject({ source: 'demo', homeSource: 'demo' });
    expect(home.captureHost).toBeUndefined();
    // the scan of the capture belonged to the capture's engine: its token is gone with it
    const stale = await s.dispatch('applyFixes', { runToken: scan.runToken, fixIds: [fixId] });
    expect(stale.ok ? 'applied' : stale.error.code).toBe('UNKNOWN_RUN_TOKEN');
    expect(s.switched()).toBe(2);
  });

  it('cancelled dialog: opened false, nothing switched', async () => {
    const s = setUp();
    s.choose(undefined);
    expect(value(await s.dispatch('openCapture', {}))).toEqual({ opened: false });
    expect(value<AppInfo>(await s.dispatch('appInfo', {})).source).toBe('demo');
    expect(s.switched()).toBe(0);
  });

  it('a damaged capture reads what it can and says what was missing', async () => {
    const s = setUp();
    s.choose(path.join(samples, 'win95-osr2'));
    const opened = value<OpenedCapture>(await s.dispatch('openCapture', { language: 'nl' }));
    // no host name in its capture.json: the folder's name, never its path
    expect(opened.info.sourceLabel).toBe('win95-osr2');
    expect(opened.notes).toContain('Niet verzameld op die pc: rasclient-events.txt: no event log on Windows 9x');
  });

  it.each([
    ['en', 'holds none of the capture files'],
    ['nl', 'bevat geen van de opnamebestanden'],
  ] as const)('an empty folder is refused in %s, and the window stays where it was', async (language, words) => {
    const s = setUp();
    const empty = await mkdtemp(path.join(tmp, 'empty-'));
    s.choose(empty);
    const r = await s.dispatch('openCapture', { language });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'NOT_A_CAPTURE' });
    if (!r.ok) expect(r.error.message).toContain(words);
    expect(value<AppInfo>(await s.dispatch('appInfo', {})).source).toBe('demo');
    expect(s.switched()).toBe(0);
  });

  it.each([
    ['en', 'holds a TunnelMedic report, not a capture'],
    ['nl', 'bevat een rapport van TunnelMedic, geen opname'],
  ] as const)('a report instead of a capture is named as one (%s)', async (language, words) => {
    const s = setUp();
    const report = await mkdtemp(path.join(tmp, 'report-'));
    await writeFile(path.join(report, 'report.json'), '{}');
    await writeFile(path.join(report, 'report.html'), '<html></html>');
    s.choose(report);
    const r = await s.dispatch('openCapture', { language });
    expect(r.ok ? 'opened' : r.error.code).toBe('REPORT_NOT_CAPTURE');
    if (!r.ok) expect(r.error.message).toContain(words);
  });

  it('an unpacked report with its capture folder: the capture in it is read', async () => {
    const s = setUp();
    const report = await mkdtemp(path.join(tmp, 'bundle-'));
    await writeFile(path.join(report, 'report.json'), '{}');
    await cp(path.join(samples, 'win11-ras-errors'), path.join(report, 'capture'), { recursive: true });
    s.choose(report);
    const opened = value<OpenedCapture>(await s.dispatch('openCapture', { language: 'en' }));
    expect(opened.info.captureHost).toBe('LAPTOP-W11');
    expect(opened.notes[0]).toMatch(/is an exported report: its capture folder was read/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a folder that cannot be read is refused with the reason', async () => {
    const s = setUp();
    const locked = await mkdtemp(path.join(tmp, 'locked-'));
    await cp(path.join(samples, 'xp-registry'), locked, { recursive: true });
    await chmod(path.join(locked, 'route-print.txt'), 0);
    await chmod(path.join(locked, 'ver.txt'), 0);
    await chmod(path.join(locked, 'ipconfig-all.txt'), 0);
    await chmod(path.join(locked, 'lmhosts'), 0);
    await chmod(path.join(locked, 'registry'), 0);
    await chmod(path.join(locked, 'capture.json'), 0);
    s.choose(locked);
    const r = await s.dispatch('openCapture', { language: 'en' });
    expect(r.ok ? 'opened' : r.error.code).toBe('NOT_A_CAPTURE');
    if (!r.ok) expect(r.error.message).toMatch(/could be read/);
  });

  it('a window without the switch answers NO_CAPTURE_SWITCH', async () => {
    const dispatch = createIpcDispatcher(createDesktopEngine({ source: 'demo', dataDir }), () => undefined);
    const r = await dispatch('openCapture', {});
    expect(r.ok ? 'opened' : r.error.code).toBe('NO_CAPTURE_SWITCH');
  });

  it('no switch while a fix runs on the machine (the menu is not disabled as the buttons are)', async () => {
    let finish: () => void = () => undefined;
    const home = createDesktopEngine({ source: 'demo', dataDir });
    const slow = { ...home, applyFixes: () => new Promise<never>((_resolve, reject) => (finish = () => reject(new Error('stopped')))) };
    const make = (c: { source: 'live' | 'demo' } | { source: 'capture'; captureDir: string }) => createDesktopEngine({ ...c, dataDir });
    const sources = createEngineSwitch({ start: { engine: slow, source: 'demo' }, home: 'demo', make, check: checkCaptureFolder });
    const running = sources.engine.applyFixes('scan-x', ['a'], () => undefined).catch(() => 'stopped');
    await expect(sources.openCapture(path.join(samples, 'xp-registry'), 'en', () => undefined)).rejects.toMatchObject({ code: 'BUSY_CHANGING' });
    finish();
    await running;
    await expect(sources.openCapture(path.join(samples, 'xp-registry'), 'en', () => undefined)).resolves.toMatchObject({ opened: true });
  });

  it('a window started with --capture DIR says whose PC and when too, not the folder\'s path; a folder the check refuses keeps the engine\'s label', async () => {
    const make = (c: { source: 'live' | 'demo' } | { source: 'capture'; captureDir: string }) => createDesktopEngine({ ...c, dataDir });
    const dir = path.join(samples, 'xp-registry');
    const started = createEngineSwitch({ start: { engine: make({ source: 'capture', captureDir: dir }), source: 'capture', captureDir: dir }, home: 'demo', make, check: checkCaptureFolder });
    const info = await started.engine.info();
    // (before: the label was the folder's full path, with no time)
    expect(info).toMatchObject({ source: 'capture', sourceLabel: 'XP-LAPTOP', captureHost: 'XP-LAPTOP', capturedAt: '2026-11-21T08:02:11Z' });
    const empty = path.join(tmp, 'started-empty');
    await mkdir(empty);
    const refused = createEngineSwitch({ start: { engine: make({ source: 'capture', captureDir: empty }), source: 'capture', captureDir: empty }, home: 'demo', make, check: checkCaptureFolder });
    expect((await refused.engine.info()).captureHost).toBeUndefined();
  });

  it('the renderer cannot send a path: openCapture takes a language only', async () => {
    const s = setUp();
    const r = await s.dispatch('openCapture', { dir: samples });
    expect(r.ok ? 'opened' : r.error.code).toBe('BAD_ARGUMENTS');
  });
});
