import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let source: string | undefined;

/**
 * Runs axe-core in the page (injected as a script via CDP-free evaluate, so the CSP does not apply),
 * once the page's finite CSS transitions and animations have finished: a button's 120 ms
 * background-color transition caught halfway read as white on #4077c8 (contrast 4.47) in one CI run,
 * a colour the page never settles on. Endless ones (a spinner) are not waited for.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(`Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)))`);
  await page.evaluate(source);
  const json = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations))`);
  return JSON.parse(String(json)) as AxeViolation[];
}

export const serious = (vs: AxeViolation[]): AxeViolation[] => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

export const describeViolations = (vs: AxeViolation[]): string =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
