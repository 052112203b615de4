/**
 * `npx tsx e2e/support/tour.ts OUT_DIR`: screenshots of every screen of the demo walk (and two
 * captures) at three window sizes, en and nl, light and dark — for looking at the UI, not a test.
 * Also prints the clicks and scrolls from start to "fixed" at 1280×800.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureRendererBuilt } from './build';
import { createDemoEngine } from './demo-engine';
import { createCaptureEngine, sampleDir } from './engines';
import { openApp } from './harness';
import { BROWSER_LOCALE, LOCALES, type Lang } from './texts';

const out = path.resolve(process.argv[2] ?? 'test-results/tour');
const SIZES = [
  { w: 1280, h: 800 },
  { w: 1024, h: 640 },
  { w: 720, h: 560 },
] as const;

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false, animations: 'disabled' });
}

async function demoWalk(lang: Lang, scheme: 'light' | 'dark', size: { w: number; h: number }, full: boolean): Promise<void> {
  const t = LOCALES[lang];
  const { engine } = await createDemoEngine({ locale: lang });
  const h = await openApp(engine, { locale: BROWSER_LOCALE[lang], colorScheme: scheme });
  const p = h.page;
  await p.setViewportSize({ width: size.w, height: size.h });
  const tag = `${lang}-${scheme}-${size.w}`;
  try {
    await snap(p, `${tag}-01-start`);
    await p.getByRole('button', { name: t.scan.start }).click();
    await p.getByTestId('overall').waitFor();
    await snap(p, `${tag}-02-findings`);
    await p.locator('.finding-row').first().click();
    await p.locator('#finding-title').waitFor();
    await snap(p, `${tag}-03-finding`);
    if (full) await p.screenshot({ path: path.join(out, `${tag}-03-finding-full.png`), fullPage: true });
    const applyBtn = p.getByRole('button', { name: t.fix.apply }).first();
    const box = await applyBtn.boundingBox();
    console.log(`${tag}: apply button at y=${box ? Math.round(box.y) : 'none'} (viewport ${size.h})`);
    if (!full) return;
    await applyBtn.click();
    await p.getByRole('dialog').waitFor();
    await snap(p, `${tag}-04-consent`);
    await p.getByRole('button', { name: t.consent.apply }).click();
    await p.getByTestId('run-outcome').waitFor({ timeout: 20_000 });
    await snap(p, `${tag}-05-result`);
    await p.screenshot({ path: path.join(out, `${tag}-05-result-full.png`), fullPage: true });
    await p.getByRole('button', { name: t.undo.button, exact: true }).click();
    await p.locator('[data-outcome="undone"]').waitFor({ timeout: 20_000 });
    await p.screenshot({ path: path.join(out, `${tag}-06-undone-full.png`), fullPage: true });
    await p.getByRole('button', { name: t.nav.history }).click();
    await p.getByTestId('history-item').first().waitFor();
    await snap(p, `${tag}-07-history`);
    await p.getByRole('button', { name: t.nav.results }).click();
    await p.getByRole('button', { name: t.nav.connections }).click();
    await p.waitForTimeout(200);
    await p.screenshot({ path: path.join(out, `${tag}-08-connections-full.png`), fullPage: true });
  } finally {
    await h.close();
  }
}

async function captureWalk(sample: string, lang: Lang): Promise<void> {
  const t = LOCALES[lang];
  const { engine } = await createCaptureEngine(sampleDir(sample), { locale: lang });
  const h = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
  const p = h.page;
  await p.setViewportSize({ width: 1280, height: 800 });
  try {
    await p.getByRole('button', { name: t.scan.start }).click();
    await p.getByTestId('overall').waitFor();
    await p.screenshot({ path: path.join(out, `${sample}-${lang}-findings-full.png`), fullPage: true });
    await p.locator('.finding-row').first().click();
    await p.locator('#finding-title').waitFor();
    await p.screenshot({ path: path.join(out, `${sample}-${lang}-finding-full.png`), fullPage: true });
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  await ensureRendererBuilt();
  const only = process.env.TOUR_ONLY;
  for (const lang of ['en', 'nl'] as const) {
    for (const size of SIZES) {
      await demoWalk(lang, 'light', size, size.w === 1280 || (size.w === 720 && lang === 'nl'));
      if (only) break;
    }
    if (!only) await demoWalk(lang, 'dark', SIZES[0], false);
  }
  if (!only) for (const s of ['win11-ras-errors', 'xp-registry', 'nt4-sp5']) await captureWalk(s, 'nl');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
