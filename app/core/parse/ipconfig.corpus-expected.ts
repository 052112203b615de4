/**
 * Hand-checked expectations for every file in ../shared/corpus/ipconfig, one entry per file.
 * Adapter rows read "name | kind | up/down | IPv4/prefix… | gateways… | DNS servers…", in file order,
 * checked against the file text (masks converted by hand: 255.255.240.0 = /20, 255.255.252.0 = /22,
 * 255.255.224.0 = /19, 255.240.0.0 = /12). Problems are [line, message]; each one is explained.
 */
export interface CorpusExpectation {
  hostname?: string;
  adapters: string[];
  /** [1-based line, exact message] */
  problems: [number, string][];
  /** why each problem is right */
  why?: string;
}

/** 192.168.1.2–.14 and .16–.30 marked (首选), then .15 marked (复制) = 29 addresses, all /24. */
const TWENTY_NINE = [...range(2, 14), ...range(16, 30), 15].map((n) => `192.168.1.${n}/24`).join(' ');
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const IPCONFIG_CORPUS: Record<string, CorpusExpectation> = {
  'win10-en-czech-dates-hyperv-teredo-damaged-gw.txt': {
    hostname: 'NIC',
    adapters: [
      'Ethernet | ethernet | up | 192.168.0.185/24 | 192.168.0.1 | 213.46.172.38 213.46.172.39',
      'Teredo Tunneling Pseudo-Interface | other | up |  | :: | ',
      'vEthernet (Default Switch) | ethernet | up | 172.29.160.1/20 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'vEthernet (Ethernet) | ethernet | up | 172.30.16.1/20 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
    ],
    problems: [[56, 'Default Gateway: «https://cz.pinterest.com/outin/$» is not an IP address; ignored']],
    why: 'line 56 is the tampered gateway (a URL) noted in SOURCES.md; genuine ipconfig never prints one',
  },
  'win10-en-jc-tailscale-unknown-adapter.txt': {
    hostname: 'DESKTOP-WIN10-PRO',
    adapters: [
      'Tailscale | vpn | up | 100.115.71.66/32 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'Ethernet 2 | ethernet | up | 10.50.13.132/24 | 10.50.13.1 | 10.50.13.1',
      'Bluetooth Network Connection | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win10-en-ppp-adapter-split-tunnel-vpn.txt': {
    adapters: [
      'Ethernet | ethernet | down |  |  | ',
      'Local Area Connection* 2 | wifi | down |  |  | ',
      'Wi-Fi | wifi | up | 192.168.1.4/24 | 192.168.1.1 | ',
      'Scottsdale | ppp | up | 172.28.10.240/32 |  | ',
      'Bluetooth Network Connection | ethernet | down |  |  | ',
      'Teredo Tunneling Pseudo-Interface | other | down |  |  | ',
    ],
    problems: [],
  },
  'win10-en-ui-german-adapter-names-ipv6-gw.txt': {
    adapters: [
      'LAN-Verbindung 2 | vpn | down |  |  | ',
      'Ethernet | ethernet | down |  |  | ',
      'vEthernet (WSL) | ethernet | up | 172.18.224.1/20 |  | ',
      'LAN-Verbindung | vpn | down |  |  | ',
      'LAN-Verbindung* 1 | wifi | down |  |  | ',
      'LAN-Verbindung* 2 | wifi | down |  |  | ',
      'WLAN | wifi | up | 192.168.10.139/24 | fe80::f669:42ff:fe58:57b9 192.168.10.1 | ',
      'Bluetooth-Netzwerkverbindung 3 | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win10-en-ui-norwegian-adapter-names.txt': {
    adapters: [
      'Ethernet 3 | ethernet | down |  |  | ',
      'Lokal tilkobling* 1 | wifi | down |  |  | ',
      'Lokal tilkobling* 2 | wifi | down |  |  | ',
      'Wi-Fi | wifi | down |  |  | ',
      'Ethernet | ethernet | up | 192.168.110.50/24 | 192.168.110.1 | ',
      'Bluetooth-nettverkstilkobling | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win10-en-ui-russian-adapter-names.txt': {
    adapters: [
      'Подключение по локальной сети | vpn | down |  |  | ',
      'Подключение по локальной сети* 1 | wifi | down |  |  | ',
      'Подключение по локальной сети* 10 | wifi | down |  |  | ',
      'Беспроводная сеть | wifi | up | 192.168.0.111/22 | 192.168.1.1 | ',
      'Сетевое подключение Bluetooth | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win10-es-cp850-mojibake-protonvpn-tap.txt': {
    hostname: 'DESKTOP-CTHULHU',
    adapters: [
      'vEthernet (WSL) | ethernet | up | 172.28.112.1/20 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'Ethernet | ethernet | up | 192.168.1.57/24 | 192.168.1.1 | 80.58.61.250 80.58.61.254',
      'VirtualBox Host-Only Network | ethernet | up | 192.168.56.1/24 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'Conexi¢n de  rea local | vpn | down |  |  | ',
    ],
    problems: [],
  },
  'win10-ru-unknown-adapter-vbox.txt': {
    adapters: [
      'Подключение по локальной сети | vpn | down |  |  | ',
      'VirtualBox Host-Only Network | ethernet | up | 192.168.56.1/24 |  | ',
      'Подключение по локальной сети 2 | vpn | down |  |  | ',
      'Ethernet | ethernet | up | 192.168.0.245/22 | 192.168.1.1 | ',
    ],
    problems: [],
  },
  'win10-zh-cn-tap-sstap-hosted-network.txt': {
    hostname: 'DESKTOP-B7MJ4LC',
    adapters: [
      '以太网 2 | vpn | down |  |  | ',
      'SSTAP 1 | vpn | down |  |  | ',
      '以太网 4 | ethernet | down |  |  | ',
      '本地连接* 1 | wifi | down |  |  | ',
      '本地连接* 2 | wifi | up | 192.168.137.1/24 |  | 202.204.120.69 114.114.114.114',
      'VMware Network Adapter VMnet1 | ethernet | up | 192.168.47.1/24 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'VMware Network Adapter VMnet8 | ethernet | up | 192.168.134.1/24 |  | fec0:0:0:ffff::1 fec0:0:0:ffff::2 fec0:0:0:ffff::3',
      'WLAN | wifi | up | 172.23.103.62/19 | 172.23.96.1 | 202.204.112.66 202.204.112.87',
      '蓝牙网络连接 | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win11-de-wlan-ipv6-wsl-prompt.txt': {
    hostname: 'vujh',
    adapters: [
      'Ethernet | ethernet | down |  |  | ',
      'vEthernet (WSL (Hyper-V firewall)) | ethernet | up | 172.22.16.1/20 |  | ',
      'LAN-Verbindung* 3 | wifi | down |  |  | ',
      'LAN-Verbindung* 4 | wifi | down |  |  | ',
      'WLAN | wifi | up | 192.168.178.23/24 | fe80::62b5:8dff:fe35:646d 192.168.178.1 | fd00::62b5:8dff:fe35:646d 2a04:9546:19ba:af01:62b5:8dff:fe35:646d 192.168.178.1',
      'Bluetooth-Netzwerkverbindung | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win11-en-jc-nordvpn-dco-tap-disconnected.txt': {
    hostname: 'DESKTOP-WIN11-HOME',
    adapters: [
      'Ethernet | ethernet | down |  |  | ',
      'Ethernet 2 | ethernet | down |  |  | ',
      'OpenVPN Data Channel Offload for NordVPN | vpn | down |  |  | ',
      'Local Area Connection | vpn | down |  |  | ',
      'Local Area Connection* 1 | wifi | down |  |  | ',
      'Local Area Connection* 2 | wifi | down |  |  | ',
      'VMware Network Adapter VMnet1 | ethernet | up | 192.168.181.1/24 |  | ',
      'VMware Network Adapter VMnet8 | ethernet | up | 192.168.213.1/24 |  | ',
      'Wi-Fi | wifi | up | 192.168.1.169/24 | 192.168.1.1 | 192.168.1.1',
      'Bluetooth Network Connection | ethernet | down |  |  | ',
    ],
    problems: [],
  },
  'win11-en-nordlynx-wireguard-gw-0000-all-indent-stripped.txt': {
    adapters: [
      'NordLynx | vpn | up | 10.5.0.2/16 | 0.0.0.0 | 103.86.96.100 103.86.99.100',
      'Ethernet | ethernet | up | 192.168.2.2/24 | 192.168.2.1 | 1.1.1.1 8.8.8.8',
      'OpenVPN Data Channel Offload for NordVPN | vpn | down |  |  | ',
      'Local Area Connection | vpn | down |  |  | ',
      'WiFi | wifi | down |  |  | ',
      'Local Area Connection* 1 | wifi | down |  |  | ',
      'Local Area Connection* 10 | wifi | down |  |  | ',
      'Bluetooth Network Connection | ethernet | down |  |  | ',
      'vEthernet (Default Switch) | ethernet | up | 172.29.0.1/20 |  | ',
      'vEthernet (WSL (Hyper-V firewall)) | ethernet | up | 172.21.160.1/20 |  | ',
    ],
    problems: [],
  },
  'win11-en-nordlynx-wireguard-gw-0000.txt': {
    adapters: [
      'NordLynx | vpn | up | 10.5.0.2/16 | 0.0.0.0 | ',
      'Ethernet | ethernet | up | 192.168.2.2/24 | 192.168.2.1 | ',
      'OpenVPN Data Channel Offload for NordVPN | vpn | down |  |  | ',
      'Local Area Connection | vpn | down |  |  | ',
      'WiFi | wifi | down |  |  | ',
      'Local Area Connection* 1 | wifi | down |  |  | ',
      'Local Area Connection* 10 | wifi | down |  |  | ',
      'Bluetooth Network Connection | ethernet | down |  |  | ',
      'vEthernet (Default Switch) | ethernet | up | 172.19.80.1/20 |  | ',
      'vEthernet (WSL (Hyper-V firewall)) | ethernet | up | 172.21.160.1/20 |  | ',
    ],
    problems: [],
  },
  'win11-es-wifi-cgnat-ipv6-section-partial.txt': {
    adapters: [
      'Wi-Fi | wifi | up | 100.76.224.130/12 | fe80::5895:4eff:fef7:71c5 100.64.0.1 | 100.127.0.1',
    ],
    problems: [],
  },
  'win7-es-cp850-mojibake-isatap-timestamp.txt': {
    adapters: [
      'Conexi¢n de  rea local 3 | ethernet | up | 10.1.83.94/24 | 10.1.83.1 | ',
      'VirtualBox Host-Only Network | ethernet | up | 192.168.56.1/24 |  | ',
      'VMware Network Adapter VMnet1 | ethernet | up | 192.168.95.1/24 |  | ',
      'VMware Network Adapter VMnet8 | ethernet | up | 192.168.226.1/24 |  | ',
      'isatap.{2A9B986C-A39B-4E6E-B8FD-1E0E3E71A45C} | other | down |  |  | ',
      'isatap.{C15F321D-72D2-4342-843C-20F41FF36510} | other | down |  |  | ',
      'Conexi¢n de  rea local* 12 | other | down |  |  | ',
      'isatap.{74FE3636-BDCA-4066-9F90-70294C622B18} | other | down |  |  | ',
      'isatap.{9FB878D7-1CB3-4CBE-9AF4-26549CDCFF3B} | other | down |  |  | ',
    ],
    problems: [],
  },
  'win7-zh-cn-30-addresses-duplicate.txt': {
    hostname: 'lenovo-PC',
    adapters: [
      'Bluetooth 网络连接 11 | ethernet | down |  |  | ',
      `本地连接 2 | ethernet | up | ${TWENTY_NINE} | 192.168.1.1 | 202.96.209.6 180.168.255.118`,
      'isatap.lan | other | down |  |  | ',
      'isatap.{28A3527E-B4D2-456C-A54D-B14DAB29C649} | other | down |  |  | ',
      'Teredo Tunneling Pseudo-Interface | other | down |  |  | ',
      'isatap.{1C1644F3-0180-4FFC-BC84-26B5AAEADE00} | other | down |  |  | ',
      'Reusable ISATAP Interface {FE21CF4E-F1EE-40E9-81B7-4A3E30C21ACE} | other | down |  |  | ',
    ],
    problems: [],
  },
  'winxp-en-jc-ip-address-layout.txt': {
    hostname: 'DESKTOP-PC4',
    adapters: [
      'Local Area Connection | ethernet | up | 192.168.22.135/24 | 192.168.22.1 | 192.168.22.151',
    ],
    problems: [],
  },
  'xp-en-double-spaced-paste.txt': {
    hostname: 'SHAHI',
    adapters: [
      'Local Area Connection | ethernet | up | 192.168.10.93/24 | 192.168.10.1 | 8.8.8.8 4.2.2.3',
    ],
    problems: [],
  },
  'xp-en-ppp-dialup-netscape-short.txt': {
    adapters: [
      'Local Area Connection 3 | ethernet | up | 192.168.0.1/24 |  | ',
      'Netscape | ppp | up | 172.198.208.8/32 | 172.198.208.8 | ',
    ],
    problems: [],
  },
  'xp-en-pppoe-wrapped-lease-lines.txt': {
    hostname: 'iit-f5b7b99a41c',
    adapters: [
      'Wireless Network Connection | wifi | up | 169.254.119.9/16 |  | ',
      'Local Area Connection | ethernet | up | 172.20.67.166/22 |  | 172.20.64.4',
      'Connection to TUdelft-FTTD at DePoort1 | ppp | up | 145.94.5.163/32 | 145.94.5.163 | ',
    ],
    problems: [],
  },
  'xp-pl-pppoe-karta-ppp-html-entities.txt': {
    hostname: '231210f',
    adapters: [
      'Połączenie sieci bezprzewodowej | wifi | up | 192.168.100.104/24 | 192.168.100.252 | 192.168.100.252',
      'internet | ppp | up | 82.160.78.217/32 | 82.160.78.217 | 10.0.0.2',
    ],
    problems: [],
  },
};
