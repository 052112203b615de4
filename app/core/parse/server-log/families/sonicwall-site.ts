import { SITE_WORDED } from '../describe';
import type { Hit } from '../kit';
import type { Decoded } from '../types';

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
 * sign words what waited and what follows. No policy named (the message column alone, a syslog record): the PC's wording stays.
 */
const SITE = 'swSite';
const MAX_WAITING = 32;
/** tunnels remembered at once: a gateway's log of a day may name thousands of peers */
const MAX_TUNNELS = 5000;

interface Tunnel {
  /** true another gateway's (a named policy), false a client's (GroupVPN), undefined no policy named yet */
  site?: boolean;
  waiting: Decoded[];
}

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
  const tunnels = (state[SITE] ??= new Map<string, Tunnel>()) as Map<string, Tunnel>;
  let tunnel = tunnels.get(key);
  if (!tunnel) {
    if (tunnels.size >= MAX_TUNNELS) tunnels.clear(); // bounded memory on a long log with many peers (as pluto's serials: libreswan-serial.ts)
    tunnels.set(key, (tunnel = { waiting: [] }));
  }
  const policy = policyOf(notes);
  if (policy !== undefined) {
    tunnel.site = !GROUP_VPN.test(policy);
    if (tunnel.site) for (const dd of tunnel.waiting) asSite(dd);
    tunnel.waiting = [];
  }
  if (tunnel.site === true) hit.decoded.forEach(asSite);
  else if (tunnel.site === undefined) for (const dd of hit.decoded) if (SITE_WORDED.has(dd.key) && tunnel.waiting.length < MAX_WAITING) tunnel.waiting.push(dd);
  return hit;
}
