import { applyRules, d, msChapErrorOf, step, tagged, type FamilyState, type Hit, type Rule, withRole } from '../kit';
import type { Prefixed } from '../prefix';
import { mpdOptionParts, mpdOptionType } from '../ppp-option-names';
import { judgeRejects, type RejectedOption } from '../ppp-reject';
import { nakAcked, nakNegotiation, nakOf } from '../ppp-nak-loop';

/**
 * mpd5, the netgraph PPP daemon of FreeBSD that pfSense and OPNsense run for their PPTP, L2TP and PPPoE servers (and PPPoE
 * clients). Its syslog ident is set with `-s`: pfSense starts it as `l2tps`, `pptps`, `poes` (servers) and `ppp` (its WAN client),
 * OPNsense and BSDRP as `ppp`, by hand it is `mpd`. Every line of a link or bundle starts with its name in brackets
 * (`[l2tp0] LCP: SendConfigReq #1`, log.c); a packet's options follow on lines of their own (`[L-1]   MRU 1500`; mpd 5.5 and older
 * wrote them without the head). Texts as mpd's sources write them (the mpd repository's src/: fsm.c, lcp.c, chap.c ChapInput /
 * ChapInputFinish, pap.c, auth.c AuthAsync / AuthFailMsg, radius.c RadiusSendRequest, ipcp.c, ccp_mppc.c MppcDecodeConfigReq,
 * l2tp.c, pptp_ctrl.c, link.c LinkDown); wordings seen only in real logs are marked so.
 *
 * Side: mpd authenticates the other side as a server ("LCP: auth: peer wants nothing, I want CHAP") and is authenticated as a
 * client ("peer wants PAP, I want nothing", `CHAP: rec'd CHALLENGE`): on a client's log (the pfSense/OPNsense WAN) the other side
 * is the server, and the statements that name the PC are worded for that (role 'initiator', describe.ts INITIATOR_WORDED).
 */

/** The idents pfSense, OPNsense, BSDRP and a hand start give mpd (`ppp` is pppd's too: there only a `[link] ` head tells). */
const MPD_IDENTS = /^(?:mpd5?|l2tps|pptps|poes)$/;

/** `[name] rest`: mpd's link or bundle name (`l2tp0`, `L-1`, `opt1_link0`, `B-1`, `wan`) */
const HEAD = /^\[([^\]\s]{1,64})\] ?(.*)$/;

/** What mpd writes without a link head: its start, the L2TP/PPTP listeners before a link is chosen, PPPoE discovery. */
const HEADLESS = /^(?:Multi-link PPP daemon for FreeBSD|process \d+ started, version |web: |Incoming (?:L2TP|PPTP|PPPoE) |(?:L2TP|PPTP|PPPoE|RADIUS): |ppp-link(?:up|down): )/;

/** OPNsense's log page row after the time: severity (RFC 5424 §6.2.1's names), process, message */
const GUI_ROW = /^(?:Emergency|Alert|Critical|Error|Warning|Notice|Informational|Debug)[\t ]+(?:ppp|mpd5?|l2tps|pptps|poes)[\t ]+(.*)$/;

export interface MpdView {
  /** the link or bundle name of the head, when the line has one */
  link?: string;
  /** the message without the head, trimmed */
  text: string;
}

/**
 * The message of an mpd line, when the record is mpd's: by its ident, or a `ppp` ident with a link head (pppd never starts a
 * message with `[`) or one of mpd's head-less lines. A mailing-list copy of an OPNsense log put APP-NAME and PROCID of its RFC 5424
 * lines after the time, `Aug 6 02:03:47 ppp 31322 [wan_link0] …` (read as host `ppp` and a message starting with the pid).
 */
export function mpdView(pre: Prefixed): MpdView | undefined {
  let message = pre.message;
  const program = pre.program;
  let ident = program !== undefined && MPD_IDENTS.test(program);
  if (program === undefined && pre.shape === 'iso' && pre.host === undefined) {
    // OPNsense's log page copied: its columns time, severity, process and message joined by tabs
    // (`2025-05-08T08:12:37\tNotice\tppp\t [wan_link0] LCP: Down event`, opnsense/core #8621)
    const m = GUI_ROW.exec(message);
    if (!m) return undefined;
    message = m[1]!;
    ident = true;
  } else if (program === undefined && (pre.host === 'ppp' || (pre.host !== undefined && MPD_IDENTS.test(pre.host)))) {
    const m = /^\d+ (.*)$/.exec(message);
    if (!m) return undefined;
    message = m[1]!;
    ident = true;
  } else if (!ident && program !== 'ppp') return undefined;
  const head = message.charCodeAt(0) === 91 /* [ */ ? HEAD.exec(message) : null;
  if (head) return { link: head[1], text: head[2]!.trim() };
  const text = message.trim();
  if (ident || HEADLESS.test(text)) return { text };
  return undefined;
}

/** fsm.c FsmCodeName (`rec'd Configure Request #1 (Req-Sent)`) and the Send… of fsm.c FsmOutput, as pppd's short names */
const CODES: Readonly<Record<string, string>> = {
  'Configure Request': 'ConfReq', 'Configure Ack': 'ConfAck', 'Configure Nak': 'ConfNak', 'Configure Reject': 'ConfRej',
  'Terminate Request': 'TermReq', 'Terminate Ack': 'TermAck', 'Code Reject': 'CodeRej', 'Protocol Reject': 'ProtRej',
  'Echo Request': 'EchoReq', 'Echo Reply': 'EchoRep', 'Discard Request': 'DiscReq', Ident: 'Ident', 'Time Remaining': 'TimeRem',
  'Reset Request': 'ResetReq', 'Reset Ack': 'ResetAck',
  ConfigReq: 'ConfReq', ConfigAck: 'ConfAck', ConfigNak: 'ConfNak', ConfigRej: 'ConfRej', TerminateReq: 'TermReq', TerminateAck: 'TermAck',
  CodeRej: 'CodeRej', ProtoRej: 'ProtRej', EchoReq: 'EchoReq', EchoRep: 'EchoRep', ResetReq: 'ResetReq', ResetAck: 'ResetAck',
};

/** lcp.c's names of the Authentication-Protocol option's value (the CHAP algorithm after CHAP, RFC 1994 §3, RFC 2759) */
const AUTH_NAMES: Readonly<Record<string, string>> = { 'CHAP MD5': 'CHAP', 'CHAP MSOFT': 'MS-CHAP', 'CHAP MSOFTv2': 'MS-CHAP-v2', PAP: 'PAP', EAP: 'EAP' };

interface Last {
  proto: string;
  code: string;
  dir: 'in' | 'out';
}

/*
 * What mpd's lines leave in the family's state, per daemon (its ident: pfSense runs its WAN client as `ppp` and its servers as
 * `l2tps`, `pptps`, `poes`, often into one log) and per link: `mpdKey` and `mpdLink` are the current line's (readMpd).
 * The last packet per link, and of any link for the option lines mpd 5.5 and older wrote without a head.
 */
const lastOf = (s: FamilyState): Last | undefined => (s.mpdLink !== undefined ? (s[`mpdLast:${String(s.mpdLink)}`] as Last | undefined) : undefined) ?? (s.mpdLastAny as Last | undefined);
/** the side's role value: on a client's log the other side is the server (see the module's comment) */
const side = (s: FamilyState): { role: string } | undefined => (s[`mpdClient:${String(s.mpdKey)}`] === true ? { role: 'initiator' } : undefined);
const asClient = (s: FamilyState): void => {
  s[`mpdClient:${String(s.mpdKey)}`] = true;
};
const userOf = (s: FamilyState): string | undefined => s[`mpdUser:${String(s.mpdLink)}`] as string | undefined;
const methodOf = (s: FamilyState): string => (s[`mpdAuth:${String(s.mpdLink)}`] as string | undefined) ?? 'CHAP';

/** a packet line: remembered, so the option lines after it are read as its options */
function packet(proto: string, codeName: string, id: string, dir: 'in' | 'out', s: FamilyState): Hit {
  const code = CODES[codeName] ?? codeName;
  const last: Last = { proto, code, dir };
  s.mpdLastAny = last;
  if (s.mpdLink !== undefined) s[`mpdLast:${String(s.mpdLink)}`] = last;
  // (a Configure-Ack ends that way's Naks; a Configure-Request's options are remembered from its option lines: nakStep)
  if (code === 'ConfAck') nakAcked(nakNegotiation(nakKey(proto, s), s), dir);
  return { decoded: [d('packet', { dir, proto, code, id, options: '', ...side(s) })], outcome: 'info' };
}

/**
 * An option line under a packet (fsm.c FsmDecodeBuffer: the option's name and value, `  AUTHPROTO CHAP MSOFTv2`; ccp_mppc.c
 * writes the MPPC option's bits under it, `    0x01000040:MPPE(128 bits), stateless`). What it means depends on the packet
 * above it: the auth protocol the PC rejected, the MPPE bits one side refused, the address the server would not give.
 */
function option(text: string, s: FamilyState): Hit {
  const last = lastOf(s);
  const bits = /^0x([0-9a-f]{8}):/i.exec(text);
  const mppe = bits ? parseInt(bits[1]!, 16) >>> 0 : undefined;
  // (ipcp.c: the IP-Compression-Protocol option, RFC 1332 §4 — Van Jacobson TCP/IP header compression, RFC 1144, its slots)
  const vj = /^COMPPROTO VJCOMP, (\d+) comp\. channels, (no )?comp-cid$/.exec(text);
  const hit = mppe !== undefined ? step('mpdMppcBits', { bits: bits![0].slice(0, -1), mppe }) : vj ? step('mpdVjComp', { slots: vj[1]! }) : step('mpdOption', { option: text });
  if (!last) return hit;
  if (last.code === 'ConfReq' || last.code === 'ConfNak') nakStep(last, text, hit, s);
  // the log-in method both sides agreed on (an acknowledged LCP Authentication-Protocol option, lcp.c): its name for the log-in lines
  if (last.proto === 'LCP' && last.code === 'ConfAck' && text.startsWith('AUTHPROTO ')) s[`mpdAuth:${String(s.mpdLink)}`] = AUTH_NAMES[text.slice(10)] ?? text.slice(10);
  if (last.code === 'ConfRej') rejected(last, text, mppe, hit, s);
  return hit;
}

/** one mpd negotiation: its daemon, its link and the protocol (mpd numbers no process per call) */
const nakKey = (proto: string, s: FamilyState) => `mpd ${String(s.mpdKey)} ${String(s.mpdLink)} ${proto}`;

/**
 * An option line under a Configure-Request (its value remembered) or a Configure-Nak (counted: the loop's statement at its NAK_LOOP-th
 * Nak, ppp-nak-loop.ts, the one threshold of every PPP dump). The option's name as mpd's table has it (ppp-option-names.ts mpdOptionParts:
 * `MRU 1400`, `MP MRRU 1600`, `MP SHORTSEQ`).
 */
function nakStep(last: Last, text: string, hit: Hit, s: FamilyState): void {
  const { name, value } = mpdOptionParts(last.proto, text);
  const n = nakNegotiation(nakKey(last.proto, s), s);
  if (last.code === 'ConfReq') {
    n.asked[last.dir].set(name, value);
    return;
  }
  const { loop } = nakOf(n, last.dir, name, name, value);
  if (loop) {
    hit.decoded.push(loop);
    hit.outcome = 'warning';
  }
}

/**
 * An option line under a Configure-Reject, judged and said by ppp-reject.ts (the same verdict as pppd's dump and IOS's option
 * lines). The MPPC option comes on two lines, its name (`MPPC`) and its bits under it (ccp_mppc.c, `0x01000040:MPPE(128 bits),
 * stateless`): judged on the bits. MppcDecodeConfigReq rejects the other side's MPPC option when none of its bits is acceptable
 * here — MPPE off, or no MS-CHAP log-in gave keys (MppcKeyAvailable): said after the verdict. On a client's link (the pfSense/
 * OPNsense WAN, `side`) mpd is the router logging in to a server: its own link, no PC involved.
 */
function rejected(last: Last, text: string, mppe: number | undefined, hit: Hit, s: FamilyState): void {
  if (mppe !== undefined && last.proto !== 'CCP') return;
  const type = mppe !== undefined ? 18 : mpdOptionType(last.proto, text);
  if (last.proto === 'CCP' && type === 18 && mppe === undefined) return;
  // (named without what mpd writes after a comma, `COMPPROTO VJCOMP, 16 comp. channels, no comp-cid`: the option line says that)
  const comma = text.indexOf(', ');
  const named = comma < 0 || mppe !== undefined ? text : text.slice(0, comma);
  const { value } = mpdOptionParts(last.proto, named);
  const option: RejectedOption = { text: named, type, ...(value ? { value } : {}), ...(mppe !== undefined ? { mppe } : {}) };
  const here = last.dir === 'out';
  const role = side(s);
  // (mpd's own default is the server's side, a pfSense/OPNsense L2TP or PPTP server: the PC on the other side)
  judgeRejects(hit, last.proto, [option], { refusedHere: here, ownLink: role !== undefined, role: role ? 'initiator' : 'server' });
  if (here && hit.decoded.some((dd) => dd.key === 'rejectEncryptionHere')) hit.decoded.push(d('mpdMppeRefused'));
}

/**
 * auth.c AuthStatusText: what an authentication back end answered — `undefined` is no verdict: the back end (INTERNAL, the
 * mpd.secret file) gave the password, and chap.c / pap.c compare it next; `fail` a refusal (RADIUS: Access-Reject, or no answer)
 */
function backendSaid(backend: string, status: string): Hit {
  // (chap.c's own line sums the back ends up: none decided, so it compares the password now)
  if (status === 'undefined') return backend === 'mpd' ? step('mpdAuthStatusPassword') : step('mpdAuthBackendPassword', { backend });
  if (status === 'success') return step('mpdAuthBackendOk', { backend }, 'success');
  if (status === 'fail') return step('mpdAuthBackendFail', { backend }, 'warning');
  return step('mpdAuthBackend', { backend, status });
}

const housekeeping = (m: RegExpMatchArray): Hit => step('mpdHousekeeping', { text: m[0] });

const RULES: Rule[] = [
  // fsm.c: a control protocol's state machine (RFC 1661 §4.2 states, mpd's spelling)
  // (LCP leaving Opened other than to close — RFC 1661 §4.1: Down to Starting, a Configure-Request received to Req-Sent/Ack-Sent — is
  // the link lost below PPP or renegotiated; an orderly end goes to Stopping or Closing)
  [/^(\w+): state change (\S+) --> (\S+)$/, (m) => {
    if (m[1] === 'LCP' && m[2] === 'Opened' && /^(?:Starting|Req-Sent|Ack-Sent)$/.test(m[3]!)) return step('mpdLcpLeftOpened', { to: m[3]! }, 'warning');
    return step('mpdState', { proto: m[1]!, from: m[2]!, to: m[3]! }, m[3] === 'Opened' && (m[1] === 'LCP' || m[1] === 'IPCP') ? 'success' : 'info');
  }],
  [/^(\w+): rec'd ([A-Z][A-Za-z]*(?: [A-Z][a-z]+)?) #(\d+) \(([\w-]+)\)$/, (m, _p, s) => packet(m[1]!, m[2]!, m[3]!, 'in', s)],
  [/^(\w+): Send(\w+) #(\d+)$/, (m, _p, s) => packet(m[1]!, m[2]!, m[3]!, 'out', s)],
  // lcp.c LcpLayerUp: which side authenticates whom — "I want X" is this side asking the other to log in (a server), "peer wants X"
  // the other side asking this one (a client)
  [/^LCP: auth: peer wants (\S+), I want (\S+)$/, (m, _p, s) => {
    if (m[2] !== 'nothing') return step('mpdAuthAsked', { method: m[2]! });
    if (m[1] !== 'nothing') asClient(s);
    return step('mpdOwnAuthAsked', { method: m[1]! });
  }],
  // chap.c ChapOutput / ChapInput ("CHAP: sending CHALLENGE #1 len: 28"; mpd 5.5 and older "sending CHALLENGE len:20")
  [/^(CHAP|PAP|EAP): (sending|rec'd) (CHALLENGE|RESPONSE|SUCCESS|FAILURE|REQUEST|ACK|NAK)(?: #(\d+))?(?: len: ?\d+)?$/, (m, _p, s) => {
    const dir = m[2] === 'sending' ? 'out' : 'in';
    const code = m[3]!;
    // a challenge received, or a request sent: this side logs in (RFC 1994 §4.1, RFC 1334 §2.2)
    if ((dir === 'in' && code === 'CHALLENGE') || (dir === 'out' && code === 'REQUEST')) asClient(s);
    const hit = packet(m[1]!, code[0] + code.slice(1).toLowerCase(), m[4] ?? '-', dir, s);
    if (dir === 'in' && (code === 'FAILURE' || code === 'NAK')) {
      // the server refused this side's log-in; its message (MESG: E=691 …) follows
      hit.decoded.push(d('ownLoginRejected', { method: m[1]!, role: 'initiator' }));
      hit.outcome = 'failure';
      hit.cause = 'credentials-rejected';
      hit.code = 691;
    } else if (dir === 'in' && (code === 'SUCCESS' || code === 'ACK')) {
      hit.decoded.push(d('step.pppOwnLoginOk', { method: m[1]! }));
      hit.outcome = 'success';
    }
    return hit;
  }],
  // chap.c ChapParsePkt: the name in a Response (the user) or a Challenge (the server's name)
  [/^Name: "(.*)"$/, (m, _p, s) => {
    const last = lastOf(s);
    if (last?.proto === 'CHAP' && last.code === 'Response') {
      s[`mpdUser:${String(s.mpdLink)}`] = m[1]!;
      return tagged(step('mpdUserName', { user: m[1]! }), { user: m[1] });
    }
    return step('mpdServerName', { name: m[1]! });
  }],
  // lcp.c (Ident) and chap.c ShowMesg: the text of an LCP Identification, or of the server's CHAP Success/Failure
  [/^MESG: (.*)$/, (m, _p, s) => {
    const last = lastOf(s);
    if (last?.proto === 'LCP' && last.code === 'Ident' && /^MSRAS/.test(m[1]!)) return { decoded: [d('windowsRasIdent', { ident: m[1]!, ...side(s) })], outcome: 'info' };
    const e = msChapErrorOf(m[1]!);
    if (last?.code === 'Failure' && e !== undefined) return { decoded: [d('ownLoginRejectedCode', { method: last.proto, code: e, role: 'initiator' })], outcome: 'failure', cause: 'credentials-rejected', code: e };
    return step('mpdMessage', { text: m[1]! });
  }],
  // auth.c AuthAsync: the back ends tried in turn and what each answered (AuthStatusText: undefined — the password is compared
  // next, by chap.c — success, fail, busy)
  [/^AUTH: (\w+) returned:? (\w+)$/, (m) => backendSaid(m[1]!, m[2]!)],
  [/^(?:CHAP|PAP|EAP): Auth return status: (\w+)$|^CHAP: ChapInputFinish: status (\w+)$/, (m) => backendSaid('mpd', (m[1] ?? m[2])!)],
  // chap.c ChapInputFinish: the response checked against the password
  [/^(?:CHAP: )?Response is valid$/, (_m, _p, s) => tagged(step('pppUserLoggedIn', { method: methodOf(s), user: userOf(s) ?? '?' }, 'success'), { user: userOf(s) })],
  [/^CHAP: Invalid response$/, (_m, _p, s) => tagged({ decoded: [d('peerAuthFailed', { user: userOf(s) ?? '?', method: methodOf(s) })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: userOf(s) })],
  // ChapInputFinish: the message sent with the Success (MS-CHAP v2 "S=…", else a welcome) or with the Failure — AuthFailMsg's
  // MS-CHAP "E=691 R=0 M=…" (E=646 restricted hours, 647 account disabled, 649 no dial-in permission) or a RADIUS Reply-Message
  [/^(?:CHAP: )?Reply message: (.*)$/, (m) => {
    const e = msChapErrorOf(m[1]!);
    if (e !== undefined) return { decoded: [d('chapFailureCode', { code: e })], outcome: 'failure', cause: 'credentials-rejected', code: e };
    return step('mpdHousekeeping', { text: m[0] });
  }],
  // radius.c RadiusSendRequest: the RADIUS server's answer, or none (rad_strerror: libradius gives up on every server)
  [/^RADIUS: Rec'd RAD_ACCESS_(ACCEPT|REJECT|CHALLENGE) for user '(.*)'$/, (m) => {
    if (m[1] === 'REJECT') return tagged({ decoded: [d('peerAuthFailed', { user: m[2]!, method: 'RADIUS' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: m[2] });
    return tagged(step('mpdRadiusAnswer', { user: m[2]! }, m[1] === 'ACCEPT' ? 'success' : 'info'), { user: m[2] });
  }],
  [/^RADIUS: rad_send_request for user '(.*)' failed: (.*)$/, (m) => /time|no valid radius responses/i.test(m[2]!)
    ? tagged({ decoded: [d('radiusNoReply', { server: '' }), d('step.mpdMessage', { text: m[2]! })], outcome: 'failure', cause: 'radius-unreachable' }, { user: m[1] })
    : tagged(step('mpdRadiusError', { error: m[2]! }, 'warning'), { user: m[1] })],
  // (the user as the peer sent it, a blank in it too: the `: N seconds` after it ends it)
  [/^AUTH: Accounting data for user (.+?): (\d+) seconds, (\d+) octets in, (\d+) octets out$/, (m) => tagged(step('mpdAccounting', { user: m[1]!, seconds: Number(m[2]), in: Number(m[3]), out: Number(m[4]) }), { user: m[1] })],
  // ipcp.c IpcpLayerUp: "<this side's address> -> <the other side's>" (IPV6CP: the interface ids)
  [/^(\d+\.\d+\.\d+\.\d+) -> (\d+\.\d+\.\d+\.\d+)$/, (m, _p, s) => ({ decoded: [d('step.localIp', { address: m[1]!, ...side(s) }), d('step.remoteIp', { address: m[2]!, ...side(s) })], outcome: 'success' })],
  [/^[0-9a-f:]+ -> [0-9a-f:]+$/i, housekeeping],
  // ipcp.c IpcpLayerStart: the PC's address from the pool, or none left (ippool.c IPPoolGet)
  [/^IPCP: Got IP (\S+) from pool "(.*)" for peer$/, (m) => step('mpdPoolAddress', { address: m[1]!, pool: m[2]! }, 'success')],
  [/^IPCP: Can't get IP from pool "(.*)"(?: for peer)?$/, (m) => ({ decoded: [d('noAddressLeft', { address: '' }), d('step.mpdPoolEmpty', { pool: m[1]! })], outcome: 'failure', cause: 'address-pool' })],
  // ipcp.c IpcpDecodeConfig: the answer to the other side's proposal
  [/^NAKing with (\S+)$/, (m) => step('mpdNak', { value: m[1]! })],
  [/^(\S+) is OK$/, (m) => step('mpdValueOk', { value: m[1]! })],
  // lcp.c LcpRecvProtoRej: the other side does not run a protocol this side started. CCP is PPP's encryption (MPPE): inside L2TP/IPsec
  // Windows rejects it, as IPsec encrypts already; elsewhere the link has no encryption then
  [/^LCP: protocol (\S+) was rejected$/, (m, _p, s) => {
    if (m[1] !== 'CCP') return step('mpdProtoRejected', { proto: m[1]!, role: side(s) ? 'initiator' : 'server' });
    if (s.l2tp === true) return step('mpdCcpRejectedL2tp');
    return { decoded: [d('protRejCcp', side(s))], outcome: 'failure', cause: 'pc-refused-encryption' };
  }],
  [/^(\w+): protocol was rejected by peer$/, housekeeping],
  [/^rec'd unexpected protocol (\S+), rejecting$/, (m) => step('mpdUnexpectedProtocol', { proto: m[1]! })],
  // L2TP (l2tp.c, l2tp_ctrl.c): the tunnel (control connection) and the call (one PPP session in it)
  [/^Incoming (L2TP|PPTP) packet from (\S+) (\d+)$/, (m, _p, s) => {
    s[m[1] === 'L2TP' ? 'l2tp' : 'pptp'] = true;
    return tagged(step('mpdIncoming', { proto: m[1]!, peer: m[2]!, port: m[3]! }), { peer: m[2] });
  }],
  // pptp_ctrl.c PptpCtrlListenEvent (LG_PHYS2)
  [/^PPTP: Incoming control connection from (\S+) (\d+) to (\S+) (\d+)$/, (m, _p, s) => {
    s.pptp = true;
    return tagged(step('mpdIncoming', { proto: 'PPTP', peer: m[1]!, port: m[2]! }), { peer: m[1] });
  }],
  [/^L2TP: Control connection (0x[0-9a-f]+)(?: \S+ \d+ <-> \S+ \d+)? (connected|destroyed)$/, (m, _p, s) => {
    s.l2tp = true;
    return step(m[2] === 'connected' ? 'mpdL2tpTunnelUp' : 'mpdHousekeeping', { text: m[0] }, m[2] === 'connected' ? 'success' : 'info');
  }],
  // the tunnel's end: the StopCCN result code and text (RFC 2661 §4.4.2), as mpd logs them
  [/^L2TP: Control connection (0x[0-9a-f]+) terminated: (\d+) \((.*)\)$/, (m) => step('mpdL2tpTunnelEnd', { code: m[2]!, reason: m[3]! })],
  [/^L2TP: Incoming call #(\d+) via (?:control )?connection (0x[0-9a-f]+) (received|accepted|initiated)$/, (m, _p, s) => {
    s.l2tp = true;
    return step('mpdL2tpCallIn', { call: m[1]! });
  }],
  [/^L2TP: Call #(\d+) connected$/, (m) => step('mpdL2tpCallUp', { call: m[1]! }, 'success')],
  [/^L2TP: Call #(\d+) terminated (locally|remotely)$/, (m) => step(m[2] === 'locally' ? 'mpdL2tpCallEndLocal' : 'mpdL2tpCallEndRemote', { call: m[1]! })],
  // link.c LinkDown, LinkOpen …: the link's events (its reason is on the line before: the L2TP call's or PPPoE's end)
  [/^[Ll]ink: DOWN event$/, () => step('mpdLinkDown')],
  // (a link that dials, link.c LinkDown's redial, phys.c PhysGetOriginate "local", a PPPoE client's discovery: this side is the client)
  [/^Link: reconnection attempt (\d+)(?: in (\d+) seconds)?$/, (m, _p, s) => {
    asClient(s);
    return m[2] !== undefined ? step('mpdRedialIn', { n: m[1]!, s: m[2] }) : step('mpdRedial', { n: m[1]! });
  }],
  [/^(?:[Ll]ink: origination is local|L2TP: Initiating control connection .*)$/, (m, _p, s) => {
    asClient(s);
    return housekeeping(m);
  }],
  // pppoe.c PppoeOpen: a link that dials sends ng_pppoe its NGM_PPPOE_CONNECT with the service name (`''`: any), and ng_pppoe broadcasts
  // the PADI (RFC 2516 §5.1); an access concentrator's link only listens (PppoeListen). The AC's name comes back in its PADO: ng_pppoe
  // passes it up as NGM_PPPOE_ACNAME on PADO reception only (its send_acname), which pppoe.c PppoeCtrlReadEvent logs without the link's
  // name — both say this side is the PPPoE client (a pfSense / OPNsense WAN, `[wan_link0]`, `[opt2_link0]`)
  [/^PPPoE: Connecting to '(.*)'$/, (m, _p, s) => {
    asClient(s);
    return step('mpdPppoeConnecting', { service: m[1]! });
  }],
  [/^PPPoE: rec'd ACNAME "(.*)"$/, (m, _p, s) => {
    asClient(s);
    return step('mpdPppoeAcName', { name: m[1]! });
  }],
  [/^Link: giving up after (\d+) reconnection attempts$/, (m) => step('mpdGiveUp', { n: m[1]! }, 'warning')],
  // fsm.c FsmEchoTimeout (LG_ECHO): a keep-alive interval (`set link keep-alive <interval> <max>`) went by with no frame at all from
  // the other side, N echo requests in a row unanswered (mpd counts them, quietCount - 1). The count is kept, one value for the log
  // (the last line's daemon, link and count), for the failure that follows
  [/^LCP: no reply to (\d+) echo request\(s\)$/, (m, _p, s) => {
    s.mpdEchoLast = `${String(s.mpdKey)} ${String(s.mpdLink)} ${m[1]!}`;
    return step('mpdEchoNoReply', { n: m[1]! }, 'warning');
  }],
  // fsm.c FsmEchoTimeout → FsmFailure(FAIL_ECHO_TIMEOUT), logged as FsmFailureStr's text (fsm.h: "peer not responding to echo
  // requests"): the max seconds of silence passed, mpd takes the link down (LCP Opened → Stopping). As pppd's "No response to N
  // echo-requests": the link to the other side was lost — the PC on a server's link, the server on a client's (side)
  [/^LCP: peer not responding to echo requests$/, (_m, _p, s) => {
    const last = typeof s.mpdEchoLast === 'string' ? s.mpdEchoLast : '';
    const here = `${String(s.mpdKey)} ${String(s.mpdLink)} `;
    if (last.startsWith(here)) return { decoded: [d('echoTimeout', { n: last.slice(here.length), ...side(s) })], outcome: 'warning' };
    return step('mpdEchoTimeout', undefined, 'warning');
  }],
  // fsm.c FsmRecvConfigReq: the other side's Configure-Request was Nak'ed or rejected once more after the Max-Failure count (5) ran
  // out — the two sides do not agree on an option of that protocol; FsmFailure(FAIL_NEGOT_FAILURE) follows and the protocol goes
  // down (on LCP, the link). Windows says 732, "the PPP negotiation is not converging"; the option lines before it say which
  [/^(\w+): not converging$/, (m) => step('mpdNotConverging', { proto: m[1]! }, 'warning')],
  // ngfunc.c NgFuncDisconnect (LG_ERR): a netgraph hook could not be taken off its node — at a link's end the node is often gone
  // already (ENOENT, "No such file or directory"): cleanup, no fault of the link
  [/^can't remove hook (\S+) from node "(.*)": (.+)$/, (m) => step('mpdHookRemoveFailed', { hook: m[1]!, error: m[3]! })],
  // iface.c (the interface's addresses set and removed as the bundle goes up and down; wording as the real log writes it,
  // opnsense/core #10828 — the source line was not found: assumed to be iface.c's): removing an address the interface no longer
  // has fails with EADDRNOTAVAIL ("Can't assign requested address"), harmless as the link goes down
  [/^IFACE: Removing (IPv4|IPv6) address from (\S+) failed(?:\([^)]*\))?: (.+)$/, (m) => step('mpdIfaceAddressRemoveFailed', { family: m[1]!, iface: m[2]!, error: m[3]! })],
  // OPNsense's link scripts (mpd.conf `set iface up-script /usr/local/opnsense/scripts/interfaces/ppp-linkup.sh`, `down-script
  // …/ppp-linkdown.sh`, as OPNsense writes its mpd_<if>.conf — opnsense/core #9039) log under the tag `ppp`, with their own pid:
  // the firewall's own PPP interface came up or went down, for IPv4 (inet) or IPv6 (inet6)
  [/^ppp-link(up|down): executing on (\S+) for (inet6?)$/, (m) => step(m[1] === 'up' ? 'mpdLinkUpScript' : 'mpdLinkDownScript', { iface: m[2]!, family: m[3] === 'inet6' ? 'IPv6' : 'IPv4' })],
  // pppoe.c: the PPPoE client's discovery got no offer (PADO) in time — no access concentrator answered its PADIs (RFC 2516 §5.1–5.2),
  // a failure of the link as rp-pppoe's `Timeout waiting for PADO packets` is (pppoe-client.ts); no finding: it is this side's own
  // link to its provider, no PC's VPN (vpn.server-unreachable is the PC's VPN server), and its statement says what to check
  [/^PPPoE connection timeout after (\d+) seconds$/, (m) => step('mpdPppoeTimeout', { n: m[1]! }, 'failure')],
  // main.c: the start
  [/^process \d+ started, version (\S+).*$/, (m) => step('mpdStart', { version: m[1]! })],
  [/^Multi-link PPP daemon for FreeBSD$/, () => step('mpdStart', { version: '' })],
  // proxy ARP (iface.c): no interface on the PC's subnet to answer ARP for it — the PC may not reach the LAN
  [/^no interface to proxy arp on for (\S+)$/, (_m, _p, s) => step('noProxyArp', side(s), 'warning')],
  // the rest of mpd's own bookkeeping: events, layers, bundles, interfaces, threads
  [/^(?:\w+: (?:Open|Close|Up|Down) event|\w+: Layer(?:Up|Down|Start|Finish)|[Ll]ink: (?:UP|OPEN|CLOSE) event|[Ll]ink: origination is remote|Link: Matched action .*|Link: (?:Join|Leave) bundle .*|Creating new bundle using template .*|Bundle: Interface \S+ created|Bundle(?: up:|: Status update: up) \d+ links?, total bandwidth \d+ bps|IFACE: (?:Up|Down) event|IFACE: Rename interface \S+ to \S+|IFACE: Add description .*|AUTH: Auth-Thread (?:started|finished normally)|AUTH: Trying \w+|AUTH: Cleanup|LCP: authorization successful|LCP: LayerUp|No NCPs left\. Closing links\.\.\.|(?:opening|closing) link ".*"\.\.\.|error writing len \d+ frame to bypass: .*|(?:CHAP|PAP): [Uu]sing authname ".*"|PPPoE: connection (?:successful|closed)|PPPoE: Set PPP-Max-Payload to .*|PPPoE: rec'd PPP-Max-Payload .*|web: .*)$/, housekeeping],
  // ipcp.c / ccp.c DecodeConfig under a Configure-Request: an option mpd does not take (its table's `supported` FALSE, or a length out
  // of range), which it answers with a Configure-Reject (FsmRej) — that reject's option lines are judged (option())
  [/^(?:Not supported|bogus len=\d+)$/, housekeeping],
  // a packet's option (fsm.c FsmDecodeBuffer; the option names of lcp.c gLcpConfOpts, ipcp.c gIpcpConfOpts, ccp.c gCcpTypeNames,
  // `UNKNOWN[n]` for one without a name) and the MPPC bits under one (ccp_mppc.c)
  [/^(?:ACFCOMP|PROTOCOMP|MRU \d+|MAGICNUM (?:0x)?[0-9a-f]+|AUTHPROTO .+|CALLBACK .*|ACCMAP .*|MP MRRU \d+|ENDPOINTDISC .*|MP SHORTSEQ|QUALPROTO.*|FCSALT.*|VENDOR.*|BACP.*|LCP-EXTENSIONS|IPADDR \S+|IPADDRS(?: .*)?|COMPPROTO .+|(?:PRI|SEC)(?:DNS|NBNS) \S+|MPPC|DEFLATE.*|PRED[12]|BSD.*|STAC.*|LZS-DCP.*|UNKNOWN\[\d+\].*|0x[0-9a-f]{8}:.*)$/i, (m, _p, s) => option(m[0], s)],
];

/**
 * The link a pfSense / OPNsense interface dials out on: its mpd.conf is written per assigned interface (`wan`, `lan`, `optN`) with
 * `create link static {$interface}_link{$pid} <type>` and `set link disable incoming` (OPNsense src/etc/inc/interfaces.inc
 * interface_ppps_configure, the PPPoE, PPTP, L2TP and modem WAN client; pfSense's real WAN log names its link `[opt2_link0]` the
 * same way, fixture mpd5-pfsense-pppoe-client-…): a link so named is the firewall's own uplink, this side the client — whatever its
 * lines say. Their servers' links are templates of other names (`[l2tp0]`, `[L-1]`, `[poes1-0]`). The bundle of such a link is
 * named after the interface alone (`create bundle static wan`, OPNsense's mpd_wan.conf in opnsense/core #9039; `[opt7] IFACE: Down
 * event` before `[opt7_link0] PPPoE: connection closed`, opnsense/core #10828): a bundle so named is the same uplink's.
 */
const WAN_LINK = /^(?:wan|lan|opt\d{1,3})(?:_link\d{1,3})?$/;
export const isWanLink = (link: string): boolean => {
  const c = link.charCodeAt(0);
  return (c === 119 /* w */ || c === 108 /* l */ || c === 111 /* o */) && WAN_LINK.test(link);
};

/** An mpd line: its head cut (the link or bundle is the entry's session), its text read by the rules above. */
export function readMpd(view: MpdView, pre: Prefixed, state: FamilyState): Hit | null {
  state.mpdKey = pre.program ?? pre.host;
  state.mpdLink = view.link;
  // (the first line of an interface's own link: this daemon dials, and that line's statement says so — log-side.ts logWrittenBy)
  const wanSign = view.link !== undefined && isWanLink(view.link) && side(state) === undefined;
  if (wanSign) asClient(state);
  const hit = applyRules(RULES, view.text, pre, state);
  if (wanSign && hit && hit.decoded.length > 0) hit.decoded = [withRole(hit.decoded[0]!, 'initiator'), ...hit.decoded.slice(1)];
  if (hit && view.link !== undefined && hit.session === undefined) hit.session = view.link;
  return hit;
}
