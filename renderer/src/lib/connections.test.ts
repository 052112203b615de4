import { describe, expect, it } from 'vitest';
import type { Finding, Fix, RasEvent } from '../../../app/shared/model-types';
import { attemptName, attempts, findingForFailure } from './connections';
import { actionSteps, fixNotes, needsRestart } from './changes';

const ev = (e: Partial<RasEvent> & Pick<RasEvent, 'kind' | 'line'>): RasEvent => ({ type: 'rasclient', id: 20227, file: 'rasclient-events.txt', text: '', ...e });

describe('connection attempts from RasClient events', () => {
  const events = [
    ev({ kind: 'failed', line: 1, coId: 'A', time: '2026-11-18T09:21:07Z', errorCode: 742, text: 'dialed a connection named Partner L2TP which has failed' }),
    ev({ kind: 'dialing', line: 15, coId: 'A', time: '2026-11-18T09:21:02Z', entryName: 'Partner L2TP' }),
    ev({ kind: 'connected', line: 30, coId: 'B', time: '2026-11-17T08:00:05Z', entryName: 'Corp VPN' }),
    ev({ kind: 'dialing', line: 31, coId: 'B', time: '2026-11-17T08:00:00Z', entryName: 'Corp VPN' }),
  ];

  it('groups by CoId, orders events oldest first and attempts newest first', () => {
    const list = attempts(events);
    expect(list.map((a) => [a.key, a.outcome, a.errorCode])).toEqual([
      ['A', 'failed', 742],
      ['B', 'connected', undefined],
    ]);
    expect(list[0]!.events.map((e) => e.kind)).toEqual(['dialing', 'failed']);
    expect(attemptName(list[0]!)).toBe('Partner L2TP');
  });

  it('links a failure to the finding whose evidence quotes its line', () => {
    const finding = { id: 'vpn.encryption-mismatch', severity: 'critical', title: 'Encryption (error 742)', summary: '', evidence: [{ source: 'rasclient-events.txt', line: 1, text: '' }], fixes: [] } satisfies Finding;
    const other = { ...finding, id: 'x', evidence: [] };
    expect(findingForFailure([other, finding], attempts(events)[0]!)?.id).toBe('vpn.encryption-mismatch');
  });
});

describe('restart needed', () => {
  const fix = (steps: string[], actions: number, takesEffect?: 'now' | 'logoff' | 'restart') => ({ steps, actions: Array.from({ length: actions }), takesEffect }) as unknown as Fix;
  it('asks for a restart only when the engine marks the fix so, not when a note says "no restart needed"', () => {
    expect(needsRestart(fix(['Set X', 'Windows reads this setting at start-up: restart the computer for it to take effect.'], 1, 'restart'))).toBe(true);
    expect(needsRestart(fix(['Set X', 'Takes effect at the next logoff; no restart needed.'], 1, 'logoff'))).toBe(false);
    expect(needsRestart(fix(['Remove the route'], 1))).toBe(false);
  });
  it('splits the steps into one per action and the notes after them', () => {
    const f = fix(['a', 'b', 'note'], 2);
    expect(actionSteps(f)).toEqual(['a', 'b']);
    expect(fixNotes(f)).toEqual(['note']);
  });
});
