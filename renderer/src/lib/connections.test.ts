import { describe, expect, it } from 'vitest';
import type { Finding, RasEvent } from '../../../app/shared/model-types';
import { attemptName, attempts, findingForFailure } from './connections';
import { restartStep } from './changes';

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
  const fix = (steps: string[]) => ({ steps }) as Parameters<typeof restartStep>[0];
  it('finds the step that asks for a restart, in English and Dutch', () => {
    expect(restartStep(fix(['Set X', 'Windows reads this setting at start-up: restart the computer for it to take effect.']))).toMatch(/restart/);
    expect(restartStep(fix(['X zetten', 'Windows leest deze instelling bij het opstarten: start de computer opnieuw op.']))).toMatch(/opnieuw op/);
    expect(restartStep(fix(['Remove the route', 'Reload the NetBIOS name cache (nbtstat -R)']))).toBeUndefined();
  });
});
