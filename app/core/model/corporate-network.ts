import { dottedQuadIn } from '../parse/ipv4-dotted';

/**
 * Whether a typed corporate network ("10.13.1.0/24") can be routed through the VPN, and if not, why —
 * as a reason and its values rather than a sentence, so that each face words it in the person's
 * language: the CLI from the engine catalogue (engineError.corporateNetwork.*), the app from its own
 * (networks.error*), schemas and logs in English (policy.ts corporateNetworkProblem). Pure and
 * dependency-free: the app checks what the person typed with it before anything is sent.
 */

/**
 * The shortest prefix accepted as a corporate network. Everything a corporate network names is
 * routed through the VPN: 0.0.0.0/0 would put the VPN's default route back (the very problem the
 * split fix removes), and /1–/7 (the 0.0.0.0/1 + 128.0.0.0/1 trick) would do the same in halves.
 * The largest private block, 10.0.0.0/8, is /8.
 */
export const MIN_CORPORATE_PREFIX = 8;

export type CorporateNetworkIssue =
  /** not `a.b.c.d/n` with four parts 0–255 and n 0–32 */
  | { reason: 'notCidr' }
  /** the right shape with leading zeros (`010.13.1.0/24`, `/024`): other tools read 010 as octal 8 */
  | { reason: 'notPlain' }
  /** host bits set (`10.13.1.5/24`): `suggestion` is the network it lies in */
  | { reason: 'notNetworkAddress'; suggestion: string }
  | { reason: 'wholeInternet' }
  /** a /1–/7: routed through the VPN it takes `1/share` of all addresses with it */
  | { reason: 'tooWide'; share: number; minPrefix: number };

const CIDR_SHAPE = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,3})$/;

export function corporateNetworkIssue(value: string): CorporateNetworkIssue | null {
  const m = CIDR_SHAPE.exec(value);
  if (!m) return { reason: 'notCidr' };
  const address = m[1]!;
  const bitsText = m[2]!;
  const bits = Number(bitsText);
  if (bits > 32) return { reason: 'notCidr' };
  if (bitsText.length > 1 && bitsText.startsWith('0')) return { reason: 'notPlain' };
  const number = dottedQuadIn(address, 0, address.length);
  if (number === null) {
    // dottedQuadIn refuses a leading zero as well as a part over 255: only the first is "write it plainly"
    return address.split('.').some((part) => Number(part) > 255) ? { reason: 'notCidr' } : { reason: 'notPlain' };
  }
  // too wide first, whatever its address: suggesting 0.0.0.0/0 for 10.0.0.0/0 would point at a refusal
  if (bits === 0) return { reason: 'wholeInternet' };
  if (bits < MIN_CORPORATE_PREFIX) return { reason: 'tooWide', share: 2 ** bits, minPrefix: MIN_CORPORATE_PREFIX };
  const network = (number & (~0 << (32 - bits))) >>> 0;
  if (network !== number) return { reason: 'notNetworkAddress', suggestion: `${dotted(network)}/${bits}` };
  return null;
}

const dotted = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
