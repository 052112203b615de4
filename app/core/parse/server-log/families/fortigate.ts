import { step, type FamilyParser, type FamilyState, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { fortiOsRecord } from './fortigate-event';
import { isFortiOsFieldsLine, isFortiOsRecord, readFields } from './fortigate-fields';
import { IKE_HEAD, ikeDebugLine } from './fortigate-ike';

/**
 * FortiGate (FortiOS): its event log in key=value form (fortigate-event.ts) — alone, numbered by `execute log display`, or
 * after a syslog relay's header — and its IKE daemon's debug output (fortigate-ike.ts). Windows' built-in L2TP/IPsec and
 * IKEv2 clients meet a FortiGate as a dial-up phase 1; the help desk gets these two logs.
 */

/** `ike 0:` / `ike V=root:0:` starts a debug line (one character test first: claims runs for every record no tag names) */
const isIkeDebug = (message: string): boolean => message.charCodeAt(0) === 105 /* i */ && message.startsWith('ike ') && IKE_HEAD.test(message);

/** The last FortiOS record's fields, and how much of its failure was said: the lines of its rest a copy split off add to it. */
interface OpenRecord {
  fields: Map<string, string>;
  said: 'nothing' | 'failure' | 'cause';
}
const saidOf = (hit: Hit): OpenRecord['said'] => (hit.outcome !== 'failure' ? 'nothing' : hit.cause ? 'cause' : 'failure');
const OPEN = 'fortiOsOpenRecord';

/**
 * A line of fields alone under a FortiOS record (no header, no log id of its own) is that record's rest: a forum copy split a
 * FortiOS 4 record one field a line (question 409591), its status and reason far below its head. Its fields join the record's; the
 * line that completes a failure (status negotiate_error) says it once, and again only when a later line's reason gives its cause.
 */
function recordRest(message: string, open: OpenRecord): Hit {
  const added: string[] = [];
  for (const [name, v] of readFields(message)) {
    if (open.fields.has(name)) continue;
    open.fields.set(name, v);
    added.push(name);
  }
  if (open.said !== 'cause') {
    const hit = fortiOsRecord(open.fields);
    const said = saidOf(hit);
    if (said !== 'nothing' && said !== open.said) {
      open.said = said;
      return hit;
    }
  }
  return step('fgRecordRest', { fields: added.join(', ') || '-' });
}

export const fortigateFamily: FamilyParser = {
  family: 'fortigate',
  claims: (pre: Prefixed) => isIkeDebug(pre.message) || isFortiOsRecord(pre.message),
  claimsLeftover: (pre: Prefixed, state: FamilyState) => state[OPEN] !== undefined && pre.shape === 'none' && isFortiOsFieldsLine(pre.message),
  parse(pre, state) {
    if (isIkeDebug(pre.message)) return ikeDebugLine(pre.message, pre, state);
    if (isFortiOsRecord(pre.message)) {
      const fields = readFields(pre.message);
      const hit = fortiOsRecord(fields);
      state[OPEN] = { fields, said: saidOf(hit) } satisfies OpenRecord;
      return hit;
    }
    const open = state[OPEN] as OpenRecord | undefined;
    return open && isFortiOsFieldsLine(pre.message) ? recordRest(pre.message, open) : null;
  },
};
