import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bareRead } from './bare-read.mjs';
import { bundleForBench } from './bundle';
import { generateCapture } from './generate-capture';
import { modelLiveScan } from './live-model';
import { ms, paired } from './paired';
import { paintBenchmark } from './paint';
import { generateSyslog, type serverLogBenchmark, serverLogMemory } from './server-log.bench';

/**
 * `npm run bench`: every budget of issue 16 as one figure and PASS/over. Ratios are measured in
 * one run, as medians of paired runs (baseline and subject alternate), so a busy machine slows both
 * sides alike. Everything runs on bundled code (bench/bundle.ts), as shipped.
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const quick = process.argv.includes('--quick');
/** `--only PREFIX`: measure only the rows whose label starts with PREFIX (e.g. `--only 2`, `--only "3 report"`) */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : '';
const wants = (...labels: string[]) => labels.some((l) => l.startsWith(only) || only.startsWith(l));
const REPEAT_SLOW = quick ? 1 : 5;
/**
 * Pairs for the rows whose one measurement takes well under a second: with 5–7 pairs their median
 * moved by ±30 % between runs on the quiet machine (the young-generation collector lands in one call
 * or the next), so they take more pairs, still alternating, still a median.
 */
const REPEAT_SHORT = quick ? 5 : 21;
const REPEAT_MID = quick ? 3 : 11;
/**
 * Pairs for the 64-network row: one analysis of the 20 000-route capture takes 10–26 ms depending on
 * which call the collector's work lands in, so a pair's ratio ranged from 0.76 to 2.46 and the
 * median of 21 pairs moved between 1.10 and 1.23 from run to run, around a limit of 1.2. With 201
 * pairs (about 6 s) three runs gave 1.14, 1.16 and 1.13 (quartiles ≈ 1.03 and 1.4): the same
 * median, estimated closely enough to compare with its limit.
 */
const REPEAT_DIAGNOSE = quick ? 5 : 201;
/**
 * Pairs for the in-process scan of 20 000 routes (12–18 ms each): its 21-pair median read 2.28–2.93
 * in six runs on the same code (and 3.00 once in a full run), around a limit of 3; with 101 pairs
 * (about 2 s) four runs read 2.31–2.45. The same median, estimated closely enough to compare.
 */
const REPEAT_SCAN = quick ? 5 : 101;
/**
 * Pairs for the redacted-zip row: its 11-pair median read 1.33–1.59 from run to run on the same
 * code (the eighteenth and nineteenth rounds), around a limit of 1.5; 41-pair medians read 1.47–1.49.
 * More pairs (about 35 s) estimate the same median closely enough to compare with its limit.
 */
const REPEAT_ZIP = quick ? 3 : 41;
const MiB = 1024 * 1024;

interface Row {
  budget: string;
  figure: string;
  limit: string;
  pass: boolean;
}
const rows: Row[] = [];
const row = (budget: string, figure: string, limit: string, pass: boolean) => {
  rows.push({ budget, figure, limit, pass });
  console.error(`  ${pass ? 'PASS' : 'over'}  ${budget}: ${figure} (budget ${limit})`);
};
const x = (r: number) => `${r.toFixed(2)}×`;

console.error('bundling engine and CLI…');
const { engine: enginePath, cli } = await bundleForBench(root);
const engine = (await import(enginePath)) as typeof import('./engine-entry');
const work = mkdtempSync(join(tmpdir(), 'tm-bench-'));
const dataDir = join(work, 'data');
const node = process.execPath;

// ---- 7. the generator at 200 000 routes
console.error('generating captures…');
const dir20k = join(work, 'c20k');
const dir200k = join(work, 'c200k');
generateCapture(dir20k, 20_000, engine.demoCaptureDir());
const need200k = wants('7 generator', '1 scan 200 000', '3 CLI peak');
const genMs = need200k ? await ms(() => generateCapture(dir200k, 200_000, engine.demoCaptureDir())) : 0;
const bytes = (d: string) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
if (wants('7 generator')) row('7 generator at 200 000 routes', `${(bytes(dir200k) / MiB).toFixed(1)} MiB in ${(genMs / 1000).toFixed(1)} s`, 'works', true);

const scan = async (dir: string, corporateNetworks: string[] = ['10.13.1.0/24']) =>
  engine.analyseCapture(await engine.readCaptureDir(dir), { corporateNetworks, toolVersion: 'bench' });

// ---- 1. scan against reading the bytes, linear in routes and corporate networks
console.error('1: scan vs read…');
if (wants('1 scan 20 000')) {
  await scan(dir20k); // warm up the bundle's code paths once
  const inProc = await paired(REPEAT_SCAN, () => bareRead(dir20k), () => scan(dir20k));
  row('1 scan 20 000 routes / bare read+decode+split (in process)', `${x(inProc.ratio)} (${inProc.subjectMs.toFixed(0)} ms vs ${inProc.baseMs.toFixed(1)} ms)`, '≤ 3×', inProc.ratio <= 3);
}

const run = (args: string[], opts: { env?: NodeJS.ProcessEnv; stdoutFile?: string } = {}) => {
  const fd = openSync(opts.stdoutFile ?? '/dev/null', 'w');
  try {
    const r = spawnSync(node, args, { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, TUNNELMEDIC_DATA_DIR: dataDir, ...opts.env } });
    // findings exit 1; anything on stderr (a missing module, a crash) makes the timing meaningless
    if ((r.status !== 0 && r.status !== 1) || r.stderr.length) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  } finally {
    closeSync(fd);
  }
};
if (wants('1 CLI scan')) {
  const cliScan = await paired(REPEAT_MID, () => run([join(root, 'bench', 'bare-read.mjs'), dir20k]), () => run([cli, 'scan', '--capture', dir20k, '--json']));
  row('1 CLI scan --capture (20 000 routes) --json / bare Node process reading it', `${x(cliScan.ratio)} (${cliScan.subjectMs.toFixed(0)} ms vs ${cliScan.baseMs.toFixed(0)} ms)`, '≤ 3×', cliScan.ratio <= 3);
}

console.error("1: corporate networks…");
const capture20k = await engine.readCaptureDir(dir20k);
if (wants('1 diagnose')) {
  // in a fresh process (bench/diagnose-row.ts says why), with the bench's own node flags
  const child = spawnSync(node, [...process.execArgv, join(root, 'bench', 'diagnose-row.ts'), enginePath, dir20k, String(REPEAT_DIAGNOSE)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/diagnose-row.ts exited ${child.status}`);
  const nets = JSON.parse(child.stdout) as Awaited<ReturnType<typeof paired>>;
  row('1 diagnose 20 000 routes: 64 corporate networks / none', `${x(nets.ratio)} (${nets.subjectMs.toFixed(0)} ms vs ${nets.baseMs.toFixed(0)} ms)`, '≤ 1.2×', nets.ratio <= 1.2);
}

// ---- 2. start-up
console.error('2: start-up…');
if (wants('2')) {
  const startup = await paired(REPEAT_SHORT, () => run(['-e', '0']), () => run([cli, 'scan', '--demo', '--json']));
  row('2 CLI start-up: scan --demo --json / node -e 0', `${x(startup.ratio)} (${startup.subjectMs.toFixed(0)} ms vs ${startup.baseMs.toFixed(0)} ms)`, '≤ 2×', startup.ratio <= 2);
}

// ---- 3. redaction and memory
console.error('3: report zip and memory…');
if (wants('3 report zip')) {
  const { report: report20k } = await scan(dir20k);
  const zip = (redact: boolean) => engine.buildReportZip({ report: report20k, capture: capture20k, redact });
  zip(true); // warm up the redaction paths once
  const redact = await paired(REPEAT_ZIP, () => zip(false), () => zip(true));
  row('3 report zip 20 000 routes: --redact / unredacted', `${x(redact.ratio)} (${redact.subjectMs.toFixed(0)} ms vs ${redact.baseMs.toFixed(0)} ms)`, '≤ 1.5×', redact.ratio <= 1.5);
}

// after every other in-process row: each 200 000-route scan leaves ≈ 45 MB of dead routes, and the
// rows run after these pairs measured that garbage's collection (64 networks 1.31–1.42× in full
// runs against 1.11–1.18× alone)
console.error('1: 200 000 routes…');
if (wants('1 scan 200 000')) {
  // in a fresh process (bench/scale-row.ts says why), with the bench's own node flags
  const child = spawnSync(node, [...process.execArgv, join(root, 'bench', 'scale-row.ts'), enginePath, dir20k, dir200k, String(REPEAT_SLOW)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/scale-row.ts exited ${child.status}`);
  const scale = JSON.parse(child.stdout) as Awaited<ReturnType<typeof paired>>;
  row('1 scan 200 000 routes / 20 000 routes (10× input)', `${x(scale.ratio)} (${(scale.subjectMs / 1000).toFixed(2)} s)`, '≤ 11×', scale.ratio <= 11);
}

if (wants('3 CLI peak')) {
  const rssFile = join(work, 'maxrss');
  const memJson = join(work, 'scan200k.json');
  run(['--import', join(root, 'bench', 'maxrss.mjs'), cli, 'scan', '--capture', dir200k, '--json'], { env: { TM_BENCH_MAXRSS_FILE: rssFile }, stdoutFile: memJson });
  const peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  let validJson = true;
  try {
    JSON.parse(readFileSync(memJson, 'utf8'));
  } catch {
    validJson = false;
  }
  row('3 CLI peak memory, scan --capture (200 000 routes) --json > file', `${peakMiB.toFixed(0)} MiB, ${(statSync(memJson).size / MiB).toFixed(1)} MiB of ${validJson ? 'valid' : 'INVALID'} JSON`, '≤ 300 MiB', peakMiB <= 300 && validJson);
}

// ---- 4. same input, same bytes
if (wants('4')) {
  console.error('4: determinism…');
  const now = new Date('2026-01-01T00:00:00Z');
  let variants = 0;
  const differing: string[] = [];
  // a capture with several server logs, the first-named one large: parallel reads finish out of name
  // order, and the report must not follow them (the committed real fixtures, data only)
  const withLogs = join(work, 'with-server-logs');
  generateCapture(withLogs, 2_000, engine.demoCaptureDir());
  mkdirSync(join(withLogs, 'server-logs'), { recursive: true });
  generateSyslog(join(withLogs, 'server-logs', '0-big.txt'), 50_000);
  const fixtures = join(root, 'test', 'fixtures', 'real', 'server-logs');
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.txt'))) copyFileSync(join(fixtures, f), join(withLogs, 'server-logs', f));
  for (const dir of [...readdirSync(join(root, 'samples')).map((s) => join(root, 'samples', s)), dir20k, withLogs]) {
    const jsons = new Set<string>();
    const zips = new Set<string>();
    for (let i = 0; i < (quick ? 3 : 6); i++) {
      const capture = await engine.readCaptureDir(dir);
      const { report } = engine.analyseCapture(capture, { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'bench', now });
      jsons.add(JSON.stringify(report));
      zips.add(Buffer.from(engine.buildReportZip({ report, capture })).toString('base64'));
    }
    variants += jsons.size - 1 + zips.size - 1;
    if (jsons.size > 1 || zips.size > 1) differing.push(dir.split('/').pop()!);
  }
  row('4 same capture scanned 6× → identical JSON and zips', variants === 0 ? 'identical' : `${variants} extra variant(s): ${differing.join(', ')}`, 'identical', variants === 0);
}

// ---- 5. live scan model
let live: Awaited<ReturnType<typeof modelLiveScan>> | undefined;
if (wants('5')) {
  live = await modelLiveScan(engine.collectLive as Parameters<typeof modelLiveScan>[0]);
  row('5 live scan: processes / PowerShell', `${live.processes} / ${live.powershell}`, 'PowerShell ≤ 1', live.powershell <= 1);
  row('5 live scan, modelled wall time (PowerShell 400 ms)', `${live.wallMs.toFixed(0)} ms; route findings at ${live.routesReadyMs.toFixed(0)} ms`, '≤ 500 ms, routes earlier', live.wallMs <= 500 && live.routesReadyMs < live.wallMs);
}

// ---- 6. renderer
if (wants('6')) {
  console.error('6: renderer paint and bundle…');
  const paint = await paintBenchmark(root, 1000, quick ? 3 : 5);
  if ('skipped' in paint) row('6 paint 1 000 findings', `skipped: ${paint.skipped}`, '≤ 200 ms', false);
  else row('6 paint the findings screen, 1 000 findings, after the result (Chromium)', `${paint.medianMs.toFixed(0)} ms, ${paint.domNodes} DOM nodes`, '≤ 200 ms', paint.medianMs <= 200);
  const rendererOut = join(root, 'dist', 'bench', 'renderer');
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererOut, emptyOutDir: true, sourcemap: false } });
  let gz = 0;
  const sizeOf = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) sizeOf(p);
      else if (/\.(js|css|html)$/.test(f)) gz += gzipSync(readFileSync(p)).length;
    }
  };
  sizeOf(rendererOut);
  row('6 renderer bundle (js + css + html, gzip)', `${(gz / 1024).toFixed(0)} KB`, '≤ 250 KB', gz <= 250 * 1024);
}

// ---- issue 14: server logs (bench/server-log.bench.ts)
console.error('14: 100 000 syslog lines…');
if (wants('14 explain-log')) {
  // in a fresh process (bench/server-log-row.ts says why), with the bench's own node flags
  const child = spawnSync(node, [...process.execArgv, join(root, 'bench', 'server-log-row.ts'), enginePath, work, String(REPEAT_MID)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/server-log-row.ts exited ${child.status}`);
  const sl = JSON.parse(child.stdout) as Awaited<ReturnType<typeof serverLogBenchmark>>;
  row('14 explain-log 100 000 syslog lines / read+split them (readline)', `${x(sl.ratio)} (${sl.explainMs.toFixed(0)} ms vs ${sl.readMs.toFixed(0)} ms; ${sl.understood}/${sl.records} understood, ${sl.findings} findings)`, '< 2×', sl.ratio < 2);
}
if (wants('14 CLI explain-log')) {
  const slMem = serverLogMemory(root, cli, work);
  row('14 CLI explain-log of a 50 MB syslog --json > file: peak memory', `${slMem.peakMiB.toFixed(0)} MiB for ${slMem.fileMiB.toFixed(0)} MiB in ${slMem.seconds.toFixed(1)} s, ${slMem.validJson ? 'valid' : 'INVALID'} JSON`, '≤ 200 MiB', slMem.peakMiB <= 200 && slMem.validJson);
}

if (existsSync(work)) rmSync(work, { recursive: true, force: true });

console.log(`TunnelMedic budgets (issue 16) — medians of paired runs (${REPEAT_DIAGNOSE} pairs for the 64-network row, ${REPEAT_SCAN} for the in-process scan, ${REPEAT_SHORT} for the other sub-second rows and start-up, ${REPEAT_ZIP} for the redacted zip, ${REPEAT_MID} for the CLI scan and explain-log, ${REPEAT_SLOW} for 200 000 routes), bundled code, this machine`);
console.log('');
console.log('| budget | figure | limit | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.budget} | ${r.figure} | ${r.limit} | ${r.pass ? 'PASS' : 'over'} |`);
console.log('');
if (live) console.log('Live scan plan (virtual clock, bench/live-model.ts):');
for (const p of live?.plan ?? []) console.log(`  ${p}`);
