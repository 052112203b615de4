import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopEngine } from '../app/shared/engine-port';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { createCaptureEngine, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, LOCALES, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The PPTP path check in "Connection problems" (issue 5 item 5). On the demo machine the button is
 * disabled with the reason — its server 161.44.20.10 is a real outside address that is never
 * contacted. The clickable path runs on the win11-ras-errors capture with the engine's test-only
 * allowProbe, every probe redirected to a listener on 127.0.0.1; nothing else is ever contacted.
 */

const interp = (s: string, v: Record<string, string>): string => s.replace(/{{(\w+)}}/g, (_, k: string) => v[k] ?? '');

const scanAndOpenConnections = async (h: Harness, lang: Lang): Promise<void> => {
  const w = walker(h.page, lang);
  await w.scan();
  await h.page.getByRole('button', { name: w.t.nav.connections, exact: true }).click();
  await h.page.locator('#connections-title').waitFor();
};

describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('PPTP check on the demo machine (%s)', (lang: Lang) => {
  let h: Harness;
  const t = LOCALES[lang];
  const calls: string[] = [];

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine({ locale: lang });
    // records any checkPptp that reaches the engine (the engine refuses it on the demo anyway)
    const watched: DesktopEngine = { ...engine, checkPptp: (token, name) => (calls.push(name), engine.checkPptp(token, name)) };
    h = await openApp(watched, { locale: BROWSER_LOCALE[lang] });
    await scanAndOpenConnections(h, lang);
  });
  afterAll(async () => h?.close());

  it('shows the button disabled, with the reason instead of the consent text', async () => {
    const profile = h.page.getByTestId('profile').filter({ hasText: 'rasphone.pbk' });
    const button = profile.getByRole('button', { name: interp(t.pptpCheck.button, { server: '161.44.20.10' }) });
    expect(await button.isDisabled()).toBe(true);
    await expect(profile.getByTestId('pptp-not-live').textContent()).resolves.toBe(t.pptpCheck.notLiveDemo);
    // the reason is the button's description, so a screen reader hears why it is unavailable
    const describedBy = await button.getAttribute('aria-describedby');
    expect(await h.page.evaluate(`document.getElementById(${JSON.stringify(describedBy)})?.textContent`)).toBe(t.pptpCheck.notLiveDemo);
    expect(await profile.getByTestId('pptp-consent').count()).toBe(0);
    await button.click({ force: true }).catch(() => undefined);
    await expect(profile.getByTestId('pptp-status').textContent()).resolves.toBe('');
    expect(calls).toEqual([]);
    await profile.getByTestId('pptp-check').scrollIntoViewIfNeeded();
    await shoot(h.page, `pptp-check-demo${lang === 'en' ? '' : `-${lang}`}`, { fullPage: false });
  });

  it('main refuses it too when the renderer is bypassed (PROBE_NOT_LIVE)', async () => {
    const token = await h.page.evaluate(`window.tunnelmedic.scan({}).then((r) => r.value.runToken)`);
    const r = await h.page.evaluate(`window.tunnelmedic.checkPptp({ runToken: ${JSON.stringify(token)}, profileName: 'Corp VPN' })`);
    expect(r).toMatchObject({ ok: false, error: { code: 'PROBE_NOT_LIVE' } });
    const host = await h.page.evaluate(`window.tunnelmedic.checkPptp({ runToken: ${JSON.stringify(token)}, profileName: 'Corp VPN', host: '127.0.0.1' })`);
    expect(host).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
  });

  it('has no serious accessibility violations', async () => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('PPTP check against a listener on 127.0.0.1 (%s)', (lang: Lang) => {
  let h: Harness;
  let listener: Server;
  const t = LOCALES[lang];
  const seen: string[] = [];

  beforeAll(async () => {
    await ensureRendererBuilt();
    listener = createServer((s) => {
      seen.push(`${s.remoteAddress}`);
      s.destroy();
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const port = (listener.address() as { port: number }).port;
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'), { locale: lang, probeOn127: { port } });
    // The renderer enables the button only for this computer's own VPN (appInfo.source 'live'),
    // which needs Windows; the spec presents the capture as live, the engine probes 127.0.0.1 only.
    const asLive: DesktopEngine = { ...engine, info: async () => ({ ...(await engine.info()), source: 'live', sourceLabel: 'This PC' }) };
    h = await openApp(asLive, { locale: BROWSER_LOCALE[lang] });
    await scanAndOpenConnections(h, lang);
  });
  afterAll(async () => {
    await h?.close();
    await new Promise<void>((r) => listener.close(() => r()));
  });

  it('offers the test only for the PPTP connections, each with its consent text beside the button', async () => {
    expect(await h.page.getByTestId('pptp-check').count()).toBe(2);
    const partner = h.page.getByTestId('profile').filter({ hasText: 'Partner L2TP' });
    expect(await partner.getByTestId('pptp-check').count()).toBe(0);
    const branch = h.page.getByTestId('profile').filter({ hasText: 'Branch PPTP' });
    await expect(branch.getByTestId('pptp-consent').textContent()).resolves.toBe(interp(t.pptpCheck.consent, { server: 'branch.example.com' }));
  });

  it('clicking shows the gre-blocked reading in the status region, styled as a warning', async () => {
    const branch = h.page.getByTestId('profile').filter({ hasText: 'Branch PPTP' });
    const button = branch.getByRole('button', { name: interp(t.pptpCheck.button, { server: 'branch.example.com' }) });
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    const result = branch.getByRole('status').locator('.pptp-result');
    await result.waitFor();
    expect(await result.getAttribute('data-verdict')).toBe('gre-blocked');
    expect(await result.getAttribute('class')).toContain('pptp-warning');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(t.pptpCheck.verdict['gre-blocked']);
    expect(text).toContain('806');
    expect(text).toContain('127.0.0.1');
    expect(text).toMatch(lang === 'en' ? /IP protocol 47/ : /IP-protocol 47/);
    expect(seen).toEqual(['127.0.0.1']);
    await branch.getByTestId('pptp-check').scrollIntoViewIfNeeded();
    await shoot(h.page, `pptp-check-gre-blocked${lang === 'en' ? '' : `-${lang}`}`, { fullPage: false });
  });

  it('has no serious accessibility violations with the result shown', async () => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
