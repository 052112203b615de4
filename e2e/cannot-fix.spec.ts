import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createCaptureEngine, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * Saved captures of other PCs (issue 13 items 4 and 6): what TunnelMedic cannot fix (734, 742, 806)
 * gives the steps for the person or the IT desk and "Send to IT" right there, "Start here" marks
 * the one to do first; a fixable problem on a capture offers "Save the fix script for that PC".
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('captures: cannot fix, send to IT, save the script (%s)', (lang: Lang) => {
  const saved: { suggestedName: string; content: string }[] = [];
  const save = async (file: { suggestedName: string; content: string }) => (saved.push(file), { saved: true, fileName: file.suggestedName });
  let h: Harness;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'), { locale: lang });
    h = await openApp(engine, { locale: BROWSER_LOCALE[lang], saveExport: save });
  });
  afterAll(async () => h?.close());

  it('marks where to start among three problems, none of which TunnelMedic can fix', async () => {
    const w = walker(h.page, lang);
    await w.scan();
    const card = h.page.getByTestId('start-here-card');
    await expect(card.textContent()).resolves.toContain(w.t.finding.startHere);
    expect(await card.getByTestId('fix-button').count()).toBe(0);
    expect(await h.page.locator('button.finding-row [data-testid=start-here]').count()).toBe(1);
    await card.getByRole('button', { name: w.t.home.whatToDo }).click();
    await h.page.locator('#finding-title').waitFor();
  });

  it('734: steps for the person or IT desk, and Send to IT right there (redacted)', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('vpn.auth-mismatch');
    const panel = h.page.getByTestId('cannot-fix');
    const steps = await panel.locator('ol li').allTextContents();
    expect(steps).toEqual(w.t.plain.vpn['auth-mismatch'].steps);
    await expect(h.page.getByTestId('plain-what').textContent()).resolves.toBe(w.t.plain.vpn['auth-mismatch'].what);
    await panel.getByRole('button', { name: w.t.cannotFix.send }).click();
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]!.suggestedName).toMatch(/-redacted\.html$/);
    expect(saved[0]!.content).toContain(`<html lang="${lang}">`);
    await shoot(h.page, lang === 'en' ? 'cannot-fix' : 'cannot-fix-nl', { fullPage: false, doc: lang === 'en' });
  });

  it('742 and 806 have their own steps too', async () => {
    const w = walker(h.page, lang);
    for (const id of ['encryption-mismatch', 'gre-blocked'] as const) {
      await w.openFinding(`vpn.${id}`);
      expect(await h.page.getByTestId('cannot-fix').locator('ol li').allTextContents()).toEqual(w.t.plain.vpn[id].steps);
    }
  });

  it('a fixable problem on a capture: "Save the fix script for that PC", never "Fix this…"', async () => {
    const w = walker(h.page, lang);
    const { engine } = await createCaptureEngine(sampleDir('xp-registry'), { locale: lang });
    const h2 = await openApp(engine, { locale: BROWSER_LOCALE[lang], saveExport: save });
    try {
      const w2 = walker(h2.page, lang);
      await w2.scan();
      await w2.openFinding('ras.keep-connections-disabled');
      expect(await h2.page.getByRole('button', { name: w.t.fix.apply }).count()).toBe(0);
      await h2.page.getByTestId('fix-button').first().click();
      await expect.poll(() => saved.length).toBe(2);
      expect(saved[1]!.suggestedName).toBe('tunnelmedic-fix-ras-keep-connections-disabled-set.cmd');
      expect(saved[1]!.content).toMatch(/KeepRasConnections/);
      await h2.page.getByRole('status').filter({ hasText: saved[1]!.suggestedName }).waitFor();
      await shoot(h2.page, `capture-save-script-${lang}`, { fullPage: false });
      expect(h2.pageErrors).toEqual([]);
    } finally {
      await h2.close();
    }
  });
});
