// Loaded with `node --import` by the bench: writes the process's peak resident set (KiB) on exit.
//
// The process's own peak: VmHWM of /proc/self/status (proc(5): "Peak resident set size ('high
// water mark')" of this process's memory), not getrusage's ru_maxrss. Linux carries the parent's
// high-water mark into a spawned child's ru_maxrss (exec records the outgoing address space's peak,
// and Node's spawn starts the child in the parent's one): measured here, a child that peaked at
// 84 MiB reported 312 MiB under a 350 MiB parent, and the bench's own process holds 200 000-route
// captures — the 50 MB explain-log row read 123–195 MiB in full runs and 81 MiB alone. ru_maxrss
// stays the fallback where there is no /proc (not Linux).
import { readFileSync, writeFileSync } from 'node:fs';

function peakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // no /proc
  }
  return process.resourceUsage().maxRSS;
}

const out = process.env.TM_BENCH_MAXRSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(peakKiB())));
