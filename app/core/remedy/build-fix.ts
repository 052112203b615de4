import type { TFunction } from 'i18next';
import type { Fix } from '../model/report';
import { rollbackActions, type Action } from './actions';
import { renderCmd, type ScriptStep } from './render-cmd';
import { renderBat9x } from './render-bat-9x';
import { renderCmdNt4 } from './render-cmd-nt4';
import { renderPs1 } from './render-ps1';
import { fixRefusal, ps1Absence, scriptDialectOf } from './script-dialect';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';
import { scriptWords } from './script-words';
import type { StepTexts } from './step-texts';

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
/** The machine each fix's scripts were rendered for, so diagnose() does not render them a second time. */
const scriptedFor = new WeakMap<Fix, ScriptMachine>();

/** `texts`: the steps' texts the finding's other fixes rendered (step-texts.ts), shared by the rule that plans them. */
export function buildFix(planned: PlannedFix, t: TFunction, machine: ScriptMachine = UNKNOWN_MACHINE, texts?: StepTexts): Fix {
  const actions: Action[] = planned.steps.map((s) => s.action);
  // the rollback script's steps, made once: their actions are the fix's rollbackActions, so the two cannot differ
  const undoSteps = rollbackSteps(planned.steps, scriptWords(t).undoStep, texts?.t === t ? texts : undefined);
  const undo = undoSteps.map((s) => s.action);
  // a fix that machine's shell cannot script is withheld by diagnose() (scriptRefusalText); its
  // dialect renderer would refuse the action, so such a fix keeps scripts for an unknown (modern) machine
  const scriptable = fixRefusal([...actions, ...undo], machine) === undefined;
  const target = scriptable ? machine : UNKNOWN_MACHINE;
  const fix: Fix = {
    id: planned.id,
    title: planned.title,
    strength: planned.strength,
    requiresAdmin: true,
    risk: planned.risk,
    ...(planned.takesEffect ? { takesEffect: planned.takesEffect } : {}),
    steps: [...planned.steps.map((s) => s.label), ...(planned.notes ?? [])],
    actions,
    rollbackActions: undo,
    script: fixScripts({ id: planned.id, title: planned.title, steps: planned.steps }, t, target, texts, undoSteps),
  };
  scriptedFor.set(fix, target);
  return fix;
}

/**
 * The scripts of one fix, for the machine they are made for (diagnose() renders them again with the
 * capture's ScriptMachine once every rule has planned its fixes): fix/rollback in the shell dialect
 * that machine's Windows runs (script-dialect.ts: cmd.exe, NT 4.0's cmd.exe, or a COMMAND.COM .bat),
 * and fix.ps1/rollback.ps1 only where that Windows can run them — otherwise the reason, in words.
 * A fix with an action its dialect cannot script is withheld before this (see scriptRefusalText).
 */
export function fixScripts(fix: { id: string; title: string; steps: ScriptStep[] }, t: TFunction, machine: ScriptMachine, shared?: StepTexts, rollback?: ScriptStep[]): Fix['script'] {
  const words = scriptWords(t);
  // texts rendered with another translation or for another machine would not be this fix's
  const texts = shared && shared.t === t && shared.machine === machine ? shared : undefined;
  // (`rollback`: the rollback steps buildFix already made from these steps)
  const undoSteps = rollback ?? rollbackSteps(fix.steps, words.undoStep, texts);
  const title = `TunnelMedic: ${fix.title}`;
  const rollbackTitle = `TunnelMedic: ${words.undoTitle(fix.id)}`;
  const dialect = scriptDialectOf(machine.generation);
  const render = dialect === 'cmd-nt4' ? renderCmdNt4 : dialect === 'command-com' ? renderBat9x : renderCmd;
  const noPs1 = ps1Absence({ family: machine.generation, version: machine.osVersion });
  return {
    cmd: render({ title, steps: fix.steps, words, texts }, machine),
    rollbackCmd: render({ title: rollbackTitle, steps: undoSteps, words, texts }, machine),
    ...(noPs1 ? { ps1Unavailable: t(`script.ps1Absent.${noPs1}`) } : { ps1: renderPs1({ title, steps: fix.steps, words, texts }), rollbackPs1: renderPs1({ title: rollbackTitle, steps: undoSteps, words, texts }) }),
    ...(dialect !== 'cmd' ? { dialect } : {}),
  };
}

/**
 * The rollback's steps: the inverse actions (rollbackActions), newest first, each labelled "Undo: …";
 * with `texts`, the step's one rollback step kept there (StepTexts.undoOf), so the finding's other fixes share it.
 */
function rollbackSteps(steps: readonly ScriptStep[], undoLabel: (label: string) => string, texts?: StepTexts): ScriptStep[] {
  if (texts) return [...steps].reverse().map((s) => texts.undoOf(s, undoLabel));
  const undo = rollbackActions(steps.map((s) => s.action));
  return [...steps].reverse().map((s, i) => ({ action: undo[i]!, label: undoLabel(s.label) }));
}

/**
 * Why this fix cannot be scripted for `machine`'s Windows (one line for the finding's evidence, in
 * the report's language), or undefined. The fix is then not offered there.
 */
export function scriptRefusalText(fix: Pick<Fix, 'title' | 'actions' | 'rollbackActions'>, t: TFunction, machine: ScriptMachine): string | undefined {
  const refusal = fixRefusal([...fix.actions, ...fix.rollbackActions], machine);
  return refusal ? t('script.refused.line', { fix: fix.title, reason: t(`script.refused.${refusal}`) }) : undefined;
}

/** The fix's scripts rendered again for `machine` (labels: the fix's own step texts). */
export function withMachineScripts(fix: Fix, t: TFunction, machine: ScriptMachine): Fix {
  // already rendered for this very machine by a rule (the scripts are a pure function of the fix and machine)
  if (scriptedFor.get(fix) === machine) return fix;
  const steps = fix.actions.map((action, i) => ({ action, label: fix.steps[i] ?? action.kind }));
  return { ...fix, script: fixScripts({ id: fix.id, title: fix.title, steps }, t, machine) };
}
