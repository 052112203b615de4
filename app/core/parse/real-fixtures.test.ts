import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIpconfig } from './ipconfig';
import { undoCopyDamage } from './pasted-copy';
import { parseRoutePrint } from './route-print';
import { isSeparator } from './route-print-lines';
import { parseVpnConnection } from './vpnconnection';
import iconv from 'iconv-lite';
import type { IpconfigAdapter, RoutePrintResult } from './types';
import { readRepoText } from '../../../test/support/repo-files';

/**
 * Table tests on real outputs found in public material, kept apart from the shared corpus
 * (test/fixtures/real, provenance in its SOURCES.md). One row per file, checked by hand against
 * the file: adapters as "name | kind | up/down | IPv4/prefix… | gateways… | DNS servers…", and the
 * line numbers that must be reported (every other line is understood).
 */
const read = (path: string) => readRepoText(join('test/fixtures/real', path));

const sig = (a: IpconfigAdapter) =>
  [a.name, a.kind, a.connected ? 'up' : 'down', a.ipv4.map((x) => `${x.address}/${x.prefixLength}`).join(' '), a.gateways.join(' '), a.dnsServers.join(' ')].join(' | ');

interface IpconfigRow {
  /** issue-17 classes the file is evidence for */
  classes: number[];
  hostname?: string;
  adapters: string[];
  problems: number[];
  descriptions?: string[];
  ipv6?: string[][];
}

const IPCONFIG: Record<string, IpconfigRow> = {
  // German XP header "Ethernetadapter" and "Physikalische Adresse": the LAN adapter used to vanish
  'xp-de-ethernetadapter-ppp-breitband.txt': {
    classes: [1, 7, 8],
    hostname: 'henry',
    adapters: [
      'LAN-Verbindung | ethernet | up | 192.168.1.100/24 | 192.168.1.1 | 192.168.1.1',
      'Breitbandverbindung | ppp | up | 85.180.143.6/32 | 85.180.143.6 | 62.109.123.197 213.191.74.19',
    ],
    descriptions: ['Realtek RTL8139-Familie-PCI-Fast Ethernet-NIC', 'WAN (PPP/SLIP) Interface'],
    problems: [],
  },
  // ".*." in the leader: address, mask and gateway of both adapters used to be lost
  'xp-fr-star-dot-leader-carte-ppp.txt': {
    classes: [1, 2],
    adapters: [
      'Connexion au réseau local | ethernet | up | 192.168.2.104/24 | 192.168.2.1 | 208.67.222.222 208.67.220.220',
      'rational | ppp | up | 172.19.1.31/32 | 172.19.1.31 | 192.168.0.240 208.67.222.222',
    ],
    problems: [],
  },
  'xp-fr-triple-spaced-bbcode-color.txt': {
    classes: [2, 3],
    hostname: 'Anticlimax',
    adapters: ['Connexion au réseau local | ethernet | up | 134.157.195.42/24 | 134.157.195.126 | 134.157.0.129'],
    problems: [],
  },
  // description on the line after "Beschrijving . . . :"
  'xp-nl-description-on-next-line.txt': {
    classes: [1, 7],
    hostname: 'Dave',
    adapters: ['LAN-verbinding | ethernet | up | 192.168.0.201/24 | 192.168.0.1 | '],
    descriptions: ['Realtek RTL8139 Family PCI Fast Ethernet NIC'],
    problems: [],
  },
  'xp-it-scheda-ethernet-prompt.txt': {
    classes: [1],
    hostname: 'bill-qti56loeoc',
    adapters: ['Connessione alla rete locale (LAN) | ethernet | up | 192.168.1.21/27 | 192.168.1.1 | 192.168.1.1'],
    descriptions: ['Intel(R) PRO/100 VE Network Connection'],
    problems: [],
  },
  // a MAC the poster blanked out ("xx-xx") is redaction, not an error
  'xp-es-adaptador-ethernet-padded-header.txt': {
    classes: [1, 7],
    hostname: 'COLOSSUxxxxx',
    adapters: ['Conexión de área local | ethernet | up | 192.168.1.10/24 | 192.168.1.1 | 192.168.1.1'],
    problems: [],
  },
  'xp-pt-adaptador-ethernet-ligacao.txt': {
    classes: [1],
    hostname: 'Escrito1',
    adapters: ['Ligação de área local | ethernet | up | 192.168.1.133/24 | 192.168.1.1 | 80.251.160.2 80.251.160.3'],
    problems: [],
  },
  // name first: "Подключение по локальной сети 2 - Ethernet адаптер:"
  'xp-ru-name-first-ethernet-adapter-header.txt': {
    classes: [1],
    hostname: 'shopsterminal',
    adapters: ['Подключение по локальной сети 2 | ethernet | up | 192.168.2.17/16 192.168.1.5/16 192.168.1.17/16 | 192.168.1.1 | 192.168.50.1 192.168.110.3'],
    descriptions: ['Embedded Broadcom NetXtreme 5721 PCI-E Gigabit NIC #2'],
    problems: [],
  },
  // line 8 is a person's note
  'win-ru-person-note-between-sections.txt': {
    classes: [3],
    hostname: 'WIN-3VQCTDKL51R',
    adapters: ['Ethernet | ethernet | up | 192.168.200.225/24 | 192.168.200.1 | 192.168.200.1'],
    problems: [8],
  },
  // addresses cut at the 80th column are joined (the lost ":" or "%" restored when that gives an address)
  'vista-it-wrapped-ipv6-values.txt': {
    classes: [1, 7],
    hostname: 'fraz',
    adapters: [
      'Connessione di rete Bluetooth | ethernet | down |  |  | ',
      'Connessione rete wireless | wifi | down |  |  | ',
      'Connessione alla rete locale (LAN) | ethernet | up | 192.168.2.34/24 | 192.168.2.1 | 208.67.222.222 208.67.220.220',
      'Connessione alla rete locale (LAN)* 6 | other | down |  |  | ',
      'Connessione alla rete locale (LAN)* 7 | other | up |  | :: | ',
    ],
    ipv6: [[], [], ['fe80::15f9:6db0:359d:8c2b'], [], ['2001:0:d5c7:a2d6:20aa:494:af78:3e04', 'fe80::20aa:494:af78:3e04']],
    problems: [],
  },
  'win10-ja-ppp-adapter-vnet.txt': { classes: [1], adapters: ['VNetData | ppp | up | 172.16.201.2/32 |  | 10.2.1.3'], problems: [] },
  'win7-ja-local-area-wrapped-description.txt': {
    classes: [1, 7],
    hostname: 'MyCowin7',
    adapters: ['ローカル エリア接続 | ethernet | up | 192.168.1.101/24 | 192.168.1.254 | 192.168.1.1 192.168.1.2'],
    descriptions: ['Intel(R) 82579LM Gigabit Network Connection'],
    problems: [],
  },
  'win10-it-scheda-sconosciuta-wintun.txt': { classes: [1, 8], adapters: ['OpenVPN Wintun | vpn | up | 10.29.2.2/24 |  | 10.12.0.25 10.12.0.26'], problems: [] },
  'win10-fr-double-spaced-unindented.txt': {
    classes: [2, 7],
    adapters: ['Wi-Fi | wifi | up | 10.33.2.162/22 | 10.33.3.253 | 10.33.10.20 10.33.10.2 8.8.8.8 8.8.4.4'],
    problems: [],
  },
  // three "." lines between the header and the labels: reported, the adapter goes on
  'win10-fr-dot-elision-inside-adapter.txt': { classes: [3], adapters: ['Wi-Fi | wifi | up | 10.33.3.244/10 | 10.33.3.253 | '], problems: [4, 6, 8] },
  'xp-en-bbcode-size-every-line.txt': {
    classes: [3],
    hostname: 's-3887580aa2b74',
    adapters: [
      'Local Area Connection | ethernet | up | 192.168.0.1/24 | 61.5.149.174 | 192.168.0.1',
      'CNet | ppp | up | 61.5.149.221/32 | 61.5.149.221 | 202.163.96.3 202.163.96.4',
    ],
    problems: [],
  },
  // two runs: lines 2, 3, 17, 18 are another command's output; line 19 is the prompt of the second run
  'xp-en-two-runs-reverse-shell-echo.txt': {
    classes: [6],
    adapters: ['Local Area Connection | ethernet | up | 10.10.10.15/24 | 10.10.10.2 | '],
    problems: [2, 3, 17, 18, 19],
  },
  // Korean, no vocabulary for its labels: every field read from its value and place (one notice, line 5)
  'win10-ko-ethernet-static-no-title.txt': {
    classes: [1],
    adapters: ['이더넷 4 | ethernet | up | 192.168.11.181/24 | 192.168.11.1 | 168.126.63.1'],
    descriptions: ['Realtek PCIe GbE Family Controller #2'],
    ipv6: [['fe80::a96c:25e2:60e1:2616']],
    problems: [5],
  },
  // "미디어 상태" (Media State) first: disconnected; the "❯ ipconfig /all" prompt of another shell
  'win10-ko-wifi-direct-starship-prompt.txt': {
    classes: [1, 3],
    adapters: ['로컬 영역 연결* 2 | wifi | down |  |  | '],
    descriptions: ['Microsoft Wi-Fi Direct Virtual Adapter'],
    problems: [5],
  },
  // indentation lost in the first three adapters; line 22's address has no mask in the paste
  'win11-zh-tw-powershell-indent-lost-plain.txt': {
    classes: [1, 2],
    adapters: [
      '乙太網路 4 | ethernet | down |  |  | ',
      'vEthernet (WSL (Hyper-V firewall)) | ethernet | up | 172.17.32.1/20 |  | ',
      '乙太網路 | ethernet | up | 192.168.199.33/24 | 192.168.199.1 | ',
      '乙太網路 5 | ethernet | up | 192.168.56.1/32 |  | ',
      '區域連線* 2 | wifi | down |  |  | ',
      '乙太網路 3 | ethernet | down |  |  | ',
      'Wi-Fi | wifi | up | 192.168.120.232/24 | 192.168.120.254 | ',
      '藍牙網路連線 | ethernet | down |  |  | ',
    ],
    problems: [4, 22],
  },
  // labels retyped half in English by the poster ("Physical Addresse", "IP-Address", "DNS-Servers"), one with
  // its colon glued on (line 12) and one with none (line 26, reported); PPTP over a PPP adapter
  'xp-de-hand-translated-labels-pptp-ppp.txt': {
    classes: [1, 3, 8],
    hostname: 'axel',
    adapters: [
      'LAN-Verbindung | ethernet | up | 172.16.1.77/16 | 172.16.0.1 | 172.16.0.1',
      'INTERNET | ppp | up | 192.168.10.4/32 | 192.168.10.4 | 172.16.0.1 172.16.0.1',
    ],
    descriptions: ['Fast Ethernet Card', 'WAN (PPP/SLIP) Interface'],
    problems: [4, 26],
  },
  // Windows 10, Russian: IKEv2 on a PPP adapter with gateway 0.0.0.0, "Среда передачи недоступна." with its dot
  'win10-ru-ikev2-ppp-gateway-0000-media-value-dot.txt': {
    classes: [8],
    adapters: [
      'vEthernet (WSL) | ethernet | up | 172.17.96.1/20 |  | ',
      'Npcap Loopback Adapter | loopback | up | 169.254.193.22/16 |  | ',
      'Ethernet 3 | ethernet | down |  |  | ',
      'Ethernet 4 | ethernet | down |  |  | ',
      'Подключение по локальной сети | vpn | down |  |  | ',
      'Подключение по локальной сети* 9 | wifi | down |  |  | ',
      'Подключение по локальной сети* 10 | wifi | down |  |  | ',
      'IKEv2 VPN 159.65.207.158 | ppp | up | 192.168.43.10/32 | 0.0.0.0 | ',
      'Беспроводная сеть | wifi | up | 172.20.7.43/20 | 172.20.0.1 | ',
      'Сетевое подключение Bluetooth | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win-tr-ethernet-bagdastiricisi-fragment.txt': {
    classes: [1],
    adapters: ['Ethernet | ethernet | up | 10.17.1.222/24 | 10.17.1.101 | '],
    problems: [4],
  },
};

describe('parseIpconfig on real outputs (test/fixtures/real/ipconfig)', () => {
  it.each(Object.keys(IPCONFIG))('%s', (file) => {
    const want = IPCONFIG[file]!;
    const { value, problems } = parseIpconfig(read(join('ipconfig', file)), file);
    expect(value.adapters.map(sig)).toEqual(want.adapters);
    expect(value.hostname).toBe(want.hostname);
    expect(problems.map((p) => p.line)).toEqual(want.problems);
    if (want.descriptions) expect(value.adapters.map((a) => a.description)).toEqual(want.descriptions);
    if (want.ipv6) expect(value.adapters.map((a) => a.ipv6.map((x) => x.address))).toEqual(want.ipv6);
  });

  it('keeps an adapter whose header the tables do not know, and reports the header', () => {
    // the same German XP output with its header phrase replaced by one in no table
    const text = read('ipconfig/xp-de-ethernetadapter-ppp-breitband.txt').replace('Ethernetadapter LAN-Verbindung:', 'Adaptér sítě Ethernet LAN-Verbindung:');
    const { value, problems } = parseIpconfig(text, 'x.txt');
    expect(value.adapters.map(sig)).toEqual([
      'Adaptér sítě Ethernet LAN-Verbindung | ethernet | up | 192.168.1.100/24 | 192.168.1.1 | 192.168.1.1',
      'Breitbandverbindung | ppp | up | 85.180.143.6/32 | 85.180.143.6 | 62.109.123.197 213.191.74.19',
    ]);
    expect(problems).toEqual([{ source: 'x.txt', line: 14, message: 'adapter header «Adaptér sítě Ethernet LAN-Verbindung» is not in the known headers; read as an adapter of unknown kind', code: 'ipconfig.unknownHeader', params: { header: '«Adaptér sítě Ethernet LAN-Verbindung»' } }]);
  });

  it('keeps the fuller output when plain ipconfig is followed by ipconfig /all', () => {
    const all = read('ipconfig/xp-en-bbcode-size-every-line.txt');
    const plain = 'C:\\>ipconfig\r\n\r\nWindows IP Configuration\r\n\r\nEthernet adapter Local Area Connection:\r\n\r\n        IP Address. . . . . . . . . . . . : 192.168.0.1\r\n        Subnet Mask . . . . . . . . . . . : 255.255.255.0\r\n\r\n';
    for (const text of [plain + all, all + plain]) {
      const { value, problems } = parseIpconfig(text, 'x.txt');
      expect(value.adapters.map((a) => a.name)).toEqual(['Local Area Connection', 'CNet']);
      expect(problems.filter((p) => p.message.startsWith('another ipconfig output'))).toHaveLength(1);
    }
  });
});

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

/** Get-VpnConnection list views: "name | server | tunnel | encryption | auth | IPsec auth | split | all users", checked by hand. */
const VPN_CONNECTION: Record<string, { classes: number[]; profiles: string[]; problems: number[] }> = {
  // double-spaced, but only one blank between profiles: the three used to merge into the last one
  'get-vpnconnection-double-spaced-one-blank-between-profiles.txt': {
    classes: [2],
    profiles: [
      'Test3 | 10.1.1.1 | pptp | require | mschapv2 |  | true | true',
      'Test4 | 10.1.1.2 | l2tp | require | eap | Psk | true | true',
      'test5 | 10.1.1.3 | l2tp | require | eap | Certificate | true | true',
    ],
    problems: [],
  },
  // every line indented by two tabs in a person's notes: the profile used to go unrecognised
  'get-vpnconnection-tab-indented-sstp-notes.txt': {
    classes: [2, 3],
    profiles: ['keenHome | greentee.keenetic.pro | sstp | optional | mschapv2 |  | true | false'],
    problems: [],
  },
};

describe('parseVpnConnection on real list views (test/fixtures/real/powershell)', () => {
  it.each(Object.keys(VPN_CONNECTION))('%s', (file) => {
    const want = VPN_CONNECTION[file]!;
    const { value, problems } = parseVpnConnection(read(join('powershell', file)), file);
    expect(value.recognised).toBe(true);
    expect(value.profiles.map((p) => [p.name, p.server, p.tunnel, p.encryption, p.auth.join('+'), p.ipsecAuth ?? '', p.splitTunnel, p.allUsers].join(' | '))).toEqual(want.profiles);
    expect(problems.map((p) => p.line)).toEqual(want.problems);
  });
});
