import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateCapture } from '../../bench/generate-capture';
import { analyseCapture } from '../../app/core/analyse';
import { PolicySchema, type Policy } from '../../app/core/model/policy';
import { reportBundleFiles } from '../../app/core/report/report-zip';
import { readCaptureDir } from '../../app/system/capture-reader';
import { captureFiles, LANGS, secrets } from './leak-corpus';

/**
 * Every capture whose redacted bundle (`report --redact`: report.json, report.html, the capture
 * files, REDACTED.txt) must stay byte-identical across performance work on the redaction (issue 16
 * budget 3): the samples with their policies, the leak corpus, the shared corpus and the real
 * fixtures mixed into captures (the i-th file of each kind together, so names found in one file
 * are redacted in the others), and the bench generator's capture (thousands of LMHOSTS names).
 * `test/redacted-bundle-identity.test.ts` compares digests with committed ones.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const NOW = new Date('2026-01-01T00:00:00Z');

export interface RedactedBundleCase {
  name: string;
  /** sha256 of every file of the redacted bundle, names and contents, in bundle order */
  digest: string;
}

const digestOf = (files: { name: string; content: string }[]) => {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.name}\u0000${f.content}\u0000`);
  return h.digest('hex');
};

async function bundleDigest(dir: string, nets: string[], policy?: Policy): Promise<string> {
  const capture = await readCaptureDir(dir);
  const { report } = analyseCapture(capture, { corporateNetworks: nets, toolVersion: 'x', now: NOW, policy });
  return digestOf(reportBundleFiles({ report, capture, policy, redact: true }));
}

function writeCapture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-redacted-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const listFiles = (folder: string): string[] => {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const f of readdirSync(folder).sort()) {
    const p = join(folder, f);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (!/^(README|SOURCES)\.md$/.test(f)) out.push(p);
  }
  return out;
};

/** corpus folder → the capture name its files take (a fixed name, or a folder of many) */
const FIXED: [string, string][] = [['route-print', 'route-print.txt'], ['ipconfig', 'ipconfig-all.txt'], ['lmhosts', 'lmhosts'], ['events', 'rasclient-events.txt'], ['netsh', 'netsh-interfaces.txt'], ['systeminfo-ver', 'systeminfo.txt']];
const FOLDERS: [string, string][] = [['reg-query', 'registry'], ['pbk', 'pbk'], ['powershell', 'powershell'], ['server-logs', 'server-logs']];

/** The i-th file of every fixed kind in one capture; the many-file kinds spread round robin. */
export function mixedCaptures(root: string, folderOf: (kind: string) => string): Record<string, string>[] {
  const fixed = FIXED.map(([kind, name]) => [listFiles(folderOf(kind)), name] as const);
  const many = FOLDERS.map(([kind, folder]) => [listFiles(folderOf(kind)), folder] as const);
  const count = Math.max(0, ...fixed.map(([files]) => files.length));
  const captures: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const files: Record<string, string> = { 'capture.json': JSON.stringify({ schemaVersion: 1, hostname: `WS-MIXED-${i}.corp${i}.example.net` }) };
    for (const [list, name] of fixed) if (list[i]) files[name] = readFileSync(list[i]!, 'utf8');
    for (const [list, folder] of many) {
      list.forEach((path, j) => {
        if (j % count !== i) return;
        const base = path.slice(root.length + 1).replace(/[\\/]/g, '_');
        files[`${folder}/${base}${folder === 'powershell' && !base.endsWith('.json') ? '.json' : ''}`] = readFileSync(path, 'utf8');
      });
    }
    captures.push(files);
  }
  return captures;
}

export async function* redactedBundleCases(corpus: string): AsyncGenerator<RedactedBundleCase> {
  const samples = join(ROOT, 'samples');
  for (const s of readdirSync(samples).sort()) {
    const policyPath = join(samples, s, 'policy.json');
    const policy = existsSync(policyPath) ? PolicySchema.parse(JSON.parse(readFileSync(policyPath, 'utf8'))) : undefined;
    yield { name: `sample-${s}`, digest: await bundleDigest(join(samples, s), s === 'demo' ? ['10.13.1.0/24'] : [], policy) };
  }
  const temp: string[] = [];
  try {
    for (const [i, lang] of LANGS.entries()) {
      const dir = writeCapture(captureFiles(lang, secrets(lang, i + 11)));
      temp.push(dir);
      yield { name: `leak-${lang.code}`, digest: await bundleDigest(dir, []) };
    }
    const sources: [string, string, (kind: string) => string][] = [
      ['corpus', corpus, (kind) => join(corpus, kind)],
      ['real', join(ROOT, 'test', 'fixtures', 'real'), (kind) => join(ROOT, 'test', 'fixtures', 'real', kind === 'reg-query' ? 'reg' : kind)],
    ];
    for (const [prefix, root, folderOf] of sources) {
      for (const [i, files] of mixedCaptures(root, folderOf).entries()) {
        const dir = writeCapture(files);
        temp.push(dir);
        yield { name: `${prefix}-mixed-${i}`, digest: await bundleDigest(dir, ['10.13.1.0/24']) };
      }
    }
    const captures = join(ROOT, 'test', 'fixtures', 'real', 'captures');
    for (const c of readdirSync(captures).sort()) yield { name: `real-capture-${c}`, digest: await bundleDigest(join(captures, c), ['10.13.1.0/24']) };
    const generated = mkdtempSync(join(tmpdir(), 'tm-redacted-gen-'));
    temp.push(generated);
    generateCapture(generated, 2_000, join(samples, 'demo'));
    yield { name: 'generated-2000', digest: await bundleDigest(generated, ['10.13.1.0/24']) };
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
}
