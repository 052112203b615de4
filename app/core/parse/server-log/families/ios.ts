import { IOS_CODE_NAMES, PPP_CODES } from '../codes/ppp';
import { IOS_PPTP_NAMES, PPTP_CONTROL_TYPES, decodePptpHex } from '../codes/pptp';
import { applyRules, d, fallback, msChapErrorOf, step, tagged, type FamilyParser, type Hit, type Rule } from '../kit';
import { decodeOptionHex, decodeProtocolPacket, optionText, type PppOption } from '../ppp-packet';
import { REJECT_STATEMENTS } from '../ppp-reject-side';
import type { Prefixed } from '../prefix';
import { asaPrompt, asAsaConsole } from '../console-device';
import { awaitSide, ikeRoleOf, roleSiteOnFirstSign, IOS_IPSEC_RULES, IOS_ISAKMP_RULES, IOS_PHASE2_RULES, isakmp, noteIkeSide, SHOW_ISAKMP_SA_HEAD, SHOW_ISAKMP_SA_ROW, wordForSide } from './ios-crypto';
import { IOS_SHOW_IPSEC_SA_RULES, showIpsecSaClaims } from './ios-show-ipsec-sa';
import { ikev2Claims, IOS_IKEV2_RULES } from './ios-ikev2';
import { IOS_PKI_RULES, pkiClaims } from './ios-pki';
import { IOS_IP_PACKET_RULES, isIpPacketDetail, isIpPacketLine } from './ios-ip-packet';
import { IOS_PPP_PLATFORM_RULES, PPP_PLATFORM_HEAD } from './ios-ppp-platform';
import { IOS_RADIUS_RULES, RADIUS_HEAD } from './ios-radius';
import { IOS_PPPOE_CLIENT_RULES, iosPppoeClaims } from './ios-pppoe-client';
import { judgeRejectedOption, noteNegotiationOption, noteNegotiationPacket } from './ios-nak';
import { IOS_CLASSIC_PPP_RULES, iosClassicPppClaims, iosClassicText } from './ios-classic-ppp';
import { LINK_SIDE_RULES, linkSide, noteLcpIn, ownLoginDisc, peerAsksRouterLogin, roleOf, sendauthFailed, sidedValues } from './ios-link-side';

/**
 * Cisco IOS / IOS-XE `debug ppp negotiation`, `debug ppp authentication`, `debug vpdn events`
 * (`Vi1 LCP: I CONFREQ [REQsent] id 1 len 19`, option lines `Vi1 LCP:    MRU 1454 (0x010405AE)`,
 * `Tnl 17 PPTP: CC I 0010…`, `Vi1 Tnl/Cl 17/17 PPTP: CC I ClearRQ`). I = from the peer (the PC),
 * O = to it. A Protocol-Reject's bytes are the rejected packet (RFC 1661 §5.7), decoded here.
 */

const PROTO_NUMBERS: Record<string, number> = { LCP: 0xc021, CCP: 0x80fd, IPCP: 0x8021, IPV6CP: 0x8057, MPPE: 0x80fd };

function packet(link: string, proto: string, dirc: string, codeName: string, rest: string, state: Record<string, unknown>): Hit {
  const dir = dirc === 'I' ? 'in' : 'out';
  const code = IOS_CODE_NAMES[codeName];
  const id = rest.match(/\bid (\d+)/)?.[1];
  const fsm = rest.match(/\[(\w+)\]/)?.[1] ?? '';
  state[`pkt:${link}`] = { proto, dir, codeName };
  noteNegotiationPacket(link, proto, dir, codeName, fsm, state);
  if (dir === 'in' && proto === 'LCP') noteLcpIn(link, state);
  if (codeName === 'PROTREJ') {
    const role = roleOf(link, state);
    const rej = rest.match(/protocol (\S+) \(0x([0-9a-f]+)\)/i);
    const pkt = rej ? decodeProtocolPacket(rej[2]!) : null;
    const values: Record<string, string | number> = { dir, proto: rej?.[1] ?? pkt?.protocolName ?? '?', rejectedCode: pkt?.codeName ?? '?', rejectedId: pkt?.id ?? '-', options: (pkt?.options ?? []).map(optionText).join(', '), ...role };
    if (pkt?.mppe !== undefined) values.mppe = pkt.mppe;
    const hit: Hit = { decoded: [d('protRej', values)], outcome: 'warning' };
    // on a link where the router is the client, no PC is involved: the CCP refusal is the router's own business
    if (pkt?.protocol === 0x80fd && !role.role) {
      hit.outcome = 'failure';
      // I PROTREJ: the PC rejected the router's CCP; O PROTREJ: the router rejected the PC's CCP
      hit.cause = dir === 'in' ? 'pc-refused-encryption' : 'server-refused-encryption';
    }
    return hit;
  }
  // (worded by the link's side once a later line tells it: sidedValues)
  const values = sidedValues(link, state, { dir, proto, code: code ? PPP_CODES[code]! : codeName, id: id ?? '-', options: '', fsm } as Record<string, string | number>);
  // a Configure-Nak is the answer "other value", often a normal step: its option lines under it say which (ios-nak.ts)
  // (…and a Configure-Reject by the options it refuses: ios-nak.ts judgeRejectedOption)
  return { decoded: [d('packet', values)], outcome: 'info' };
}

/** the notify's SPI and message id, on the line under it (`        spi 9223503292995197928, message ID = 1148084868`), joined */
const NOTIFY_TAIL = String.raw`(?: spi \d+, message ID = -?\d+(?:, sa = \w+)?)?`;

/** An IOS exec prompt (a host name, a config mode in brackets, `#` or `>`) alone or with a command that shows or debugs */
const CLI_PROMPT = /^([A-Za-z][\w.-]{0,62})(?:\([\w-]+\))?[#>]\s*((?:debug|undebug|no debug|u all|un all|undebug all|show|sh|terminal|term|clear|ping)\b.*)?$/;
/**
 * The same prompt with a command cut short: debug output came while the administrator typed, and the console went on with
 * the router's lines before the command was finished (`HQ#clea`, then ISAKMP lines, then `HQ#clear crypto …`: a real IOS-XE
 * console, test/fixtures/real/SOURCES.md). Only the start of a command CLI_PROMPT knows, alone on the line.
 */
const CUT_PROMPT = /^([A-Za-z][\w.-]{0,62})#([a-z]{1,8})\s*$/;
const PROMPT_COMMANDS = ['debug', 'undebug', 'show', 'terminal', 'clear', 'ping'];
const cutPrompt = (text: string): RegExpMatchArray | null => {
  const m = text.match(CUT_PROMPT);
  return m && PROMPT_COMMANDS.some((c) => c.startsWith(m[2]!)) ? m : null;
};
/**
 * The administrator changing the configuration while the debug runs (an IOS-XE hub's console, search index file 20666743554):
 * `Hub-RTR#conf t`, IOS's answer `Enter configuration commands, one per line.  End with CNTL/Z.`, then any command at a config
 * mode's prompt, `Hub-RTR(config)#ip route …`, `(config-crypto-map)#set peer …` (the modes: Cisco IOS Configuration Fundamentals
 * Command Reference, "configure terminal"). Not log lines; the commands are shown as typed.
 */
const CONFIG_PROMPT = /^([A-Za-z][\w.-]{0,62})(?:\(config[\w-]*\)#|#(?=\s*conf))\s*(\S.*?)\s*$/;
const CONFIG_ANSWER = /^Enter configuration commands, one per line\.\s+End with CNTL\/Z\.\s*$/;
/**
 * IOS's answer to `ping` typed at the prompt while a debug runs (the administrator brings the tunnel up with traffic): `Type escape
 * sequence to abort.`, `Sending 5, 100-byte ICMP Echos to …, timeout is 2 seconds:`, `Packet sent with a source address of …`,
 * `Success rate is 0 percent (0/5)` (Cisco IOS Network Management Command Reference, ping; an IOS-XE spoke's console, search index
 * file 20666743554). Not log lines.
 */
// (a row of ping's per-packet characters, `!!!!!`, `?????`, `.!!!!`: ! a reply, . a time-out, U unreachable, Q source quench, M could not
// fragment, ? unknown packet type, & lifetime exceeded — Cisco IOS ping command reference, its test characters; a row of dots alone
// is left alone, it may be an author's elision)
const PING_ANSWER = /^((?=[.]*[!UQM?&])[!.UQM?&]{1,100}|Type escape sequence to abort\.|Sending \d+, \d+-byte ICMP Echos to \S+, timeout is \d+ seconds:|Packet sent with a source address of \S+|Success rate is \d+ percent \(\d+\/\d+\)(?:, round-trip min\/avg\/max = [\d/]+ ms)?)\s*$/;
const DEBUG_SWITCHED = /^([A-Za-z][\w ()/-]{2,80}?) debugging is (on|off)$/;
/** IOS's answer to `undebug all` / `u all` (the real IOS-XE console of test/fixtures/real/server-logs/ios-xe-debug-crypto-ikev2-…-retransmits-…) */
const ALL_DEBUG_OFF = /^All possible debugging has been turned off\s*$/;
/**
 * IOS's answer to a command it cannot parse: a caret under the place, then `% Invalid input detected at '^' marker.` (Cisco IOS
 * Configuration Fundamentals, "Using the Cisco IOS Command-Line Interface", CLI error messages; the same console)
 */
const CLI_ERROR = /^(?:% (?:Invalid input detected at '\^' marker|Incomplete command|Ambiguous command:.*)\.?|\s*\^)\s*$/;
const DOC_NOTE = /^!-{2,}\s*(.*)$/;
/** no session: their first word is no interface (the entry would take `Router#debug` for one) */
const NO_LINK = { session: '' };

/** A prompt line: the ASA's when the line says so (its host name or command), else IOS's until the paste's end (console-device.ts) */
function promptHit(m: RegExpMatchArray): Hit {
  const hit = tagged(m[2] ? step('iosCommandTyped', { command: m[2] }) : step('iosPromptOnly'), NO_LINK);
  if (!asaPrompt(m[1]!, m[2])) return { ...hit, console: {} };
  return { ...hit, decoded: asAsaConsole(hit.decoded), console: { family: 'asa' } };
}

/**
 * An option line, and what an Authentication-Protocol option (LCP type 3) in the other side's Configure-Request says of the link;
 * under a Configure-Nak, whether the Nak is a normal step of the negotiation (ios-nak.ts).
 */
function optionHit(link: string, values: Record<string, string | number>, option: PppOption | undefined, state: Record<string, unknown>): Hit {
  const hit: Hit = { decoded: [d('option', values)], outcome: 'info' };
  const type = option?.type;
  const pkt = state[`pkt:${link}`] as { proto: string; dir: string; codeName: string } | undefined;
  if (pkt && pkt.proto === values.proto) noteNegotiationOption(link, pkt.proto, pkt, option, hit, state);
  if (pkt && option && pkt.proto === values.proto && pkt.codeName === 'CONFREJ') {
    const side = linkSide(link, state);
    judgeRejectedOption(pkt.proto, pkt.dir, option, values.mppe === undefined ? undefined : Number(values.mppe), side, hit);
    // (the link's side not known yet: the reject's statements wait for the line that tells it, as the packet's own do)
    if (side === undefined) for (const dd of hit.decoded) if (dd.values && REJECT_STATEMENTS.has(dd.key)) sidedValues(link, state, dd.values);
  }
  if (type === 3 && values.proto === 'LCP' && pkt?.proto === 'LCP' && pkt.dir === 'in' && pkt.codeName === 'CONFREQ') {
    const side = peerAsksRouterLogin(link, state);
    if (side) hit.decoded.push(side);
  }
  return hit;
}

/**
 * An option line under a packet (`Vi1 LCP:    MRU 1454 (0x010405AE)`): m[1] the interface, m[2] the protocol, m[3] the run of
 * blanks after the colon, m[4] the option's name, m[5] its bytes. The run is taken whole (JavaScript's atomic-group idiom: a
 * lookahead's capture, then its back-reference): `(?: {2,}|[ \t]*\t[ \t]*)(.+?)` split a run of tabs every way, 0.47 s for a
 * damaged 1 600-character line (round 44's pump survey). Reads every line as before but one whose option name is only blanks
 * (the run then reaches the ` (0x` and the line is no option line).
 */
export const OPTION_LINE = /^(\S+) (LCP|CCP|IPCP|IPV6CP):(?=( {2,}|[ \t]*\t[ \t]*))\3(.+?) \(0x([0-9a-f]+)\)$/i;
const GLUED_PACKET = new RegExp(String.raw`^(\S+) (LCP|CCP|IPCP|IPV6CP|MPPE|CDPCP):([IO]) ?(${Object.keys(IOS_CODE_NAMES).join('|')})\b ?(.*)$`);

/** The bytes are exactly one option: its length octet (RFC 1661 §6) counts them all. */
const isOneOption = (hex: string): boolean => hex.length >= 4 && hex.length % 2 === 0 && parseInt(hex.slice(2, 4), 16) === hex.length / 2;

const RULES: Rule[] = [
  [/^(\S+) (LCP|CCP|IPCP|IPV6CP|MPPE|CDPCP): ([IO]) ([A-Z]+)\b ?(.*)$/, (m, _p, s) => packet(m[1]!, m[2]!, m[3]!, m[4]!, m[5] ?? '', s)],
  // the same line after a copy lost the blanks around the direction (`Vi1 LCP:OCONFREQ [REQsent] id 53 Len 15`, a Cisco guide's
  // web copy): only with a code IOS prints, so that no other word glued to a colon is taken for a packet
  [GLUED_PACKET, (m, _p, s) => packet(m[1]!, m[2]!, m[3]!, m[4]!, m[5] ?? '', s)],
  // an option line is told from a packet line by the run of blanks after the colon: IOS writes four; an editor's or mail
  // client's tabify makes a tab of them (with or without blanks around it), never of the one blank before a packet's I/O
  [OPTION_LINE, (m, _p, state) => {
    const opt = decodeOptionHex(PROTO_NUMBERS[m[2]!] ?? 0, m[5]!);
    const values: Record<string, string | number> = { proto: m[2]!, option: opt ? optionText(opt.option) : m[4]! };
    if (opt?.mppe !== undefined) values.mppe = opt.mppe;
    return optionHit(m[1]!, values, opt?.option, state);
  }],
  // the same option line after a copy (a PDF, a manual's web page) collapsed its blanks to one: told from a step of the
  // protocol (`State is Open`, `Remove route to …`) by its bytes, which must read as an option of that protocol
  [/^(\S+) (LCP|CCP|IPCP|IPV6CP): (?=\S)(?![IO] [A-Z]+\b)(.+?) \(0x([0-9a-f]+)\)$/i, (m, _p, state) => {
    const opt = decodeOptionHex(PROTO_NUMBERS[m[2]!] ?? 0, m[4]!);
    if (!opt || !isOneOption(m[4]!)) return null;
    const values: Record<string, string | number> = { proto: m[2]!, option: optionText(opt.option) };
    if (opt.mppe !== undefined) values.mppe = opt.mppe;
    return optionHit(m[1]!, values, opt.option, state);
  }],
  // IOS 11's `debug ppp` lines (ios-classic-ppp.ts)
  ...IOS_CLASSIC_PPP_RULES,
  [/^(\S+) (?:PPP )?LCP: Failed to negotiate with peer$/, () => ({ decoded: [d('lcpNegotiationFailed')], outcome: 'failure', cause: 'auth-protocol-mismatch', code: 734 })],
  [/^(\S+) (MS-CHAP-V2|MS-CHAP|CHAP|PAP|EAP): ([IO]) (CHALLENGE|RESPONSE|SUCCESS|FAILURE|AUTH-REQ|AUTH-ACK|AUTH-NAK)\b(.*)$/, (m, _p, state) => {
    const from = m[5]!.match(/from "([^"]*)"/)?.[1];
    // `msg is` (`MSG is` in some IOS releases' CHAP lines: Cisco DSL Router Troubleshooting Guide's CHAP failure sample)
    const msg = m[5]!.match(/msg is "([^"]*)"/i)?.[1] ?? '';
    const client = linkSide(m[1]!, state) === 'client';
    const hit: Hit = { decoded: [d('authPacket', { dir: m[3] === 'I' ? 'in' : 'out', method: m[2]!, what: m[4]!, name: from ?? '', msg, ...(client ? { role: 'client' } : {}) })], outcome: 'info' };
    if (from && m[3] === 'I' && !client && (m[4] === 'RESPONSE' || m[4] === 'AUTH-REQ')) hit.user = from;
    if (m[4] === 'SUCCESS' || m[4] === 'AUTH-ACK') hit.outcome = 'success';
    // the server this router logs in to refused the router's own name or password: not a PC's login
    if (client && (m[4] === 'FAILURE' || m[4] === 'AUTH-NAK')) {
      hit.decoded.push(d('iosOwnLoginRefused'));
      hit.outcome = 'failure';
      return hit;
    }
    if (m[4] === 'FAILURE' || m[4] === 'AUTH-NAK') {
      const e = msChapErrorOf(msg);
      Object.assign(hit, { outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 });
      // after the router's own AAA timed out on this link, the FAILURE is the router giving up, not a checked password
      if (state[`aaaTimeout:${m[1]}`]) {
        delete state[`aaaTimeout:${m[1]}`];
        hit.decoded.push(d('iosFailureAfterAaaTimeout'));
        hit.cause = 'radius-unreachable';
      }
    }
    return hit;
  }],
  // AAA's answer to the PC's login (Cisco "Understanding debug ppp negotiation Output", doc 25440: "Received LOGIN Response PASS/FAIL";
  // seen with MS-CHAP on a PPTP server in Cisco community doc "Using MS-CHAP authentication for PPTP with IOS"). FAIL: the user name or
  // password was refused (the MS-CHAP FAILURE after it carries the E= code). SENDAUTH is the router's own login as a client: not the PC's
  [/^(\S+) PPP: Received (LOGIN|SENDAUTH) Response (PASS|FAIL)$/, (m, _p, state) => {
    if (m[3] === 'PASS') return step('authOkNoUser', { method: 'AAA' }, 'success');
    if (m[2] === 'SENDAUTH') return sendauthFailed(m[1]!, state);
    // FAIL after `AUTH: Timeout` on the link: AAA gave no answer (real IOS-XE PPPoE log: two timeouts, RADIUS_DEAD, then FAIL)
    if (state[`aaaTimeout:${m[1]}`]) return { decoded: [d('aaaNoReply', { reason: 'AUTH: Timeout' })], outcome: 'failure', cause: 'radius-unreachable' };
    return { decoded: [d('iosLoginFailed')], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
  }],
  // the router's wait for its AAA server ran out (IOS-XE `debug ppp authentication`; the PC's repeated RESPONSEs are then ignored)
  [/^(\S+) AUTH: Timeout (\d+)$/, (m, _p, state) => {
    state[`aaaTimeout:${m[1]}`] = true;
    return step('iosAuthTimeout', { n: m[2]! }, 'warning');
  }],
  // "IPCP: Cannot satisfy pool request": the local pool has no address left, or is misconfigured (Lewis, "Troubleshooting Virtual Private Networks", Cisco Press 2004, ch. 3 review questions)
  [/^(\S+) IPCP: Cannot satisfy pool request\b.*$/, (m) => ({ decoded: [d('noAddressLeft', { address: `on ${m[1]}` })], outcome: 'failure', cause: 'address-pool' })],
  ...LINK_SIDE_RULES,
  // IOS-XE's lines around a session: the address check with AAA, the route to the other end, the platform told (ios-ppp-platform.ts)
  ...IOS_PPP_PLATFORM_RULES,
  ...IOS_PPPOE_CLIENT_RULES,
  // `debug radius`, `debug aaa` (ios-radius.ts)
  ...IOS_RADIUS_RULES,
  [/^(\S+) PPP DISC: (.*)$/, (m, _p, state) => {
    const r = m[2]!;
    const own = ownLoginDisc(m[1]!, r, state);
    if (own) return own;
    if (/AAA (?:Server )?(?:did not respond|timeout|unreachable)|RADIUS.*(?:timeout|not respond)/i.test(r)) return { decoded: [d('aaaNoReply', { reason: r })], outcome: 'failure', cause: 'radius-unreachable' };
    if (/MPPE|encryption|CCP/i.test(r)) return { decoded: [d('pppDisc', { reason: r })], outcome: 'failure', cause: 'mppe-unavailable' };
    if (/auth/i.test(r)) return { decoded: [d('pppDisc', { reason: r })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
    return { decoded: [d('pppDisc', { reason: r })], outcome: 'warning' };
  }],
  [/^(?:(\S+) )?Tnl(?:\/Cl)? (\d+)(?:\/(\d+))? PPTP: CC ([IO]) ([0-9A-F]{20,})$/i, (m, _p, state) => {
    state.pptp = true;
    const msg = decodePptpHex(m[5]!);
    if (!msg) return null;
    const hit: Hit = { decoded: [d('pptpControl', { dir: m[4] === 'I' ? 'in' : 'out', type: msg.controlType, name: `${msg.name} (${PPTP_CONTROL_TYPES[msg.controlType]?.short ?? '?'})` })], outcome: 'info', session: `Tnl ${m[2]}` };
    if (!msg.cookieOk) hit.decoded.push(d('pptpBadCookie'));
    if (msg.result) hit.decoded.push(d('pptpResult', { code: msg.result.code, text: msg.result.text, error: msg.result.errorText ? `, ${msg.result.errorText}` : '' }));
    if (msg.result && msg.result.code !== 1 && msg.controlType !== 13) hit.outcome = 'warning';
    if (msg.controlType === 12 && m[4] === 'I') hit.decoded.push(d('pcHungUp'));
    return hit;
  }],
  // takes every word, so also the hex the rule above decodes (and gives an unknown one as a plain event): a fallback, never the rule cache's answer
  fallback(/^(?:(\S+) )?Tnl(?:\/Cl)? (\d+)(?:\/(\d+))? PPTP: CC ([IO]) (\w+)$/, (m, _p, state) => {
    state.pptp = true;
    const n = IOS_PPTP_NAMES[m[5]!];
    if (!n) return step('vpdnEvent', { text: m[5]! });
    const hit: Hit = { decoded: [d('pptpControl', { dir: m[4] === 'I' ? 'in' : 'out', type: n, name: `${PPTP_CONTROL_TYPES[n]!.name} (${PPTP_CONTROL_TYPES[n]!.short})` })], outcome: 'info', session: `Tnl ${m[2]}` };
    if (n === 12 && m[4] === 'I') hit.decoded.push(d('pcHungUp'));
    return hit;
  }),
  // any other VPDN and PPP line (catch-alls for what the rules above did not decode: never the rule cache's answer)
  fallback(/^(?:(\S+) )?(?:Tnl(?:\/(?:Cl|Sn))? [\d/]+ (PPTP|L2TP|L2X)|VPDN|L2X|(PPTP)|(L2TP))(?: \S+)?: (.*)$/, (m, _p, state) => {
    // which tunnel carries the PPP links: an LCP that never hears the PC means GRE for PPTP, UDP 1701 for L2TP (ios-link-side.ts)
    const tunnel = m[2] ?? m[3] ?? m[4];
    if (tunnel === 'PPTP') state.pptp = true;
    else if (tunnel === 'L2TP' || tunnel === 'L2X') state.l2tp = true;
    return step('vpdnEvent', { text: m[5]! });
  }),
  fallback(/^(\S+ )?(?:PPP|PPP LCP|LCP|CCP|IPCP|CHAP|MS-CHAP-V2|MPPE|AUTH|AAA\/\w+|AAA): (.*)$/, (m) => step('iosPppStep', { text: m[2]! })),
  // the router's console around a debug, copied with it: its prompt with the command typed (`Router#debug ppp negotiation`,
  // `Arizona_PNS#show vpdn`, `Router#undebug all`), IOS's answer to a debug command (`PPP protocol negotiation debugging is on`),
  // and the `!--- ` notes Cisco's documents put between a sample's lines. None is a log message; each says what it is.
  // A Cisco ASA prints the same prompt: it counts as the device the line or the rest of the paste shows (console-device.ts)
  // `debug ip packet` (ios-ip-packet.ts)
  ...IOS_IP_PACKET_RULES,
  [CLI_PROMPT, (m) => promptHit(m)],
  [CONFIG_PROMPT, (m) => promptHit(m)],
  // (takes `HQ#clear` too, which CLI_PROMPT took first: a catch-all, never the rule cache's answer)
  fallback(CUT_PROMPT, (m) => (cutPrompt(m[0]) ? promptHit(m) : null)),
  [CONFIG_ANSWER, () => ({ ...tagged(step('iosConfigMode'), NO_LINK), console: {} })],
  [PING_ANSWER, (m) => ({ ...tagged(step('iosPingOutput', { text: m[1]! }), NO_LINK), console: {} })],
  [DEBUG_SWITCHED, (m) => tagged(step(m[2] === 'on' ? 'iosDebugOn' : 'iosDebugOff', { what: m[1]! }), NO_LINK)],
  [ALL_DEBUG_OFF, () => ({ ...tagged(step('iosAllDebugOff'), NO_LINK), console: {} })],
  [CLI_ERROR, () => ({ ...tagged(step('iosCliError'), NO_LINK), console: {} })],
  [DOC_NOTE, (m) => tagged(step('iosDocNote', { text: m[1]! }), NO_LINK)],
  // %CRYPTO-4-IKMP_BAD_MESSAGE: an IKE message that cannot be read after decryption: the pre-shared keys differ (Cisco "IPsec
  // Troubleshooting: Understanding and Using debug Commands", doc 5409, "Pre-Shared Key Mismatch")
  [/^%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from (\S+?)(?::\d+)? failed its sanity check or is malformed$/, (m) => ({ decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed', peer: m[1] })],
  // Cisco IOS System Message Guide: CRYPTO-6-IKMP_MODE_FAILURE "Processing of [chars] mode failed with peer at [IP_address]"
  // ("Negotiation with the peer failed": the lines before it say why), CRYPTO-4-IKMP_NO_SA "IKE message from [IP_address] has no SA
  // and is not an initialization offer" (the other side goes on with a negotiation this router no longer has)
  [/^%CRYPTO-6-IKMP_MODE_FAILURE: Processing of (\w+) mode failed with peer at (\S+?)\.?$/i, (m) => tagged({ decoded: [d('iosIkeModeFailed', { mode: m[1]!, peer: m[2]! })], outcome: 'failure' }, { peer: m[2] })],
  [/^%CRYPTO-4-IKMP_NO_SA: IKE message from (\S+?)(?::\d+)? has no SA and is not an initialization offer\.?$/, (m) => tagged(step('iosIkeNoSa', { peer: m[1]! }, 'warning'), { peer: m[1] })],
  // Cisco IOS system messages RADIUS-4-RADIUS_DEAD "RADIUS server %s is not responding." / RADIUS-4-RADIUS_ALIVE "… is being marked alive."
  [/^%RADIUS-4-RADIUS_DEAD: RADIUS server (\S+?)(?::\d+(?:,\d+)?)? is not responding\.?$/, (m) => ({ decoded: [d('radiusNoReply', { server: m[1]! })], outcome: 'failure', cause: 'radius-unreachable' })],
  [/^%RADIUS-4-RADIUS_ALIVE: RADIUS server \S+ is being marked alive\.?$/, () => step('aaaServerBack')],
  // Cisco IOS System Message Guide, CRYPTO-4-RECVD_PKT_INV_SPI "decaps: rec'd IPSEC packet has invalid spi for destaddr=…, prot=…,
  // spi=…, srcaddr=…": an ESP (or AH) packet for an SA this router does not have (any more) — the two ends' SAs are out of step, as
  // after one side cleared or rebooted (a real IOS-XE console: `clear crypto sa`, then this, then the peer's new Main Mode; a book's
  // copy writes `rec\`d`, its apostrophe a backtick); it heals
  // when the other side negotiates again (`crypto isakmp invalid-spi-recovery` lets IOS ask it to: Cisco IOS Security Command Reference)
  [/^%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec[\x60'\u2019]d IPSEC packet has invalid spi for destaddr=\S+?, prot=(\d+), spi=(0x[0-9A-Fa-f]+)(?:\(\d+\))?, srcaddr=([0-9A-Fa-f.:]+)\b.*$/, (m) => tagged(step('iosInvalidSpi', { peer: m[3]!, spi: m[2]!, proto: m[1] === '51' ? 'AH' : 'ESP' }, 'warning'), { peer: m[3] })],
  // Cisco IOS System Message Guide, CRYPTO-4-RECVD_PKT_NOT_IPSEC "Rec'd packet not an IPSEC packet": a packet this router's crypto
  // policy says must come encrypted came in the clear from the other side (its policy or its SA differs) — a warning naming it
  [/^%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec[\x60'\u2019]d packet not an IPSEC packet\.? \(ip\) vrf\/dest_addr= ?\/?\S*?, src_addr= ?([0-9A-Fa-f.:]+), prot= ?(\d+)\s*$/, (m) => tagged(step('iosPktNotIpsec', { peer: m[1]!, proto: m[2]! }, 'warning'), { peer: m[1] })],
  // CRYPTO-5-IKMP_AG_MODE_DISABLED "Unable to initiate or respond to Aggressive Mode while disabled" (`crypto isakmp aggressive-mode
  // disable`, Cisco IOS Security Command Reference): an IKEv1 Aggressive Mode offer refused by this router's setting
  [/^%CRYPTO-5-IKMP_AG_MODE_DISABLED: Unable to initiate or respond to Aggressive Mode while disabled\.?\s*$/, () => ({ decoded: [d('iosAggressiveModeDisabled')], outcome: 'failure' })],
  // any other system message, also the CRYPTO/RADIUS ones the rules above decode (a fallback: never the rule cache's answer)
  fallback(/^%([A-Z0-9_]+)-(\d)-([A-Z0-9_]+): (.*)$/, (m) => step('iosSystemMessage', { facility: m[1]!, severity: m[2]!, mnemonic: m[3]!, text: m[4]! })),
  // `debug crypto isakmp` (IOS isakmp.c message texts as the router prints them: ISAKMP_HEAD_TEXT's heads)
  [isakmp(String.raw`(Encryption algorithm|Hash algorithm|Diffie-Hellman group|Authentication method|Lifetime|Life ?type|Key length) offered does not match policy!$`, 'i'), (m) => step('iosIsakmpAttrRefused', { what: m[1]! }, 'warning')],
  [isakmp(String.raw`atts are not acceptable\. Next payload is \d+$`), () => step('iosIsakmpTransformRefused', undefined, 'warning')],
  [isakmp(String.raw`(?:no offers accepted!|phase 1 SA policy not acceptable!.*)$`), () => ({ decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' })],
  // the other side's NO_PROPOSAL_CHOSEN notify (RFC 2408 §3.14.1, type 14): protocol 1 = ISAKMP (phase 1), 3 = ESP (phase 2); IOS-XE
  // prints the notify's `spi …, message ID = …` on an indented line under it, joined to it (detect.ts continues)
  [isakmp(String.raw`processing NOTIFY (?:PROPOSAL_NOT_CHOSEN|NO_PROPOSAL_CHOSEN) protocol (\d+)${NOTIFY_TAIL}$`), (m) => ({ decoded: [d('iosIsakmpPeerNoProposal', { phase: m[1] === '1' ? 1 : 2 })], outcome: 'failure', cause: 'ike-no-proposal' })],
  // this router's own NO_PROPOSAL_CHOSEN to the other side (the lines before it say which part it refused)
  [isakmp(String.raw`Sending NOTIFY (?:PROPOSAL_NOT_CHOSEN|NO_PROPOSAL_CHOSEN) protocol (\d+)${NOTIFY_TAIL}$`), (m) => step('iosIsakmpSentNoProposal', { phase: m[1] === '1' ? 1 : 2 }, 'warning')],
  ...IOS_PHASE2_RULES,
  // "No pre-shared key with <peer>!" (then "No Cert or pre-shared address key."): no `crypto isakmp key … address` or keyring entry
  // covers that address, so this router can neither start nor answer Main Mode with it (an IOS-XE spoke whose key for the hub was
  // missing, search index file 20666743554; the author's `<-- This is the error` after it allowed). A setting of this router, not
  // a wrong key typed on the other side: a failure without a PC-side cause, as the ASA's missing crypto map (asa.ts 713061)
  [isakmp(String.raw`No pre-shared key with (\S+?)!?(?:\s+<--.*)?\s*$`), (m) => tagged({ decoded: [d('iosNoPskForPeer', { peer: m[1]! })], outcome: 'failure' }, { peer: m[1] })],
  [isakmp(String.raw`No Cert or pre-shared address key\.?\s*$`), () => step('iosNoKeyOrCert', undefined, 'warning')],
  [isakmp(String.raw`SA has been authenticated with (\S+)$`), (m) => tagged(step('iosIsakmpAuthenticated', { peer: m[1]! }, 'success'), { peer: m[1] })],
  [isakmp(String.raw`Old State = \.?(\S+)[ \t]+New State = (\S+)\s*$`), (m) => step('iosIsakmpState', { from: m[1]!, to: m[2]! })],
  ...IOS_ISAKMP_RULES,
  ...IOS_IPSEC_RULES,
  // `show crypto ipsec sa` typed after the debug (ios-show-ipsec-sa.ts)
  ...IOS_SHOW_IPSEC_SA_RULES,
  // any other ISAKMP debug line: an IKE event as printed (a catch-all: never the rule cache's answer)
  fallback(isakmp(String.raw`(.*?)\s*$`), (m) => step('iosIsakmp', { text: m[1]! })),
  // `debug crypto ikev2` (ios-ikev2.ts)
  ...IOS_IKEV2_RULES,
  // `debug crypto pki` (ios-pki.ts): the router's check of the other side's certificate
  ...IOS_PKI_RULES,
];

// what claims looks for, as module constants: a regex literal in a function is a new RegExp object per call, and claims runs for every record no program tag names
const PPP_STEP_HEAD = /^(?:\S+ )?(?:AUTH|LCP|CCP|IPCP|IPV6CP|PPP|PPP LCP|PPP DISC|CHAP|MS-CHAP-V2|MS-CHAP|PAP|EAP|MPPE|VPDN|L2X|AAA(?:\/\w+)?):/;
// `Tnl/Sn 4875/19 L2TP: …`: an L2TP session's lines name tunnel and session (assumed from Cisco's L2TP debug samples; no real copy here)
const TUNNEL_HEAD = /^(?:\S+ )?Tnl(?:\/(?:Cl|Sn))? \d/;
const SYSTEM_MESSAGE_HEAD = /^%[A-Z0-9_]+-\d-/;
/**
 * The same message with no header at all (a router without `service timestamps log`, or a book's copy that left them out: `R3#`, then
 * `%HSRP-5-STATECHANGE: FastEthernet0/0.100 Grp 1 state Standby -> Active`, test/fixtures/real/SOURCES.md): facility and mnemonic
 * words (Cisco IOS System Message Guide, "Message Format": `%FACILITY-SEVERITY-MNEMONIC: Message-text`), so an ASA's numeric id
 * (`%ASA-6-113005:`) is never taken for one
 */
const BARE_SYSTEM_MESSAGE = /^%[A-Z][A-Z0-9_]*-[0-7]-[A-Z][A-Z0-9_]*: /;
const ISAKMP_HEAD = /^(?:ISAKMP(?:-PAK|-ERROR)? ?(?::|\(\d+(?::\d+)?\):)|IPSEC\([\w_]+\):|Crypto mapdb : |\(ipsec_\w+\)|CryptoEngine\d+: |CRYPTO_ENGINE: )/;

/**
 * pppd's fsm.c fsm_timeout, `LCP: timeout sending Config-Requests` (also IPCP, CCP): a line of pppd, never of IOS (whose LCP
 * time-out reads `Vi1 LCP: TIMEout: State REQsent`) — left to the pppd family where a copy lost the `pppd[pid]:` tag (pppd run with
 * `nodetach` or `pptpsetup --start`, a status view's tail: bedefaced/vpn-install #14). Asked only of lines PPP_STEP_HEAD took.
 */
const pppdFsmTimeout = (message: string): boolean => message.endsWith('Config-Requests') && /^[A-Z0-9]+: timeout +sending +Config-Requests$/.test(message);

/** the tags `debug crypto isakmp` puts first (IOS-XE 16 adds `ISAKMP-PAK:` for packets and `ISAKMP-ERROR:`) */
const ISAKMP_TAGS = new Set(['ISAKMP', 'ISAKMP-PAK', 'ISAKMP-ERROR', 'IPSEC']);
/** `ISAKMP: text` without a time reads as program ISAKMP: put the tag back */
const textOf = (pre: Prefixed): string => (pre.shape === 'program' && (ISAKMP_TAGS.has(pre.program!) || pre.program === 'IP') ? `${pre.program}: ${pre.message}` : pre.message);
/** `IP: s=…` without a time reads as program IP (no pid): `debug ip packet`'s, put back together by textOf */
const ipPacketProgram = (pre: Prefixed): boolean => pre.program === 'IP' && !pre.pid && (pre.message.startsWith('s=') || pre.message.startsWith('tableid='));

export const iosFamily: FamilyParser = {
  family: 'ios',
  claims(pre: Prefixed): boolean {
    if (pre.shape === 'program') return (ISAKMP_TAGS.has(pre.program!) && pre.program !== 'IPSEC' && !pre.pid) || ipPacketProgram(pre);
    if (pre.shape !== 'ios' && pre.shape !== 'none') return false;
    if (pre.shape === 'none' && isIpPacketDetail(pre.message)) return true;
    if (pre.shape === 'none' && showIpsecSaClaims(pre.message)) return true;
    // (not returned when false: IOS's own `% Invalid input …` answer starts with `%` too, CLI_ERROR's below)
    if (pre.shape === 'none' && pre.message.charCodeAt(0) === 37 /* % */ && BARE_SYSTEM_MESSAGE.test(pre.message)) return true;
    if (pre.shape === 'none' && (CLI_PROMPT.test(pre.message) || cutPrompt(pre.message) !== null || CONFIG_PROMPT.test(pre.message) || CONFIG_ANSWER.test(pre.message) || PING_ANSWER.test(pre.message) || DEBUG_SWITCHED.test(pre.message) || ALL_DEBUG_OFF.test(pre.message) || CLI_ERROR.test(pre.message) || DOC_NOTE.test(pre.message) || SHOW_ISAKMP_SA_HEAD.test(pre.message) || SHOW_ISAKMP_SA_ROW.test(pre.message))) return true;
    return isIpPacketLine(pre.message) || (PPP_STEP_HEAD.test(pre.message) && !pppdFsmTimeout(pre.message)) || PPP_PLATFORM_HEAD.test(pre.message) || TUNNEL_HEAD.test(pre.message) || ISAKMP_HEAD.test(pre.message) || (pre.shape === 'ios' && (SYSTEM_MESSAGE_HEAD.test(pre.message) || RADIUS_HEAD.test(pre.message))) || ikev2Claims(pre.message) || pkiClaims(pre.message) || (pre.shape === 'ios' && iosPppoeClaims(pre.message)) || iosClassicPppClaims(pre.message);
  },
  parse(pre, state) {
    const text = iosClassicText(textOf(pre).trim());
    const wasRouter = state.iosPeerIsRouter === true;
    noteIkeSide(text, state);
    const hit = applyRules(RULES, text, pre, state);
    roleSiteOnFirstSign(hit, wasRouter, state);
    // an IKE cause in the log of a router that initiated, or answered another router: worded for that side (ios-crypto.ts noteIkeSide)
    if (hit && (hit.cause === 'ike-no-proposal' || hit.cause === 'ike-auth-failed')) {
      const role = ikeRoleOf(state);
      // (the pre-shared key text names the PC and the server: between two routers, or from the side that started, it names the two sides)
      if (role) hit.decoded = hit.decoded.map((dd) => wordForSide(dd, role));
      // (no sign yet: a later one — `show crypto ipsec sa`'s networks, Quick Mode's proxies — words it then)
      else awaitSide(hit.decoded, state);
    }
    return hit;
  },
};
