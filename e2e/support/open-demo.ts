import { ensureRendererBuilt } from './build';
import { createDemoEngine } from './demo-engine';
import { openApp, type Harness } from './harness';
import { BROWSER_LOCALE, type Lang } from './texts';
import { walker } from './walk';

/** The built renderer on a fresh demo engine in the browser language of `lang`; scanned unless asked not to. */
export async function openDemoApp(lang: Lang, opts: { scan?: boolean } = {}): Promise<Harness> {
  await ensureRendererBuilt();
  const { engine } = await createDemoEngine({ locale: lang });
  const h = await openApp(engine, { locale: BROWSER_LOCALE[lang] });
  if (opts.scan !== false) await walker(h.page, lang).scan();
  return h;
}
