import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES, type Lang } from './texts';

/** Steps shared by the specs; each returns once the screen it leads to is on show. */
export function walker(page: Page, lang: Lang) {
  const t = LOCALES[lang];
  return {
    t,
    async scan() {
      await page.getByRole('button', { name: t.scan.start }).click();
      await page.getByTestId('overall').waitFor();
    },
    async openFirstFinding() {
      await page.locator('button.finding-row').first().click();
      await page.locator('#finding-title').waitFor();
    },
    /** opens a finding by its stable id from the findings list (scan first) */
    async openFinding(id: string) {
      const back = page.getByRole('button', { name: t.nav.backToResults });
      if ((await page.locator('#finding-title').count()) > 0) await back.first().click();
      await page.locator(`[data-finding-id="${id}"]`).click();
      await page.locator('#finding-title').waitFor();
    },
    /** from the apply result: Undo, wait for it, then back to the findings list */
    async undoAndBack() {
      await page.getByRole('button', { name: t.undo.button, exact: true }).click();
      await page.locator('[data-outcome="undone"]').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: t.apply.backToResults }).click();
      await page.getByTestId('overall').waitFor();
    },
    async openConsent() {
      // the recommended fix's button (on the finding page it comes first; on the start screen, Start here's)
      await page.getByTestId('fix-button').first().click();
      await page.getByRole('dialog').waitFor();
    },
    async applyAndWait() {
      await page.getByRole('button', { name: t.consent.apply }).click();
      await page.getByTestId('run-outcome').waitFor({ timeout: 20_000 });
      return page.getByTestId('run-outcome').getAttribute('data-outcome');
    },
    /** Show the commands (folded under the fix) */
    async showCommands() {
      const fold = page.getByTestId('commands').first();
      if (!(await fold.getAttribute('open'))) await fold.locator(':scope > summary').click();
    },
    async expectFocusInside(selector: string) {
      expect(await page.evaluate(`!!document.querySelector(${JSON.stringify(selector)})?.contains(document.activeElement)`)).toBe(true);
    },
  };
}
