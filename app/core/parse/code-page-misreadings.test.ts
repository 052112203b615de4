import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import type { ParseResult } from '../model/problems';
import { rereadings } from './code-page-misreadings';
import { parseIpconfig } from './ipconfig';
import { lookupLabel } from './ipconfig-labels';
import { parseRoutePrint } from './route-print';
import type { IpconfigAdapter, IpconfigResult, RoutePrintResult } from './types';

/**
 * The class "an output shown in the wrong code page loses its labels, headers and with them adapters
 * and their gateways, DNS servers and descriptions": every real and corpus ipconfig output is written
 * in the code page Windows (or a UTF-8 tool) writes it in, shown in another, and must read as the
 * intact output — the same adapters, fields and problems. Connection names and descriptions are kept
 * as printed (they must match the other files of a capture misread the same way), so they are
 * compared only where they are ASCII.
 */

/** Windows' reading in an ANSI page: a byte the page leaves undefined shown as the C1 control of the same number (iconv-lite would write U+FFFD). */
function showInWindows(bytes: Uint8Array, page: string): string {
  return Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? iconv.decode(Buffer.from([b]), page).replace('\ufffd', String.fromCharCode(b)) : iconv.decode(Buffer.from([b]), page))).join('');
}
const showInWestern = (bytes: Uint8Array) => showInWindows(bytes, 'win1252');

/** [written in, shown in]: the confusions of code-page-misreadings.ts, each as a copy would show it. */
const CONFUSIONS: readonly (readonly [string, string])[] = [
  ['utf8', 'western'], ['utf8', 'cp850'], ['utf8', 'cp437'], ['utf8', 'win1250'], ['utf8', 'win1251'], ['utf8', 'win1254'],
  ['cp850', 'western'], ['cp437', 'western'], ['cp866', 'win1251'], ['cp866', 'western'], ['cp852', 'win1250'], ['cp852', 'western'], ['cp857', 'win1254'],
  ['win1252', 'cp850'], ['win1251', 'cp866'], ['win1250', 'cp852'], ['win1254', 'cp857'],
];

function misread(text: string, writtenIn: string, shownIn: string): string | undefined {
  const bytes = iconv.encode(text, writtenIn);
  if (iconv.decode(bytes, writtenIn) !== text) return undefined; // the page has no byte for one of its letters
  const shown = shownIn === 'western' ? showInWestern(bytes) : shownIn.startsWith('win') ? showInWindows(bytes, shownIn) : iconv.decode(bytes, shownIn);
  return shown === text ? undefined : shown;
}

const ascii = (s: string) => (/^[\x00-\x7f]*$/u.test(s) ? s : '(not ASCII)');
const adapterFacts = (a: IpconfigAdapter) => ({ ...a, name: ascii(a.name), header: '', description: ascii(a.description) });
const facts = (r: ParseResult<IpconfigResult>) => ({
  hostname: r.value.hostname,
  primaryDnsSuffix: r.value.primaryDnsSuffix,
  adapters: r.value.adapters.map(adapterFacts),
  problems: r.problems.map((p) => `${p.line} ${p.code}`),
});

const realDir = 'test/fixtures/real/ipconfig';
/** Outputs that are already misread (a second misreading is not a confusion anyone makes). */
const ALREADY_MISREAD = /cp850|mojibake/u;
const outputs = [
  ...repoFiles(realDir).map((f) => ({ name: `real/${f}`, text: () => readRepoText(join(realDir, f)) })),
  ...(corpusAvailable ? corpusFiles('ipconfig').map((f) => ({ name: `corpus/${f}`, text: () => readCorpus('ipconfig', f) })) : []),
].filter((o) => !ALREADY_MISREAD.test(o.name));

const cases = outputs.flatMap((o) => CONFUSIONS.map(([writtenIn, shownIn]) => [o.name, writtenIn, shownIn, o] as const));

describe('ipconfig output shown in the wrong code page', () => {
  it.each(cases)('%s written in %s and shown in %s reads as the intact output', (_name, writtenIn, shownIn, o) => {
    const text = o.text();
    const shown = misread(text, writtenIn, shownIn);
    if (shown === undefined) return; // nothing to misread: ASCII, or letters the page does not have
    expect(facts(parseIpconfig(shown))).toEqual(facts(parseIpconfig(text)));
  });

  it('reads UTF-8 shown in Windows-1252 after a paste lost its C1 controls and no-break spaces', () => {
    // "EndereÃ§o FÃsico" (Í = C3 8D, the 8D dropped) and "propre Ã  la" (à = C3 A0, the A0 pasted as a space)
    for (const file of ['win10-fr-double-spaced-unindented.txt', 'xp-pt-adaptador-ethernet-ligacao.txt', 'xp-es-adaptador-ethernet-padded-header.txt']) {
      const text = readRepoText(join(realDir, file));
      const pasted = showInWestern(iconv.encode(text, 'utf8')).replace(/[\x80-\x9f]/gu, '').replace(/\u00a0/gu, ' ');
      const adapters = (t: string) => parseIpconfig(t).value.adapters.map((a) => [a.kind, a.connected, a.ipv4, a.gateways, a.dnsServers]);
      expect([file, adapters(pasted)]).toEqual([file, adapters(text)]);
    }
  });
});

/** The same class for route print: its section labels, column headers, "None" and footer words are localised. */
const routeOutputs = [
  ...repoFiles('test/fixtures/real/route-print').map((f) => ({ name: `real/${f}`, text: () => readRepoText(join('test/fixtures/real/route-print', f)) })),
  ...(corpusAvailable ? corpusFiles('route-print').map((f) => ({ name: `corpus/${f}`, text: () => readCorpus('route-print', f) })) : []),
];
const routeCases = routeOutputs.flatMap((o) => CONFUSIONS.map(([writtenIn, shownIn]) => [o.name, writtenIn, shownIn, o] as const));
const routeFacts = (r: ParseResult<RoutePrintResult>) => ({
  ...r.value,
  interfaces: r.value.interfaces.map((i) => ({ ...i, description: ascii(i.description) })),
  problems: r.problems.map((p) => `${p.line} ${p.code}`),
});

describe('route print shown in the wrong code page', () => {
  it.each(routeCases)('%s written in %s and shown in %s reads as the intact output', (_name, writtenIn, shownIn, o) => {
    const text = o.text();
    const shown = misread(text, writtenIn, shownIn);
    if (shown === undefined) return;
    expect(routeFacts(parseRoutePrint(shown))).toEqual(routeFacts(parseRoutePrint(text)));
  });
});

describe('a French leader with cp850\'s no-break space (0xFF) in it', () => {
  // "Passerelle par d‚faut. . . .ÿ. . . . . : 10.82." as a script matched it in its ipconfig output
  // (cp850 shown as Windows-1252; index file id 25480054067): the no-break space is filler, not an á
  it.each([
    ['Passerelle par défaut. . . .\u00a0. . . . . ', 'defaultGateway'],
    ['Passerelle par d\u201afaut. . . .\u00ff. . . . . ', 'defaultGateway'],
    ['Masque de sous-r\u201aseau. . . .\u00ff. . . . . ', 'subnetMask'],
    ['M\u00a0scara de subred . . . ', 'subnetMask'],
  ])('%s', (label, meaning) => expect(lookupLabel(label)).toBe(meaning));
});

describe('rereadings', () => {
  it('gives back the text a misreading showed, and nothing for ASCII', () => {
    expect(rereadings('Passerelle par dÃ©faut')).toContain('Passerelle par défaut');
    expect(rereadings('Prim„res DNS-Suffix')).toContain('Primäres DNS-Suffix');
    expect(rereadings('Descri‡Æo')).toContain('Descrição');
    expect(rereadings('Passerelle par dÚfaut')).toContain('Passerelle par défaut');
    expect(rereadings('Default Gateway')).toEqual([]);
  });

  it('does not take text in one page for UTF-8 it is not', () => {
    // correct Latin-1 text: its bytes are no valid UTF-8, and read leniently they prove nothing
    expect(rereadings('Passerelle par défaut').filter((t) => t.includes('\ufffd'))).toEqual([]);
  });
});
