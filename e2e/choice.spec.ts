import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import type { Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The route finding has two fixes of different strength: the engine's first ("now") is recommended
 * and shown with its button; the lasting one is folded under "Other ways to fix", with what it
 * changes in the VPN profile, and the consent dialog and the result are about the one picked.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('recommended fix and the other way to fix (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    h = await openDemoApp(lang);
  });
  afterAll(async () => h?.close());

  it('marks "fix it now" as recommended and folds the lasting fix under "Other ways to fix"', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('route.vpn-default-route-wins');
    const recommended = h.page.locator('.fix-recommended');
    expect(await recommended.getAttribute('data-fix-id')).toMatch(/now/);
    await expect(recommended.textContent()).resolves.toContain(w.t.fix.strengthNowText);
    const others = h.page.getByTestId('other-fixes');
    await expect(others.locator(':scope > summary').textContent()).resolves.toBe(w.t.fix.others_one.replace('{{count}}', '1'));
    expect(await others.locator('.fix-card').isVisible()).toBe(false);
  });

  it('opening it shows the lasting fix and what it changes in the VPN profile', async () => {
    const w = walker(h.page, lang);
    const others = h.page.getByTestId('other-fixes');
    await others.locator(':scope > summary').click();
    const card = others.locator('.fix-card');
    expect(await card.getAttribute('data-fix-id')).toMatch(/lasting/);
    expect(await card.getByTestId('recommended').count()).toBe(0);
    await expect(card.textContent()).resolves.toContain(w.t.fix.strengthLastingText.profile);
    const change = card.getByTestId('profile-change');
    await expect(change.textContent()).resolves.toContain('Corp VPN');
    await expect(change.textContent()).resolves.toContain(w.t.profile.gatewayNo);
    await expect(change.textContent()).resolves.toContain('10.13.1.0/24');
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await shoot(h.page, `fix-choice${suffix}`, { doc: lang === 'en', fullPage: false });
  });

  it('asks consent for the fix picked, applies it, verifies it and undoes it', async () => {
    const w = walker(h.page, lang);
    const card = h.page.getByTestId('other-fixes').locator('.fix-card');
    const title = (await card.locator('h2').textContent()) ?? '';
    await card.getByTestId('fix-button').click();
    await expect(h.page.getByRole('dialog').textContent()).resolves.toContain(title);
    expect(await w.applyAndWait()).toBe('ok');
    await expect(h.page.locator('#apply-title').textContent()).resolves.toBe(title);
    expect(await h.page.getByTestId('run-outcome').textContent()).not.toContain(w.t.outcome.ok.untilReconnect);
    await w.undoAndBack();
    await h.page.locator('[data-finding-id="route.vpn-default-route-wins"]').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
