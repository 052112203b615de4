import { d, step, tagged, type Hit } from '../kit';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';
import { isDigit } from '../char-codes';

/**
 * Windows Firewall's own log, `pfirewall.log` (an RRAS server's firewall dropping the VPN's packets), in the W3C-like layout every
 * Windows since XP SP2 writes: four header lines — `#Version: 1.5`, `#Software: Microsoft Windows Firewall`, `#Time Format: Local`,
 * `#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path`
 * (Windows 10 and later add `pid`) — then a row per packet or connection, fields apart by blanks, `-` where one does not apply.
 * Sources: Microsoft Learn, "Configuring Firewall Log Files" (Windows 7 / Server 2008 R2, ff428145: the fields, ALLOW and DROP,
 * the path SEND, RECEIVE or FORWARD) and its Azure Stack Edge example of a real `pfirewall.log`; "Protecting Your Data: A Guide to
 * Windows Firewall" (networkuptime.com, the XP SP2 log: actions OPEN, OPEN-INBOUND, CLOSE, DROP, INFO-EVENTS-LOST; the protocol
 * TCP, UDP, ICMP, or the IP protocol number for any other — so GRE is `47`, as the guide quotes Windows Firewall's documentation).
 * The columns are read in that one order: no Windows writes another (a `#Fields` line that differs is not read as this log's).
 */

const ACTIONS = new Set(['ALLOW', 'DROP', 'OPEN', 'OPEN-INBOUND', 'CLOSE', 'INFO-EVENTS-LOST']);
const ROW_DATE = /^\d{4}-\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}:\d{2}[ \t]/;
const HEADER = /^#(?:Version: \d+\.\d+|Software: Microsoft Windows Firewall|Time Format: (?:Local|UTC)|Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path(?: pid)?)\s*$/;

/** A row or header line of Windows Firewall's log (the record's whole text), read; undefined for any other line. */
export function windowsFirewallLine(record: string): UnitHit | undefined {
  // (a copy's indent, what is left of it where a web page collapsed its blanks)
  const text = record.charCodeAt(0) === 32 ? record.trimStart() : record;
  const c = text.charCodeAt(0);
  if (c === 35 /* # */) return HEADER.test(text) ? { family: 'syslog', hit: step('windowsFirewallLogHeader') } : undefined;
  if (!isDigit(c) || !ROW_DATE.test(text)) return undefined;
  const f = text.trim().split(/[ \t]+/);
  const action = f[2]!;
  if (!ACTIONS.has(action)) return undefined;
  if (action === 'INFO-EVENTS-LOST') return { family: 'syslog', hit: step('windowsFirewallEventsLost') };
  const [proto, src, dst, , dport] = f.slice(3, 8);
  if (proto === undefined || src === undefined || dst === undefined) return undefined;
  const port = dport !== undefined && /^\d+$/.test(dport) ? Number(dport) : undefined;
  // (tcpflags, the tenth field: the set flags' letters, `S` a start, `A` … or `-` — only a start's drop stops a connection)
  const flags = f[9];
  const opening = flags === undefined || flags === '-' || (flags.includes('S') && !flags.includes('A'));
  const { vpn: service, label: what } = packetService(proto, port, opening);
  const dropped = action === 'DROP';
  const drop = service && dropped ? dropOutcome(service) : undefined;
  const key = !service ? 'windowsFirewallOther' : dropped ? 'windowsFirewallDropped' : 'windowsFirewallAllowed';
  const path = f.slice(8).find((x) => x === 'SEND' || x === 'RECEIVE' || x === 'FORWARD');
  const hit: Hit = { decoded: [d(key, { service: what, src, dst, action })], outcome: drop?.outcome ?? 'info' };
  if (path) hit.decoded.push(d(`windowsFirewall${path === 'SEND' ? 'Send' : path === 'RECEIVE' ? 'Receive' : 'Forward'}`));
  if (drop?.note) hit.decoded.push(drop.note);
  if (service?.cause && dropped) hit.cause = service.cause;
  // the other side of the VPN: who sent what came in, where what this machine sent was going
  return { family: 'syslog', hit: service ? tagged(hit, { peer: path === 'SEND' ? dst : src }) : hit };
}
