import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { sampleDir } from './support/engines';
import { NPS_EVENTS, openServerLogScreen, realLog, ROUTER_LOG, SAYS, shootPanel } from './support/server-log-screen';
import type { Lang } from './support/texts';
import { tarOf } from '../test/support/tar-of';
import { markEncrypted } from '../test/support/zip-headers';

/**
 * Files dropped or chosen in the panel: no extension filter, keyboard focus, files that are no log, UTF-16, .tar.gz, .zip, .gz.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('the server\'s log as a file (%s)', (lang: Lang) => {
  const screen = openServerLogScreen(lang);
  const { t, panel, explain } = screen;

  it("the file field offers every file, as main's \"Read a big file…\" dialog does: a rotated `syslog.1` (no extension) and the .zip the hint names", async () => {
    const field = panel().getByTestId('server-log-file');
    // an `accept` list is the filter Windows' dialog opens on: it hid `syslog.1`, `messages` and the .zip the hint names
    expect(await field.getAttribute('accept')).toBeNull();
    const log = realLog('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt');
    await field.setInputFiles({ name: 'syslog.1', mimeType: 'application/octet-stream', buffer: log });
    await screen.h.page.locator('[data-testid=server-log-finding][data-finding-id="vpn.gre-blocked"]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? '42 of 42' : '42 van 42');
  });

  it('keyboard: Tab from "Explain the log" reaches "Or choose a file…" and shows where the focus is (its field is hidden inside it)', async () => {
    await panel().getByRole('button', { name: t.serverLog.explain }).focus();
    await screen.h.page.keyboard.press('Tab');
    expect(await screen.h.page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('server-log-file');
    // the focused field is a 1-pixel hidden input: the button around it must carry the focus ring (styles.css :focus-visible)
    const ring = await panel().locator('label.server-log-file').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).not.toBe('none');
    await shootPanel(screen.h, `server-log-file-focus${lang === 'en' ? '' : `-${lang}`}`, false, 520);
    await screen.h.page.keyboard.press('Tab');
    expect(await screen.h.page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('server-log-open-full');
    expect(await panel().locator('label.server-log-file').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
  });

  it('a dropped file that is no log (a screenshot named server.log, a route print) is named in the verdict: the box no longer shows its bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) & 255))]);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'server.log', mimeType: 'text/plain', buffer: png });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=binary]').waitFor();
    expect(await panel().getByLabel(t.serverLog.label!).inputValue()).toBe('');
    expect(await panel().getByTestId('server-log-dropped-name').textContent()).toBe('server.log');
    expect(await panel().getByTestId('server-log-verdict').textContent()).toMatch(/^server\.log: /);
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-binary${lang === 'en' ? '' : `-${lang}`}`, true);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'route-print.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(sampleDir('demo'), 'route-print.txt')) });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=route-print]').waitFor();
    expect(await panel().getByTestId('server-log-dropped-name').textContent()).toBe('route-print.txt');
    // pasted text is the person's own: no file name with its verdict
    await explain('   ');
    expect(await panel().getByTestId('server-log-verdict').getAttribute('data-verdict')).toBe('empty');
    expect(await panel().getByTestId('server-log-dropped-name').count()).toBe(0);
  });

  it('events saved with Windows PowerShell 5 (`> events.txt`: UTF-16LE, with its BOM or a copy without) and dropped are read as text', async () => {
    const utf16 = Buffer.from(NPS_EVENTS, 'utf16le');
    for (const buffer of [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), utf16]) {
      await panel().getByTestId('server-log-file').setInputFiles({ name: 'route-print.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(sampleDir('demo'), 'route-print.txt')) });
      await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=route-print]').waitFor();
      await panel().getByTestId('server-log-file').setInputFiles({ name: 'nps-events.txt', mimeType: 'text/plain', buffer });
      await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=ok]').waitFor();
      expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].npsVerdict);
      expect(await panel().getByTestId('server-log-lines').textContent()).toContain(SAYS[lang].nps);
    }
  });

  it('a .tar.gz of the server\'s logs: each text file read on its own, the person picks which; a binary file inside is left out and said so', async () => {
    const gre = realLog('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt');
    const pluto = realLog('pluto-xauth-password-file-user-found-wrong-password.txt');
    const tar = await tarOf([
      ['var/log/wtmp', Buffer.alloc(9000, 7)],
      ['var/log/syslog', gre],
      ['var/log/pluto.log', pluto],
    ]);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'logs.tar.gz', mimeType: 'application/gzip', buffer: gzipSync(tar) });
    // the verdict before (the events dropped just now) is "ok" too: wait for the archive's own choice, then its verdict
    await panel().getByTestId('server-log-archive').waitFor();
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=ok]').waitFor();
    const pick = panel().getByLabel(lang === 'en' ? 'The archive holds 2 logs' : 'Het archief bevat 2 logboeken');
    expect(await pick.locator('option').allTextContents()).toEqual(['var/log/syslog', 'var/log/pluto.log']);
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? '42 of 42' : '42 van 42');
    expect(await panel().getByTestId('server-log-finding').first().getAttribute('data-finding-id')).toBe('vpn.gre-blocked');
    expect(await panel().getByTestId('server-log-archive').textContent()).toContain(t.serverLog.archiveLeftOut_one!.replace('{{count}}', '1'));
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-archive${lang === 'en' ? '' : `-${lang}`}`, true);
    await pick.selectOption({ label: 'var/log/pluto.log' });
    await screen.h.page.locator('[data-testid=server-log-finding][data-finding-id="vpn.auth-mismatch"]').waitFor();
    expect(await panel().getByLabel(t.serverLog.label!).inputValue()).toBe(pluto.toString('utf8'));
    // the evidence names the log it came from: the archive, then the file inside
    expect(await panel().locator('.server-log-evidence').first().textContent()).toContain('logs.tar.gz › pluto.log');
    // an edit in the box is the person's own text: the archive's choice goes away
    await panel().getByLabel(t.serverLog.label!).fill(ROUTER_LOG);
    expect(await panel().getByTestId('server-log-archive').count()).toBe(0);
    // an archive cut inside its second file: the first read, and the notice says it of the archive (no compression involved)
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'cut.tar', mimeType: 'application/x-tar', buffer: tar.subarray(0, tar.length - 2048) });
    await panel().getByTestId('server-log-gzip-damaged').waitFor();
    expect(await panel().getByTestId('server-log-gzip-damaged').textContent()).toBe(t.serverLog.archiveDamaged);
  });

  it('a .zip of the server\'s logs (Windows\' Compressed folder): each text file read on its own; a password-protected one said so; an .evtx named, with what to send instead', async () => {
    const gre = realLog('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt');
    const pluto = realLog('pluto-xauth-password-file-user-found-wrong-password.txt');
    const zip = zipSync({ 'RRAS logs/syslog.txt': gre, 'RRAS logs/pluto.log': pluto, 'RRAS logs/locked.log': [pluto, { level: 0 }] });
    // the third file password-protected
    markEncrypted(zip, 2);
    await panel().getByLabel(t.serverLog.label!).fill(ROUTER_LOG);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'logs.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await panel().getByTestId('server-log-archive').waitFor();
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=ok]').waitFor();
    const pick = panel().getByLabel(lang === 'en' ? 'The archive holds 2 logs' : 'Het archief bevat 2 logboeken');
    expect(await pick.locator('option').allTextContents()).toEqual(['RRAS logs/syslog.txt', 'RRAS logs/pluto.log']);
    expect(await panel().getByTestId('server-log-finding').first().getAttribute('data-finding-id')).toBe('vpn.gre-blocked');
    expect(await panel().getByTestId('server-log-archive').textContent()).toContain(t.serverLog.archiveUnreadable_one!.replace('{{count}}', '1'));
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-zip${lang === 'en' ? '' : `-${lang}`}`, true);
    // an event log file as Event Viewer saves it by default: binary, named, and what to do instead
    const evtx = Buffer.concat([Buffer.from('ElfFile\0'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 3 ? (i * 37) & 255 : 0)))]);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'RemoteAccess.evtx', mimeType: 'application/octet-stream', buffer: evtx });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=windows-event-log]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? 'Save All Events As' : 'Alle gebeurtenissen opslaan als');
    // its bytes are no text to show: the box is empty, the verdict says what the file is
    expect(await panel().getByLabel(t.serverLog.label!).inputValue()).toBe('');
    await shootPanel(screen.h, `server-log-evtx${lang === 'en' ? '' : `-${lang}`}`, true);
  });

  it("a rotated syslog sent on as it lies on the server (`syslog.2.gz`) is unpacked and read; one cut short says so and reads what came before", async () => {
    const log = realLog('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt');
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'syslog.2.gz', mimeType: 'application/gzip', buffer: gzipSync(log) });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=ok]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? '42 of 42' : '42 van 42');
    expect(await panel().getByTestId('server-log-finding').getAttribute('data-finding-id')).toBe('vpn.gre-blocked');
    expect(await panel().getByTestId('server-log-gzip-damaged').count()).toBe(0);
    const packed = gzipSync(Buffer.from(log.toString('utf8').repeat(20)));
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'syslog.3.gz', mimeType: 'application/gzip', buffer: packed.subarray(0, packed.length >> 1) });
    await panel().getByTestId('server-log-gzip-damaged').waitFor();
    expect(await panel().getByTestId('server-log-gzip-damaged').textContent()).toBe(t.serverLog.gzipDamaged);
    expect(await panel().getByTestId('server-log-verdict').getAttribute('data-verdict')).toBe('ok');
    await shootPanel(screen.h, `server-log-gzip-damaged${lang === 'en' ? '' : `-${lang}`}`, false);
  });
});
