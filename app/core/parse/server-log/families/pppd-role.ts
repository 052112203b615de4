import type { FamilyState } from '../kit';
import type { Prefixed } from '../prefix';
import { PPTP_CLIENT_LINE } from './pptp-client';

/**
 * Which side this pppd is, from the lines only one side writes (pppd chap-new.c, upap.c, eap.c; auth.c): the client's "CHAP
 * authentication succeeded|failed" (chap_handle_status), "PAP authentication succeeded|failed" (upap_rauthack/nak), "No CHAP secret
 * found for authenticating us to …" (chap_respond), "Remote message: …" and a PPTP client's pty (`Script pptp … started`); the
 * server's "… peer authentication succeeded|failed for …" (chap_handle_response, upap_rauthreq). The first such line decides;
 * until then (and on a server's log) the other side is the PC.
 */
const CLIENT_LINE = /^(?:(?:CHAP|PAP|EAP|MS-CHAP(?:-v2)?) authentication (?:succeeded|failed)$|MS-CHAP authentication failed: |No CHAP secret found for authenticating us to |Remote message: |Script pptp )/;
const SERVER_LINE = /^(?:CHAP|PAP|EAP|MS-CHAP(?:-v2)?) peer authentication (?:succeeded|failed)/;
/** Per pppd process (its pid; '' for lines without one): a server runs one pppd per session, a log may hold both sides' pppd. */
export function noteRole(message: string, pre: Prefixed, state: FamilyState): void {
  const c = message.charCodeAt(0);
  // (by their first letters and a plain search, before either regex: most pppd lines begin with one of those letters —
  // `Connect:`, `Connection terminated.`, `MPPE …` —, and the two regexes on each cost 1 % of explain-log)
  const telling =
    c === 67 || c === 80 || c === 69 || c === 77
      ? message.indexOf(' authentication ') > 0
      : c === 78
        ? message.startsWith('No CHAP secret found')
        : c === 82
          ? message.startsWith('Remote message: ')
          : c === 83 && message.startsWith('Script pptp ');
  let roles = state.pppRoles as Map<string, boolean> | undefined;
  // a log that holds a PPTP client's own lines or an L2TP LAC's (pppd.ts dialsOut sets pppDialler) is a client's: its pppd
  // dialled, unless a line of that pppd says otherwise
  const byLog = state.pppDialler === true ? true : undefined;
  state.pppClient = byLog;
  // (most logs never hold a role-telling line: then no pid is read — a getter that cuts the header)
  if (!roles && !telling) return;
  const key = (pre.program ? pre.pid : undefined) ?? '';
  const known = roles?.get(key);
  state.pppClient = known ?? byLog;
  if (known !== undefined || !telling) return;
  const client = CLIENT_LINE.test(message) ? true : SERVER_LINE.test(message) ? false : undefined;
  if (client === undefined) return;
  roles ??= state.pppRoles = new Map<string, boolean>();
  if (roles.size > 5000) roles.clear(); // bounded memory on long logs
  roles.set(key, client);
  state.pppClient = client;
}
/** The role value of the statements worded by side: the client's (the side that dialled, `initiator`), else none. */
export const byRole = (state: FamilyState): { role: string } | undefined => (state.pppClient ? { role: 'initiator' } : undefined);

/**
 * Lines only the side that dials writes: pptp-linux's own (the PPTP client, pptp-client.ts) and xl2tpd's as a LAC (xl2tpd.c
 * lac_connect "Connecting to host %s, port %d", lac_call "Calling on tunnel %d"). A log holding one is a client's: its pppd
 * dialled (noteRole above), whatever pid it runs under.
 */
export function dialsOut(message: string): boolean {
  const c = message.charCodeAt(0);
  if (c === 67 /* C */ && (message.startsWith('Connecting to host ') || message.startsWith('Calling on tunnel '))) return true;
  return message.indexOf('.c:') > 0 && PPTP_CLIENT_LINE.test(message);
}
