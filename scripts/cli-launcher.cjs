// The CLI's launcher, copied to dist/cli/tunnelmedic.cjs by scripts/build-cli.mjs. It compiles the
// bundle beside it (tunnelmedic-bundle.cjs) as a vm.Script with V8's code cache
// (tunnelmedic-bundle.cjs.v8cache, made at build time), because Node 20 keeps no compiled code
// between runs of ES modules and compiling the CLI was the largest single cost of its start
// (issue 16.2). The cache is only an aid: V8 checks it against its own version, flags and the
// source's length and, when it does not fit (another Node, NODE_OPTIONS with V8 flags, a damaged
// file), compiles the source as usual. CommonJS, not an ES module: Node starts a CommonJS entry
// ~7 % of its own start-up faster (no ES module loader; paired runs of empty files).
'use strict';
const { closeSync, openSync, readSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, 'tunnelmedic-bundle.cjs');
/**
 * Both files pass through one buffer, sized for the larger: the source is copied into a string
 * before the cache is read over it. Every page of fresh memory costs a page fault, on a virtual
 * machine ~15 us each (touching 1 MiB took 4 ms here), so a second 1 MB buffer showed in the start.
 */
const cacheFile = `${bundle}.v8cache`;
const sizeOf = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no cache (removed, or a build that could not make one): compiled from source
  }
};
const cacheSize = sizeOf(cacheFile);
const buffer = Buffer.allocUnsafeSlow(Math.max(sizeOf(bundle), cacheSize));
function read(file) {
  const fd = openSync(file, 'r');
  try {
    let at = 0;
    for (let n; at < buffer.length && (n = readSync(fd, buffer, at, buffer.length - at, null)) > 0; ) at += n;
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
// the build makes the bundle ASCII only (ascii-output), so Latin-1 reads it exactly, as a one-byte string
const source = read(bundle).toString('latin1');
let cachedData;
try {
  if (cacheSize) cachedData = read(cacheFile);
} catch {
  // unreadable: compiled from source
}
const script = new Script(source, { filename: bundle, cachedData });
const cli = { exports: {} };
// the bundle gets this file's own `require`: it sits in the same folder, so Node built-ins and
// iconv-lite resolve as they would from the bundle (createRequire(bundle) gave the same, but loading
// node:module for it also loaded Node's ES module loader and source-map support at every start)
script.runInThisContext()(cli.exports, require, cli, bundle, __dirname);
const { runCli, processIo } = cli.exports;
runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  // the build's run (scripts/build-cli.mjs writeCodeCache): after the scan, so the cache holds
  // every function it compiled, not only the top level
  if (process.env.TUNNELMEDIC_CODE_CACHE_OUT) writeFileSync(process.env.TUNNELMEDIC_CODE_CACHE_OUT, script.createCachedData());
  else if (process.env.TUNNELMEDIC_DEBUG && script.cachedDataRejected !== false) process.stderr.write(`tunnelmedic: code cache ${cachedData ? 'rejected' : 'missing'}, compiled from source\n`);
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
