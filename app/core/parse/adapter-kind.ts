/**
 * Recognises VPN/PPP adapters from the words Windows prints for them. The section header of
 * `ipconfig /all` ("PPP adapter X:", "Karta PPP X:") and the driver description ("WAN Miniport",
 * TAP-Windows, Wintun, AnyConnect, PANGP, Fortinet…) are the only reliable signals, in any language.
 */
export type AdapterKind = 'ethernet' | 'wifi' | 'ppp' | 'vpn' | 'loopback' | 'other';

const VPN_DESCRIPTION = [
  /wan miniport/i,
  /wan \(ppp\/slip\)/i,
  /tap-win(32|dows)/i,
  /\btap\b.*adapter/i,
  /wintun/i,
  /wireguard/i,
  /nordlynx/i,
  /tailscale/i,
  /anyconnect/i,
  /cisco.*vpn/i,
  /cisco systems vpn/i,
  /pangp/i,
  /palo alto/i,
  /fortinet|forticlient|fortissl/i,
  /juniper|pulse secure|ivanti/i,
  /openvpn/i,
  /sonicwall/i,
  /checkpoint|check point/i,
  /zscaler/i,
  /globalprotect/i,
  /\bvpn\b/i,
  /ovpn-dco|data channel offload/i,
  /\b(l2tp|pptp|sstp|ikev2)\b/i,
  /sstap/i,
  /protonvpn/i,
];

const WIFI = [/wi-?fi/i, /wireless/i, /wlan/i, /802\.11/i, /無線|无线/, /беспроводн/i, /bezprzewod/i, /inalámbric/i, /drahtlos/i, /sem fio/i, /sans fil/i, /draadloos/i,
  // Korean "무선 LAN 어댑터" (test/fixtures/real/ipconfig/win10-ko-wifi-direct-starship-prompt.txt); Turkish "Kablosuz" assumed
  /무선/, /kablosuz/i];
const LOOPBACK = [/loopback/i];

/** ipconfig prints "Unknown adapter" for interfaces that are neither Ethernet, Wi-Fi, PPP nor tunnel:
 * in practice Wintun/WireGuard, OpenVPN DCO and (Windows 10+) TAP drivers, i.e. VPNs. */
const UNKNOWN_HEADER = /^(unknown adapter|unbekannter adapter|nieznana karta|adaptador desconocido|adaptador desconhecido|неизвестный адаптер|未知适配器|不明なアダプター|carte inconnue|onbekende adapter|scheda sconosciuta)(\s|$)/i;
/** "Tunnel adapter" = IPv6 transition interfaces (ISATAP, Teredo, 6to4); only IP-HTTPS (DirectAccess) is a VPN. */
const TUNNEL_HEADER = /^(tunnel adapter|tunneladapter|tunnel-adapter|karta tunelowa|adaptador de t(ú|£|u)nel|адаптер туннельного подключения|隧道适配器|トンネル アダプター|carte tunnel|scheda tunnel)(\s|$)/i;
/** Localised PPP section headers (\b is ASCII-only in JS, so Cyrillic/CJK forms end on a space). */
const PPP_HEADER = /^(ppp adapter|karta ppp|adaptador ppp|ppp-adapter|адаптер ppp|ppp 适配器|carte ppp|slip adapter)(\s|$)/i;

/** `header` is the ipconfig section header (e.g. "PPP adapter Corp VPN"), `description` the driver text. */
export function classifyAdapter(header: string, description: string): AdapterKind {
  const h = header.trim();
  if (PPP_HEADER.test(h) || /\bppp\b/i.test(h)) return 'ppp';
  if (/wan \(ppp\/slip\)/i.test(description)) return 'ppp';
  if (VPN_DESCRIPTION.some((re) => re.test(description))) return 'vpn';
  if (TUNNEL_HEADER.test(h)) return /ip-?https/i.test(h + ' ' + description) ? 'vpn' : 'other';
  if (LOOPBACK.some((re) => re.test(description) || re.test(h))) return 'loopback';
  if (UNKNOWN_HEADER.test(h)) return 'vpn';
  // plain `ipconfig` prints no description: the connection name is the only hint left
  if (description === '' && VPN_DESCRIPTION.some((re) => re.test(h))) return 'vpn';
  if (WIFI.some((re) => re.test(description) || re.test(h))) return 'wifi';
  // zh-TW 乙太網路 and Korean 이더넷 (test/fixtures/real/ipconfig/win11-zh-tw-*, win10-ko-*)
  if (/ethernet|以太网|乙太網路|이더넷|イーサネット|gigabit|network connection|realtek|intel|broadcom|marvell|virtio|hyper-v|vmware|virtualbox|pcie|lan/i.test(description + ' ' + h)) return 'ethernet';
  return 'other';
}

/**
 * Kind of a `route print` Interface List row, where only the description and MAC are known. Besides
 * the driver names above, the row's shape counts: Windows lists a dial-up or VPN connection by its
 * connection name with no MAC ("23...........................Corp VPN"), and a physical or virtual
 * NIC always has one; the MAC-less rows that are not tunnels (loopback, the IPv6 transition
 * pseudo-interfaces, kernel debugging) are recognised by their fixed names.
 * (Vista+ layout per windows-reference.md; XP prints "WAN (PPP/SLIP) Interface" rows with the
 * 00-53-45-00-00-00 MAC instead, matched by description.)
 */
export function classifyListedInterface(description: string, mac: string | undefined): AdapterKind {
  const kind = classifyAdapter('', description);
  if (kind !== 'other' || mac) return kind;
  if (/isatap|teredo|6to4|pseudo-interface|kernel debug|loopback/i.test(description) || description.trim() === '') return kind;
  return 'vpn';
}

export function isTunnelKind(kind: AdapterKind): boolean {
  return kind === 'ppp' || kind === 'vpn';
}
