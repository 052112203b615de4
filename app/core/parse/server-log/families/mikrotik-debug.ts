import { d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { judgeRejected, packetDump } from './pppd-packet';
import { notePppdNak } from './pppd-negotiation';
import { isPppdOptionName } from '../ppp-option-names';
import { PPTP_CONTROL_TYPES } from '../codes/pptp';

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

/**
 * The control message being printed, kept per input: its direction (the `rcvd`/`sent` line before its AVPs) and its type (its
 * Message-Type AVP), so that its Result-Code and Error-Message lines say whose reason they are and what the code means.
 */
const L2TP_DIR = 'mtL2tpDir';
const L2TP_TYPE = 'mtL2tpType';

/**
 * `rcvd control message from <peer>:1701 to <router>:1701`, `sent control message to <peer>:1701 from <router>:1701`; RouterOS 6
 * names the other side alone (`sent control message to XX.XX.XX.XX:1701`, pastebin ZEstEwWK, a RouterOS L2TP client's debug)
 */
function controlMessage(dir: string, ack: boolean, peer: string, state: FamilyState): Hit {
  state[L2TP_DIR] = dir;
  state[L2TP_TYPE] = undefined;
  const hit = step(dir === 'rcvd' ? 'mtL2tpControlIn' : 'mtL2tpControlOut', { peer });
  // "(ack)": a message that only acknowledges the other side's ones (RFC 2661 §5.8, the Zero-Length Body message; assumed from the word)
  if (ack) hit.decoded.push(d('mtL2tpZlb'));
  return tagged(hit, { peer: /^\d|:/.test(peer) ? peer : undefined });
}

function tunnelState(kind: string, id: string, state: string): Hit {
  const hit = step(kind === 'tunnel' ? 'mtL2tpTunnelState' : 'mtL2tpSessionState', { id, state });
  const meaning = L2TP_STATES[state];
  if (meaning) hit.decoded.push(d(meaning));
  return hit;
}

/**
 * The Result Code of a StopCCN and of a CDN (RFC 2661 §4.4.2, its two tables: StopCCN 1–7, CDN 1–11) and the General Error Code
 * (0–8): why the tunnel or the call was closed, each said by its own text (`mtL2tpStopccn2`, `mtL2tpCdn3`, `mtL2tpError0`).
 */
const RESULT_COUNT: Record<string, number> = { StopCCN: 7, CDN: 11 };
const inRange = (value: string, max: number, min = 1): boolean => /^\d{1,2}$/.test(value) && +value >= min && +value <= max;

/**
 * `(M) Message-Type=HELLO`: an AVP of the control message above (RFC 2661 §4.1: M is the Mandatory bit), its message type
 * explained; a closing message's Result-Code, Error-Code and Error-Message (RouterOS prints the Result Code AVP's three parts
 * as three lines, the last two without `(M)`) said with their meaning, whose they are by the message's direction
 */
function avp(name: string, value: string, state: FamilyState): Hit {
  const hit = step('mtL2tpAvp', { name, value });
  if (name === 'Message-Type') {
    state[L2TP_TYPE] = value;
    const meaning = L2TP_MESSAGES[value];
    if (meaning) hit.decoded.push(d(meaning));
    return hit;
  }
  const type = state[L2TP_TYPE] as string | undefined;
  const fromPeer = state[L2TP_DIR] === 'rcvd';
  if (name === 'Result-Code' && (type === 'StopCCN' || type === 'CDN') && inRange(value, RESULT_COUNT[type]!)) hit.decoded.push(d(`mtL2tp${type === 'StopCCN' ? 'Stopccn' : 'Cdn'}${+value}`));
  if (name === 'Error-Code' && inRange(value, 8, 0)) hit.decoded.push(d(`mtL2tpError${+value}`));
  if (name === 'Error-Message' && (type === 'StopCCN' || type === 'CDN')) {
    hit.decoded.push(d(fromPeer ? 'mtL2tpPeerReason' : 'mtL2tpOwnReason', { text: value.replace(/^"|"$/g, '') }));
    if (fromPeer) hit.outcome = 'warning';
  }
  return hit;
}

/**
 * The AVPs without the Mandatory bit that RouterOS prints without `(M)` (RFC 2661 §4.4: Firmware Revision and Vendor Name are
 * optional, and the Result Code AVP's Error Code and Error Message parts, RouterOS's own lines): only these names, so that another
 * `name=value` line is no AVP
 */
const OPTIONAL_AVP = /^(Firmware-Revision|Vendor-Name|Error-Code|Error-Message|Tie-Breaker|Q\.931-Cause-Code|Sub-Address|Physical-Channel-ID|Private-Group-ID|Sequencing-Required|Initial-Received-LCP-CONFREQ|Last-Sent-LCP-CONFREQ|Last-Received-LCP-CONFREQ|Proxy-Authen-Type|Calling-Number|Called-Number)=(.*)$/;

/**
 * RouterOS's PPTP server debug (`pptp,debug,packet`): a control message by its RFC 2637 §2 name, `rcvd Start-Control-Connection-Request
 * from 71.127.78.174`, `sent Start-Control-Connection-Reply to …`, then its fields one a line in lower case, `protocol-version=0x0100`,
 * `vendor-name=Microsoft Windows NT`, `result-code=1` (pastebin Ug5M5qte, a Windows PC's PPTP connection to a RouterOS server).
 * The message's name must be one of RFC 2637's (codes/pptp.ts), a field one of its fields.
 */
const PPTP_MESSAGE_NAMES = new Set(Object.values(PPTP_CONTROL_TYPES).map((t) => t.name));
const PPTP_TYPE = 'mtPptpType';
const PPTP_DIR = 'mtPptpDir';
/** the replies whose Result Code 1 is success (RFC 2637 §2.2 Start-Control-Connection-Reply, §2.8 Outgoing-Call-Reply, §2.10 Incoming-Call-Reply, §2.4 Stop-Control-Connection-Reply, §2.6 Echo-Reply) */
const PPTP_REPLIES = new Set(['Start-Control-Connection-Reply', 'Outgoing-Call-Reply', 'Incoming-Call-Reply', 'Stop-Control-Connection-Reply', 'Echo-Reply']);

function pptpMessage(dir: string, name: string, peer: string, state: FamilyState): Hit | null {
  if (!PPTP_MESSAGE_NAMES.has(name)) return null;
  state[PPTP_TYPE] = name;
  state[PPTP_DIR] = dir;
  // (a wrapped copy may cut the address: a whole one only is the peer)
  return tagged(step(dir === 'rcvd' ? 'mtPptpControlIn' : 'mtPptpControlOut', { msg: name, peer }), { peer: /^\d{1,3}(?:\.\d{1,3}){3}$/.test(peer) ? peer : undefined });
}

/** a field of the PPTP message above; a reply's Result Code said as accepted or refused, the PC's vendor name when it is Windows' */
function pptpField(name: string, value: string, state: FamilyState): Hit {
  const hit = step('mtPptpField', { name, value });
  const type = state[PPTP_TYPE] as string | undefined;
  if (name === 'result-code' && type && PPTP_REPLIES.has(type)) {
    if (value === '1') hit.decoded.push(d('mtPptpResultOk'));
    else {
      hit.decoded.push(d(state[PPTP_DIR] === 'sent' ? 'mtPptpRefusedByRouter' : 'mtPptpRefusedByPeer', { code: value }));
      hit.outcome = 'warning';
    }
  }
  // Windows' own PPTP client names itself so in its Start-Control-Connection-Request (RFC 2637 §2.1 Vendor Name)
  if (name === 'vendor-name' && /^Microsoft\b/.test(value) && state[PPTP_DIR] === 'rcvd') hit.decoded.push(d('mtPptpWindowsClient'));
  return hit;
}

const PPTP_FIELDS = /^(protocol-version|framing-capabilities|bearer-capabilities|maximum-channels|firmware-revision|host-name|vendor-name|result-code|error-code|cause-code|call-id|peer-call-id|call-serial-number|minimum-bps|maximum-bps|bearer-type|framing-type|packet-window-size|packet-processing-delay|phone-number|subaddress|connect-speed|physical-channel-id|send-accm|receive-accm|identifier|call-statistics)=(.*)$/;

/** The PPP packet whose option lines follow (RouterOS prints a packet's options one a line under it): its peer, protocol, code, way */
const MT_PPP_PACKET = 'mtPppPacket';
interface PppPacketSeen {
  key: string;
  proto: string;
  code: string;
  dir: 'in' | 'out';
}

/** a PPP packet of a server session (`<peer>: sent CHAP Success id=0x1`): read as pppd's dump is, the session's peer tagged */
function pppPacket(m: RegExpMatchArray, state: FamilyState): Hit {
  const dir = m[2] === 'sent' ? 'out' : 'in';
  const key = `mt ${m[1]} ${m[3]}`;
  state[MT_PPP_PACKET] = { key, proto: m[3]!, code: m[4]!, dir } satisfies PppPacketSeen;
  // (a Configure-Ack ends that way's Naks: pppd-negotiation.ts notePppdNak)
  notePppdNak(key, dir, m[4]!, [], state);
  return tagged(packetDump([m[0], m[2], m[3], m[4], m[5]] as unknown as RegExpMatchArray), { peer: /^\d/.test(m[1]!) ? m[1] : undefined });
}

/**
 * An option line under a packet (`<mrru 1600>`): under a Configure-Reject judged by what it refuses, as pppd's dump is
 * (pppd-packet.ts judgeRejected); under a Configure-Request or -Nak counted for a Nak loop (pppd-negotiation.ts notePppdNak).
 */
function pppOption(option: string, state: FamilyState): Hit {
  const hit = step('mtPppOption', { option });
  const pkt = state[MT_PPP_PACKET] as PppPacketSeen | undefined;
  if (!pkt) return hit;
  if (pkt.code === 'ConfRej') judgeRejected(hit, pkt.proto, pkt.dir, [option]);
  const loop = notePppdNak(pkt.key, pkt.dir, pkt.code, [option], state);
  if (loop.length) {
    hit.decoded.push(...loop);
    hit.outcome = 'warning';
  }
  return hit;
}

/**
 * RouterOS's IKEv1 daemon is racoon's (mikrotik.ts PEER), and its `ipsec,debug,packet` topic prints racoon's packet debug: a
 * message sent (ipsec-tools src/racoon/isakmp.c isakmp_send: `"%zu bytes %s", … saddr2str_fromto("from %s to %s", local,
 * remote)`) or received (isakmp_handler: `"%d bytes message received %s"`), the socket it goes out of (sockmisc.c sendfromto:
 * `sockname`, `send packet from`, `send packet to`, `src4`/`dst4`, `src6`/`dst6`, then `"%d times of %d bytes message will be
 * sent to %s"`), the message's bytes in hex (plogdump: eight-digit groups, eight a line), an Informational exchange sent
 * (isakmp_inf.c isakmp_info_send_common: `"sendto Information %s."`, the payload type by s_isakmp_nptype) and Dead Peer
 * Detection (RFC 3706: isakmp_info_recv_r_u: `"received a valid R-U-THERE, ACK sent"`, the other side asked whether this one is
 * alive and got its answer; isakmp_info_recv_r_u_ack: `"DPD R-U-There-Ack received"`, the other side answered this one's
 * question). Seen as a RouterOS 6 log copy in a forum question (a MikroTik IPsec client to a FortiGate: search index file
 * 68921984754, every line after `echo: ` and its topics, fixture routeros-echo-action-ipsec-debug-packet-…). A peer is an
 * address with its port in brackets (`203.0.113.5[500]`), or a poster's mask of it (`x.x.186.50[500]`).
 */
const RACOON_ADDR = String.raw`(\S+?)\[\d+\]`;
/** one peer tag: an address (IPv4, IPv6), not a poster's mask */
const racoonPeer = (a: string): string | undefined => (/^\d{1,3}(?:\.\d{1,3}){3}$|^[0-9a-f]*:[0-9a-f:]+$/i.test(a) ? a : undefined);
/**
 * Whether the rule's text came after something RouterOS put first (its topic list, an identity): the short socket lines and the
 * hex rows are racoon's only there — a bare row of hex digits is any program's dump (racoon's own log, pppd's), not RouterOS's
 */
const afterTopics = (m: RegExpMatchArray, pre: Prefixed): boolean => pre.message.length > (m.input?.length ?? 0);
const RACOON_PACKET_RULES: Rule[] = [
  [new RegExp(`^(\\d+) bytes from ${RACOON_ADDR} to ${RACOON_ADDR}$`), (m) => tagged(step('mtIkeSend', { bytes: m[1]!, peer: m[3]! }), { peer: racoonPeer(m[3]!) })],
  [new RegExp(`^(\\d+) bytes message received from ${RACOON_ADDR} to ${RACOON_ADDR}$`), (m) => tagged(step('mtIkeReceived', { bytes: m[1]!, peer: m[2]! }), { peer: racoonPeer(m[2]!) })],
  [/^(?:sockname|send packet from|send packet to|src[46]|dst[46]) \S+?\[\d+\](?: \d+)?$/, (m, pre) => (afterTopics(m, pre) ? step('mtIkeSocket') : null)],
  [new RegExp(`^(\\d+) times of (\\d+) bytes message will be sent to ${RACOON_ADDR}$`), (m) => tagged(step('mtIkeSendTimes', { times: m[1]!, bytes: m[2]!, peer: m[3]! }), { peer: racoonPeer(m[3]!) })],
  // (plogdump's rows: one to eight groups of eight hex digits, the last row shorter)
  [/^[0-9a-f]{8}(?: [0-9a-f]{2,8}){0,7}$/, (m, pre) => (afterTopics(m, pre) ? step('mtIkeHexDump') : null)],
  [/^sendto Information (\w+)\.$/, (m) => step('mtIkeInfoSent', { payload: m[1]! })],
  [/^received a valid R-U-THERE, ACK sent$/, () => step('mtDpdAckSent', undefined, 'success')],
  [/^DPD R-U-There-Ack received$/, () => step('mtDpdAckReceived', undefined, 'success')],
];

/** PPP protocols RouterOS's packet debug names (the same words as pppd's dumps, which packetDump reads) */
const PPP_PROTO = '(LCP|IPCP|IPV6CP|CCP|CHAP|PAP|EAP|BCP|MPLSCP)';

export const MIKROTIK_DEBUG_RULES: Rule[] = [
  [/^(rcvd|sent) control message( \(ack\))? (?:from|to) (\S+?):\d+(?: (?:to|from) \S+?:\d+)?$/, (m, _pre, state) => controlMessage(m[1]!, m[2] !== undefined, m[3]!, state)],
  // the control message's header under that line (RFC 2661 §3.1: Tunnel ID and Session ID as the receiver knows them — 0 before it
  // has told its own; Ns and Nr the sequence numbers of §5.8; not `ns` as a value's name: i18next takes that for its namespace)
  // (RouterOS 7 puts the header's version first, `proto version 2, tunnel-id=0, …`: L2TP version 2, RFC 2661 §3.1 Ver; pastebin
  // QEzrWw7Z, a RouterOS 7 L2TP client's debug)
  [/^(?:proto version \d+, )?tunnel-id=(\d+), session-id=(\d+), ns=(\d+), nr=(\d+)$/, (m) => step('mtL2tpHeader', { tunnel: m[1]!, session: m[2]!, seqNs: m[3]!, seqNr: m[4]! })],
  [/^(tunnel|session) (\d+) entering state: ([\w-]+)$/, (m) => tunnelState(m[1]!, m[2]!, m[3]!)],
  [/^\(M\) ([A-Za-z][\w-]*)=(.*)$/, (m, _pre, state) => avp(m[1]!, m[2]!.trim(), state)],
  [OPTIONAL_AVP, (m, _pre, state) => avp(m[1]!, m[2]!.trim(), state)],
  [/^(rcvd|sent) ([A-Z][a-z]+(?:-[A-Z][a-z]+)+) (?:from|to) (\S+)$/, (m, _pre, state) => pptpMessage(m[1]!, m[2]!, m[3]!, state)],
  [PPTP_FIELDS, (m, _pre, state) => pptpField(m[1]!, m[2]!.trim(), state)],
  // a PPP packet of a server session (`<peer>: sent CHAP Success id=0x1`): read as pppd's dump is, the session's peer tagged
  [new RegExp(`^<([^>]+)>: (sent|rcvd) ${PPP_PROTO} (\\w+)(.*)$`), (m, _pre, state) => pppPacket(m, state)],
  // the packet's options, one a line after it (`<addr 172.16.21.254>`, `<magic 0x824b9b>`): a word, a blank, a value, no colon — the
  // value one or two words as pppd's option dump writes them (`<auth chap MS-v2>`, pppd lcp.c lcp_printpkt; RouterOS's the same, assumed):
  // a sentence in angle brackets is a person's note in a paste (`<here I should see pluto starting after 10 seconds but nothing there; …>`,
  // libreswan#50), no option
  [/^<([a-z][\w-]*) ([^<>:\s]+(?: [^<>:\s]+)?)>$/, (m, _pre, state) => pppOption(`${m[1]} ${m[2]}`, state)],
  // an option without a value (`<pcomp>`, `<accomp>`: pppd lcp.c lcp_printpkt prints Protocol- and Address-and-Control-Field-
  // Compression by their name alone): only a name pppd's dump gives an option (ppp-reject.ts), so a note like `<snip>` stays unread
  [/^<([a-z][\w-]*)>$/, (m, _pre, state) => (isPppdOptionName(m[1]!) ? pppOption(m[1]!, state) : null)],
  // a PPP layer is up: LCP (the link), IPCP (the tunnel's IP addresses), CCP (compression and MPPE encryption); RFC 1661 §4.2 the Opened state
  [new RegExp(`^<([^>]+)>: ${PPP_PROTO} opened$`), (m) => tagged(step('mtPppLayerOpened', { proto: m[2]! }, 'success'), { peer: /^\d/.test(m[1]!) ? m[1] : undefined })],
  ...RACOON_PACKET_RULES,
];
