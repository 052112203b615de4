import ipaddr from 'ipaddr.js';
import { dottedQuadIn } from '../parse/ipv4-dotted';
import { dottedOf, inAddrArpaAt, isDigitOrDot, isIpAddress, isPublicIpv4Number, isPublicIpv6, paddedQuadIn, reversedV4 } from './redact-addresses';
import { foldName, namesPattern, nameStart } from './redact-names';
import { CleanTexts, CLEAN_FROM, cleanSlotOf, WORDS_UP_TO } from './redact-clean';
import { TokenBook, type NameKind } from './redact-tokens';
import { replaceEach } from './replace-each';
import { mapStrings } from './redact-walk';
import { emptyNameStarts, NEEDS_PATTERNS, SHAPE, shapeOf, type NameStarts } from './text-shape';

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

export type { NameKind } from './redact-tokens';

export interface SensitiveValue {
  kind: NameKind;
  value: string;
}

/** Never tokens: well-known names that identify nobody (and would blur the diagnosis). */
const NOT_SENSITIVE = new Set(['host', 'domain', 'server', 'vpn', 'vpn-server', 'organisation', 'sid', 'workgroup', 'localhost', 'n/a', 'none', 'nt authority', 'system', 'local service', 'network service', 'public', 'default', 'default user', 'all users', 'administrator', 'administrators', 'user', 'users', 'guest', 'windows', 'microsoft', 'example.com', 'example',
  // a device's or server's default name (`Router#`, a syslog host `gateway`): it identifies nobody, and as a name every
  // "router" in the report's own words would become a token ("The HOST-1 refused the encryption")
  'router', 'gateway', 'firewall', 'switch', 'ciscoasa', 'mikrotik', 'openwrt', 'pfsense', 'opnsense', 'ubuntu', 'debian', 'raspberrypi', 'localhost.localdomain']);

const SID = /\bS-1-(?:5-21|12-1)(?:-\d+){3,5}\b/gi;
/** MAC with - or : separators (ipconfig, getmac, events), not part of a longer hex run or GUID. */
const MAC_SEPARATED = /(?<![0-9A-Fa-f][-:]?)[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![-:]?[0-9A-Fa-f])/g;
/**
 * The link-layer header a Linux firewall's packet log prints after `MAC=` (the kernel's nf_log_syslog.c dump_mac_header: the header's
 * bytes colon-joined — on Ethernet the receiver's MAC, the sender's, then the EtherType, `MAC=b8:ac:6f:c2:0a:80:bc:f1:f2:6c:fb:48:08:00`):
 * both MACs, which MAC_SEPARATED passes over as part of a longer hex run. The EtherType stays.
 */
const MAC_LINK_HEADER = /(?<=MAC=)(?:[0-9A-Fa-f]{2}:){11}[0-9A-Fa-f]{2}(?=:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?!:?[0-9A-Fa-f]))/g;
/** route print's Interface List: "  7...8c 16 45 2a 91 0e ......Intel(R) …" */
const MAC_ROUTE_PRINT = /(?<=\.\.\.)(?:[0-9A-Fa-f]{2} ){5}[0-9A-Fa-f]{2}(?= +\.)/g;
/** A MAC without separators (registry NetworkAddress "00155D011E02"), not part of a hex run, GUID or 0x number. */
const MAC_BARE = /(?<![0-9A-Za-z{}_-])[0-9A-Fa-f]{12}(?![0-9A-Za-z{}_-])/g;
/** Cisco-style dotted MAC "0015.5d01.1e02". */
const MAC_DOTTED = /(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;
/**
 * Huawei's and H3C's MAC "00e0-fc12-3456" (their docs' H-H-H format: `display arp`, `display mac-address`, L2TP/PPPoE logs; round
 * 44), not part of a GUID or a longer dashed run. (The shape needs SHAPE.macSeparated: hex, hex, dash, hex, hex.)
 */
const MAC_DASHED_QUADS = /(?<![0-9A-Za-z-])[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}(?![0-9A-Za-z]|-[0-9A-Za-z])/g;
/**
 * An IPv6 address, not the head of an IPv4-mapped or -embedded one (`::ffff:192.0.2.7`, RFC 4291 2.5.5.2: its IPv4 tail is judged
 * as IPv4; before round 43 `::ffff:198` took an IPv6 token and left `.51.100.30` after it)
 */
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:]|\.\d)/g;

/**
 * Four runs of 1–3 digits joined by dashes, not the tail of a longer chain (no digit, nor a run of 1–3 digits alone and a dash,
 * before — `ec2-` may be; no digit, or dash and digit, after): an IPv4 address as a host name writes it (Redactor.dashedIpv4Replaced). Bounded repeats only, each
 * start tried once: linear.
 */
const DASHED_V4 = /(?<![0-9]|(?<![0-9A-Za-z])[0-9]{1,3}-)([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})(?![0-9]|-[0-9])/g;
const isLetterCode = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** texts longer than this (capture files) are redacted line by line (Redactor.lineWise) */
const LINE_WISE_FROM = 4096;

interface NamePatterns {
  /** one trie-shaped regex per chunk of names */
  regexes: RegExp[];
  /** where each chunk's names can begin (TextShape.nameChunks) */
  starts: NameStarts;
}

export interface RedactionSummary {
  /** how many distinct values of each kind were replaced (never the values themselves) */
  counts: Record<string, number>;
}

export class Redactor {
  private readonly names = new Map<string, { kind: NameKind; token?: string }>();
  private readonly book = new TokenBook();
  private namePatterns: NamePatterns | null = null;

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
   * Short strings that need a pattern repeat throughout a report (names, interface descriptions):
   * each is redacted once. A value's token never changes once given, so a remembered result stays
   * right. Strings no pattern can match (addresses, route lines: most of a big report) are not
   * remembered: their one pass costs what a lookup would.
   */
  private readonly seen = new Map<string, string>();
  /**
   * Each big text's result: the same text given again (the LMHOSTS file is report.json's
   * snapshot.lmhosts.text and capture/lmhosts) is looked up, not redacted again. Exact: every value
   * it holds got its token the first time, and a token never changes, so a second pass would give
   * the same text and make no new token. (V8 hashes a string this long by its length alone; a hit
   * costs one comparison, the same string object compares at once.)
   */
  private readonly bigTexts = new Map<string, string>();

  /** the clean texts met so far, compared rather than scanned again (redact-clean.ts) */
  private readonly clean = new CleanTexts();

  /** Replaces every sensitive value in a text. */
  text(input: string): string {
    if (input.length > LINE_WISE_FROM) {
      let out = this.bigTexts.get(input);
      if (out === undefined) this.bigTexts.set(input, (out = this.lineWise(input)));
      return out;
    }
    return this.short(input);
  }

  /** the chunks of names that may match the string short() is redacting (shapeOf's list, reused) */
  private readonly inputChunks: number[] = [];

  private short(input: string): string {
    const length = input.length;
    const slot = length < CLEAN_FROM && length > 0 ? cleanSlotOf(input, 0, length) : -1;
    if (slot >= 0 && this.clean.slots[slot] === input) return input;
    if (length >= CLEAN_FROM && length <= WORDS_UP_TO && this.clean.byWords(input, this.patterns().starts)) {
      this.clean.inOrder.push(input);
      return input;
    }
    // the chunks of names that may match are listed in the same pass (redactText needs them)
    const chunks = this.emptyInputChunks();
    const shape = shapeOf(input, this.patterns().starts, chunks);
    if ((shape & (NEEDS_PATTERNS | SHAPE.publicV4)) === 0) {
      if (slot >= 0) this.clean.slots[slot] = input;
      else if (length >= CLEAN_FROM) this.clean.inOrder.push(input);
      return input;
    }
    return this.shaped(input, shape, chunks);
  }

  /** inputChunks, emptied (only when it holds some: setting an array's length is a call into the runtime) */
  private emptyInputChunks(): number[] {
    const chunks = this.inputChunks;
    if (chunks.length !== 0) chunks.length = 0;
    return chunks;
  }

  /** short()'s answer for a text some pattern may match, given its shape and chunks */
  private shaped(input: string, shape: number, chunks: number[]): string {
    // no pattern but the address one can match: its own pass is the whole answer
    if ((shape & NEEDS_PATTERNS) === 0) return this.publicIpv4Replaced(input);
    if (input.length > 256) return this.redactText(input, shape, chunks);
    let out = this.seen.get(input);
    if (out === undefined) this.seen.set(input, (out = this.redactText(input, shape, chunks)));
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
    const starts = this.patterns().starts;
    let out = '';
    let copied = 0;
    for (let from = 0; from < text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      // a long line the report already showed clean (a route's source line) needs no scan; else
      // blanks around a line change no shape bit (no name begins with one, addName trims): a line
      // no pattern can match is left as it is, without slicing it out
      const known = to - from >= CLEAN_FROM && this.clean.pending && this.clean.isNext(text, from, to);
      const shape = known ? 0 : shapeOf(text, starts, this.emptyInputChunks(), from, to);
      if (shape & (NEEDS_PATTERNS | SHAPE.publicV4)) {
        const line = text.slice(from, to);
        const body = line.trim();
        if (body) {
          // a line of ASCII only is its body's shape and chunks (String.trim takes off only the
          // ASCII blanks and line ends there, which set no bit and list no chunk): not scanned
          // again (an LMHOSTS line, which names a host, was shaped twice)
          const redacted = shape & SHAPE.beyondAscii ? this.short(body) : this.shaped(body, shape, this.inputChunks);
          if (redacted !== body) {
            const at = from + line.indexOf(body);
            out += text.slice(copied, at) + redacted;
            copied = at + body.length;
          }
        }
      }
      from = to + 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /**
   * Each pattern runs only on text holding what it cannot match without (checked on the text as
   * it is at that step, after the earlier replacements; TextShape): a run of letters and digits
   * one of the names begins with, "S-1-", hex digits around a dash or colon, a run of hex digits.
   * The patterns themselves are unchanged, so the result is the same; but a route's addresses
   * and source line, most of a big report, no longer go through name, SID, MAC and IPv6 patterns
   * that cannot match them, and a name is searched only in the chunk of names that holds it.
   */
  private redactText(input: string, inputShape: number, inputChunks: number[]): string {
    const { regexes, starts } = this.patterns();
    let out = input;
    let shape = inputShape;
    /** one pattern's replacements; the shape is read again only when the text changed */
    const step = (pattern: RegExp, replace: (m: string, ...groups: string[]) => string) => {
      const next = replaceEach(pattern, out, replace);
      if (next !== out) shape = shapeOf((out = next), starts);
    };
    // a chunk of names runs where the shape says one of its names may begin (SHAPE.names lists
    // them; any text beyond ASCII is searched with every chunk); the input's list came with its shape
    let chunks: number[] | null = inputChunks;
    for (let chunk = 0; chunk < regexes.length; chunk++) {
      if ((shape & SHAPE.beyondAscii) === 0) {
        if ((shape & SHAPE.names) === 0) break; // and stays so: nothing below changes the text
        if (!chunks) shapeOf(out, starts, (chunks = []));
        if (!chunks.includes(chunk)) continue;
      }
      const before = out;
      step(regexes[chunk]!, this.onName);
      if (out !== before) chunks = null;
    }
    for (const [bit, pattern, replace] of this.shapeSteps) if (shape & bit) step(pattern, replace);
    if (shape & SHAPE.dashedV4) {
      const next = this.dashedIpv4Replaced(out);
      if (next !== out) shape = shapeOf((out = next), starts);
    }
    if (shape & SHAPE.publicV4) out = this.publicIpv4Replaced(out); // the reference's IPV4 regex, without a regex
    if (shape & SHAPE.colons2) step(IPV6_CANDIDATE, this.onIpv6);
    return out;
  }

  private readonly onName = (m: string) => this.nameToken(m);
  private readonly onIpv6 = (m: string) => (isPublicIpv6(m) ? this.book.ipv6(ipaddr.IPv6.parse(m).toNormalizedString()) : m);
  /** SID and MAC patterns in their order, each with the shape bit it cannot match without */
  private readonly shapeSteps: [number, RegExp, (m: string, ...groups: string[]) => string][] = [
    [SHAPE.sid, SID, (m) => this.book.sid(m)],
    [SHAPE.dots3, MAC_ROUTE_PRINT, (m) => this.book.mac(m, ' ', true)],
    [SHAPE.macSeparated, MAC_LINK_HEADER, (m) => `${this.book.mac(m.slice(0, 17), ':', m === m.toLowerCase())}:${this.book.mac(m.slice(18), ':', m === m.toLowerCase())}`],
    [SHAPE.macSeparated, MAC_SEPARATED, (m, sep) => this.book.mac(m, sep!, m === m.toLowerCase())],
    [SHAPE.macSeparated, MAC_DASHED_QUADS, (m) => this.book.mac(m, '-', m === m.toLowerCase(), 4)],
    [SHAPE.hexDot, MAC_DOTTED, (m) => this.book.mac(m, '.', m === m.toLowerCase(), 4)],
    [SHAPE.hex12, MAC_BARE, (m) => this.book.mac(m, '', m === m.toLowerCase())],
  ];

  /**
   * What `text.replace(IPV4, public ? token : same)` gives with the IPV4 regex of the reference
   * redactor (test/support/redact-reference/redact.ts, which the tests hold this to), found in one
   * pass, without that regex (and, since round 43, with a run of digits and dots cut at each two or more dots: the reference
   * does the same): IPV4 may start only
   * where no digit or dot precedes and may be followed by no digit, even after dots, so each of its
   * matches is a whole run of digits and dots without its trailing dots; the run is an address when
   * `dottedQuadIn` (four decimal parts 0–255, no leading zeros) accepts it. Every route line holds four or
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
      // the run's pieces between two or more dots, each judged as a run of its own: strongSwan joins the two ends of an IKE_SA
      // with `...` (`looking for an ike config for 198.51.100.7...203.0.113.5`, libcharon's `%H...%H`), a range may use `..`
      // (TextShape reads them so too)
      for (let p = i; p < j; ) {
        let q = p;
        while (q < j && !(text.charCodeAt(q) === 0x2e && q + 1 < j && text.charCodeAt(q + 1) === 0x2e)) q++;
        let end = q;
        while (end > p && text.charCodeAt(end - 1) === 0x2e) end--;
        if (end - p >= 7) {
          const n = paddedQuadIn(text, p, end);
          // a reverse-DNS name (`4.3.2.1.in-addr.arpa`, one dot before the zone) stands for the address read backwards: judged
          // and given that address's token, written backwards (round 44: it took the token of 4.3.2.1, and `10.3.2.81.in-addr.arpa`
          // — 81.2.3.10, public — stayed because 10.3.2.81 is private)
          const reverse = n !== null && end === j - 1 && inAddrArpaAt(text, j);
          const address = n === null ? null : reverse ? reversedV4(n) : n;
          if (address !== null && isPublicIpv4Number(address)) {
            out += text.slice(copied, p) + this.v4Spelled(address, text, p, end, reverse);
            copied = end;
          }
        }
        p = q;
        while (p < j && text.charCodeAt(p) === 0x2e) p++;
      }
      i = j;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /**
   * A public IPv4 address written into a host name with dashes (round 44: `ec2-54-1-2-3.compute-1.amazonaws.com`,
   * `host-81-2-3-4.example.net`, `81-2-3-4.static.isp.net`, BT's `host86-151-2-3.range86-151…`): four runs of 1–3 digits joined
   * by dashes (DASHED_V4), in a name — a DNS label follows (`.` and a letter) or a letter comes before — gets the token of the
   * same address written with dots, with dashes (the same pseudonym as `81.2.3.4` in the same log). A date (`2026-12-07`), a
   * phone number or a chain of five numbers is none: a part of four digits, no name around it, or a fifth part.
   */
  private dashedIpv4Replaced(text: string): string {
    let out = '';
    let copied = 0;
    DASHED_V4.lastIndex = 0;
    for (let m = DASHED_V4.exec(text); m !== null; m = DASHED_V4.exec(text)) {
      const at = m.index;
      const end = at + m[0].length;
      const before = at > 0 ? text.charCodeAt(at - 1) : 0;
      const beforeLetter = isLetterCode(before) || (before === 0x2d && at > 1 && isLetterCode(text.charCodeAt(at - 2)));
      const labelAfter = end + 1 < text.length && text.charCodeAt(end) === 0x2e && isLetterCode(text.charCodeAt(end + 1));
      if (!beforeLetter && !labelAfter) continue;
      const parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (parts.some((x) => x > 255)) continue;
      const n = ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
      if (!isPublicIpv4Number(n)) continue;
      out += text.slice(copied, at) + this.book.ipv4(dottedOf(n)).replace(/\./g, '-');
      copied = end;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /**
   * The token of an IPv4 address found as text[p, end) (a dotted quad, maybe zero-padded, maybe a reverse-DNS name's labels),
   * spelled as it was: the same address gets the same token in every spelling (round 44), a quad padded to three digits a part
   * (`081.002.003.004`, netsh) a token padded so, a reverse name's labels the token backwards. A plain quad is the book's key as
   * it stands (no slice parsed again).
   */
  private v4Spelled(address: number, text: string, p: number, end: number, reverse: boolean): string {
    const plain = !reverse && dottedQuadIn(text, p, end) !== null;
    const token = this.book.ipv4(plain ? text.slice(p, end) : dottedOf(address));
    if (plain) return token;
    const parts = token.split('.');
    if (end - p === 15) for (let k = 0; k < 4; k++) parts[k] = parts[k]!.padStart(3, '0');
    return (reverse ? parts.reverse() : parts).join('.');
  }

  /**
   * Redacts every string (and object key) in a JSON-like value (redact-walk.ts): the input is never
   * changed, and what holds nothing to replace is returned as it is, not copied.
   */
  value<T>(input: T): T {
    return mapStrings(input, this.onText, this.onKey);
  }

  private readonly onText = (s: string) => this.text(s);
  private readonly onKey = (k: string) => this.key(k);

  /**
   * Field names (snapshot, files, …) are the schema, never data: a capture "name" such as "files"
   * must not rename them (the fuzzer broke the HTML that way); keys that are data (registry key
   * paths) are not plain identifiers and are redacted. The same dozen field names repeat on every
   * route: each is judged once.
   */
  private readonly fieldNames = new Set<string>();
  private key(k: string): string {
    if (this.fieldNames.has(k)) return k;
    if (!/^[A-Za-z_$][\w$]*$/.test(k)) return this.text(k);
    this.fieldNames.add(k);
    return k;
  }

  summary(): RedactionSummary {
    return { counts: Object.fromEntries(this.book.counters) };
  }

  /**
   * The names as regexes, longest first so "corp.example.com" wins over "corp" at the same
   * position. Chunks of at most 500 names, each one trie-shaped regex (namesPattern): one regex of
   * 300 000 phonebook servers is "too large".
   * Tokens are made of words that are never names (NOT_SENSITIVE), so a later chunk cannot match
   * inside a token an earlier one wrote.
   * Each chunk's names are indexed by where they can begin in a text of ASCII only (nameStart):
   * a text is searched only with the chunks holding a name that begins with one of its runs of
   * letters and digits (most strings of a report are addresses and numbers, or words like
   * "On-link" that begin no name; an LMHOSTS line names one host of 5 000).
   */
  private patterns(): NamePatterns {
    if (this.namePatterns) return this.namePatterns;
    const sorted = [...this.names.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    const regexes: RegExp[] = [];
    const starts = emptyNameStarts();
    const add = (list: number[] | undefined, chunk: number) => (list && list[list.length - 1] !== chunk ? (list.push(chunk), list) : (list ?? [chunk]));
    for (let i = 0; i < sorted.length; i += 500) {
      const chunk = sorted.slice(i, i + 500);
      const index = regexes.length;
      // letters and digits of any script end a name: "Иван" is not replaced inside "Иванов"
      regexes.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${namesPattern(chunk)})(?![\\p{L}\\p{N}])`, 'giu'));
      for (const name of chunk) {
        const start = nameStart(name);
        if (start.kind === 'run') {
          starts.byRun.set(start.hash, add(starts.byRun.get(start.hash), index));
          starts.runFilter[start.first * 64 + Math.min(start.length, 63)] = 1;
        } else if (start.kind === 'odd') starts.byChar[start.char] = add(starts.byChar[start.char], index);
        else if (start.kind === 'always' && !starts.always.includes(index)) starts.always.push(index);
      }
    }
    this.namePatterns = { regexes, starts };
    return this.namePatterns;
  }

  /** what each spelling a name pattern matched becomes (the same every time: a token never changes) */
  private readonly nameTokens = new Map<string, string>();
  private nameToken(match: string): string {
    let out = this.nameTokens.get(match);
    if (out === undefined) this.nameTokens.set(match, (out = this.nameTokenOf(match)));
    return out;
  }

  /** A name's token is kept on its entry (names): given once, by the book's counter of its kind. */
  private nameTokenOf(match: string): string {
    const entry = this.names.get(foldName(match));
    if (!entry) return match;
    return (entry.token ??= this.book.nextNameToken(entry.kind));
  }
}
