import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngineWithoutDomain } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The demo machine with a policy that does not name the domain: LMHOSTS cannot be checked, so the
 * app asks for the NetBIOS domain name and a domain controller, validates them, and checks again.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('domain form (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;
  const field = (label: string) => h.page.getByTestId('domain-form').getByLabel(label, { exact: true });

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngineWithoutDomain({ locale: lang });
    h = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
    await walker(h.page, lang).scan();
  });
  afterAll(async () => h?.close());

  it('asks for the domain while the LMHOSTS note has nothing to check against', async () => {
    const note = h.page.locator('[data-finding-id="lmhosts.missing-domain-entries"]');
    await note.waitFor();
    expect(await note.getAttribute('class')).toContain('finding-info');
    expect(await h.page.getByTestId('domain-form').count()).toBe(1);
  });

  it('rejects a 16-character name and an address that is not IPv4, next to the fields', async () => {
    const w = walker(h.page, lang);
    await field(w.t.domain.netbiosLabel).fill('CORPORATEDOMAIN1');
    await field(w.t.domain.dcNameLabel).fill('DC 1');
    await field(w.t.domain.dcAddressLabel).fill('10.13.1.300');
    await h.page.getByRole('button', { name: w.t.domain.submit }).click();
    const errors = h.page.getByTestId('domain-form').locator('.field-error');
    expect(await errors.count()).toBe(3);
    await expect(errors.nth(0).textContent()).resolves.toContain('CORPORATEDOMAIN1');
    await expect(errors.nth(2).textContent()).resolves.toContain('10.13.1.300');
    expect(await field(w.t.domain.netbiosLabel).getAttribute('aria-invalid')).toBe('true');
    // focus goes to the first field with a problem
    expect(await h.page.evaluate('document.activeElement?.getAttribute("aria-invalid")')).toBe('true');
    await field(w.t.domain.dcAddressLabel).fill('10.13.1');
    await h.page.getByRole('button', { name: w.t.domain.submit }).click();
    await expect(errors.nth(2).textContent()).resolves.toContain('10.13.1');
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await h.page.getByTestId('domain-form').scrollIntoViewIfNeeded();
    await shoot(h.page, `domain-form-errors${suffix}`, { doc: lang === 'en' });
  });

  it('re-scans with the typed domain: the note becomes a warning with the LMHOSTS fix', async () => {
    const w = walker(h.page, lang);
    await field(w.t.domain.netbiosLabel).fill('corp');
    await field(w.t.domain.dcNameLabel).fill('dc1');
    await field(w.t.domain.dcAddressLabel).fill('10.13.1.10');
    await h.page.getByRole('button', { name: w.t.domain.submit }).click();
    await h.page.locator('[data-finding-id="lmhosts.missing-domain-entries"].finding-warning').waitFor();
    // names are sent as NetBIOS writes them: upper case
    await expect(h.page.getByTestId('domain-form').textContent()).resolves.toContain('CORP');
    await w.openFinding('lmhosts.missing-domain-entries');
    const added = h.page.getByTestId('file-diff').locator('tr.diff-added');
    await expect(added.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('10.13.1.10  DC1  #PRE  #DOM:CORP')]));
    await shoot(h.page, `domain-then-diff${suffix}`);
    expect(h.pageErrors).toEqual([]);
  });

  it('offers the form on the note itself too', async () => {
    // a fresh page: the note is opened before any domain is typed
    const { engine } = await createDemoEngineWithoutDomain({ locale: lang });
    const h2 = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
    try {
      const w = walker(h2.page, lang);
      await w.scan();
      await w.openFinding('lmhosts.missing-domain-entries');
      const form = h2.page.getByTestId('domain-form');
      await form.getByLabel(w.t.domain.netbiosLabel, { exact: true }).fill('CORP');
      await form.getByLabel(w.t.domain.dcNameLabel, { exact: true }).fill('DC1');
      await form.getByLabel(w.t.domain.dcAddressLabel, { exact: true }).fill('10.13.1.10');
      await form.getByRole('button', { name: w.t.domain.submit }).click();
      // the same page now shows the fix for the domain just typed
      await h2.page.getByTestId('file-diff').waitFor();
      expect(await h2.page.getByTestId('domain-form').count()).toBe(0);
    } finally {
      await h2.close();
    }
  });
});
