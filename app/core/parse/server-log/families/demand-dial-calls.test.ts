import { describe, expect, it } from 'vitest';
import type { FamilyState } from '../kit';
import type { ServerLogEntry } from '../types';
import { noteDemandDialCall } from './demand-dial-calls';

const failure = (key: string, values: Record<string, string>): ServerLogEntry => ({ line: 1, endLine: 1, family: 'rras', text: '', decoded: [{ key, values }], outcome: 'failure' }) as ServerLogEntry;
const roleOf = (e: ServerLogEntry) => e.decoded[0]!.values?.role;

describe('a 20227 of the server\'s own demand-dial call', () => {
  it('takes the site role when a demand-dial event names its connection, in either order', () => {
    const state: FamilyState = {};
    const before = failure('rasClientFailed', { entry: 'AzureGateway' });
    noteDemandDialCall(before, state);
    expect(roleOf(before)).toBeUndefined();
    noteDemandDialCall(failure('rrasDemandDialFailed', { entry: 'AzureGateway' }), state);
    expect(roleOf(before)).toBe('site');
    const after = failure('rasClientFailed', { entry: 'AzureGateway' });
    noteDemandDialCall(after, state);
    expect(roleOf(after)).toBe('site');
    const pc = failure('rasClientFailed', { entry: 'Work VPN' });
    noteDemandDialCall(pc, state);
    expect(roleOf(pc)).toBeUndefined();
  });
  it('bounded: a paste of many PCs\' failures (thousands of connection names, no demand-dial event) keeps a bounded number waiting, and still reads the latest', () => {
    const state: FamilyState = {};
    for (let i = 0; i < 5000; i++) noteDemandDialCall(failure('rasClientFailed', { entry: `PC VPN ${i}` }), state);
    for (let i = 0; i < 500; i++) noteDemandDialCall(failure('rasClientFailed', { entry: 'Same VPN' }), state);
    const calls = state.demandDial as { pending: Map<string, unknown[]> };
    expect(calls.pending.size).toBeLessThanOrEqual(256);
    expect([...calls.pending.values()].every((waiting) => waiting.length <= 64)).toBe(true);
    const last = failure('rasClientFailed', { entry: 'Site B' });
    noteDemandDialCall(last, state);
    noteDemandDialCall(failure('rrasDemandDialFailed', { entry: 'Site B' }), state);
    expect(roleOf(last)).toBe('site');
  });
});
