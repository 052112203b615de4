import { DNS_TOKEN as DNS, labelKey, type LabelMeaning } from './ipconfig-labels';
import { maskToPrefix, parseIpValue } from './ip-values';
import { hasLostLetters, lostLetterForm } from './lost-letters';

/**
 * What a label means when it is in no vocabulary (ipconfig-labels.ts): ipconfig is translated into
 * every Windows language, and a language we have no table for must not lose its adapters' addresses.
 * The meaning is read from what does not get translated — the value's shape, the "DNS"/"DHCP"/"WINS"
 * tokens every translation we have seen keeps, and the fixed order of an adapter's fields:
 *
 *   (Media State) · DNS suffix · Description · Physical Address · DHCP Enabled · … · addresses with
 *   their Subnet Mask · (Lease times) · Default Gateway · DHCP Server · … · DNS Servers · WINS
 *
 * (the same order in XP and Vista-11 layouts, /all and plain; test/fixtures/real/ipconfig, the
 * shared corpus). A label understood once keeps its meaning in the rest of the file, so an empty
 * gateway line of a later adapter is still a gateway.
 * Sources of the kept tokens: Korean `DNS 서버`, `DHCP 사용`, zh-TW `連線特定 DNS 尾碼`, Turkish real
 * outputs in test/fixtures/real/ipconfig (SOURCES.md); Russian `DNS-серверы`, Polish `Serwery DNS`,
 * zh-CN `DNS 服务器` in the corpus.
 */

/** Where a field line sits, as far as the parser knows when it reads it. */
export interface InferenceContext {
  inAdapter: boolean;
  /** field lines already read in this adapter (or in the title block, outside adapters) */
  fieldsBefore: number;
  /** outside adapters: the "Windows IP Configuration" title was read */
  afterTitle: boolean;
  /** an IPv4 address of this adapter still waits for its mask */
  maskPending: boolean;
  sawMask: boolean;
  sawGateway: boolean;
  descriptionKnown: boolean;
  /** label and value of the next field line, when it belongs to the same adapter */
  next?: { label: string; value: string };
  /** and of the one after it */
  afterNext?: { label: string; value: string };
}

/** meanings read from a value, kept per label for the rest of the file */
export type LabelMemory = Map<string, LabelMeaning>;

const MAC = /^([0-9a-f]{2}-){5}[0-9a-f]{2}$|^([0-9a-f]{2}-){7}[0-9a-f]{2}$/iu;
const DHCP = /\bDHCP/iu;
const WINS = /\bWINS\b/iu;
/** an address label keeps "IP"/"IPv4"/"IPv6" in every translation we have (IPv4 주소, IPv4 位址, IP-адрес, Adres IP); no gateway label has it */
const IP_TOKEN = /(?:^|[^\p{L}])IP(?:v[46])?(?![\p{L}])/iu;
/** DNS and NetBIOS names as Windows prints them */
const HOSTNAME = /^[A-Za-z0-9_.-]+$/u;

const isMask = (value: string): boolean => {
  const p = maskToPrefix(value);
  return p !== undefined && p > 0;
};

/** The meaning of an unknown label, 'info' for a line understood as not needed, undefined when nothing fits. */
export function inferMeaning(label: string, value: string, ctx: InferenceContext, memory: LabelMemory): LabelMeaning | undefined {
  // a label whose letters were lost is remembered by its shape (labelKey would cut its marks as a leader's filler)
  const key = hasLostLetters(label) ? lostLetterForm(label) : labelKey(label);
  const remembered = memory.get(key);
  if (remembered) return remembered;
  const meaning = ctx.inAdapter ? fromAdapterField(label, value, ctx) : fromTitleField(label, value, ctx);
  if (meaning && isEvidence(meaning, value)) memory.set(key, meaning);
  return meaning;
}

/** An empty value or a first-line guess says little; only a value's own shape is remembered. */
function isEvidence(meaning: LabelMeaning, value: string): boolean {
  if (value === '') return false;
  return meaning !== 'mediaState' && meaning !== 'description' && meaning !== 'hostname' && meaning !== 'info';
}

function fromTitleField(label: string, value: string, ctx: InferenceContext): LabelMeaning {
  if (DNS.test(label)) return 'dnsSuffixSearchList';
  // "Host Name" is the title block's first line in every layout
  if (ctx.afterTitle && ctx.fieldsBefore === 0 && HOSTNAME.test(value)) return 'hostname';
  return 'info';
}

function fromAdapterField(label: string, value: string, ctx: InferenceContext): LabelMeaning | undefined {
  if (MAC.test(value)) return 'physicalAddress';
  const ip = parseIpValue(value);
  if (ip) return fromAddressValue(label, value, ip.family, ip.state !== undefined, ctx);
  if (DNS.test(label)) return 'dnsSuffixSearchList';
  if (DHCP.test(label) || WINS.test(label)) return 'info';
  if (value === '') return (ctx.sawMask || ctx.maskPending) && !ctx.sawGateway ? 'defaultGateway' : 'info';
  // Windows prints "Media State" only for a disconnected adapter, always as its first line
  if (ctx.fieldsBefore === 0) return 'mediaState';
  if (!ctx.descriptionKnown && precedesPhysicalAddress(ctx)) return 'description';
  return 'info';
}

function fromAddressValue(label: string, value: string, family: 4 | 6, marked: boolean, ctx: InferenceContext): LabelMeaning {
  if (WINS.test(label)) return 'winsServers';
  if (DNS.test(label)) return 'dnsServers';
  if (DHCP.test(label)) return 'info'; // the DHCP server
  // "(Preferred)", "(Deprecated)", "(Duplicate)" in any language: only addresses carry a state
  if (marked || IP_TOKEN.test(label)) return 'ipv4Address';
  if (family === 4 && ctx.maskPending && isMask(value)) return 'subnetMask';
  if (family === 4 && ctx.next && isMask(ctx.next.value)) return 'ipv4Address';
  // plain ipconfig prints IPv6 addresses without a state, before the IPv4 address and its mask
  if (family === 6 && !ctx.sawMask && !ctx.maskPending && !ctx.sawGateway) return 'ipv4Address';
  return ctx.sawGateway ? 'info' : 'defaultGateway';
}

/** The description is the line before the physical address: a MAC, or empty (PPP, tunnels) before "DHCP …". */
function precedesPhysicalAddress(ctx: InferenceContext): boolean {
  if (!ctx.next) return false;
  if (MAC.test(ctx.next.value)) return true;
  return ctx.next.value === '' && ctx.afterNext !== undefined && DHCP.test(ctx.afterNext.label);
}

/** The notice that an output's labels were read by their values: its lines were read (with doubt), none left unread. */
export const isReadNote = (problem: { code?: string }): boolean => problem.code === 'ipconfig.labelsByValue';
