import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 "Done when": Electronegativity (Doyensec's Electron security checker, 1.10.3, used
 * through its API: dist/runner.js) over the Electron main process and preload sources and the
 * renderer page finds nothing above LOW except the documented exceptions below; a new finding,
 * or an exception that no longer applies, fails. Budget ≈ 15 s.
 *
 * Offline: the runner fetches translations from GitHub (got, 1 s timeout) and one global check
 * fetches Electron's release list; the first is answered "offline" here, the second is excluded
 * (it judges the Electron version, which `npm audit`/Dependabot cover).
 */

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Reviewed findings that stay: check id, file, and why it is acceptable (README "Security"). */
const EXCEPTIONS: { id: string; file: RegExp; why: string }[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: /main\.ts$/,
    why: 'manual review: the preload (app/main/preload/preload.ts) exposes only the typed IPC contract through contextBridge; no Node API reaches the sandboxed renderer',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /main\.ts$/,
    why: 'manual review: openExternal is only called with URLs that pass the https allow-list of app/main/external-links.ts',
  },
];

interface Issue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  manualReview: boolean;
}

function offlineGot(): void {
  const i18n = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const gotPath = createRequire(i18n).resolve('got');
  const stub = new Module(gotPath);
  stub.exports = () => Promise.reject(new Error('offline (test)'));
  stub.loaded = true;
  require.cache[gotPath] = stub;
}

async function electronegativity(input: string): Promise<Issue[]> {
  offlineGot();
  const run = require('@doyensec/electronegativity/dist/runner.js') as (o: object) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
  const electronVersion = (require(join(ROOT, 'node_modules/electron/package.json')) as { version: string }).version;
  const log = console.log;
  console.log = () => undefined; // the runner prints progress even through its API
  try {
    const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
    expect(result.errors.filter((e) => !e.tolerable), `files electronegativity could not parse in ${input}`).toEqual([]);
    return result.issues;
  } finally {
    console.log = log;
  }
}

const LOW = 1; // electronegativity severity values (dist/finder/attributes.js): INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

describe('electronegativity', () => {
  it('finds nothing above LOW in app/main (main process + preload) and the renderer page, except the documented exceptions', async () => {
    // one run over both, so the global checks (navigation limits, CSP) see the whole app
    const dir = mkdtempSync(join(tmpdir(), 'tm-electronegativity-'));
    cpSync(join(ROOT, 'app/main'), join(dir, 'main'), { recursive: true });
    cpSync(join(ROOT, 'renderer/index.html'), join(dir, 'renderer/index.html'));
    const issues = await electronegativity(dir);
    const aboveLow = issues.filter((i) => i.severity.value > LOW).map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity.name }));
    const unexplained = aboveLow.filter((i) => !EXCEPTIONS.some((e) => e.id === i.id && e.file.test(i.file)));
    expect(unexplained).toEqual([]);
    // every exception still matches a finding: stale ones are removed, not carried along
    for (const e of EXCEPTIONS) expect(aboveLow.some((i) => i.id === e.id && e.file.test(i.file)), `${e.id} still found (${e.why})`).toBe(true);
  }, 60_000);

  it('would catch a regression: contextIsolation and sandbox off, no navigation limits are findings above LOW', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-electronegativity-'));
    writeFileSync(join(dir, 'bad.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n");
    const ids = (await electronegativity(dir)).filter((i) => i.severity.value > LOW).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  }, 60_000);
});
