import { SITE_WORDED } from '../describe';
import type { Hit } from '../kit';
import type { Decoded } from '../types';
import { waitingOn } from '../waiting-for-side';

/**
 * A SonicWall in a tunnel with another gateway (site-to-site), not with a PC: by the VPN policy a GUI log row's notes name
 * (`VPN Policy: WAN GroupVPN;3DES; MD5; …`, the real copy sonicwall-gui-log-tabs-…). SonicOS has two kinds of policy:
 * - GroupVPN, its policy for clients: "GroupVPN is only available for Global VPN Clients", one per zone, named by SonicOS after
 *   the zone ("two default GroupVPN policies for the WAN and WLAN zones", "You cannot change the name of any GroupVPN policy":
 *   SonicOS help "Configuring GroupVPN Policies", help.sonicwall.com …/VPN_Settings.099.05.html). Windows' L2TP/IPsec PCs come in
 *   on the L2TP Server behind WAN GroupVPN (sonicwall.ts);
 * - every other policy, which the administrator adds and names (Policy Type Site to Site or Tunnel Interface, with the other
 *   side's "IPsec Primary Gateway Name or Address": help.sonicwall.com …/VPN_Settings.085.07.htm; "Remote office networks …
 *   site-to-site VPN connections that enable network-to-network VPN connections", …/PANEL_vpnConfig.htm).
 * So a named policy that is not `<zone> GroupVPN` is a tunnel between two gateways: the statements of that tunnel that name the
 * PC (describe.ts SITE_WORDED) say "the other router", and its causes are worded for two routers (findings.ts causeAsSite).
 *
 * A tunnel is the pair of addresses in the row's Source and Destination columns (either order: the SonicWall sends some rows and
 * receives others). Rows without notes (`Received Aggressive Mode request`) come before or after the row that names the policy —
 * the GUI's table is newest first, an export may be oldest first — so a pair's statements wait for its sign (bounded), and a
 * sign words what waited and what follows (waiting-for-side.ts: the store the other families' waiting statements use). No policy named (the message column alone, a syslog record): the PC's wording stays.
 */
/** what each tunnel's policy said (true another gateway's, false a client's GroupVPN); a tunnel not yet told waits in the store */
const TOLD = 'swSiteTold';
const WAITING = 'swSiteWaiting';
/** tunnels remembered at once, told or waiting (a gateway's log of a day may name thousands of peers): past it the oldest goes */
const MAX_TUNNELS = 5000;
/** statements one untold tunnel keeps (its first: the rows read before its policy's) */
const MAX_WAITING = 32;

/** `VPN Policy: <name>` in the notes, up to the `;` before the proposal (`VPN Policy: WAN GroupVPN;3DES; MD5; …`) */
const POLICY = /(?:^|;\s*)VPN Policy: ([^;]+?)\s*(?:;|$)/;
/** SonicOS's names of its client policies: the zone's name and ` GroupVPN` */
const GROUP_VPN = /(?:^|\s)GroupVPN$/i;

/** the policy a row's notes name, or undefined (`VPN Policy NOT found for proposed ID type: …` names none) */
export function policyOf(notes: string | undefined): string | undefined {
  if (!notes || !notes.includes('VPN Policy: ')) return undefined;
  return notes.match(POLICY)?.[1];
}

/** the address of a Source/Destination column (`192.yyy.yyy.yyy, 4500 (admin)`, `98.xxx.xxx.xxx 4500`): its first word */
const addressOf = (column: string | undefined): string => column?.match(/^[^\s,]+/)?.[0] ?? '';
/** one tunnel's key: its two addresses, in either order */
export const tunnelKey = (source: string | undefined, destination: string | undefined): string => [addressOf(source), addressOf(destination)].sort().join(' ');

const asSite = (dd: Decoded): void => {
  if (dd.values?.role === undefined && SITE_WORDED.has(dd.key)) dd.values = { ...dd.values, role: 'site' };
};

/** A row's statements worded for a site-to-site tunnel when its tunnel's policy (in this row or another) says so. */
export function bySitePolicy(hit: Hit, key: string, notes: string | undefined, state: Record<string, unknown>): Hit {
  const told = (state[TOLD] ??= new Map<string, boolean>()) as Map<string, boolean>;
  const waiting = waitingOn<Decoded>(state, WAITING, { keys: MAX_TUNNELS, perKey: MAX_WAITING });
  const policy = policyOf(notes);
  if (policy !== undefined) {
    const site = !GROUP_VPN.test(policy);
    // (re-set: the most recently told tunnel is the last to go)
    told.delete(key);
    told.set(key, site);
    if (told.size > MAX_TUNNELS) told.delete(told.keys().next().value!);
    for (const dd of waiting.settle(key)) if (site) asSite(dd);
  }
  const site = told.get(key);
  if (site === true) hit.decoded.forEach(asSite);
  else if (site === undefined) for (const dd of hit.decoded) if (SITE_WORDED.has(dd.key)) waiting.put(key, dd);
  return hit;
}
