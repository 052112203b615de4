import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { analyseCapture } from '../../app/core/analyse';
import type { Capture, CaptureFile } from '../../app/core/capture/capture';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import { ReportSchema } from '../../app/core/model/report';
import { reportBundleFiles } from '../../app/core/report/report-zip';
import { readCaptureDir } from '../../app/system/capture-reader';
import { prng } from './prng';

/**
 * The capture fuzzer (issue 12): random and mutated corpus files under every capture name, run
 * through decode → analyse (parse, snapshot, diagnose, plan) → redacted bundle (JSON, HTML, capture
 * files); every 25th input is written to disk (with a link out of the capture, a FIFO now and
 * then) and read back by the capture reader. Oracles: nothing throws, every report passes the
 * report schema, and memory stays bounded (heap after GC does not keep growing; peak RSS is
 * recorded). Deterministic from the seed: a failure names the seed and input number, and the
 * input is kept in a folder for `tunnelmedic scan --capture`.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** corpus folder → the capture names its files can stand in for */
const CORPUS_NAMES: Record<string, string[]> = {
  'route-print': ['route-print.txt'],
  ipconfig: ['ipconfig-all.txt'],
  netsh: ['netsh-interfaces.txt'],
  'reg-query': ['registry/a.txt', 'registry/b.reg'],
  pbk: ['pbk/rasphone.pbk'],
  powershell: ['powershell/vpnconnection.json', 'powershell/routes.txt'],
  events: ['rasclient-events.txt'],
  lmhosts: ['lmhosts'],
  'systeminfo-ver': ['systeminfo.txt', 'ver.txt'],
};
const ALL_NAMES = ['capture.json', 'ver.txt', 'systeminfo.txt', 'route-print.txt', 'ipconfig-all.txt', 'netsh-interfaces.txt', 'lmhosts', 'rasclient-events.txt', 'file-versions.txt', 'not-collected.txt', 'registry/winlogon.txt', 'registry/rasman.reg', 'registry/x.txt', 'pbk/rasphone.pbk', 'powershell/vpnconnection.json', 'powershell/vpn.txt'];

export interface Seeds {
  /** capture name → real texts that belong there */
  byName: Map<string, Buffer[]>;
  all: Buffer[];
  /** words and lines of all seeds, for "plausible garbage" */
  lines: string[];
}

export function loadSeeds(): Seeds {
  const byName = new Map<string, Buffer[]>();
  const add = (name: string, bytes: Buffer) => byName.set(name, [...(byName.get(name) ?? []), bytes]);
  if (existsSync(CORPUS)) {
    for (const [folder, names] of Object.entries(CORPUS_NAMES)) {
      if (!existsSync(join(CORPUS, folder))) continue;
      for (const f of readdirSync(join(CORPUS, folder))) {
        const bytes = readFileSync(join(CORPUS, folder, f));
        const fits = names.filter((n) => (f.endsWith('.reg') ? n.endsWith('.reg') : !n.endsWith('.reg')));
        for (const n of fits.length ? fits : names) add(n, bytes);
      }
    }
  }
  const samples = join(ROOT, 'samples');
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.isFile() && statSync(join(dir, e.name)).size < 2_000_000) add(`${prefix}${e.name}`, readFileSync(join(dir, e.name)));
    }
  };
  for (const s of readdirSync(samples)) if (statSync(join(samples, s)).isDirectory()) walk(join(samples, s), '');
  const all = [...byName.values()].flat();
  const lines = all.flatMap((b) => b.toString('utf8').split(/\r?\n/)).filter((l) => l.trim() && l.length < 300);
  return { byName, all, lines };
}

const ODD = ['\u2028', '\u2029', '\u00a0', 'İ', 'ı', '\u0000', '\t', '\r', '\n', '\ufeff', '\ufffd', '"', '\\', '%', '&', '^', '|', '<', '>', '!', '0x100000000', 'REG_DWORD', 'REG_MULTI_SZ', '\\0', 'hex(7):', '[HKEY_LOCAL_MACHINE\\X]', '0.0.0.0', '255.255.255.255', '::', '999.1.1.1', 'S-1-5-21-1-2-3-4', '8C-16-45-2A-91-0E', ':', '. . . :', '===', '{', '}', '[', ']', '\u202e', '𝔘', '中文'];

const MAX_GENERATED = 1024 * 1024;

export class Mutator {
  constructor(
    private readonly rnd: () => number,
    private readonly seeds: Seeds,
  ) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** The bytes of one capture file: random, plausible garbage, or a mutated real file. */
  file(name: string): Buffer {
    const r = this.rnd();
    if (r < 0.08) return Buffer.from(Array.from({ length: this.int(4096) }, () => this.int(256)));
    if (r < 0.2) return Buffer.from(Array.from({ length: 1 + this.int(200) }, () => (this.rnd() < 0.2 ? this.pick(ODD) : this.pick(this.seeds.lines))).join(this.pick(['\r\n', '\n', '\r'])));
    if (r < 0.25 && name.endsWith('.json')) return Buffer.from(this.deepJson());
    const own = this.seeds.byName.get(name);
    const base = own && this.rnd() < 0.8 ? this.pick(own) : this.pick(this.seeds.all);
    let bytes: Buffer = Buffer.from(base);
    const rounds = 1 + this.int(6);
    // up to 1 MiB per file: larger is about speed (bench/), not robustness; the reader's limit is 32 MiB
    for (let i = 0; i < rounds; i++) bytes = this.mutate(bytes).subarray(0, MAX_GENERATED);
    return this.encode(bytes).subarray(0, 2 * MAX_GENERATED);
  }

  private deepJson(): string {
    const depth = 1 + this.int(120_000);
    const open = this.pick(['[', '{"a":']);
    const close = open === '[' ? ']' : '}';
    const inner = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return this.rnd() < 0.5 ? inner : `[{"Name":"x","ServerAddress":"vpn.example.com","TunnelType":${inner},"ServerList":[{"FriendlyAddress":${inner}}],"Routes":${inner}}]`;
  }

  private mutate(b: Buffer): Buffer {
    const len = b.length;
    const at = this.int(len + 1);
    switch (this.int(9)) {
      case 0: {
        // flip bytes
        const c = Buffer.from(b);
        for (let i = 0; i < 1 + this.int(16) && len; i++) c[this.int(len)] = this.int(256);
        return c;
      }
      case 1:
        return Buffer.concat([b.subarray(0, at), Buffer.from(this.pick(ODD)), b.subarray(at)]);
      case 2:
        return b.subarray(0, at); // cut off
      case 3: {
        const end = Math.min(len, at + this.int(2000));
        return Buffer.concat([b.subarray(0, at), b.subarray(end)]); // a hole
      }
      case 4: {
        // a line repeated many times (huge input)
        const lines = b.toString('latin1').split('\n');
        const line = this.pick(lines).slice(0, 400);
        const times = this.int(5_000);
        return Buffer.concat([b, Buffer.from(`\n${line}`.repeat(times), 'latin1')]);
      }
      case 5: {
        // lines of another file spliced in
        const other = this.pick(this.seeds.all);
        const from = this.int(other.length + 1);
        return Buffer.concat([b.subarray(0, at), other.subarray(from, from + this.int(3000)), b.subarray(at)]);
      }
      case 6:
        return Buffer.from(b.toString('latin1').replace(/ {2,}/g, () => (this.rnd() < 0.5 ? ' ' : '\t')), 'latin1'); // collapsed columns
      case 7:
        return Buffer.from(b.toString('latin1').replace(/\r?\n/g, this.pick(['\n', '\r', '\r\n', '\n\n', ''])), 'latin1');
      default: {
        // a very long line
        const long = this.pick(ODD).repeat(1 + this.int(100_000));
        return Buffer.concat([b.subarray(0, at), Buffer.from(long), b.subarray(at)]);
      }
    }
  }

  /** re-encode the way Windows might have written it */
  private encode(b: Buffer): Buffer {
    const text = b.toString('utf8');
    switch (this.int(8)) {
      case 0:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
      case 1:
        return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
      case 2:
        return iconv.encode(text, 'utf-16le'); // no BOM
      case 3:
        return iconv.encode(text, this.pick(['cp850', 'cp866', 'cp1252', 'cp437', 'cp936']));
      default:
        return b;
    }
  }
}

export interface FuzzFigures {
  seed: number;
  inputs: number;
  filesRead: number;
  diskInputs: number;
  failures: { input: number; error: string; kept?: string }[];
  peakRssMb: number;
  heapStartMb: number;
  heapEndMb: number;
  slowestMs: number;
  /** the input that took longest (replay: same seed, that input number) */
  slowestInput: number;
  seconds: number;
}

export function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** One input: file names and their bytes. */
export function makeInput(m: Mutator): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const count = 1 + m.int(8);
  for (let i = 0; i < count; i++) {
    const name = m.pick(ALL_NAMES);
    files.set(name, m.file(name));
  }
  return files;
}

function dump(dir: string, files: Map<string, Buffer>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of files) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

export function inMemory(files: Map<string, Buffer>): Capture {
  const map = new Map<string, CaptureFile>();
  let codepage = 850;
  const meta = files.get('capture.json');
  if (meta) {
    try {
      const parsed = JSON.parse(decodeCaptureBytes(meta).text.replace(/^\uFEFF/, '')) as { codepage?: unknown };
      if (typeof parsed.codepage === 'number') codepage = parsed.codepage;
    } catch {
      /* the reader reports it; in memory it is only a file */
    }
  }
  for (const [name, bytes] of files) {
    if (name === 'capture.json' || name === 'not-collected.txt') continue;
    const { text, encoding } = decodeCaptureBytes(bytes, codepage);
    map.set(name, { name, text, encoding });
  }
  return { origin: 'capture', label: 'fuzz', meta: { schemaVersion: 1 }, files: map, readProblems: [] };
}

function check(capture: Capture): void {
  const { report } = analyseCapture(capture, { toolVersion: 'fuzz', corporateNetworks: ['10.13.1.0/24'] });
  const valid = ReportSchema.safeParse(report);
  if (!valid.success) throw new Error(`report fails its schema: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const bundle = reportBundleFiles({ report, capture, redact: true });
  if (!bundle.some((f) => f.name === 'report.html' && f.content.includes('</html>'))) throw new Error('no complete report.html');
}

/** The inputs a seed produces, without running them (to replay one input: `tunnelmedic scan --capture`). */
export function generateInputs(seed: number, count: number, into: string): void {
  const m = new Mutator(prng(seed), loadSeeds());
  for (let n = 0; n < count; n++) {
    const files = makeInput(m);
    if (n % 25 === 0) m.int(2); // the disk inputs' link decision, so later inputs match a real run
    dump(join(into, `input-${n}`), files);
  }
}

/** Runs inputs until `seconds` have passed (or `maxInputs`), and returns the figures. */
export async function fuzzCaptures(opts: { seed: number; seconds: number; maxInputs?: number; keepDir?: string; onProgress?: (f: FuzzFigures) => void }): Promise<FuzzFigures> {
  const gc = gcFunction();
  const seeds = loadSeeds();
  const m = new Mutator(prng(opts.seed), seeds);
  gc();
  const figures: FuzzFigures = { seed: opts.seed, inputs: 0, filesRead: 0, diskInputs: 0, failures: [], peakRssMb: 0, heapStartMb: process.memoryUsage().heapUsed / 2 ** 20, heapEndMb: 0, slowestMs: 0, slowestInput: -1, seconds: 0 };
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tm-fuzz-'));
  const outside = join(work, 'outside-secret.txt');
  writeFileSync(outside, 'SECRET-OUTSIDE-THE-CAPTURE\n');
  while (Date.now() - started < opts.seconds * 1000 && figures.inputs < (opts.maxInputs ?? Infinity)) {
    const n = figures.inputs++;
    const files = makeInput(m);
    figures.filesRead += files.size;
    const onDisk = n % 25 === 0;
    if (process.env.TM_FUZZ_DUMP) dump(join(process.env.TM_FUZZ_DUMP, 'current'), files);
    const t0 = Date.now();
    let dir: string | undefined;
    try {
      if (onDisk) {
        figures.diskInputs++;
        dir = join(work, `in-${n}`);
        for (const [name, bytes] of files) {
          mkdirSync(join(dir, name, '..'), { recursive: true });
          writeFileSync(join(dir, name), bytes);
        }
        mkdirSync(join(dir, 'registry'), { recursive: true });
        if (m.int(2)) symlinkSync(outside, join(dir, 'registry', 'escape.txt'));
        const capture = await readCaptureDir(dir);
        for (const f of capture.files.values()) if (f.text.includes('SECRET-OUTSIDE-THE-CAPTURE')) throw new Error(`the reader followed a link out of the capture (${f.name})`);
        check(capture);
      } else check(inMemory(files));
    } catch (e) {
      const kept = opts.keepDir ? join(opts.keepDir, `seed-${opts.seed}-input-${n}`) : undefined;
      if (kept) dump(kept, files);
      figures.failures.push({ input: n, error: (e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e), ...(kept ? { kept } : {}) });
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    if (process.env.TM_FUZZ_VERBOSE) console.log(`input ${n}: ${Date.now() - t0} ms, ${[...files].map(([k, v]) => `${k}:${v.length}`).join(' ')}`);
    if (Date.now() - t0 > figures.slowestMs) {
      figures.slowestMs = Date.now() - t0;
      figures.slowestInput = n;
    }
    figures.peakRssMb = Math.max(figures.peakRssMb, process.memoryUsage().rss / 2 ** 20);
    if (n % 200 === 199) opts.onProgress?.({ ...figures, seconds: (Date.now() - started) / 1000 });
  }
  rmSync(work, { recursive: true, force: true });
  gc();
  figures.heapEndMb = process.memoryUsage().heapUsed / 2 ** 20;
  figures.seconds = (Date.now() - started) / 1000;
  return figures;
}
