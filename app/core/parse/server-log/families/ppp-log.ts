import { d, msChapErrorOf, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import { decodeOptions, optionText, protocolName, type PppOption } from '../ppp-packet';
import { senderOf, type OptionSign } from '../ppp-sender';
import { judgeRejects, type RejectedOption } from '../ppp-reject';
import type { RejectSide } from '../ppp-reject-side';
import { CHAP_CODES, PPP_CODES } from '../codes/ppp';
import type { Prefixed } from '../prefix';
import type { Cause, Decoded } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';

/**
 * Windows' PPP trace, `%windir%\tracing\ppp.log` (`netsh ras set tracing ppp enabled`; on the PC and on an RRAS server alike).
 * Each packet is a head, its protocol line and a hex dump (Microsoft KB Q256509, "a sample Ppp.log file"):
 *   <PPP packet sent at 03/06/2000 11:51:07:100
 *   <Protocol = PAP, Type = Protocol specific, Length = 0x1b, Id = 0x0, Port =1
 *   <C0 23 01 00 00 19 09 20 5C 73 70 … |.#..... \alfred|
 * `<` marks what this side sent, `>` (or nothing, in the KB's NT 4.0 sample) what it received. Newer Windows put RAS tracing's
 * `[tid] MM-DD hh:mm:ss:mmm: ` header before each line (the rasman shape). The dump starts with the PPP protocol field (RFC 1661
 * §2), then code, id and length (§5): the lines are gathered until the packet is whole, and PAP (RFC 1334 §2.2) and CHAP (RFC 1994
 * §4, MS-CHAP's "E=691 R=1" failure text, RFC 2759 §6) answers are read from it. A PAP request's password is never shown.
 */

const HEAD = /^([<>]?)PPP packet (sent|received) at (\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d):(\d{3})$/;
const PROTOCOL = /^([<>]?)Protocol = ([A-Za-z0-9-]+), Type = ([^,]+), Length = 0x[0-9a-f]+, Id = 0x([0-9a-f]+), Port ?= ?(\d+)$/i;
/**
 * up to 16 bytes, then the dump's text column between bars (the bytes as characters); the padding
 * before the bar may have become tabs (an editor's tabify of a copy: the last byte's blank with it)
 */
const DUMP = /^([<>]?)([0-9A-F]{2}(?: [0-9A-F]{2}){0,15})[ \t]*\|.*\|$/;
/** the trace's phase lines (KB Q256509: "Authenticating phase started"); assumed: the other phases are written alike */
const PHASE = /^(Authenticating|Authentication|LCP|Callback|NCP|Network) phase started$/;

/**
 * NT 4.0's PPP engine between two packets (KB Q256509's sample): its receive loop — the port's state asked (`RasGetInfo returned 0
 * hPort=1, RI_ConnState=2 RI_LastError=0`), a packet read (`Received packet`, `Bytes received in the packet = 46`) and the next read
 * posted (`Posting listen on address e90624`, `RasPortReceive returned 600`: RAS code 600, PENDING, the read waits — normal). The
 * worker's own bookkeeping, nothing about the connection (the wording from that sample; what each value means assumed)
 */
const ENGINE = /^(?:Packet received or line went down in bucket # \d+|RasGetInfo returned \d+ hPort=\d+, RI_ConnState=\d+ RI_LastError=\d+|Received packet|Bytes received in the packet = \d+|Posting listen on address [0-9a-f]+|RasPortReceive returned \d+)$/;

interface Assembling {
  dir: 'sent' | 'received';
  bytes: number[];
  /**
   * the RAS port the packet's protocol line names: one port is one connection (a busy RRAS server's trace interleaves several),
   * so the packet's lines carry it as their session and ppp-got-past.ts follows a reject on its own port only
   */
  port?: string;
}
const KEY = 'pppLog';
const assembling = (state: FamilyState): Assembling | undefined => state[KEY] as Assembling | undefined;

/**
 * A line that can only be this trace's (claims, for lines without the tracing header): a packet head, a protocol line, a dump
 * line, the engine's receive loop (ENGINE). Tested only when the first character can start one (`<`, `>`, `P`, `R`, `B`, a hex digit
 * followed by a hex digit and a space).
 */
export function isPppLogLine(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 60 || c === 62 || c === 80) return HEAD.test(text) || PROTOCOL.test(text) || DUMP.test(text) || (c === 80 && ENGINE.test(text));
  if (text.endsWith(' phase started')) return PHASE.test(text);
  if (c === 82 || c === 66) return ENGINE.test(text); // R, B; a `P` is tested below with the packet head
  const third = text.charCodeAt(2);
  return (third === 32 || third === 9) && DUMP.test(text);
}

/**
 * Which side's trace this is, by the PPP packets themselves (the same trace is written on the PC and on an RRAS server): the
 * packets only the authenticator (the server) or only the peer (the PC that dials) sends, ppp-sender.ts's table — shared with
 * pppd's dump (pppd-role.ts). A trace whose packets say both (two routers that each authenticate the other) is left without a side
 * from then on. Until a packet tells, a RASMAN trace in the same paste that dialled a phone-book entry (rasman.ts) says it is the PC's.
 */
const SIDE = 'pppLogSide';
type Side = 'server' | 'client' | 'both';
/** set when a RASMAN trace in the paste opens a phone-book entry and dials it (rasman.ts, pcDialled): the PC's own trace */
export const RAS_DIALLER = 'rasDialler';

const RAS_ENTRY = 'rasEntry';

/**
 * RASMAN dialled (rasman.ts), a phone-book entry when its line names one: this paste is the PC's; the ppp.log statements that waited
 * for a side are the PC's too, unless a packet told.
 */
export function pcDialled(state: FamilyState, entry?: string): void {
  state[RAS_DIALLER] = true;
  if (entry) state[RAS_ENTRY] = entry;
  if (state[SIDE] === undefined) settleWaiting(state);
}

/** What a failure on the PC's own trace carries: its side, and the VPN connection (phone-book entry) RASMAN dialled when the paste names it */
export const pcFailureValues = (state: FamilyState): Record<string, string> =>
  typeof state[RAS_ENTRY] === 'string' ? { role: 'pc', entry: state[RAS_ENTRY] } : { role: 'pc' };

/** a whole packet as read once: its protocol, code and (for the control protocols' option packets) its options */
interface Packet {
  protocol: number;
  code: number;
  options: PppOption[];
  mppe?: number;
}

/** the sign ppp-sender.ts's row asks for, in the decoded options: LCP's Authentication-Protocol, IPCP's IP-Address (RFC 1332 §3.3) */
const hasSign = (p: Packet, sign: OptionSign): boolean =>
  p.options.some((o) => o.type === 3 && (sign !== 'no-address' || o.value === '0.0.0.0'));

function noteSide(p: Packet, sent: boolean, state: FamilyState): void {
  const sender = senderOf(p.protocol, p.code, (sign) => hasSign(p, sign));
  if (sender === undefined) return;
  const side: Side = (sender === 'authenticator') === sent ? 'server' : 'client';
  const known = state[SIDE] as Side | undefined;
  state[SIDE] = known === undefined || known === side ? side : 'both';
  if (known === undefined) settleWaiting(state);
}

/**
 * The role the trace's statements carry (ppp-reject-side.ts): `server` on an RRAS server's, `pc` on a Windows PC's own (its packets
 * say so, or RASMAN dialled); none while nothing told (the statement waits, awaitSide) or when the packets say both.
 */
function roleOf(state: FamilyState): 'server' | 'pc' | undefined {
  const side = state[SIDE] as Side | undefined;
  if (side === 'server') return 'server';
  return side === 'client' || (side === undefined && state[RAS_DIALLER] === true) ? 'pc' : undefined;
}

/**
 * Statements worded by side before a packet told it (the LCP Configure-Requests come before the Ack of the sign-in method or the
 * CHAP Challenge): worded when the side is known, as pppd-role.ts does for pppd. Bounded: a trace that never tells keeps no more.
 */
const WAITING = 'pppLogWaiting';
const MAX_WAITING = 64;
/** (one key: the trace's one side) */
const TRACE = 'trace';
function awaitSide(hit: Hit, state: FamilyState): void {
  const waiting = waitingOn<Decoded>(state, WAITING, { keys: 1, perKey: MAX_WAITING });
  for (const dd of hit.decoded) if (dd.values) waiting.put(TRACE, dd);
}
function settleWaiting(state: FamilyState): void {
  const waiting = state[WAITING] as WaitingForSide<Decoded> | undefined;
  if (!waiting) return;
  const list = waiting.settle(TRACE);
  const role = roleOf(state);
  if (role) for (const dd of list) dd.values = { ...dd.values, role };
}

/** the encryption refused, by who refused it: judgeRejects names the side that sent the reject the server; on a PC's trace it is the PC */
const PC_SIDE: Readonly<Partial<Record<Cause, Cause>>> = { 'server-refused-encryption': 'pc-refused-encryption', 'pc-refused-encryption': 'server-refused-encryption' };
const onPc = (hit: Hit): Hit => {
  if (hit.cause && PC_SIDE[hit.cause]) hit.cause = PC_SIDE[hit.cause];
  return hit;
};

/** EAP's codes, RFC 3748 §4 */
const EAP_CODES: Readonly<Record<number, string>> = { 1: 'Request', 2: 'Response', 3: 'Success', 4: 'Failure' };
/** a code by its protocol's own numbering: CHAP's 1 is the Challenge (RFC 1994 §4), not LCP's Configure-Request */
const codeName = (protocol: number, code: number): string =>
  (protocol === 0xc223 ? CHAP_CODES[code] : protocol === 0xc227 ? EAP_CODES[code] : PPP_CODES[code]) ?? `code ${code}`;

const latin1 = (bytes: number[]): string => String.fromCharCode(...bytes);

/** A whole packet (protocol field first): what its code says, PAP and CHAP answers in words. */
function packetHit(b: number[], p: Packet, sent: boolean, state: FamilyState): Hit {
  const { protocol, code } = p;
  const id = `0x${b[3]!.toString(16)}`;
  if (protocol === 0xc023 && code === 1) {
    const user = latin1(b.slice(7, 7 + b[6]!));
    return tagged(step('pppLogPapRequest', { user }), { user });
  }
  if (protocol === 0xc023 && (code === 2 || code === 3)) {
    const msg = latin1(b.slice(7, 7 + b[6]!));
    if (code === 2) return step('pppLogPapAck', { msg }, 'success');
    return { decoded: [d('pppLogPapNak', { msg })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
  }
  if (protocol === 0xc223 && code === 4) {
    const msg = latin1(b.slice(6));
    const e = msChapErrorOf(msg);
    return { decoded: [d('pppLogChapFailure', { msg })], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }
  if (protocol === 0xc223 && code === 3) return step('pppLogChapSuccess', undefined, 'success');
  const options = optionPacket(b, p, sent, state);
  if (options) return options;
  // LCP Terminate-Request (RFC 1661 §5.5): the side that sends it closes the link
  if (protocol === 0xc021 && code === 5) return step(sent ? 'pppLogTerminateSent' : 'pppLogTerminateReceived', undefined, 'warning');
  return step('pppLogPacketDone', { proto: protocolName(protocol), code: codeName(protocol, code), id });
}

/** the control protocols whose Configure-Nak and -Reject name options (RFC 1661 §6, RFC 1332 §3, RFC 1962 §3) */
const OPTION_PROTOCOLS: ReadonlySet<number> = new Set([0xc021, 0x8021, 0x80fd, 0x80fb]);
const isOptionPacket = (protocol: number, code: number): boolean => code >= 1 && code <= 4 && OPTION_PROTOCOLS.has(protocol);

/** A whole packet's protocol, code and options, decoded once for its side (noteSide) and its statement (optionPacket). */
function readPacket(b: number[]): Packet {
  const protocol = (b[0]! << 8) | b[1]!;
  const code = b[2]!;
  if (!isOptionPacket(protocol, code)) return { protocol, code, options: [] };
  return { protocol, code, ...decodeOptions(protocol, b.slice(6, 2 + ((b[4]! << 8) | b[5]!))) };
}

/** the protocol as ppp-reject.ts judges it: CCP over one link of a bundle (0x80fb, RFC 1962 §2) negotiates as CCP does */
const judgedProto = (proto: string): string => (proto === 'CCP (link)' ? 'CCP' : proto);

/**
 * A Configure-Request, -Ack, -Nak (code 3: "acceptable, but not these values", RFC 1661 §5.3) or -Reject (code 4: "not acceptable
 * at all", §5.4) with the options it names, and who sent it: `<` this side, `>` the other side. Its statement carries the packet
 * as every PPP family's does (proto, code, dir `out`/`in`, options: ppp-got-past.ts follows a reject to the asker's next request
 * and its Ack). A Configure-Reject's options are judged and said by ppp-reject.ts, as pppd's, IOS's, mpd's and RouterOS's are: a
 * refused sign-in method, encryption or address request is a cause unless the asker went on without it.
 */
function optionPacket(b: number[], p: Packet, sent: boolean, state: FamilyState): Hit | undefined {
  const { protocol, code, options, mppe } = p;
  if (!isOptionPacket(protocol, code)) return undefined;
  const role = roleOf(state);
  const sided: { role?: RejectSide } = role !== undefined ? { role } : {};
  const proto = judgedProto(protocolName(protocol));
  const packet = { proto, code: PPP_CODES[code]!, dir: sent ? 'out' : 'in', options: options.map(optionText).join(', ') };
  // (a request or an Ack of no option at all: every option at its default, RFC 1661 §6)
  let hit: Hit;
  if (code === 1 || code === 2) hit = step(`pppLog${code === 1 ? 'Request' : 'Ack'}${sent ? 'Sent' : 'Received'}`, { ...packet, options: packet.options || '—', id: `0x${b[3]!.toString(16)}`, ...sided });
  else hit = step(code === 4 ? (sent ? 'pppLogRejectSent' : 'pppLogRejectReceived') : sent ? 'pppLogNakSent' : 'pppLogNakReceived', { ...packet, ...sided });
  if (code === 4) {
    const parsed = options.map((o): RejectedOption => ({ text: optionText(o), type: o.type, ...(o.value !== undefined ? { value: o.value } : {}), ...(o.type === 18 && mppe !== undefined ? { mppe } : {}) }));
    // (the refusal's statements worded by the trace's side too: ppp-reject-side.ts)
    judgeRejects(hit, proto, parsed, { refusedHere: sent, ...sided });
  }
  if (role === undefined && state[SIDE] === undefined) awaitSide(hit, state);
  return hit;
}

function head(m: RegExpMatchArray, state: FamilyState): Hit {
  state[KEY] = { dir: m[2] === 'sent' ? 'sent' : 'received', bytes: [] } satisfies Assembling;
  const hit = step(m[2] === 'sent' ? 'pppLogSent' : 'pppLogReceived', { at: `${m[3]}/${m[4]}/${m[5]} ${m[6]}:${m[7]}:${m[8]}` });
  hit.time = { year: +m[5]!, month: +m[3]!, day: +m[4]!, hour: +m[6]!, minute: +m[7]!, second: +m[8]!, ms: +m[9]! };
  return hit;
}

function protocolLine(m: RegExpMatchArray, state: FamilyState): Hit {
  // the head says the direction; `<` / `>` say it again (a protocol line without its head: by the mark alone)
  const dir = assembling(state)?.dir ?? (m[1] === '<' ? 'sent' : 'received');
  const sent = m[1] === '<' || (m[1] === '' && dir === 'sent');
  state[KEY] = { dir: sent ? 'sent' : 'received', bytes: [], port: m[5]! } satisfies Assembling;
  return tagged(step(sent ? 'pppLogProtocolSent' : 'pppLogProtocolReceived', { proto: m[2]!, type: m[3]!.trim(), id: `0x${m[4]}` }), { session: portSession(m[5]!) });
}

/** a port's session name: the trace's own spelling (`Port = 5`), no words of ours */
const portSession = (port: string): string => `Port=${port}`;

function dumpLine(m: RegExpMatchArray, state: FamilyState): Hit {
  // each dump line carries the packet's mark itself (`<` sent, `>` received: KB Q256509's sample; nothing in NT 4.0's received
  // packets): without a head before it (a copy that starts mid-packet, a head cut away) the mark says the direction, and a mark
  // the other way than the packet being gathered starts another packet (the one before was cut)
  const mark = m[1] === '<' ? 'sent' : m[1] === '>' ? 'received' : undefined;
  const gathering = assembling(state);
  const a: Assembling = gathering && (mark === undefined || gathering.dir === mark) ? gathering : { dir: mark ?? gathering?.dir ?? 'received', bytes: [] };
  const session = a.port !== undefined ? { session: portSession(a.port) } : {};
  state[KEY] = a;
  for (const h of m[2]!.split(' ')) a.bytes.push(parseInt(h, 16));
  const b = a.bytes;
  // whole when the PPP length (code, id, length and data) after the 2-byte protocol field is there
  if (b.length >= 6 && b.length >= 2 + ((b[4]! << 8) | b[5]!)) {
    state[KEY] = { dir: a.dir, bytes: [] } satisfies Assembling;
    const packet = readPacket(b);
    noteSide(packet, a.dir === 'sent', state);
    const hit = tagged(packetHit(b, packet, a.dir === 'sent', state), session);
    const role = roleOf(state);
    // (a failure carries the trace's side, as rasman.ts's do: on the PC's own trace its finding says so and keeps the PC's advice)
    if (hit.cause && role) for (const dd of hit.decoded) dd.values = { ...(role === 'pc' ? pcFailureValues(state) : { role }), ...dd.values };
    return role === 'pc' ? onPc(hit) : hit;
  }
  return tagged(step('pppLogBytes'), session);
}

/** The trace's rules (rasman.ts puts them before its catch-all); `pre` unused, the text is the message. */
export const PPP_LOG_RULES: Rule[] = [
  [HEAD, (m, _pre: Prefixed, state) => head(m, state)],
  [PROTOCOL, (m, _pre, state) => protocolLine(m, state)],
  [DUMP, (m, _pre, state) => dumpLine(m, state)],
  [PHASE, (m) => step('pppLogPhase', { phase: m[1]! })],
  [ENGINE, () => step('pppLogEngine')],
];
