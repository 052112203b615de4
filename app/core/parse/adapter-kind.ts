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
  /sstap/i,
  /protonvpn/i,
];

const WIFI = [/wi-?fi/i, /wireless/i, /wlan/i, /802\.11/i, /無線|无线/, /беспроводн/i, /bezprzewod/i, /inalámbric/i, /drahtlos/i];
const LOOPBACK = [/loopback/i];

/** `header` is the ipconfig section header (e.g. "PPP adapter Corp VPN"), `description` the driver text. */
export function classifyAdapter(header: string, description: string): AdapterKind {
  const h = header.trim();
  if (/^(ppp|karta ppp|adaptador ppp|ppp-adapter|адаптер ppp|ppp 适配器|ppp-?adapteri?)\b/i.test(h) || /\bppp\b/i.test(h)) return 'ppp';
  if (/wan \(ppp\/slip\)/i.test(description)) return 'ppp';
  if (VPN_DESCRIPTION.some((re) => re.test(description))) return 'vpn';
  if (LOOPBACK.some((re) => re.test(description) || re.test(h))) return 'loopback';
  if (WIFI.some((re) => re.test(description) || re.test(h))) return 'wifi';
  if (/ethernet|gigabit|network connection|realtek|intel|broadcom|marvell|virtio|hyper-v|vmware|virtualbox|pcie|lan/i.test(description + ' ' + h)) return 'ethernet';
  return 'other';
}

export function isTunnelKind(kind: AdapterKind): boolean {
  return kind === 'ppp' || kind === 'vpn';
}
