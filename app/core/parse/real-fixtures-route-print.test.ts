import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { undoCopyDamage } from './pasted-copy';
import { parseRoutePrint } from './route-print';
import { isSeparator } from './route-print-lines';
import type { RoutePrintResult } from './types';
import { readRepoText } from '../../../test/support/repo-files';

/**
 * Table tests on real `route print` / `netstat -r` outputs found in public material
 * (test/fixtures/real/route-print, provenance in test/fixtures/real/SOURCES.md), checked by hand
 * against each file; real-fixtures.test.ts holds the ipconfig and Get-VpnConnection ones.
 */
const read = (path: string) => readRepoText(join('test/fixtures/real', path));

interface RouteRow {
  classes: number[];
  layout: 'nt5' | 'nt6+' | 'unknown';
  interfaces: number;
  v4: number;
  v6: number;
  persistent: number;
  problems: number[];
}

const ROUTE_PRINT: Record<string, RouteRow> = {
  // bare "10004" in the broadcast row is the Interface List's 0x10004
  'xp-en-juniper-network-connect-bare-hex-10004.txt': { classes: [7, 8], layout: 'nt5', interfaces: 3, v4: 8, v6: 0, persistent: 0, problems: [] },
  'xp-pt-rotas-ativas-bare-index-wrapped-iflist.txt': { classes: [7], layout: 'nt5', interfaces: 4, v4: 9, v6: 0, persistent: 0, problems: [] },
  'win7-en-openvpn-tap-def1-full-tunnel-route-only.txt': { classes: [8], layout: 'nt6+', interfaces: 3, v4: 21, v6: 8, persistent: 0, problems: [] },
  // "." lines before the table and after "Aucun"
  'win10-fr-double-spaced-dot-elisions.txt': { classes: [3, 5], layout: 'nt6+', interfaces: 0, v4: 16, v6: 0, persistent: 0, problems: [2, 4, 6, 54, 56, 58] },
  // lines 29-30 come after "Aucun": reported, not added as duplicates
  'win10-fr-rows-after-aucun-retyped.txt': { classes: [3, 4], layout: 'nt6+', interfaces: 0, v4: 21, v6: 0, persistent: 0, problems: [29, 30] },
  // no header at all: the 5-column row is an active route, the row with a word is reported
  'win10-fr-headerless-rows-annotated.txt': { classes: [3, 5], layout: 'nt6+', interfaces: 0, v4: 1, v6: 0, persistent: 0, problems: [2] },
  'win-en-bracket-elision-row-tabs.txt': { classes: [3], layout: 'nt6+', interfaces: 0, v4: 4, v6: 0, persistent: 0, problems: [5] },
  // "**…**" around three rows: the rows are read
  'xp-en-openvpn-bold-markdown-rows.txt': { classes: [3], layout: 'nt5', interfaces: 0, v4: 15, v6: 0, persistent: 0, problems: [] },
  'xp-en-ppp-collapsed-spaces-two-defaults.txt': { classes: [5, 8], layout: 'nt5', interfaces: 3, v4: 13, v6: 0, persistent: 0, problems: [] },
  'xp-en-ppp-only-host-route-via-own-address.txt': { classes: [8], layout: 'nt5', interfaces: 3, v4: 8, v6: 0, persistent: 0, problems: [] },
  // Russian Windows 11 with a Wintun adapter; the same output with its letters lost is read alike (below)
  'win11-ru-wintun-persistent-host-route.txt': { classes: [1], layout: 'nt6+', interfaces: 7, v4: 6, v6: 0, persistent: 1, problems: [] },
  // "PS> netstat -nr" (a prompt without a path) is a prompt; ":" lines and rows of ":" are elisions
  'win-ja-netstat-nr-bare-ps-prompt-colon-rows.txt': { classes: [3, 6], layout: 'unknown', interfaces: 0, v4: 2, v6: 0, persistent: 0, problems: [2, 8, 10] },
  // a custom PROMPT ("Cmd > ") before `route add` and `route print -4`; "..." is an elision
  'win-ru-custom-cmd-prompt-route-add-elided.txt': { classes: [3, 6], layout: 'unknown', interfaces: 0, v4: 2, v6: 0, persistent: 0, problems: [3] },
  // a Markdown code block inside a list item: every line indented by two blanks, `>route print`
  'win-ja-code-block-indented-isatap.txt': { classes: [1, 3], layout: 'nt6+', interfaces: 5, v4: 2, v6: 0, persistent: 0, problems: [] },
};

/** A route as "destination/prefix gateway interface metric" (gateway "-": on-link; interface: address or #index). */
const routeSig = (r: RoutePrintResult['routes'][number]) =>
  `${r.destination}/${r.prefixLength} ${r.gateway ?? '-'} ${r.interfaceAddress ?? `#${r.interfaceIndex}`} ${r.metric}${r.persistent ? ' P' : ''}`;

/** Every row of the newer fixtures, read by hand from the file. */
const READINGS: Record<string, { routes: string[]; persistent: string[]; interfaces: string[] }> = {
  'win11-ru-wintun-persistent-host-route.txt': {
    routes: [
      '0.0.0.0/0 192.168.0.1 192.168.0.124 35',
      '0.0.0.0/0 - 172.19.0.1 0',
      '89.105.200.136/32 192.168.0.1 192.168.0.124 36 P',
      '127.0.0.0/8 - 127.0.0.1 331',
      '172.21.176.0/20 - 172.21.176.1 5256',
      '192.168.0.0/24 - 192.168.0.124 291',
    ],
    persistent: ['89.105.200.136/32 192.168.0.1 1'],
    interfaces: ['18 - Wintun Tunnel', '17 30-56-0f-57-6f-8b Realtek Gaming 2.5GbE Family Controller', '6 98-fe-3e-3d-f8-b1 Microsoft Wi-Fi Direct Virtual Adapter', '11 9a-fe-3e-3d-f8-b0 Microsoft Wi-Fi Direct Virtual Adapter #2', '10 98-fe-3e-3d-f8-b0 Intel(R) Wi-Fi 6E AX210 160MHz', '1 - Software Loopback Interface 1', '45 00-15-5d-08-e6-0d Hyper-V Virtual Ethernet Adapter'],
  },
  'win-ja-netstat-nr-bare-ps-prompt-colon-rows.txt': {
    routes: ['0.0.0.0/0 192.168.3.1 192.168.3.9 30', '192.168.4.0/24 192.168.3.10 192.168.3.9 31'],
    persistent: [],
    interfaces: [],
  },
  'win-ru-custom-cmd-prompt-route-add-elided.txt': {
    routes: ['0.0.0.0/0 192.168.0.1 192.168.0.101 25', '0.0.0.0/0 192.168.100.1 192.168.100.181 7'],
    persistent: [],
    interfaces: [],
  },
  'win-ja-code-block-indented-isatap.txt': {
    routes: ['0.0.0.0/0 169.54.255.65 169.54.255.73 26', '10.115.0.0/16 192.168.0.1 192.168.0.2 26'],
    persistent: [],
    interfaces: ['3 06-93-7a-03-f0-b3 XenServer PV Network Device #0', '4 06-ff-8f-6d-89-e8 XenServer PV Network Device #1', '1 - Software Loopback Interface 1', '7 00-00-00-00-00-00-00-e0 Microsoft ISATAP Adapter #2', '10 00-00-00-00-00-00-00-e0 Microsoft ISATAP Adapter #3'],
  },
};

/** `fold -s -w width`: a line longer than `width` broken after its last blank that fits (the blank kept on the first part). */
function wrapAt(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width - 1);
        const at = cut > 0 ? cut + 1 : width;
        out.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      return [...out, rest];
    })
    .join('\n');
}

const readingOf = (v: RoutePrintResult) => ({
  routes: v.routes.map(routeSig),
  persistent: v.persistentRoutes.map((p) => `${p.destination}/${p.prefixLength} ${p.gateway} ${p.metric}`),
  interfaces: v.interfaces.map((i) => `${i.index} ${i.mac ?? '-'} ${i.description}`),
});

/**
 * What the letters of a localised output become on their way (the table's own bytes unchanged):
 * the OEM bytes of the console read as UTF-8 (each invalid byte a U+FFFD; the source of
 * win11-ru-wintun-… says its headers "arrive as OEM mojibake through a UTF-8 pipe"), or converted to
 * a code page without those letters (each one a `?`; assumed: what a conversion with replacement does).
 */
const LOST_LETTERS: Record<string, (text: string, oem: string) => string> = {
  'OEM bytes read as UTF-8': (text, oem) => new TextDecoder('utf-8').decode(iconv.encode(text, oem)),
  'letters replaced by ?': (text) => text.replace(/[^\u0000-\u007f]/gu, '?'),
};

describe('parseRoutePrint on real outputs (test/fixtures/real/route-print)', () => {
  it.each(Object.keys(ROUTE_PRINT))('%s', (file) => {
    const want = ROUTE_PRINT[file]!;
    const { value, problems } = parseRoutePrint(read(join('route-print', file)), file);
    expect({
      layout: value.layout,
      interfaces: value.interfaces.length,
      v4: value.routes.filter((r) => r.family === 4).length,
      v6: value.routes.filter((r) => r.family === 6).length,
      persistent: value.persistentRoutes.length,
    }).toEqual({ layout: want.layout, interfaces: want.interfaces, v4: want.v4, v6: want.v6, persistent: want.persistent });
    expect(problems.map((p) => p.line)).toEqual(want.problems);
  });

  it.each(Object.keys(READINGS))('reads every row of %s', (file) => {
    expect(readingOf(parseRoutePrint(read(join('route-print', file)), file).value)).toEqual(READINGS[file]);
  });

  // a label whose letters were lost is still a label: the persistent list used to be taken for
  // active rows (one reported as cut short) and the host route was no longer marked persistent
  it.each(Object.keys(LOST_LETTERS))('reads a Russian output whose letters were lost (%s) as the output itself', (how) => {
    const file = 'win11-ru-wintun-persistent-host-route.txt';
    const damaged = LOST_LETTERS[how]!(read(join('route-print', file)), 'cp866');
    expect(damaged).not.toMatch(/[А-я]/u);
    const { value, problems } = parseRoutePrint(damaged, file);
    expect(readingOf(value)).toEqual(READINGS[file]);
    expect(problems).toEqual([]);
  });

  // a cheat sheet's HTML: the whole `netstat -r` one line, its lines joined by <br>; it used to be
  // "not a route print output" (build-snapshot.ts undoes a copy's damage before parsing, as here)
  it('reads a Server 2008 netstat -r whose lines a web page joined with <br>, every row', () => {
    const file = 'server2008-en-netstat-r-html-br-one-line.txt';
    const copy = read(join('route-print', file));
    expect(copy.trimEnd().split('\n')).toHaveLength(1);
    const undone = undoCopyDamage(copy, { atColumnZero: isSeparator });
    expect(undone.repairs).toEqual([{ kind: 'html', firstLine: 1, lines: 1 }]);
    const { value, problems } = parseRoutePrint(undone.text, file);
    const on = (dest: string, iface: string, metric: number) => `${dest} - ${iface} ${metric}`;
    expect(readingOf(value)).toEqual({
      routes: [
        '0.0.0.0/0 192.168.10.1 192.168.10.34 266 P',
        on('127.0.0.0/8', '127.0.0.1', 306),
        on('127.0.0.1/32', '127.0.0.1', 306),
        on('127.255.255.255/32', '127.0.0.1', 306),
        on('192.168.10.0/24', '192.168.10.34', 266),
        on('192.168.10.34/32', '192.168.10.34', 266),
        on('192.168.10.255/32', '192.168.10.34', 266),
        on('224.0.0.0/4', '127.0.0.1', 306),
        on('224.0.0.0/4', '192.168.10.34', 266),
        on('255.255.255.255/32', '127.0.0.1', 306),
        on('255.255.255.255/32', '192.168.10.34', 266),
        '::1/128 - #1 306',
        'fe80::/64 - #10 266',
        'fe80::11bc:e019:25e5:916d/128 - #10 266',
        'ff00::/8 - #1 306',
        'ff00::/8 - #10 266',
      ],
      persistent: ['0.0.0.0/0 192.168.10.1 null'],
      interfaces: ['10 00-0c-29-9a-e2-26 Intel(R) PRO/1000 MT Network Connection', '1 - Software Loopback Interface 1', '12 00-00-00-00-00-00-00-e0 isatap.{DDE3DF3D-3417-4EBF-BF66-73BD3A64FF26}', '11 02-00-54-55-4e-01 Teredo Tunneling Pseudo-Interface'],
    });
    expect(value.layout).toBe('nt6+');
    // line 1 is the prompt; a route's line is its line in the output, as the <br> broke it
    expect(problems).toEqual([]);
    expect(value.routes[0]!.source?.line).toBe(14);
  });

  // a mail or forum that hard-wraps at 60-76 columns (at a blank, as `fold -s` does) puts the end of
  // every row on a line of its own: every route used to be lost, one row taken for a persistent one
  it.each([60, 61, 62, 63, 64, 66, 68, 70, 72])('reads the rows a copy wrapped at %i columns, each whole on its first line', (width) => {
    for (const file of ['win11-ru-wintun-persistent-host-route.txt', 'win-ja-code-block-indented-isatap.txt', 'win-ru-custom-cmd-prompt-route-add-elided.txt']) {
      const wrapped = wrapAt(read(join('route-print', file)), width);
      expect(wrapped.split('\n').length, file).toBeGreaterThan(read(join('route-print', file)).split('\n').length);
      const { value, problems } = parseRoutePrint(wrapped, file);
      expect(readingOf(value).routes, `${file} at ${width}`).toEqual(READINGS[file]!.routes);
      expect(readingOf(value).persistent).toEqual(READINGS[file]!.persistent);
      // the evidence of a row is the whole row: its two parts joined
      for (const r of value.routes) expect(r.source?.text ?? '', file).toMatch(new RegExp(`^${r.destination.replace(/\./g, '\\.')}\\s.*\\s${r.metric}$`));
      // the column headers wrap too: both parts are the header; the end of an adapter description or
      // of a typed command on its own line is reported (the interface row and the prompt are read)
      const lines = wrapped.split('\n');
      const afterInterfaceRow = (line: number) => /^\s*\d+\s?\.{3}|>/.test(lines[line - 2] ?? '');
      const unread = problems.filter((p) => p.code !== 'routePrint.elision' && !(p.code === 'routePrint.unrecognised' && afterInterfaceRow(p.line!)));
      expect(unread.map((p) => [p.line, p.code, p.params?.line]), `${file} at ${width}`).toEqual([]);
    }
  });

  it('reads an Interface List whose dot leaders a blog\'s typography made ellipses ("19…00 05 …… ……Desc") as the intact one', () => {
    // every real route print with a dot leader: each "..." an ellipsis, as WordPress's wptexturize writes them
    // (index file id 23188003552: openssl's dot runs as `&#8230;&#8230;..`); its interfaces used to be lost,
    // and with them the interface index of every route, and an 80-column wrap was no longer seen
    const files = Object.keys(ROUTE_PRINT).filter((f) => read(join('route-print', f)).includes('...'));
    expect(files.length).toBeGreaterThan(8);
    const reading = (text: string) => {
      const { value, problems } = parseRoutePrint(text, 'x.txt');
      return JSON.stringify([value.interfaces, value.routes.map(({ source: _, ...r }) => r), problems.map((p) => [p.line, p.code])]);
    };
    for (const f of files) {
      const text = read(join('route-print', f));
      expect([f, reading(text.replace(/\.\.\./g, '\u2026'))]).toEqual([f, reading(text)]);
    }
  });

  it('reads XP bare interface numbers as hexadecimal and joins wrapped descriptions', () => {
    const jn = parseRoutePrint(read('route-print/xp-en-juniper-network-connect-bare-hex-10004.txt')).value;
    expect(jn.routes.filter((r) => r.interfaceIndex !== undefined).map((r) => r.interfaceIndex)).toEqual([0x10004]);
    expect(jn.interfaces.map((i) => i.index)).toContain(0x10004);
    const pt = parseRoutePrint(read('route-print/xp-pt-rotas-ativas-bare-index-wrapped-iflist.txt')).value;
    expect(pt.interfaces.map((i) => i.description)).toEqual([
      'MS TCP Loopback interface',
      'Realtek RTL8139 Family PCI Fast Ethernet NIC - Miniporta do agendador de pacotes',
      'Atheros AR5005G Wireless Network Adapter - Miniporta do agendador de pacotes',
      'RT73 USB Wireless LAN Card - Miniporta do agendador de pacotes',
    ]);
    const evdo = parseRoutePrint(read('captures/xp-en-evdo-ppp-vmware/route-print.txt')).value;
    expect(evdo.interfaces.map((i) => [i.index, i.description])).toEqual([
      [1, 'MS TCP Loopback interface'],
      [2, 'VMware Virtual Ethernet Adapter for VMnet8'],
      [3, 'VMware Virtual Ethernet Adapter for VMnet1'],
      [4, 'Intel(R) PRO/Wireless 2915ABG Network Connection - Packet Scheduler Miniport'],
      [0x10006, 'Broadcom NetXtreme Gigabit Ethernet - Packet Scheduler Miniport'],
      [0x20007, 'WAN (PPP/SLIP) Interface'],
    ]);
    expect(evdo.routes.filter((r) => r.interfaceIndex !== undefined).map((r) => r.interfaceIndex)).toEqual([4, 0x10006]);
  });

  it('keeps one output when route print is pasted twice after a prompt', () => {
    const once = read('route-print/xp-en-juniper-network-connect-bare-hex-10004.txt');
    const twice = parseRoutePrint(`C:\\>route print\n${once}\nC:\\>route print\n${once}`, 'x.txt');
    expect(twice.value.routes).toHaveLength(8);
    expect(twice.value.interfaces).toHaveLength(3);
    const lines = once.split('\n').length;
    expect(twice.problems).toEqual([{ source: 'x.txt', line: lines + 2, message: 'another route print output starts here; one is kept (the fuller output, on a tie the later one)', code: 'routePrint.anotherOutput' }]);
  });
});

