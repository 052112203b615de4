import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { splitKnownLabel, splitLines } from './ipconfig-lines';
import type { IpconfigAdapter } from './types';

/**
 * The class "a language without a vocabulary loses every address": each real and corpus output is
 * turned into a language no table knows — every known label's words replaced by made-up ones, the
 * tokens translations keep ("DNS", "DHCP", "WINS", "IP", "IPv4", "IPv6") left as they are — and
 * must give the same adapters as the original.
 */
const KEPT = /^(?:DNS|DHCP|DHCPv6|WINS|IP|IPv4|IPv6)$/u;

function unknownLanguage(text: string): string {
  const words = new Map<string, string>();
  const madeUp = (w: string) => {
    if (!words.has(w)) words.set(w, `Qx${String.fromCharCode(97 + (words.size % 26))}${Math.floor(words.size / 26)}q`);
    return words.get(w)!;
  };
  return splitLines(text)
    .map((line) => {
      const known = splitKnownLabel(line);
      if (!known) return line;
      const at = line.indexOf(known.label);
      const relabelled = known.label.split(/(\s+|-)/u).map((w) => (w.trim() === '' || w === '-' || KEPT.test(w) ? w : madeUp(w.toLowerCase()))).join('');
      return line.slice(0, at) + relabelled + line.slice(at + known.label.length);
    })
    .join('\n');
}

const sig = (a: IpconfigAdapter) =>
  [a.name, a.kind, a.connected ? 'up' : 'down', a.ipv4.map((x) => `${x.address}/${x.prefixLength}`).join(' '), a.gateways.join(' '), a.dnsServers.join(' ')].join(' | ');

const realDir = 'test/fixtures/real/ipconfig';
const real = repoFiles(realDir).map((f) => ({ name: `real/${f}`, text: () => readRepoText(join(realDir, f)) }));
const corpus = corpusAvailable ? corpusFiles('ipconfig').map((f) => ({ name: `corpus/${f}`, text: () => readCorpus('ipconfig', f) })) : [];

describe('ipconfig labels in no vocabulary are read from their values and places', () => {
  it.each([...real, ...corpus].map((f) => [f.name, f] as const))('%s keeps its adapters when its labels are unknown words', (_name, f) => {
    const text = f.text();
    const original = parseIpconfig(text).value.adapters;
    // (a file whose labels no table knows already — Korean, zh-TW, Turkish — or hidden in BBCode stays as it is)
    const relabelled = unknownLanguage(text);
    // (an adapter pasted without its header and the title is read only from labels of a vocabulary:
    // with none, nothing tells its fields from a title's — xp-pl-adapter-fields-only-no-header.txt)
    if (parseIpconfig(text).problems.some((p) => p.code === 'ipconfig.noHeader')) return;
    expect(parseIpconfig(relabelled).value.adapters.map(sig)).toEqual(original.map(sig));
  });

  it('opens an adapter at a header no table knows when the paste lost the indentation', () => {
    // the zh-TW paste (first three adapters unindented) with header phrases of a language without a table
    const text = readRepoText(join(realDir, 'win11-zh-tw-powershell-indent-lost-plain.txt')).replaceAll('乙太網路卡 ', 'Qx-kort ').replaceAll('無線區域網路介面卡 ', 'Qy-kort ');
    const addresses = (a: IpconfigAdapter) => sig(a).split(' | ').slice(2).join(' | ');
    const original = parseIpconfig(readRepoText(join(realDir, 'win11-zh-tw-powershell-indent-lost-plain.txt'))).value.adapters;
    const { value, problems } = parseIpconfig(text);
    expect(value.adapters.map((a) => a.name)).toEqual(original.map((a) => `${a.header.startsWith('乙') ? 'Qx' : 'Qy'}-kort ${a.name}`));
    expect(value.adapters.map(addresses)).toEqual(original.map(addresses));
    expect(problems.filter((p) => p.code === 'ipconfig.unknownHeader').map((p) => p.line)).toEqual([3, 6, 12, 18, 24, 29, 34, 42]);
  });

  it.each([...real, ...corpus].map((f) => [f.name, f] as const))('%s keeps disconnected adapters down when the media state is in words no table has', (_name, f) => {
    const text = f.text();
    // every Media State value (the text after the label's colon) replaced by made-up words
    const retold = splitLines(text)
      .map((line) => {
        const known = splitKnownLabel(line);
        return known?.meaning === 'mediaState' && known.value !== '' ? line.slice(0, line.length - known.value.length) + 'Qzq qzqq' : line;
      })
      .join('\n');
    const state = (t: string) => parseIpconfig(t).value.adapters.map((a) => `${a.name} ${a.connected ? 'up' : 'down'}`);
    expect(state(retold)).toEqual(state(text));
  });

  // an OEM console's bytes shown in an ANSI or Latin-1 code page: labels, headers and titles all garbled
  it.each([
    ['win10-ru-ikev2-ppp-gateway-0000-media-value-dot.txt', 'cp866', 'win1251'],
    ['win10-ru-ikev2-ppp-gateway-0000-media-value-dot.txt', 'cp866', 'latin1'],
    ['xp-de-ethernetadapter-ppp-breitband.txt', 'cp850', 'win1252'],
    ['xp-es-adaptador-ethernet-padded-header.txt', 'cp850', 'latin1'],
    ['win7-ja-local-area-wrapped-description.txt', 'cp932', 'latin1'],
  ])('%s written in %s and read as %s keeps its adapters and their kinds', (file, oem, shownAs) => {
    const text = readRepoText(join(realDir, file));
    const garbled = iconv.decode(iconv.encode(text, oem), shownAs);
    expect(garbled).not.toBe(text);
    const unnamed = (a: IpconfigAdapter) => sig(a).split(' | ').slice(1).join(' | ');
    expect(parseIpconfig(garbled).value.adapters.map(unnamed)).toEqual(parseIpconfig(text).value.adapters.map(unnamed));
  });

  it('reports the labels once for the file, at the first one', () => {
    const text = 'Windows IP Configuration\n\nEthernet adapter LAN:\n\n   Qa Qb . . . : 10.0.0.5\n   Qc Qd . . . : 255.255.255.0\n   Qe Qf . . . : 10.0.0.1\n';
    const { value, problems } = parseIpconfig(text, 'x.txt');
    expect(value.adapters.map(sig)).toEqual(['LAN | ethernet | up | 10.0.0.5/24 | 10.0.0.1 | ']);
    expect(problems.map((p) => [p.line, p.code, p.params])).toEqual([[5, 'ipconfig.labelsByValue', { count: 3, label: '«Qa Qb»' }]]);
  });
});
