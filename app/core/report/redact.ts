import ipaddr from 'ipaddr.js';

/**
 * Redaction for reports people send out (DESIGN.md `--redact`): user names, computer and domain
 * names, SIDs, MAC addresses, public IP addresses and VPN server names become stable tokens — the
 * same value always gets the same token, in every file of one export — while private addresses
 * stay, because the diagnosis depends on them.
 *
 * Names are known values (collected from the capture, the snapshot and the policy by
 * `sensitiveValues`); SIDs, MACs and public addresses are recognised by their shape. Tokens keep
 * the shape of what they replace where a parser needs it (a MAC stays a MAC, a public IPv4 address
 * stays an address in a documentation/benchmark range with its last octet, so a /24 stays a /24),
 * which keeps a redacted capture readable by `tunnelmedic scan --capture`.
 */

export type NameKind = 'user' | 'host' | 'domain' | 'dnsDomain' | 'vpnServer' | 'org';

export interface SensitiveValue {
  kind: NameKind;
  value: string;
}

const TOKEN_PREFIX: Record<NameKind, (n: number) => string> = {
  user: (n) => `user-${n}`,
  host: (n) => `HOST-${n}`,
  domain: (n) => `DOMAIN-${n}`,
  dnsDomain: (n) => `domain-${n}.example`,
  vpnServer: (n) => `vpn-server-${n}.example`,
  org: (n) => `ORGANISATION-${n}`,
};

/** Never tokens: well-known names that identify nobody (and would blur the diagnosis). */
const NOT_SENSITIVE = new Set(['host', 'domain', 'server', 'vpn', 'vpn-server', 'organisation', 'sid', 'workgroup', 'localhost', 'n/a', 'none', 'nt authority', 'system', 'local service', 'network service', 'public', 'default', 'default user', 'all users', 'administrator', 'administrators', 'user', 'users', 'guest', 'windows', 'microsoft', 'example.com', 'example']);

/** Replacement /24 networks for public IPv4 networks: TEST-NET-2/3/1, then 198.18.0.0/15 (RFC 2544). */
const IPV4_POOL = ['198.51.100', '203.0.113', '192.0.2', ...Array.from({ length: 512 }, (_, i) => `198.${18 + (i >> 8)}.${i & 255}`)];

const SID = /\bS-1-(?:5-21|12-1)(?:-\d+){3,5}\b/gi;
/** MAC with - or : separators (ipconfig, getmac, events), not part of a longer hex run or GUID. */
const MAC_SEPARATED = /(?<![0-9A-Fa-f][-:]?)[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![-:]?[0-9A-Fa-f])/g;
/** route print's Interface List: "  7...8c 16 45 2a 91 0e ......Intel(R) …" */
const MAC_ROUTE_PRINT = /(?<=\.\.\.)(?:[0-9A-Fa-f]{2} ){5}[0-9A-Fa-f]{2}(?= +\.)/g;
/** A MAC without separators (registry NetworkAddress "00155D011E02"), not part of a hex run, GUID or 0x number. */
const MAC_BARE = /(?<![0-9A-Za-z{}_-])[0-9A-Fa-f]{12}(?![0-9A-Za-z{}_-])/g;
/** Cisco-style dotted MAC "0015.5d01.1e02". */
const MAC_DOTTED = /(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.]*\d)/g;
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])/g;

export function isPublicIpv4(text: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return false;
  return ipaddr.IPv4.parse(text).range() === 'unicast' && !isContiguousNetmask(text);
}

/** Netmasks (128.0.0.0, 255.255.255.0 …) are not addresses; 128.0.0.0 would otherwise count as public. */
function isContiguousNetmask(text: string): boolean {
  const n = text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const inverted = ~n >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

export function isPublicIpv6(text: string): boolean {
  if (!ipaddr.IPv6.isValid(text)) return false;
  // Teredo and 6to4 addresses embed the machine's public IPv4 address.
  return ['unicast', 'teredo', '6to4'].includes(ipaddr.IPv6.parse(text).range());
}

export interface RedactionSummary {
  /** how many distinct values of each kind were replaced (never the values themselves) */
  counts: Record<string, number>;
}

export class Redactor {
  private readonly names = new Map<string, { kind: NameKind; token?: string }>();
  private readonly tokens = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private namePatterns: RegExp[] | null = null;

  constructor(values: readonly SensitiveValue[]) {
    for (const v of values) this.addName(v);
  }

  private addName({ kind, value }: SensitiveValue): void {
    const clean = value.trim();
    const key = foldName(clean);
    // no DNS, NetBIOS or account name is longer than 256 characters or holds control characters:
    // such a "name" is garbage from a damaged capture, and would only bloat the pattern
    if (clean.length < 2 || clean.length > 256 || /[\u0000-\u001f]/.test(clean) || /^\d+$/.test(clean) || NOT_SENSITIVE.has(key) || this.names.has(key)) return;
    if (ipaddr.isValid(clean)) return; // addresses are judged by their range, not listed
    this.names.set(key, { kind });
    this.namePatterns = null;
  }

  /**
   * Short strings repeat throughout a report (keys, netmasks, gateways, file names): each is
   * redacted once. A value's token never changes once given, so a remembered result stays right.
   */
  private readonly seen = new Map<string, string>();
  /** a route print repeats the same few addresses thousands of times: judge each once */
  private readonly publicV4 = new Map<string, boolean>();
  private isPublicV4(address: string): boolean {
    let known = this.publicV4.get(address);
    if (known === undefined) this.publicV4.set(address, (known = isPublicIpv4(address)));
    return known;
  }

  /** Replaces every sensitive value in a text. */
  text(input: string): string {
    if (input.length > 256) return this.redactText(input);
    let out = this.seen.get(input);
    if (out === undefined) this.seen.set(input, (out = this.redactText(input)));
    return out;
  }

  private redactText(input: string): string {
    let out = input;
    for (const pattern of this.patterns()) out = out.replace(pattern, (m) => this.nameToken(m));
    out = out.replace(SID, (m) => this.token('sid', m.toUpperCase(), (n) => `SID-${n}`));
    out = out.replace(MAC_ROUTE_PRINT, (m) => this.macToken(m, ' ', true));
    out = out.replace(MAC_SEPARATED, (m, sep: string) => this.macToken(m, sep, m === m.toLowerCase()));
    out = out.replace(MAC_DOTTED, (m) => this.macToken(m, '.', m === m.toLowerCase(), 4));
    out = out.replace(MAC_BARE, (m) => this.macToken(m, '', m === m.toLowerCase()));
    out = out.replace(IPV4, (m) => (this.isPublicV4(m) ? this.ipv4Token(m) : m));
    out = out.replace(IPV6_CANDIDATE, (m) => (isPublicIpv6(m) ? this.token('ipv6', ipaddr.IPv6.parse(m).toNormalizedString(), (n) => `2001:db8::${n.toString(16)}`) : m));
    return out;
  }

  /** Redacts every string (and object key) in a JSON-like value. */
  value<T>(input: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      // field names (snapshot, files, …) are the schema, never data: a capture "name" such as
      // "files" must not rename them (the fuzzer broke the HTML that way); keys that are data
      // (registry key paths) are not plain identifiers and are redacted
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [/^[A-Za-z_$][\w$]*$/.test(k) ? k : this.text(k), walk(x)]));
      return v;
    };
    return walk(input) as T;
  }

  summary(): RedactionSummary {
    return { counts: Object.fromEntries(this.counters) };
  }

  /**
   * The names as regexes, longest first so "corp.example.com" wins over "corp" at the same
   * position. Chunks of at most 500 names, each one trie-shaped regex (namesPattern): one regex of
   * 300 000 phonebook servers is "too large".
   * Tokens are made of words that are never names (NOT_SENSITIVE), so a later chunk cannot match
   * inside a token an earlier one wrote.
   */
  private patterns(): RegExp[] {
    if (this.namePatterns) return this.namePatterns;
    const sorted = [...this.names.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.namePatterns = [];
    for (let i = 0; i < sorted.length; i += 500) {
      // letters and digits of any script end a name: "Иван" is not replaced inside "Иванов"
      this.namePatterns.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${namesPattern(sorted.slice(i, i + 500))})(?![\\p{L}\\p{N}])`, 'giu'));
    }
    return this.namePatterns;
  }

  private nameToken(match: string): string {
    const key = foldName(match);
    const entry = this.names.get(key);
    if (!entry) return match;
    return this.token(entry.kind, key, TOKEN_PREFIX[entry.kind]);
  }

  private macToken(mac: string, sep: string, lower: boolean, group = 2): string {
    const normal = mac.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    const token = this.token('mac', normal, (n) => `020000${n.toString(16).padStart(6, '0')}`);
    const pairs = token.match(group === 4 ? /..../g : /../g)!.join(sep);
    return lower ? pairs : pairs.toUpperCase();
  }

  private ipv4Token(address: string): string {
    const parts = address.split('.');
    const net = this.token('ipv4-net', parts.slice(0, 3).join('.'), (n) => IPV4_POOL[(n - 1) % IPV4_POOL.length]!);
    this.counters.set('ipv4', (this.counters.get('ipv4') ?? 0) + (this.tokens.has(`ipv4:${address}`) ? 0 : 1));
    this.tokens.set(`ipv4:${address}`, `${net}.${parts[3]}`);
    return `${net}.${parts[3]}`;
  }

  private token(kind: string, key: string, make: (n: number) => string): string {
    const id = `${kind}:${key}`;
    const known = this.tokens.get(id);
    if (known) return known;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const token = make(n);
    this.tokens.set(id, token);
    return token;
  }
}

/**
 * The key a name is known by: case-insensitive, and the Turkish i folded — İ (U+0130), I, ı
 * (U+0131) and i are one letter, because Windows, a user and a Turkish keyboard spell the same
 * name with any of them ("İSTANBUL-PC", "istanbul-pc"), and JavaScript's case-insensitive regex
 * does not equate İ with i.
 */
export function foldName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/i\u0307/g, 'i').replace(/ı/g, 'i');
}

/** The regex for one folded character: each i matches every Turkish i (with a combining dot or not). */
function charPattern(folded: string): string {
  return escapeRegExp(folded).replace(/i/g, '(?:[iIıİ]\\u0307?)');
}

interface NameTrie {
  end: boolean;
  next: Map<string, NameTrie>;
}

/**
 * All names as one regex shaped like a trie ("host0(?:0(?:1|2)|1…)"): a flat alternation of
 * 5 000 LMHOSTS names made the engine try every name at every position of every text (80 s for a
 * 20 000-route report). Longer names still win over their prefixes ("corp.example.com" over
 * "corp"): an optional tail is greedy and is given up only when the longer name does not end there.
 */
export function namesPattern(folded: Iterable<string>): string {
  const root: NameTrie = { end: false, next: new Map() };
  for (const name of folded) {
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: NameTrie): string => {
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ch, child]) => charPattern(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return emit(root);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
