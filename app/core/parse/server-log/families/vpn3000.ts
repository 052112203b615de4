import { SITE_WORDED } from '../describe';
import { d, type FamilyParser, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { LogTime } from '../types';
import { isDigit } from '../char-codes';
import { monthOf } from '../prefixed';
import { VPN3000_EVENTS } from './vpn3000-events';

/**
 * Cisco VPN 3000 concentrator event log: `<seq> MM/DD/YYYY HH:MM:SS.mmm SEV=n CLASS/num RPT=n
 * [peer]  text` (after a syslog header when sent by syslog; the event text may continue on the
 * next lines, as in the FAQ). Severity 1 fault … 3 minor, 4-6 informational, 7-9 debug, 10-13
 * packet dumps (VPN 3000 Concentrator Reference, "Event Classes and Severity Levels").
 */


export const VPN3000_HEAD = /^(?:(\d+) )?(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))? SEV=(\d+) ([A-Z0-9]+)\/(\d+) RPT=(\d+)(?: (\d[\d.]*))?\s+(.*)$/;

/**
 * The same event in the concentrator's "Cisco IOS Compatible" syslog format (the other choice of Syslog Format besides "Original":
 * VPN 3000 Concentrator Reference Volume I, Configuration | System | Events | General): its event number, the date with the year
 * first, the time, the time zone, `%CLASS-SEV-NUM:`, `RPT=n:`, the peer and the text — as a real copy writes it (`111502127: 2014
 * Mar 22 04:07:25.120 +0100 +1:00 %AUTH-4-5: RPT=333150: 37.11.25.29: Authentication rejected: …`, test/fixtures/real/SOURCES.md).
 * Its severity is on IOS's scale there (assumed: the copy's AUTH/5 is 4 where the original format's is SEV=3).
 */
export const VPN3000_IOS_HEAD = /^(\d+): (\d{4}) ([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?: [+-]\d{1,2}:?\d\d)* %([A-Z][A-Z0-9]*)-(\d{1,2})-(\d+): RPT=(\d+): (\d[\d.]*)?: ?(.*)$/;

export interface Vpn3000Record {
  time: LogTime;
  severity: number;
  eventClass: string;
  number: number;
  peer?: string;
  text: string;
}

export function readVpn3000(message: string): Vpn3000Record | null {
  const m = message.match(VPN3000_HEAD);
  if (!m) return readIosCompatible(message);
  return { time: { year: +m[4]!, month: +m[2]!, day: +m[3]!, hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ...(m[8] ? { ms: +m[8] } : {}) }, severity: +m[9]!, eventClass: m[10]!, number: +m[11]!, ...(m[13] ? { peer: m[13] } : {}), text: m[14]!.trim() };
}

function readIosCompatible(message: string): Vpn3000Record | null {
  const m = message.includes(': RPT=') ? message.match(VPN3000_IOS_HEAD) : null;
  if (!m || !monthOf(m[3]!)) return null;
  return { time: { year: +m[2]!, month: monthOf(m[3]!), day: +m[4]!, hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ...(m[8] ? { ms: +m[8] } : {}) }, severity: +m[10]!, eventClass: m[9]!, number: +m[11]!, ...(m[13] ? { peer: m[13] } : {}), text: m[14]!.trim() };
}

/** Whether a record is a concentrator event in either syslog format (a digit first: one character test before the patterns). */
const isVpn3000Head = (message: string): boolean => isDigit(message.charCodeAt(0)) && (VPN3000_HEAD.test(message) || (message.includes(': RPT=') && VPN3000_IOS_HEAD.test(message)));

/**
 * Event classes of the concentrator's own management, not of a tunnel: HTTP is the VPN Concentrator
 * Manager ("HTTP/47 identifies that an administrator logged in to the VPN Concentrator using HTTP",
 * VPN 3000 Series Concentrator Reference Volume II, Filterable Event Log); CONFIG, EVENT, EVENTDBG
 * and EVENTMIB are the configuration and event subsystems (VPN 3002 Hardware Client Reference,
 * Events, Table 9-1); SSH, TELNET, SNMP, FTPD, TFTP and HARDMON (hardware monitoring) assumed from
 * their names. Whatever their severity, they say nothing about a PC's connection.
 */
const MANAGEMENT_CLASSES = new Set(['HTTP', 'SSH', 'TELNET', 'TELNETDBG', 'TELNETDECODE', 'SNMP', 'FTPD', 'TFTP', 'TFTPDBG', 'CONFIG', 'EVENT', 'EVENTDBG', 'EVENTMIB', 'HARDMON']);

/** AUTH/22 `User [ u ] Group [ g ] connected, Session Type: IPSec` (the devialog sample). */
const CONNECTED = /User \[ ?([^\]]+?) ?\] Group \[ ?([^\]]+?) ?\] connected, Session Type: ?([^,]+)/;

function decode(r: Vpn3000Record): Hit {
  const base = d('vpn3000Event', { cls: r.eventClass, n: r.number, sev: r.severity });
  const connected = r.text.match(CONNECTED);
  if (connected) return sessionUp(base, connected[1]!, connected[2]!, connected[3]!.trim());
  // (`…, server = a, user = NAME, domain = …`: the comma ends the name, a blank may be in it)
  const user = r.text.match(/User \[ ?([^\]]+?) ?\]/)?.[1] ?? r.text.match(/user = ([^,]+?)\s*(?:,|$)/)?.[1];
  const withUser = user ? { user } : {};
  if (/excessive packet decrypt failure/i.test(r.text)) return { decoded: [base, d('decryptFailure')], outcome: 'failure', cause: 'decrypt-failure', ...withUser };
  // the group's Simultaneous Logins limit reached (VPN 3000 Concentrator Reference Volume I, User Management | Groups, General tab,
  // "Simultaneous Logins", default 3): the login was refused before any password was judged wrong — as the ASA's 713905 (asa.ts)
  if (/Simultaneous logins exceeded/i.test(r.text)) return { decoded: [base, d('vpn3000MaxLogins', { user: user ?? '?' })], outcome: 'failure', ...withUser };
  if (/Authentication rejected/i.test(r.text)) {
    if (/server (?:timeout|not responding)|no response from server/i.test(r.text)) return { decoded: [base, d('aaaNoReply', { reason: r.text })], outcome: 'failure', cause: 'radius-unreachable', ...withUser };
    return { decoded: [base, d('aaaRejected', { reason: r.text.match(/Reason = ([^,]+?)(?: handle|,|$)/)?.[1] ?? '', server: r.text.match(/server = ([^,\s]+)/)?.[1] ?? '', user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691, ...withUser };
  }
  // IKE's "… failed user authentication": the concentrator's XAUTH (the Cisco VPN Client's user name and password after IKE phase 1);
  // a Windows L2TP/IPsec user is checked in PPP (AUTH's rejections above) — no Windows code (libreswan-xauth.ts says why)
  if (/failed user authentication/i.test(r.text)) return { decoded: [base, d('xauthFailed')], outcome: 'failure', cause: 'xauth-rejected', ...withUser };
  if (/All (?:IPSec )?SA proposals found unacceptable|no proposal chosen/i.test(r.text)) return { decoded: [base, d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal', ...withUser };
  if (/no (?:more )?address(?:es)? (?:available|left)|address pool.*(?:exhausted|empty)/i.test(r.text)) return { decoded: [base, d('noAddressLeft', { address: '' })], outcome: 'failure', cause: 'address-pool', ...withUser };
  // the session events by their class and number (vpn3000-events.ts); after the texts above, which read a reason the number lacks
  const event = VPN3000_EVENTS[`${r.eventClass}/${r.number}`];
  if (event) return { decoded: [base, d(event.key, { user: user ?? '?' })], outcome: event.outcome, ...(event.cause ? { cause: event.cause } : {}), ...(event.code ? { code: event.code } : {}), ...withUser };
  // after the causes above, so that no cause is ever hidden by its class
  if (MANAGEMENT_CLASSES.has(r.eventClass)) return { decoded: [base, d('vpn3000Management', { cls: r.eventClass })], outcome: 'info' };
  return { decoded: [base], outcome: r.severity <= 3 ? 'warning' : 'info', ...withUser };
}

/** A session came up. A LAN-to-LAN tunnel names its peer where a user would be: a site, not a PC's user. */
function sessionUp(base: Hit['decoded'][number], user: string, group: string, session: string): Hit {
  if (/LAN-to-LAN/i.test(session)) return { decoded: [base, d('vpn3000LanToLanUp', { peer: user })], outcome: 'success' };
  return { decoded: [base, d('vpn3000Connected', { user, group, session })], outcome: 'success', user };
}

/**
 * Whether a record's peer is another router in a LAN-to-LAN tunnel, not a PC: the concentrator's event text names the group it put
 * the peer in, `Group [name]`, and a LAN-to-LAN peer's group is named by the peer's address (the real AUTH/22 `User [127.0.0.1] Group
 * [127.0.0.1] connected, Session Type:IPSec/LAN-to-LAN`; the VPN 3000 Concentrator Reference, "IPSec | LAN-to-LAN | Add | Done": the
 * Manager creates the connection's group under the peer's address — assumed from that screen's description, not read here), or says
 * `LAN-to-LAN` itself; a remote-access peer's group is a name an administrator chose (`Group [VPNFull] User [testuser]`). The last
 * sign read for a peer counts; its statements that name the PC (describe.ts SITE_WORDED) then say "the other router".
 */
const L2L_PEERS = 'vpn3000L2lPeers';
const MAX_PEERS = 5000;
const GROUP = /Group \[ ?([^\]]+?) ?\]/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
function lanToLanSign(text: string): boolean | undefined {
  if (text.includes('LAN-to-LAN')) return true;
  // (a plain search before the regex: most records name no group)
  const group = text.includes('Group [') ? text.match(GROUP)?.[1] : undefined;
  return group === undefined ? undefined : IPV4.test(group);
}
function asLanToLan(hit: Hit, peer: string | undefined, text: string, state: Record<string, unknown>): void {
  if (peer === undefined) return;
  const sign = lanToLanSign(text);
  let peers = state[L2L_PEERS] as Map<string, boolean> | undefined;
  if (sign !== undefined) {
    peers ??= state[L2L_PEERS] = new Map<string, boolean>();
    if (peers.size >= MAX_PEERS) peers.clear();
    peers.set(peer, sign);
  }
  if (peers?.get(peer) !== true) return;
  hit.decoded = hit.decoded.map((dd) => (dd.values?.role === undefined && SITE_WORDED.has(dd.key) ? d(dd.key, { ...dd.values, role: 'site' }) : dd));
}

export const vpn3000Family: FamilyParser = {
  family: 'vpn3000',
  // (the head starts with a digit: one character test first, as claims runs for every record no program tag names)
  claims: (pre: Prefixed) => isVpn3000Head(pre.message),
  parse(pre, state) {
    const r = readVpn3000(pre.message);
    if (!r) return null;
    const hit = decode(r);
    if (r.peer) hit.peer = r.peer;
    asLanToLan(hit, r.peer, r.text, state);
    return hit;
  },
};
