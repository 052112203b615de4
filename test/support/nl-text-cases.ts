import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Capture } from '../../app/core/capture/capture';
import { PolicySchema, type Policy } from '../../app/core/model/policy';
import { readCaptureDir } from '../../app/system/capture-reader';
import { mixedCaptures } from './redacted-bundle-cases';

/**
 * The captures whose Dutch output is checked for English left behind (test/nl-no-english.test.ts,
 * and `npx tsx test/support/nl-english-report.ts` to list what is found): the samples with their
 * policies (the demo among them), the shared corpus and the real fixtures mixed into captures, every
 * corpus and fixture file put into the demo capture in the place of the demo's own file of that kind
 * (so a real file meets a machine the rules can say something about), and the real captures; each
 * with and without corporate networks.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const REAL = join(ROOT, 'test', 'fixtures', 'real');

export interface NlTextCase {
  name: string;
  capture: Capture;
  policy?: Policy;
  corporateNetworks: string[];
}

/** corpus folder → the capture name a file of it replaces in the demo capture */
const IN_DEMO: Record<string, (file: string) => string> = {
  'route-print': () => 'route-print.txt',
  ipconfig: () => 'ipconfig-all.txt',
  lmhosts: () => 'lmhosts',
  events: () => 'rasclient-events.txt',
  netsh: () => 'netsh-interfaces.txt',
  'systeminfo-ver': () => 'systeminfo.txt',
  'reg-query': (f) => `registry/${f.endsWith('.reg') ? f : `${f.replace(/\.txt$/, '')}.txt`}`,
  reg: (f) => `registry/${f.endsWith('.reg') ? f : `${f.replace(/\.txt$/, '')}.txt`}`,
  pbk: () => 'pbk/rasphone.pbk',
  powershell: (f) => `powershell/${f.replace(/\.txt$/, '')}.json`,
};

const filesOf = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder).filter((f) => !/^(README|SOURCES)\.md$/.test(f) && statSync(join(folder, f)).isFile()).sort() : [];

function writeCapture(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-nltext-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The demo capture's files (its policy apart). */
function demoFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.name !== 'policy.json') files[`${prefix}${e.name}`] = readFileSync(join(dir, e.name));
    }
  };
  walk(join(SAMPLES, 'demo'), '');
  return files;
}

/** The demo capture's files with `name` put in (a file of the same kind taken out first). */
function demoWith(name: string, bytes: Buffer): Record<string, string | Buffer> {
  const files = demoFiles();
  const folder = name.includes('/') ? name.slice(0, name.indexOf('/') + 1) : undefined;
  for (const k of Object.keys(files)) if (folder ? k.startsWith(folder) : k === name) delete files[k];
  files[name] = bytes;
  return files;
}

const policyOf = (dir: string): Policy | undefined => {
  const path = join(dir, 'policy.json');
  return existsSync(path) ? PolicySchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
};

export async function* nlTextCases(corpus: string): AsyncGenerator<NlTextCase> {
  const NETS = ['10.13.1.0/24'];
  const both = async function* (name: string, dir: string, policy?: Policy): AsyncGenerator<NlTextCase> {
    const capture = await readCaptureDir(dir);
    yield { name, capture, policy, corporateNetworks: [] };
    yield { name: `${name}+nets`, capture, policy, corporateNetworks: NETS };
  };
  for (const s of readdirSync(SAMPLES).sort()) yield* both(`sample-${s}`, join(SAMPLES, s), policyOf(join(SAMPLES, s)));
  const captures = join(REAL, 'captures');
  for (const c of readdirSync(captures).sort()) if (statSync(join(captures, c)).isDirectory()) yield* both(`real-capture-${c}`, join(captures, c));
  const temp: string[] = [];
  try {
    const sources: [string, string, (kind: string) => string][] = [
      ['corpus', corpus, (kind) => join(corpus, kind)],
      ['real', REAL, (kind) => join(REAL, kind === 'reg-query' ? 'reg' : kind)],
    ];
    for (const [prefix, root, folderOf] of sources) {
      if (!existsSync(root)) continue;
      for (const [i, files] of mixedCaptures(root, folderOf).entries()) {
        const dir = writeCapture(files);
        temp.push(dir);
        yield* both(`${prefix}-mixed-${i}`, dir);
      }
    }
    const demoPolicy = policyOf(join(SAMPLES, 'demo'));
    // the demo with one file left out: what was not collected, and what is guessed without it (the OS without ver.txt)
    for (const name of Object.keys(demoFiles())) {
      const files = demoFiles();
      delete files[name];
      const dir = writeCapture(files);
      temp.push(dir);
      yield* both(`demo-without-${name}`, dir, demoPolicy);
    }
    for (const [prefix, root] of [['corpus', corpus], ['real', REAL]] as const) {
      for (const [kind, nameOf] of Object.entries(IN_DEMO)) {
        for (const f of filesOf(join(root, kind))) {
          const dir = writeCapture(demoWith(nameOf(f), readFileSync(join(root, kind, f))));
          temp.push(dir);
          yield* both(`demo-with-${prefix}-${kind}-${f}`, dir, demoPolicy);
        }
      }
    }
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
}
