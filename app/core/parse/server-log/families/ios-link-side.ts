import { d, step, type FamilyState, type Hit, type Rule } from '../kit';
import type { Decoded } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';

/**
 * Which end of a PPP link a Cisco IOS router is, from its own `debug ppp negotiation` lines. Most
 * logs TunnelMedic reads are a server's (the PC dials in: "from the PC"), but an IOS router is as
 * often the client on a link: a PPPoE or PPPoA DSL line, a PPTP or L2TP client dialling out. Then
 * the other side is the server it logs in to, and a failed login is the router's own, never a
 * PC's password (Cisco "Understanding debug ppp negotiation Output", doc 25440: "Phase is
 * AUTHENTICATING, by this end" — the router authenticates the peer; "by the peer" — the peer
 * authenticates the router; "by both"; Cisco DSL Router Configuration and Troubleshooting Guide,
 * PPPoA: `PPP: Treating connection as a callout`, `PPP: No remote authentication for call-out`).
 */

export type LinkSide = 'client' | 'server';

/**
 * What the router showed of each link (interface name): its side, whether its peer's LCP came in, its LCP timeouts in a row, its own
 * login failing. Kept in one Map on the family's state, bounded: a long log runs through many links (IOS numbers a Virtual-Access
 * per session), the oldest link goes first (most links end with `Phase is DOWN`, which forgets them).
 */
interface Link {
  side?: LinkSide;
  lcpIn?: boolean;
  lcpTimeouts?: number;
  ownLoginFailed?: boolean;
}
const LINKS = 'iosLinks';
const MAX_LINKS = 1024;
const linksOf = (state: FamilyState): Map<string, Link> => (state[LINKS] ??= new Map<string, Link>()) as Map<string, Link>;
const linkOf = (link: string, state: FamilyState): Link | undefined => (state[LINKS] as Map<string, Link> | undefined)?.get(link);
/** the link's facts, made on first use (the oldest link let go past MAX_LINKS) */
function linkFacts(link: string, state: FamilyState): Link {
  const links = linksOf(state);
  let facts = links.get(link);
  if (!facts) {
    if (links.size >= MAX_LINKS) links.delete(links.keys().next().value!);
    links.set(link, (facts = {}));
  }
  return facts;
}

export const linkSide = (link: string, state: FamilyState): LinkSide | undefined => linkOf(link, state)?.side;

/** The `role` a statement about this link carries: describe words its direction "from the other side (the server …)". */
export const roleOf = (link: string, state: FamilyState): { role?: string } => (linkSide(link, state) === 'client' ? { role: 'client' } : {});

/**
 * A packet statement's values, worded by the link's side: known, as roleOf; not known yet, kept (bounded) so that the line
 * which tells it words them too — a client's log says so only after its first packets (the other side's Configure-Request
 * asking for CHAP, `Phase is AUTHENTICATING, by the peer`), and those packets read "from the PC" before.
 */
const WAITING = 'iosLinkWaiting';
/** a link's first packets, at most MAX_WAITING of them, of at most MAX_LINKS links (as the links' facts) */
const MAX_WAITING = 32;
type Values = Record<string, string | number>;
export function sidedValues<V extends Values>(link: string, state: FamilyState, values: V): V {
  const side = linkSide(link, state);
  if (side === 'client') return Object.assign(values, { role: 'client' });
  // (per link until its side is known or it goes down)
  if (side === undefined) waitingOn<Values>(state, WAITING, { keys: MAX_LINKS, perKey: MAX_WAITING }).put(link, values);
  return values;
}

/** The link's side is known now: the statements kept while it was not are worded by it (a client's), then let go. */
function settleWaiting(link: string, side: LinkSide, state: FamilyState): void {
  const waiting = state[WAITING] as WaitingForSide<Values> | undefined;
  if (!waiting) return;
  const list = waiting.settle(link);
  if (side === 'client') for (const values of list) values.role = 'client';
}

function setSide(link: string, side: LinkSide, state: FamilyState): void {
  linkFacts(link, state).side = side;
  settleWaiting(link, side, state);
}

/** Forgets what a link was and what it saw: IOS reuses an interface name (Vi1) for the next session. */
function forgetLink(link: string, state: FamilyState): void {
  (state[LINKS] as Map<string, Link> | undefined)?.delete(link);
  (state[WAITING] as WaitingForSide<Values> | undefined)?.drop(link);
}

/** The link heard its peer's LCP (any LCP packet in): the peer's PPP frames arrive. */
export const noteLcpIn = (link: string, state: FamilyState): void => {
  linkFacts(link, state).lcpIn = true;
};

/** The router was asked to log in and could not: it is the one logging in on this link (the client), unless both sides do. */
function ownLogin(link: string, state: FamilyState): void {
  linkFacts(link, state).ownLoginFailed = true;
  if (!linkSide(link, state)) setSide(link, 'client', state);
}

/** The router could not log in to the other side on this link (its own credentials): a later disconnect is about that. */
export const ownLoginFailed = (link: string, state: FamilyState): boolean => linkOf(link, state)?.ownLoginFailed === true;

/** Says which end the router is, once (`key`, the step saying why): the same side said again (a callout's two lines) reads as the step it is. */
function sideStep(link: string, side: LinkSide, key: string, text: string, state: FamilyState): Hit {
  if (linkSide(link, state) === side && key !== 'iosLinkMutual') return step('iosPppStep', { text });
  setSide(link, side, state);
  return step(key, { link });
}

/** The side each of IOS's lines gives the router, and the step that says so */
const CALL_SIDE: Record<string, [LinkSide, string]> = { callout: ['client', 'iosLinkClient'], callin: ['server', 'iosLinkCallin'] };
const AUTH_SIDE: Record<string, [LinkSide, string]> = { 'the peer': ['client', 'iosLinkClient'], 'this end': ['server', 'iosLinkServer'], both: ['server', 'iosLinkMutual'] };

/**
 * LCP's restart timer ran out (RFC 1661 §4.6, the TO+ event: a Configure-Request not acknowledged in
 * time; IOS prints the state it was in). In REQsent with no LCP packet ever come in on the link, the
 * other side has not been heard at all. On a PPTP server that is GRE (IP protocol 47) not getting
 * through (Cisco doc 25440 on only `O` packets: "there should be an I inbound packet … for each O";
 * the pppd family's "LCP: timeout sending Config-Requests" reads the same way): said once the timer
 * ran out twice in a row without a single LCP packet in, so one lost packet is not taken for it.
 */
function lcpTimeout(link: string, proto: string, fsm: string, state: FamilyState): Hit {
  const role = roleOf(link, state);
  // closing (RFC 1661 §4.2: Closing, Stopping; IOS says TERMsent): the Terminate-Request went unacknowledged and the link closes all the same
  if (/^(?:TERMsent|Closing|Stopping)$/i.test(fsm)) return step('iosTimerRanOut', { proto, fsm });
  if (proto !== 'LCP' || fsm !== 'REQsent' || linkOf(link, state)?.lcpIn) return step('iosTimerRanOut', { proto, fsm }, 'warning');
  const facts = linkFacts(link, state);
  const n = (facts.lcpTimeouts ?? 0) + 1;
  facts.lcpTimeouts = n;
  const hit: Hit = { decoded: [d('iosLcpNoAnswer', { fsm, dir: 'in', ...role })], outcome: 'warning' };
  if (n !== 2 || role.role === 'client') return hit;
  if (state.l2tp && !state.pptp) {
    hit.decoded.push(d('lcpTimeoutL2tp'));
    hit.outcome = 'failure';
  } else if (state.pptp) {
    hit.decoded.push(d('iosLcpNoAnswerPptp'));
    Object.assign(hit, { outcome: 'failure', cause: 'no-ppp-frames' });
  }
  return hit;
}

export const LINK_SIDE_RULES: Rule[] = [
  [/^(\S+) PPP: (Treating connection as a (callout|callin)|No remote authentication for call-?out)$/, (m, _p, state) => sideStep(m[1]!, ...CALL_SIDE[m[3] ?? 'callout']!, m[2]!, state)],
  [/^(\S+) PPP: (Phase is AUTHENTICATING, by (this end|the peer|both))(?: \[[^\]]*\])?$/, (m, _p, state) => sideStep(m[1]!, ...AUTH_SIDE[m[3]!]!, m[2]!, state)],
  // the session on this interface is over: the next one that takes its name starts afresh
  [/^(\S+) PPP: (Phase is DOWN\b.*)$/, (m, _p, state) => {
    forgetLink(m[1]!, state);
    return step('iosPppStep', { text: m[2]! });
  }],
  [/^(\S+) (LCP|IPCP|CCP|IPV6CP): TIMEout: State (\w+)$/, (m, _p, state) => lcpTimeout(m[1]!, m[2]!, m[3]!, state)],
  // CHAP/PAP: the peer asked this router to log in with a method it has no name and password for (Cisco community
  // "Troubleshooting for PPPoE connection failure, part 3", 5-1: a client set for PAP asked for CHAP; IOS then ends the link)
  [/^(\S+) (CHAP|PAP|MS-CHAP|MS-CHAP-V2): Unable to authenticate for peer$/, (m, _p, state) => {
    ownLogin(m[1]!, state);
    return step('iosNoOwnCredentials', { method: m[2]! }, 'warning');
  }],
];

/**
 * The other side's Configure-Request carries an Authentication-Protocol option: it asks to check this router's login
 * (RFC 1661 §6.2: the option names the protocol the sender wants its peer to authenticate with). On a link with no side
 * known yet that makes the router the client; said where it is learnt (the packet line before it already spoke of "the PC").
 */
export function peerAsksRouterLogin(link: string, state: FamilyState): Decoded | null {
  if (linkSide(link, state)) return null;
  setSide(link, 'client', state);
  return d('step.iosLinkClient', { link });
}

/**
 * `Received SENDAUTH Response FAIL`: the router's own AAA found no credentials for it to send — asked to log
 * in by the other side, it has nothing to log in with (the PC's login is `LOGIN`, see ios.ts).
 */
export function sendauthFailed(link: string, state: FamilyState): Hit {
  ownLogin(link, state);
  return step('iosSendauthFailed', undefined, 'warning');
}

/**
 * PPP DISC on a link where the router is the client, or after its own login failed: an authentication reason is about the
 * router's credentials, and no reason is a PC's (no cause: the PC's findings would send its user to the wrong place).
 */
export function ownLoginDisc(link: string, reason: string, state: FamilyState): Hit | null {
  if (!ownLoginFailed(link, state) && linkSide(link, state) !== 'client') return null;
  if (!/auth/i.test(reason)) return { decoded: [d('pppDisc', { reason })], outcome: 'warning' };
  return { decoded: [d('pppDisc', { reason }), d('iosOwnLoginDisc')], outcome: 'failure' };
}
