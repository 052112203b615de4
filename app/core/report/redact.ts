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

/** Dotted decimal, each part 0–255 without leading zeros: what `ipaddr.IPv4.isValidFourPartDecimal` accepts. */
const FOUR_PART_DECIMAL = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * ipaddr.js's special IPv4 ranges (everything its `range()` does not call 'unicast') as numbers,
 * read from ipaddr itself so the two can never disagree: a 20 000-route report asks about 20 000
 * addresses, and parsing each into an ipaddr object was most of the redaction's time.
 */
let specialV4: { net: number; mask: number }[] | null = null;
function specialV4Ranges(): { net: number; mask: number }[] {
  if (specialV4) return specialV4;
  const ranges = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]> }).SpecialRanges;
  specialV4 = [];
  for (const list of Object.values(ranges)) {
    for (const [address, bits] of (Array.isArray(list[0]) ? list : [list]) as [ipaddr.IPv4, number][]) {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      specialV4.push({ net: (v4Number(address.toString()) & mask) >>> 0, mask });
    }
  }
  return specialV4;
}
const v4Number = (text: string) => text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);

export function isPublicIpv4(text: string): boolean {
  if (!FOUR_PART_DECIMAL.test(text)) return false;
  const n = v4Number(text);
  return !specialV4Ranges().some((r) => ((n & r.mask) >>> 0) === r.net) && !isContiguousNetmask(text);
}

/**
 * `ipaddr.isValid`, without its cost for text that cannot be an address: every IPv6 form holds a
 * colon, and every IPv4 form ipaddr accepts (dotted, two/three-part, long, octal, 0x-hex) is made
 * of hex digits, x and dots only. Names are asked by the thousand (LMHOSTS), and ipaddr answers
 * "no" by throwing and catching an exception.
 */
export function isIpAddress(text: string): boolean {
  return (text.includes(':') || /^[0-9a-fx.]+$/i.test(text)) && ipaddr.isValid(text);
}

/** Netmasks (128.0.0.0, 255.255.255.0 …) are not addresses; 128.0.0.0 would otherwise count as public. */
function isContiguousNetmask(text: string): boolean {
  const n = text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const inverted = ~n >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

/** texts longer than this (capture files) are redacted line by line (Redactor.lineWise) */
const LINE_WISE_FROM = 4096;

interface NamePattern {
  regex: RegExp;
  /** false when no name of this chunk can begin at any of the text's word starts */
  mayMatch(shape: TextShape): boolean;
  /** some name of this chunk begins with a digit */
  digitStart: boolean;
}

interface TextShape {
  /**
   * The first two characters of each word (a word begins at the text's start or after a character
   * that is no ASCII letter or digit), as `first * 128 + second`, when both are ASCII
   */
  starts: number[];
  /** the first characters of the words, when ASCII (for one-character names, which folding can make: "i̇" → "i") */
  firsts: number[];
  /** the text holds a character beyond ASCII: any name may begin there (any script, any case folding) */
  beyondAscii: boolean;
  dash: boolean;
  colon: boolean;
  dot: boolean;
  /** "..." (route print's Interface List) */
  dots3: boolean;
  /** the longest run of hex digits */
  hexRun: number;
}

/**
 * What a text holds that the patterns need, in one pass over its characters: where a name can
 * begin (after a character that is no letter or digit of any script; counted generously, a
 * character beyond ASCII makes every name possible), dashes, colons, dots, hex runs.
 */
function shapeOf(text: string): TextShape {
  const starts: number[] = [];
  const firsts: number[] = [];
  let beyondAscii = false;
  let prevAlnum = false;
  let dash = false;
  let colon = false;
  let dot = false;
  let dots = 0;
  let dots3 = false;
  let run = 0;
  let hexRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    const digit = c >= 0x30 && c <= 0x39;
    const alnum = digit || (c < 128 && lower >= 0x61 && lower <= 0x7a);
    if (digit || (c < 128 && lower >= 0x61 && lower <= 0x66)) {
      if (++run > hexRun) hexRun = run;
    } else run = 0;
    if (c === 0x2e) {
      dot = true;
      if (++dots >= 3) dots3 = true;
    } else dots = 0;
    if (c === 0x2d) dash = true;
    else if (c === 0x3a) colon = true;
    if (c >= 128) beyondAscii = true;
    else if (!prevAlnum) {
      if (!firstSeen[c]) {
        firstSeen[c] = 1;
        firsts.push(c);
      }
      if (i + 1 < text.length && text.charCodeAt(i + 1) < 128) {
        const pair = c * 128 + text.charCodeAt(i + 1);
        if (!startSeen[pair]) {
          startSeen[pair] = 1;
          starts.push(pair);
        }
      }
    }
    prevAlnum = alnum;
  }
  for (const pair of starts) startSeen[pair] = 0;
  for (const c of firsts) firstSeen[c] = 0;
  return { starts, firsts, beyondAscii, dash, colon, dot, dots3, hexRun };
}
const isDigitOrDot = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;
/** shapeOf's scratch table, all zero between calls */
const startSeen = new Uint8Array(128 * 128);
const firstSeen = new Uint8Array(128);

/**
 * Every spelling of a character that case-insensitive matching may equate with it: its lower and
 * upper case and theirs ("ſ" → "S" → "s"); the Turkish i's other forms are beyond ASCII and so
 * always searched (TextShape.beyondAscii).
 */
function caseVariants(ch: string): string[] {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [ch, lower, upper, upper.toLowerCase(), lower.toUpperCase()];
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
  private namePatterns: NamePattern[] | null = null;

  constructor(values: readonly SensitiveValue[]) {
    for (const v of values) this.addName(v);
  }

  private addName({ kind, value }: SensitiveValue): void {
    const clean = value.trim();
    const key = foldName(clean);
    // no DNS, NetBIOS or account name is longer than 256 characters or holds control characters:
    // such a "name" is garbage from a damaged capture, and would only bloat the pattern
    if (clean.length < 2 || clean.length > 256 || /[\u0000-\u001f]/.test(clean) || /^\d+$/.test(clean) || NOT_SENSITIVE.has(key) || this.names.has(key)) return;
    if (isIpAddress(clean)) return; // addresses are judged by their range, not listed
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
    if (input.length > LINE_WISE_FROM) return this.lineWise(input);
    return this.short(input);
  }

  private short(input: string): string {
    if (input.length > 256) return this.redactText(input);
    let out = this.seen.get(input);
    if (out === undefined) this.seen.set(input, (out = this.redactText(input)));
    return out;
  }

  /**
   * A big text (a capture file) line by line, each line without its surrounding blanks through
   * the same remembered results as the report's strings: a route's source text in report.json is
   * its route-print.txt line, trimmed, so the 20 000 lines of a big table are judged once, not
   * twice. Every pattern still sees every line: none can match across a line break (no name holds
   * one, addName; the shapes are all within a line), and a blank or a line break is neither a
   * letter, digit, dot, colon nor dash to any pattern's look-around, so a line alone and a line in
   * its text give the same matches. Tokens are numbered in the order values are met line by line.
   */
  private lineWise(text: string): string {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const body = line.trim();
      if (!body) continue;
      const at = line.indexOf(body);
      lines[i] = line.slice(0, at) + this.short(body) + line.slice(at + body.length);
    }
    return lines.join('\n');
  }

  /**
   * Each pattern runs only on text holding what it cannot match without (checked on the text as
   * it is at that step, after the earlier replacements): a word start where one of the names
   * begins, a dash, a colon, a run of hex digits. The patterns themselves are unchanged, so the
   * result is the same; but a route's addresses and source line, most of a big report, no longer
   * go through name, SID, MAC and IPv6 patterns that cannot match them.
   */
  private redactText(input: string): string {
    // most strings of a big report are one IPv4 address (a route's destination, netmask, gateway):
    // unless a name begins with a digit, no other pattern can match inside one (no letter, dash,
    // colon or run of 4 hex digits), so the address pattern's own answer is the whole answer
    const patterns = this.patterns();
    if (FOUR_PART_DECIMAL.test(input) && !patterns.some((p) => p.digitStart)) return this.isPublicV4(input) ? this.ipv4Token(input) : input;
    let out = input;
    let shape = shapeOf(input);
    /** one pattern's replacements; the shape is read again only when the text changed */
    const step = (when: boolean, pattern: RegExp, replace: (m: string, ...groups: string[]) => string) => {
      if (!when) return;
      const next = out.replace(pattern, replace);
      if (next !== out) shape = shapeOf((out = next));
    };
    for (const p of patterns) step(p.mayMatch(shape), p.regex, (m) => this.nameToken(m));
    step(shape.dash, SID, (m) => this.token('sid', m.toUpperCase(), (n) => `SID-${n}`));
    step(shape.dots3, MAC_ROUTE_PRINT, (m) => this.macToken(m, ' ', true));
    step(shape.dash || shape.colon, MAC_SEPARATED, (m, sep) => this.macToken(m, sep!, m === m.toLowerCase()));
    // a dotted MAC needs 4 hex digits in a row, a bare one 12 (a route line has at most 3)
    step(shape.dot && shape.hexRun >= 4, MAC_DOTTED, (m) => this.macToken(m, '.', m === m.toLowerCase(), 4));
    step(shape.hexRun >= 12, MAC_BARE, (m) => this.macToken(m, '', m === m.toLowerCase()));
    if (shape.dot) out = this.publicIpv4Replaced(out); // IPV4, without a regex

    step(shape.colon, IPV6_CANDIDATE, (m) => (isPublicIpv6(m) ? this.token('ipv6', ipaddr.IPv6.parse(m).toNormalizedString(), (n) => `2001:db8::${n.toString(16)}`) : m));
    return out;
  }

  /**
   * What `text.replace(IPV4, public ? token : same)` gives, found in one pass: IPV4 may start only
   * where no digit or dot precedes and may be followed by no digit, even after dots, so each of its
   * matches is a whole run of digits and dots without its trailing dots; the run is an address when
   * FOUR_PART_DECIMAL (the same grammar for each part) accepts it. Every route line holds four or
   * five such runs, and a regex with a callback per match was most of a big report's redaction.
   */
  private publicIpv4Replaced(text: string): string {
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; ) {
      if (!isDigitOrDot(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isDigitOrDot(text.charCodeAt(j))) j++;
      let end = j;
      while (end > i && text.charCodeAt(end - 1) === 0x2e) end--;
      if (end - i >= 7) {
        const address = text.slice(i, end);
        if (FOUR_PART_DECIMAL.test(address) && this.isPublicV4(address)) {
          out += text.slice(copied, i) + this.ipv4Token(address);
          copied = end;
        }
      }
      i = j;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** Redacts every string (and object key) in a JSON-like value. */
  value<T>(input: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v);
      if (Array.isArray(v)) return v.map(walk);
      // field names (snapshot, files, …) are the schema, never data: a capture "name" such as
      // "files" must not rename them (the fuzzer broke the HTML that way); keys that are data
      // (registry key paths) are not plain identifiers and are redacted
      if (v && typeof v === 'object') {
        // (a loop, not Object.fromEntries(Object.entries(…)): a big report has 40 000 such objects)
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          const key = this.key(k);
          const x = walk((v as Record<string, unknown>)[k]);
          if (key === '__proto__') Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
          else out[key] = x;
        }
        return out;
      }
      return v;
    };
    return walk(input) as T;
  }

  /** the same dozen field names repeat on every route: each is judged once */
  private readonly fieldNames = new Set<string>();
  private key(k: string): string {
    if (this.fieldNames.has(k)) return k;
    if (!/^[A-Za-z_$][\w$]*$/.test(k)) return this.text(k);
    this.fieldNames.add(k);
    return k;
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
   * Each chunk knows the first two characters its names can begin with, in any case: a text with
   * no word beginning with one of those pairs is not searched (most strings of a report are addresses and
   * numbers, or words like "On-link" that begin no name).
   */
  private patterns(): NamePattern[] {
    if (this.namePatterns) return this.namePatterns;
    const sorted = [...this.names.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.namePatterns = [];
    for (let i = 0; i < sorted.length; i += 500) {
      const chunk = sorted.slice(i, i + 500);
      // letters and digits of any script end a name: "Иван" is not replaced inside "Иванов"
      const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${namesPattern(chunk)})(?![\\p{L}\\p{N}])`, 'giu');
      // the ASCII spellings of each name's first two characters; a name whose first two have none
      // can only match where the text holds a character beyond ASCII
      const pairs = new Uint8Array(128 * 128);
      const singles = new Uint8Array(128);
      let digitStart = false;
      for (const name of chunk) {
        const [a = [], b] = [...name].slice(0, 2).map((ch) => [...new Set(caseVariants(ch).join(''))].filter((c) => c.charCodeAt(0) < 128));
        if (b === undefined) for (const x of a) singles[x.charCodeAt(0)] = 1;
        else for (const x of a) for (const y of b) pairs[x.charCodeAt(0) * 128 + y.charCodeAt(0)] = 1;
        if (a.some((x) => x >= '0' && x <= '9')) digitStart = true;
      }
      this.namePatterns.push({ regex, mayMatch: (shape) => shape.beyondAscii || shape.starts.some((pair) => pairs[pair] === 1) || shape.firsts.some((c) => singles[c] === 1), digitStart });
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
