import type { TFunction } from 'i18next';
import type { Fix } from '../model/report';
import { rollbackActions, type Action } from './actions';
import { renderCmd, type ScriptStep } from './render-cmd';
import { renderPs1 } from './render-ps1';

export interface PlannedFix {
  id: string;
  title: string;
  strength: 'now' | 'lasting';
  risk: Fix['risk'];
  steps: ScriptStep[];
  notes?: string[];
}

/** Actions → the Fix of the report, with fix and rollback scripts rendered from the same actions. */
export function buildFix(planned: PlannedFix, t: TFunction): Fix {
  const actions: Action[] = planned.steps.map((s) => s.action);
  const undo = rollbackActions(actions);
  const undoSteps: ScriptStep[] = [...planned.steps].reverse().map((s, i) => ({ action: undo[i]!, label: t('fix.step.undo', { step: s.label }) }));
  const title = `TunnelMedic: ${planned.title}`;
  const rollbackTitle = `TunnelMedic: undo ${planned.id}`;
  return {
    id: planned.id,
    title: planned.title,
    strength: planned.strength,
    requiresAdmin: true,
    risk: planned.risk,
    steps: [...planned.steps.map((s) => s.label), ...(planned.notes ?? [])],
    actions,
    rollbackActions: undo,
    script: {
      cmd: renderCmd({ title, steps: planned.steps }),
      rollbackCmd: renderCmd({ title: rollbackTitle, steps: undoSteps }),
      ps1: renderPs1({ title, steps: planned.steps }),
      rollbackPs1: renderPs1({ title: rollbackTitle, steps: undoSteps }),
    },
  };
}
