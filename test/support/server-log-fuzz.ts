import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFindings, formatServerLogs } from '../../app/cli/commands/explain-log';
import { explainServerLogs } from '../../app/core/diagnose/server-log';
import { engineT } from '../../app/core/i18n';
import { FindingSchema } from '../../app/core/model/report';
import { ServerLogReportSchema } from '../../app/core/model/server-log';
import { ServerLogNames } from '../../app/core/parse/server-log/names';
import { ServerLogParser, type ServerLogEntry, type ServerLogResult } from '../../app/core/parse/server-log';
import { Redactor } from '../../app/core/report/redact';
import { MAX_BYTES, readByteStream, readServerLogFile } from '../../app/system/server-log-file';
import { gcFunction, Mutator, type Seeds } from './capture-fuzz';
import { prng } from './prng';

/**
 * The server-log fuzzer (issue 14 "Bad input … bounded time and memory"; property "never throws, every line accounted for"):
 * real logs — every held fixture, the corpus's server logs, a few PC captures pasted by mistake — mutated by the capture
 * fuzzer's Mutator (bytes flipped, lines repeated thousands of times, other files spliced in, columns collapsed, line ends
 * changed, very long lines, re-encoded as UTF-16 or an OEM code page) and by the ways logs travel (flattened into one paragraph,
 * two logs interleaved, wrapped at a width, quoted, numbered), then read as `explain-log --redact` reads a file: streamed in
 * chunks of random size (readByteStream), explained, redacted, printed as text and as JSON.
 * Oracles: nothing throws; understood + unknown = records; the logs and findings pass their schemas; the same bytes in other
 * chunk sizes give the same counts and the same findings (streaming must not change the reading); memory stays bounded. The
 * slowest input is reported (time is measured, never asserted: bench/ holds the speed budgets).
 */

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const MAX_SEED_BYTES = 400_000;

function filesIn(dir: string): Buffer[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.md'))
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile() && statSync(p).size < MAX_SEED_BYTES)
    .map((p) => readFileSync(p));
}

export function loadServerLogSeeds(): Seeds {
  const logs = [...filesIn(join(ROOT, 'test', 'fixtures', 'real', 'server-logs')), ...filesIn(join(CORPUS, 'server-logs'))];
  // what people paste by mistake: a route print, an ipconfig
  const mistakes = [...filesIn(join(CORPUS, 'route-print')).slice(0, 3), ...filesIn(join(CORPUS, 'ipconfig')).slice(0, 3)];
  const all = [...logs, ...mistakes];
  const lines = logs.flatMap((b) => b.toString('utf8').split(/\r?\n/)).filter((l) => l.trim() && l.length < 300);
  return { byName: new Map([['server.log', logs]]), all, lines };
}

/** How logs travel (chat, mail, PDF, forum): applied to the text after the Mutator's damage. */
function travel(m: Mutator, seeds: Seeds, text: string): string {
  const lines = text.split(/\r?\n/);
  switch (m.int(8)) {
    case 0:
      return lines.join(' '); // flattened into one paragraph
    case 1: {
      const other = m.pick(seeds.all).toString('utf8').split(/\r?\n/);
      const out: string[] = [];
      for (let i = 0; i < Math.max(lines.length, other.length); i++) out.push(...[lines[i], other[i]].filter((l): l is string => l !== undefined));
      return out.join('\n'); // two logs interleaved line by line
    }
    case 2: {
      const width = 40 + m.int(100);
      return lines.flatMap((l) => (l.length <= width ? [l] : (l.match(new RegExp(`.{1,${width}}`, 'g')) ?? [l]))).join('\n'); // wrapped
    }
    case 3:
      return lines.map((l) => `${m.pick(['> ', '>> ', '    ', '\t', '| '])}${l}`).join('\n'); // quoted or indented
    case 4:
      return lines.map((l, i) => `${String(i + 1).padStart(m.int(2) ? 6 : 1, ' ')}${m.pick(['\t', ': ', ' '])}${l}`).join('\n'); // numbered
    case 5:
      return lines.join(m.pick(['\n\n', '\r\n\r\n', '\n \n'])); // blank lines doubled
    default:
      return text;
  }
}

export interface ServerLogFuzzFigures {
  seed: number;
  inputs: number;
  bytes: number;
  failures: { input: number; error: string }[];
  peakRssMb: number;
  heapStartMb: number;
  heapEndMb: number;
  slowestMs: number;
  slowestInput: number;
  slowestBytes: number;
  seconds: number;
}

/** One input's bytes (deterministic from the Mutator's state). */
export function makeLogInput(m: Mutator, seeds: Seeds): Buffer {
  const damaged = m.file('server.log');
  if (m.int(3) !== 0) return damaged;
  return Buffer.from(travel(m, seeds, damaged.toString('utf8')).slice(0, 2 * 1024 * 1024), 'utf8');
}

async function* inChunks(bytes: Buffer, sizes: () => number): AsyncIterable<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

const t = engineT('en');

/**
 * explain-log --redact: read as a plain file is (`file`: the bytes written there first) or as a gzip or tar member streams in
 * (`chunkSize`: the sizes of the stream's chunks), explained, redacted, printed; throws what the oracles find.
 */
export async function explainBytes(bytes: Buffer, how: { file: string } | { chunkSize: () => number }): Promise<{ counts: number[]; findings: string[] }> {
  const names = new ServerLogNames();
  const options = { everyEntry: (e: ServerLogEntry) => names.addEntry(e) };
  let result: ServerLogResult;
  if ('file' in how) {
    writeFileSync(how.file, bytes);
    result = await readServerLogFile(how.file, 'fuzz.log', MAX_BYTES, options);
  } else result = (await readByteStream(inChunks(bytes, how.chunkSize), new ServerLogParser('fuzz.log', options), MAX_BYTES)).result;
  if (result.understood + result.unknown !== result.records) throw new Error(`understood ${result.understood} + unknown ${result.unknown} ≠ records ${result.records}`);
  for (const u of result.unknownLines) names.addText(u.text);
  const explained = explainServerLogs([result], t);
  const redactor = new Redactor(names.names);
  const out = redactor.value(explained);
  for (const s of out.serverLogs) {
    const v = ServerLogReportSchema.safeParse(s);
    if (!v.success) throw new Error(`server log report fails its schema: ${v.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  for (const f of out.findings) {
    const v = FindingSchema.safeParse(f);
    if (!v.success) throw new Error(`finding ${f.id} fails its schema: ${v.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const text = redactor.text(`${formatServerLogs(out.serverLogs, 'en', true)}\n${formatFindings(out.findings, 'en', out.serverLogs)}`);
  if (typeof text !== 'string') throw new Error('no text');
  JSON.parse(JSON.stringify(out));
  return { counts: [result.records, result.understood, result.unknown], findings: explained.findings.map((f) => f.id).sort() };
}

/** Runs inputs until `seconds` have passed (or `maxInputs`), and returns the figures. */
export async function fuzzServerLogs(opts: { seed: number; seconds: number; maxInputs?: number; onProgress?: (f: ServerLogFuzzFigures) => void; onInput?: (n: number, bytes: Buffer, ms: number, failed: boolean) => void }): Promise<ServerLogFuzzFigures> {
  const gc = gcFunction();
  const rnd = prng(opts.seed);
  const seeds = loadServerLogSeeds();
  const m = new Mutator(rnd, seeds);
  gc();
  const figures: ServerLogFuzzFigures = { seed: opts.seed, inputs: 0, bytes: 0, failures: [], peakRssMb: 0, heapStartMb: process.memoryUsage().heapUsed / 2 ** 20, heapEndMb: 0, slowestMs: 0, slowestInput: -1, slowestBytes: 0, seconds: 0 };
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tm-log-fuzz-'));
  const file = join(work, 'input.log');
  while (Date.now() - started < opts.seconds * 1000 && figures.inputs < (opts.maxInputs ?? Infinity)) {
    const n = figures.inputs++;
    const bytes = makeLogInput(m, seeds);
    figures.bytes += bytes.length;
    // the file reader's own chunks are 64 KiB; a gzip or tar stream hands on any size
    const small = 1 + m.int(4096);
    const t0 = Date.now();
    const failuresBefore = figures.failures.length;
    try {
      const whole = await explainBytes(bytes, { file });
      // every fourth input again as a stream of small, uneven chunks (a gzip or tar member): the same reading
      if (n % 4 === 0) {
        const r = prng(n);
        const pieces = await explainBytes(bytes, { chunkSize: () => 1 + Math.floor(r() * small) });
        if (JSON.stringify(pieces) !== JSON.stringify(whole)) throw new Error(`streamed in chunks of ≤ ${small} bytes it read differently: ${JSON.stringify(pieces)} vs ${JSON.stringify(whole)} as a file`);
      }
    } catch (e) {
      figures.failures.push({ input: n, error: (e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e) });
    }
    const ms = Date.now() - t0;
    opts.onInput?.(n, bytes, ms, figures.failures.length > failuresBefore);
    if (ms > figures.slowestMs) {
      figures.slowestMs = ms;
      figures.slowestInput = n;
      figures.slowestBytes = bytes.length;
    }
    figures.peakRssMb = Math.max(figures.peakRssMb, process.memoryUsage().rss / 2 ** 20);
    if (n % 100 === 99) opts.onProgress?.({ ...figures, seconds: (Date.now() - started) / 1000 });
  }
  rmSync(work, { recursive: true, force: true });
  gc();
  figures.heapEndMb = process.memoryUsage().heapUsed / 2 ** 20;
  figures.seconds = (Date.now() - started) / 1000;
  return figures;
}
