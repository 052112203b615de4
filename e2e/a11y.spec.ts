import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { createCaptureEngine, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { walker } from './support/walk';

/** axe-core on every key screen, in light and dark: no serious or critical violations. */
describe.skipIf(!hasChromium()).each(['light', 'dark'] as const)('accessibility (%s)', (colorScheme) => {
  let h: Harness;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine();
    h = await openApp(engine, { locale: 'en-US', colorScheme });
  });
  afterAll(async () => h?.close());

  const check = async (screen: string): Promise<void> => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, `${screen} (${colorScheme}):\n${describeViolations(violations)}`).toEqual([]);
  };

  it('start screen and findings', async () => {
    await check('start');
    await walker(h.page, 'en').scan();
    await check('findings');
    if (colorScheme === 'dark') await shoot(h.page, 'findings-dark');
  });

  it('finding page', async () => {
    await walker(h.page, 'en').openFirstFinding();
    await check('finding');
  });

  it('consent dialog', async () => {
    await walker(h.page, 'en').openConsent();
    await check('consent');
  });

  it('result, fixed row, undone result and history', async () => {
    const w = walker(h.page, 'en');
    expect(await w.applyAndWait()).toBe('ok');
    await check('result');
    if (colorScheme === 'dark') await shoot(h.page, 'verified-dark');
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.getByTestId('fixed-row').waitFor();
    await check('fixed row');
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    await h.page.getByTestId('history-item').first().waitFor();
    await check('history');
    await h.page.getByRole('button', { name: w.t.nav.results }).click();
    await w.openConsent();
    expect(await w.applyAndWait()).toBe('ok');
    await h.page.getByRole('button', { name: w.t.undo.button, exact: true }).click();
    await h.page.locator('[data-outcome="undone"]').waitFor();
    await check('undone');
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    await h.page.locator('.run-state-undone').first().waitFor();
    await check('history with undone');
  });

  it('what the person can do when TunnelMedic cannot fix it (a capture: 734, 742, 806)', async () => {
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'));
    const h2 = await openApp(engine, { locale: 'en-US', colorScheme });
    try {
      const w = walker(h2.page, 'en');
      await w.scan();
      await w.openFinding('vpn.auth-mismatch');
      await h2.page.getByTestId('cannot-fix').waitFor();
      const violations = serious(await axeViolations(h2.page));
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await h2.close();
    }
  });
});
