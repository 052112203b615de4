import { describe, expect, it } from 'vitest';
import { engineT } from '../i18n';
import { buildFix, type PlannedFix } from './build-fix';
import type { ScriptStep } from './render-cmd';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';
import { StepTexts } from './step-texts';

/**
 * A guard fix repeats its split fix's step objects (plan-guard.ts); with a shared StepTexts the
 * second fix reuses their texts. The scripts must be exactly what each fix renders alone: the
 * numbers ([n/total], Invoke-Route n) differ between the two, and so do the rollbacks' orders.
 */
const t = engineT('en');
const nl = engineT('nl');
const vista: ScriptMachine = { generation: 'nt6+', osVersion: '10.0', interfaces: [{ index: 23, address: '192.168.1.1' }] };
const xp: ScriptMachine = { generation: 'nt5', osVersion: '5.1', interfaces: [{ index: 23, address: '192.168.1.1' }] };

const routeSteps = (n: number): ScriptStep[] => [
  { label: "Remove the VPN's default route 0.0.0.0/0 through Corp VPN (#23)", action: { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 23, previousMetric: 1 } },
  ...Array.from({ length: n }, (_, i): ScriptStep => ({
    // a quote and parentheses in some labels: the kept label quoting must still be psQuote's
    label: i % 5 === 0 ? `Send 10.${200 + (i >> 4)}.${(i & 15) * 16}.0/20 through the 'VPN' (192.168.1.1, interface 23)` : `Send 10.${200 + (i >> 4)}.${(i & 15) * 16}.0/20 through the VPN (192.168.1.1, interface 23)`,
    action: { kind: 'route.add', destination: `10.${200 + (i >> 4)}.${(i & 15) * 16}.0`, netmask: '255.255.240.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 },
  })),
];

function planned(n: number): [PlannedFix, PlannedFix] {
  const now: PlannedFix = { id: 'route.vpn-default-route-wins:split-now', title: 'Route only company traffic through the VPN', strength: 'now', risk: 'low', steps: routeSteps(n) };
  const guard: PlannedFix = {
    id: 'route.vpn-default-route-wins:guard',
    title: 'Route only company traffic through the VPN, and do it again at every connect',
    strength: 'lasting',
    risk: 'low',
    steps: [...now.steps, { label: 'Install the task', action: { kind: 'task.create', name: '\\TunnelMedic\\Keep split tunnel - Corp VPN (63c33ef5)', connection: 'Corp VPN', xml: '<Task/>' } }],
  };
  return [now, guard];
}

describe('StepTexts: a step rendered once for the fixes of one finding', () => {
  it('gives every script byte for byte as rendered without it, for the split fix and the guard that repeats its steps', () => {
    for (const machine of [vista, xp, UNKNOWN_MACHINE]) {
      for (const n of [0, 1, 12, 64]) {
        const [now, guard] = planned(n);
        const texts = new StepTexts(t, machine);
        const shared = [buildFix(now, t, machine, texts), buildFix(guard, t, machine, texts)];
        const alone = [buildFix(now, t, machine), buildFix(guard, t, machine)];
        expect(shared).toEqual(alone);
        // rendered in the other order too (the guard first)
        const texts2 = new StepTexts(t, machine);
        expect([buildFix(guard, t, machine, texts2), buildFix(now, t, machine, texts2)]).toEqual([alone[1], alone[0]]);
      }
    }
  });

  it('the texts are the kept ones: the second fix does not render a shared step again', () => {
    const [now, guard] = planned(3);
    const texts = new StepTexts(t, vista);
    buildFix(now, t, vista, texts);
    // a kept text changed by hand shows up in the guard's scripts: they were written from it
    const kept = texts.of(now.steps[1]!);
    kept.cmdLines = ['call :route MARK'];
    kept.ps1Route = 'MARK';
    const fix = buildFix(guard, t, vista, texts);
    expect(fix.script.cmd).toContain('\r\ncall :route MARK\r\n');
    expect(fix.script.ps1).toContain('\r\nInvoke-Route 2 MARK\r\n');
  });

  it('is not used for another machine or another language: those texts would not be this fix’s', () => {
    const [now, guard] = planned(4);
    const texts = new StepTexts(t, vista);
    buildFix(now, t, vista, texts);
    texts.of(now.steps[1]!).cmdLines = ['call :route MARK'];
    expect(buildFix(guard, t, xp, texts)).toEqual(buildFix(guard, t, xp));
    expect(buildFix(guard, nl, vista, texts)).toEqual(buildFix(guard, nl, vista));
  });
});
