import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../app/cli/main';
import { writePointsPassed } from '../../app/system/atomic-file';

/**
 * The kill test's worker (test/kill/kill.test.ts), bundled and run as a process of its own.
 * `apply` mode: for each data folder given, concurrently (staggered), the demo's `fix --yes --only F`
 * and then `rollback --last`; TUNNELMEDIC_KILL_AT_WRITE (app/system/atomic-file.ts) SIGKILLs the
 * whole process at one write point, so every sequence still running is cut off wherever it is.
 * A folder whose sequence finished gets a `done` marker; the test then runs `rollback --last` on
 * the others, as a person would after the crash.
 */
interface Job {
  dataDir: string;
  fix: string;
  delayMs: number;
}

const [, jobsJson] = process.argv.slice(2) as ['apply', string];
const jobs = JSON.parse(jobsJson) as Job[];

async function cli(dataDir: string, args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t), isTTY: false, confirm: async () => false, env: { TUNNELMEDIC_DATA_DIR: dataDir } };
  return { code: await runCli(args, io), out };
}

await Promise.all(
  jobs.map(async (job) => {
    await new Promise((r) => setTimeout(r, job.delayMs));
    writeFileSync(join(job.dataDir, 'started'), ''); // not a write point: marks a run the kill can cut
    const fix = await cli(job.dataDir, ['fix', '--demo', '--yes', '--quiet', '--only', job.fix]);
    const rollback = await cli(job.dataDir, ['rollback', '--last', '--demo', '--quiet']);
    writeFileSync(join(job.dataDir, 'done'), JSON.stringify({ fix: fix.code, rollback: rollback.code }));
  }),
);
process.stdout.write(JSON.stringify({ points: writePointsPassed() }));
