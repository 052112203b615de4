import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemMessage } from '../app/core/i18n/problem-text';
import type { Report } from '../app/core/model/report';
import { cli } from './support/cli';

/**
 * A damaged capture read with --lang nl: the CLI's "Lines not understood" and the HTML report's
 * problem list are in Dutch (so is the error that lists them when nothing could be understood), in
 * English without --lang, and `--json` keeps the English `message`
 * (the DESIGN.md contract) with the template's `code` and `params` beside it.
 */

/** The win11-ras-errors sample with the damage people's pastes show: an elision, a broken row, a hand-typed line, a cut .reg file. */
function damagedCapture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tm-damaged-')), 'capture');
  cpSync(join(import.meta.dirname, '..', 'samples', 'win11-ras-errors'), dir, { recursive: true });
  const route = readFileSync(join(dir, 'route-print.txt'), 'utf8').split('\n');
  const at = route.findIndex((l) => l.includes('127.255.255.255'));
  route.splice(at, 0, '[...]', '    172.16.0.0    255.240.0.0      10.13.1.1');
  writeFileSync(join(dir, 'route-print.txt'), route.join('\n'));
  const pbk = readFileSync(join(dir, 'pbk', 'rasphone.pbk'), 'utf8').split('\n');
  pbk.splice(3, 0, 'this line was typed by hand');
  writeFileSync(join(dir, 'pbk', 'rasphone.pbk'), pbk.join('\n'));
  mkdirSync(join(dir, 'registry'));
  writeFileSync(join(dir, 'registry', 'rasman.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters]\r\n"ProhibitIpSec"=dword:1\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Rasman\r\n');
  return dir;
}

describe('problems of a damaged capture in the reader\'s language', () => {
  const dir = damagedCapture();

  it('scan: Dutch problem lines with --lang nl, English without; --json keeps the English message and adds code and params', async () => {
    const json = await cli(['scan', '--capture', dir, '--json', '--lang', 'nl']);
    const report = JSON.parse(json.stdout) as Report;
    const problems = report.snapshot.problems;
    expect(problems.length).toBeGreaterThanOrEqual(5);
    const enJson = JSON.parse((await cli(['scan', '--capture', dir, '--json'])).stdout) as Report;
    // the JSON's message is English whatever the language, with the template's id beside it
    expect(problems).toEqual(enJson.snapshot.problems);
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['routePrint.elision', 'routePrint.badV4Row', 'pbk.notKeyValue', 'regValue.unreadable', 'regFile.keyNotClosed']));

    const nl = (await cli(['scan', '--capture', dir, '--verbose', '--lang', 'nl'])).stdout;
    const en = (await cli(['scan', '--capture', dir, '--verbose'])).stdout;
    expect(nl).toContain(`Niet begrepen regels: ${problems.length}`);
    for (const p of problems) {
      const at = `  ${p.source}${p.line ? `:${p.line}` : ''}  `;
      expect(en).toContain(`${at}${p.message}\n`);
      expect(nl).toContain(`${at}${problemMessage(p, 'nl')}\n`);
      expect(nl).not.toContain(p.message);
    }
    expect(nl).toContain('route-print.txt:14  hier is iets weggelaten; de regel is overgeslagen: "[...]"');
    expect(nl).toContain('registry/rasman.reg:4  waarde "ProhibitIpSec": "dword:1": een dword moet uit precies 8 hexadecimale cijfers bestaan;');
  });

  it('a capture nothing of which is understood, or read: the error lists the problems in Dutch with --lang nl', async () => {
    const noise = mkdtempSync(join(tmpdir(), 'tm-noise-'));
    writeFileSync(join(noise, 'route-print.txt'), 'hello world\nthis is not route print\n');
    const nothing = await cli(['scan', '--capture', noise, '--lang', 'nl']);
    expect(nothing.code).toBe(4);
    expect(nothing.stderr).toContain(':\n  route-print.txt:1: dit is geen uitvoer van route print van Windows\n');
    expect((await cli(['scan', '--capture', noise])).stderr).toContain(':\n  route-print.txt:1: not a Windows route print output\n');
    const unread = mkdtempSync(join(tmpdir(), 'tm-unread-'));
    mkdirSync(join(unread, 'ver.txt'));
    const none = await cli(['scan', '--capture', unread, '--lang', 'nl']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain(':\n  ver.txt: een map waar een bestand werd verwacht: niet gelezen\n');
  });

  it('report --out FILE.html: the problem list in Dutch with --lang nl', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tm-html-')), 'report.html');
    await cli(['report', '--capture', dir, '--out', out, '--lang', 'nl', '--quiet']);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<code>route-print.txt:14</code> hier is iets weggelaten; de regel is overgeslagen: &#34;[...]&#34;</li>');
    expect(html).toContain('<code>pbk/rasphone.pbk:4</code> deze regel heeft niet de vorm &#34;Naam=waarde&#34;: &#34;this line was typed by hand&#34;</li>');
    expect(html).not.toContain('elision line skipped');
    expect(html).not.toContain('not a &#34;Key=value&#34; line');
  });
});
