import type { RunStore } from './journal';

const TERMINAL = new Set(['verified', 'failed', 'rolled-back', 'undone', 'rollback-failed']);

/** Runs that started changing the machine but never reached an outcome (crash, reboot, power cut). */
export async function interruptedRuns(store: RunStore): Promise<string[]> {
  const ids = await store.list();
  const found: string[] = [];
  for (const id of ids) {
    const journal = await store.journal(id).catch(() => []);
    if (journal.some((r) => r.phase === 'before') && !journal.some((r) => TERMINAL.has(r.phase))) found.push(id);
  }
  return found;
}
