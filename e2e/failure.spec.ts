import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { walker } from './support/walk';

/** The demo engine makes the 2nd route.exe call fail: the UI must show the error and the rollback. */
describe.skipIf(!hasChromium())('a fix that fails is rolled back automatically', () => {
  let h: Harness;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine({ failRouteCalls: [2] });
    h = await openApp(engine, { locale: 'en-US' });
  });
  afterAll(async () => h?.close());

  it('shows the failed step, what Windows said, and that everything was put back', async () => {
    const w = walker(h.page, 'en');
    await w.scan();
    await w.openFirstFinding();
    await w.openConsent();
    expect(await w.applyAndWait()).toBe('rolledback');

    const outcome = (await h.page.getByTestId('run-outcome').textContent()) ?? '';
    expect(outcome).toContain(w.t.outcome.rolledback.title);
    expect(outcome).toMatch(/failed/i);
    const failed = h.page.locator('.step-failed');
    expect(await failed.count()).toBe(1);
    await expect(failed.textContent()).resolves.toContain(w.t.apply.windowsSaid);
    expect(await h.page.locator('.step-rolled-back').count()).toBeGreaterThan(0);
    // nothing left to undo: the engine already put everything back
    expect(await h.page.getByRole('button', { name: w.t.undo.button, exact: true }).count()).toBe(0);
    await shoot(h.page, 'failed-rolled-back');
  });

  it('leaves the problem in place and records the run as rolled back', async () => {
    const w = walker(h.page, 'en');
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.getByRole('button', { name: w.t.scan.again }).click();
    await h.page.locator('.overall-bad').waitFor();
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    const item = h.page.getByTestId('history-item').first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(w.t.history.state.rolledback);
    expect(h.pageErrors).toEqual([]);
  });
});
