import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser';
import type { Harness } from './support/harness';
import { openDemoApp } from './support/open-demo';
import { shoot } from './support/screens';
import type { Lang } from './support/texts';
import { walker } from './support/walk';

/**
 * The registry fix (KeepRasConnections) and the LMHOSTS fix on the demo machine's simulated
 * registry and LMHOSTS file, in English and Dutch: finding → what changes (before → after / the
 * file's diff) → consent (with the restart it needs) → apply → verified → undo → the finding is back.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('registry and LMHOSTS fixes (%s)', (lang: Lang) => {
  let h: Harness;
  const suffix = lang === 'en' ? '' : `-${lang}`;

  beforeAll(async () => {
    h = await openDemoApp(lang);
  });
  afterAll(async () => h?.close());

  it('shows the registry change in plain words: key, value, not set → 1 (REG_DWORD)', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('ras.keep-connections-disabled');
    const change = h.page.getByTestId('registry-change');
    const text = (await change.textContent()) ?? '';
    expect(text).toContain('HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters');
    expect(text).toContain('KeepRasConnections');
    await expect(h.page.getByTestId('reg-before').textContent()).resolves.toBe(w.t.changes.notSet);
    await expect(h.page.getByTestId('reg-after').textContent()).resolves.toBe('1');
    expect(text).toContain(w.t.changes.regType.REG_DWORD);
    expect(text).toContain(w.t.changes.undoDeleteValue);
    await expect(h.page.locator('.fix-card').textContent()).resolves.toContain(w.t.fix.strengthLastingText.registry);
    await shoot(h.page, `registry-change${suffix}`, { doc: lang === 'en' });
  });

  it('names the restart in the consent dialog; after the fix: Restart now / Later, and a reminder', async () => {
    const w = walker(h.page, lang);
    await w.openConsent();
    const restart = h.page.getByTestId('consent-restart');
    await expect(restart.textContent()).resolves.toContain(w.t.consent.restartTitle);
    await expect(restart.textContent()).resolves.toContain(w.t.restart.before);
    await shoot(h.page, `consent-restart${suffix}`, { doc: lang === 'en', fullPage: false });
    expect(await w.applyAndWait()).toBe('ok');
    const notice = h.page.getByTestId('restart-notice');
    await expect(notice.textContent()).resolves.toContain(w.t.restart.title);
    await notice.getByRole('button', { name: w.t.restart.later }).click();
    await expect(h.page.getByTestId('restart-reminder').textContent()).resolves.toContain(w.t.restart.reminderTitle);
    await shoot(h.page, `registry-verified${suffix}`);
    await w.undoAndBack();
    // the simulated registry is as before: the problem is found again
    await h.page.locator('[data-finding-id="ras.keep-connections-disabled"]').waitFor();
  });

  it('shows the LMHOSTS fix as a diff: unchanged lines dimmed and collapsed, added lines with + and line numbers', async () => {
    const w = walker(h.page, lang);
    await w.openFinding('lmhosts.missing-domain-entries');
    const diff = h.page.getByTestId('file-diff');
    await diff.waitFor();
    const added = diff.locator('tr.diff-added');
    expect(await added.count()).toBe(4);
    expect(await added.locator('.diff-no').nth(1).textContent()).toBe('5');
    await expect(added.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('10.13.1.10  DC1  #PRE  #DOM:CORP'), expect.stringContaining('"CORP           \\0x1B"  #PRE')]),
    );
    expect(await added.first().locator('.diff-sign').textContent()).toContain('+');
    expect(await diff.locator('tr.diff-removed').count()).toBe(0);
    // every character the fix writes is on screen: the long #BEGIN line wraps instead of running past the box's edge
    expect(await diff.locator('.diff-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // and the once-repeated sentences are said once: "the rest of the file stays" under the diff only
    const card = (await h.page.locator('.fix-card[data-recommended=true]').textContent()) ?? '';
    expect(card.split(w.t.diff.keeps.split(' (')[0]!).length - 1).toBe(1);
    // the first lines of the file are folded away; the two before the block are shown, dimmed
    expect(await diff.locator('tr.diff-same').count()).toBe(2);
    const expand = diff.getByRole('button', { name: w.t.diff.unchanged_other.replace('{{count}}', '2') });
    await expect(diff.textContent()).resolves.toContain(w.t.diff.counts_other.replace('{{count}}', '4').replace('{{removed}}', '0'));
    await h.page.locator('.what-changes').scrollIntoViewIfNeeded();
    await shoot(h.page, `lmhosts-diff${suffix}`, { doc: lang === 'en' });
    await expand.click();
    expect(await diff.locator('tr.diff-same').count()).toBe(4);
  });

  it('applies the LMHOSTS fix, verifies it, and undo brings back the original file', async () => {
    const w = walker(h.page, lang);
    await w.openConsent();
    expect(await h.page.getByTestId('consent-restart').count()).toBe(0);
    expect(await w.applyAndWait()).toBe('ok');
    await shoot(h.page, `lmhosts-verified${suffix}`);
    await w.undoAndBack();
    await w.openFinding('lmhosts.missing-domain-entries');
    // the same diff again: the file is back to its original four lines
    expect(await h.page.getByTestId('file-diff').locator('tr.diff-added').count()).toBe(4);
    expect(h.pageErrors).toEqual([]);
  });
});
