import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { createCaptureEngine, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, LOCALES, type Lang } from './support/texts';
import { walker } from './support/walk';

const openConnections = async (h: Harness, lang: Lang): Promise<void> => {
  await h.page.getByRole('button', { name: LOCALES[lang].nav.connections, exact: true }).click();
  await h.page.locator('#connections-title').waitFor();
};

/**
 * "Connection problems" on the Windows 11 capture whose RasClient log shows 734, 806 and 742: each
 * failed attempt with its code and the finding that explains it, and each profile's settings beside
 * what the errors imply.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('connection problems (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'), { locale: lang });
    h = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
  });
  afterAll(async () => h?.close());

  it('offers to check first, then points from the results to the failed attempts', async () => {
    const w = walker(h.page, lang);
    await openConnections(h, lang);
    await h.page.getByRole('button', { name: w.t.scan.start }).click();
    await h.page.getByTestId('attempt').first().waitFor();
    await h.page.getByRole('button', { name: w.t.nav.results }).click();
    await h.page.getByRole('button', { name: w.t.connections.homeLink }).click();
    await h.page.locator('#connections-title').waitFor();
  });

  it('lists the attempts newest first, each failure with its code and the finding that explains it', async () => {
    const w = walker(h.page, lang);
    const attempts = h.page.getByTestId('attempt');
    expect(await attempts.count()).toBe(4);
    const codes = await attempts.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(['742', '806', '734', '734']);
    const titles = await h.page.evaluate(`JSON.stringify([...document.querySelectorAll('[data-testid=attempt-why] .attempt-why-title')].map((e) => e.textContent))`);
    const why = JSON.parse(String(titles)) as string[];
    expect(why[0]).toMatch(/742/);
    expect(why[1]).toMatch(/806/);
    expect(why[2]).toMatch(/734/);
    const first = (await attempts.first().textContent()) ?? '';
    expect(first).toContain('Partner L2TP');
    expect(first).toContain(w.t.timeline.kind.dialing);
    expect(first).toContain(w.t.timeline.kind.failedCode.replace('{{code}}', '742'));
    await shoot(h.page, `connection-problems${suffix}`, { doc: lang === 'en' });
  });

  it('shows each profile beside what its errors imply, marking the settings concerned', async () => {
    const w = walker(h.page, lang);
    const profiles = h.page.getByTestId('profile');
    expect(await profiles.count()).toBe(3);
    const legacy = profiles.filter({ hasText: 'Corp Legacy' });
    await expect(legacy.locator('[data-setting=auth]').textContent()).resolves.toContain('CHAP');
    expect(await legacy.locator('[data-setting=auth]').getAttribute('class')).toContain('setting-flagged');
    await expect(legacy.locator('.implies').textContent()).resolves.toMatch(/734/);
    const branch = profiles.filter({ hasText: 'Branch PPTP' });
    expect(await branch.locator('[data-setting=tunnel]').getAttribute('class')).toContain('setting-flagged');
    await expect(branch.locator('[data-setting=tunnel]').textContent()).resolves.toContain('PPTP');
    const partner = profiles.filter({ hasText: 'Partner L2TP' });
    await expect(partner.locator('[data-setting=splitTunnel]').textContent()).resolves.toContain(w.t.profile.gatewayNo);
    await expect(partner.locator('[data-setting=encryption]').textContent()).resolves.toContain(w.t.profile.encryption.requireMax);
    await legacy.scrollIntoViewIfNeeded();
    await shoot(h.page, `connection-profiles${suffix}`, { fullPage: false });
  });

  it('opens the explanation and comes back to the connection problems', async () => {
    const w = walker(h.page, lang);
    await h.page.getByTestId('attempt').nth(2).getByRole('button', { name: w.t.timeline.openFinding }).click();
    await expect(h.page.locator('#finding-title').textContent()).resolves.toMatch(/734/);
    await h.page.getByRole('button', { name: w.t.nav.backToConnections }).click();
    await h.page.locator('#connections-title').waitFor();
  });

  it('has no serious accessibility violations (light)', async () => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium())('connection problems on the demo machine and on a capture without a log', () => {
  it('shows the demo machine\'s successful connection and its profile beside the route problem', async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine();
    const h = await openApp(engine, { locale: 'en-US', colorScheme: 'dark' });
    try {
      await walker(h.page, 'en').scan();
      await openConnections(h, 'en');
      const attempt = h.page.getByTestId('attempt');
      expect(await attempt.count()).toBe(1);
      expect(await attempt.getAttribute('class')).toContain('attempt-connected');
      // the demo has the connection twice: from its phonebook and from Get-VpnConnection
      const profile = h.page.getByTestId('profile').filter({ hasText: 'rasphone.pbk' });
      await expect(profile.locator('[data-setting=splitTunnel]').textContent()).resolves.toContain(LOCALES.en.profile.gatewayYes);
      expect(await profile.locator('[data-setting=splitTunnel]').getAttribute('class')).toContain('setting-flagged');
      const violations = serious(await axeViolations(h.page));
      expect(violations, describeViolations(violations)).toEqual([]);
      await shoot(h.page, 'connection-problems-demo-dark');
    } finally {
      await h.close();
    }
  });

  it('says so when Windows recorded no connection attempts', async () => {
    const { engine } = await createCaptureEngine(sampleDir('win11-registry'));
    const h = await openApp(engine, { locale: 'nl-NL' });
    try {
      await walker(h.page, 'nl').scan();
      await openConnections(h, 'nl');
      await expect(h.page.getByTestId('attempts-empty').textContent()).resolves.toBe(LOCALES.nl.connections.empty);
      await shoot(h.page, 'connection-problems-empty-nl');
    } finally {
      await h.close();
    }
  });
});
