import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIpconfig } from './ipconfig';
import { parseVpnConnection } from './vpnconnection';
import type { IpconfigAdapter } from './types';
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
  primaryDnsSuffix?: string;
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
  // every letter outside ASCII a "?" (a PowerShell shell's ASCII encoding): its labels used to be read only
  // by their values and place, and reported as in no vocabulary (line 8)
  'win-es-powershell-ascii-shell-lost-letters.txt': {
    classes: [1, 3],
    adapters: ['Ethernet | ethernet | up | 10.1.1.33/24 | fe80::5054:ff:fe12:3500 10.1.1.1 | '],
    ipv6: [['fd17:625c:f037:2:94eb:793:6a4:f51e', 'fd17:625c:f037:2:8c73:57c2:3d23:7388', 'fe80::94eb:793:6a4:f51e']],
    problems: [],
  },
  'win-tr-ethernet-bagdastiricisi-fragment.txt': {
    classes: [1],
    adapters: ['Ethernet | ethernet | up | 10.17.1.222/24 | 10.17.1.101 | '],
    problems: [4],
  },
  // cp850 shown as Windows-1252 ("Prim„res DNS-Suffix"): the label used to be read only by its value
  // and place — as a search list, so the primary suffix was lost — and reported (line 4)
  'win-de-cp850-shown-as-win1252-primaeres.txt': {
    classes: [1],
    hostname: 'ELME-111',
    primaryDnsSuffix: 'schule.local',
    adapters: ['LAN-Verbindung | ethernet | up | 172.17.67.120/24 | 172.17.67.254 | 192.168.121.4 192.168.121.2'],
    problems: [13],
  },
};

describe('parseIpconfig on real outputs (test/fixtures/real/ipconfig)', () => {
  it.each(Object.keys(IPCONFIG))('%s', (file) => {
    const want = IPCONFIG[file]!;
    const { value, problems } = parseIpconfig(read(join('ipconfig', file)), file);
    expect(value.adapters.map(sig)).toEqual(want.adapters);
    expect(value.hostname).toBe(want.hostname);
    if (want.primaryDnsSuffix) expect(value.primaryDnsSuffix).toBe(want.primaryDnsSuffix);
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

  it('reads an output whose letters outside ASCII were lost ("?" or U+FFFD, one for each) as the intact one', () => {
    // the French Windows 10 paste has no title and no indentation: with its header's "é" lost, the
    // adapter used to go unrecognised and the file was "not an ipconfig output"; its gateway label too
    for (const file of ['win10-fr-double-spaced-unindented.txt', 'xp-fr-star-dot-leader-carte-ppp.txt', 'xp-pt-adaptador-ethernet-ligacao.txt', 'xp-de-ethernetadapter-ppp-breitband.txt']) {
      const intact = parseIpconfig(read(join('ipconfig', file)), file);
      for (const mark of ['?', '\ufffd']) {
        const lost = parseIpconfig(read(join('ipconfig', file)).replace(/[^\x00-\x7f]/gu, mark), file);
        expect([file, mark, lost.value.adapters.map((a) => sig(a).replace(/[^\x00-\x7f]/gu, mark))]).toEqual([file, mark, intact.value.adapters.map((a) => sig(a).replace(/[^\x00-\x7f]/gu, mark))]);
        expect([file, mark, lost.problems.map((p) => p.code)]).toEqual([file, mark, intact.problems.map((p) => p.code)]);
      }
    }
  });

  it('reads the mask and gateway of an output all of whose labels lost their letters by value and place, as a language without a table', () => {
    // Russian: "????? ??????? . . . :" used to be cut to an empty label (its marks taken for the leader's
    // filler), and every such label then shared one remembered meaning: mask and gateway were lost
    const text = read('ipconfig/win-ru-person-note-between-sections.txt');
    const lost = parseIpconfig(text.replace(/[^\x00-\x7f]/gu, '?'), 'x.txt');
    expect(lost.value.adapters.map(sig)).toEqual(['Ethernet | ethernet | up | 192.168.200.225/24 | 192.168.200.1 | 192.168.200.1']);
    expect(lost.value.hostname).toBe('WIN-3VQCTDKL51R');
    expect(lost.problems.map((p) => [p.line, p.code])).toEqual([[3, 'ipconfig.labelsByValue'], [8, 'ipconfig.unrecognised']]);
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
