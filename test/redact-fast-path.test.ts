import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor, type SensitiveValue } from '../app/core/report/redact';
import { Redactor as ReferenceRedactor } from './support/redact-reference/redact';

/**
 * Issue 16 budget 3: the Redactor's pre-checks (TextShape: which chunk of names can begin where,
 * SID and MAC separators, public IPv4 found during the same pass), its unremembered fast path and
 * its copy-free walk give exactly what the Redactor before that work gave (a frozen copy in
 * test/support/redact-reference), string by string and token by token, on random texts built
 * from the pieces each pattern looks for, and the same values in every case and script.
 */

const NAMES: SensitiveValue[] = [
  { kind: 'host', value: 'WS-KARPOV7' },
  { kind: 'host', value: 'İSTANBUL-PC' },
  { kind: 'user', value: 'ilkay.yildiz' },
  { kind: 'user', value: 'Иван' },
  { kind: 'org', value: 'Grubbenvorst Logistiek' },
  { kind: 'domain', value: 'CORP' },
  { kind: 'dnsDomain', value: 'corp.example.net' },
  { kind: 'dnsDomain', value: 'ſtraße.example.org' },
  { kind: 'host', value: 'Kelvin-HOST' },
  { kind: 'vpnServer', value: 'vpn1.remote.net' },
  { kind: 'host', value: '1password-box' },
  { kind: 'host', value: '_srv-dc' },
  { kind: 'host', value: '-dash-first' },
  { kind: 'user', value: 'jo' },
  { kind: 'host', value: 'x' },
  { kind: 'host', value: '主机名PC' },
  { kind: 'user', value: 'ılık' },
  { kind: 'host', value: 'dc1' },
  { kind: 'user', value: 'ſusan' },
];

/** pieces the patterns look for, near misses, and separators */
const PIECES = [
  ...NAMES.map((n) => n.value),
  ...NAMES.map((n) => n.value.toUpperCase()),
  ...NAMES.map((n) => n.value.toLowerCase()),
  'ws-karpov', 'susan', 'SUSAN', 'corp.example', 'Ivanov', 'Иванов', 'İ', 'ı', 'i\u0307', 'ſ', 'K', 'Dc1x', 'xdc1',
  '8.8.8.8', '52.174.11.20', '10.13.1.10', '192.168.1.1', '255.255.255.0', '128.0.0.0', '0.0.0.0', '161.44.17.1', '1.2.3', '01.2.3.4', '256.1.1.1', '1.2.3.4.5', '8.8.8.8.',
  '8C-16-45-2A-0B-0E', '8c:16:45:2a:0b:0e', 'MAC=', 'MAC=b8:ac:6f:c2:0a:80:bc:f1:f2:6c:fb:48:08:00', ':08:00', '00155D010B02', '0015.5d01.0b03', '8c 16 45 2a 91 0e', '...', '......', 'f8 e4 e3 5b 20 7c',
  'S-1-5-21-1004336348-1177238915-682001330-1001', 's-1-12-1-1-2-3-4', 'S-1-5-18',
  '2a02:a46c:b:1:5d2e:1111:2222:3333', 'fe80::1', '2001::', '::', '2002:c000:0204::1',
  // round 44: zero-padded quads, reverse-DNS zones, addresses in host names with dashes (and near misses)
  '081.002.003.004', '2.62.00.00', '.in-addr.arpa', 'IN-ADDR.ARPA', '81-2-3-4', 'ec2-', '.isp.net', '-5', '2026-12-07', '00e0-fc12-3456', '00E0-FC12-',
  'On-link', 'REG_SZ', '{4d36e972-e325-11ce-bfc1-08002be10318}', '0x1B', 'HOST-1', 'domain-1.example',
  ' ', '  ', '\t', '.', '-', ':', '\\', '/', '"', '_', '#', '\r', '\u00a0', 'é', 'Ж', '😀', '0', '9', 'a', 'F', 'z',
];

const text = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 5 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }), { maxLength: 14 }).map((p) => p.join(''));

describe('the faster Redactor gives what the reference gave', () => {
  it('texts, one after another (tokens numbered alike)', () => {
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.array(text, { minLength: 1, maxLength: 30 }), (names, texts) => {
        const now = new Redactor(names);
        const ref = new ReferenceRedactor(names);
        for (const t of texts) expect(now.text(t)).toBe(ref.text(t));
        expect(now.summary()).toEqual(ref.summary());
      }),
      { numRuns: 600, seed: 20261202 },
    );
  });

  it('long texts (line by line), JSON-like values with data keys', () => {
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.array(text, { minLength: 1, maxLength: 400 }), fc.constantFrom('\n', '\r\n', '\n  '), (names, lines, eol) => {
        const now = new Redactor(names);
        const ref = new ReferenceRedactor(names);
        const long = lines.join(eol).padEnd(4100, ' x');
        const value = { routes: lines.map((l, i) => ({ destination: l, line: i, source: { text: l.trim() } })), registry: Object.fromEntries(lines.slice(0, 5).map((l) => [`HKLM\\${l}`, l])), files: [long] };
        expect(JSON.stringify(now.value(value))).toBe(JSON.stringify(ref.value(value)));
        expect(now.text(long)).toBe(ref.text(long));
        expect(now.summary()).toEqual(ref.summary());
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('capture files whose lines come in another order than the report showed them clean, with other texts between', () => {
    // lineWise compares each line with the next few clean texts in the order they were met: any
    // other order, extra lines and extra clean texts must still give what the reference gives
    const line = fc.oneof(text, fc.constantFrom('10.0.97.0    255.255.255.0         On-link       192.168.1.1     26', '8.8.8.0    255.255.255.0         On-link       192.168.1.1     26', '  \t 10.0.98.0    255.255.255.0    On-link    192.168.1.1   26 \r', '\u00a010.0.99.0    255.255.255.0    On-link    192.168.1.1   26', '10.0.97.0    255.255.255.0         On-link       192.168.1.1     26    8.8.8.8', '10.0.97.0    255.255.255.0         On-link       192.168.1.1     26 WS-KARPOV7'));
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.array(line, { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { maxLength: 200 }), fc.constantFrom('\n', '\r\n'), (names, lines, order, eol) => {
        const now = new Redactor(names);
        const ref = new ReferenceRedactor(names);
        // the report: every line (trimmed), some twice, with long clean texts of its own between
        const shown = lines.flatMap((l, i) => (i % 7 === 3 ? [l.trim(), 'a clean text of the report, not in the file at all', l.trim()] : [l.trim()]));
        const value = { routes: shown.map((t) => ({ source: { text: t } })) };
        expect(JSON.stringify(now.value(value))).toBe(JSON.stringify(ref.value(value)));
        // the file: the lines moved around (order), some left out, headers between
        const moved = lines.map((l, i) => lines[(order[i] ?? i) % lines.length]!).filter((_, i) => i % 5 !== 4);
        const long = ['Header line of the file that the report never showed', ...moved, '=================================================='].join(eol).padEnd(4200, ' x');
        expect(now.text(long)).toBe(ref.text(long));
        expect(now.summary()).toEqual(ref.summary());
      }),
      { numRuns: 150, seed: 20261205 },
    );
  });

  it('objects walked by for…in give what Object.keys gave: key order, null prototypes, data keys, and a polluted Object.prototype', () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { b: 'WS-KARPOV7', a: '8.8.8.8', 2: 'x', 1: 'CORP' });
    const value = { z: { '10': 'corp', '9': 'ok', 'HKLM\\WS-KARPOV7': 'v', plain: 'kept' }, n: nullProto, list: [{ k: 'WS-KARPOV7', j: 'same' }, { k: 'clean', j: '8.8.4.4' }] };
    const run = () => [JSON.stringify(new Redactor(NAMES).value(value)), JSON.stringify(new ReferenceRedactor(NAMES).value(value))];
    const [now, ref] = run();
    expect(now).toBe(ref);
    // an enumerable property on Object.prototype: for…in would list it, so the walk must not use it
    Object.defineProperty(Object.prototype, 'inherited', { value: 'WS-KARPOV7', enumerable: true, configurable: true, writable: true });
    try {
      const [nowPolluted, refPolluted] = run();
      expect(nowPolluted).toBe(refPolluted);
      expect(nowPolluted).toBe(now);
    } finally {
      delete (Object.prototype as Record<string, unknown>).inherited;
    }
  });

  it('tables that repeat short strings (remembered clean per slot): rows from a small pool, clean and not', () => {
    // a pool small enough that strings repeat, slots collide (same length, first and last
    // character) and clean strings alternate with ones holding a name or a public address
    const pool = fc.constantFrom('255.255.255.0', '255.255.255.255', '192.168.1.1', '192.168.9.1', '8.8.8.8', '8.8.4.8', 'route-print.txt', 'rxute-print.txt', 'On-link', 'On-lin k', 'WS-KARPOV7', 'ws-karpov7', 'corp', 'CORP', 'c0rp', '10.0.0.1', '10.0.0.10', '1', '', 'x', 'Ho', 'dc1', 'dcl');
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.array(fc.tuple(pool, pool, pool, text), { minLength: 1, maxLength: 120 }), (names, rows) => {
        const now = new Redactor(names);
        const ref = new ReferenceRedactor(names);
        const value = rows.map(([a, b, c, t]) => ({ destination: a, netmask: b, source: { file: c, text: t } }));
        expect(JSON.stringify(now.value(value))).toBe(JSON.stringify(ref.value(value)));
        for (const [a, b] of rows) expect([now.text(a), now.text(b)]).toEqual([ref.text(a), ref.text(b)]);
        expect(now.summary()).toEqual(ref.summary());
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('long texts judged word by word (a route line after its fields): words seen clean, colliding, kept, and not clean', () => {
    // CleanTexts.byWords (redact-clean.ts): a long text's words between spaces compared with the strings of their slots or
    // scanned alone; words that hold a name, a public address, half a MAC or a SID, or a colon
    // anywhere (two colons make SHAPE.colons2 across words), tabs and other blanks inside words
    const word = fc.constantFrom('10.0.97.0', '10.0.98.0', '255.255.255.0', '255.255.255.255', 'On-link', 'On-lin', '192.168.1.1', '192.168.1.7', '26', '0', 'x', '8.8.8.8', '8.8.8.0', 'WS-KARPOV7', 'ws-karpov7', 'corp', 'CORP.', 'dc1', 'fe80::1', 'a:b', ':', '8c-16', '45-2a-91', 'S-1-', '5-21', '...', '.', '00155D', '010B02', '0015.', 'route-print.txt', 'rxute-print.txt', 'é', '\u00a0', '\t', 'x\ty', '-dash', '_srv', 'Kelvin', '10.0.0.1', '18.8.8.1', 'camp', 'On-Link.');
    const words = fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 12 }).map((ws) => ws.map(([w, gap]) => w + ' '.repeat(gap)).join('').trim());
    // lines that end as an earlier one did (cleanTail), after other first words, clean or not
    const tails = [' 255.255.255.0         On-link       192.168.1.1     26', '    255.255.255.0    On-link    192.168.1.1   26', ' 255.255.255.0         On-link       8.8.8.8     26', ' On-link WS-KARPOV7', '  x'];
    const line = fc.oneof(words.map((w) => w.padEnd(34, ' ')), fc.tuple(words, fc.constantFrom(...tails), fc.integer({ min: 0, max: 3 })).map(([w, tail, gap]) => w + ' '.repeat(gap) + tail));
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.array(fc.tuple(fc.array(word, { maxLength: 4 }), line), { minLength: 1, maxLength: 80 }), (names, rows) => {
        const now = new Redactor(names);
        const ref = new ReferenceRedactor(names);
        // each row: a few words alone (as a route's fields), then a line of words (as its source text)
        const value = rows.map(([fields, text]) => ({ fields, source: { text } }));
        expect(JSON.stringify(now.value(value))).toBe(JSON.stringify(ref.value(value)));
        for (const [, text] of rows) expect(now.text(text)).toBe(ref.text(text));
        expect(now.summary()).toEqual(ref.summary());
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('many names in many chunks (an LMHOSTS of 1 200 hosts)', () => {
    const names: SensitiveValue[] = Array.from({ length: 1200 }, (_, i) => ({ kind: 'host', value: `HOST${String(i).padStart(5, '0')}` }));
    names.push({ kind: 'host', value: 'Ho' }, { kind: 'dnsDomain', value: 'host00017.example' });
    const now = new Redactor(names);
    const ref = new ReferenceRedactor(names);
    for (let i = 0; i < 1300; i += 7) {
      const line = `10.0.${i >> 8}.${i & 255}    HOST${String(i).padStart(5, '0')}    #PRE host${String(i).padStart(5, '0')}.example ho-${i}`;
      expect(now.text(line)).toBe(ref.text(line));
    }
    expect(now.summary()).toEqual(ref.summary());
  });

  it('never changes what it is given; returns unchanged parts as they are', () => {
    const input = { a: { b: ['10.0.0.1', 'WS-KARPOV7'] }, c: { d: '10.0.0.2' } };
    const copy = structuredClone(input);
    const out = new Redactor(NAMES).value(input);
    expect(input).toEqual(copy);
    expect(out.c).toBe(input.c);
    expect(out.a.b).not.toBe(input.a.b);
    expect(out.a.b).toEqual(['10.0.0.1', 'HOST-1']);
  });
});
