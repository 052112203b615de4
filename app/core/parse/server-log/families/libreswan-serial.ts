import { IKEV1_STATES } from '../codes/ike';
import { type Hit, withRole } from '../kit';
import type { ServerLogEntry } from '../types';
import { isDigit, isUpper } from '../char-codes';

/**
 * What libreswan.ts remembers per pluto serial (`#n`: one IKE SA or IPsec SA): its state, its retransmissions, and this side's role
 * in it — read by the give-up rules (gaveUp) and by track/finish.
 */

const STATE_NAMES = new Map(Object.keys(IKEV1_STATES).map((k) => [k, k]));

/**
 * A state's name as the decoded value (its words are the reader's language's: describe.ts
 * ikeStateText); a known name is the table's own string, so no entry holds a cut of the read chunk.
 */
export const stateName = (s: string): string => STATE_NAMES.get(s) ?? s;

/**
 * The last match of /STATE_[A-Z0-9_]+/g in the text (the regex's array only where the reading below is unsure), as the table's
 * constant or a copy (a cut of the record would keep its whole read chunk alive for as long as the serial is remembered).
 * `known`: a name a record had before, given back itself when the text names it — compared in place. Found by forward
 * searches (indexOf's builtin; lastIndexOf is a runtime call), and a cut of the record and its lookup hash a fresh string:
 * on a pluto-only log these took 0.4 µs of a record's 1.9.
 */
const isStateChar = (c: number) => isUpper(c) || isDigit(c) || c === 95;
export function lastState(text: string, known: string | undefined): string | undefined {
  let at = text.indexOf('STATE_');
  if (at < 0) return undefined;
  for (let next = text.indexOf('STATE_', at + 6); next >= 0; next = text.indexOf('STATE_', next + 6)) at = next;
  let end = at + 6;
  // a state character before it (it may sit inside an earlier match) or none after it: the regex decides
  if ((at > 0 && isStateChar(text.charCodeAt(at - 1))) || !isStateChar(text.charCodeAt(end))) {
    const all = text.match(/(STATE_[A-Z0-9_]+)/g);
    return all ? stateCopy(all[all.length - 1]!) : undefined;
  }
  while (isStateChar(text.charCodeAt(end))) end++;
  if (known !== undefined && known.length === end - at && text.startsWith(known, at)) return known;
  return stateCopy(text.slice(at, end));
}
const stateCopy = (name: string): string => STATE_NAMES.get(name) ?? ` ${name}`.slice(1);

/** a state of the side that initiated: `_I` and its number (MAIN_I4, QUICK_I2, AGGR_I2, PARENT_I3; 5.x IKE_SA_INIT_I, IKE_AUTH_I) */
export const INITIATOR_STATE = /_I\d*$/;
const RESPONDER_STATE = /_R\d*$/;

export interface Serial {
  state?: string;
  retransmits: number;
  established: boolean;
  last?: ServerLogEntry;
  /** this side's first message (MI1 / IKE_SA_INIT) retransmitted, unanswered so far, and the last such record */
  firstRetransmits?: number;
  lastFirst?: ServerLogEntry;
  /** the PC's IKE_SA_INIT repeated after the server answered (its answers lost on the way), until the PC moved on to IKE_AUTH */
  initRepeats?: number;
  lastRepeat?: ServerLogEntry;
  movedOn?: boolean;
  /** this side's role in the SA, where a line of its serial told it (serialRole): true = initiator */
  initiator?: boolean;
  /**
   * this side refused the other side's authentication method (libreswan.ts) / found no private key of its own (libreswan-initiator.ts)
   * on this serial: the AUTHENTICATION_FAILED it sends next on the same serial is that cause (libreswan-notify.ts). Per serial, not
   * the last serial's: a busy server's lines for two PCs interleave, and another PC's refusal between them is not this one's
   */
  authMethodRefused?: boolean;
  ownKeyMissing?: boolean;
}

/** What is remembered of the serial a record's session (`#serial`) names. */
export const serialOf = (state: Record<string, unknown>, session: string | undefined): Serial | undefined => {
  if (!session) return undefined;
  const all = (state.serials ??= new Map<string, Serial>()) as Map<string, Serial>;
  let s = all.get(session);
  if (!s) {
    if (all.size > 5000) all.clear(); // bounded memory on long logs
    s = { retransmits: 0, established: false };
    all.set(session, s);
  }
  return s;
};

/** The serial of the record being parsed (parse() sets state.serialNow before the rules run), if it was seen before; none is made. */
export const currentSerial = (state: Record<string, unknown>): Serial | undefined => {
  const now = state.serialNow as string | undefined;
  return now ? (state.serials as Map<string, Serial> | undefined)?.get(now) : undefined;
};

/**
 * This side's role in a serial's SA from one of its lines, or undefined: a state of one role (`_I`/`_R` and its number: MAIN_I1,
 * AGGR_R1, PARENT_I2, 5.x IKE_SA_INIT_I; Libreswan programs/pluto/ikev1_states.c and ikev2_states.c), or 4.x/5.x's own words
 * (`initiator|responder established IKE SA`, `sent IKE_SA_INIT request`, `processed IKE_SA_INIT request`, `sent IKE_SA_INIT reply`,
 * libreswan #786, #2184, hwdsl2/setup-ipsec-vpn #1190), and IKEv1's `responding to Quick Mode proposal` (ikev1_quick.c
 * quick_inI1_outR1: the responder's Quick Mode serial). The state names that say nothing of it (ESTABLISHED_IKE_SA) leave it.
 */
const ROLE_WORDS = /\b(?:(initiator) established|(responder) established|sent IKE_SA_INIT (?:(request)|reply|response)|processed IKE_SA_INIT (request)|(initiating) (?:IKEv2|Main Mode|Aggressive Mode)|(responding) to (?:Main|Aggressive|Quick) Mode)\b/;
export function serialRole(text: string, st: string | undefined): boolean | undefined {
  if (st !== undefined) {
    if (INITIATOR_STATE.test(st)) return true;
    if (RESPONDER_STATE.test(st)) return false;
  }
  const m = text.match(ROLE_WORDS);
  return m ? Boolean(m[1] ?? m[3] ?? m[5]) : undefined;
}

/**
 * A failure on a serial this side initiated (a router dialling: MAIN_I*, PARENT_I*, `initiating Quick Mode` …): its statements get
 * `role: 'initiator'` (worded so where describe.ts INITIATOR_WORDED has a text), so findings.ts words the cause for the side that
 * started the connection — the other side is the responder, not a PC ("Link1" #1 MAIN_I4 receiving NO_PROPOSAL_CHOSEN was "The
 * server accepts none of the PC's IPsec proposals"). A serial whose role no line told keeps the server's wording.
 */
export function byInitiatorSerial(hit: Hit, state: Record<string, unknown>): Hit {
  if (!hit.cause || currentSerial(state)?.initiator !== true) return hit;
  hit.decoded = hit.decoded.map((dd) => withRole(dd, 'initiator'));
  return hit;
}
