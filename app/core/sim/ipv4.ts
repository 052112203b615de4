import ipaddr from 'ipaddr.js';

/** IPv4 helpers for the simulator: addresses as unsigned 32-bit numbers, parsed with ipaddr.js. */

/** Dotted quad only (route.exe on Vista+ also resolves names via NETWORKS/HOSTS; not modelled). */
export function parseIpv4(text: string): number | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  const [a, b, c, d] = ipaddr.IPv4.parse(text).toByteArray() as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** A contiguous netmask's prefix length, or null for a non-contiguous or malformed mask. */
export function prefixLengthOfMask(text: string): number | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  return ipaddr.IPv4.parse(text).prefixLengthFromSubnetMask();
}

export function maskOfPrefixLength(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

export function inSubnet(address: number, network: number, prefixLength: number): boolean {
  const mask = maskOfPrefixLength(prefixLength);
  return ((address & mask) >>> 0) === ((network & mask) >>> 0);
}
