import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import type { Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The route finding has two fixes of different strength: they are shown side by side with the
 * difference, the person picks one, and the consent dialog and the result are about that one.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('choosing between fix now and lasting fix (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    h = await openDemoApp(lang);
  });
  afterAll(async () => h?.close());

  it('shows both fixes side by side with the difference, "now" chosen first', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('route.vpn-default-route-wins');
    const choices = h.page.getByTestId('fix-choice');
    expect(await choices.count()).toBe(2);
    await expect(choices.nth(0).textContent()).resolves.toContain(w.t.choice.now);
    await expect(choices.nth(1).textContent()).resolves.toContain(w.t.choice.lasting);
    expect(await choices.nth(0).locator('input').isChecked()).toBe(true);
    const boxes = await Promise.all([choices.nth(0).boundingBox(), choices.nth(1).boundingBox()]);
    expect(boxes[0]!.y).toBe(boxes[1]!.y); // side by side, not stacked
    expect(await h.page.locator('.fix-card').count()).toBe(1);
    expect(await h.page.locator('.fix-card').getAttribute('data-fix-id')).toMatch(/now/);
  });

  it('picking the lasting fix shows what it changes in the VPN profile', async () => {
    const w = walker(h.page, lang);
    await h.page.getByTestId('fix-choice').nth(1).click();
    const card = h.page.locator('.fix-card');
    expect(await card.getAttribute('data-fix-id')).toMatch(/lasting/);
    await expect(card.textContent()).resolves.toContain(w.t.fix.strengthLastingText.profile);
    const change = h.page.getByTestId('profile-change');
    await expect(change.textContent()).resolves.toContain('Corp VPN');
    await expect(change.textContent()).resolves.toContain(w.t.profile.gatewayNo);
    await expect(change.textContent()).resolves.toContain('10.13.1.0/24');
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shoot(h.page, `fix-choice${suffix}`, { doc: lang === 'en' });
  });

  it('asks consent for the chosen fix, applies it, verifies it and undoes it', async () => {
    const w = walker(h.page, lang);
    const title = (await h.page.locator('.fix-card h2').textContent()) ?? '';
    await w.openConsent();
    await expect(h.page.getByRole('dialog').textContent()).resolves.toContain(title);
    expect(await w.applyAndWait()).toBe('ok');
    await expect(h.page.locator('#apply-title').textContent()).resolves.toBe(title);
    expect(await h.page.getByTestId('run-outcome').textContent()).not.toContain(w.t.outcome.ok.untilReconnect);
    await w.undoAndBack();
    await h.page.locator('[data-finding-id="route.vpn-default-route-wins"]').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
