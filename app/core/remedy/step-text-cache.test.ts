import { describe, expect, it } from 'vitest';
import { renderCmd } from './render-cmd';
import { renderPs1 } from './render-ps1';
import type { ScriptMachine } from './script-machine';
import { stepTextCache } from './step-text-cache';

describe('step texts made once per step', () => {
  it('makes a step’s text again for another label, action object or machine', () => {
    const cache = stepTextCache<string>();
    let made = 0;
    const make = () => `text ${++made}`;
    const action = { kind: 'x' };
    const step = { label: 'a', action };
    const machine = {};
    expect(cache.text(step, machine, make)).toBe('text 1');
    expect(cache.text(step, machine, make)).toBe('text 1');
    expect(cache.text(step, {}, make)).toBe('text 2');
    expect(cache.text({ ...step }, {}, make)).toBe('text 3');
    expect(cache.text({ label: 'b', action }, {}, make)).toBe('text 4');
    expect(cache.text({ label: 'a', action: { kind: 'x' } }, {}, make)).toBe('text 5');
  });

  it('a script repeating another’s steps reads as if rendered alone, for each machine', () => {
    const step = { label: "Send 10.1.0.0/16 through the VPN (it's 100% & ok)", action: { kind: 'route.add' as const, destination: '10.1.0.0', netmask: '255.255.0.0', gateway: '10.9.0.1', metric: 1, interfaceIndex: 23 } };
    const other = { label: 'Remove the default', action: { kind: 'route.delete' as const, destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.9.0.1', interfaceIndex: 23, previousMetric: 1 } };
    const xp: ScriptMachine = { generation: 'nt5', interfaces: [{ index: 23, address: '10.9.0.5' }] };
    const vista: ScriptMachine = { generation: 'nt6+', interfaces: [{ index: 23, address: '10.9.0.7' }] };
    const alone = (steps: (typeof step | typeof other)[], machine: ScriptMachine) => {
      const copies = steps.map((s) => ({ label: s.label, action: { ...s.action } }));
      return [renderCmd({ title: 't', steps: copies }, machine), renderPs1({ title: 't', steps: copies })];
    };
    for (const machine of [vista, xp, vista]) {
      const first = [renderCmd({ title: 't', steps: [step] }, machine), renderPs1({ title: 't', steps: [step] })];
      const repeated = [renderCmd({ title: 't', steps: [other, step] }, machine), renderPs1({ title: 't', steps: [other, step] })];
      expect(first).toEqual(alone([step], machine));
      expect(repeated).toEqual(alone([other, step], machine));
    }
    expect(renderCmd({ title: 't', steps: [step] }, xp)).not.toBe(renderCmd({ title: 't', steps: [step] }, vista));
  });
});
