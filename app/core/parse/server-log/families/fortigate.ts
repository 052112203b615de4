import type { FamilyParser } from '../kit';
import type { Prefixed } from '../prefix';
import { fortiOsRecord } from './fortigate-event';
import { isFortiOsRecord } from './fortigate-fields';
import { IKE_HEAD, ikeDebugLine } from './fortigate-ike';

/**
 * FortiGate (FortiOS): its event log in key=value form (fortigate-event.ts) — alone, numbered by `execute log display`, or
 * after a syslog relay's header — and its IKE daemon's debug output (fortigate-ike.ts). Windows' built-in L2TP/IPsec and
 * IKEv2 clients meet a FortiGate as a dial-up phase 1; the help desk gets these two logs.
 */

/** `ike 0:` / `ike V=root:0:` starts a debug line (one character test first: claims runs for every record no tag names) */
const isIkeDebug = (message: string): boolean => message.charCodeAt(0) === 105 /* i */ && message.startsWith('ike ') && IKE_HEAD.test(message);

export const fortigateFamily: FamilyParser = {
  family: 'fortigate',
  claims: (pre: Prefixed) => isIkeDebug(pre.message) || isFortiOsRecord(pre.message),
  parse(pre, state) {
    if (isIkeDebug(pre.message)) return ikeDebugLine(pre.message, pre, state);
    return isFortiOsRecord(pre.message) ? fortiOsRecord(pre.message) : null;
  },
};
