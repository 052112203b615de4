import type { FamilyState } from '../kit';
import type { Prefixed } from '../prefix';
import type { Decoded } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';
import { isPppoeDiscovery } from './pppoe-client';
import { PPTP_CLIENT_LINE } from './pptp-client';
import { CHAP, EAP, IPCP, LCP, PAP, senderOf, type OptionSign } from '../ppp-sender';

/**
 * Which side this pppd is, from the lines only one side writes (pppd chap-new.c, upap.c, eap.c; auth.c): the client's "CHAP
 * authentication succeeded|failed" (chap_handle_status), "PAP authentication succeeded|failed" (upap_rauthack/nak), "No CHAP secret
 * found for authenticating us to …" (chap_respond), "Remote message: …", a PPTP client's pty (`Script pptp … started`) and
 * NetworkManager's VPN plugin (`Plugin /usr/lib/pppd/2.4.4/nm-pptp-pppd-plugin.so loaded.`: NetworkManager-pptp, -l2tp and -sstp
 * start pppd with their plugin to dial out — a desktop's VPN connection, never a server's pppd), an OpenWrt router's PPTP or L2TP
 * client's interface (`Using interface pptp-wan`: netifd's ppp.sh names the pppd it starts for a `pptp` or `l2tp` interface
 * `<proto>-<interface>`, coolsnowwolf/lede #143; a server's pppd takes pppN), a PPPoE client's discovery (pppd's rp-pppoe plugin,
 * families/pppoe-client.ts: it sends the PADI and PADR, receives the PADO and PADS, RFC 2516 §5, and discovery.c's "PPP session is
 * N" follows the PADS — the access concentrator writes none of them); the
 * server's "… peer authentication succeeded|failed for …" (chap_handle_response, upap_rauthreq); and pppd's packet dump, by what the
 * PPP protocol lets only one side send (packetTellsRole). The first such line decides; until then (and on a server's log) the other
 * side is the PC.
 */
const CLIENT_LINE = /^(?:(?:CHAP|PAP|EAP|MS-CHAP(?:-v2)?) authentication (?:succeeded|failed)$|MS-CHAP authentication failed: |No CHAP secret found for authenticating us to |Remote message: |Script pptp |Plugin \S*nm-(?:pptp|l2tp|sstp)-pppd-plugin\.so loaded|Using interface (?:pptp|l2tp)-\S|PPP session is \d|PADS: |Send PPPOE Discovery V\d+T\d+ PAD[IR] |Recv PPPOE Discovery V\d+T\d+ PAD[OS] |Timeout waiting for PAD[OS] packets)/;
const SERVER_LINE = /^(?:CHAP|PAP|EAP|MS-CHAP(?:-v2)?) peer authentication (?:succeeded|failed)/;
/**
 * Per pppd process (its pid; '' for lines without one): a server runs one pppd per session, a log may hold both sides' pppd.
 * Per record, kept small (TurboFan inlines it into pppd.ts parse within one budget shared with the rule cache's lookup, which
 * the whole function used up): the pid and the regexes are read in roleOfPppd, only on logs that hold a role-telling line.
 */
export function noteRole(message: string, pre: Prefixed, state: FamilyState): void {
  // a log that holds a PPTP client's own lines or an L2TP LAC's (pppd.ts dialsOut sets pppDialler) is a client's: its pppd
  // dialled, unless a line of that pppd says otherwise
  const byLog = state.pppDialler === true ? true : undefined;
  state.pppClient = byLog;
  // (most logs never hold a role-telling line: then no pid is read — a getter that cuts the header)
  const telling = tellsRole(message);
  if (telling || state.pppRoles !== undefined) roleOfPppd(message, pre, state, byLog, telling);
}

/**
 * Whether the line may be one of CLIENT_LINE's or SERVER_LINE's: by their first letters and a plain search, before either
 * regex — most pppd lines begin with one of those letters (`Connect:`, `Connection terminated.`, `MPPE …`), and the two regexes
 * on each cost 1 % of explain-log; the second letter of CHAP, PAP, EAP, MS-CHAP before the search, which read the whole of every
 * `Connect:`, `CTRL:` and `MPPE` line.
 */
function tellsRole(message: string): boolean {
  const c = message.charCodeAt(0);
  // (`sent [` / `rcvd [`: most lines of a debug log; packetTellsRole looks at a few characters before any search)
  if ((c === 115 || c === 114) && message.charCodeAt(5) === 91 /* [ */) return packetTellsRole(message) !== undefined;
  if (c === 80) {
    const c1 = message.charCodeAt(1);
    // (`Plugin …`, `PPP session is …`, `PADS: …`: a letter or two before a search; `PAP …` goes on below)
    if (c1 === 108 /* l */) return message.indexOf('-pppd-plugin.so') > 0;
    if (c1 === 80 /* P */) return message.charCodeAt(3) === 32 && message.startsWith('PPP session is ');
    if (c1 === 65 && message.charCodeAt(2) === 68 /* AD */) return message.startsWith('PADS: ');
  }
  // (`Using interface …`: once a session; the name's dash at its fifth character before the search)
  if (c === 85 /* U */) return message.charCodeAt(20) === 45 /* - */ && message.startsWith('Using interface ');
  return c === 67 || c === 80 || c === 69 || c === 77
    ? message.charCodeAt(1) === (c === 67 ? 72 /* H */ : c === 77 ? 83 /* S */ : 65) /* A */ && message.indexOf(' authentication ') > 0
    : c === 78
      ? message.startsWith('No CHAP secret found')
      : c === 82
        ? message.startsWith('Remote message: ') || isPppoeDiscovery(message)
        : c === 83
          ? message.startsWith('Script pptp ') || isPppoeDiscovery(message)
          : c === 84 && message.startsWith('Timeout waiting for PAD');
}

/**
 * Which side a line of pppd's packet dump (`sent [CHAP Challenge id=0x1 <…>, name = "…"]`, pppd's printers: chap-new.c,
 * upap.c, eap.c, lcp.c, ipcp.c) shows this pppd to be: `true` the side that logs in and is given an address (the client, the side
 * that dialled), `false` the side that checks the other's log-in (the server), undefined a packet either side sends. Which packet
 * only one side sends is ppp-sender.ts's table (shared with Windows' ppp.log); here only pppd's printed names are read into its
 * protocol and code (a few characters each) and its option signs looked for in the text (`<auth `, `<addr 0.0.0.0>`, `<addr `).
 * Both sides authenticating each other (rare; pppd's `auth` on a client) sends both kinds: the first line decides (roleOfPppd).
 */
export function packetTellsRole(message: string): boolean | undefined {
  const c = message.charCodeAt(0);
  if ((c !== 115 && c !== 114) || message.charCodeAt(5) !== 91 /* [ */) return undefined;
  const sent = c === 115 && message.startsWith('sent');
  if (!sent && !message.startsWith('rcvd')) return undefined;
  const packet = printedPacket(message);
  if (!packet) return undefined;
  const sender = senderOf(packet[0], packet[1], (sign) => hasSign(message, sign));
  return sender === undefined ? undefined : (sender === 'peer') === sent;
}

/** the option signs as pppd prints them (lcp.c `<auth chap MS-v2>`, ipcp.c `<addr 10.0.0.1>`), after `sent [LCP ConfAck ` */
const hasSign = (message: string, sign: OptionSign): boolean =>
  message.indexOf(sign === 'auth' ? '<auth ' : sign === 'no-address' ? '<addr 0.0.0.0>' : '<addr ', 18) > 0;

/** pppd's CHAP, PAP, EAP, LCP and IPCP code names, by the letter that tells them apart (chap-new.c, upap.c, eap.c, fsm.c) */
const PRINTED_CHAP: Readonly<Record<number, number>> = { 67: 1, 82: 2, 83: 3, 70: 4 }; // Challenge Response Success Failure
const PRINTED_PAP: Readonly<Record<number, number>> = { 82: 1, 65: 2, 78: 3 }; // AuthReq AuthAck AuthNak
const PRINTED_CONF: Readonly<Record<number, number>> = { 113: 1, 65: 2, 78: 3, 106: 4 }; // Re(q) A(ck) N(ak) Re(j)

/**
 * The protocol and code of a dump line whose packet may tell a side (the line's seventh character first: most lines are none of
 * these), or undefined.
 */
function printedPacket(message: string): [number, number] | undefined {
  const p = message.charCodeAt(6);
  if (p === 67 /* C */) return message.startsWith('CHAP ', 6) ? known(CHAP, PRINTED_CHAP[message.charCodeAt(11)]) : undefined;
  if (p === 80 /* P */) return message.startsWith('PAP Auth', 6) ? known(PAP, PRINTED_PAP[message.charCodeAt(14)]) : undefined;
  if (p === 69 /* E */) {
    if (!message.startsWith('EAP ', 6)) return undefined;
    const k = message.charCodeAt(10);
    // (Request / Response: `Re` then q or s)
    return known(EAP, k === 83 ? 3 : k === 70 ? 4 : k === 82 && message.charCodeAt(11) === 101 ? (message.charCodeAt(12) === 113 ? 1 : message.charCodeAt(12) === 115 ? 2 : undefined) : undefined);
  }
  if (p === 76 /* L */) return message.startsWith('LCP Conf', 6) ? known(LCP, confCode(message, 14)) : undefined;
  return p === 73 /* I */ && message.startsWith('IPCP Conf', 6) ? known(IPCP, confCode(message, 15)) : undefined;
}

/** ConfReq / ConfAck / ConfNak / ConfRej at `at` (Req and Rej share their R: the third letter) */
const confCode = (message: string, at: number): number | undefined => {
  const k = message.charCodeAt(at);
  return PRINTED_CONF[k === 82 /* R */ ? message.charCodeAt(at + 2) : k];
};

const known = (protocol: number, code: number | undefined): [number, number] | undefined => (code === undefined ? undefined : [protocol, code]);

/** The side of this record's pppd: as known for its pid, else as this line tells it (`telling`: it may). */
function roleOfPppd(message: string, pre: Prefixed, state: FamilyState, byLog: true | undefined, telling: boolean): void {
  let roles = state.pppRoles as Map<string, boolean> | undefined;
  const key = (pre.program ? pre.pid : undefined) ?? '';
  const known = roles?.get(key);
  state.pppClient = known ?? byLog;
  if (known !== undefined || !telling) return;
  const client = packetTellsRole(message) ?? (CLIENT_LINE.test(message) ? true : SERVER_LINE.test(message) ? false : undefined);
  if (client === undefined) return;
  roles ??= state.pppRoles = new Map<string, boolean>();
  if (roles.size > 5000) roles.clear(); // bounded memory on long logs
  roles.set(key, client);
  state.pppClient = client;
  settleWaiting(state, key, client);
}

/**
 * The role value of the statements worded by side: the client's (the side that dialled, `initiator`), else none (a refusal's
 * statements say the server's side on their own, pppd-packet.ts judgeRejected: pppd's default, as its packet headings). Asked while
 * the side is not known yet (pppClient undefined, not a server's `false`), it notes so: the statement waits for the line that
 * tells it (awaitSide).
 */
export const byRole = (state: FamilyState): { role: string } | undefined => {
  if (state.pppClient) return { role: 'initiator' };
  if (state.pppClient === undefined) state.pppSideAsked = true;
  return undefined;
};

/**
 * Statements worded by side before the side was known, per pppd (its pid, noteRole's key), so that the line that tells it
 * words them too: a client's own lines (`CHAP authentication succeeded`, xl2tpd's `Connecting to host …` as a LAC) come after
 * its first packets, and those read "to the PC" before (the same look-back as ios-link-side.ts sidedValues). Bounded: the
 * first MAX_WAITING statements of at most MAX_WAITING_PPPDS pppds; a server's log, where nothing ever tells, keeps no more.
 */
const WAITING = 'pppWaiting';
const MAX_WAITING = 64;
const MAX_WAITING_PPPDS = 16;

/**
 * A hit's statements (the one byRole words, and those of a packet dump that speak of the other side with it) wait for their pppd's
 * side: called after a rule asked byRole in vain.
 */
export function awaitSide(statements: readonly Decoded[], pre: Prefixed, state: FamilyState): void {
  const key = (pre.program ? pre.pid : undefined) ?? '';
  // (the oldest pppd's statements go first: a long server log runs through many)
  const waiting = waitingOn<Decoded>(state, WAITING, { keys: MAX_WAITING_PPPDS, perKey: MAX_WAITING });
  for (const statement of statements) waiting.put(key, statement);
}

const wordAsClient = (list: readonly Decoded[]): void => {
  for (const dd of list) dd.values = { ...dd.values, role: 'initiator' };
};

/** A pppd's side is known now: what it said before is worded by it (a client's), then let go. */
function settleWaiting(state: FamilyState, key: string, client: boolean): void {
  const list = (state[WAITING] as WaitingForSide<Decoded> | undefined)?.settle(key);
  if (list && client) wordAsClient(list);
}

/**
 * The log turned out to be a client's (a PPTP client's or an L2TP LAC's line, dialsOut): every pppd whose own lines told no
 * side is the one that dialled (noteRole's byLog), the lines it wrote before too.
 */
export function settleAsDialler(state: FamilyState): void {
  const waiting = state[WAITING] as WaitingForSide<Decoded> | undefined;
  if (waiting) wordAsClient(waiting.settleAll());
}

/**
 * xl2tpd's `Connection established to HOST, PORT.` and what follows it: in control.c control_finish's SCCRP case (the other side
 * answered this side's SCCRQ: this xl2tpd is the LAC, the side that dials) the ids and refs alone, `  Local: a, Remote: b (ref=c/d).`;
 * in the SCCCN case (the LNS) they are followed by `  LNS session is '…'` (xelerance/xl2tpd control.c; older builds without the refs).
 */
export const lacTunnelUpTail = (tail: string): boolean => LAC_TUNNEL_TAIL.test(tail);
const LAC_TUNNEL_TAIL = /^\s{1,2}Local: -?\d+, Remote: -?\d+(?: \(ref=\d+\/\d+\))?\.?$/;
const LAC_TUNNEL_UP = /^Connection established to [^,\s][^,]*, \d+\.(.*)$/;
const lacTunnelUp = (message: string): boolean => {
  const m = LAC_TUNNEL_UP.exec(message);
  return m !== null && lacTunnelUpTail(m[1]!);
};
/** xl2tpd's `Call established with …` of control.c's ICRP case (the LAC's: its refs, no `PID:` of the LNS's ICCN case; xl2tpd.ts words it so) */
const LAC_CALL_UP = /^Call established with (?:<[^<>]*>|\S*?),? Local: \d+, Remote: \d+, Serial: (?:-?\d+|[A-Za-z.]+) \(ref=\d+\/\d+\)$/;
export const lacCallUp = (message: string): boolean => LAC_CALL_UP.test(message);

/**
 * Lines only the side that dials writes: pptp-linux's own (the PPTP client, pptp-client.ts) and xl2tpd's as a LAC (xl2tpd.c
 * lac_connect "Connecting to host %s, port %d", lac_call "Calling on tunnel %d"; control.c's tunnel and call set up as a LAC,
 * above). A log holding one is a client's: its pppd dialled (noteRole above), whatever pid it runs under.
 */
export function dialsOut(message: string): boolean {
  const c = message.charCodeAt(0);
  // (a letter each before either search: `Connect:`, `Connection terminated.`, `Call established …` and pptpd's `CTRL: …` begin
  // with C too — two startsWith calls on each were a tenth of pppd's parse on the bench log)
  if (c === 67 /* C */) {
    const c1 = message.charCodeAt(1);
    if (c1 === 111 /* o */) {
      const c8 = message.charCodeAt(8);
      // (`Connection established to …`: once a tunnel; its 12th letter, `e`, before the search)
      if (c8 === 110 /* n */ ? message.startsWith('Connecting to host ') : c8 === 111 /* o */ && message.charCodeAt(11) === 101 /* e */ && message.startsWith('Connection established to ') && lacTunnelUp(message)) return true;
    } else if (c1 === 97 /* a */) {
      const c4 = message.charCodeAt(4);
      // (`Call established with …`: once a call; a LAC's ends with its refs' `)`)
      if (c4 === 105 /* i */ ? message.startsWith('Calling on tunnel ') : c4 === 32 && message.charCodeAt(message.length - 1) === 41 /* ) */ && message.startsWith('Call established with ') && LAC_CALL_UP.test(message)) return true;
    }
  }
  return levelAfterFirstBlank(message) && message.indexOf('.c:') > 0 && PPTP_CLIENT_LINE.test(message);
}

/**
 * rp-pppoe's user-space client `pppoe` (the pty program its adsl-connect / pppoe-connect gives pppd) writing a line of its discovery
 * (families/pppoe-client.ts): the log is a PPPoE client's. The line carries `pppoe`'s own pid, not pppd's, so noteRole's per-pppd
 * role never reaches the pppd it carries (test/fixtures/real/server-logs/pppd-pppoe-client-rp-pppoe-time-only-viewer-copy-*: four
 * pppd runs whose LCP timeouts read "the server sent" before this). rp-pppoe's pppoe-server starts `pppoe` per session too in its
 * user mode, with the session given (`-e`), which skips discovery — so it writes none of these (assumed from rp-pppoe's options).
 * The first letter before the program: the pppd lines of a server's log, where this runs on each, cost a character test.
 */
export function pppoeProgramDials(program: string | undefined, message: string): boolean {
  const c = message.charCodeAt(0);
  // (P: `PADS: …`, `PPP session is …`; T: `Timeout waiting for PADO|PADS packets`)
  if (c !== 80 && c !== 84) return false;
  return program === 'pppoe' && (message.startsWith('PADS: ') || message.startsWith('PPP session is ') || message.startsWith('Timeout waiting for PAD'));
}

/**
 * What PPTP_CLIENT_LINE (`^[ \t]*\S+[ \t]+(log|warn|fatal)\[`) needs of a line's start: its first blank (the end of `\S+`: no blank
 * before it) after a first character, then `l`, `w` or `f`. A look at a few characters where the search for `.c:` read the
 * whole message, on every pppd line of a server's log (1 % of explain-log on the bench log). A copy's blanks — one before the
 * word, two after it (a forum's doubling) — are looked past only where the line shows them, so the common path stays the one
 * search and one character it was.
 */
function levelAfterFirstBlank(message: string): boolean {
  const blank = message.indexOf(' ');
  const c = message.charCodeAt(blank + 1);
  if (blank > 0 && c !== 32) return c === 108 /* l */ || c === 119 /* w */ || c === 102 /* f */;
  return blank >= 0 && levelAfterBlanks(message);
}

/** levelAfterFirstBlank for a line that begins with a blank or has two after its first word */
function levelAfterBlanks(message: string): boolean {
  let at = 0;
  while (message.charCodeAt(at) === 32 || message.charCodeAt(at) === 9) at++;
  const blank = message.indexOf(' ', at);
  if (blank <= at) return false;
  at = blank + 1;
  while (message.charCodeAt(at) === 32 || message.charCodeAt(at) === 9) at++;
  const c = message.charCodeAt(at);
  return c === 108 /* l */ || c === 119 /* w */ || c === 102 /* f */;
}
