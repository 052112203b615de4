import { d, tagged, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';
import { isDigit } from '../char-codes';

/**
 * pfSense's and OPNsense's packet-filter log: the `filterlog` daemon reads pf's pflog0 and writes one CSV line per logged packet
 * to syslog under its own tag (`filterlog[pid]: `, RFC 5424 `filterlog PID - [meta sequenceId="…"] `). The layout is documented
 * by Netgate, "Raw Filter Log Format" (docs.netgate.com/pfsense/en/latest/monitoring/raw-filter-log-format.html, since pfSense 2.2)
 * and written by OPNsense's filterlog (opnsense/ports opnsense/filterlog/files/filterlog.c decode_packet, print-ip.c ip_print,
 * print-ip6.c; its layout in files/description.txt):
 *
 *   rule number, sub-rule, anchor, tracker (pfSense) | rule label (OPNsense: a rule's 32-hex-digit hash, or 0), interface,
 *   reason (match, ip-option, state-mismatch, …), action, direction (in/out), IP version, then
 *   IPv4: TOS, ECN, TTL, ID, offset, flags, protocol id, protocol name, length, source, destination
 *   IPv6: class, flow label, hop limit, protocol name, protocol id, length, source, destination (the two protocol fields the
 *         other way round)
 *   then for TCP and UDP: source port, destination port, data length (TCP more); any other protocol `datalength=N` (GRE, ESP).
 *
 * The action is pf's (filterlog.c pf_actions): `pass`, `block` (a drop, and a reject rule's too: pf logs both as PF_DROP),
 * `synproxy-drop`, and the NAT ones (`nat`, `rdr`, `binat`, `scrub`) that say nothing of the packet's fate; `reject` is read as a
 * drop where a converter wrote it (assumed). The protocol name is getprotobynumber's (`gre`, `esp`, `tcp`, `udp`, IPv6 `UDP`),
 * or `unknown(N)`: the number is used then. Only a VPN's services are named (vpn-services.ts, as for a Linux firewall's log).
 */

const DROPPED = new Set(['block', 'reject', 'synproxy-drop']);
/** an address as filterlog prints it, the part a poster kept (`XXX.XXX.XXX.XXX`), or the note they put there (`[REDACTED_WAN_IP]`) */
const ADDRESS = /^(?:(?=[^.:]*[.:])[0-9A-Fa-fXx.:]+|\[[^\]]*\])$/;
const NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
/** the common fields: rule number, sub-rule, anchor, tracker or label, interface, reason, action, direction, IP version */
const COMMON = 9;

/** A filterlog line's message (the CSV; program `filterlog`, or a copy without a header), read; undefined for any other text. */
export function filterlogLine(pre: Prefixed): UnitHit | undefined {
  // (a copy that put the CSV on several lines, joined with a blank after a comma: detect.ts continuesFilterlog)
  const csv = pre.message.trim();
  const f = (csv.includes(', ') ? csv.replace(/,\s+/g, ',') : csv).split(',');
  if (f.length < COMMON + 8) return undefined;
  const [rule, , , tracker, iface, reason, action, dir, version] = f as [string, string, string, string, string, string, string, string, string];
  if ((dir !== 'in' && dir !== 'out') || !iface || !reason || !action || !/^\d*$/.test(rule)) return undefined;
  // IPv4: …, protocol id, protocol name, length, src, dst; IPv6: …, protocol name, protocol id, length, src, dst
  const v6 = version === '6';
  if (!v6 && version !== '4') return undefined;
  const at = v6 ? COMMON + 3 : COMMON + 6;
  if (f.length < at + 5) return undefined;
  const [id, name] = v6 ? [f[at + 1]!, f[at]!] : [f[at]!, f[at + 1]!];
  const src = f[at + 3]!;
  const dst = f[at + 4]!;
  if (!/^\d+$/.test(id) || !ADDRESS.test(src) || !ADDRESS.test(dst)) return undefined;
  const tcpOrUdp = id === '6' || id === '17';
  const dport = tcpOrUdp ? f[at + 6] : undefined;
  const port = dport !== undefined && /^\d+$/.test(dport) ? Number(dport) : undefined;
  // (the protocol by its name where filterlog knew one — `GRE (IP 47)`, `TCP 853` — else by its number: `IP 132`)
  // (TCP's flags after the data length, pf's letters: `S` a start, `SA` its answer, `A`, `FA` … — only a start's drop stops a connection)
  const flags = id === '6' ? f[at + 8] : undefined;
  const opening = flags === undefined || flags === '' || (flags.includes('S') && !flags.includes('A'));
  const { vpn: service, label: what } = packetService(NAME.test(name) && !name.startsWith('unknown') ? name.toUpperCase() : id, port, opening);
  const state = DROPPED.has(action) ? 'Dropped' : action === 'pass' ? 'Allowed' : 'Logged';
  const drop = service && state === 'Dropped' ? dropOutcome(service) : undefined;
  const hit: Hit = {
    decoded: [
      d(service ? `filterlog${state}` : 'filterlogOther', { service: what, src, dst, action }),
      d(dir === 'in' ? 'filterlogIn' : 'filterlogOut', { iface }),
      d('filterlogRule', { rule: rule || '-', tracker: tracker || '-' }),
    ],
    outcome: drop?.outcome ?? 'info',
  };
  if (drop?.note) hit.decoded.push(drop.note);
  if (service?.cause && state === 'Dropped') hit.cause = service.cause;
  // the other side of the VPN: who sent a packet that came in, where one going out was going
  return { family: 'syslog', hit: service ? tagged(hit, { peer: dir === 'in' ? src : dst }) : hit };
}

/**
 * A filterlog CSV pasted without its syslog header (a parser's comment, a copy of the raw log's messages): read only where a record
 * no family claimed starts with the rule number's digit and holds `,in,` or `,out,` — a plain log's lines never get here.
 */
export function headerlessFilterlogLine(pre: Prefixed): UnitHit | undefined {
  const text = pre.message;
  const c = text.charCodeAt(0);
  if (!isDigit(c) || (!text.includes(',in,') && !text.includes(',out,'))) return undefined;
  return filterlogLine(pre);
}
