import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../../core/model/zod';
import { ActionSchema } from '../../core/remedy/actions';
import { engineError } from '../error-text';
import { appendDurable, writeFileAtomic } from '../atomic-file';
import { catalogueRefusal } from './catalogue';
import { nodeCrypto } from '../lazy-crypto';

/**
 * One folder per run (%ProgramData%\TunnelMedic\runs\<id>\ on Windows): plan.json, the backup of
 * the route table, and an append-only journal with a record before and after every action, each
 * fsync'd, so a run cut off halfway (crash, reboot) can still be rolled back exactly.
 *
 * The journal is a hash chain: each record carries `prev`, the SHA-256 of the record line before
 * it, and the first one the SHA-256 of the plan (planDigest). Rollback acts only on a run whose
 * plan hashes to its recorded digest, whose records chain back to it, and whose actions are all
 * catalogue actions (catalogue.ts) — an edited or forged run folder is refused, not executed.
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

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const JournalRecordSchema = z.object({
  at: z.string(),
  seq: z.number().int(),
  phase: z.enum(['before', 'after', 'undo-before', 'undo-after', 'verified', 'failed', 'rolled-back', 'undone', 'rollback-failed', 'probe-before', 'probe-after']),
  ok: z.boolean().optional(),
  output: z.string().optional(),
  message: z.string().optional(),
  /** SHA-256 of the previous record's line; for the first record, the plan's digest */
  prev: Sha256Hex.optional(),
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;
export const isRunId = (id: string) => RUN_ID.test(id);

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${nodeCrypto().randomBytes(3).toString('hex')}`;
}

/** When a run id says it was made (its first 16 characters), for --last. */
export function runIdTime(runId: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(runId);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
}

const sha256 = (text: string) => nodeCrypto().createHash('sha256').update(text).digest('hex');

/** The digest of a run's plan: the root of its journal's hash chain. */
export function planDigest(plan: Plan): string {
  const { runId, createdAt, fixIds, findingIds, actions } = plan;
  return sha256(JSON.stringify({ runId, createdAt, fixIds, findingIds, actions }));
}

/** The journal's lines that are complete records, in order, with their raw text (for the chain). */
function journalLines(text: string): { line: string; record: JournalRecord }[] {
  // a torn last line (power cut mid-write) has no newline yet and is not a record
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [{ line, record: JournalRecordSchema.parse(JSON.parse(line)) }];
      } catch {
        return []; // a torn line that a later append closed: judged by the records around it
      }
    });
}

export class RunStore {
  constructor(readonly root: string) {}

  dir(runId: string): string {
    // exactly what newRunId makes: no `.`/`..`, no separators, nothing that leaves the runs folder
    if (!isRunId(runId)) throw engineError('UNKNOWN_RUN', 'engineError.notRunId', { runId }, runId);
    return join(this.root, runId);
  }

  async create(plan: Plan, backup: string): Promise<void> {
    const dir = this.dir(plan.runId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(dir, 'backup-route-print.txt'), backup);
    await writeFileAtomic(join(dir, 'plan.json'), JSON.stringify({ ...plan, sha256: planDigest(plan) }, null, 2));
  }

  async append(runId: string, record: Omit<JournalRecord, 'at' | 'prev'>): Promise<void> {
    const file = join(this.dir(runId), 'journal.jsonl');
    const text = await readFile(file, 'utf8').catch(() => '');
    const last = journalLines(text).at(-1);
    const prev = last ? sha256(last.line) : planDigest(await this.plan(runId));
    // a torn last line is closed first, so the new record starts on a line of its own
    const lead = text && !text.endsWith('\n') ? '\n' : '';
    await appendDurable(file, `${lead}${JSON.stringify({ at: new Date().toISOString(), ...record, prev })}\n`);
  }

  /** the outcome, for the process that asked for the (elevated) run */
  async writeResult(runId: string, result: unknown, which: 'apply' | 'undo' = 'apply'): Promise<void> {
    await writeFileAtomic(join(this.dir(runId), which === 'apply' ? 'result.json' : 'undo-result.json'), JSON.stringify(result, null, 2));
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
    const text = await readFile(join(this.dir(runId), 'journal.jsonl'), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return ''; // cut off before the first record: nothing was changed
      throw e;
    });
    return journalLines(text).map((l) => l.record);
  }

  /**
   * The run as recorded, checked before anything acts on it: the plan hashes to its digest, holds
   * only catalogue actions, and every journal record chains back to it. Throws RUN_TAMPERED.
   */
  async verifiedRun(runId: string): Promise<{ plan: Plan; journal: JournalRecord[] }> {
    const dir = this.dir(runId);
    const tampered = (why: string) => engineError('RUN_TAMPERED', 'engineError.tampered', { runId, why }, dir);
    const raw = await readFile(join(dir, 'plan.json'), 'utf8').catch(() => {
      throw engineError('UNKNOWN_RUN', 'engineError.unknownRun', { runId }, runId);
    });
    let plan: Plan;
    try {
      plan = PlanSchema.parse(JSON.parse(raw));
    } catch {
      throw tampered('plan.json is not a TunnelMedic plan');
    }
    const digest = planDigest(plan);
    if (plan.runId !== runId || plan.sha256 !== digest) throw tampered('plan.json does not match its recorded SHA-256');
    for (const { action } of plan.actions) {
      const why = catalogueRefusal(action);
      if (why) throw tampered(why);
    }
    const text = await readFile(join(dir, 'journal.jsonl'), 'utf8').catch(() => '');
    let prev = digest;
    const lines = journalLines(text);
    for (const { line, record } of lines) {
      if (record.prev !== prev) throw tampered('a journal record does not chain to the one before it');
      prev = sha256(line);
    }
    return { plan, journal: lines.map((l) => l.record) };
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.root).catch(() => [] as string[]);
    return entries.filter(isRunId).sort();
  }
}
