import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type DesktopEngine } from '../app/shared/engine-port';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createDemoEngine } from './support/demo-engine';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * Every error screen has a way forward (issue 13 item 7): Try again / Check again / Copy details,
 * in the UI's language (the engine's English message only under the technical details); after a
 * stale plan (the machine changed since the check) the app checks again by itself.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('errors with a way forward (%s)', (lang: Lang) => {
  let h: Harness;
  const calls = { scan: 0 };
  const fail = { scan: true, apply: true, history: true };

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createDemoEngine({ locale: lang });
    const flaky: DesktopEngine = {
      ...engine,
      scan: async (o, p) => {
        calls.scan++;
        if (fail.scan) {
          fail.scan = false;
          throw new EngineError('BAD_INPUT', 'Reading demo machine failed: disk on fire.', 'ENOENT route-print.txt');
        }
        return engine.scan(o, p);
      },
      applyFixes: async (token, ids, p) => {
        if (fail.apply) {
          fail.apply = false;
          throw new EngineError('PRECONDITION_FAILED', 'The machine changed since you reviewed the fix; scan again and review the new plan.', ids[0]);
        }
        return engine.applyFixes(token, ids, p);
      },
      history: async () => {
        if (fail.history) {
          fail.history = false;
          throw new EngineError('INTERNAL', 'journal unreadable');
        }
        return engine.history();
      },
    };
    // English in light, Dutch in dark: axe sees the error screens in both schemes
    h = await openApp(flaky, { locale: BROWSER_LOCALE[lang], colorScheme: lang === 'en' ? 'light' : 'dark' });
  });
  afterAll(async () => h?.close());

  const check = async (screen: string): Promise<void> => {
    const violations = serious(await axeViolations(h.page));
    expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
  };

  it('a failed check says so in the UI language, offers Try again and Copy details, and Try again works', async () => {
    const w = walker(h.page, lang);
    await h.page.getByRole('button', { name: w.t.scan.start }).click();
    const notice = h.page.getByTestId('error-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(w.t.engineError.BAD_INPUT);
    expect(await notice.locator('p').nth(1).textContent()).not.toContain('disk on fire');
    expect(await notice.getByRole('button', { name: w.t.errors.copy }).count()).toBe(1);
    await check('scan error');
    await shoot(h.page, `error-scan-${lang}`, { fullPage: false });
    await notice.getByRole('button', { name: w.t.errors.retry }).click();
    await h.page.getByTestId('overall').waitFor();
    expect(await h.page.getByTestId('error-notice').count()).toBe(0);
  });

  it('a stale plan: the app checks again by itself and says so', async () => {
    const w = walker(h.page, lang);
    const before = calls.scan;
    await w.openConsent();
    await h.page.getByRole('button', { name: w.t.consent.apply }).click();
    const notice = h.page.getByTestId('error-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('PRECONDITION_FAILED');
    await expect(h.page.getByTestId('rechecked').textContent()).resolves.toMatch(new RegExp(`${w.t.apply.rechecked.slice(0, 30)}|${w.t.apply.recheckRunning.slice(0, 30)}`));
    await expect.poll(() => calls.scan).toBe(before + 1);
    await h.page.getByTestId('rechecked').filter({ hasText: w.t.apply.rechecked.slice(0, 30) }).waitFor();
    await check('stale plan');
    await shoot(h.page, `error-stale-${lang}`, { fullPage: false });
  });

  it('history that cannot be loaded offers Try again', async () => {
    const w = walker(h.page, lang);
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.getByRole('button', { name: w.t.nav.history }).click();
    const notice = h.page.getByTestId('error-notice');
    await notice.waitFor();
    await check('history error');
    await notice.getByRole('button', { name: w.t.errors.retry }).click();
    await h.page.getByTestId('error-notice').waitFor({ state: 'detached' });
    expect(h.pageErrors.filter((e) => !/clipboard/i.test(e))).toEqual([]);
  });
});
