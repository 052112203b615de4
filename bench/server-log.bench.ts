import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { median } from './paired';

/**
 * Issue 14's budget: 100 000 syslog lines explained (streamed, parsed, decoded, diagnosed) in under
 * 2× the time it takes to read and split them (the same stream, readline, nothing else). Called by
 * scan.bench.ts with the bundled engine; one row in its table.
 */

export interface ServerLogEngine {
  readServerLogFile(path: string): Promise<{ records: number; understood: number; unknown: number; verdict: string }>;
  explainServerLogs(logs: never[], t: never): { findings: unknown[] };
  engineT(lang?: 'en' | 'nl'): unknown;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day of a busy PPTP + L2TP/IPsec server: pptpd/pppd sessions, charon, pluto, xl2tpd, other daemons, and failures among them. */
export function generateSyslog(file: string, lines: number): void {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; out.length < lines; i++) {
    s += 1 + (i % 3);
    const ts = `${MONTHS[(i >> 16) % 12]} ${String(1 + ((s / 86400) | 0) % 28).padStart(2, ' ')} ${String(((s / 3600) | 0) % 24).padStart(2, '0')}:${String(((s / 60) | 0) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} vpn1`;
    const pid = 1000 + (i % 5000);
    const ip = `198.51.${i % 250}.${(i * 7) % 250}`;
    const session = [
      `${ts} pptpd[${pid}]: CTRL: Client ${ip} control connection started`,
      `${ts} pptpd[${pid}]: CTRL: Received PPTP Control Message (type: 1)`,
      `${ts} pptpd[${pid}]: CTRL: Starting call (launching pppd, opening GRE)`,
      `${ts} pppd[${pid + 1}]: pppd 2.4.7 started by root, uid 0`,
      `${ts} pppd[${pid + 1}]: Using interface ppp${i % 64}`,
      `${ts} pppd[${pid + 1}]: Connect: ppp${i % 64} <--> /dev/pts/${i % 32}`,
      `${ts} pptpd[${pid}]: GRE: accepting packet #${i % 100}`,
      i % 9 === 0 ? `${ts} pppd[${pid + 1}]: Peer user${i % 300} failed CHAP authentication` : `${ts} pppd[${pid + 1}]: MPPE 128-bit stateless compression enabled`,
      `${ts} pppd[${pid + 1}]: remote IP address 10.8.${i % 200}.${i % 250}`,
      `${ts} charon: ${String(i % 16).padStart(2, '0')}[NET] received packet: from ${ip}[500] to 203.0.113.5[500] (${300 + (i % 200)} bytes)`,
      `${ts} charon: ${String(i % 16).padStart(2, '0')}[IKE] ${ip} is initiating an IKE_SA`,
      `${ts} pluto[${pid}]: "l2tp-psk"[${i % 40}] ${ip} #${i % 900}: STATE_MAIN_R1: sent MR1, expecting MI2`,
      `${ts} xl2tpd[${pid}]: Call established with ${ip}, PID: ${pid + 2}, Local: ${i % 60000}, Remote: ${i % 999}, Serial: ${i % 50}`,
      `${ts} kernel: [${i}.${i % 1000}] ppp${i % 64}: renamed from ppp`,
      i % 13 === 0 ? `${ts} pppd[${pid + 1}]: LCP: timeout sending Config-Requests` : `${ts} pppd[${pid + 1}]: Connection terminated.`,
    ];
    out.push(...session);
  }
  writeFileSync(file, out.slice(0, lines).join('\n') + '\n');
}

async function readAndSplit(file: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) n++;
  return n;
}

export async function serverLogBenchmark(engine: ServerLogEngine, work: string, repeat: number): Promise<{ ratio: number; explainMs: number; readMs: number; records: number; understood: number; findings: number }> {
  const file = join(work, 'syslog-100k.log');
  generateSyslog(file, 100_000);
  const t = engine.engineT('en');
  const explain = async () => {
    const log = await engine.readServerLogFile(file);
    return { log, findings: engine.explainServerLogs([log as never], t as never).findings };
  };
  await readAndSplit(file);
  const warm = await explain(); // warm the code paths once
  const ratios: number[] = [];
  const reads: number[] = [];
  const explains: number[] = [];
  // as scan.bench.ts's paired(): the order inside a pair alternates, so neither side always runs
  // in the other's wake (readline's 100 000 strings, the explanation's entries)
  const time = async (fn: () => Promise<unknown>) => {
    const at = performance.now();
    await fn();
    return performance.now() - at;
  };
  for (let i = 0; i < repeat; i++) {
    let r: number;
    let e: number;
    if (i % 2 === 0) {
      r = await time(() => readAndSplit(file));
      e = await time(explain);
    } else {
      e = await time(explain);
      r = await time(() => readAndSplit(file));
    }
    reads.push(r);
    explains.push(e);
    ratios.push(e / r);
  }
  return { ratio: median(ratios), explainMs: median(explains), readMs: median(reads), records: warm.log.records, understood: warm.log.understood, findings: warm.findings.length };
}

/**
 * 50 MB of syslog through the bundled CLI (`explain-log FILE --json > file`): the peak resident set,
 * read by bench/maxrss.mjs — streamed line by line, entries capped, so it must not grow with the file.
 */
export function serverLogMemory(root: string, cli: string, work: string): { peakMiB: number; fileMiB: number; seconds: number; validJson: boolean } {
  const file = join(work, 'syslog-50mb.log');
  generateSyslog(file, 640_000);
  const rss = join(work, 'maxrss-serverlog');
  const out = join(work, 'explain-50mb.json');
  const fd = openSync(out, 'w');
  const at = performance.now();
  try {
    const r = spawnSync(process.execPath, ['--import', join(root, 'bench', 'maxrss.mjs'), cli, 'explain-log', file, '--json'], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, TM_BENCH_MAXRSS_FILE: rss } });
    if ((r.status !== 0 && r.status !== 1) || r.stderr.length) throw new Error(`explain-log exited ${r.status}: ${r.stderr}`);
  } finally {
    closeSync(fd);
  }
  let validJson = true;
  try {
    JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    validJson = false;
  }
  return { peakMiB: Number(readFileSync(rss, 'utf8')) / 1024, fileMiB: statSync(file).size / 1024 / 1024, seconds: (performance.now() - at) / 1000, validJson };
}
