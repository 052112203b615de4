import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createCaptureEngine, createDemoEngineWithoutDomain, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { LOCALES } from './support/texts';
import { walker } from './support/walk';

/** axe-core on the new screens, light and dark: what changes, the diff, consent with restart, domain form, fix choice, connection problems. */
describe.skipIf(!hasChromium()).each(['light', 'dark'] as const)('accessibility of the remedy screens (%s)', (colorScheme) => {
  let h: Harness;
  const t = LOCALES.en;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngineWithoutDomain();
    h = await openApp(engine, { locale: 'en-US', colorScheme });
    await walker(h.page, 'en').scan();
  });
  afterAll(async () => h?.close());

  const check = async (screen: string): Promise<void> => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, `${screen} (${colorScheme}):\n${describeViolations(violations)}`).toEqual([]);
  };

  it('domain form with errors', async () => {
    await h.page.getByRole('button', { name: t.domain.submit }).click();
    await h.page.getByTestId('domain-form').locator('.field-error').first().waitFor();
    await check('domain form');
  });

  it('registry fix: what changes, and the consent dialog naming the restart', async () => {
    const w = walker(h.page, 'en');
    await w.openFinding('ras.keep-connections-disabled');
    await check('registry finding');
    await w.openConsent();
    await check('consent with restart');
    await h.page.keyboard.press('Escape');
  });

  it('LMHOSTS diff, folded and expanded', async () => {
    const w = walker(h.page, 'en');
    const form = h.page.getByTestId('domain-form');
    await w.openFinding('lmhosts.missing-domain-entries');
    await form.getByLabel(t.domain.netbiosLabel, { exact: true }).fill('CORP');
    await form.getByLabel(t.domain.dcNameLabel, { exact: true }).fill('DC1');
    await form.getByLabel(t.domain.dcAddressLabel, { exact: true }).fill('10.13.1.10');
    await form.getByRole('button', { name: t.domain.submit }).click();
    await h.page.getByTestId('file-diff').waitFor();
    await check('LMHOSTS diff');
    await h.page.locator('.diff-expand').first().click();
    await check('LMHOSTS diff expanded');
    if (colorScheme === 'dark') {
      await h.page.locator('.what-changes').scrollIntoViewIfNeeded();
      await shoot(h.page, 'lmhosts-diff-dark', { fullPage: false });
    }
  });

  it('route finding: diagram, other ways to fix, route table and commands unfolded', async () => {
    const w = walker(h.page, 'en');
    await w.openFinding('route.vpn-default-route-wins');
    await check('route finding');
    for (const id of ['other-fixes', 'route-table']) await h.page.getByTestId(id).locator(':scope > summary').click();
    await w.showCommands();
    await check('route finding unfolded');
  });

  it('connection problems with failures', async () => {
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'));
    const h2 = await openApp(engine, { locale: 'en-US', colorScheme });
    try {
      await walker(h2.page, 'en').scan();
      await h2.page.getByRole('button', { name: t.nav.connections, exact: true }).click();
      await h2.page.getByTestId('attempt').first().waitFor();
      const violations = serious(await axeViolations(h2.page));
      expect(violations, describeViolations(violations)).toEqual([]);
      if (colorScheme === 'dark') await shoot(h2.page, 'connection-problems-dark');
    } finally {
      await h2.close();
    }
  });
});
