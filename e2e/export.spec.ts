import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopEngine } from '../app/system/desktop-engine';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { openApp, type Harness } from './support/harness';
import { LOCALES } from './support/texts';
import { walker } from './support/walk';

/**
 * "Export report" and "Send to IT": main renders the report as the person sees it now (fixes
 * applied or undone since the scan, in the UI's language, with the traffic diagram) and saves it
 * where the person chooses; Send to IT leaves out names and public addresses.
 */
describe.skipIf(!hasChromium())('export report', () => {
  let h: Harness;
  const saved: { suggestedName: string; content: string }[] = [];
  const last = (): string => saved.at(-1)!.content;
  beforeAll(async () => {
    await ensureRendererBuilt();
    const engine = createDesktopEngine({ source: 'demo', dataDir: mkdtempSync(join(tmpdir(), 'tm-export-')) });
    h = await openApp(engine, { saveExport: async (file) => (saved.push(file), { saved: true, fileName: file.suggestedName }) });
  });
  afterAll(async () => h?.close());

  it('saves a self-contained HTML report of this scan, with the diagram, and says where', async () => {
    const t = LOCALES.en;
    await walker(h.page, 'en').scan();
    await h.page.getByRole('button', { name: t.export.button }).click();
    await h.page.getByRole('status').filter({ hasText: 'Saved as' }).first().waitFor();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toMatch(/^tunnelmedic-report-.*\.html$/);
    expect(last()).toContain('The VPN takes all your Internet traffic');
    expect(last()).toMatch(/<svg [^>]*role="img"/);
    expect(last()).toContain('Internet: today through VPN tunnel (Corp VPN) — that is the problem; after the fix through Wi-Fi, Router 161.44.17.1.');
    expect(last()).not.toMatch(/<script/i);
  });

  it('after a fix the export shows the state now and the run, not the scan it started from', async () => {
    const w = walker(h.page, 'en');
    await w.openConsent();
    expect(await w.applyAndWait()).toBe('ok');
    await h.page.getByRole('button', { name: w.t.apply.backToResults }).click();
    await h.page.getByRole('button', { name: w.t.export.button }).click();
    await h.page.waitForTimeout(50);
    await expect.poll(() => saved.length).toBe(2);
    expect(last()).not.toContain('The VPN takes all your Internet traffic');
    expect(last()).toMatch(/<h2>Applied runs<\/h2>.*route\.vpn-default-route-wins:split-now.*applied and verified/s);
  });

  it('in Dutch, and redacted for IT', async () => {
    const nl = LOCALES.nl;
    await h.page.getByRole('button', { name: LOCALES.en.language.nl }).click();
    await h.page.getByTestId('overall').waitFor();
    await h.page.getByRole('button', { name: nl.export.sendToIt }).click();
    await expect.poll(() => saved.length).toBe(3);
    expect(saved[2]!.suggestedName).toMatch(/-redacted\.html$/);
    expect(last()).toContain('<html lang="nl">');
    expect(last()).toContain('<h1>TunnelMedic-rapport</h1>');
    expect(last()).toContain('Uitgevoerde oplossingen');
    expect(last()).not.toContain('LAPTOP-DEMO');
    expect(h.pageErrors).toEqual([]);
  });
});
