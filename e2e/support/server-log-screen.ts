import { copyFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureRendererBuilt } from './build';
import { createCaptureEngine, sampleDir } from './engines';
import { openApp, type Harness } from './harness';
import { DOCS_DIR, RESULTS_DIR } from './screens';
import { BROWSER_LOCALE, LOCALES, type Lang } from './texts';
import { walker } from './walk';

/**
 * "Paste the server's log" on Connection problems (issue 14), shared by the e2e/server-log*.spec.ts files: the window opened on
 * the Windows 11 capture whose RasClient log has a 742 for "Partner L2TP" at 09:21:07Z, scanned, on Connection problems.
 */

/** the router's PROTREJ at 10:21:05 (router clock on UTC+1) is decoded and folded into the PC's encryption finding */
export const ROUTER_LOG = ['Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)', 'Nov 18 10:21:05.300: Vi1 LCP: O TERMREQ [Open] id 6 len 4', 'Ticket INC-4711: VPN fails for Anna'].join('\n');

export const SAYS: Record<Lang, { decoded: string; apart: string; verdict: string; empty: string; routePrint: string; npsVerdict: string; nps: string }> = {
  en: { decoded: 'The router refused the encryption (CCP) the PC proposed: MPPE 40-bit or 56-bit, stateless.', apart: 'are 2 s apart', verdict: '2 of 3 log lines understood. Recognised: Cisco IOS 2 lines.', empty: 'Nothing to explain: the log is empty.', routePrint: 'This is a Windows "route print", not a server log.', npsVerdict: '2 of 2 log lines understood.', nps: 'NPS denied access to K12.TX.US\\abusby (event 6273, authentication PEAP / Microsoft: Secured password (EAP-MSCHAP v2)): the domain in the user name does not exist (NPS reason 7, IAS_NO_SUCH_DOMAIN)' },
  nl: { decoded: 'De router weigerde de versleuteling (CCP) die de pc voorstelde: MPPE 40-bits of 56-bits, staatloos.', apart: 'liggen 2 s uit elkaar', verdict: '2 van 3 logregels begrepen. Herkend: Cisco IOS 2 regels.', empty: 'Niets uit te leggen: het logboek is leeg.', routePrint: 'Dit is een Windows-"route print", geen serverlogboek.', npsVerdict: '2 van 2 logregels begrepen.', nps: 'NPS weigerde K12.TX.US\\abusby toegang (gebeurtenis 6273, verificatie PEAP / Microsoft: Secured password (EAP-MSCHAP v2)): het domein in de gebruikersnaam bestaat niet (NPS-redencode 7, IAS_NO_SUCH_DOMAIN)' },
};

/** a held real server log (test/fixtures/real/server-logs; its source in test/fixtures/real/SOURCES.md) */
export function realLog(name: string): Buffer {
  return readFileSync(path.join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'real', 'server-logs', name));
}

/** Two NPS events as a forum showed them, pasted from Event Viewer (SOURCES.md: Microsoft Q&A 2617618). */
export const NPS_EVENTS = realLog('nps-eventviewer-4402-no-dc-and-6273-reason-7-label-value-lines.txt').toString('utf8');

/** A Cisco router's own PPPoE dial-out: its ISP asked for CHAP and it has no CHAP name. */
export const ROUTER_OWN_LOG = realLog('ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt').toString('utf8');


/** `maxHeight`: only the panel's top (a long log's list of lines made a screenshot of several megabytes) */
export async function shootPanel(h: Harness, name: string, doc: boolean, maxHeight?: number): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  const box = maxHeight ? await h.page.getByTestId('server-log').boundingBox() : null;
  // (a full-page clip is in page coordinates, the box in the viewport's)
  const scroll = box ? await h.page.evaluate('({ x: window.scrollX, y: window.scrollY })') as { x: number; y: number } : undefined;
  if (box && scroll) await h.page.screenshot({ path: file, animations: 'disabled', fullPage: true, clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: box.width, height: Math.min(box.height, maxHeight!) } });
  else await h.page.getByTestId('server-log').screenshot({ path: file, animations: 'disabled' });
  if (doc && process.env.TM_UPDATE_DOCS === '1') {
    await mkdir(DOCS_DIR, { recursive: true });
    await copyFile(file, path.join(DOCS_DIR, `${name}.png`));
  }
}

export type ServerLogTexts = { nav: { connections: string; results: string }; scan: { start: string }; export: { button: string }; serverLog: Record<string, string> };

export interface ServerLogScreen {
  /** the window (set in beforeAll) */
  h: Harness;
  t: ServerLogTexts;
  panel: () => Locator;
  /** pastes the text, presses "Explain the log" and waits for the verdict */
  explain: (text: string) => Promise<void>;
  /** what main's open dialog answers ("Read a big file…"): a path, or undefined when the person cancels */
  chosen: string | undefined;
  /** the reports "Export report…" saved (main's save dialog answered: saved) */
  saved: string[];
  /** scans the engine ran (each gets a new run token) */
  scans: number;
}

/** Registers the window's opening (beforeAll) and closing (afterAll) in the describe block that calls it. */
export function openServerLogScreen(lang: Lang): ServerLogScreen {
  const t = LOCALES[lang] as unknown as ServerLogTexts;
  const screen: ServerLogScreen = {
    h: undefined as unknown as Harness,
    t,
    panel: () => screen.h.page.getByTestId('server-log'),
    explain: async (text) => {
      await screen.panel().getByLabel(t.serverLog.label!).fill(text);
      await screen.panel().getByRole('button', { name: t.serverLog.explain }).click();
      await screen.panel().getByTestId('server-log-verdict').waitFor();
    },
    chosen: undefined,
    saved: [],
    scans: 0,
  };
  beforeAll(async () => {
    await ensureRendererBuilt();
    const { engine } = await createCaptureEngine(sampleDir('win11-ras-errors'), { locale: lang });
    const scan = engine.scan.bind(engine);
    engine.scan = (...args) => (screen.scans++, scan(...args));
    screen.h = await openApp(engine, { locale: BROWSER_LOCALE[lang], chooseLogFile: async () => screen.chosen, saveExport: async (file) => (screen.saved.push(file.content), { saved: true, fileName: file.suggestedName }) });
    await screen.h.page.getByRole('button', { name: t.nav.connections, exact: true }).click();
    await screen.h.page.getByRole('button', { name: walker(screen.h.page, lang).t.scan.start }).click();
    await screen.h.page.getByTestId('attempt').first().waitFor();
  });
  afterAll(async () => screen.h?.close());
  return screen;
}
