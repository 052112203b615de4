import { fallback, step, tagged, type Rule } from '../kit';

/**
 * The lines IOS-XE's `debug ppp negotiation` prints around a PPP session besides its packets (a real CSR1000v PPPoE server's
 * console, search index file 2843472773; the same router's CHAP-failure copy shows the packets only):
 * - `IPCP AUTHOR: Start.  Her address 0.0.0.0, we want 0.0.0.0` / `Done. …`: the router asks AAA which address the other end may
 *   have (per-user authorization of the IPCP address: Cisco "Understanding debug ppp negotiation Output", doc 25440, IPCP);
 *   "her address" is what the other end asked for, "we want" what the router means to give it (0.0.0.0: nothing yet, the pool
 *   answers next, `IPCP: Pool returned …`);
 * - `Vi1.1 Added to neighbor route AVL tree: topoid …, address 172.20.1.3` / `Deleted neighbor route from AVL tree: …`: the host
 *   route to the other end's address put into (taken out of) the routing table, as `IPCP: Install route to …` says (assumed from
 *   the wording: the neighbor route is IOS's `peer neighbor-route`, Cisco IOS Dial Technologies Command Reference);
 * - `ppp_session_ntfy[ delete], topswidb Vi1.1, va Vi1.1, platform notify 0`: the session's start or end handed to the router's
 *   forwarding platform (assumed from the wording; no Cisco document found). None is a fault.
 */
export const PPP_PLATFORM_HEAD = /^(?:ppp_session_ntfy\b|\S+ (?:(?:IPCP|IPV6CP|LCP|CCP) AUTHOR: |(?:Added to|Deleted) neighbor route (?:to|from)? ?AVL tree: ))/;

export const IOS_PPP_PLATFORM_RULES: Rule[] = [
  [/^(\S+) (IPCP|IPV6CP) AUTHOR: (Start|Done)\.\s+Her address (\S+), we want (\S+)$/, (m) => step('iosAddressAuthor', { proto: m[2]!, phase: m[3]!, her: m[4]!, want: m[5]! })],
  // any other AUTHOR line, also the two above (a catch-all: never the rule cache's answer)
  fallback(/^(\S+) (?:IPCP|IPV6CP|LCP|CCP) AUTHOR: (.*)$/, (m) => step('iosPppStep', { text: m[2]! })),
  [/^(\S+) (Added to|Deleted) neighbor route (?:to |from )?AVL tree: topoid \S+, address (\S+)$/, (m) => step(m[2] === 'Deleted' ? 'iosPeerRouteRemoved' : 'iosPeerRouteAdded', { link: m[1]!, address: m[3]! })],
  [/^ppp_session_ntfy( delete)?, topswidb (\S+), va (\S+), platform notify \d+$/, (m) => tagged(step(m[1] ? 'iosPlatformSessionDown' : 'iosPlatformSessionUp', { link: m[3]! }), { session: m[3]! })],
];
