import { type Hit, withRole } from '../kit';
import type { ServerLogEntry } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';

/**
 * A pluto connection this side starts (a site-to-site gateway or a client, `auto=start`, `ipsec auto --up`), decided per connection from
 * its first exchange: a serial of it whose role told the initiator's first-phase states or words (libreswan-serial.ts serialRole:
 * MAIN_I1, PARENT_I1, IKE_SA_INIT_I, `initiating Main Mode`, `sent IKE_SA_INIT request` …). pluto can only start a connection whose
 * other end is one known address (programs/pluto/initiate.c: a `right=%any` template cannot be initiated, "cannot initiate connection
 * without knowing peer IP address"): its other side is a responder, not a PC dialling in. So a failure on a serial of it whose own lines
 * told no role (a paste that starts mid-way, `ignoring informational payload NO_PROPOSAL_CHOSEN` before any state of its serial) is
 * worded for the side that started, as byInitiatorSerial words a serial that told it — both after the connection was seen starting,
 * and before: such failures are kept (bounded) and re-worded when a later serial of the connection shows it.
 *
 * Keyed by the connection's quoted name with its instance (`"office"`, `"l2tp-psk"[5]`): a road-warrior template's instances are its
 * PCs, one each, so one instance this side rekeyed says nothing of the others. Quick Mode and Child SA serials are not a sign (a
 * server rekeying a PC's IPsec SA starts Quick Mode on the PC's instance; assumed that it does not make the instance its own dialling).
 */
const STARTED = 'plutoStartedConns';
const PENDING = 'plutoPendingRole';
const NOTE = 'plutoNoteRole';
const MAX_CONNS = 1000;
const MAX_PENDING_CONNS = 256;
const MAX_PENDING = 8;

/** `"office"` or `"l2tp-psk"[5]` from a record's text (its first quoted name and instance), a copy (not a cut keeping the record alive) */
export function connKey(text: string): string | undefined {
  const open = text.indexOf('"');
  if (open < 0) return undefined;
  const close = text.indexOf('"', open + 1);
  if (close < 0) return undefined;
  let end = close + 1;
  if (text.charCodeAt(end) === 91 /* [ */) {
    const shut = text.indexOf(']', end);
    if (shut > end && shut - end <= 8) end = shut + 1;
  }
  return ` ${text.slice(open, end)}`.slice(1);
}

const started = (state: Record<string, unknown>): Map<string, true> | undefined => state[STARTED] as Map<string, true> | undefined;

/** A failure (parse: the hit has a cause, its serial's role is not known): worded for the side that started when its connection is known to; else noted for track. */
export function byStartedConn(hit: Hit, message: string, state: Record<string, unknown>): Hit {
  const key = connKey(message);
  if (key === undefined) return hit;
  if (started(state)?.has(key)) hit.decoded = hit.decoded.map((dd) => withRole(dd, 'initiator'));
  // (track keeps its entry until the connection shows its role)
  else state[NOTE] = key;
  return hit;
}

/** track: a failure parse noted, kept per connection (bounded) until a serial of the connection shows this side started it. */
export function keepUnroled(state: Record<string, unknown>, entry: () => ServerLogEntry): void {
  const key = state[NOTE] as string | undefined;
  if (key === undefined) return;
  state[NOTE] = undefined;
  // (the oldest connection's entries go first past MAX_PENDING_CONNS)
  const pending = waitingOn<ServerLogEntry>(state, PENDING, { keys: MAX_PENDING_CONNS, perKey: MAX_PENDING });
  if (pending.hasRoom(key)) pending.put(key, entry());
}

/** track: the first serial role of a record told this side started its first exchange (not Quick Mode, not a Child SA). */
const LATER_PHASE = /QUICK|Quick|CHILD|Child|REKEY/;
export function noteStarted(text: string, state: Record<string, unknown>): void {
  if (LATER_PHASE.test(text)) return;
  const key = connKey(text);
  if (key === undefined) return;
  let conns = started(state);
  if (!conns) state[STARTED] = conns = new Map();
  if (conns.has(key)) return;
  if (conns.size >= MAX_CONNS) conns.clear();
  conns.set(key, true);
  // the failures of this connection before it showed it: worded for the side that started, as those after
  const pending = state[PENDING] as WaitingForSide<ServerLogEntry> | undefined;
  if (!pending) return;
  for (const e of pending.settle(key)) e.decoded = e.decoded.map((dd) => withRole(dd, 'initiator'));
}
