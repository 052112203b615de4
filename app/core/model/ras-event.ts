import { validatedOnce, type SectionMemo } from './validated-once';
import * as z from './zod';

/** RasClient events (windows-reference.md §8) as the rules read them from snapshot.events. */

export const RAS_EVENT_KINDS: Record<number, RasEventKind> = {
  20220: 'terminated',
  20221: 'dialing',
  20222: 'contacting',
  20223: 'linkUp',
  20224: 'linkUp',
  20225: 'connected',
  20226: 'disconnected',
  20227: 'failed',
};

export const RasEventSchema = z.object({
  type: z.literal('rasclient'),
  /** event ID; null when only a message line was pasted and its ID had to be inferred from nothing */
  id: z.number().int().nullable(),
  kind: z.enum(['terminated', 'dialing', 'contacting', 'linkUp', 'connected', 'disconnected', 'failed', 'other']),
  time: z.string().optional(),
  recordId: z.number().int().optional(),
  coId: z.string().optional(),
  user: z.string().optional(),
  entryName: z.string().optional(),
  errorCode: z.number().int().optional(),
  /** where the code was read: insertion string (XML/JSON) or, failing that, the number in the message */
  codeFrom: z.enum(['eventdata', 'message']).optional(),
  /** 20221 lists the connection settings "Key = value" */
  settings: z.record(z.string(), z.string()).optional(),
  file: z.string(),
  line: z.number().int(),
  /** the message as logged (first 400 characters), for evidence */
  text: z.string(),
});
export type RasEvent = z.infer<typeof RasEventSchema>;
export type RasEventKind = RasEvent['kind'];

export function rasEventsOf(list: readonly unknown[]): RasEvent[] {
  return validatedOnce(list, RAS_EVENTS, (e) => {
    const r = RasEventSchema.safeParse(e);
    return r.success ? [r.data] : [];
  });
}
const RAS_EVENTS = new WeakMap<readonly unknown[], SectionMemo<RasEvent>>();

/** Failures carrying an error code: 20227 (dial failed) and 20220 (terminated with a code). */
export const failuresOf = (events: readonly RasEvent[]): (RasEvent & { errorCode: number })[] =>
  events.filter((e): e is RasEvent & { errorCode: number } => (e.kind === 'failed' || e.kind === 'terminated') && e.errorCode !== undefined && e.errorCode !== 0);
