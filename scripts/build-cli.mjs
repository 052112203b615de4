// Bundles the CLI, its npm packages included, into two scripts: dist/cli/tunnelmedic-bundle.cjs (what
// `scan` needs) and tunnelmedic-late.cjs (what only other commands and inputs need, loaded on first
// use: scripts/cli-split.mjs), started by a small launcher (dist/cli/tunnelmedic.cjs, from
// scripts/cli-launcher.cjs) through V8's code cache: each script's .v8cache, made here by running the
// built CLI once (the demo PC's scan; its fix plan for the late script). Node 20's ES module loader
// has no code cache (module.enableCompileCache came with Node 22), and compiling the start-up
// closure was the largest single cost of a start (issue 16.2); a `vm.Script` takes V8's cached data,
// and with it `scan --demo --json` starts ~15 % faster than the same code as code-split ES modules
// (paired runs, README "Performance"). A command's modules are still evaluated only when it runs
// (`scan` never evaluates execa, the apply engine or the zip writer: each sits behind esbuild's lazy
// module initialiser where the sources say `await import`). One bundled file starts in a fraction of
// the time Node takes to resolve and compile the packages' hundreds of modules (zod alone has ~100).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesOf, LATE_SCRIPT, lateImports, mainImports, splitState } from './cli-split.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod re-exports its error messages in ~60 languages as `z.locales`; nothing here uses them
 * (English is imported by zod's schemas directly), and compiling them cost every start ~0.5 MB of
 * source. The CLI gets an empty `locales` namespace instead.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'tm-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'tm-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * iconv-lite is loaded on its first use, not at start-up. The capture decoder and the .reg writer
 * import it at module level, but need it only for a file in an OEM/ANSI code page (or a script
 * written in one); a UTF-8/UTF-16 capture never calls it. Loading it eagerly cost every start
 * Node's CommonJS loader, the package's modules and the ESM-to-CJS export scan. The stand-in is its
 * default export (the only way the app imports it, `import iconv from 'iconv-lite'`): each property
 * read loads the package once with `require` and answers the package's own member.
 */
const lazyIconvLite = {
  name: 'lazy-iconv-lite',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, (args) => (args.namespace === 'tm-lazy' ? { path: 'iconv-lite', external: true } : { path: 'iconv-lite', namespace: 'tm-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'tm-lazy' }, () => ({
      contents: [
        'let real;',
        "const load = () => (real ??= require('iconv-lite'));",
        'const member = (key) => { const v = load()[key]; return typeof v === "function" ? v.bind(real) : v; };',
        'export default new Proxy({}, { get: (_, key) => member(key), has: (_, key) => key in load() });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * JSON imports as `JSON.parse` of one string: V8 reads a string literal in a fraction of the time it
 * takes to parse and build the same object literal, which it does at every start
 * (https://v8.dev/blog/cost-of-javascript-2019#json). The engine's texts (app/core/i18n: en.json
 * 280 KB, nl.json 300 KB) are parsed later still, and most of them are not in the bundle at all:
 * nl.json and en.json's large sections are files of their own beside it (texts/, textFiles), read
 * when a run first touches them (lazyJson, parsedBySection). In the bundle they cost every start:
 * the launcher reads the whole bundle into a string, and en.json's sections, string literals of the
 * top-level code, were copied into the code cache that V8 deserialises at every start (together a
 * third of the bundle and a fifth of the cache, which `scan --demo` never reads).
 */
const jsonAsParse = (textFiles) => ({
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const value = JSON.parse(await readFile(args.path, 'utf8'));
      if (LAZY_CATALOG.test(args.path)) {
        const name = path.basename(args.path);
        textFiles.set(name, JSON.stringify(value));
        return { contents: lazyJson(name), loader: 'js' };
      }
      if (ENGLISH_CATALOG.test(args.path)) {
        const filed = Object.keys(value).filter((key) => JSON.stringify(value[key]).length >= FILED_SECTION_CHARS);
        for (const key of filed) textFiles.set(sectionFile(key), JSON.stringify(value[key]));
        return { contents: parsedBySection(value, filed), loader: 'js' };
      }
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`, loader: 'js' };
    });
    // beside the bundle: the launcher hands the bundle its own folder as __dirname
    b.onEnd(async (result) => {
      if (result.errors.length || b.initialOptions.write === false) return;
      const dir = path.join(resolveOut(b.initialOptions.absWorkingDir, b.initialOptions.outdir), TEXTS_DIR);
      await mkdir(dir, { recursive: true });
      for (const [name, text] of textFiles) await writeFile(path.join(dir, name), text);
    });
  },
});

/** The folder beside the bundle that holds the texts read on first use (textFiles). */
export const TEXTS_DIR = 'texts';
/**
 * A text file beside the bundle, read and parsed on first use. `require` and `__dirname` are the
 * bundle's (the launcher's wrapper function, as Node's for a CommonJS module): node:fs is already
 * loaded by Node's own start, and a forward slash is a path separator on Windows too.
 */
const READ_TEXT = `const readText = (name) => JSON.parse(require('node:fs').readFileSync(__dirname + '/${TEXTS_DIR}/' + name, 'utf8'));`;
/**
 * en.json's sections this large (the server-log explanations, 190 KB) are files beside the bundle;
 * the smaller ones (a scan's rules, fixes and scripts: 0.1–13 KB) stay in the bundle, a read of
 * their own would cost a scan more than their share of the bundle does.
 */
const FILED_SECTION_CHARS = 32 * 1024;
const sectionFile = (key) => `en.${key}.json`;

/**
 * The engine's texts in a language other than English (nl.json) are read and parsed when a run
 * asks for that language (app/core/i18n hands them to i18next only for --lang nl), not by every
 * start. The module's value is a stand-in that reads the text on first touch and forwards every
 * operation to the parsed object (reads, key listing, writes), so it behaves as the object itself.
 */
const LAZY_CATALOG = /[\\/]app[\\/]core[\\/]i18n[\\/](?!en\.json$)[a-z-]+\.json$/;

/**
 * The English texts are every run's, but a run reads a few of their sections (a scan: its rules',
 * fixes' and scripts' texts, not the server-log explanations, engine runs or the menu): each
 * top-level section is parsed when it is first read, the `filed` ones read from their file
 * (sectionFile) first. The object has the sections as own enumerable properties, in the file's
 * order; the first read of one replaces its getter with the parsed value (a plain data property
 * from then on; a write before it does the same), so i18next, `Object.keys`, `in` and
 * JSON.stringify see the object the file describes.
 */
const ENGLISH_CATALOG = /[\\/]app[\\/]core[\\/]i18n[\\/]en\.json$/;
export const parsedBySection = (catalog, filed = []) =>
  [
    READ_TEXT,
    'const texts = {};',
    'const settle = (key, value) => Object.defineProperty(texts, key, { value, writable: true, enumerable: true, configurable: true });',
    'const lazy = (key, parse) => Object.defineProperty(texts, key, { get: () => { const value = parse(); settle(key, value); return value; }, set: (value) => settle(key, value), enumerable: true, configurable: true });',
    'const section = (key, json) => lazy(key, () => JSON.parse(json));',
    'const filed = (key, name) => lazy(key, () => readText(name));',
    ...Object.entries(catalog).map(([key, value]) =>
      filed.includes(key) ? `filed(${JSON.stringify(key)}, ${JSON.stringify(sectionFile(key))});` : `section(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(value))});`,
    ),
    'export default texts;',
  ].join('\n');
const lazyJson = (name) =>
  [
    READ_TEXT,
    'let parsed;',
    `const real = () => (parsed ??= readText(${JSON.stringify(name)}));`,
    'export default new Proxy({}, {',
    '  get: (_, key) => real()[key],',
    '  has: (_, key) => key in real(),',
    '  ownKeys: () => Reflect.ownKeys(real()),',
    '  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),',
    '  set: (_, key, value) => Reflect.set(real(), key, value),',
    '  deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),',
    '});',
  ].join('\n');

/**
 * Output in ASCII only. esbuild escapes every string and template but leaves regular expression
 * literals as written, and the parsers' regexes hold translated Windows words (無線, беспроводн…):
 * one such character makes V8 decode and hold the whole 500 KB chunk as a two-byte string.
 * Inside a regex literal `\uXXXX` means exactly the character it replaces (with and without the
 * u flag; astral characters become surrogate pairs, which both modes read as the same character).
 * A String.raw template would not survive this, so one makes the build fail.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(b) {
    b.onEnd(async (result) => {
      if (b.initialOptions.write === false) return;
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!/\.c?js$/.test(file)) continue;
        const path = resolveOut(b.initialOptions.absWorkingDir, file);
        const text = await readFile(path, 'utf8');
        if (!/[^\x00-\x7f]/.test(text)) continue;
        for (const raw of text.matchAll(/String\.raw`[^`]*`/g)) if (/[^\x00-\x7f]/.test(raw[0])) throw new Error(`${file}: String.raw with non-ASCII text cannot be escaped safely`);
        await writeFile(path, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      }
    });
  },
};
const resolveOut = (cwd, file) => path.resolve(cwd ?? root, file);

/**
 * The main script's esbuild options (bench/bundle.ts builds through buildCli, so the bench measures
 * this build); `state` is the split between it and the late script (scripts/cli-split.mjs).
 */
export function cliBuildOptions(outdir = 'dist/cli', state = splitState()) {
  return {
    absWorkingDir: root,
    // the launcher calls runCli with its argv: a script in a vm.Script cannot use top-level await
    entryPoints: { 'tunnelmedic-bundle': 'app/cli/main.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    plugins: [lateImports(root, state), noZodLocales, lazyIconvLite, jsonAsParse(new Map()), asciiOutput],
    metafile: true,
    // less source for V8 to read and compile at every start (issue 16.2): short local names cut the
    // scan's start-up closure by a fifth and its start-up by ~6 % (paired runs against the build
    // without, 21 pairs, load ≈ 3). Users see error messages, not stacks; a developer's stack trace
    // is mapped back by the source map beside each file (`node --enable-source-maps`; Node reads
    // it only then). Installers leave the maps out (electron-builder.yml `!**/*.map`).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    sourcemap: 'linked',
    bundle: true,
    platform: 'node',
    // one CommonJS script, not code-split ES modules: only a classic script can take V8's code cache
    // in Node 20 (vm.Script cachedData). esbuild turns each `await import('./x')` into a lazy
    // initialiser of x's modules, so what a command does not need is compiled by no one (V8 compiles
    // a function when it first runs) and evaluated by no one.
    format: 'cjs',
    target: 'node20',
    // a vm.Script has no module loader for import() (the Node built-ins a command imports on first
    // use, node:readline/promises): esbuild writes those as require, which works there
    supported: { 'dynamic-import': false },
    // the launcher compiles the file as one function expression with CommonJS's parameters (its own
    // `require`, for Node built-ins and iconv-lite), the way Node wraps a CommonJS module, and its
    // loader of the late script; strict as the ES modules it is built from (esbuild's own "use
    // strict" comes after the banner, where it is no directive)
    banner: { js: `(function (exports, require, module, __filename, __dirname, __tmLoad) {'use strict';${CLI_IMPORT_META}` },
    footer: { js: '})' },
    // app/system/paths.ts finds the package from its own file's URL
    define: { 'import.meta.url': '__tmImportMetaUrl' },
    // iconv-lite stays a package: bundled, its code-page tables (1 MB) would be compiled at every
    // start; installed, Node reads them only when a capture is not UTF-8/UTF-16
    external: ['iconv-lite'],
    logLevel: 'info',
  };
}
const CLI_IMPORT_META = "var __tmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/** The late script's options: the main script's, its entry a table of the modules the main script loads from it. */
function lateBuildOptions(outdir, state) {
  const main = cliBuildOptions(outdir, state);
  return {
    ...main,
    entryPoints: { [LATE_SCRIPT.replace(/\.cjs$/, '')]: 'tm-split:late-entry' },
    plugins: [mainImports(root, state), noZodLocales, lazyIconvLite, jsonAsParse(new Map()), asciiOutput],
    // its sixth parameter looks up a module of the main script (the main script's registry)
    banner: { js: `(function (exports, require, module, __filename, __dirname, __tmMain) {'use strict';${CLI_IMPORT_META}` },
  };
}

/**
 * The two scripts (scripts/cli-split.mjs). A first pass of the main script (not written) finds its
 * modules and the `import()`s it cannot answer itself; the late script is built from those, its
 * imports of main modules noted; the main script is then built with a registry of exactly those.
 */
async function buildScripts(outdir, logLevel) {
  const state = splitState();
  const first = await build({ ...cliBuildOptions(outdir, state), logLevel, write: false });
  for (const file of filesOf(root, first.metafile)) state.mainModules.add(file);
  // an import() of a module the main script holds anyway (imported statically elsewhere) stays in it
  for (const [key, file] of state.lateRoots) {
    if (!state.mainModules.has(file)) continue;
    state.stayInMain.add(file);
    state.lateRoots.delete(key);
  }
  const roots = [...state.lateRoots.keys()].sort().join();
  const late = refuseUndefinedImports(await build({ ...lateBuildOptions(outdir, state), logLevel }));
  state.lateRoots.clear();
  const main = refuseUndefinedImports(await build({ ...cliBuildOptions(outdir, state), logLevel }));
  const mainFiles = filesOf(root, main.metafile);
  const same = mainFiles.size === state.mainModules.size && [...mainFiles].every((f) => state.mainModules.has(f));
  if (!same || [...state.lateRoots.keys()].sort().join() !== roots) throw new Error('the CLI\'s main script changed between its two passes: the split would not hold');
  for (const file of filesOf(root, late.metafile)) if (mainFiles.has(file)) throw new Error(`${file} is in both of the CLI's scripts`);
  return main;
}

/**
 * esbuild only warns when an import names what its module does not export (`import-is-undefined`), and the script then calls
 * undefined at run time: in the split CLI that is a stand-in gone wrong (cli-split.mjs), so the build fails instead of shipping it
 * (the CLI's two scripts here; Electron's main and preload in build-main.mjs).
 */
export function refuseUndefinedImports(result) {
  const bad = result.warnings.filter((w) => w.id === 'import-is-undefined');
  if (bad.length) throw new Error(`the build imports what a module does not export: ${bad.map((w) => `${w.location?.file}:${w.location?.line} ${w.text}`).join('; ')}`);
  return result;
}

/**
 * Builds the CLI into `outdir`: the bundle, the launcher beside it, and the launcher's code cache
 * made by running the built CLI once (`scan --demo --json`, in a throw-away data folder).
 * `createCachedData` after that run holds every function the scan compiled, not only the top level.
 * The run is a plain `node` without flags: V8 accepts a cache only from the same V8 version and
 * flags, and rejects any other (`cachedDataRejected`; the launcher then compiles from source, with
 * the same result), so a cache made under the bench's `--expose-gc` or a test runner's flags would
 * never be used.
 */
export async function buildCli(outdir = path.join(root, 'dist', 'cli'), { logLevel = 'info' } = {}) {
  // a rebuild must not leave an earlier build's files (a code-split build's chunks) beside the new ones
  // (and in what npm pack / electron-builder ship)
  await rm(outdir, { recursive: true, force: true });
  const result = await buildScripts(outdir, logLevel);
  for (const script of ['tunnelmedic-bundle.cjs', LATE_SCRIPT]) {
    const file = path.join(outdir, script);
    if (/\bimport\(/.test(await readFile(file, 'latin1'))) throw new Error(`${file}: a dynamic import() is left in the script; a vm.Script cannot run it`);
  }
  await copyFile(path.join(root, 'scripts', 'cli-launcher.cjs'), path.join(outdir, 'tunnelmedic.cjs'));
  await writeCodeCache(outdir);
  // the late script's cache: a fix plan of the demo PC (the apply engine and the fix command)
  await writeCodeCache(outdir, LATE_SCRIPT, ['fix', '--demo', '--dry-run']);
  return result;
}

/** Runs the built CLI on the demo PC in a child `node` and has its launcher write the code cache of `script`. */
export async function writeCodeCache(outdir, script = 'tunnelmedic-bundle.cjs', args = ['scan', '--demo', '--json']) {
  const cache = path.join(outdir, `${script}.v8cache`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tm-code-cache-'));
  try {
    const { NODE_OPTIONS: _flags, ...env } = process.env;
    const r = spawnSync(process.execPath, [path.join(outdir, 'tunnelmedic.cjs'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...env, TUNNELMEDIC_DATA_DIR: dataDir, TUNNELMEDIC_CODE_CACHE_OUT: cache },
    });
    // the demo PC has findings: exit 1 is a scan that worked
    if ((r.status !== 0 && r.status !== 1) || r.stderr.length) throw new Error(`making the CLI's code cache: exit ${r.status}: ${r.stderr}`);
    if (!(await stat(cache)).size) throw new Error(`${cache} is empty`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
