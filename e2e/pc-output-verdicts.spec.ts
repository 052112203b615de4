import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { ensureRendererBuilt } from './support/build';
import { createCaptureEngine, sampleDir } from './support/engines';
import { openApp, type Harness } from './support/harness';
import { DOCS_DIR, RESULTS_DIR } from './support/screens';
import { BROWSER_LOCALE, LOCALES, type Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * A PC's own command output pasted into "Paste the server's log" (round 44, hLC): a network test (Test-NetConnection on a
 * Portuguese Windows) and PowerShell's network settings (Get-NetIPConfiguration on a Chinese Windows) are each named in plain words
 * — before, "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/xl2tpd/mpd, strongSwan, …)".
 */
const REAL = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'real', 'server-logs');
const TNC = readFileSync(path.join(REAL, 'pc-output-test-netconnection-pt-aviso-tcp-443-and-ping-failed.txt'), 'utf8');
const NETIPCONFIG = readFileSync(path.join(REAL, 'pc-output-get-netipconfiguration-zh-alias-unidentified-network-three-adapters.txt'), 'utf8');

const SAYS: Record<Lang, { test: string; why: string; powershell: string }> = {
  en: { test: 'This is the output of a network test (ping, tracert, traceroute or Test-NetConnection), not a server log.', why: 'not why the VPN server refused the connection', powershell: "This is PowerShell output of a PC's network settings" },
  nl: { test: 'Dit is de uitvoer van een netwerktest (ping, tracert, traceroute of Test-NetConnection), geen serverlogboek.', why: 'niet waarom de VPN-server de verbinding weigerde', powershell: 'Dit is PowerShell-uitvoer met de netwerkinstellingen van een pc' },
};

describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)("a PC's output pasted as the server's log (%s)", (lang: Lang) => {
  let h: Harness;
  const t = LOCALES[lang] as unknown as { nav: { connections: string }; serverLog: Record<string, string> };
  const panel = () => h.page.getByTestId('server-log');
  const explain = async (text: string) => {
    await panel().getByLabel(t.serverLog.label!).fill(text);
    await panel().getByRole('button', { name: t.serverLog.explain }).click();
    await panel().getByTestId('server-log-verdict').waitFor();
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'), { locale: lang });
    h = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
    await h.page.getByRole('button', { name: t.nav.connections, exact: true }).click();
    await h.page.getByRole('button', { name: walker(h.page, lang).t.scan.start }).click();
    await h.page.getByTestId('attempt').first().waitFor();
  });
  afterAll(async () => h?.close());

  it('Test-NetConnection is a network test, Get-NetIPConfiguration PowerShell settings: each in plain words, no list of log formats', async () => {
    await explain(TNC);
    await h.page.locator('[data-testid=server-log-verdict][data-verdict=network-test]').waitFor();
    const verdict = (await panel().getByTestId('server-log-verdict').textContent()) ?? '';
    expect(verdict).toContain(SAYS[lang].test);
    expect(verdict).toContain(SAYS[lang].why);
    // (before: "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/xl2tpd/mpd, strongSwan, …)")
    expect(verdict).not.toContain('pppd');
    const violations = serious(await axeViolations(h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    const name = `server-log-network-test${lang === 'en' ? '' : `-${lang}`}`;
    await mkdir(RESULTS_DIR, { recursive: true });
    await panel().screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), animations: 'disabled' });
    if (process.env.TM_UPDATE_DOCS === '1') {
      await mkdir(DOCS_DIR, { recursive: true });
      await copyFile(path.join(RESULTS_DIR, `${name}.png`), path.join(DOCS_DIR, `${name}.png`));
    }
    await explain(NETIPCONFIG);
    await h.page.locator('[data-testid=server-log-verdict][data-verdict=powershell-network]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].powershell);
  });
});
