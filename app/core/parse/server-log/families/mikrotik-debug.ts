import { d, step, tagged, type Hit, type Rule } from '../kit';
import { packetDump } from './pppd-packet';

/**
 * RouterOS's debug topics of its L2TP and PPP servers (`l2tp,debug`, `l2tp,debug,packet`, `l2tp,ppp,debug,packet`): the L2TP
 * control messages and tunnel states, the PPP packets of a session and the option lines after them. Seen in a Winbox log copy
 * of a working L2TP/IPsec session (search index file 19298022767, fixture routeros-winbox-copy-l2tp-debug-…): `rcvd control
 * message from 172.16.20.254:1701 to 172.16.20.1:1701`, `tunnel 17 entering state: wait-ctl-conn`, `<172.16.20.254>: sent CHAP
 * Success id=0x1`, `<addr 172.16.21.254>`, `<172.16.20.254>: IPCP opened`, `  (M) Message-Type=HELLO`.
 */

/**
 * L2TP control message types (RFC 2661 §3.2; names as RFC 2661 §4.4.1 Message Type AVP lists them). The ones a session's
 * start and end show are explained; the others are named.
 */
const L2TP_MESSAGES: Record<string, string> = {
  SCCRQ: 'mtL2tpSccrq',
  SCCRP: 'mtL2tpSccrp',
  SCCCN: 'mtL2tpScccn',
  StopCCN: 'mtL2tpStopccn',
  HELLO: 'mtL2tpHello',
  ICRQ: 'mtL2tpIcrq',
  ICRP: 'mtL2tpIcrp',
  ICCN: 'mtL2tpIccn',
  CDN: 'mtL2tpCdn',
};

/**
 * An L2TP tunnel's or session's state (RFC 2661 §7.2.1 control connection states: idle, wait-ctl-reply, wait-ctl-conn,
 * established; §7.4 session states: wait-tunnel, wait-reply, wait-connect, established; RouterOS writes them in lower case with
 * dashes). The ones that say what the router waits for are explained.
 */
const L2TP_STATES: Record<string, string> = {
  'wait-ctl-conn': 'mtL2tpWaitCtlConn',
  'wait-ctl-reply': 'mtL2tpWaitCtlReply',
  'wait-connect': 'mtL2tpWaitConnect',
  established: 'mtL2tpEstablished',
};

/** `rcvd control message from <peer>:1701 to <router>:1701`, `sent control message to <peer>:1701 from <router>:1701` */
function controlMessage(dir: string, ack: boolean, peer: string): Hit {
  const hit = step(dir === 'rcvd' ? 'mtL2tpControlIn' : 'mtL2tpControlOut', { peer });
  // "(ack)": a message that only acknowledges the other side's ones (RFC 2661 §5.8, the Zero-Length Body message; assumed from the word)
  if (ack) hit.decoded.push(d('mtL2tpZlb'));
  return tagged(hit, { peer });
}

function tunnelState(kind: string, id: string, state: string): Hit {
  const hit = step(kind === 'tunnel' ? 'mtL2tpTunnelState' : 'mtL2tpSessionState', { id, state });
  const meaning = L2TP_STATES[state];
  if (meaning) hit.decoded.push(d(meaning));
  return hit;
}

/** `(M) Message-Type=HELLO`: an AVP of the control message above (RFC 2661 §4.1: M is the Mandatory bit), its message type explained */
function avp(name: string, value: string): Hit {
  const hit = step('mtL2tpAvp', { name, value });
  const meaning = name === 'Message-Type' ? L2TP_MESSAGES[value] : undefined;
  if (meaning) hit.decoded.push(d(meaning));
  return hit;
}

/** PPP protocols RouterOS's packet debug names (the same words as pppd's dumps, which packetDump reads) */
const PPP_PROTO = '(LCP|IPCP|IPV6CP|CCP|CHAP|PAP|EAP|BCP|MPLSCP)';

export const MIKROTIK_DEBUG_RULES: Rule[] = [
  [/^(rcvd|sent) control message( \(ack\))? (?:from|to) (\S+?):\d+ (?:to|from) \S+?:\d+$/, (m) => controlMessage(m[1]!, m[2] !== undefined, m[3]!)],
  [/^(tunnel|session) (\d+) entering state: ([\w-]+)$/, (m) => tunnelState(m[1]!, m[2]!, m[3]!)],
  [/^\(M\) ([A-Za-z][\w-]*)=(.*)$/, (m) => avp(m[1]!, m[2]!.trim())],
  // a PPP packet of a server session (`<peer>: sent CHAP Success id=0x1`): read as pppd's dump is, the session's peer tagged
  [new RegExp(`^<([^>]+)>: (sent|rcvd) ${PPP_PROTO} (\\w+)(.*)$`), (m) => tagged(packetDump([m[0], m[2], m[3], m[4], m[5]] as unknown as RegExpMatchArray), { peer: /^\d/.test(m[1]!) ? m[1] : undefined })],
  // the packet's options, one a line after it (`<addr 172.16.21.254>`, `<magic 0x824b9b>`): a word, a blank, a value, no colon — the
  // value one or two words as pppd's option dump writes them (`<auth chap MS-v2>`, pppd lcp.c lcp_printpkt; RouterOS's the same, assumed):
  // a sentence in angle brackets is a person's note in a paste (`<here I should see pluto starting after 10 seconds but nothing there; …>`,
  // libreswan#50), no option
  [/^<([a-z][\w-]*) ([^<>:\s]+(?: [^<>:\s]+)?)>$/, (m) => step('mtPppOption', { option: `${m[1]} ${m[2]}` })],
  // a PPP layer is up: LCP (the link), IPCP (the tunnel's IP addresses), CCP (compression and MPPE encryption); RFC 1661 §4.2 the Opened state
  [new RegExp(`^<([^>]+)>: ${PPP_PROTO} opened$`), (m) => tagged(step('mtPppLayerOpened', { proto: m[2]! }, 'success'), { peer: /^\d/.test(m[1]!) ? m[1] : undefined })],
];
