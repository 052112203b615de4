import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import engineEn from '../app/core/i18n/en.json';
import engineNl from '../app/core/i18n/nl.json';
import uiEn from '../renderer/src/locales/en.json';
import uiNl from '../renderer/src/locales/nl.json';

/**
 * Dutch is complete and consistent (issue 13 item 9): every engine and UI string has an nl
 * translation; an nl string equal to its en string is allowed only when listed below as the same in
 * both languages (names, protocols, file names); nl says "u", never "je"; one quote style.
 * Budget: pure JSON walking, a few milliseconds.
 */

type Tree = { [key: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Array.isArray(v)) v.forEach((s, i) => out.set(`${key}.${i}`, s));
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Strings that are the same in English and Dutch: product and protocol names, file names, codes. */
const SAME_IN_BOTH: Record<'engine' | 'ui', RegExp[]> = {
  engine: [/^via$/, /^menu\.help$/, /^report\.(osBuild|col\.gateways?|diagram\.(internet|router))$/, /^vpnRules\.nt4\.strength128$/, /^serverLog\.mppe\.prefix$/, /^serverLog\.step\.(rasServer|vpdnEvent|asaIke|asaTunnel|sstpControl)$/, /^serverLog\.apartMinutes$/, /^report\.kind\.(ethernet|wifi|ppp|vpn|loopback)$/],
  ui: [/^decisions\.(interface|via)$/, /^changes\.regType\.REG_BINARY$/, /^changes\.file\.lmhosts$/, /^profile\.source\.powershell$/],
};
/** values (not keys) that are the same word in both languages */
const SAME_VALUES = new Set([
  'Internet', 'PowerShell', 'PPTP', 'L2TP/IPsec', 'SSTP', 'IKEv2', 'GRE', 'EAP', 'CHAP', 'SPAP', 'MS-CHAP', 'MS-CHAP v2', 'MS-CHAP (Windows 95)',
  'Ethernet', 'VPN', 'Loopback', 'Scripts', 'Router {{gateway}}', 'Server', 'Later', 'TunnelMedic', '{{file}}', 'Wi-Fi',
]);

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();

for (const [name, en, nl] of [
  ['engine', engineEn, engineNl],
  ['ui', uiEn, uiNl],
] as const) {
  describe(`${name} strings in Dutch`, () => {
    const enKeys = flatten(en as Tree);
    const nlKeys = flatten(nl as Tree);

    it('every English string has a Dutch one (and Dutch has nothing English lacks)', () => {
      expect([...enKeys.keys()].filter((k) => !nlKeys.has(k))).toEqual([]);
      expect([...nlKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    });

    it('no Dutch string equals its English one unless it is the same in both languages', () => {
      const same = [...enKeys].filter(([k, v]) => nlKeys.get(k) === v && !SAME_VALUES.has(v) && !SAME_IN_BOTH[name].some((r) => r.test(k)) && /[a-z]{3}/i.test(v.replace(/\{\{[^}]+\}\}/g, '')));
      expect(same.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    });

    it('keeps the same placeholders', () => {
      // a generated script's message may leave a slot out (the route check's internal present/absent word), never add one
      const subsetAllowed = (k: string, en: string[], nl: string[]) => k.startsWith('script.msg.') && nl.every((p) => en.includes(p));
      const differ = [...enKeys].filter(([k, v]) => nlKeys.has(k) && placeholders(v).join() !== placeholders(nlKeys.get(k)!).join() && !subsetAllowed(k, placeholders(v), placeholders(nlKeys.get(k)!)));
      expect(differ.map(([k]) => k)).toEqual([]);
    });

    it('addresses the reader as "u", never "je"/"jij"/"jouw"', () => {
      expect([...nlKeys].filter(([, v]) => /\b(je|jij|jouw|jou|jezelf)\b/i.test(v)).map(([k]) => k)).toEqual([]);
    });

    it('uses one quote style: straight double quotes', () => {
      expect([...nlKeys].filter(([, v]) => /[„“”‘’«»]/.test(v)).map(([k]) => k)).toEqual([]);
    });
  });
}

/**
 * A key written twice in one object: JSON.parse keeps the last one without a word, so a text added
 * twice (two branches adding the same cause's texts) or a key left behind under an old name goes
 * unnoticed. The files are read as text: one `"key":` per line, nesting by indentation (how they
 * are written; a line that is not is reported, so the check cannot silently see nothing).
 */
describe('no key is written twice in a translation file', () => {
  for (const file of ['app/core/i18n/en.json', 'app/core/i18n/nl.json', 'renderer/src/locales/en.json', 'renderer/src/locales/nl.json']) {
    it(file, () => {
      const lines = readFileSync(join(import.meta.dirname, '..', file), 'utf8').split('\n');
      const path: string[] = [];
      const seen = new Set<string>();
      const twice: string[] = [];
      for (const line of lines) {
        const m = line.match(/^( *)"((?:[^"\\]|\\.)*)":/);
        if (!m) continue;
        const depth = m[1]!.length / 2 - 1;
        path.length = depth;
        const full = [...path, m[2]!].join('.');
        if (seen.has(full)) twice.push(full);
        seen.add(full);
        path[depth] = m[2]!;
      }
      expect(seen.size).toBeGreaterThan(100);
      expect(twice).toEqual([]);
    });
  }
});
