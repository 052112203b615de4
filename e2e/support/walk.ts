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
      await page.locator('.finding-row').first().click();
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
      await page.getByTestId('undo-outcome').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: t.apply.backToResults }).click();
      await page.getByTestId('overall').waitFor();
    },
    async openConsent() {
      await page.getByRole('button', { name: t.fix.apply }).first().click();
      await page.getByRole('dialog').waitFor();
    },
    async applyAndWait() {
      await page.getByRole('button', { name: t.consent.apply }).click();
      await page.getByTestId('run-outcome').waitFor({ timeout: 20_000 });
      return page.getByTestId('run-outcome').getAttribute('data-outcome');
    },
    async expectFocusInside(selector: string) {
      expect(await page.evaluate(`!!document.querySelector(${JSON.stringify(selector)})?.contains(document.activeElement)`)).toBe(true);
    },
  };
}
