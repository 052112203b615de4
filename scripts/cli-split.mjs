// The CLI as two scripts (scripts/build-cli.mjs): the main one holds what `scan` needs, the late one
// what only other commands and other inputs need (the server-log engine, the apply engine, execa, the
// tar and zip readers and writers, help), loaded by the launcher on first use, each with its own code
// cache. Every start reads the main script whole into a string (the launcher; a vm.Script takes its
// source as one string), and ~60 % of the one bundle was code `scan --demo --json` never runs: 0.7 MB
// read and copied, ≈ 350 fresh pages at every start (issue 16.2).
//
// One module graph, two files: a module is in exactly one of them, so state and classes are shared
// (an EngineError thrown in the late script is the main script's class). The main build replaces each
// `import()` of a module it does not otherwise contain by a stand-in that loads the late script and
// answers that module; the late build replaces each import of a module the main script contains by a
// stand-in that asks the main script for it (a registry of `require`s there, so a module is still
// initialised only when first asked for).
import path from 'node:path';

export const LATE_SCRIPT = 'tunnelmedic-late.cjs';

/** `import()`s that stay in the main script though they are imported on demand: the scan command, what the start-up budget measures. */
const MAIN_DYNAMIC = [/[\\/]app[\\/]cli[\\/]commands[\\/]scan\.ts$/];

/** What the main build decided: the late script's modules (roots), and the main modules the late script uses (shared). */
export function splitState() {
  return { mainModules: new Set(), stayInMain: new Set(), lateRoots: new Map(), shared: new Map() };
}

/** A module's name in both scripts: its path from the package root, with forward slashes. */
const keyOf = (root, file) => path.relative(root, file).split(path.sep).join('/');

/** Resolves as esbuild would without this plugin (its own onResolve skips the nested call). */
async function resolveFile(b, args) {
  const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, namespace: args.namespace, resolveDir: args.resolveDir, pluginData: { tmSplit: true } });
  return r.errors.length || r.external || r.namespace !== 'file' ? undefined : r.path;
}

/** The absolute paths of the files a build's metafile lists (not the plugins' virtual modules). */
export function filesOf(root, metafile) {
  return new Set(Object.keys(metafile.inputs).filter((k) => !/^[a-z][a-z-]+:/.test(k)).map((k) => path.resolve(root, k)));
}

/** Main script: `import()` of a module outside it → a stand-in that loads the late script. */
export const lateImports = (root, state) => ({
  name: 'late-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.tmSplit) return undefined;
      const file = await resolveFile(b, args);
      if (!file || MAIN_DYNAMIC.some((re) => re.test(file)) || state.stayInMain.has(file)) return undefined;
      const key = keyOf(root, file);
      state.lateRoots.set(key, file);
      return { path: key, namespace: 'tm-late' };
    });
    b.onLoad({ filter: /.*/, namespace: 'tm-late' }, (args) => ({ contents: `module.exports = require('tm-split:late-loader').lateModule(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: root }));
    b.onResolve({ filter: /^tm-split:/ }, (args) => ({ path: args.path.slice('tm-split:'.length), namespace: 'tm-split' }));
    // the launcher hands the main script its loader (__tmLoad); the late script gets the registry's lookup
    b.onLoad({ filter: /^late-loader$/, namespace: 'tm-split' }, () => ({
      contents: [
        "import { mainModules } from 'tm-split:main-registry';",
        'let late;',
        `export const lateModule = (key) => (late ??= __tmLoad(${JSON.stringify(LATE_SCRIPT)}, (k) => mainModules[k]())).lateModules[key]();`,
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
    b.onLoad({ filter: /^main-registry$/, namespace: 'tm-split' }, () => ({ contents: requireTable('mainModules', state.shared), loader: 'js', resolveDir: root }));
  },
});

/** Late script: an import of a module the main script holds → a stand-in that asks the main script for it. */
export const mainImports = (root, state) => ({
  name: 'main-imports',
  setup(b) {
    b.onResolve({ filter: /^tm-split:late-entry$/ }, () => ({ path: 'late-entry', namespace: 'tm-split' }));
    b.onLoad({ filter: /^late-entry$/, namespace: 'tm-split' }, () => ({ contents: requireTable('lateModules', state.lateRoots), loader: 'js', resolveDir: root }));
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.tmSplit || args.namespace === 'tm-main') return undefined;
      const file = await resolveFile(b, args);
      if (!file || !state.mainModules.has(file)) return undefined;
      const key = keyOf(root, file);
      state.shared.set(key, file);
      // (the stand-in's path must not end in `.mjs`: esbuild takes such a file for an ES module whatever it holds, ignores its
      // `module.exports` and leaves every import of it undefined — fflate's esm/index.mjs, shared once the capture reader read ZIPs,
      // broke `report --out x.zip` in the built CLI; `#main` keeps the name readable and no extension decides the format)
      return { path: `${key}#main`, namespace: 'tm-main', pluginData: { key } };
    });
    b.onLoad({ filter: /.*/, namespace: 'tm-main' }, (args) => ({ contents: `module.exports = __tmMain(${JSON.stringify(args.pluginData.key)});`, loader: 'js' }));
  },
});

/** `export const NAME = { key: () => require(file) }`: each module initialised when first asked for (esbuild's require of an ES module). */
const requireTable = (name, modules) =>
  [`export const ${name} = {`, ...[...modules].sort().map(([key, file]) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(file)}),`), '};'].join('\n');
