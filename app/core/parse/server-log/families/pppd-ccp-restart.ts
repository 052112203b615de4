import type { FamilyState } from '../kit';

/**
 * pppd sessions (by pid) whose MPPE came up, and those where the other side then sent a new CCP Configure-Request (fsm.c: in the
 * Opened state it restarts the negotiation) — pppd.ts's "MPPE disabled" is then the link's end, not its normal close. Two bounded
 * sets in one state slot each, not a key per pid on the family's state: a busy server's log has thousands of sessions, and a state
 * object with thousands of keys made every other read of it slower (explain-log 1.1× on the bench log) and grew without bound.
 */
const UP = 'pppdMppeUp';
const RESTARTED = 'pppdCcpRestarted';
/** sessions remembered at once (cleared when full, as the rule cache is): far more than a server runs together */
const CAP = 1024;

function add(s: FamilyState, slot: string, pid: string): void {
  let set = s[slot] as Set<string> | undefined;
  if (!set) s[slot] = set = new Set();
  else if (set.size >= CAP) set.clear();
  set.add(pid);
}

export const noteMppeUp = (s: FamilyState, pid: string): void => add(s, UP, pid);

/** The other side's CCP Configure-Request (pppd-packet.ts): after MPPE came up on this session, a restart. */
export function noteCcpRequestIn(s: FamilyState, pid: string): void {
  if ((s[UP] as Set<string> | undefined)?.has(pid)) add(s, RESTARTED, pid);
}

export const ccpRestarted = (s: FamilyState, pid: string): boolean => (s[RESTARTED] as Set<string> | undefined)?.has(pid) === true;
