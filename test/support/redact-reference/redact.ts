// Frozen copy of app/core/report/'s redaction as of 1ae9b37 (before issue 16's budget-3 work): the
// reference test/redact-fast-path.test.ts compares the faster Redactor with, string by string.
import ipaddr from 'ipaddr.js';
import { FOUR_PART_DECIMAL, isDigitOrDot, isIpAddress, isPublicIpv4, isPublicIpv6 } from './redact-addresses';
import { caseVariants, foldName, namesPattern } from './redact-names';
import { shapeOf, type TextShape } from './text-shape';

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
/** a Linux firewall's packet log's `MAC=` link-layer header: the receiver's and the sender's MAC, then the EtherType (added with netfilter-log.ts) */
const MAC_LINK_HEADER = /(?<=MAC=)(?:[0-9A-Fa-f]{2}:){11}[0-9A-Fa-f]{2}(?=:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?!:?[0-9A-Fa-f]))/g;
const MAC_SEPARATED = /(?<![0-9A-Fa-f][-:]?)[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![-:]?[0-9A-Fa-f])/g;
/** route print's Interface List: "  7...8c 16 45 2a 91 0e ......Intel(R) …" */
const MAC_ROUTE_PRINT = /(?<=\.\.\.)(?:[0-9A-Fa-f]{2} ){5}[0-9A-Fa-f]{2}(?= +\.)/g;
/** A MAC without separators (registry NetworkAddress "00155D011E02"), not part of a hex run, GUID or 0x number. */
const MAC_BARE = /(?<![0-9A-Za-z{}_-])[0-9A-Fa-f]{12}(?![0-9A-Za-z{}_-])/g;
/** Cisco-style dotted MAC "0015.5d01.1e02". */
const MAC_DOTTED = /(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;
// (round 43: not the head of an IPv4-mapped address `::ffff:192.0.2.7`, as the Redactor)
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:]|\.\d)/g;

/** texts longer than this (capture files) are redacted line by line (Redactor.lineWise) */
/** round 44: Huawei's and H3C's MAC "00e0-fc12-3456" (redact.ts MAC_DASHED_QUADS) */
const MAC_DASHED_QUADS = /(?<![0-9A-Za-z-])[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}(?![0-9A-Za-z]|-[0-9A-Za-z])/g;
/** round 44: four runs of 1–3 digits joined by dashes, not a longer chain's tail (redact.ts DASHED_V4) */
const DASHED_V4 = /(?<![0-9]|(?<![0-9A-Za-z])[0-9]{1,3}-)([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})(?![0-9]|-[0-9])/g;

const LINE_WISE_FROM = 4096;

interface NamePattern {
  regex: RegExp;
  /** false when no name of this chunk can begin at any of the text's word starts */
  mayMatch(shape: TextShape): boolean;
  /** some name of this chunk begins with a digit */
  digitStart: boolean;
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
    step(shape.colon, MAC_LINK_HEADER, (m) => `${this.macToken(m.slice(0, 17), ':', m === m.toLowerCase())}:${this.macToken(m.slice(18), ':', m === m.toLowerCase())}`);
    step(shape.dash || shape.colon, MAC_SEPARATED, (m, sep) => this.macToken(m, sep!, m === m.toLowerCase()));
    // round 44: Huawei's and H3C's H-H-H MAC (redact.ts MAC_DASHED_QUADS)
    step(shape.dash, MAC_DASHED_QUADS, (m) => this.macToken(m, '-', m === m.toLowerCase(), 4));
    // a dotted MAC needs 4 hex digits in a row, a bare one 12 (a route line has at most 3)
    step(shape.dot && shape.hexRun >= 4, MAC_DOTTED, (m) => this.macToken(m, '.', m === m.toLowerCase(), 4));
    step(shape.hexRun >= 12, MAC_BARE, (m) => this.macToken(m, '', m === m.toLowerCase()));
    // round 44: an address in a host name, with dashes (redact.ts dashedIpv4Replaced)
    step(shape.dash, DASHED_V4, (m, ...g) => this.dashedToken(m, g as unknown as [string, string, string, string, number, string]));
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
      // (round 43: the run's pieces between two or more dots are judged each on its own — strongSwan's `%H...%H` — as the
      // Redactor does; a plain split, not its loop)
      let p = i;
      const pieces = text.slice(i, j).split(/(\.{2,})/);
      pieces.forEach((piece, k) => {
        const address = piece.replace(/\.+$/, '');
        // round 44: parts may be zero-padded (read as decimal); the last piece with one dot before `in-addr.arpa` is read backwards
        const parts = address.split('.');
        const reverse = k === pieces.length - 1 && piece === `${address}.` && /^in-addr\.arpa(?![a-z0-9])/i.test(text.slice(j));
        if (address.length >= 7 && parts.length === 4 && parts.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255) && (parts.every((x) => x.length === 3) || !parts.some((x) => /^0\d/.test(x)))) {
          const canonical = (reverse ? [...parts].reverse() : parts).map(Number).join('.');
          if (this.isPublicV4(canonical)) {
            const spelled = canonical === address && !reverse ? this.ipv4Token(address) : this.ipv4Token(canonical).split('.').map((x) => (address.length === 15 ? x.padStart(3, '0') : x));
            out += text.slice(copied, p) + (typeof spelled === 'string' ? spelled : (reverse ? spelled.reverse() : spelled).join('.'));
            copied = p + address.length;
          }
        }
        p += piece.length;
      });
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

  private dashedToken(m: string, [a, b, c, d, at, text]: [string, string, string, string, number, string]): string {
    const parts = [a, b, c, d].map(Number);
    const end = at + m.length;
    const beforeLetter = /[A-Za-z]-?$/.test(text.slice(Math.max(0, at - 2), at));
    const labelAfter = /^\.[A-Za-z]/.test(text.slice(end));
    if ((!beforeLetter && !labelAfter) || parts.some((x) => x > 255)) return m;
    const canonical = parts.join('.');
    return this.isPublicV4(canonical) ? this.ipv4Token(canonical).replace(/\./g, '-') : m;
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
