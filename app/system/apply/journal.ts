import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ActionSchema } from '../../core/remedy/actions';
import { EngineError } from '../../shared/engine-port';

/**
 * One folder per run (%ProgramData%\TunnelMedic\runs\<id>\ on Windows): plan.json, the backup of
 * the route table, and an append-only journal with a record before and after every action, each
 * fsync'd, so a run cut off halfway (crash, reboot) can still be rolled back exactly.
 */
export const PlanSchema = z.object({
  runId: z.string(),
  createdAt: z.string(),
  fixIds: z.array(z.string()),
  findingIds: z.array(z.string()),
  actions: z.array(z.object({ action: ActionSchema, label: z.string() })),
  sha256: z.string().optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const JournalRecordSchema = z.object({
  at: z.string(),
  seq: z.number().int(),
  phase: z.enum(['before', 'after', 'undo-before', 'undo-after', 'verified', 'failed', 'rolled-back', 'undone', 'rollback-failed']),
  ok: z.boolean().optional(),
  output: z.string().optional(),
  message: z.string().optional(),
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;
export const isRunId = (id: string) => RUN_ID.test(id);

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

export class RunStore {
  constructor(readonly root: string) {}

  dir(runId: string): string {
    // exactly what newRunId makes: no `.`/`..`, no separators, nothing that leaves the runs folder
    if (!isRunId(runId)) throw new EngineError('UNKNOWN_RUN', `Not a run id: ${runId}`, runId);
    return join(this.root, runId);
  }

  async create(plan: Plan, backup: string): Promise<void> {
    const dir = this.dir(plan.runId);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'backup-route-print.txt'), backup);
    await writeFile(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    await writeFile(join(dir, 'journal.jsonl'), '');
  }

  async append(runId: string, record: Omit<JournalRecord, 'at'>): Promise<void> {
    const handle = await open(join(this.dir(runId), 'journal.jsonl'), 'a');
    try {
      await handle.write(JSON.stringify({ at: new Date().toISOString(), ...record }) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** the outcome, for the process that asked for the (elevated) run */
  async writeResult(runId: string, result: unknown, which: 'apply' | 'undo' = 'apply'): Promise<void> {
    await writeFile(join(this.dir(runId), which === 'apply' ? 'result.json' : 'undo-result.json'), JSON.stringify(result, null, 2));
  }

  async readResult(runId: string, which: 'apply' | 'undo' = 'apply'): Promise<unknown> {
    return JSON.parse(await readFile(join(this.dir(runId), which === 'apply' ? 'result.json' : 'undo-result.json'), 'utf8'));
  }

  async plan(runId: string): Promise<Plan> {
    return PlanSchema.parse(JSON.parse(await readFile(join(this.dir(runId), 'plan.json'), 'utf8')));
  }

  async backup(runId: string): Promise<string> {
    return readFile(join(this.dir(runId), 'backup-route-print.txt'), 'utf8');
  }

  async journal(runId: string): Promise<JournalRecord[]> {
    const text = await readFile(join(this.dir(runId), 'journal.jsonl'), 'utf8');
    // A torn last line (power cut mid-write) is ignored: its action is judged by the records before it.
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [JournalRecordSchema.parse(JSON.parse(line))];
        } catch {
          return [];
        }
      });
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.root).catch(() => [] as string[]);
    return entries.filter(isRunId).sort();
  }
}
