import type { Frame, Page } from 'playwright-core';

type BindingSource = { frame: Frame; page: Page };
import { channels, type Progress } from '../../app/shared/ipc';
import { isTrustedUrl, type Dispatcher } from '../../app/main/ipc-handlers';

/**
 * Stands in for the preload in a plain browser: `window.tunnelmedic` gets one function per contract
 * channel (the list is passed in from `channels`, not typed here) plus onProgress, and every call goes
 * to the same dispatcher Electron's ipcMain uses — arguments validated by the same zod schemas.
 */

/** Progress from the engine to whichever page is listening (the dispatcher is created before the page). */
export class ProgressHub {
  private listeners = new Set<(p: Progress) => void>();
  send = (p: Progress): void => this.listeners.forEach((l) => l(p));
  subscribe(listener: (p: Progress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const INVOKE = '__tunnelmedicInvoke';
const PROGRESS_EVENT = 'tunnelmedic-progress';

export async function installBridge(page: Page, dispatcher: Dispatcher, opts: { progress?: ProgressHub; trustedOrigin: string }): Promise<void> {
  await page.exposeBinding(INVOKE, async (source: BindingSource, channel: unknown, args: unknown) => {
    // the same sender check main does: only our own page, not an iframe or another origin
    const url = source.frame.url();
    if (source.frame !== source.page.mainFrame() || !isTrustedUrl(url, { indexUrl: `${opts.trustedOrigin}/index.html`, devServerUrl: opts.trustedOrigin })) {
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'This request did not come from the TunnelMedic window.', detail: url } };
    }
    return dispatcher(String(channel), args);
  });

  opts.progress?.subscribe((p) => {
    page
      .evaluate(`window.dispatchEvent(new CustomEvent(${JSON.stringify(PROGRESS_EVENT)}, { detail: ${JSON.stringify(p)} }))`)
      .catch(() => undefined); // page navigating or closed: progress is best effort, like webContents.send
  });

  // a string, not a function: tsx/esbuild's keepNames would otherwise inject a `__name` helper
  // that does not exist in the page
  await page.addInitScript(`(() => {
    const names = ${JSON.stringify([...channels])};
    const call = window[${JSON.stringify(INVOKE)}];
    const api = {};
    for (const name of names) api[name] = (args) => call(name, args);
    api.onProgress = (listener) => {
      const handler = (e) => listener(e.detail);
      window.addEventListener(${JSON.stringify(PROGRESS_EVENT)}, handler);
      return () => window.removeEventListener(${JSON.stringify(PROGRESS_EVENT)}, handler);
    };
    Object.defineProperty(window, 'tunnelmedic', { value: Object.freeze(api), writable: false, configurable: false });
  })();`);
}
