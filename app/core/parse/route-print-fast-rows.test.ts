import { describe, expect, it, vi } from 'vitest';
import { isBlank, splitColumns } from './route-print-lines';
import { parseRoutePrint } from './route-print';
import { withSourceText } from './route-source-text';
import { picker, prng } from '../../../test/support/prng';
import { repoFiles, readRepoText } from '../../../test/support/repo-files';
import { eventLoopTurns } from '../../../test/support/event-loop-turn';

/**
 * The route print parser reads the common IPv4 row in one pass (commonV4Row) and everything else
 * through the general path. Its answers must be the general path's: the same tables parsed with the
 * one-pass reader switched off give the same result, on every real fixture and on tables built
 * from random rows (odd blanks, invalid quads, masks, words, metrics, sections, prompts).
 */

describe('splitColumns', () => {
  it('splits exactly like t.split(/\\s+/) for every UTF-16 code unit as a separator or content', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`a${ch}b`, `${ch}a`, `a${ch}`, ch, `${ch}${ch}`, `10.0.0.0${ch}${ch}255.0.0.0`]) {
        if (JSON.stringify(t.split(/\s+/)) !== JSON.stringify(splitColumns(t))) differing.push(c.toString(16));
      }
    }
    expect(differing).toEqual([]);
    expect(splitColumns('')).toEqual(['']);
  });

  it('isBlank is t.trim() === "" for every UTF-16 code unit', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, ` ${ch}`, `${ch}\t`, `${ch}${ch}`]) if (isBlank(t) !== (t.trim() === '')) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
    expect(isBlank('')).toBe(true);
  });
});

const QUADS = ['10.0.0.0', '0.0.0.0', '192.168.1.1', '255.255.255.255', '255.255.255.0', '255.0.255.0', '128.0.0.0', '01.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4.', '10.0.0.x', '1000.1.1.1', '161.44.17.23', '224.0.0.0', '240.0.0.0'];
const VALID_QUADS = ['10.0.0.0', '0.0.0.0', '192.168.1.1', '161.44.17.23', '127.0.0.1', '8.8.8.8'];
const MASKS = ['255.255.255.0', '0.0.0.0', '255.255.255.255', '128.0.0.0', '255.0.0.0'];
const WORDS = ['On-link', 'Auf Verbindung', 'En-vínculo', 'Op koppeling', 'x:y', 'a/b', 'Default', 'On=link', 'On|link', 'Сеть', 'a'.repeat(33), 'a'.repeat(32), '0x10', '10004', '-', ''];
const METRICS = ['26', '0', '306', '9999', '999999999999999', '9999999999999999', '1e3', '-1', '٣', '26x', ''];
const BLANKS = [' ', '  ', '      ', '\t', ' \t ', '\u00a0', '\u3000', '\u2028', '\u000b', '\u0085'];

function randomRow(r: () => number): string {
  const pick = picker(r);
  // mostly a readable row, with one column (or more) swapped for an odd one
  const cols = [pick(VALID_QUADS), pick(MASKS), r() < 0.5 ? pick(VALID_QUADS) : 'On-link', pick(VALID_QUADS), pick(['26', '0', '306'])];
  while (r() < 0.4) {
    const at = Math.floor(r() * cols.length);
    cols[at] = at === 4 ? pick(METRICS) : r() < 0.6 ? pick(QUADS) : pick(WORDS);
  }
  if (r() < 0.15) cols.splice(Math.floor(r() * cols.length), 1);
  if (r() < 0.1) cols.push(pick(METRICS));
  let row = cols.map((c, i) => (i === 0 ? c : `${r() < 0.9 ? '   ' : pick(BLANKS)}${c}`)).join('');
  if (r() < 0.3) row = `${' '.repeat(Math.floor(r() * 8))}${row}`;
  return row;
}

const HEADER = ['IPv4 Route Table', '===========================================================================', 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric'];
const MIDDLES = ['Persistent Routes:', '  None', 'Persistent Routes:', 'C:\\>route print', 'Interface List', ' 12...f8 e4 e3 5b 20 7c ......Intel(R) Wi-Fi', '===========================================================================', '.', 'Default Gateway:       192.168.1.1', 'Network Address          Netmask  Gateway Address  Metric', 'IPv6 Route Table', ' 1    331 ::1/128                  On-link'];

function randomTable(r: () => number): string {
  const lines = [...HEADER];
  const rows = 5 + Math.floor(r() * 40);
  for (let i = 0; i < rows; i++) lines.push(r() < 0.03 ? MIDDLES[Math.floor(r() * MIDDLES.length)]! : randomRow(r));
  return lines.join(r() < 0.5 ? '\r\n' : '\n');
}

async function parsers() {
  const fast = await import('./route-print');
  vi.resetModules();
  vi.doMock('./route-print-rows', async (original) => ({ ...(await original<typeof import('./route-print-rows')>()), commonV4Row: () => false }));
  const general = await import('./route-print');
  vi.doUnmock('./route-print-rows');
  vi.resetModules();
  return { fast: fast.parseRoutePrint, general: general.parseRoutePrint };
}

/** Both paths on `count` tables made by `table` from a PRNG seeded with `seed`, each read alike; the routes they held. */
async function routesReadAlike(count: number, seed: number, table: (r: () => number) => string): Promise<number> {
  const { fast, general } = await parsers();
  const r = prng(seed);
  let routes = 0;
  const turn = eventLoopTurns();
  for (let i = 0; i < count; i++) {
    await turn();
    const text = table(r);
    const a = fast(text);
    expect(a, text).toEqual(general(text));
    routes += a.value.routes.length;
  }
  return routes;
}

/** A right-aligned row from its destination's end on: netmask, gateway (On-link or a word, or an address), interface, metric. */
function alignedTail(r: () => number, metrics: readonly string[]): string {
  const pick = picker(r);
  const gateway = r() < 0.5 ? 'On-link' : pick([...VALID_QUADS, ...WORDS.slice(0, 4)]);
  return `${pick(MASKS).padStart(17)}${gateway.padStart(18)}${pick(VALID_QUADS).padStart(16)}${pick(metrics).padStart(7)}`;
}

describe('the one-pass IPv4 row reader answers as the general path does', () => {
  it('on every real route print fixture', async () => {
    const { fast, general } = await parsers();
    const files = repoFiles('test/fixtures/real/route-print');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readRepoText(`test/fixtures/real/route-print/${f}`);
      expect(fast(text), f).toEqual(general(text));
    }
  });

  it('on 3 000 tables of random rows', { timeout: 60_000 }, async () => {
    // the tables are mostly readable: the comparison covers the rows the one-pass reader takes
    expect(await routesReadAlike(3000, 20261202, randomTable)).toBeGreaterThan(10_000);
  });
});

/**
 * A right-aligned table as route print prints it, whose rows mostly repeat the row before from the
 * destination's end on (sameTail takes such a row's reading from the row before), with the near
 * misses that must not be taken: one character of the tail changed (a blank for a tab, a digit, a
 * dot), a trailing blank, a destination that is no dotted quad or overflows its column.
 */
function alignedTable(r: () => number): string {
  const pick = picker(r);
  const tails = Array.from({ length: 1 + Math.floor(r() * 3) }, () => alignedTail(r, ['26', '0', '306', '9999']));
  const lines = [...HEADER];
  const width = 13 + Math.floor(r() * 6);
  const rows = 20 + Math.floor(r() * 60);
  for (let i = 0; i < rows; i++) {
    if (r() < 0.02) {
      lines.push(pick(MIDDLES));
      continue;
    }
    const dest = r() < 0.9 ? `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.0` : pick([...QUADS, ...WORDS.slice(0, 3), '10.0.0.0.', ' 10.0.0.1']);
    let tail = r() < 0.85 ? tails[0]! : pick(tails);
    if (r() < 0.1) {
      const at = Math.floor(r() * tail.length);
      tail = tail.slice(0, at) + pick([' ', '\t', '1', '.', 'x', '']) + tail.slice(at + 1);
    }
    if (r() < 0.03) tail += pick([' ', '\t', ' 5']);
    lines.push(`${r() < 0.05 ? pick(['', '>', '\t']) : ''}${dest.padStart(width)}${tail}`);
  }
  return lines.join(r() < 0.5 ? '\r\n' : '\n');
}

describe('a row taken whole from the row before (sameTail) reads as the general path reads it', () => {
  it('on 2 000 right-aligned tables whose rows repeat but for the destination, with near misses', { timeout: 60_000 }, async () => {
    expect(await routesReadAlike(2000, 20261203, alignedTable)).toBeGreaterThan(50_000);
  });

  it('on 60 long tables, where a tail taken hundreds of times is compared by its regex', async () => {
    const { fast, general } = await parsers();
    const r = prng(61203);
    const pick = picker(r);
    for (let i = 0; i < 60; i++) {
      const tail = alignedTail(r, ['26', '0', '306']);
      const row = (t: string) => `${`10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.0`.padStart(17)}${t}`;
      const lines = [...HEADER, ...Array.from({ length: 300 }, () => row(tail))];
      // near misses after the regex took over, each followed by the tail again: mostly a dot of
      // the tail turned into another character (no row: a regex whose dots match anything takes it)
      const dots = [...tail].flatMap((c, k) => (c === '.' ? [k] : []));
      for (let k = 0; k < 100; k++) {
        const at = r() < 0.7 ? pick(dots) : Math.floor(r() * tail.length);
        lines.push(row(`${tail.slice(0, at)}${pick(['x', ':', '-', ' ', '1'])}${tail.slice(at + 1)}`), row(tail));
      }
      const text = lines.join('\r\n');
      expect(fast(text), text).toEqual(general(text));
    }
  });
});

describe('source text read with the row (parseRoutePrint sourceText) is what withSourceText gives', () => {
  const evidence = (text: string, sourceText: boolean) => withSourceText(parseRoutePrint(text, 'route-print.txt', { sourceText }).value.routes, text);

  it('on every real route print fixture', () => {
    for (const f of repoFiles('test/fixtures/real/route-print')) {
      const text = readRepoText(`test/fixtures/real/route-print/${f}`);
      expect(evidence(text, true), f).toEqual(evidence(text, false));
    }
  });

  it('on 2 000 tables of random rows, with every line ending, lone CRs and a BOM among them', async () => {
    const r = prng(61202);
    const breaks = ['\r\n', '\n', '\r', '\r\r\n', '\n\r'];
    let withText = 0;
    const turn = eventLoopTurns();
    for (let i = 0; i < 2000; i++) {
      await turn();
      const lines = randomTable(r).split(/\r?\n/);
      const mixed = r() < 0.3;
      const common = breaks[Math.floor(r() * 2)]!;
      let text = r() < 0.1 ? '\ufeff' : '';
      lines.forEach((l, k) => (text += (k ? (mixed && r() < 0.1 ? breaks[Math.floor(r() * breaks.length)]! : common) : '') + l));
      const a = evidence(text, true);
      expect(a, JSON.stringify(text)).toEqual(evidence(text, false));
      withText += parseRoutePrint(text, 'route-print.txt', { sourceText: true }).value.routes.filter((x) => x.source?.text !== undefined).length;
    }
    // most rows get their text from the parser: the comparison covers that path
    expect(withText).toBeGreaterThan(10_000);
  });
});
