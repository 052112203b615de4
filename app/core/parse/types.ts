import type { AdapterKind } from './adapter-kind';
import type { PersistentRoute, Route } from '../model/snapshot';

/** `route print` Interface List row (Vista+ decimal index, XP hex `0x10003`). */
export interface RoutePrintInterface {
  index: number;
  mac?: string; // "00-05-9a-3c-7a-00" lower-case, dashes
  description: string;
}

export interface RoutePrintResult {
  /** "nt5" = XP/2003 layout (hex indexes, Default Gateway footer), "nt6+" = Vista..11 */
  layout: 'nt5' | 'nt6+' | 'unknown';
  interfaces: RoutePrintInterface[];
  /** active routes, IPv4 and IPv6 */
  routes: Route[];
  persistentRoutes: PersistentRoute[];
  /** XP "Default Gateway:" footer */
  defaultGateway?: string;
}

export interface IpconfigAdapter {
  /** connection name from the section header, e.g. "Ethernet", "Corp VPN" */
  name: string;
  /** the full header line without the trailing colon, e.g. "PPP adapter Corp VPN" */
  header: string;
  description: string;
  kind: AdapterKind;
  mac?: string; // lower-case dashes
  connected: boolean; // false when "Media disconnected"
  dhcp?: boolean;
  ipv4: { address: string; prefixLength: number }[];
  ipv6: { address: string; prefixLength: number }[];
  gateways: string[];
  dnsServers: string[];
}

export interface IpconfigResult {
  hostname?: string;
  primaryDnsSuffix?: string;
  adapters: IpconfigAdapter[];
}

export interface NetshInterface {
  index: number;
  metric: number;
  mtu: number;
  state: string; // as printed ("connected", "disconnected", localised)
  name: string;
}

export interface NetshInterfacesResult {
  interfaces: NetshInterface[];
}
