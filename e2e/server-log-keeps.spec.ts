import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import { openServerLogScreen, ROUTER_LOG, SAYS, shootPanel } from './support/server-log-screen';
import { LOCALES, type Lang } from './support/texts';

/**
 * What the panel keeps: across screens, a new scan and the export; what Clear makes main forget.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('the server\'s log kept and forgotten (%s)', (lang: Lang) => {
  const screen = openServerLogScreen(lang);
  const { t, panel, explain } = screen;

  /** "Export report…" on the results screen, then back to Connection problems: the HTML report as screen.saved. */
  const exportFromHome = async (): Promise<string> => {
    const count = screen.saved.length;
    await screen.h.page.getByRole('button', { name: t.nav.results, exact: true }).click();
    await screen.h.page.getByRole('button', { name: t.export.button }).click();
    await expect.poll(() => screen.saved.length).toBe(count + 1);
    await screen.h.page.getByRole('button', { name: t.nav.connections, exact: true }).click();
    await panel().waitFor();
    return screen.saved.at(-1)!;
  };

  it('leaving the screen loses nothing (the same text and explanation on return, the export still holds the log); Clear makes main forget it: the report exported after it holds none, pasted or read in full', { timeout: 120_000 }, async () => {
    // the router's line, decoded, is what the report shows of a server log it holds
    const routerSays = SAYS[lang].decoded.slice(0, 40);
    await explain(ROUTER_LOG);
    const verdict = await panel().getByTestId('server-log-verdict').textContent();
    expect(await exportFromHome()).toContain(routerSays);
    // back on this screen: the same text, explanation and finding, and main still has the log for the next export
    expect(await panel().getByLabel(t.serverLog.label!).inputValue()).toBe(ROUTER_LOG);
    expect(await panel().getByTestId('server-log-verdict').textContent()).toBe(verdict);
    expect(await panel().getByTestId('server-log-lines').textContent()).toContain(SAYS[lang].decoded);
    expect(await panel().getByTestId('server-log-finding').getAttribute('data-finding-id')).toBe('vpn.encryption-mismatch');
    await shootPanel(screen.h, `server-log-came-back${lang === 'en' ? '' : `-${lang}`}`, false, 900);
    expect(await exportFromHome()).toContain(routerSays);
    // cleared: Clear makes main forget it
    await panel().getByTestId('server-log-clear').click();
    expect(await panel().getByTestId('server-log-verdict').count()).toBe(0);
    // said once main has let go of it
    expect(await panel().getByTestId('server-log-cleared').textContent()).toBe(t.serverLog.cleared);
    expect(await exportFromHome()).not.toContain(routerSays);
    // a file read in full, then cleared: the same, and main no longer has the file
    const dir = await mkdtemp(path.join(tmpdir(), 'tm-e2e-clear-'));
    const chosen = (screen.chosen = path.join(dir, 'router.log'));
    await writeFile(chosen, ROUTER_LOG);
    await panel().getByTestId('server-log-open-full').click();
    await panel().getByTestId('server-log-opened').waitFor();
    await panel().getByTestId('server-log-clear').click();
    expect(await panel().getByTestId('server-log-opened').count()).toBe(0);
    await panel().getByTestId('server-log-cleared').waitFor();
    await shootPanel(screen.h, `server-log-cleared${lang === 'en' ? '' : `-${lang}`}`, true);
    expect(await exportFromHome()).not.toContain(routerSays);
  });

  it('a new scan (Check again) keeps the log: explained again with that scan, and the new scan\'s export holds it', { timeout: 120_000 }, async () => {
    const routerSays = SAYS[lang].decoded.slice(0, 40);
    await explain(ROUTER_LOG);
    const scansBefore = screen.scans;
    await screen.h.page.getByRole('button', { name: t.nav.results, exact: true }).click();
    const tt = LOCALES[lang] as unknown as { scan: { again: string } };
    await screen.h.page.getByRole('button', { name: tt.scan.again }).click();
    await screen.h.page.getByRole('button', { name: tt.scan.again }).waitFor();
    await screen.h.page.getByRole('button', { name: t.nav.connections, exact: true }).click();
    await panel().getByTestId('server-log-verdict').waitFor();
    expect(await panel().getByLabel(t.serverLog.label!).inputValue()).toBe(ROUTER_LOG);
    expect(await panel().getByTestId('server-log-verdict').textContent()).toBe(SAYS[lang].verdict);
    // explained again with the new scan: the PC's 742 of that scan is the finding's other side
    expect(await panel().getByTestId('server-log-finding').getAttribute('data-finding-id')).toBe('vpn.encryption-mismatch');
    expect(await panel().getByTestId('server-log-finding').textContent()).toContain(SAYS[lang].apart);
    expect(screen.scans).toBe(scansBefore + 1);
    expect(await exportFromHome()).toContain(routerSays);
    await panel().getByTestId('server-log-clear').click();
    await panel().getByTestId('server-log-cleared').waitFor();
    expect(await exportFromHome()).not.toContain(routerSays);
  });
});
