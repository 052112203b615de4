import type { TFunction } from 'i18next';
import type { Fix } from '../model/report';
import { rollbackActions, type Action } from './actions';
import { renderCmd, type ScriptStep } from './render-cmd';
import { renderPs1 } from './render-ps1';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';

export interface PlannedFix {
  id: string;
  title: string;
  strength: 'now' | 'lasting';
  risk: Fix['risk'];
  steps: ScriptStep[];
  notes?: string[];
  /** set when the change needs a logoff or a restart before it counts */
  takesEffect?: Fix['takesEffect'];
}

/** Actions → the Fix of the report, with fix and rollback scripts rendered from the same actions. */
export function buildFix(planned: PlannedFix, t: TFunction, machine: ScriptMachine = UNKNOWN_MACHINE): Fix {
  const actions: Action[] = planned.steps.map((s) => s.action);
  const undo = rollbackActions(actions);
  return {
    id: planned.id,
    title: planned.title,
    strength: planned.strength,
    requiresAdmin: true,
    risk: planned.risk,
    ...(planned.takesEffect ? { takesEffect: planned.takesEffect } : {}),
    steps: [...planned.steps.map((s) => s.label), ...(planned.notes ?? [])],
    actions,
    rollbackActions: undo,
    script: fixScripts({ id: planned.id, title: planned.title, steps: planned.steps }, t, machine),
  };
}

/**
 * The four scripts of one fix, for the machine they are made for (diagnose() renders them again
 * with the capture's ScriptMachine once every rule has planned its fixes).
 */
export function fixScripts(fix: { id: string; title: string; steps: ScriptStep[] }, t: TFunction, machine: ScriptMachine): Fix['script'] {
  const undo = rollbackActions(fix.steps.map((s) => s.action));
  const undoSteps: ScriptStep[] = [...fix.steps].reverse().map((s, i) => ({ action: undo[i]!, label: t('fix.step.undo', { step: s.label }) }));
  const title = `TunnelMedic: ${fix.title}`;
  const rollbackTitle = `TunnelMedic: undo ${fix.id}`;
  return {
    cmd: renderCmd({ title, steps: fix.steps }, machine),
    rollbackCmd: renderCmd({ title: rollbackTitle, steps: undoSteps }, machine),
    ps1: renderPs1({ title, steps: fix.steps }),
    rollbackPs1: renderPs1({ title: rollbackTitle, steps: undoSteps }),
  };
}

/** The fix's scripts rendered again for `machine` (labels: the fix's own step texts). */
export function withMachineScripts(fix: Fix, t: TFunction, machine: ScriptMachine): Fix {
  const steps = fix.actions.map((action, i) => ({ action, label: fix.steps[i] ?? action.kind }));
  return { ...fix, script: fixScripts({ id: fix.id, title: fix.title, steps }, t, machine) };
}
