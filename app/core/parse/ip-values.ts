import ipaddr from 'ipaddr.js';

/**
 * Address values as Windows prints them: an optional "%zone" (interface index) and an optional
 * localised state suffix — "(Preferred)", "(Bevorzugt)", "(首选)", "(Duplicate)"/"(复制)",
 * "(Tentative)" — sometimes followed by a trailing space.
 */
export interface ParsedIp {
  family: 4 | 6;
  /** as printed, lower-cased, without zone or suffix */
  address: string;
  zone?: string;
  /** the parenthesised state word, if any */
  state?: string;
}

/**
 * Longer than any value ipconfig prints as an address: at most 45 characters of IPv6 text, a zone (ipconfig prints the
 * interface's index) and a state word — the bound is generous (assumed: no documented maximum). A longer one is no address,
 * and is not handed to the regexes below: a damaged paste's 1 MB "value" took them over a second.
 */
const MAX_ADDRESS_VALUE = 400;

export function parseIpValue(value: string): ParsedIp | undefined {
  if (value.length > MAX_ADDRESS_VALUE && value.trim().length > MAX_ADDRESS_VALUE) return undefined;
  let v = value.trim();
  let state: string | undefined;
  const m = /^(.*?)\s*\(([^()]*)\)$/u.exec(v);
  if (m) {
    v = m[1] ?? '';
    state = m[2];
  }
  const pct = v.indexOf('%');
  const addr = (pct >= 0 ? v.slice(0, pct) : v).toLowerCase();
  const zone = pct >= 0 ? v.slice(pct + 1) : undefined;
  if (zone !== undefined && !/^[\w.-]+$/u.test(zone)) return undefined;
  let family: 4 | 6;
  // four-part decimal only: ipaddr.js would otherwise accept "10.1" or "0x0a.1" as IPv4 forms ipconfig never prints
  if (ipaddr.IPv4.isValidFourPartDecimal(addr)) family = 4;
  else if (addr.includes(':') && ipaddr.IPv6.isValid(addr)) family = 6;
  else return undefined;
  if (family === 4 && zone !== undefined) return undefined;
  const out: ParsedIp = { family, address: addr };
  if (zone !== undefined) out.zone = zone;
  if (state !== undefined) out.state = state;
  return out;
}

/** Prefix length of a dotted IPv4 netmask, undefined when it is not a contiguous mask. */
export function maskToPrefix(mask: string): number | undefined {
  const v = mask.trim();
  if (!ipaddr.IPv4.isValidFourPartDecimal(v)) return undefined;
  const n = ipaddr.IPv4.parse(v).prefixLengthFromSubnetMask();
  return n === null ? undefined : n;
}

/** fe80::/10 — the only IPv6 prefix whose length ipconfig output implies (always /64 on Windows). */
export function isLinkLocalV6(address: string): boolean {
  try {
    return ipaddr.IPv6.parse(address).range() === 'linkLocal';
  } catch {
    return false;
  }
}
