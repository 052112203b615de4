import { step, tagged, type FamilyParser, type FamilyState, type Hit } from '../kit';
import { detach } from '../record-entries';
import type { Cause, Outcome, ServerLogEntry } from '../types';
import type { Prefixed } from '../prefix';
import { fortiOsRecord } from './fortigate-event';
import { isFortiOsFieldsLine, isFortiOsRecord, readFields } from './fortigate-fields';
import { IKE_HEAD, ikeDebugLine } from './fortigate-ike';
import { fortiOsPppDebug, isFortiOsPppDebug } from './fortigate-ppp';

/**
 * FortiGate (FortiOS): its event log in key=value form (fortigate-event.ts) — alone, numbered by `execute log display`, or
 * after a syslog relay's header — its IKE daemon's debug output (fortigate-ike.ts) and its PPP daemon's (fortigate-ppp.ts: L2TP's and the SSL VPN tunnel's). Windows' built-in L2TP/IPsec and
 * IKEv2 clients meet a FortiGate as a dial-up phase 1; the help desk gets these two logs.
 */

/** `ike 0:` / `ike V=root:0:` starts a debug line (one character test first: claims runs for every record no tag names) */
const isIkeDebug = (message: string): boolean => message.charCodeAt(0) === 105 /* i */ && message.startsWith('ike ') && IKE_HEAD.test(message);

/**
 * The last FortiOS record: its fields so far, what was last said of it (outcome and cause), and the entry that said it (track()
 * keeps it: `saying` marks the record parse just said it on).
 */
interface OpenRecord {
  fields: Map<string, string>;
  outcome: Outcome;
  cause: Cause | undefined;
  entry: ServerLogEntry | undefined;
  saying: boolean;
  /** a quoted value the line ended in before its closing quote (`msg="User anna failed`): read with the line that closes it */
  cut: string | undefined;
}
const OPEN = 'fortiOsOpenRecord';

/**
 * A line of fields alone under a FortiOS record (no header, no log id of its own) is that record's rest: a forum copy split a
 * FortiOS 4 record one field a line (question 409591), its status and reason far below its head; a copy of `execute log display`
 * or of the GUI's raw view wrapped a record over lines at any field, in any order of its fields. Its fields join the record's.
 * When they change what the record says — a failure (status negotiate_error) or its cause (a reason) — this line says the record
 * anew; when they only complete it (the user, the remote address, the tunnel, the reason of a failure whose cause was said, the
 * words of a step), the entry that said it is completed in place — its words, user, peer and tunnel — so the record is said once,
 * whole, and this line is its rest, with the record's user and peer.
 */
function recordRest(line: string, open: OpenRecord): Hit {
  const added: string[] = [];
  // (a value cut inside its quotes goes on here: joined by a blank, as a copy's wrap most often took one)
  const message = open.cut === undefined ? line : `${open.cut} ${line}`;
  open.cut = cutValue(message);
  for (const [name, v] of readFields(open.cut === undefined ? message : message.slice(0, message.length - open.cut.length))) {
    if (open.fields.has(name)) continue;
    open.fields.set(name, v);
    added.push(name);
  }
  const hit = fortiOsRecord(open.fields);
  const outcome = hit.outcome ?? 'info';
  if (outcome !== open.outcome || hit.cause !== open.cause) {
    open.outcome = outcome;
    open.cause = hit.cause;
    open.saying = true;
    return hit;
  }
  if (open.entry && added.length > 0) complete(open.entry, hit);
  return tagged(step('fgRecordRest', { fields: added.join(', ') || '-' }), { user: hit.user, peer: hit.peer, session: hit.session });
}

/**
 * The field whose quoted value a line ends in before its closing quote (`… msg="User anna failed`), from its name on; undefined when
 * every quote is closed. Cheap: one count of quotes (a record's line holds an even number) before any look for the field.
 */
function cutValue(message: string): string | undefined {
  let quotes = 0;
  for (let i = message.indexOf('"'); i >= 0; i = message.indexOf('"', i + 1)) quotes++;
  if (quotes % 2 === 0) return undefined;
  const open = message.lastIndexOf('"');
  const m = message.slice(0, open + 1).match(/(?:^|\s)([a-z][a-z0-9_]*="$)/i);
  return m ? message.slice(open + 1 - m[1]!.length) : undefined;
}

/** Whether a line closes the quoted value a record's line ended in (`in authentication" status="failure"`): its rest. */
const closesCut = (message: string): boolean => message.includes('"') && isFortiOsFieldsLine(`x="${message}`);

/** the entry that said a record takes what its rest added: the record's words, user, peer and tunnel (its own strings: detach) */
function complete(e: ServerLogEntry, hit: Hit): void {
  e.decoded = hit.decoded;
  if (hit.user) e.user = hit.user;
  if (hit.peer) e.peer = hit.peer;
  if (hit.session) e.session = hit.session;
  if (hit.time && !e.time) e.time = hit.time;
  detach(e);
}

export const fortigateFamily: FamilyParser = {
  family: 'fortigate',
  claims: (pre: Prefixed) => isIkeDebug(pre.message) || isFortiOsRecord(pre.message) || isFortiOsPppDebug(pre.message),
  claimsLeftover: (pre: Prefixed, state: FamilyState) => {
    const open = state[OPEN] as OpenRecord | undefined;
    return open !== undefined && pre.shape === 'none' && (open.cut !== undefined ? closesCut(pre.message) : isFortiOsFieldsLine(pre.message));
  },
  parse(pre, state) {
    if (isIkeDebug(pre.message)) return ikeDebugLine(pre.message, pre, state);
    if (isFortiOsRecord(pre.message)) {
      const cut = cutValue(pre.message);
      const fields = readFields(cut === undefined ? pre.message : pre.message.slice(0, pre.message.length - cut.length));
      const hit = fortiOsRecord(fields);
      state[OPEN] = { fields, outcome: hit.outcome ?? 'info', cause: hit.cause, entry: undefined, saying: true, cut } satisfies OpenRecord;
      return hit;
    }
    if (isFortiOsPppDebug(pre.message)) return fortiOsPppDebug(pre.message);
    const open = state[OPEN] as OpenRecord | undefined;
    return open && (open.cut !== undefined ? closesCut(pre.message) : isFortiOsFieldsLine(pre.message)) ? recordRest(pre.message, open) : null;
  },
  // the entry of the line that last said the open record, for its rest to complete (one entry kept: the open record's)
  track(seen, state) {
    const open = state[OPEN] as OpenRecord | undefined;
    if (!open?.saying) return;
    open.saying = false;
    open.entry = seen.entry();
  },
};
