import { PPP_PROTOCOLS, PPPD_CODE_NAMES } from '../codes/ppp';
import { d, msChapErrorOf, type FamilyState, type Hit } from '../kit';
import { mppeFromPppd } from '../ppp-packet';
import { notePppdNak } from './pppd-negotiation';
import { pppdOptionType } from '../ppp-option-names';
import { judgeRejects, type RejectedOption } from '../ppp-reject';
import { noteCcpRequestIn } from './pppd-ccp-restart';

/**
 * A name pppd printed with `%q` (utils.c vslprintf) or in a packet dump's `name = "…"` (utils.c print_string): a backslash before
 * every `"` and `\` — a Windows user typed as DOMAIN\user is logged `DOMAIN\\user`. The name as the user typed it.
 */
export const pppdUnquoted = (s: string | undefined): string | undefined => (s === undefined || s.indexOf('\\') < 0 ? s : s.replace(/\\(["\\])/g, '$1'));

/**
 * `sent [LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> …]` — pppd's debug packet dump. `negotiation`: where this pppd's
 * Configure-Naks are counted (its pid; pppd-negotiation.ts notePppdNak), when the caller keeps it.
 */
export function packetDump(m: RegExpMatchArray, negotiation?: { key: string; state: FamilyState }): Hit {
  const dir = m[1] === 'sent' ? 'out' : 'in';
  const proto = m[2]!;
  const codeName = m[3]!;
  const body = m[4] ?? '';
  const code = PPPD_CODE_NAMES[codeName];
  const id = body.match(/id=(0x[0-9a-f]+)/i)?.[1];
  const options = [...body.matchAll(/<([^<>]*)>/g)].map((o) => o[1]!).filter((o) => !/^[0-9a-f]{16,}$/i.test(o));
  const quoted = body.match(/"((?:[^"\\]|\\.)*)"/)?.[1];
  const name = pppdUnquoted(body.match(/name = "((?:[^"\\]|\\.)*)"/)?.[1]);
  const values: Record<string, string | number> = { dir, proto, code: codeName, id: id ?? '-', options: options.join(', ') };
  const mppe = mppeFromPppd(body);
  if (mppe !== undefined) values.mppe = mppe;
  const hit: Hit = { decoded: [d('packet', values)], outcome: 'info' };
  if (proto === 'CHAP' && name && dir === 'in' && codeName === 'Response') hit.user = name;
  if (proto === 'CHAP' && codeName === 'Failure') {
    const e = msChapErrorOf(body);
    hit.outcome = 'failure';
    hit.cause = 'credentials-rejected';
    if (e) hit.code = e;
    // a Failure received is the answer to this side's own Response (RFC 1994 §4.1: only the authenticator sends it): this side
    // is the one logging in, and the other side refused it
    if (dir === 'in') hit.decoded[0]!.values!.role = 'initiator';
    if (dir === 'in') hit.decoded.push(e ? d('ownLoginRejectedCode', { method: 'CHAP', code: e, role: 'initiator' }) : d('ownLoginRejected', { method: 'CHAP', role: 'initiator' }));
    else hit.decoded.push(d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' }));
  }
  if (proto === 'LCP' && codeName === 'Ident' && quoted && /^MSRAS/.test(quoted)) hit.decoded.push(d('windowsRasIdent', { ident: quoted }));
  if (proto === 'LCP' && codeName === 'ProtRej' && /\b80 ?fd\b|CCP/i.test(body)) {
    hit.outcome = 'failure';
    hit.cause = dir === 'in' ? 'pc-refused-encryption' : 'server-refused-encryption';
  } else if (proto === 'LCP' && codeName === 'ProtRej') protocolRejected(hit, body, dir);
  if (codeName === 'ConfRej') judgeRejected(hit, proto, dir, options);
  // a Configure-Request from the other side after MPPE came up restarts CCP (fsm.c, Opened state): pppd.ts's "MPPE disabled" reads it
  if (negotiation && proto === 'CCP' && dir === 'in' && codeName === 'ConfReq') noteCcpRequestIn(negotiation.state, negotiation.key);
  if (negotiation && code !== undefined && code <= 3) {
    const loop = notePppdNak(`${negotiation.key} ${proto}`, dir, codeName, options, negotiation.state);
    if (loop.length) {
      hit.decoded.push(...loop);
      if (hit.outcome === 'info') hit.outcome = 'warning';
    }
  }
  if (proto === 'LCP' && codeName === 'TermReq' && quoted) hit.decoded.push(d('termReason', { reason: quoted }));
  if (code === undefined) hit.decoded[0]!.values!.code = codeName;
  return hit;
}

/**
 * pppd main.c (get_input): a frame of a protocol pppd has no handler for is logged (with `debug`) as
 * "Unsupported protocol 'NAME' (0xNNNN) received" or "Unsupported protocol 0xNNNN received" and
 * answered with an LCP Protocol-Reject. 0x80fd is CCP: the PC offered MPPE to a pppd without CCP.
 */
export function unsupportedProtocol(m: RegExpMatchArray, role: { role: string } | undefined): Hit {
  const number = m[2] ?? m[3]!;
  const value = parseInt(number, 16);
  // (`role`: a client's log, pppd-role.ts byRole — the frame came from the server)
  if (value === 0x80fd) return { decoded: [d('unsupportedCcp', role)], outcome: 'failure', cause: 'server-refused-encryption' };
  const name = m[1] ?? PPP_PROTOCOLS[value];
  return { decoded: [d('unsupportedProtocol', { number, name: name ? ` (${name})` : '', ...role })], outcome: 'info' };
}

/**
 * An LCP Protocol-Reject other than CCP's: its data begins with the number of the protocol refused (RFC 1661 §5.7, "Rejected-Protocol",
 * two octets), pppd dumping it in hex after the id (`sent [LCP ProtRej id=0x4 82 81 01 01 00 04]`: 0x8281, MPLSCP, with the start of
 * the frame refused). The side that sends it does not run that protocol; a frame of it is dropped and the link goes on.
 */
function protocolRejected(hit: Hit, body: string, dir: string): void {
  const m = /^id=0x[0-9a-f]+ ([0-9a-f]{2}) ([0-9a-f]{2})\b/i.exec(body);
  if (!m) return;
  const value = parseInt(m[1]! + m[2]!, 16);
  const name = PPP_PROTOCOLS[value];
  // (said for a server, as judgeRejected below says a Configure-Reject)
  hit.decoded.push(d(dir === 'out' ? 'protRejSent' : 'protRejByOther', { number: `0x${m[1]}${m[2]}`, name: name ? ` (${name})` : '', role: 'server' }));
}

/**
 * A Configure-Reject of a pppd or accel-ppp dump (`<asyncmap 0x0> <auth chap MS-v2>`; RouterOS's option lines, one a call): each
 * option's number by its name, its value after the name, judged and said by ppp-reject.ts. `rcvd` is the other side refusing
 * what this side asked for, `sent` this side refusing the other's.
 */
export function judgeRejected(hit: Hit, proto: string, dir: string, options: readonly string[]): void {
  const parsed = options.map((o): RejectedOption => {
    const text = o.trim();
    const blank = text.indexOf(' ');
    const mppe = text.startsWith('mppe') ? mppeFromPppd(`<${o}>`) : undefined;
    return { text, type: pppdOptionType(proto, o), ...(blank > 0 ? { value: text.slice(blank + 1) } : {}), ...(mppe !== undefined ? { mppe } : {}) };
  });
  // (said for a server, the side pppd, accel-ppp and RouterOS are unless their lines tell otherwise — the side their packet
  // headings take, "to the PC"; pppd.ts words a dialling pppd's, pppd-role.ts byRole, over it)
  judgeRejects(hit, proto, parsed, { refusedHere: dir === 'out', role: 'server' });
}
