import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { ensureRendererBuilt } from './support/build';
import { ROOT } from './support/harness';
import { shoot } from './support/screens';
import { walker } from './support/walk';

const ELECTRON = path.join(ROOT, 'node_modules', 'electron', 'dist', process.platform === 'win32' ? 'electron.exe' : 'electron');
const hasElectron = existsSync(ELECTRON);

if (!hasElectron) {
  describe('Electron walk', () => {
    it.skip(`skipped: no Electron binary at ${path.relative(ROOT, ELECTRON)} (the electron package's postinstall download did not run on this machine)`, () => undefined);
  });
} else {
  /** The same walk in the real app: real preload, real ipcMain handlers, CSP from main. */
  describe('Electron walk', () => {
    let app: ElectronApplication;
    let page: Page;
    beforeAll(async () => {
      await ensureRendererBuilt();
      const { execFileSync } = await import('node:child_process');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs')], { stdio: 'inherit' });
      const userData = await mkdtemp(path.join(os.tmpdir(), 'tunnelmedic-electron-'));
      app = await _electron.launch({
        executablePath: ELECTRON,
        args: [path.join(ROOT, 'dist', 'main', 'main.cjs'), '--demo', `--user-data-dir=${userData}`, '--no-sandbox', '--disable-gpu'],
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      });
      page = await app.firstWindow();
    });
    afterAll(async () => app?.close());

    it('exposes only the contract on window.tunnelmedic and no Node', async () => {
      expect(await page.evaluate('Object.keys(window.tunnelmedic).sort().join(",")')).toBe('appInfo,applyFixes,checkPptp,explainServerLog,exportReport,history,onProgress,rollback,routeFingerprint,saveFixScript,scan');
      expect(await page.evaluate('typeof require + typeof process')).toBe('undefinedundefined');
    });

    it('scans, applies with consent, verifies and undoes', async () => {
      const w = walker(page, 'en');
      await w.scan();
      await w.openFirstFinding();
      await w.openConsent();
      expect(await w.applyAndWait()).toBe('ok');
      await shoot(page, 'electron-verified');
      await page.getByRole('button', { name: w.t.undo.button, exact: true }).click();
      await page.locator('[data-outcome="undone"]').waitFor();
    });
  });
}
