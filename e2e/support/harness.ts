import type { Page } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesktopEngine } from '../../app/shared/engine-port';
import { createIpcDispatcher, type CaptureSources, type ChooseLogFile, type SaveExport } from '../../app/main/ipc-handlers';
import { launchChromium } from './browser';
import { installBridge, ProgressHub } from './bridge';
import { serveRenderer } from './static-server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface Harness {
  page: Page;
  origin: string;
  /** console errors and CSP violations seen in the page */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** Built renderer + system Chromium + the bridge to the real IPC dispatcher over `engine`. */
export async function openApp(engine: DesktopEngine, opts: { locale?: string; headless?: boolean; colorScheme?: 'light' | 'dark'; saveExport?: SaveExport; chooseLogFile?: ChooseLogFile; captures?: CaptureSources } = {}): Promise<Harness> {
  const server = await serveRenderer(RENDERER_DIR);
  const browser = await launchChromium({ locale: opts.locale, headless: opts.headless, colorScheme: opts.colorScheme });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  const progress = new ProgressHub();
  const dispatcher = createIpcDispatcher(engine, progress.send, opts.saveExport, opts.chooseLogFile, opts.captures);
  await installBridge(page, dispatcher, { progress, trustedOrigin: server.origin });
  await page.goto(`${server.origin}/index.html`);
  return {
    page,
    origin: server.origin,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
