import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineSwitch } from '../app/main/engine-switch';
import { checkCaptureFolder } from '../app/system/capture-check';
import { createDesktopEngine } from '../app/system/desktop-engine';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { shoot } from './support/screens';
import { BROWSER_LOCALE, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * Open a PC's capture from the window (round 44): the button next to the check calls main's real openCapture handler (folder
 * dialog stood in by the chooser below, as other specs choose files), which checks the folder and switches the window's engine to
 * it — whose PC, when, read-only — and back to the demo. A folder that is no capture is refused in the UI's language.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('open a PC\'s capture from the window (%s)', (lang: Lang) => {
  let h: Harness;
  let chosen: string | undefined;
  let empty: string;
  let report: string;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tunnelmedic-e2e-open-capture-'));
    // fixed names: the screenshots show them
    empty = path.join(dataDir, 'empty-folder');
    report = path.join(dataDir, 'tunnelmedic-report');
    await mkdir(empty);
    await mkdir(report);
    await writeFile(path.join(report, 'report.html'), '<html></html>');
    const make = (c: { source: 'live' | 'demo' } | { source: 'capture'; captureDir: string }) => createDesktopEngine({ ...c, dataDir, locale: lang });
    const sources = createEngineSwitch({ start: { engine: make({ source: 'demo' }), source: 'demo' }, home: 'demo', make, check: checkCaptureFolder });
    h = await openApp(sources.engine, { locale: BROWSER_LOCALE[lang], captures: { chooseFolder: async () => chosen, sources } });
  });
  afterAll(async () => h?.close());

  it('an empty folder and a report are refused in the UI\'s language; the demo stays', async () => {
    const w = walker(h.page, lang);
    await w.scan();
    chosen = empty;
    await h.page.getByTestId('open-capture').click();
    const notice = h.page.getByTestId('error-notice').filter({ hasText: w.t.capture.openFailed });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(lang === 'en' ? 'holds none of the capture files' : 'bevat geen van de opnamebestanden');
    chosen = report;
    await h.page.getByTestId('open-capture').click();
    await h.page.locator('[data-code="REPORT_NOT_CAPTURE"]').waitFor();
    await expect(h.page.locator('[data-code="REPORT_NOT_CAPTURE"]').textContent()).resolves.toContain(lang === 'en' ? 'not a capture' : 'geen opname');
    await shoot(h.page, lang === 'en' ? 'open-capture-refused' : 'open-capture-refused-nl', { fullPage: false, doc: true });
    await expect(h.page.getByTestId('source-label').textContent()).resolves.toBe(w.t.banner.demoTitle);
  });

  it('a capture: whose PC and when in the banner, checked at once, scripts instead of fixes; then back to the demo', async () => {
    const w = walker(h.page, lang);
    chosen = sampleDir('xp-registry');
    await h.page.getByTestId('open-capture').click();
    await h.page.getByTestId('source-label').filter({ hasText: 'XP-LAPTOP' }).waitFor();
    const label = await h.page.getByTestId('source-label').textContent();
    expect(label).toContain(lang === 'en' ? 'captured November 21, 2026' : 'gemaakt op 21 november 2026');
    expect(label).not.toContain(sampleDir(''));
    await h.page.getByTestId('overall').waitFor();
    expect(await h.page.getByTestId('error-notice').count()).toBe(0);
    // the check's intro speaks of the captured PC, not of this computer (it said "how this computer sends traffic" before)
    expect(await h.page.getByTestId('scan-intro').textContent()).toBe(w.t.scan.introCapture);
    await shoot(h.page, lang === 'en' ? 'open-capture' : 'open-capture-nl', { fullPage: false, doc: true });
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await w.openFinding('ras.keep-connections-disabled');
    // a capture of another PC: nothing is applied here, its fix is a script for that PC
    expect(await h.page.getByRole('button', { name: w.t.fix.apply }).count()).toBe(0);
    await h.page.getByTestId('fix-button').first().waitFor();

    await h.page.getByTestId('leave-capture').click();
    await expect.poll(() => h.page.getByTestId('source-label').textContent()).toBe(w.t.banner.demoTitle);
    await h.page.getByTestId('overall').waitFor();
    expect(await h.page.getByTestId('scan-intro').textContent()).toBe(w.t.scan.intro);
    expect(h.pageErrors).toEqual([]);
  });

  it('a damaged capture is read as far as it goes, and says what was missing', async () => {
    chosen = sampleDir('win95-osr2');
    await h.page.getByTestId('open-capture').click();
    await h.page.getByTestId('source-label').filter({ hasText: 'win95-osr2' }).waitFor();
    const notes = h.page.getByTestId('capture-notes');
    await notes.locator('summary').click();
    // no host name in its capture.json: the folder's name, and its time
    await expect(h.page.getByTestId('source-label').textContent()).resolves.toContain(lang === 'en' ? 'win95-osr2, captured November 18, 2026' : 'win95-osr2, gemaakt op 18 november 2026');
    await expect(notes.textContent()).resolves.toContain(lang === 'en' ? 'Not collected on that PC: rasclient-events.txt' : 'Niet verzameld op die pc: rasclient-events.txt');
    await h.page.getByTestId('overall').waitFor();
  });
});
