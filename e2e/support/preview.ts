/**
 * `npm run preview`: the built renderer in system Chromium, over the same bridge and IPC dispatcher
 * as the e2e specs, on the real engine's demo machine. No Electron needed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureRendererBuilt } from './build';
import { hasChromium, CHROMIUM } from './browser';
import { createDemoEngine } from './demo-engine';
import { openApp, ROOT } from './harness';

const exportsDir = path.join(ROOT, 'test-results', 'exports');

async function main(): Promise<void> {
  if (!hasChromium()) {
    console.error(`No Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set TUNNELMEDIC_CHROMIUM.`);
    process.exit(1);
  }
  await ensureRendererBuilt();
  const { engine, dataDir } = await createDemoEngine({ locale: process.env.LANG?.startsWith('nl') ? 'nl' : 'en' });
  const headed = !!process.env.DISPLAY || process.platform === 'win32' || process.platform === 'darwin';
  const h = await openApp(engine, {
    headless: !headed,
    saveExport: async ({ suggestedName, content }) => {
      await mkdir(exportsDir, { recursive: true });
      await writeFile(path.join(exportsDir, suggestedName), content, 'utf8');
      console.log(`report exported to ${path.join(exportsDir, suggestedName)}`);
      return { saved: true, fileName: suggestedName };
    },
  });
  console.log(`TunnelMedic preview on the demo machine (data: ${dataDir})`);

  if (!headed) {
    const shot = path.join(ROOT, 'test-results', 'preview.png');
    await mkdir(path.dirname(shot), { recursive: true });
    await h.page.screenshot({ path: shot, fullPage: true });
    console.log(
      [
        'No display (DISPLAY is not set), so no window can be opened here.',
        `The app started headless and a screenshot of its first screen was saved to ${shot}.`,
        'To click through it, run on a desktop session, or with a virtual display:  xvfb-run -a npm run preview',
        'or over SSH with X forwarding (ssh -X).  The e2e specs (npm run test:e2e) walk every screen headless.',
      ].join('\n'),
    );
    await h.close();
    return;
  }
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  await new Promise<void>((resolve) => {
    h.page.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await h.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
