import { applyRules, context, d, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { LogTime } from '../types';
import type { Prefixed } from '../prefix';
import { isakmpExchangeName, isakmpPayloadName } from '../codes/isakmp-payloads';
import { bySiteAttempt } from './draytek-site';

/**
 * DrayTek Vigor routers (very common in the Netherlands and the UK): Windows' built-in PPTP, L2TP/IPsec and IKEv2 clients dial
 * their "Remote Dial-in User" profiles. The help desk gets the router's syslog — as a syslog server kept it (`Dec 14 16:06:08
 * 192.168.177.1 HQ: …`, the tag is the router's name), or the web UI's Diagnostics >> Syslog Explorer table copied (`2025-10-15
 * 16:57:33<TAB> message`, newest first). Its IKE daemon is Openswan-derived (`state transition fail: STATE_QUICK_R0`,
 * `quick_inI1_outR1`, `sent MR3, ISAKMP SA established`) but logs in its own words. Wordings from real copies
 * (test/fixtures/real/server-logs/draytek-*, sources in SOURCES.md): a Syslog Explorer copy of dial-in IKE (a pre-shared key
 * mismatch and a refused phase 2), a case study's two lines (the "High" IPsec security level refusing SHA1), DrayTek's own
 * security note's syslog (a PPTP client accepted, then shut down). The VPN up/down lines (`[H2L][UP][IPSec][@1:frank]`,
 * `[L2L][Down][L2TP][@2:twrd]`) as DrayTek's Syslog utility note lists them (attel.sk, "Monitorování stavu VPN přes utilitu
 * Syslog") and Fastvue's draytekvpnanalyzer README (`[H2L][UP][SSLTunnel][@Username]`): no copy of a real log holds them.
 * The router's bracket tags (`[IPSEC/IKE][Local][34:-][@51.155.169.9]`) say the service, the profile (index:name, `-` none)
 * and the peer; the peer and user are read from them, not from the text.
 */

/** `[IPSEC/IKE]`, `[PPTP]`, `[L2TP]`, `[SSL TUNNEL]` … and the brackets after it (profile, user, `@peer`), then the text */
const TAGGED = /^\[(IPSEC\/IKE|IPSEC|PPTP|L2TP|SSL TUNNEL|SSL|IPsec)\]((?:\[[^\]]*\])*) ?(.*)$/;
/** the VPN up/down line: `[H2L|L2L][UP|Down][type][@n:profile]` */
const UP_DOWN = /^\[(H2L|L2L)\]\[(UP|DOWN|Up|Down)\]\[([^\]]+)\]\[@(?:(\d+):)?([^\]]*)\]\s*$/;
/** `IKE <==, Next Payload=ISAKMP_NEXT_SA, Exchange Type = 0x2, Message ID = 0x0` (the Syslog Explorer copy reads `IKE` as a level) */
const IKE_PACKET = /^(?:IKE )?(<==|==>), Next Payload=ISAKMP_NEXT_(\w+), Exchange Type = 0x([0-9a-f]+), Message ID = 0x[0-9a-f]+\s*$/i;

/**
 * Openswan's names of the ISAKMP payload types (lib/libopenswan constants.c, `ISAKMP_NEXT_*`), to their RFC 2408 §3.1 numbers:
 * the name is the code, decoded by the shared table.
 */
const NEXT_PAYLOAD: Readonly<Record<string, number>> = { NONE: 0, SA: 1, P: 2, T: 3, KE: 4, ID: 5, CERT: 6, CR: 7, HASH: 8, SIG: 9, NONCE: 10, N: 11, D: 12, VID: 13, NATD_RFC: 20, NATOA_RFC: 21 };

interface Tags {
  peer?: string;
  user?: string;
}

/** the brackets after the service: `[@51.155.169.9]` the peer (a masked `x.x.x.x` is none), `[65:Edward]` a profile with its user */
function tagsOf(brackets: string): Tags {
  const tags: Tags = {};
  for (const b of brackets.slice(1, -1).split('][')) {
    if (b.startsWith('@')) {
      if (/^[\d.]+$|^[0-9a-f:]+:[0-9a-f:]*$/i.test(b.slice(1))) tags.peer = b.slice(1);
    } else {
      const m = b.match(/^\d+:(.+)$/);
      if (m && m[1] !== '-') tags.user = m[1];
    }
  }
  return tags;
}

/** the text after the bracket tags, read by its own rules; the tags' peer and user added */
const TAGGED_RULES: readonly Rule[] = [
  // Openswan's `malformed payload … probable authentication failure (mismatch of preshared secrets?)`, in DrayTek's words (its
  // typo `smalformed` kept): the PC's encrypted Main Mode message 5 decrypts to garbage — the two pre-shared keys differ
  [/^s?malformed payload: probable authentication \(preshared secret\) failure:?\s*$/i, () => ({ decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })],
  // where the negotiation stopped (an Openswan state, in words by describe.ts ikeStateText); the router's next line (or, newest first, the line before) says why
  [/^state transition fail: (STATE_\w+)\s*$/, (m) => ({ decoded: [d('dtStateFail', { state: m[1]! })], outcome: 'failure' })],
  // the router's own guess after a refused phase 2 (a hint, not a finding)
  [/^may be security method\/subnet setting\/GRE setting unmatched\?\s*$/, () => step('dtPhase2Hint', undefined, 'warning')],
  // Openswan's quick_inI1_outR1 (the PC's Quick Mode message 1) looked for a dial-in profile whose networks take the PC's
  context(/^quick_inI1_outR1: match network\s*$/, () => step('dtQuickMatchNetwork')),
  // the PPP session (PPTP, L2TP, SSL tunnel) of the profile ended (`pppShutdown`: the router's PPP task stopped it)
  [/^pppShutdown\s*$/, () => step('dtPppShutdown')],
  // the router's SSL VPN web portal refused a log-in: no Windows built-in client's (the portal is a browser's)
  [/^Portal login fail from IP (\S+?)!?\s*$/, (m) => tagged(step('dtSslPortalLoginFail', { peer: m[1]! }, 'warning'), { peer: m[1] })],
];

/**
 * The router's PPP packet trace, one line a packet, for each dial-in PPP session (PPTP, L2TP, the SSL tunnel of DrayTek's
 * Smart VPN Client): `L2TP (VPN-0, ggyameg) <== Protocol:LCP(c021) EchoReq Identifier:0x04 Magic Number: 0xbff3 a8 aa ##`
 * (pastebin mc0ncdNp, a Syslog Explorer CSV export), `SSLTunnel (VPN-1) ==> Protocol:PAP(c023) Authenticate-Ack Identifier:0x00
 * Message: ##` (an MSP engineer's notes, search index file 71490112234). `<==` a packet in from the PC, `==>` one the router
 * sends (the router's IKE lines use the same arrows: IKE_PACKET); the protocol is named with its PPP number (RFC 1661 §2), the
 * code by the router's short word (RFC 1661 §5 codes; PAP's RFC 1334 §2.2). `VPN-n` is the router's dial-in slot, the name after
 * it the user, once authenticated. m[1] the service, m[2] the user, m[3] the arrow, m[4] the protocol, m[5] its number, m[6] the
 * code, m[7] the identifier, m[8] the rest: the options as printed (traceOptions).
 */
export const PPP_TRACE = /^(PPTP|L2TP|SSLTunnel|SSL TUNNEL|IPsec|IKEv2)? ?\(VPN-\d+(?:, ([^)]*))?\) (<==|==>) Protocol:(\w+)\(([0-9a-f]{4})\) ([\w-]+) Identifier:0x([0-9a-f]+)([^]*)$/i;

/**
 * A trace line's options as printed: the rest after the identifier without the blanks around it and the router's closing `##`;
 * undefined when a line break is left inside (no trace line). Read here, not by the pattern: `\s*(.*?)\s*(?:##)?\s*$` split a
 * run of blanks every way — a damaged 1 600-character line took 2.8 s (round 44's pump survey); this reads the same text in one pass.
 */
export function traceOptions(rest: string): string | undefined {
  let options = rest.trim();
  if (options.endsWith('##')) options = options.slice(0, -2).trimEnd();
  return /[\n\r\u2028\u2029]/.test(options) ? undefined : options;
}

/** the router's short code words (the RFC 1661 §5 names, as pppd's log shortens them too) */
const PPP_CODE_WORDS: Readonly<Record<string, string>> = {
  ConfReq: 'Configure-Request', ConfAck: 'Configure-Ack', ConfNak: 'Configure-Nak', ConfRej: 'Configure-Reject', TermReq: 'Terminate-Request',
  TermAck: 'Terminate-Ack', CodeRej: 'Code-Reject', ProtRej: 'Protocol-Reject', EchoReq: 'Echo-Request', EchoRep: 'Echo-Reply',
};

function pppTrace(m: RegExpMatchArray, options: string): Hit {
  const fromPc = m[3] === '<==';
  const user = m[2]?.trim() || undefined;
  const proto = m[4]!.toUpperCase();
  const code = m[6]!;
  // PAP (RFC 1334 §2.2): the PC's user name (the router masks the password), the router's answer to it
  if (proto === 'PAP' && /^Authenticate-Request$/i.test(code)) {
    const peerId = options.match(/Peer-ID:(\S+)/)?.[1];
    return tagged(step('pppLogPapRequest', { user: peerId ?? '?' }), { user: peerId ?? user });
  }
  const message = options.replace(/^Message:\s*/, '').trim();
  if (proto === 'PAP' && /^Authenticate-Ack$/i.test(code)) return tagged(step('pppLogPapAck', { msg: message }, 'success'), { user });
  // the router refused the user name or password: the PC's 691
  if (proto === 'PAP' && /^Authenticate-Nak$/i.test(code) && !fromPc) return tagged({ decoded: [d('pppLogPapNak', { msg: message })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user });
  // CHAP (RFC 1994 §4: codes 3 Success, 4 Failure; MS-CHAP v2's Failure message carries E=691 and the like, RFC 2759 §6)
  if (proto === 'CHAP' && /^Failure$/i.test(code) && !fromPc) {
    const e = options.match(/\bE=(\d+)/)?.[1];
    return tagged({ decoded: [d('pppLogChapFailure', { msg: message })], outcome: 'failure', cause: 'credentials-rejected', code: e ? +e : 691 }, { user });
  }
  if (proto === 'CHAP' && /^Success$/i.test(code) && !fromPc) return tagged(step('pppLogChapSuccess', undefined, 'success'), { user });
  return tagged(step(fromPc ? 'pppLogProtocolReceived' : 'pppLogProtocolSent', { proto: `${proto} (0x${m[5]!.toLowerCase()})`, type: PPP_CODE_WORDS[code] ?? code, id: `0x${m[7]}` }), { user });
}

/** the Syslog Explorer table's column head, copied with its rows (a tab between, or the blanks a copy made of it) */
const TABLE_HEAD = /^Time(?:\t+| {2,})Message\s*$/;

const RULES: readonly Rule[] = [
  // (its rows are newest first: a failure's reason may be on the line above it)
  [TABLE_HEAD, () => step('dtSyslogExplorer')],
  [IKE_PACKET, (m) => ikePacket(m[1]!, m[2]!, parseInt(m[3]!, 16))],
  context(/^Responding to (Main|Aggressive) Mode from (\S+)\s*$/, (m) => tagged(step('ikeV1Respond', { mode: m[1]!, peer: m[2]! }), { peer: m[2] })),
  // the pre-shared key of "IPsec General Setup" (the one for dial-in clients with no fixed address) is the key tried
  context(/^Matching General Setup key for dynamic ip client\.*\s*$/, () => step('dtGeneralSetupKey')),
  context(/^Accept Phase1 proposals : ENCR OAKLEY_(\w+), HASH OAKLEY_(\w+)\s*$/, (m) => step('dtPhase1Accepted', { encryption: m[1]!, hash: m[2]! })),
  context(/^Find Phase1 proposal: (\S+)\s*$/, (m) => step('dtPhase1Found', { what: m[1]! })),
  context(/^NAT-Traversal: Using (RFC 3947|draft-ietf-ipsec-nat-t-ike-[\d/]+), (no NAT|NAT) detected\s*$/, (m) => step(m[2] === 'NAT' ? 'dtNatDetected' : 'dtNoNat', { method: m[1]! })),
  [/^#(\d+) sent MR3, ISAKMP SA established\. Dynamic client dial-in from (\S+)\s*$/, (m) => tagged(step('dtPhase1Up', { peer: m[2]! }, 'success'), { peer: m[2], session: m[1] })],
  // what the PC asks to reach in Quick Mode: a LAN-to-LAN client's network (a Windows L2TP client asks for its own address alone)
  context(/^Receive client L2L remote network setting is (\S+)\s*$/, (m) => step('dtClientNetwork', { network: m[1]! })),
  // no proposal of the PC's Quick Mode SA payload is acceptable — the SA payload holds the proposals, the networks are in the ID
  // payloads (assumed from the wording: no DrayTek source text is public)
  [/^Parse dial-in phase2 SA proposals failed\s*$/, () => ({ decoded: [d('dtPhase2Refused'), d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' })],
  [/^Can't accept phase2 client, please check remote IP\/Peer ID\(PSK or x509\)\/Network Settings\s*$/, () => step('dtPhase2NotAccepted', undefined, 'warning')],
  // the Syslog Explorer's `Prase error :` (its typo): the decrypted ID payload is garbage, read with the wrong key (the line
  // with the cause is beside it: the one before in a syslog file, the one after in the newest-first Syslog Explorer)
  context(/^Prase error : .*ISAKMP Identification Payload.*$/, () => step('dtGarbledPayload', undefined, 'warning')),
  // IPsec General Setup's "Security Level": High ignores these algorithms in the PC's phase 1 proposals — what a Windows client
  // offering SHA1 or DH group 2 gets refused by
  [/^IPsec Security Level\[(\w+)\]: Ignore Phase1 SA proposals of (.+?)\s*$/, (m) => ({ decoded: [d('dtSecurityLevel', { level: m[1]!, ignored: m[2]! }), d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' })],
  // the PPTP control connection (TCP 1723) from the PC was taken; the PPP session comes next (GRE)
  [/^PPTP accept client from (\S+?):(\d+)\b.*$/, (m) => tagged(step('dtPptpAccept', { peer: m[1]!, port: m[2]! }), { peer: m[1] })],
  context(/^Destroy pptp connection ifno: (\d+), socket: -?\d+\s*$/, () => step('dtPptpDestroyed')),
  [UP_DOWN, (m) => upDown(m)],
  [PPP_TRACE, (m) => {
    const options = traceOptions(m[8]!);
    return options === undefined ? null : pppTrace(m, options);
  }],
  // the rest of a dial-in PPP session's lines (the same notes, search index file 71490112234; meanings assumed from the words):
  // its start, where the user name and password are checked, the address the PC asked for, and its end with the user and slot
  [/^PPP Start \(\)\s*$/, () => step('dtPppStart')],
  [/^\[VPN\] (LDAP|RADIUS|Radius|TACACS\+?) authentication\.?\s*$/, (m) => step('dtAuthBy', { server: m[1]!.toUpperCase() })],
  [/^ipcp offer requested IP: (\S+) from client\.*\s*$/, (m) => step('dtIpcpRequested', { ip: m[1]! })],
  // the PC's tunnel address comes from the router's DHCP server (the dial-in profile's "Assign IP from DHCP")
  [/^PPP\[\d+\] send DISCOVER to DHCP Server\.*\s*$/, () => step('dtPppDhcp')],
  [/^PPP Drop VPN : Remote Dial-in User,(?: Profile in ([^,]+),)? Name = ([^,]+), ifno=\d+\s*$/, (m) => tagged(step('dtPppDrop', { user: m[2]!.trim() }), { user: m[2]!.trim() })],
  // the SSL tunnel (DrayTek's Smart VPN Client's SSL VPN, TCP 443): the router reads each PPP frame's header from the TLS stream;
  // nothing came (`byterecv=0`) and after five tries it closes the PPP session — the client stopped sending, or its connection broke
  [/^\[SSLTunnel\] Dial-in protocol version \d+\.?\s*$/, () => step('dtSslDialIn')],
  [/^\[SSLTunnel\] IFNO-\d+: recv header try again!byterecv=(\d+)\.?\s*$/, (m) => step('dtSslRecvRetry', { bytes: m[1]! })],
  [/^\[SSLTunnel\] IFNO-\d+: try recv header for (\d+) times, fail, close ppp\.?\s*$/, (m) => step('dtSslRecvFailed', { n: m[1]! }, 'warning')],
  // an L2TP control message (RFC 2661 §3.1: the T, L and S bits of 0xC802; a 12-byte one is a header alone, the ZLB acknowledgement of §5.8)
  [/^L2TP (<==|==>) Control\(0x[0-9A-F]+\)[-\w]* Ver:2 Len:(\d+), Tunnel ID:(\d+), Session ID:(\d+), Ns:\d+, Nr:\d+\s*$/i, (m) => step(m[2] === '12' ? (m[1] === '<==' ? 'dtL2tpZlbIn' : 'dtL2tpZlbOut') : m[1] === '<==' ? 'dtL2tpControlIn' : 'dtL2tpControlOut', { tunnel: m[3]! })],
  // the router's own services, not a dial-in client's: VPN Matcher (DrayTek's relay for a router without a public address), its
  // LDAP client's bookkeeping (assumed from the names)
  [/^(?:VPN Matcher: |udp_punching_client\(\): |udp_pun_init: |FreeLDAPCQueryEntry )/, () => step('dtOwnService')],
];

/** the router's IKE packet line: direction, exchange type (RFC 2408 §3.1, RFC 2409, RFC 7296 §3.1 numbers) and first payload */
function ikePacket(dir: string, next: string, exchange: number): Hit {
  const n = NEXT_PAYLOAD[next.toUpperCase()];
  return step(dir === '<==' ? 'dtIkeIn' : 'dtIkeOut', { exchange: isakmpExchangeName(exchange), payload: n === undefined ? next : isakmpPayloadName(n) });
}

function upDown(m: RegExpMatchArray): Hit {
  const up = m[2]!.toUpperCase() === 'UP';
  const values = { type: m[3]!, profile: m[5]! };
  // H2L: a dial-in user's profile (its name is the user's); L2L: a LAN-to-LAN (site) tunnel
  if (m[1] === 'L2L') return step(up ? 'dtSiteUp' : 'dtSiteDown', values, up ? 'success' : 'info');
  return tagged(step(up ? 'dtVpnUp' : 'dtVpnDown', values, up ? 'success' : 'info'), { user: m[5] || undefined });
}

function parseTagged(m: RegExpMatchArray, pre: Prefixed): Hit | null {
  const hit = applyRules(TAGGED_RULES, m[3]!, pre, {});
  return hit ? tagged(hit, tagsOf(m[2]!)) : null;
}


/** the first words of a DrayTek line (one test per record, before any rule) */
const HEAD = /^(?:Time(?:\t+| {2,})Message\s*$|\[(?:IPSEC\/IKE|IPSEC|PPTP|L2TP|SSL TUNNEL|SSL|IPsec|H2L|L2L)\]|IKE (?:<==|==>), Next Payload=ISAKMP_NEXT_|Responding to (?:Main|Aggressive) Mode from |Matching General Setup key |Accept Phase1 proposals : |Find Phase1 proposal: |NAT-Traversal: Using |#\d+ sent MR3, ISAKMP SA established\. Dynamic client |Receive client L2L remote network |Parse dial-in phase2 |Can't accept phase2 client|Prase error : |IPsec Security Level\[|PPTP accept client from |Destroy pptp connection ifno: |(?:PPTP|L2TP|SSLTunnel|SSL TUNNEL|IPsec|IKEv2)? ?\(VPN-\d+|PPP Start \(|\[VPN\] |ipcp offer requested IP: |PPP\[\d+\] send DISCOVER |PPP Drop VPN : |\[SSLTunnel\] |L2TP (?:<==|==>) Control\(|VPN Matcher: |udp_punching_client\(\)|udp_pun_init: |FreeLDAPCQueryEntry )/;

/**
 * The message, where a Syslog Explorer copy took the router's first word for a level: `IKE` (`IKE <==, Next Payload=…`), `PPP`
 * (`PPP Start ()`, `PPP Drop VPN : …`), `VPN` (`VPN Matcher: …`) — the word is the message's own when the whole then reads as
 * the router's.
 */
const LEVEL_WORDS = new Set(['IKE', 'PPP', 'VPN']);
function messageOf(pre: Prefixed): string {
  if (pre.level === undefined || !LEVEL_WORDS.has(pre.level)) return pre.message;
  const whole = `${pre.level} ${pre.message}`;
  return HEAD.test(whole) ? whole : pre.message;
}

/**
 * Other copies of the Syslog Explorer's table, its row read as the router's time and message: the page's CSV export
 * (`"2020-09-23 09:18:04", "L2TP (VPN-0, ggyameg) ==> …"`, pastebin mc0ncdNp) and a Markdown table of it with its head and rule
 * (`| 2025-09-17 15:09:46 | [SSL TUNNEL][@…] pppShutdown   |`, search index file 71490112234). Asked only of a line without a header
 * that starts with `"` or `|`.
 */
const CSV_ROW = /^"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)",\s*"(.*)"\s*$/;
export const MARKDOWN_ROW = /^\|\s*(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\s*\|([^]*)$/;
/**
 * A Markdown row's message cell (MARKDOWN_ROW's m[7], the rest after the time's cell): without the blanks around it and the row's
 * closing `|`; undefined when the row does not close or a line break is left inside. Read here, not by the pattern:
 * `\s*(.*?)\s*\|\s*$` split a run of blanks every way — a row of 1 990 blanks and no closing `|` took 1.3 s (round 44).
 */
export function markdownCell(rest: string): string | undefined {
  const cell = rest.trim();
  if (!cell.endsWith('|')) return undefined;
  const message = cell.slice(0, -1).trimEnd();
  return /[\n\r\u2028\u2029]/.test(message) ? undefined : message;
}
const MARKDOWN_HEAD = /^\|\s*Time\s*\|\s*Message\s*\|\s*$|^\|\s*:?-{3,}:?\s*\|\s*:?-{3,}:?\s*\|\s*$/;
interface Row {
  message: string;
  time?: LogTime;
}
function rowOf(pre: Prefixed): Row | undefined {
  if (pre.shape !== 'none') return undefined;
  const c = pre.message.charCodeAt(0);
  if (c !== 34 /* " */ && c !== 124 /* | */) return undefined;
  const m = (c === 34 ? CSV_ROW : MARKDOWN_ROW).exec(pre.message);
  const message = m ? (c === 34 ? m[7] : markdownCell(m[7]!)) : undefined;
  if (m && message !== undefined) return { message, time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! } };
  return c === 124 && MARKDOWN_HEAD.test(pre.message) ? { message: 'Time\tMessage' } : undefined;
}

/** one line: its own rules, or a table row's message by them, with the row's time */
function parseLine(message: string, pre: Prefixed, state: FamilyState): Hit | null {
  const m = message.match(TAGGED);
  return m ? parseTagged(m, pre) : applyRules(RULES, message, pre, state);
}

export const draytekFamily: FamilyParser = {
  family: 'draytek',
  claims(pre: Prefixed) {
    if (HEAD.test(messageOf(pre))) return true;
    const row = rowOf(pre);
    return row !== undefined && HEAD.test(row.message);
  },
  parse(pre, state) {
    const row = rowOf(pre);
    // (an attempt's statements worded for two routers when the other side asks for a network, draytek-site.ts)
    if (!row) return bySiteAttempt(parseLine(messageOf(pre), pre, state), state);
    const hit = parseLine(row.message, pre, state);
    if (hit && row.time) hit.time = row.time;
    return bySiteAttempt(hit, state);
  },
};
