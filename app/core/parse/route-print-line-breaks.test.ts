import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoutePrint } from './route-print';
import { restoreRouteLineBreaks } from './route-print-line-breaks';
import type { RoutePrintResult } from './types';
import { readRepoText } from '../../../test/support/repo-files';

/**
 * A route print whose line ends a copy lost (route-print-line-breaks.ts): the real one-line table of a
 * WeChat article, and real route prints with every line end turned into a blank (what a page showing
 * the output as running text does; assumed from that real copy), read as their own lines are.
 */
const read = (path: string) => readRepoText(join('test/fixtures/real/route-print', path));
const sig = (r: RoutePrintResult['routes'][number]) => `${r.destination}/${r.prefixLength} ${r.gateway ?? '-'} ${r.interfaceAddress ?? `#${r.interfaceIndex}`} ${r.metric}${r.persistent ? ' P' : ''}`;
const reading = (v: RoutePrintResult) => ({
  routes: v.routes.map(sig),
  persistent: v.persistentRoutes.map((p) => `${p.destination}/${p.prefixLength} ${p.gateway} ${p.metric}`),
  interfaces: v.interfaces.map((i) => `${i.index} ${i.mac ?? '-'} ${i.description}`),
});
const restored = (text: string) => restoreRouteLineBreaks(text)?.text ?? text;

describe('a route print whose line ends were lost', () => {
  it('reads the real one-line Chinese table: its 21 rows, one note and nothing else', () => {
    const text = read('win-zh-line-breaks-lost-wechat-article.txt');
    expect(parseRoutePrint(text).value.routes).toHaveLength(0);
    const r = restoreRouteLineBreaks(text);
    expect(r?.repair).toEqual({ kind: 'lineBreaks', firstLine: 1, lines: 1 });
    const v = parseRoutePrint(r!.text);
    expect(v.problems).toEqual([]);
    expect(v.value.routes.map(sig)).toEqual([
      '0.0.0.0/0 192.168.3.1 192.168.3.3 30',
      '127.0.0.0/8 - 127.0.0.1 331',
      '127.0.0.1/32 - 127.0.0.1 331',
      '127.255.255.255/32 - 127.0.0.1 331',
      '172.22.160.0/20 - 172.22.160.1 5256',
      '172.22.160.1/32 - 172.22.160.1 5256',
      '172.22.175.255/32 - 172.22.160.1 5256',
      '172.25.16.0/20 - 172.25.16.1 5256',
      '172.25.16.1/32 - 172.25.16.1 5256',
      '172.25.31.255/32 - 172.25.16.1 5256',
      '192.168.3.0/24 - 192.168.3.3 286',
      '192.168.3.3/32 - 192.168.3.3 286',
      '192.168.3.255/32 - 192.168.3.3 286',
      '224.0.0.0/4 - 127.0.0.1 331',
      '224.0.0.0/4 - 192.168.3.3 286',
      '224.0.0.0/4 - 172.25.16.1 5256',
      '224.0.0.0/4 - 172.22.160.1 5256',
      '255.255.255.255/32 - 127.0.0.1 331',
      '255.255.255.255/32 - 192.168.3.3 286',
      '255.255.255.255/32 - 172.25.16.1 5256',
      '255.255.255.255/32 - 172.22.160.1 5256',
    ]);
  });

  it.each([
    // Interface List, IPv4 and persistent tables (Russian)
    'win11-ru-wintun-persistent-host-route.txt',
    // XP: hex indexes in the Interface List, "Default Gateway:" and "Persistent Routes: None" after the rows
    'xp-en-juniper-network-connect-bare-hex-10004.txt',
    // Windows 7: IPv4 and IPv6 tables, TAP-Windows
    'win7-en-openvpn-tap-def1-full-tunnel-route-only.txt',
    // Japanese, a `>route print` prompt, Interface List with ISATAP rows
    'win-ja-code-block-indented-isatap.txt',
  ])('%s with every line end a blank reads as the output itself', (file) => {
    const text = read(file);
    const joined = text.split(/\r?\n/).join(' ');
    expect(restoreRouteLineBreaks(joined)?.repair.kind).toBe('lineBreaks');
    const own = parseRoutePrint(text).value;
    const back = parseRoutePrint(restored(joined)).value;
    expect(reading(back)).toEqual(reading(own));
    expect(back.layout).toBe(own.layout);
  });

  it('leaves a plain output and a long Interface List description alone', () => {
    for (const file of ['win11-ru-wintun-persistent-host-route.txt', 'xp-en-ppp-collapsed-spaces-two-defaults.txt']) expect(restoreRouteLineBreaks(read(file))).toBeUndefined();
    const long = ` 12...00 15 5d 01 02 03 ......${'Very Long Vendor Adapter Name '.repeat(10)}\n`;
    expect(restoreRouteLineBreaks(long)).toBeUndefined();
  });
});
