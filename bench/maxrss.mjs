// Loaded with `node --import` by the bench: writes the process's peak resident set (KiB) on exit.
import { writeFileSync } from 'node:fs';

const out = process.env.TM_BENCH_MAXRSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
