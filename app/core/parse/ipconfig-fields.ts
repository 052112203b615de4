import type { ProblemCode, ProblemParams } from '../i18n/problem-text';
import { classifyAdapter } from './adapter-kind';
import { isLinkLocalV6, maskToPrefix, parseIpValue } from './ip-values';
import type { LabelMeaning } from './ipconfig-labels';
import { quote } from './ipconfig-lines';
import { parseMediaState, parseYesNo } from './ipconfig-value-words';
import type { IpconfigAdapter, IpconfigResult } from './types';

/**
 * What a field of ipconfig does to the adapter being read (ipconfig.ts finds the fields, this module
 * reads their values): addresses and their masks, gateways and DNS servers, the media state, the MAC,
 * DHCP; each value it cannot read is reported at its line.
 */

/** Reports a problem at a line of the file being read. */
export type Report = (line: number, code: ProblemCode, params?: ProblemParams) => void;

/** An adapter while its lines are read. */
export interface Builder {
  adapter: IpconfigAdapter;
  /** index into adapter.ipv4 of the address still waiting for its "Subnet Mask" line, and its line */
  maskPending?: { index: number; line: number };
  /** field lines read so far, and what the order of the fields tells about the next unknown one */
  fields: number;
  sawMask: boolean;
  sawGateway: boolean;
  /** a "Media State" line read by its place (language unknown): disconnected, unless addresses follow */
  inferredDown?: boolean;
}

export function newBuilder(header: string, name: string): Builder {
  const adapter: IpconfigAdapter = { name, header, description: '', kind: 'other', connected: true, ipv4: [], ipv6: [], gateways: [], dnsServers: [] };
  return { adapter, fields: 0, sawMask: false, sawGateway: false };
}

/** Fields that belong to an adapter: one of them before any adapter header is out of place. */
export const ADAPTER_ONLY: ReadonlySet<LabelMeaning> = new Set([
  'mediaState', 'description', 'physicalAddress', 'dhcpEnabled', 'ipv4Address', 'subnetMask',
  'ipv6Address', 'defaultGateway', 'dnsServers', 'winsServers', 'lease',
]);

/** Fields whose value is an address, and whose lists go on under them (a second DNS server). */
export const ADDRESS_FIELDS: ReadonlySet<LabelMeaning> = new Set(['ipv4Address', 'ipv6Address', 'defaultGateway', 'dnsServers', 'winsServers']);

/** An address field's value: kept in the adapter (WINS servers only checked), or reported when it is no address. */
export function addIp(report: Report, lineNo: number, label: string, value: string, meaning: LabelMeaning, b: Builder | undefined): void {
  const ip = parseIpValue(value);
  if (!ip) {
    report(lineNo, 'ipconfig.notAnAddress', { label, value: quote(value) });
    return;
  }
  if (!b) return;
  const a = b.adapter;
  switch (meaning) {
    case 'defaultGateway':
      a.gateways.push(ip.address);
      break;
    case 'dnsServers':
      a.dnsServers.push(ip.address);
      break;
    case 'ipv4Address':
    case 'ipv6Address':
      if (ip.family === 4) {
        if (b.maskPending) report(b.maskPending.line, 'ipconfig.noMask', { address: a.ipv4[b.maskPending.index]?.address ?? '' });
        a.ipv4.push({ address: ip.address, prefixLength: 32 });
        b.maskPending = { index: a.ipv4.length - 1, line: lineNo };
      } else {
        a.ipv6.push({ address: ip.address, prefixLength: isLinkLocalV6(ip.address) ? 64 : 128 });
      }
      break;
    default:
      break; // WINS servers: validated, not needed
  }
}

/**
 * A field that is not an address (ADDRESS_FIELDS: those are read where their wrap can be joined):
 * the host's name and suffix, or the adapter's state, description, MAC, DHCP flag or a mask.
 * `byValue`: the label is in no vocabulary and its meaning was read from its value and place.
 */
export function readField(
  field: { meaning: LabelMeaning; label: string; value: string },
  byValue: boolean,
  lineNo: number,
  b: Builder | undefined,
  host: IpconfigResult,
  report: Report,
): void {
  const { meaning, label, value } = field;
  const a = b?.adapter;
  switch (meaning) {
    case 'hostname':
      if (value) host.hostname = value;
      break;
    case 'primaryDnsSuffix':
      if (value) host.primaryDnsSuffix = value;
      break;
    case 'mediaState': {
      if (byValue) {
        if (b) b.inferredDown = true;
        break;
      }
      const c = parseMediaState(value);
      if (c === undefined) {
        // a state in words no table has: Windows prints the line only for a disconnected adapter,
        // so it is down unless addresses follow (judged by state, not by the words)
        report(lineNo, 'ipconfig.unknownMediaState', { label, value: quote(value) });
        if (b) b.inferredDown = true;
      } else if (a) a.connected = c;
      break;
    }
    case 'description':
      if (a) a.description = value;
      break;
    case 'physicalAddress':
      // empty (tunnels), "[removed …]" and "00-16-EC-9E-xx-xx" (redacted by the publisher) are understood, not a MAC
      if (/^([0-9a-f]{2}-){5,7}[0-9a-f]{2}$/iu.test(value)) {
        if (a) a.mac = value.toLowerCase();
      } else if (value !== '' && !/^\[.*\]$/u.test(value) && !/^([0-9a-f]{2}-){5,7}[0-9a-f]{2}$/iu.test(value.replace(/[x*#]/giu, '0'))) {
        report(lineNo, 'ipconfig.notPhysical', { label, value: quote(value) });
      }
      break;
    case 'dhcpEnabled': {
      const yes = parseYesNo(value);
      if (yes === undefined) report(lineNo, 'ipconfig.notYesNo', { label, value: quote(value) });
      else if (a) a.dhcp = yes;
      break;
    }
    case 'subnetMask': {
      const prefix = maskToPrefix(value);
      if (prefix === undefined) report(lineNo, 'ipconfig.notAMask', { label, value: quote(value) });
      else if (!b?.maskPending) report(lineNo, 'ipconfig.maskWithoutAddress', { label, value });
      else {
        const addr = a?.ipv4[b.maskPending.index];
        if (addr) addr.prefixLength = prefix;
        b.maskPending = undefined;
      }
      break;
    }
    default:
      break; // lease times and informational labels
  }
}

/** The adapter once its lines are read: an address left without its mask reported, its kind judged, its state settled. */
export function closeAdapter(b: Builder, report: Report): IpconfigAdapter {
  const a = b.adapter;
  if (b.maskPending) {
    const addr = a.ipv4[b.maskPending.index];
    report(b.maskPending.line, 'ipconfig.noMask', { address: addr?.address ?? '' });
  }
  a.kind = classifyAdapter(a.header, a.description);
  // a disconnected adapter has no address; one that has is up whatever its first line said
  if (b.inferredDown && a.ipv4.length === 0 && a.ipv6.length === 0 && a.gateways.length === 0) a.connected = false;
  return a;
}
