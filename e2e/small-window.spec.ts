import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import engineEn from '../app/core/i18n/en.json';
import engineNl from '../app/core/i18n/nl.json';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import { LOCALES, type Lang } from './support/texts';
import { walker } from './support/walk';

type Tree = { [k: string]: string | string[] | Tree };
const strings = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : strings(v)));

/**
 * English texts that must never show in Dutch: the literal pieces (between placeholders) of every
 * UI and engine string whose Dutch differs, long enough to be unambiguous, plus the engine's own
 * English progress and result messages (app/system) the UI must replace with its own words.
 */
function englishOnly(): string[] {
  const nl = new Set([...strings(LOCALES.nl as unknown as Tree), ...strings(engineNl as unknown as Tree)]);
  const pieces = [...strings(LOCALES.en as unknown as Tree), ...strings(engineEn as unknown as Tree)]
    .filter((s) => !nl.has(s))
    .flatMap((s) => s.split(/\{\{[^}]+\}\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 18 && /[a-z]{4} [a-z]{3}/i.test(s));
  return [...new Set([...pieces, 'Applied and verified', 'Checking routes', 'Re-reading the route table', 'reversed', 'Taking a backup'])];
}

/**
 * 720×560 in Dutch (issue 13 items 9 and 10): every screen of the walk keeps the language switch
 * reachable, scrolls only vertically, and shows no English.
 */
describe.skipIf(!hasChromium())('small window, Dutch, no English', () => {
  let h: Harness;
  const lang: Lang = 'nl';
  const english = englishOnly();

  beforeAll(async () => {
    h = await openDemoApp(lang, { scan: false });
    await h.page.setViewportSize({ width: 720, height: 560 });
  });
  afterAll(async () => h?.close());

  const checkScreen = async (name: string): Promise<void> => {
    const sideways = (await h.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(sideways, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await h.page.evaluate('window.scrollTo(0, 0)');
    const nlButton = h.page.getByRole('button', { name: LOCALES.nl.language.nl });
    const box = (await nlButton.boundingBox())!;
    expect(box.x + box.width, `${name}: language switch off screen`).toBeLessThanOrEqual(720);
    expect(box.y + box.height).toBeLessThanOrEqual(560);
    const text = (await h.page.evaluate('document.body.innerText')) as string;
    const found = english.filter((e) => text.includes(e));
    expect(found, `${name} shows English`).toEqual([]);
  };

  it('start, findings and a finding page', async () => {
    const w = walker(h.page, lang);
    await checkScreen('start');
    await w.scan();
    await checkScreen('findings');
    await shoot(h.page, 'small-findings-nl', { fullPage: false });
    await w.openFinding('route.vpn-default-route-wins');
    for (const id of ['other-fixes', 'route-table', 'details-it']) await h.page.getByTestId(id).locator(':scope > summary').click();
    await checkScreen('finding');
    await shoot(h.page, 'small-finding-nl', { fullPage: false });
  });

  it('consent, apply result, fixed row, undo, history, connection problems', async () => {
    const w = walker(h.page, lang);
    await w.openConsent();
    await checkScreen('consent');
    expect(await w.applyAndWait()).toBe('ok');
    await checkScreen('result');
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.getByTestId('fixed-row').waitFor();
    await checkScreen('fixed row');
    await h.page.getByTestId('fixed-row').getByRole('button', { name: w.t.undo.button }).click();
    await h.page.getByTestId('fixed-row').waitFor({ state: 'detached' });
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    await h.page.getByTestId('history-item').first().waitFor();
    await checkScreen('history');
    await h.page.getByRole('button', { name: w.t.nav.connections }).click();
    await h.page.locator('#connections-title').waitFor();
    await checkScreen('connection problems');
    expect(h.pageErrors).toEqual([]);
  });
});
