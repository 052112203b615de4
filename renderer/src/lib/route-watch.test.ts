import { describe, expect, it } from 'vitest';
import { pollDelayMs, POLL_HIDDEN_MS, POLL_VISIBLE_MS, problemBack } from './route-watch';

describe('route watch', () => {
  it('polls slower while the window is hidden', () => {
    expect(pollDelayMs(true)).toBe(POLL_VISIBLE_MS);
    expect(pollDelayMs(false)).toBe(POLL_HIDDEN_MS);
    expect(POLL_HIDDEN_MS).toBeGreaterThan(POLL_VISIBLE_MS);
  });

  it('names a fixed problem that is back, and nothing for new or informational findings', () => {
    const f = (id: string, severity: 'critical' | 'info' = 'critical') => ({ id, severity }) as never;
    expect(problemBack(['route.vpn-default-route-wins'], { findings: [f('lmhosts.syntax'), f('route.vpn-default-route-wins')] })).toBe('route.vpn-default-route-wins');
    expect(problemBack(['route.vpn-default-route-wins'], { findings: [f('lmhosts.syntax')] })).toBeNull();
    expect(problemBack(['lmhosts.syntax'], { findings: [f('lmhosts.syntax', 'info')] })).toBeNull();
  });
});
