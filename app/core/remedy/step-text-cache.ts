/**
 * What a renderer made of one planned step, kept with the step object. Plans are built on plans —
 * the guard fix is the now-fix's steps plus a task, the lasting fix the same steps plus the
 * profile's —, and every fix renders a .cmd and a .ps1 for doing and for undoing, so with 64
 * corporate networks the same step was turned into text up to four times per script kind. Kept
 * only while the step object lives (a WeakMap), and used only for the same label, action object and
 * machine: planned steps are never changed once planned.
 */
export interface StepTextCache<V> {
  text(step: { label: string; action: object }, machine: object | undefined, make: () => V): V;
}

export function stepTextCache<V>(): StepTextCache<V> {
  const known = new WeakMap<object, { label: string; action: object; machine: object | undefined; value: V }>();
  return {
    text(step, machine, make) {
      const entry = known.get(step);
      if (entry && entry.label === step.label && entry.action === step.action && entry.machine === machine) return entry.value;
      const value = make();
      known.set(step, { label: step.label, action: step.action, machine, value });
      return value;
    },
  };
}
