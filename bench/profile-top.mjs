// Top self-time functions of a .cpuprofile (node --cpu-prof), and the top modules by self time.
// usage: node bench/profile-top.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const n = Number(process.argv[3] ?? 10);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const dt = prof.timeDeltas;
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const counts = new Map();
for (let i = 0; i < prof.samples.length; i++) counts.set(prof.samples[i], (counts.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
let total = 0;
const byUrl = new Map();
for (const [id, us] of counts) {
  const node = byId.get(id);
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  const url = f.url ? f.url.split('/').slice(-3).join('/') : `(${f.functionName})`;
  byUrl.set(url, (byUrl.get(url) ?? 0) + us);
  total += us;
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, us] of top(self)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log('-- by file');
for (const [k, us] of top(byUrl)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
