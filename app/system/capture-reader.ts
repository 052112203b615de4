import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CAPTURE_FILES, CAPTURE_FOLDERS, CaptureMetaSchema, type Capture, type CaptureFile, type CaptureMeta } from '../core/capture/capture';
import { decodeCaptureBytes } from '../core/capture/decode';
import { UsageError } from './errors';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a capture directory (DESIGN.md "Capture directory"). Missing files are simply absent. */
export async function readCaptureDir(dir: string, origin: Capture['origin'] = 'capture'): Promise<Capture> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new UsageError(`Capture directory not found: ${dir}`);
  if (!info.isDirectory()) throw new UsageError(`Not a capture directory (it is a file): ${dir}`);

  const readProblems: Capture['readProblems'] = [];
  const meta = await readMeta(dir, readProblems);
  const codepage = meta.codepage ?? 850;
  const files = new Map<string, CaptureFile>();

  const add = async (name: string) => {
    const path = join(dir, ...name.split('/'));
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) return;
    if (s.size > MAX_FILE_BYTES) {
      readProblems.push({ source: name, message: `file is ${s.size} bytes; larger than ${MAX_FILE_BYTES} bytes is not read` });
      return;
    }
    const { text, encoding } = decodeCaptureBytes(await readFile(path), codepage);
    files.set(name, { name, text, encoding });
  };

  await Promise.all(Object.values(CAPTURE_FILES).map(add));
  for (const folder of CAPTURE_FOLDERS) {
    const entries = await readdir(join(dir, folder)).catch(() => [] as string[]);
    await Promise.all(entries.sort().map((e) => add(`${folder}/${e}`)));
  }
  // scripts/collect.cmd and collect.bat list what they could not collect, one "file: reason" a line
  const recorded = await readFile(join(dir, 'not-collected.txt')).catch(() => null);
  const notCollected = recorded ? decodeCaptureBytes(recorded, codepage).text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [];
  const fromMeta = Array.isArray(meta.notCollected) ? meta.notCollected.filter((x): x is string => typeof x === 'string') : [];
  return { origin, label: dir, meta, files, readProblems, notCollected: [...new Set([...notCollected, ...fromMeta])] };
}

async function readMeta(dir: string, problems: Capture['readProblems']): Promise<CaptureMeta> {
  const raw = await readFile(join(dir, 'capture.json'), 'utf8').catch(() => null);
  if (raw === null) return { schemaVersion: 1 };
  try {
    const parsed = CaptureMetaSchema.safeParse(JSON.parse(raw.replace(/^\uFEFF/, '')));
    if (parsed.success) return parsed.data;
    problems.push({ source: 'capture.json', message: `not understood: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
  } catch (e) {
    problems.push({ source: 'capture.json', message: `not valid JSON: ${(e as Error).message}` });
  }
  return { schemaVersion: 1 };
}
