import type { RunStore } from './journal';

const TERMINAL = new Set(['verified', 'failed', 'rolled-back', 'undone', 'rollback-failed']);

/**
 * Runs that started changing the machine but never reached an outcome (crash, reboot, power cut).
 * Only runs that verify (plan digest, catalogue actions, journal hash chain) are offered: a run
 * folder someone edited or forged is not something to suggest undoing.
 */
export async function interruptedRuns(store: RunStore): Promise<string[]> {
  const ids = await store.list();
  const found: string[] = [];
  for (const id of ids) {
    const run = await store.verifiedRun(id).catch(() => null);
    if (!run) continue;
    if (run.journal.some((r) => r.phase === 'before') && !run.journal.some((r) => TERMINAL.has(r.phase))) found.push(id);
  }
  return found;
}
