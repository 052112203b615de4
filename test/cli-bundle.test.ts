import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCapture } from '../bench/generate-capture';
import { cli, freshDataDir } from './support/cli';

const ROOT = resolve(__dirname, '..');
/** inside the package (dist/ is ignored): the CLI finds samples/ by walking up from its own file */
const OUT = join(ROOT, 'dist', `test-cli-${process.pid}`);
const CACHE = join(OUT, 'tunnelmedic-bundle.cjs.v8cache');

/** The built CLI run by a plain `node`, as a user runs it (the code cache is made for exactly that). */
function builtCli(args: string[]) {
  const { NODE_OPTIONS: _flags, ...env } = process.env;
  const r = spawnSync(process.execPath, [join(OUT, 'tunnelmedic.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...env, TUNNELMEDIC_DATA_DIR: freshDataDir(), TUNNELMEDIC_DEBUG: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const withoutClock = (json: string) => JSON.stringify({ ...JSON.parse(json), generatedAt: undefined });

/**
 * The shipped CLI (scripts/build-cli.mjs): one script loaded by a launcher through V8's code cache,
 * made at build time. The cache may only make the start faster: the CLI answers the same with the
 * cache, without it and with one V8 refuses, and the same as the sources.
 */
describe('the bundled CLI and its code cache', () => {
  let sourceScan: string;
  let cacheBytes: Buffer;
  beforeAll(async () => {
    const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: (outdir: string, o: { logLevel: string }) => Promise<unknown> };
    await buildCli(OUT, { logLevel: 'error' });
    cacheBytes = readFileSync(CACHE);
    const r = await cli(['scan', '--demo', '--json']);
    expect(r.code).toBe(1);
    sourceScan = withoutClock(r.stdout);
  });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));
  const restoreCache = () => writeFileSync(CACHE, cacheBytes);

  it('the build writes a code cache that a plain node accepts, and the scan is the sources\' scan', () => {
    expect(statSync(CACHE).size).toBeGreaterThan(0);
    const r = builtCli(['scan', '--demo', '--json']);
    // the launcher says on stderr (TUNNELMEDIC_DEBUG) when it compiled from source instead
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(withoutClock(r.stdout)).toBe(sourceScan);
  });

  it('holds the scan\'s functions, not only the top level (made after a run)', () => {
    const probe = `const { Script } = require('node:vm'); const s = new Script(require('node:fs').readFileSync(process.argv[1], 'latin1')); process.stdout.write(String(s.createCachedData().length));`;
    const { NODE_OPTIONS: _flags, ...env } = process.env;
    const topLevelOnly = Number(spawnSync(process.execPath, ['-e', probe, join(OUT, 'tunnelmedic-bundle.cjs')], { encoding: 'utf8', env }).stdout);
    expect(topLevelOnly).toBeGreaterThan(0);
    expect(cacheBytes.length).toBeGreaterThan(2 * topLevelOnly);
  });

  const damaged: [string, () => void][] = [
    ['missing', () => rmSync(CACHE)],
    ['cut short', () => writeFileSync(CACHE, cacheBytes.subarray(0, cacheBytes.length >> 1))],
    ['not a cache at all', () => writeFileSync(CACHE, Buffer.alloc(cacheBytes.length, 0x5a))],
    ['made for other source', () => writeFileSync(CACHE, otherScriptCache())],
  ];
  for (const [what, damage] of damaged) {
    it(`a code cache that is ${what}: compiled from source, the same scan and exit code`, () => {
      damage();
      try {
        const r = builtCli(['scan', '--demo', '--json']);
        expect(r.stderr).toMatch(/^tunnelmedic: code cache (rejected|missing), compiled from source\n$/);
        expect(r.code).toBe(1);
        expect(withoutClock(r.stdout)).toBe(sourceScan);
      } finally {
        restoreCache();
      }
    });
  }

  it('other commands load what they need on first use (help, version, a fix plan in Dutch, Dutch help and flag errors)', async () => {
    for (const args of [['--version'], ['help', 'fix'], ['fix', '--demo', '--dry-run', '--lang', 'nl'], ['--help', '--lang', 'nl'], ['scan', '--help', '--lang', 'nl'], ['scan', '--colour', '--lang', 'nl'], ['scan', '--colour']]) {
      const built = builtCli(args);
      const source = await cli(args);
      expect(built.stderr).toBe(source.stderr);
      expect(built.code).toBe(source.code);
      expect(built.stdout.replace(/tm-data-\w+/g, 'DATA')).toBe(source.stdout.replace(/tm-data-\w+/g, 'DATA'));
    }
  });

  it('the texts outside the bundle (nl.json, en.json\'s server-log explanations) are read from beside it, the same as the sources\'', async () => {
    const bundle = readFileSync(join(OUT, 'tunnelmedic-bundle.cjs'), 'latin1');
    const en = JSON.parse(readFileSync(join(ROOT, 'app', 'core', 'i18n', 'en.json'), 'utf8')) as { serverLog: Record<string, unknown>; cli: Record<string, unknown> };
    const nl = JSON.parse(readFileSync(join(ROOT, 'app', 'core', 'i18n', 'nl.json'), 'utf8')) as { cli: Record<string, unknown> };
    // a text of each with nothing a string literal escapes or re-quotes: in the bundle as written, if it were there
    expect(bundle).toContain(plainText(en.cli));
    expect(bundle).not.toContain(plainText(en.serverLog));
    expect(bundle).not.toContain(plainText(nl.cli));
    const log = join(ROOT, 'test', 'fixtures', 'real', 'server-logs', 'charon-android-app-log-ike-sa-init-no-proposal-chosen.txt');
    for (const args of [['explain-log', log], ['explain-log', log, '--lang', 'nl'], ['scan', '--demo', '--lang', 'nl']]) {
      const built = builtCli(args);
      const source = await cli(args);
      expect(built.stderr).toBe(source.stderr);
      expect(built.code).toBe(source.code);
      expect(built.stdout.length).toBeGreaterThan(200);
      expect(built.stdout.replace(/tm-data-\w+/g, 'DATA')).toBe(source.stdout.replace(/tm-data-\w+/g, 'DATA'));
    }
  });

  it('a package both scripts use (fflate: the capture reader\'s ZIP logs, the report\'s zip) works from the late one: report zips, explain-log of a ZIP', async () => {
    const names = (file: string) => Object.keys(unzipSync(readFileSync(file))).sort();
    for (const redact of [[], ['--redact']]) {
      const built = join(OUT, `built${redact.length}.zip`);
      const source = join(OUT, `source${redact.length}.zip`);
      const b = builtCli(['report', '--demo', ...redact, '--out', built]);
      const s = await cli(['report', '--demo', ...redact, '--out', source]);
      expect(b.stderr.replaceAll(built, 'ZIP')).toBe(s.stderr.replaceAll(source, 'ZIP'));
      expect(b.code).toBe(s.code);
      expect(names(built)).toEqual(names(source));
      expect(names(built)).toContain('report.json');
    }
    const archive = join(OUT, 'logs.zip');
    const log = readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'server-logs', 'charon-android-app-log-ike-sa-init-no-proposal-chosen.txt'));
    writeFileSync(archive, zipSync({ 'RemoteAccess/charon.log': new Uint8Array(log) }));
    const built = builtCli(['explain-log', archive]);
    const source = await cli(['explain-log', archive]);
    expect(built.stderr).toBe(source.stderr);
    expect(built.code).toBe(source.code);
    expect(built.stdout).toContain('charon.log');
    expect(built.stdout).toBe(source.stdout);
  });

  it('every other command answers from the build as from the sources (rollback and guard with nothing to act on, an HTML report, the scripts folder)', async () => {
    for (const [name, args] of [
      ['rollback', ['rollback', '--last']],
      ['guard', ['guard', 'list']],
      ['html', ['report', '--demo', '--out', 'OUTPUT.html']],
      ['scripts', ['scripts', '--demo', '--out', 'OUTPUT']],
    ] as const) {
      const place = (side: string) => join(OUT, `${name}-${side}`);
      const built = builtCli(args.map((a) => a.replace('OUTPUT', place('built'))));
      const source = await cli(args.map((a) => a.replace('OUTPUT', place('source'))));
      const same = (r: { stdout: string; stderr: string }, side: string) => (r.stdout + r.stderr).replaceAll(place(side), 'OUTPUT').replace(/tm-data-\w+/g, 'DATA');
      expect(same(built, 'built'), name).toBe(same(source, 'source'));
      expect(built.code, name).toBe(source.code);
      if (name === 'scripts') expect(readdirSync(place('built')).sort()).toEqual(readdirSync(place('source')).sort());
    }
  });

  it('scan --demo runs from the main script alone: the late one (other commands\' modules) is not read', () => {
    const late = join(OUT, 'tunnelmedic-late.cjs');
    const kept = readFileSync(late);
    rmSync(late);
    try {
      const r = builtCli(['scan', '--demo', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(withoutClock(r.stdout)).toBe(sourceScan);
      // a command whose modules are in the late script cannot run without it
      expect(builtCli(['fix', '--demo', '--dry-run']).code).not.toBe(0);
    } finally {
      writeFileSync(late, kept);
    }
  });

  it('an error of the late script\'s modules is the main script\'s error class: worded, not a stack (a missing server log)', async () => {
    const args = ['explain-log', join(OUT, 'no-such-syslog')];
    const built = builtCli(args);
    const source = await cli(args);
    expect(built.code).toBe(source.code);
    expect(built.code).not.toBe(0);
    expect(built.stderr.replace(/\\/g, '/')).toBe(source.stderr.replace(/\\/g, '/'));
    expect(built.stderr).not.toMatch(/\n\s+at /);
  });

  it('output still queued to a pipe when the command ends is all written before the process exits', async () => {
    // a reader that lets the pipe fill up: the launcher's early exit (exitWhenIdle) must wait for the
    // queued writes, as Node's own exit does; the JSON (≈ 0.6 MB) is several times the pipe's buffer
    const capture = join(tmpdir(), `tm-late-reader-${process.pid}`);
    generateCapture(capture, 2_000, join(ROOT, 'samples', 'demo'));
    try {
      const { NODE_OPTIONS: _flags, ...env } = process.env;
      const child = spawn(process.execPath, [join(OUT, 'tunnelmedic.cjs'), 'scan', '--capture', capture, '--json'], { env: { ...env, TUNNELMEDIC_DATA_DIR: freshDataDir() }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pause();
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      // the command is long done when the reader starts reading; 'close': the process exited and its pipes ended
      setTimeout(() => child.stdout.resume(), 1_500);
      const code = await new Promise<number | null>((done) => child.on('close', done));
      const json = Buffer.concat(chunks).toString('utf8');
      expect(json.length).toBeGreaterThan(4 * 65_536);
      expect(code).toBe(1);
      expect((JSON.parse(json) as { snapshot: { routes: unknown[] } }).snapshot.routes).toHaveLength(2_000);
    } finally {
      rmSync(capture, { recursive: true, force: true });
    }
  });

  it('the build leaves no code-split chunks beside the bundle', () => {
    expect(existsSync(join(OUT, 'chunks'))).toBe(false);
  });
});

/** The first of a section's texts that is plain words (no quote, backslash or non-ASCII letter), 40 characters or more. */
function plainText(section: unknown): string {
  const texts = JSON.stringify(section).match(/"[A-Za-z0-9 ,.:()-]{40,}"/g) ?? [];
  if (!texts[0]) throw new Error('no plain text in this section');
  return texts[0].slice(1, -1);
}

/** A valid V8 code cache, but of another script (V8 checks the source's length and refuses it). */
function otherScriptCache(): Buffer {
  const probe = `const { Script } = require('node:vm'); const s = new Script('(function () { return 1 })'); s.runInThisContext()(); process.stdout.write(s.createCachedData().toString('base64'));`;
  const { NODE_OPTIONS: _flags, ...env } = process.env;
  return Buffer.from(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env }).stdout, 'base64');
}
