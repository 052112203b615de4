import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DOCS_DIR = path.join(ROOT, 'docs', 'screenshots');

/**
 * Saves to test-results/ (the test artifacts). `doc: true` marks the four key screens that README
 * shows; they are copied to docs/screenshots/ only with TM_UPDATE_DOCS=1, so a test run does not
 * rewrite committed files.
 */
export async function shoot(page: Page, name: string, opts: { doc?: boolean; fullPage?: boolean } = {}): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  if (opts.doc && process.env.TM_UPDATE_DOCS === '1') {
    await mkdir(DOCS_DIR, { recursive: true });
    await copyFile(file, path.join(DOCS_DIR, `${name}.png`));
  }
  return file;
}
