import { d } from '../kit';
import type { Decoded } from '../types';

/**
 * strongSwan's statements worded by which side the log is, once a later line tells it (strongswan-role.ts for the side that
 * initiated, strongswan-site.ts for a router answering another router): one rewording for both, each with its own set of
 * keys (describe.ts INITIATOR_WORDED, SITE_WORDED) and its own `role` value.
 */

/** A statement `keys` words by side and not worded yet: an IKE message's direction (summary()) or one of the keys */
export const wordedBy =
  (keys: ReadonlySet<string>) =>
  (dd: Decoded): boolean =>
    dd.values?.role === undefined && (dd.key === 'ikeMessage' || keys.has(dd.key));

/**
 * In place (the entry holds this array): the statements `worded` picks get `role`; the remark that a weak proposal is Windows'
 * first offer goes (neither an initiator's `received proposals`, the responder's answer, nor another router's offer is a PC's).
 */
export function wordAs(decoded: Decoded[], role: 'initiator' | 'site', worded: (dd: Decoded) => boolean): void {
  for (let i = decoded.length - 1; i >= 0; i--) {
    const dd = decoded[i]!;
    if (dd.key === 'windowsWeakProposal') decoded.splice(i, 1);
    else if (worded(dd)) decoded[i] = d(dd.key, { ...dd.values, role });
  }
}
