import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopEngine } from '../app/shared/engine-port';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, LOCALES, type Lang } from './support/texts';

/**
 * The company networks form (shown when no policy names them): a network typed with its host bits
 * set, or one so wide the VPN would take the Internet with it, is explained in the UI's language
 * before anything is sent — the engine would refuse it for the same reason — and a corrected one
 * is what the check runs with.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('company networks typed in the app (%s)', (lang: Lang) => {
  let h: Harness;
  const scans: (readonly string[] | undefined)[] = [];
  const t = LOCALES[lang];

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine({ locale: lang });
    const noPolicy: DesktopEngine = {
      ...engine,
      info: async () => ({ ...(await engine.info()), policyNetworks: [] }),
      scan: async (o, p) => {
        scans.push(o?.corporateNetworks);
        return engine.scan(o, p);
      },
    };
    h = await openApp(noPolicy, { locale: BROWSER_LOCALE[lang] });
  });
  afterAll(async () => h?.close());

  const input = () => h.page.getByLabel(t.networks.label);
  const submit = () => h.page.getByRole('button', { name: t.networks.submit });
  const error = () => h.page.locator('.field-error');

  it('says where the network starts instead of sending 10.13.1.5/24', async () => {
    await input().fill('10.13.1.5/24');
    await submit().click();
    await error().waitFor();
    expect(await error().textContent()).toContain(t.networks.errorNotNetworkAddress.replace('{{value}}', '10.13.1.5/24').replace('{{suggestion}}', '10.13.1.0/24'));
    expect(await input().getAttribute('aria-invalid')).toBe('true');
    expect(scans).toEqual([]);
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shoot(h.page, `networks-error-${lang}`, { fullPage: false });
  });

  it('refuses the whole Internet with the reason', async () => {
    await input().fill('0.0.0.0/0');
    await submit().click();
    await expect.poll(async () => error().textContent()).toContain(t.networks.errorWholeInternet.replace('{{value}}', '0.0.0.0/0').slice(0, 40));
    expect(scans).toEqual([]);
  });

  it('checks with the corrected network', async () => {
    await input().fill('10.13.1.0/24');
    await submit().click();
    await h.page.getByTestId('overall').waitFor();
    expect(scans).toEqual([['10.13.1.0/24']]);
    expect(await error().count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });
});
