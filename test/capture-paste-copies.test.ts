import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from './corpus';
import { formatReport } from '../app/cli/format';
import { analyseCapture } from '../app/core/analyse';
import { problemMessage } from '../app/core/i18n/problem-text';
import { ANY_LINE, isCopyNote, undoCopyDamage } from '../app/core/parse/pasted-copy';
import { parseIpconfig } from '../app/core/parse/ipconfig';
import { inMemory } from './support/capture-fuzz';

/**
 * A help desk rarely gets the capture files themselves: `route print` or `ipconfig /all` reaches it
 * pasted into a mail, a ticket, a chat or a wiki page, and is saved again from there. Each copy below
 * is what one of those does to a file (app/core/parse/pasted-copy.ts says where each comes from);
 * every real command output — the shared corpus and the committed real fixtures, read in place —
 * must read the same through it (the same routes, interfaces, profiles, findings and problems), and
 * the copy is named in the snapshot's problems.
 */
const quoted = (marks: (l: string) => string) => (s: string) => s.split('\n').map(marks).join('\n');
const COPIES: Record<string, (text: string) => string> = {
  // a mail reply or a Markdown block quote: `> ` before every line
  'quoted "> "': quoted((l) => `> ${l}`),
  // Outlook's plain-text reply quotes with `>` and no blank
  'quoted ">"': quoted((l) => `>${l}`),
  // a reply to that reply: Outlook adds its `>` before the other (`>> `), Gmail and Markdown `> > `;
  // the blank lines of the reply around it are quoted once
  'quoted twice ">> " between lines quoted once': (s) => `>\n${quoted((l) => `>> ${l}`)(s)}\n>\n`,
  'quoted twice "> > "': quoted((l) => `> > ${l}`),
  // a reply quoting the paste once whose blank lines another level of quoting marked `>>`: a line of
  // quote marks alone is a blank line, no elision (undoCopyDamage takes off one mark, as most lines have)
  'quoted "> ", its blank lines ">>"': quoted((l) => (l.trim() ? `> ${l}` : '>>')),
  // a web page or chat that marks where a line may break
  'zero-width spaces': quoted((l) => (l ? `\u200b${l}` : l)),
  'zero-width spaces and word joiners between words': (s) => s.replace(/ (?=\S)/g, ' \u200b').replace(/(?<=\S) {2}/g, '\u2060  '),
  // Outlook and browsers: a run of blanks becomes `&nbsp; ` (every other blank a no-break space)
  'no-break spaces in runs of blanks': (s) => s.replace(/ {2}/g, '\u00a0 '),
  // a rich-text editor's code block: every blank a no-break space
  'every blank a no-break space': (s) => s.replace(/ /g, '\u00a0'),
  // a Markdown code fence (Teams, Slack, GitHub, a wiki) or Jira's {code}/{noformat} around the paste
  'Markdown fence': (s) => `\`\`\`\n${s.replace(/\n$/, '')}\n\`\`\`\n`,
  'Markdown fence with a language': (s) => `~~~text\n${s.replace(/\n$/, '')}\n~~~\n`,
  'Jira code block': (s) => `{noformat}\n${s.replace(/\n$/, '')}\n{noformat}\n`,
  // a Markdown code block by indent: four blanks or a tab before every line
  'indented four blanks': quoted((l) => (l.trim() ? `    ${l}` : l)),
  'indented by a tab': quoted((l) => (l.trim() ? `\t${l}` : l)),
  // two at once: a fenced block quoted in a reply, with its blanks no-break spaces
  'a quoted fence with no-break spaces': (s) => quoted((l) => `> ${l}`)(`\`\`\`\n${s.replace(/\n$/, '').replace(/ {2}/g, '\u00a0 ')}\n\`\`\``),
  // line ends converted twice (LF → CRLF on a CRLF file)
  'line ends converted twice': (s) => s.replace(/\r?\n/g, '\r\r\n'),
  // a web page's source copied as text: every line end a <br> (a cheat sheet's <code> block, as in
  // test/fixtures/real/route-print/server2008-en-netstat-r-html-br-one-line.txt), or escaped in a <pre>
  // with runs of blanks as `&nbsp; `
  "a web page's source: lines joined by <br>": (s) => `<code>${s.replace(/\r?\n/g, '<br>')}</code>`,
  "a web page's source: escaped in <pre>, blanks as &nbsp;": (s) => `<pre>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, '&nbsp; ')}</pre>`,
};

const REAL = join(import.meta.dirname, 'fixtures', 'real');
/** real file folder → the capture name its files are read under */
const KINDS: [folder: string, capture: string][] = [
  ['route-print', 'route-print.txt'],
  ['ipconfig', 'ipconfig-all.txt'],
  ['netsh', 'netsh-interfaces.txt'],
  ['powershell', 'powershell/vpn.txt'],
];
const realFiles: { name: string; files: Map<string, string> }[] = [
  ...KINDS.flatMap(([folder, capture]) => [
    ...corpusFiles(folder).map((f) => ({ name: `corpus/${folder}/${f}`, files: new Map([[capture, readCorpus(folder, f)]]) })),
    ...(statSync(join(REAL, folder), { throwIfNoEntry: false })?.isDirectory() ? readdirSync(join(REAL, folder)) : []).map((f) => ({ name: `real/${folder}/${f}`, files: new Map([[capture, readFileSync(join(REAL, folder, f), 'utf8')]]) })),
  ]),
  ...readdirSync(join(REAL, 'captures')).map((c) => ({ name: `real/captures/${c}`, files: new Map(readdirSync(join(REAL, 'captures', c)).map((f): [string, string] => [f, readFileSync(join(REAL, 'captures', c, f), 'utf8')])) })),
];

const utf8 = (files: Map<string, string>) => new Map([...files].map(([n, t]): [string, Buffer] => [n, Buffer.from(t, 'utf8')]));
/** What a reader of the report sees of a capture, line numbers aside (a fence adds a line before the output) and without the copy's notes. */
function reading(files: Map<string, Buffer>) {
  const { report } = analyseCapture(inMemory(files), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'x', now: new Date(0) });
  const s = report.snapshot;
  return JSON.stringify({
    findings: report.findings.map((f) => [f.id, f.severity, f.evidence.map((e) => e.text)]),
    routes: s.routes.map(({ source, ...r }) => [r, source?.text]),
    interfaces: s.interfaces,
    hostname: s.hostname,
    vpnProfiles: (s.vpnProfiles as { line?: number }[]).map(({ line: _, ...p }) => p),
    os: s.os,
    problems: s.problems.filter((p) => !isCopyNote(p)).map((p) => [p.source, p.code, p.params]),
  });
}
/** The first part of two readings that differs, shortly: what a failure shows. */
function whereDiffers(a: string, b: string): string {
  const [x, y] = [JSON.parse(a) as Record<string, unknown>, JSON.parse(b) as Record<string, unknown>];
  const key = Object.keys(x).find((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))!;
  const [p, q] = [JSON.stringify(x[key]), JSON.stringify(y[key])];
  let at = 0;
  while (at < p.length && p[at] === q[at]) at++;
  return `${key} ${p.slice(Math.max(0, at - 60), at + 100)} → ${q.slice(Math.max(0, at - 60), at + 100)}`;
}
/** The real files that `read` reads otherwise after `damage`, each with where. */
function readDifferently(damage: (text: string) => string, read: (files: Map<string, Buffer>) => string): string[] {
  return realFiles.flatMap(({ name, files }) => {
    const plain = read(utf8(files));
    const copied = read(utf8(new Map([...files].map(([n, t]) => [n, damage(t)]))));
    return copied === plain ? [] : [`${name}: ${whereDiffers(plain, copied)}`];
  });
}
const notes = (files: Map<string, Buffer>) => analyseCapture(inMemory(files), { toolVersion: 'x', now: new Date(0) }).report.snapshot.problems.filter(isCopyNote);

describe('a real command output copied through mail, chat, a web page or Markdown reads as the file itself', () => {
  it('has real outputs to copy, and each copy changes most of them', () => {
    expect(realFiles.length).toBeGreaterThan(corpusAvailable ? 70 : 25);
    for (const [copy, damage] of Object.entries(COPIES)) expect([copy, realFiles.filter(({ files }) => [...files.values()].some((t) => damage(t) !== t)).length > realFiles.length * 0.9]).toEqual([copy, true]);
  });
  for (const [copy, damage] of Object.entries(COPIES)) it(copy, () => expect(readDifferently(damage, reading)).toEqual([]));
  it('says which file was a copy, and what was taken out, in the snapshot\'s problems (en and nl)', () => {
    const text = readFileSync(join(REAL, 'route-print', 'win-en-bracket-elision-row-tabs.txt'), 'utf8');
    const copied = COPIES['a quoted fence with no-break spaces']!(text);
    const found = notes(utf8(new Map([['route-print.txt', copied]])));
    expect(found.map((p) => [p.source, p.code, p.line])).toEqual([
      ['route-print.txt', 'pasted.noBreakSpaces', 2],
      ['route-print.txt', 'pasted.quoteMarks', 1],
      ['route-print.txt', 'pasted.fence', 1],
    ]);
    expect(found[1]!.message).toMatch(/^a copy, not the file as Windows wrote it: the quote marks/);
    expect(found[1]!.params).toEqual({ lines: copied.split('\n').length });
    expect(problemMessage(found[1]!, 'nl')).toMatch(/^een kopie, niet het bestand zoals Windows het schreef: de citaattekens/);
  });
  it('the CLI lists the copies apart: a copy is no line left unread (the rest of its output is the plain file\'s)', () => {
    const text = readFileSync(join(REAL, 'route-print', 'win10-fr-rows-after-aucun-retyped.txt'), 'utf8');
    for (const [language, copies] of [['en', 'Read from a copy (mail, chat, web page):'], ['nl', 'Gelezen uit een kopie (mail, chat, webpagina):']] as const) {
      const shown = (t: string) => formatReport(analyseCapture(inMemory(utf8(new Map([['route-print.txt', t]]))), { toolVersion: 'x', now: new Date(0), language }).report, 'capture', '--capture capture');
      const copied = shown(COPIES['quoted "> "']!(text));
      const note = `${copies}\n  route-print.txt:1  ${language === 'en' ? 'a copy' : 'een kopie'}`;
      expect(copied).toContain(note);
      // the note's two lines out: what the plain file shows, its unread lines and last line alike
      expect(copied.split('\n').filter((_, i, all) => !all[i]!.startsWith(copies) && !all[i - 1]?.startsWith(copies)).join('\n')).toBe(shown(text));
    }
  });
  it('reads the copy after decoding, whatever the encoding: UTF-16 with its BOM, or the OEM code page', () => {
    for (const copy of ['quoted "> "', 'no-break spaces in runs of blanks', 'Markdown fence', 'indented four blanks']) {
      for (const { name, files } of realFiles.slice(0, 40)) {
        const plain = reading(utf8(files));
        const damaged = [...files].map(([n, t]): [string, string] => [n, COPIES[copy]!(t)]);
        const utf16 = new Map(damaged.map(([n, t]): [string, Buffer] => [n, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])]));
        expect([copy, name, reading(utf16)]).toEqual([copy, name, plain]);
        // cp850 holds the no-break space (0xFF); a file with letters it lacks (Cyrillic, CJK) stays UTF-8
        if (damaged.every(([, t]) => iconv.decode(iconv.encode(t, 'cp850'), 'cp850') === t && /[^\x00-\x7f]/.test(t))) {
          const oem = new Map(damaged.map(([n, t]): [string, Buffer] => [n, iconv.encode(t, 'cp850')]));
          expect([copy, name, reading(oem)]).toEqual([copy, name, plain]);
        }
      }
    }
  });
});

/**
 * A copy that collapsed every run of blanks to one (a web page's text rather than its <pre>) or made
 * them tabs cannot be given its blanks back: its rows read the same, and the evidence shows them as
 * copied; ipconfig's 80-column wraps are told from a shorter line there (ipconfig-lines.ts).
 */
const LAYOUT_LOST: Record<string, (text: string) => string> = {
  'blanks collapsed': (s) => s.replace(/ {2,}/g, ' '),
  'runs of blanks as tabs': (s) => s.replace(/ {2,}/g, '\t'),
};
/**
 * `reading` without the texts that keep the copy's blanks (route and evidence lines, quoted lines in
 * problems), and with runs of blanks as one in the rest: a name's own run (`Conexi¢n de  rea local`,
 * whose `á` a mojibake made a blank) is gone in such a copy.
 */
const readingOfLayout = (files: Map<string, Buffer>) => {
  const r = JSON.parse(reading(files)) as { routes: [unknown, unknown][]; findings: [string, string, unknown][]; problems: [string, string, unknown][] };
  const kept = JSON.stringify({ ...r, routes: r.routes.map(([route]) => route), findings: r.findings.map(([id, severity]) => [id, severity]), problems: r.problems.map(([source, code]) => [source, code]) });
  return kept.replace(/(?: |\\t)+/g, ' ');
};

describe('a copy that lost its runs of blanks reads the same routes, adapters and findings', () => {
  for (const [copy, damage] of Object.entries(LAYOUT_LOST)) it(copy, () => expect(readDifferently(damage, readingOfLayout)).toEqual([]));
});

describe('near misses: what looks like a copy but is the output itself', () => {
  it('no real output is taken for a copy (route print, ipconfig, netsh, PowerShell, the real captures)', () => {
    const called = realFiles.flatMap(({ name, files }) => notes(utf8(files)).map((p) => `${name}: ${p.code}`));
    // the real files that are themselves copies (SOURCES.md): web pages' sources (lines joined by <br>, a
    // mail archive's <p> before every line),
    // a person's notes indenting every line by two tabs, and a route print whose line ends a web page lost
    expect(called.sort()).toEqual([
      'real/ipconfig/xp-en-html-br-one-line-chinese-blog.txt: pasted.html',
      'real/ipconfig/xp-en-mail-archive-html-p-per-line.txt: pasted.html',
      'real/powershell/get-vpnconnection-tab-indented-sstp-notes.txt: pasted.indent',
      'real/route-print/server2008-en-netstat-r-html-br-one-line.txt: pasted.html',
      'real/route-print/win-zh-line-breaks-lost-wechat-article.txt: pasted.lineBreaks',
    ]);
  });
  it('a prompt `>route print` is the line\'s own `>`: it stays when most lines are not quoted, and under quote marks', () => {
    const text = ['>route PRINT', '===========================================================================', 'Interface List', '0x1 ........................... MS TCP Loopback interface'].join('\r\n');
    expect(undoCopyDamage(text)).toEqual({ text, repairs: [] });
    expect(undoCopyDamage(text.replace(/^/gm, '> ')).text).toBe(text);
    expect(undoCopyDamage(text.replace(/^/gm, '>')).text).toBe(text);
  });
  it('keeps the blank after `>` where the quote had none (Outlook): it is the row\'s own indent', () => {
    const rows = ['Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric', '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.10     25'];
    expect(undoCopyDamage(rows.map((l) => `>${l}`).join('\n')).text).toBe(rows.join('\n'));
  });
  it('an `á` of cp850 output read as Latin-1 is a no-break space between letters, part of a name: it stays', () => {
    const mojibake = ['Adaptador de Ethernet Conexi\u00a2n de \u00a0rea local:', '', '   M\u00a0scara de subred . . . . . . . . . : 255.255.255.0'].join('\r\n');
    expect(undoCopyDamage(mojibake)).toEqual({ text: mojibake, repairs: [] });
    expect(parseIpconfig(undoCopyDamage(mojibake).text).value.adapters[0]!.name).toBe('Conexi\u00a2n de \u00a0rea local');
    // pasted through Outlook: the runs of blanks go back, the letter between letters stays
    const copied = undoCopyDamage(mojibake.replace(/ {2}/g, '\u00a0 ')).text;
    expect(copied).toContain('M\u00a0scara de subred . . . . . . . . . : 255.255.255.0');
    expect(copied.split('\r\n')[2]).toBe('   M\u00a0scara de subred . . . . . . . . . : 255.255.255.0');
  });
  it('a thousands separator of a French or Russian number is the output\'s own no-break space', () => {
    const text = 'Mémoire physique totale:                   8\u00a0072 Mo\r\nPasserelle par défaut\u00a0: 10.0.0.1\r\n';
    expect(undoCopyDamage(text)).toEqual({ text, repairs: [] });
    expect(undoCopyDamage(text.replace(/ {2}/g, '\u00a0 ')).text).toBe(text.replace('défaut\u00a0:', 'défaut :'));
  });
  it('leaves the text\'s own byte order mark, and the joiners and direction marks that belong to a name', () => {
    const text = '\ufeffEthernet adapter \u{1F469}\u200d\u{1F4BB} \u200e\u200fVPN\u200c:\n';
    expect(undoCopyDamage(text)).toEqual({ text, repairs: [] });
  });
  it('a route print of rows alone is indented by Windows itself: its indent is no copy\'s', () => {
    const rows = '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.10     25\n     192.168.1.0    255.255.255.0         On-link      192.168.1.10    281\n';
    expect(undoCopyDamage(rows)).toEqual({ text: rows, repairs: [] });
    expect(undoCopyDamage(rows, { atColumnZero: ANY_LINE }).repairs.map((r) => r.kind)).toEqual(['indent']);
    expect(notes(utf8(new Map([['route-print.txt', rows]])))).toEqual([]);
  });
  it('a line of backticks inside a line, or a `{code}` in a value, is no fence', () => {
    const text = 'Name : ```x```\nServerAddress : {code}.example.com\n';
    expect(undoCopyDamage(text, { atColumnZero: ANY_LINE })).toEqual({ text, repairs: [] });
  });
});
