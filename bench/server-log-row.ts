// Row 14 of `npm run bench` in a process of its own: `node --import tsx bench/server-log-row.ts ENGINE WORK PAIRS`
// prints serverLogBenchmark's result as JSON. In the bench's own process, after the route rows,
// readline's side took 76–104 ms instead of 35–55 (the young-generation collections of a heap
// holding the 20 000- and 200 000-route captures, which readline's 100 000 strings pay most), so
// the ratio depended on which rows ran before it; a fresh process measures both sides alike.
import { serverLogBenchmark, type ServerLogEngine } from './server-log.bench';

const [enginePath, work, pairs] = process.argv.slice(2);
const engine = (await import(enginePath!)) as ServerLogEngine;
process.stdout.write(JSON.stringify(await serverLogBenchmark(engine, work!, Number(pairs))));
