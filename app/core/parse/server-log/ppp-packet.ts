import { CCP_OPTIONS, CHAP_ALGORITHMS, IPCP_OPTIONS, LCP_OPTIONS, PPP_CODES, PPP_PROTOCOLS } from './codes/ppp';

/**
 * PPP packets from hex (IOS prints the bytes of a rejected packet, RFC 1661 §5.7: Protocol-Reject
 * carries the rejected protocol and the rejected packet) and option lists (IOS option lines, pppd
 * `<…>` option dumps), reduced to words: protocol, code, id and a readable option list. MPPE bits
 * are kept as a number so describe.ts can say them in the reader's language.
 */

export interface PppOption {
  type: number;
  name: string;
  /** readable value ("1400", "MS-CHAP v2", "10.0.0.1") */
  value?: string;
}

export interface PppPacket {
  protocol: number;
  protocolName: string;
  code?: number;
  codeName?: string;
  id?: number;
  length?: number;
  options: PppOption[];
  /** CCP option 18 Supported Bits, when present */
  mppe?: number;
}

const hexBytes = (hex: string): number[] | null => {
  const clean = hex.replace(/^0x/i, '').replace(/\s+/g, '');
  if (!/^(?:[0-9a-f]{2})+$/i.test(clean)) return null;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 2) out.push(parseInt(clean.slice(i, i + 2), 16));
  return out;
};

export const protocolName = (p: number): string => PPP_PROTOCOLS[p] ?? `0x${p.toString(16).toUpperCase().padStart(4, '0')}`;

/** Options (type, length, data) of a Configure-* packet, RFC 1661 §6 layout; unknown types kept by number. */
export function decodeOptions(protocol: number, bytes: number[]): { options: PppOption[]; mppe?: number } {
  const options: PppOption[] = [];
  let mppe: number | undefined;
  let i = 0;
  while (i + 1 < bytes.length) {
    const type = bytes[i]!;
    const len = bytes[i + 1]!;
    if (len < 2 || i + len > bytes.length) break;
    const data = bytes.slice(i + 2, i + len);
    const opt = decodeOption(protocol, type, data);
    if (opt.mppe !== undefined) mppe = opt.mppe;
    options.push(opt.option);
    i += len;
  }
  return { options, ...(mppe !== undefined ? { mppe } : {}) };
}

function decodeOption(protocol: number, type: number, data: number[]): { option: PppOption; mppe?: number } {
  const word = (o: number) => ((data[o]! << 8) | data[o + 1]!) >>> 0;
  const dword = (o: number) => (((data[o]! << 24) | (data[o + 1]! << 16) | (data[o + 2]! << 8) | data[o + 3]!) >>> 0);
  if (protocol === 0xc021) {
    const name = LCP_OPTIONS[type] ?? `option ${type}`;
    if (type === 1 && data.length >= 2) return { option: { type, name, value: String(word(0)) } };
    if (type === 3 && data.length >= 2) {
      const p = word(0);
      const value = p === 0xc223 ? (CHAP_ALGORITHMS[data[2] ?? 5] ?? `CHAP algorithm 0x${(data[2] ?? 0).toString(16)}`) : protocolName(p);
      return { option: { type, name, value } };
    }
    if (type === 5 && data.length >= 4) return { option: { type, name, value: `0x${dword(0).toString(16).padStart(8, '0')}` } };
    if (type === 13 && data.length >= 1) return { option: { type, name, value: data[0] === 6 ? 'CBCP' : `operation ${data[0]}` } };
    return { option: { type, name } };
  }
  if (protocol === 0x80fd || protocol === 0x80fb) {
    const name = CCP_OPTIONS[type] ?? `option ${type}`;
    if (type === 18 && data.length >= 4) return { option: { type, name, value: `0x${dword(0).toString(16).padStart(8, '0')}` }, mppe: dword(0) };
    return { option: { type, name } };
  }
  if (protocol === 0x8021) {
    const name = IPCP_OPTIONS[type] ?? `option ${type}`;
    if (data.length === 4 && type !== 2) return { option: { type, name, value: data.join('.') } };
    return { option: { type, name } };
  }
  return { option: { type, name: `option ${type}` } };
}

/** A full PPP packet starting with its 2-byte protocol field (the bytes IOS shows in a PROTREJ). */
export function decodeProtocolPacket(hex: string): PppPacket | null {
  const b = hexBytes(hex);
  if (!b || b.length < 2) return null;
  const protocol = (b[0]! << 8) | b[1]!;
  const packet: PppPacket = { protocol, protocolName: protocolName(protocol), options: [] };
  if (b.length >= 6) {
    packet.code = b[2]!;
    packet.codeName = PPP_CODES[b[2]!] ?? `code ${b[2]}`;
    packet.id = b[3]!;
    packet.length = (b[4]! << 8) | b[5]!;
    if (packet.code >= 1 && packet.code <= 4) {
      const end = Math.min(b.length, 2 + packet.length);
      const { options, mppe } = decodeOptions(protocol, b.slice(6, end));
      packet.options = options;
      if (mppe !== undefined) packet.mppe = mppe;
    }
  }
  return packet;
}

/** One option from its raw bytes as IOS prints them after the option text: `(0x0305C22305)`. */
export function decodeOptionHex(protocol: number, hex: string): { option: PppOption; mppe?: number } | null {
  const b = hexBytes(hex);
  if (!b || b.length < 2) return null;
  return decodeOption(protocol, b[0]!, b.slice(2, b[1]!));
}

export const optionText = (o: PppOption): string => (o.value ? `${o.name} ${o.value}` : o.name);

/**
 * pppd `debug` option dump `<mppe +H -M +S -L -D -C>` → Supported Bits (pppd ccp.c prints one
 * letter per RFC 3078 bit, + = set).
 */
export function mppeFromPppd(text: string): number | undefined {
  const m = text.match(/<mppe ([^>]*)>/);
  if (!m) return undefined;
  let v = 0;
  const bit: Record<string, number> = { H: 0x01000000, M: 0x80, S: 0x40, L: 0x20, D: 0x10, C: 0x01 };
  for (const tok of m[1]!.split(/\s+/)) if (tok.startsWith('+') && bit[tok[1]!]) v |= bit[tok[1]!]!;
  return v >>> 0;
}
