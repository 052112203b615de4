import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopEngine } from '../app/system/desktop-engine';
import { openApp, type Harness } from './support/harness';
import { walker } from './support/walk';

/** The "Export report" button: main renders the report and saves it where the person chooses. */
describe('export report', () => {
  let h: Harness;
  const saved: { suggestedName: string; content: string }[] = [];
  beforeAll(async () => {
    const engine = createDesktopEngine({ source: 'demo', dataDir: mkdtempSync(join(tmpdir(), 'tm-export-')) });
    h = await openApp(engine, { saveExport: async (file) => (saved.push(file), { saved: true, fileName: file.suggestedName }) });
  });
  afterAll(async () => h?.close());

  it('saves a self-contained HTML report of this scan and says where', async () => {
    await walker(h.page, 'en').scan();
    await h.page.getByRole('button', { name: 'Export report…' }).click();
    await h.page.getByRole('status').filter({ hasText: 'Saved as' }).waitFor();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toMatch(/^tunnelmedic-report-.*\.html$/);
    expect(saved[0]!.content).toContain('The VPN takes all your Internet traffic');
    expect(saved[0]!.content).not.toMatch(/<script/i);
  });
});
