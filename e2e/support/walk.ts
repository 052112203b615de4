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
