import { d, msChapErrorOf, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import { decodeOptions, optionText, protocolName } from '../ppp-packet';
import { judgeRejects, type RejectedOption } from '../ppp-reject';
import { PPP_CODES } from '../codes/ppp';
import type { Prefixed } from '../prefix';
import type { Cause } from '../types';

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
 * authenticator asks for an authentication protocol in its LCP Configure-Request (RFC 1661 §6.2: the option "indicates that the
 * sender wants the peer to authenticate"), sends the CHAP Challenge (RFC 1994 §4.1) and answers PAP's Authenticate-Request (RFC
 * 1334 §2.2: the peer being authenticated sends the Request, the authenticator the Ack/Nak); the side that authenticates itself
 * (the dialling PC) receives those and sends the Response / Request. A trace whose packets say both (two routers that each ask
 * the other to authenticate) is left without a side.
 */
const SIDE = 'pppLogSide';
type Side = 'server' | 'client' | 'both';

function authenticatorSent(b: number[], protocol: number, code: number): boolean | undefined {
  if (protocol === 0xc223 && (code === 1 || code === 3 || code === 4)) return true; // CHAP Challenge, Success, Failure
  if (protocol === 0xc223 && code === 2) return false; // CHAP Response
  if (protocol === 0xc023) return code !== 1; // PAP Ack/Nak; the Request is the authenticatee's
  if (protocol === 0xc021 && code === 1) return decodeOptions(protocol, b.slice(6, 2 + ((b[4]! << 8) | b[5]!))).options.some((o) => o.type === 3) || undefined;
  return undefined;
}

function noteSide(b: number[], sent: boolean, state: FamilyState): void {
  const protocol = (b[0]! << 8) | b[1]!;
  const byAuthenticator = authenticatorSent(b, protocol, b[2]!);
  if (byAuthenticator === undefined) return;
  const side: Side = byAuthenticator === sent ? 'server' : 'client';
  const known = state[SIDE] as Side | undefined;
  state[SIDE] = known === undefined || known === side ? side : 'both';
}

/**
 * This trace is the dialling side's (its packets say so, see SIDE): a Windows PC's own ppp.log. Its findings keep the server-log
 * wording, which already speaks of the PC and the server (not role 'initiator', whose texts are for a Linux client or a router
 * that dials: "nothing on the PC causes this"); only the refusal's cause follows who refused — this side is the PC.
 */
const pcTrace = (state: FamilyState): boolean => state[SIDE] === 'client';

/** the encryption refused, by who refused it: judgeRejects names the side that sent the reject the server; on a PC's trace it is the PC */
const PC_SIDE: Readonly<Partial<Record<Cause, Cause>>> = { 'server-refused-encryption': 'pc-refused-encryption', 'pc-refused-encryption': 'server-refused-encryption' };
const onPc = (hit: Hit): Hit => {
  if (hit.cause && PC_SIDE[hit.cause]) hit.cause = PC_SIDE[hit.cause];
  return hit;
};

const latin1 = (bytes: number[]): string => String.fromCharCode(...bytes);

/** A whole packet (protocol field first): what its code says, PAP and CHAP answers in words. */
function packetHit(b: number[], sent: boolean): Hit {
  const protocol = (b[0]! << 8) | b[1]!;
  const code = b[2]!;
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
  const options = optionPacket(b, protocol, code, sent);
  if (options) return options;
  // LCP Terminate-Request (RFC 1661 §5.5): the side that sends it closes the link
  if (protocol === 0xc021 && code === 5) return step(sent ? 'pppLogTerminateSent' : 'pppLogTerminateReceived', undefined, 'warning');
  return step('pppLogPacketDone', { proto: protocolName(protocol), code: PPP_CODES[code] ?? `code ${code}`, id });
}

/** the control protocols whose Configure-Nak and -Reject name options (RFC 1661 §6, RFC 1332 §3, RFC 1962 §3) */
const OPTION_PROTOCOLS: ReadonlySet<number> = new Set([0xc021, 0x8021, 0x80fd, 0x80fb]);

/** the protocol as ppp-reject.ts judges it: CCP over one link of a bundle (0x80fb, RFC 1962 §2) negotiates as CCP does */
const judgedProto = (proto: string): string => (proto === 'CCP (link)' ? 'CCP' : proto);

/**
 * A Configure-Request, -Ack, -Nak (code 3: "acceptable, but not these values", RFC 1661 §5.3) or -Reject (code 4: "not acceptable
 * at all", §5.4) with the options it names, and who sent it: `<` this side, `>` the other side. Its statement carries the packet
 * as every PPP family's does (proto, code, dir `out`/`in`, options: ppp-got-past.ts follows a reject to the asker's next request
 * and its Ack). A Configure-Reject's options are judged and said by ppp-reject.ts, as pppd's, IOS's, mpd's and RouterOS's are: a
 * refused sign-in method, encryption or address request is a cause unless the asker went on without it.
 */
function optionPacket(b: number[], protocol: number, code: number, sent: boolean): Hit | undefined {
  if (code < 1 || code > 4 || !OPTION_PROTOCOLS.has(protocol)) return undefined;
  const { options, mppe } = decodeOptions(protocol, b.slice(6, 2 + ((b[4]! << 8) | b[5]!)));
  const proto = judgedProto(protocolName(protocol));
  const packet = { proto, code: PPP_CODES[code]!, dir: sent ? 'out' : 'in', options: options.map(optionText).join(', ') };
  // (a request or an Ack of no option at all: every option at its default, RFC 1661 §6)
  if (code === 1 || code === 2) return step(`pppLog${code === 1 ? 'Request' : 'Ack'}${sent ? 'Sent' : 'Received'}`, { ...packet, options: packet.options || '—', id: `0x${b[3]!.toString(16)}` });
  const key = code === 4 ? (sent ? 'pppLogRejectSent' : 'pppLogRejectReceived') : sent ? 'pppLogNakSent' : 'pppLogNakReceived';
  const hit = step(key, packet);
  if (code === 4) {
    const parsed = options.map((o): RejectedOption => ({ text: optionText(o), type: o.type, ...(o.value !== undefined ? { value: o.value } : {}), ...(o.type === 18 && mppe !== undefined ? { mppe } : {}) }));
    judgeRejects(hit, proto, parsed, { refusedHere: sent });
  }
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
    noteSide(b, a.dir === 'sent', state);
    const hit = tagged(packetHit(b, a.dir === 'sent'), session);
    return pcTrace(state) ? onPc(hit) : hit;
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
