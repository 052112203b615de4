import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EngineLanguage } from '../core/i18n';
import { problemMessage } from '../core/i18n/problem-text';
import { CAPTURE_FILES, CAPTURE_FOLDERS } from '../core/capture/capture';
import type { Progress } from '../shared/ipc';
import { EngineError } from '../shared/engine-port';
import { engineError, errorText, sayText } from './error-text';
import { CollectionError, UsageError } from './errors';
import { resolveInput, scanInput } from './input';

/**
 * A folder the person chose in the window (File → Open a PC's capture…): is it a capture TunnelMedic can read? Read once with the
 * engine's own capture reading (capture-reader.ts, input.ts scanInput: the same refusals as `--capture DIR` — an empty folder, no
 * file readable, nothing understood), worded in the person's language. One shape is recognised before that: the folder of an
 * unpacked report (`report.json`/`report.html` of report-zip.ts) — its `capture/` folder is the capture, read in its place; without
 * one it is a report, not a capture, and said so. A damaged capture is read as far as it goes; `notes` say what was missing.
 */
export interface CheckedCapture {
  /** the folder read: the chosen one, or its `capture/` folder when the person chose an unpacked report */
  dir: string;
  /** capture.json's host name and time (the collectors write both), when the capture has them */
  hostname?: string;
  collectedAt?: string;
  /** what the reading left out, in the person's language: files not read (and why), what the collector could not collect */
  notes: string[];
}

/** How many notes cross to the window (ipc.ts allows 8): the rest are counted in the last. */
export const MAX_CAPTURE_NOTES = 8;

const REPORT_FILES = new Set(['report.json', 'report.html']);
const CAPTURE_NAMES = new Set<string>(['capture.json', 'not-collected.txt', ...Object.values(CAPTURE_FILES), ...CAPTURE_FOLDERS]);

export async function checkCaptureFolder(chosen: string, language: EngineLanguage, onProgress: (p: Progress) => void = () => undefined): Promise<CheckedCapture> {
  const notes: string[] = [];
  let dir = chosen;
  const names = await readdir(chosen).catch(() => null);
  if (names && !names.some((n) => CAPTURE_NAMES.has(n)) && names.some((n) => REPORT_FILES.has(n))) {
    // an exported report bundle, unpacked: its capture/ folder holds the PC's files as they were read (report-zip.ts)
    if (!names.includes('capture')) throw say(engineError('REPORT_NOT_CAPTURE', 'captureOpen.reportNotCapture', { folder: basename(chosen) }), language);
    dir = join(chosen, 'capture');
    notes.push(sayText({ key: 'captureOpen.fromReport', params: { folder: basename(chosen) } }, language));
  }
  onProgress({ phase: 'collect', step: 1, total: 2, label: basename(dir) });
  const input = await resolveInput({ capture: dir, dataDir: dir });
  const { capture } = await scanInput(input, language).catch((e: unknown) => {
    throw toEngineError(e, language);
  });
  onProgress({ phase: 'diagnose', step: 2, total: 2, label: basename(dir) });
  for (const p of capture.readProblems) notes.push(`${p.source}: ${problemMessage(p, language)}`);
  for (const what of capture.notCollected ?? []) notes.push(sayText({ key: 'captureOpen.notCollected', params: { what } }, language));
  const meta = capture.meta;
  return {
    dir,
    ...(meta.hostname?.trim() ? { hostname: meta.hostname.trim().slice(0, 120) } : {}),
    ...(meta.collectedAt?.trim() ? { collectedAt: meta.collectedAt.trim().slice(0, 60) } : {}),
    notes: notes.length > MAX_CAPTURE_NOTES ? [...notes.slice(0, MAX_CAPTURE_NOTES - 1), sayText({ key: 'captureOpen.moreNotes', params: { count: notes.length - MAX_CAPTURE_NOTES + 1 } }, language)] : notes,
  };
}

/** The error as the window shows it: the message in the person's language (the renderer shows the message of a code it has no text for). */
function toEngineError(e: unknown, language: EngineLanguage): EngineError {
  if (e instanceof EngineError) return say(e, language);
  if (e instanceof UsageError) return new EngineError('NOT_A_CAPTURE', errorText(e, language));
  if (e instanceof CollectionError) return new EngineError('NOT_A_CAPTURE', errorText(e, language));
  return new EngineError('NOT_A_CAPTURE', e instanceof Error ? e.message : String(e));
}

const say = (e: EngineError, language: EngineLanguage): EngineError => (e.say ? new EngineError(e.code, sayText(e.say, language), e.detail, e.say) : e);
