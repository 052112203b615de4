import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import type { Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The whole walk on the real engine's demo machine, in English and in Dutch: scan (announced, focus
 * on the result) → "Start here" → finding (plain words first, the recommended fix and its button on
 * the first screen, the diagram, commands folded) → consent → apply (the whole checklist) → verified →
 * Next problem / Fixed — Undo → undo (heading says undone) → history (titles, exact times).
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('walk through a fix (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    h = await openDemoApp(lang, { scan: false });
    await h.page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => h?.close());

  it('starts in the browser language and says it is the demo PC', async () => {
    const w = walker(h.page, lang);
    expect(await h.page.getAttribute('html', 'lang')).toBe(lang);
    await expect(h.page.getByTestId('source-banner').textContent()).resolves.toContain(w.t.banner.demoTitle);
  });

  it('scans, announces the result in the live region, moves focus to it, and marks where to start', async () => {
    const w = walker(h.page, lang);
    await w.scan();
    const status = (await h.page.getByTestId('scan-status').textContent()) ?? '';
    expect(status).toBe(w.t.scan.done_other.replace('{{count}}', '3'));
    expect(await h.page.getAttribute('[data-testid=scan-status]', 'aria-live')).toBe('polite');
    await expect(h.page.evaluate('document.activeElement?.id')).resolves.toBe('overall-title');
    // one sentence without jargon first, everywhere the finding is listed
    const card = h.page.getByTestId('start-here-card');
    await expect(card.locator('h2').textContent()).resolves.toBe(await h.page.locator('[data-finding-id="route.vpn-default-route-wins"] .finding-title').evaluate((e) => e.lastChild?.textContent?.trim()));
    await expect(card.textContent()).resolves.toContain(w.t.plain.route['vpn-default-route-wins'].what);
    expect(await h.page.locator('button.finding-row [data-testid=start-here]').count()).toBe(1);
    await shoot(h.page, `findings${suffix}`, { doc: lang === 'en', fullPage: false });
  });

  it('a finding opens with the plain sentence; the technical one is under Details; risk is explained', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('route.vpn-default-route-wins');
    await expect(h.page.getByTestId('plain-what').textContent()).resolves.toBe(w.t.plain.route['vpn-default-route-wins'].what);
    const details = h.page.getByTestId('details-it');
    expect(await details.getAttribute('open')).toBeNull();
    await expect(details.textContent()).resolves.toMatch(/metric 26|metriek 26/);
    await expect(h.page.locator('.finding-head').textContent()).resolves.toContain(w.t.finding.startHere);
    const card = h.page.locator('.fix-recommended');
    await expect(card.getByTestId('recommended').textContent()).resolves.toContain(w.t.fix.recommended);
    await expect(card.textContent()).resolves.toContain(w.t.fix.riskExplain.medium);
    await expect(card.textContent()).resolves.toContain(w.t.plain.route['vpn-default-route-wins'].fix);
  });

  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
    it(`shows the recommended fix and its button without scrolling at ${size.width}×${size.height}`, async () => {
      await h.page.setViewportSize(size);
      await h.page.evaluate('window.scrollTo(0, 0)');
      const box = (await h.page.getByTestId('fix-button').first().boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      if (size.width === 1024) await shoot(h.page, `finding-first-screen-1024${suffix}`, { fullPage: false });
    });
  }

  it('draws where the traffic goes: today through the tunnel (red), after the fix through Wi-Fi (green), in words too', async () => {
    const w = walker(h.page, lang);
    await h.page.setViewportSize({ width: 1280, height: 800 });
    const diagram = h.page.getByTestId('traffic-diagram');
    expect(await diagram.locator('svg[role=img]').getAttribute('aria-label')).toBe(w.t.diagram.alt);
    expect(await diagram.locator('[data-testid=diagram-today][data-wrong=true]').count()).toBe(1);
    expect(await diagram.locator('[data-testid=diagram-after]').count()).toBe(2);
    const lines = await diagram.getByTestId('diagram-text').locator('li').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Wi-Fi');
    expect(lines[0]).toContain('161.44.17.1');
    // the winning route's numbers on focus (keyboard) for IT
    await diagram.getByTestId('diagram-text').locator('li').first().focus();
    await expect(diagram.getByTestId('diagram-numbers').textContent()).resolves.toMatch(/0\.0\.0\.0\/0.*26.*route-print\.txt.*14/s);
    await diagram.scrollIntoViewIfNeeded();
    await shoot(h.page, `diagram${suffix}`, { doc: lang === 'en', fullPage: false });
  });

  it('keeps the commands, the route table and the other way to fix folded; the scripts still work with the keyboard', async () => {
    const w = walker(h.page, lang);
    expect(await h.page.getByTestId('commands').first().getAttribute('open')).toBeNull();
    expect(await h.page.getByTestId('other-fixes').getAttribute('open')).toBeNull();
    expect(await h.page.getByTestId('route-table').getAttribute('open')).toBeNull();
    await h.page.getByTestId('route-table').locator(':scope > summary').click();
    expect(await h.page.locator('[data-testid=route-table] table tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expect(h.page.locator('.evidence-wins .evidence-where').first().textContent()).resolves.toMatch(/route-print\.txt/);

    await w.showCommands();
    const fixTab = h.page.locator('.fix-recommended').getByRole('tab', { name: w.t.script.fix });
    const undoTab = h.page.locator('.fix-recommended').getByRole('tab', { name: w.t.script.undo });
    const script = h.page.locator('.fix-recommended').getByTestId('script-text');
    expect(await fixTab.getAttribute('aria-selected')).toBe('true');
    const fixText = (await script.textContent()) ?? '';
    expect(fixText).toMatch(/call :route DELETE 0\.0\.0\.0 MASK 0\.0\.0\.0/);
    // what the script says on its own is in the app's language too (script-words.ts)
    expect(fixText).toMatch(lang === 'en' ? /echo TunnelMedic: all \d+ steps done\./ : /echo TunnelMedic: alle \d+ stappen zijn gedaan\./);
    await undoTab.click();
    expect(await script.textContent()).toMatch(/call :route ADD 0\.0\.0\.0 MASK 0\.0\.0\.0/);
    await h.page.keyboard.press('ArrowLeft');
    expect(await fixTab.getAttribute('aria-selected')).toBe('true');
    await h.page.getByRole('button', { name: w.t.script.copy, exact: true }).first().click();
    await h.page.locator('.copy-status').filter({ hasText: /\S/ }).first().waitFor();
    // a clipped evidence line scrolls with the keyboard: it is focusable and scrolls on ArrowRight
    const line = h.page.locator('.evidence-text').first();
    await line.focus();
    await expect(h.page.evaluate('document.activeElement?.classList.contains("evidence-text")')).resolves.toBe(true);
    await shoot(h.page, `finding${suffix}`, { doc: lang === 'en' });
  });

  it('asks consent in a modal dialog: Esc cancels, Tab stays inside', async () => {
    const w = walker(h.page, lang);
    await h.page.evaluate('window.scrollTo(0, 0)');
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
    // a route fix needs no restart: no restart notice
    expect(await h.page.getByTestId('consent-restart').count()).toBe(0);
    await shoot(h.page, `consent${suffix}`, { doc: lang === 'en', fullPage: false });
  });

  it('applies with the whole checklist from the start, locks navigation meanwhile, verifies, and leads on', async () => {
    const w = walker(h.page, lang);
    // record the first progress line and the nav state as soon as the apply screen appears
    await h.page.evaluate(`(() => {
      window.__first = null;
      new MutationObserver((_, o) => {
        const p = document.querySelector('[data-testid=apply-position]');
        if (p && !window.__first) { window.__first = { text: p.textContent, steps: document.querySelectorAll('.step-list .step').length, navDisabled: [...document.querySelectorAll('.nav-link, .lang-button')].every((b) => b.disabled) }; o.disconnect(); }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    expect(await w.applyAndWait()).toBe('ok');
    const first = (await h.page.evaluate('window.__first')) as { text: string; steps: number; navDisabled: boolean };
    // check nothing changed, backup, the fix's 2 changes, verify
    expect(first.steps).toBe(5);
    expect(first.text).toMatch(lang === 'en' ? /^Step \d of 5: / : /^Stap \d van 5: /);
    expect(first.navDisabled).toBe(true);
    await expect(h.page.getByTestId('outcome-title').textContent()).resolves.toBe(w.t.outcome.ok.title);
    await expect(h.page.evaluate('document.activeElement?.dataset.testid')).resolves.toBe('outcome-title');
    expect(await h.page.getByTestId('restart-notice').count()).toBe(0);
    await expect(h.page.getByTestId('next-problem').textContent()).resolves.toContain(w.t.apply.next);
    await shoot(h.page, `verified${suffix}`, { doc: lang === 'en' });
  });

  it('keeps the fixed problem in the list as "Fixed — Undo" until the next check', async () => {
    const w = walker(h.page, lang);
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    const row = h.page.getByTestId('fixed-row');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(w.t.fixed.badge);
    expect(await row.getByRole('button', { name: w.t.undo.button }).count()).toBe(1);
    // Start here moved on to the next problem
    await expect(h.page.getByTestId('start-here-card').locator('h2').textContent()).resolves.not.toBe(await row.locator('.finding-title').textContent());
    await shoot(h.page, `fixed-row${suffix}`, { fullPage: false });
  });

  it('undo from the result: the heading says undone, focus is on it, and history shows titles and exact times', async () => {
    const w = walker(h.page, lang);
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    const item = h.page.getByTestId('history-item').first();
    await item.waitFor();
    const title = (await item.locator('.history-title').textContent()) ?? '';
    expect(title).not.toMatch(/route\.vpn-default-route-wins/);
    expect(title.length).toBeGreaterThan(10);
    // to the second: "12:34:56"
    await expect(item.locator('time').textContent()).resolves.toMatch(/\d{1,2}:\d{2}:\d{2}/);
    await item.getByRole('button', { name: w.t.undo.button }).click();
    await h.page.getByTestId('history-item').first().locator('.run-state-undone').waitFor();
    const state = h.page.getByTestId('history-item').first().locator('.run-state-undone');
    // a state, not a button
    expect(await state.evaluate((e) => e.tagName)).toBe('SPAN');
    expect(await h.page.getByTestId('history-item').first().getByRole('button', { name: w.t.undo.button }).count()).toBe(0);
    await shoot(h.page, `history${suffix}`);

    // and from the result screen: apply again, then undo there
    await h.page.getByRole('button', { name: w.t.nav.results }).click();
    await w.openConsent();
    expect(await w.applyAndWait()).toBe('ok');
    await h.page.getByRole('button', { name: w.t.undo.button, exact: true }).click();
    await h.page.locator('[data-outcome="undone"]').waitFor();
    await expect(h.page.getByTestId('outcome-title').textContent()).resolves.toBe(w.t.outcome.undone.title);
    await expect(h.page.evaluate('document.activeElement?.dataset.testid')).resolves.toBe('outcome-title');
    expect(await h.page.getByText(w.t.outcome.ok.title).count()).toBe(0);
    await shoot(h.page, `undone${suffix}`);
    expect(h.pageErrors).toEqual([]);
  });
});

/** Goal of issue 13: from the start to "fixed" on the demo in at most 3 clicks and no scrolling at 1280×800. */
describe.skipIf(!hasChromium())('clicks and scrolls to fixed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openDemoApp('en', { scan: false });
    await h.page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => h?.close());

  it('Start check → Fix this… → Apply changes: 3 clicks, each target on the first screen', async () => {
    const w = walker(h.page, 'en');
    const targets = [
      h.page.getByRole('button', { name: w.t.scan.start }),
      h.page.getByTestId('start-here-card').getByTestId('fix-button'),
      h.page.getByRole('dialog').getByRole('button', { name: w.t.consent.apply }),
    ];
    for (const target of targets) {
      const box = (await target.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(await h.page.evaluate('window.scrollY')).toBe(0);
      await target.click();
      if (target === targets[0]) await h.page.getByTestId('overall').waitFor();
    }
    await h.page.getByTestId('run-outcome').waitFor({ timeout: 20_000 });
    expect(await h.page.getByTestId('run-outcome').getAttribute('data-outcome')).toBe('ok');
    expect(await h.page.evaluate('window.scrollY')).toBe(0);
  });
});
