// The CLI's launcher, copied to dist/cli/tunnelmedic.mjs by scripts/build-cli.mjs. It compiles the
// bundle beside it (tunnelmedic.cjs) as a vm.Script with V8's code cache (tunnelmedic.cjs.v8cache,
// made at build time), because Node 20 keeps no compiled code between runs of ES modules and
// compiling the CLI was the largest single cost of its start (issue 16.2). The cache is only an
// aid: V8 checks it against its own version, flags and the source's length and, when it does not
// fit (another Node, NODE_OPTIONS with V8 flags, a damaged file), compiles the source as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./tunnelmedic.cjs', import.meta.url));
const cacheFile = `${bundle}.v8cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache (removed, or a build that could not make one): compiled from source
}
// the build makes the bundle ASCII only (ascii-output), so Latin-1 reads it exactly, as a one-byte string
const script = new Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
const { runCli, processIo } = module.exports;
process.exitCode = await runCli(process.argv.slice(2), processIo());
// the build's run (scripts/build-cli.mjs writeCodeCache): after the scan, so the cache holds every
// function it compiled, not only the top level
if (process.env.TUNNELMEDIC_CODE_CACHE_OUT) writeFileSync(process.env.TUNNELMEDIC_CODE_CACHE_OUT, script.createCachedData());
if (process.env.TUNNELMEDIC_DEBUG && script.cachedDataRejected !== false) process.stderr.write(`tunnelmedic: code cache ${cachedData ? 'rejected' : 'missing'}, compiled from source\n`);
