import type { TFunction } from 'i18next';
import { inverseOf } from './actions';
import type { ScriptStep } from './script-step';
import type { ScriptMachine } from './script-machine';

/**
 * A step's own texts, kept for the other fixes of one finding. A guard fix repeats its split-tunnel
 * fix's steps (the same ScriptStep objects: plan-guard.ts), so with 64 corporate networks two fixes
 * rendered the same 65 route steps in four scripts each; with this they are rendered once (bench
 * row "64 corporate networks / none": both fixes' scripts 1.2–1.5 → 0.9–1.1 ms).
 *
 * Only what a step renders to apart from its number is kept: the `[n/total]` lines and every whole
 * script are still written and checked (checkedScript) per fix. Keyed by the step object, so a
 * step is never confused with another that reads alike. Made where one rule plans its fixes and
 * passed to each buildFix, it lives as long as that call: nothing is kept across diagnoses (the
 * elevated instance diagnoses and plans by itself, and applies typed actions, not these texts).
 */
export class StepTexts {
  private readonly byStep = new Map<ScriptStep, StepText>();

  constructor(
    /** the translation and machine every text here was rendered with (fixScripts uses the memo only for these) */
    readonly t: TFunction,
    readonly machine: ScriptMachine,
  ) {}

  of(step: ScriptStep): StepText {
    let text = this.byStep.get(step);
    if (!text) this.byStep.set(step, (text = {}));
    return text;
  }

  /** The rollback step of `step` (its inverse action, its label as "Undo: …"), one object per step, so its own texts are kept too. */
  undoOf(step: ScriptStep, undoLabel: (label: string) => string): ScriptStep {
    const text = this.of(step);
    return (text.undo ??= { action: inverseOf(step.action), label: undoLabel(step.label) });
  }
}

/** What one step renders to in each script dialect, filled as the renderers first need each. */
export interface StepText {
  undo?: ScriptStep;
  /** the label as a .cmd echo shows it (escapeCmdEcho) */
  cmdEcho?: string;
  /** the step's .cmd lines between its `set "TM_STEP=n"` and its `if errorlevel` */
  cmdLines?: readonly string[];
  /** the label holds nothing psQuote changes (its `[n/total] ` prefix never does) */
  ps1PlainLabel?: boolean;
  /** a route step's `Invoke-Route n` arguments after the number */
  ps1Route?: string;
}
