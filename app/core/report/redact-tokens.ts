/**
 * The tokens redaction writes in place of sensitive values (redact.ts): one per value and kind,
 * numbered in the order values are met, never changed once given — the same value gets the same
 * token in every file of one export. Tokens keep the shape of what they replace where a parser
 * needs it: a MAC stays a MAC, a public IPv4 address stays an address in a documentation/benchmark
 * range with its own last octet (a /24 stays a /24), an IPv6 address stays in 2001:db8::/32.
 */

export type NameKind = 'user' | 'host' | 'domain' | 'dnsDomain' | 'vpnServer' | 'org';

const NAME_TOKEN: Record<NameKind, (n: number) => string> = {
  user: (n) => `user-${n}`,
  host: (n) => `HOST-${n}`,
  domain: (n) => `DOMAIN-${n}`,
  dnsDomain: (n) => `domain-${n}.example`,
  vpnServer: (n) => `vpn-server-${n}.example`,
  org: (n) => `ORGANISATION-${n}`,
};

/** Replacement /24 networks for public IPv4 networks: TEST-NET-2/3/1, then 198.18.0.0/15 (RFC 2544). */
const IPV4_POOL = ['198.51.100', '203.0.113', '192.0.2', ...Array.from({ length: 512 }, (_, i) => `198.${18 + (i >> 8)}.${i & 255}`)];

export class TokenBook {
  /** each kind's tokens by the value they replace */
  private readonly tokens = new Map<string, Map<string, string>>();
  /** how many distinct values of each kind got a token (the redaction summary: never the values) */
  readonly counters = new Map<string, number>();
  /** each public IPv4 address's token */
  private readonly v4Tokens = new Map<string, string>();

  /**
   * A name's next token of its kind. The caller keeps it with the name (no other path gives a token
   * of a name's kind), so this is what `token(kind, name)` would give, without a map per kind.
   */
  nextNameToken(kind: NameKind): string {
    return NAME_TOKEN[kind](this.count(kind));
  }

  sid(sid: string): string {
    return this.token('sid', sid.toUpperCase(), (n) => `SID-${n}`);
  }

  /** `group`: hex digits between separators (2, or 4 for Cisco's 0015.5d01.1e02); `lower`: the original's case */
  mac(mac: string, sep: string, lower: boolean, group = 2): string {
    const normal = mac.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    const token = this.token('mac', normal, (n) => `020000${n.toString(16).padStart(6, '0')}`);
    const pairs = token.match(group === 4 ? /..../g : /../g)!.join(sep);
    return lower ? pairs : pairs.toUpperCase();
  }

  ipv4(address: string): string {
    const known = this.v4Tokens.get(address);
    if (known !== undefined) return known;
    const parts = address.split('.');
    const net = this.token('ipv4-net', parts.slice(0, 3).join('.'), (n) => IPV4_POOL[(n - 1) % IPV4_POOL.length]!);
    // an address not met before (v4Tokens holds every one met): counted once
    this.count('ipv4');
    const token = `${net}.${parts[3]}`;
    this.v4Tokens.set(address, token);
    return token;
  }

  /** `normalized`: the address in one spelling (ipaddr's toNormalizedString), so every spelling of it gets one token */
  ipv6(normalized: string): string {
    return this.token('ipv6', normalized, (n) => `2001:db8::${n.toString(16)}`);
  }

  private token(kind: string, key: string, make: (n: number) => string): string {
    let ofKind = this.tokens.get(kind);
    if (!ofKind) this.tokens.set(kind, (ofKind = new Map()));
    const known = ofKind.get(key);
    if (known) return known;
    const token = make(this.count(kind));
    ofKind.set(key, token);
    return token;
  }

  private count(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }
}
