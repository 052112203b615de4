// The CLI's launcher, copied to dist/cli/tunnelmedic.cjs by scripts/build-cli.mjs. It compiles the
// bundle beside it (tunnelmedic-bundle.cjs; and tunnelmedic-late.cjs when the bundle first asks for
// one of its modules) as a vm.Script with V8's code cache (the script's .v8cache, made at build
// time), because Node 20 keeps no compiled code between runs of ES modules and compiling the CLI
// was the largest single cost of its start (issue 16.2). The cache is only an aid: V8 checks it against its own version, flags and the
// source's length and, when it does not fit (another Node, NODE_OPTIONS with V8 flags, a damaged
// file), compiles the source as usual. CommonJS, not an ES module: Node starts a CommonJS entry
// ~7 % of its own start-up faster (no ES module loader; paired runs of empty files).
'use strict';
const { closeSync, openSync, readSync, statSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * The main script and the late one (scripts/cli-split.mjs: what only other commands need, loaded when
 * the main script first asks for one of its modules) pass through one buffer, sized for the larger of
 * the main script and its cache: a source is copied into a string before its cache is read over it.
 * Every page of fresh memory costs a page fault, on a virtual machine ~15 us each (touching 1 MiB took
 * 4 ms here), so a second 1 MB buffer showed in the start.
 */
const sizeOf = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no cache (removed, or a build that could not make one): compiled from source
  }
};
let buffer = Buffer.alloc(0);
function read(file, size) {
  const fd = openSync(file, 'r');
  try {
    let at = 0;
    for (let n; at < size && (n = readSync(fd, buffer, at, size - at, null)) > 0; ) at += n;
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
/** Each script loaded, with its cache's file and whether V8 took the cache (for the build's and the debug's lines below). */
const loaded = [];
/**
 * Compiles one of the CLI's scripts with its code cache and runs it as a CommonJS module: `extra` is
 * its sixth parameter (the main script: this loader, for the late one; the late one: the main
 * script's module lookup).
 */
function load(name, extra) {
  const file = join(__dirname, name);
  const cacheFile = `${file}.v8cache`;
  const sourceSize = sizeOf(file);
  const cacheSize = sizeOf(cacheFile);
  if (buffer.length < Math.max(sourceSize, cacheSize)) buffer = Buffer.allocUnsafeSlow(Math.max(sourceSize, cacheSize));
  // the build makes each script ASCII only (ascii-output), so Latin-1 reads it exactly, as a one-byte string
  const source = read(file, sourceSize).toString('latin1');
  let cachedData;
  try {
    if (cacheSize) cachedData = read(cacheFile, cacheSize);
  } catch {
    // unreadable: compiled from source
  }
  const script = new Script(source, { filename: file, cachedData });
  const cjs = { exports: {} };
  loaded.push({ script, cacheFile, cached: Boolean(cachedData) });
  // the script gets this file's own `require`: it sits in the same folder, so Node built-ins and
  // iconv-lite resolve as they would from the script (createRequire(file) gave the same, but loading
  // node:module for it also loaded Node's ES module loader and source-map support at every start)
  script.runInThisContext()(cjs.exports, require, cjs, file, __dirname, extra);
  return cjs.exports;
}
const { runCli, processIo } = load('tunnelmedic-bundle.cjs', load);
runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  for (const { script, cacheFile, cached } of loaded) {
    // the build's run (scripts/build-cli.mjs writeCodeCache): after the command, so the cache holds
    // every function it compiled, not only the top level; the cache of the script it names (by file
    // name: this folder may be reached through a symbolic link, and __dirname is the real path)
    const out = process.env.TUNNELMEDIC_CODE_CACHE_OUT;
    if (out) {
      if (basename(out) === basename(cacheFile)) writeFileSync(out, script.createCachedData());
    } else if (process.env.TUNNELMEDIC_DEBUG && script.cachedDataRejected !== false) process.stderr.write(`tunnelmedic: code cache ${cached ? 'rejected' : 'missing'}, compiled from source\n`);
  }
  // once the microtasks after the command have run (setImmediate)
  setImmediate(exitWhenIdle);
});

/**
 * The command is done: when Node has nothing left to finish, the process exits now instead of
 * first disposing of V8's heap (what a natural exit does after the 'exit' event: ≈ 12 ms of a
 * `scan --demo` on this machine, issue 16.2; process.exit still runs 'exit' listeners and writes
 * --cpu-prof and coverage files). Nothing left means every resource Node reports is a stdio
 * handle (PipeWrap, TTYWrap) with no request on it: output still queued to a pipe or a Windows
 * console (a WriteWrap), a file operation, a timer or a child process makes the process exit the
 * usual way, after Node finished them.
 */
const IDLE_STDIO = new Set(['PipeWrap', 'TTYWrap']);
function exitWhenIdle() {
  if (typeof process.getActiveResourcesInfo !== 'function') return; // (experimental in Node 20)
  if (process.getActiveResourcesInfo().every((kind) => IDLE_STDIO.has(kind))) process.exit();
}
