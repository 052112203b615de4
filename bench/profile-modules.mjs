// Self time of a bundled run's .cpuprofile files per source module, from esbuild's "// path" comments
// in the bundle: which package or app folder costs what. usage: node bench/profile-modules.mjs DIR [N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
const n = Number(process.argv[3] ?? 20);
const maps = new Map();
/** line → module path, from the bundle's module comments */
function moduleAt(url, line) {
  if (!url.startsWith('file://')) return url ? url.replace(/^node:/, 'node:') : '(vm)';
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    const marks = [];
    readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
      const m = /^\/\/ (?:[./]*\/main\/)?((?:node_modules\/(?:@[^/]+\/)?[^/]+)|app\/[^/]+\/[^/]+|app\/[^/]+|bench|package\.json)/.exec(l);
      if (m) marks.push([i, m[1]]);
    });
    maps.set(file, marks);
  }
  const marks = maps.get(file);
  let name = file.split('/').slice(-2).join('/');
  for (const [at, mod] of marks) if (at <= line) name = mod;
  return name;
}
const total = new Map();
let all = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const prof = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  prof.samples.forEach((id, i) => {
    const cf = byId.get(id).callFrame;
    const key = cf.url ? moduleAt(cf.url, cf.lineNumber) : `(${cf.functionName || 'program'})`;
    const us = prof.timeDeltas[i] ?? 0;
    total.set(key, (total.get(key) ?? 0) + us);
    all += us;
  });
}
for (const [k, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * us) / all).toFixed(1).padStart(5)} %  ${k}`);
