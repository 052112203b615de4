import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import type { Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The whole walk on the real engine's demo machine, in English and in Dutch:
 * scan → finding → script tabs → consent (Esc, focus trap) → apply → verified → undo → history.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('walk through a fix (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    h = await openDemoApp(lang, { scan: false });
  });
  afterAll(async () => h?.close());

  it('starts in the browser language and says it is the demo machine', async () => {
    const w = walker(h.page, lang);
    expect(await h.page.getAttribute('html', 'lang')).toBe(lang);
    await expect(h.page.getByTestId('source-banner').textContent()).resolves.toContain(w.t.banner.demoTitle);
  });

  it('scans with progress and lists the findings by severity', async () => {
    const w = walker(h.page, lang);
    await w.scan();
    await expect(h.page.locator('.overall-bad h2').textContent()).resolves.toMatch(/\d/);
    expect(await h.page.locator('.finding-critical').count()).toBeGreaterThan(0);
    await shoot(h.page, `findings${suffix}`, { doc: lang === 'en' });
  });

  it('explains the finding: which route wins, the evidence lines, and both scripts', async () => {
    const w = walker(h.page, lang);
    await w.openFirstFinding();
    expect(await h.page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expect(h.page.locator('.evidence-wins .evidence-where').first().textContent()).resolves.toMatch(/route-print\.txt/);

    const fixTab = h.page.getByRole('tab', { name: w.t.script.fix });
    const undoTab = h.page.getByRole('tab', { name: w.t.script.undo });
    const script = h.page.getByTestId('script-text');
    expect(await fixTab.getAttribute('aria-selected')).toBe('true');
    const fixText = (await script.textContent()) ?? '';
    expect(fixText).toMatch(/call :route DELETE 0\.0\.0\.0 MASK 0\.0\.0\.0/);

    await undoTab.click();
    const undoText = (await script.textContent()) ?? '';
    expect(undoText).not.toBe(fixText);
    expect(undoText).toMatch(/call :route ADD 0\.0\.0\.0 MASK 0\.0\.0\.0/);
    await h.page.keyboard.press('ArrowLeft');
    expect(await fixTab.getAttribute('aria-selected')).toBe('true');
    expect(await h.page.evaluate('document.activeElement?.getAttribute("role")')).toBe('tab');

    await h.page.getByRole('button', { name: w.t.script.copy }).click();
    // A locator wait, not waitForFunction: the page's CSP forbids the eval that the latter needs.
    await h.page.locator('.copy-status').filter({ hasText: /\S/ }).waitFor();
    await expect(h.page.locator('.copy-status').textContent()).resolves.toMatch(new RegExp(`${w.t.script.copied}|${w.t.script.copyFailed}`));
    await expect(h.page.locator('.fix-card').first().textContent()).resolves.toContain(w.t.fix.strengthNowText);
    await shoot(h.page, `finding${suffix}`, { doc: lang === 'en' });
  });

  it('asks consent in a modal dialog: Esc cancels, Tab stays inside', async () => {
    const w = walker(h.page, lang);
    await w.openConsent();
    const dialog = h.page.getByRole('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await w.expectFocusInside('[role=dialog]');
    await h.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(h.page.evaluate('document.activeElement?.textContent')).resolves.toBe(w.t.fix.apply);

    await w.openConsent();
    for (let i = 0; i < 5; i++) {
      await h.page.keyboard.press('Tab');
      await w.expectFocusInside('[role=dialog]');
    }
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(w.t.consent.backup);
    expect(text).toContain(w.t.consent.adminDemo);
    expect(await dialog.locator('ol li').count()).toBeGreaterThan(0);
    await shoot(h.page, `consent${suffix}`, { doc: lang === 'en', fullPage: false });
  });

  it('applies, verifies, and shows the result', async () => {
    const w = walker(h.page, lang);
    expect(await w.applyAndWait()).toBe('ok');
    await expect(h.page.getByTestId('run-outcome').textContent()).resolves.toContain(w.t.outcome.ok.title);
    expect(await h.page.locator('.step-done').count()).toBeGreaterThan(0);
    await shoot(h.page, `verified${suffix}`, { doc: lang === 'en' });
  });

  it('undoes the run, the problem is back, and history says so', async () => {
    const w = walker(h.page, lang);
    await h.page.getByRole('button', { name: w.t.undo.button, exact: true }).click();
    await h.page.getByTestId('undo-outcome').waitFor();
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.locator('.overall-bad').waitFor();

    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    const item = h.page.getByTestId('history-item').first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(w.t.history.state.undone);
    await shoot(h.page, `history${suffix}`);
    expect(h.pageErrors).toEqual([]);
  });
});
