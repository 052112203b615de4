import { d, tagged, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';
import { isDigit, isUpper } from '../char-codes';
import { isBroadcastTarget, isPrivateSender } from './tunnel-senders';

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
/**
 * The interfaces a VPN's decrypted traffic comes in on: `enc0`, FreeBSD's enc(4) — "the enc device exposes the inbound and outbound
 * IPsec traffic after decryption" (man enc(4)), where pfSense's and OPNsense's IPsec rules (the "IPsec" tab) are applied; `ovpnsN`,
 * pfSense's and OPNsense's OpenVPN server N (Netgate docs, "OpenVPN Interfaces": ovpnsX servers, ovpncX clients; a real line
 * holds `ovpns1`). Neither says whether its far end is a remote user or another site (an IPsec mobile client or a site-to-site
 * tunnel; an OpenVPN remote-access or peer-to-peer server): a drop there is a warning without a cause. L2TP's and PPTP's interfaces
 * (mpd's, pfSense's `l2tp`/`pptp` groups) are left out: no real line of them was found.
 */
const TUNNEL_IN = /^(?:enc\d+|ovpns\d+)$/;
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
  // a packet that came in out of a VPN tunnel (its decrypted side) from a private sender and was blocked: the tunnel is up, and this
  // firewall's rules refuse what its far end sends through it — a warning (the rules may keep it from that target on purpose)
  const tunnelDrop = state === 'Dropped' && !service && dir === 'in' && TUNNEL_IN.test(iface) && isPrivateSender(src) && !isBroadcastTarget(dst);
  const hit: Hit = {
    decoded: [
      tunnelDrop ? d('filterlogTunnelDropped', { service: what, src, dst, iface }) : d(service ? `filterlog${state}` : 'filterlogOther', { service: what, src, dst, action }),
      d(dir === 'in' ? 'filterlogIn' : 'filterlogOut', { iface }),
      d('filterlogRule', { rule: rule || '-', tracker: tracker || '-' }),
    ],
    outcome: drop?.outcome ?? (tunnelDrop ? 'warning' : 'info'),
  };
  if (drop?.note) hit.decoded.push(drop.note);
  // (an IPv4 fragment — a later piece, offset > 0, or the first with more to come, flags `+` — the tunnel dropped: pf filters fragments as
  // they come unless its scrub reassembles them first (pf.conf(5) "scrub … fragment reassemble"; OPNsense's Normalization rules) —
  // the real rows, opnsense/core#5844, drop both pieces of each large TCP segment while the small packets of the same flow pass)
  if (tunnelDrop && !v6 && (f[COMMON + 4] !== '0' || f[COMMON + 5]?.includes('+'))) hit.decoded.push(d('filterlogFragment', { offset: f[COMMON + 4] ?? '?' }));
  if (service?.cause && state === 'Dropped') hit.cause = service.cause;
  // the other side of the VPN: who sent a packet that came in, where one going out was going (the tunnel's own sender: its far end)
  return { family: 'syslog', hit: service || tunnelDrop ? tagged(hit, { peer: dir === 'in' ? src : dst }) : hit };
}

/**
 * A filterlog CSV pasted without its syslog header (a parser's comment, a copy of the raw log's messages): read only where a record
 * no family claimed starts with the rule number's digit and holds `,in,` or `,out,` — a plain log's lines never get here.
 */
export function headerlessFilterlogLine(pre: Prefixed): UnitHit | undefined {
  const text = pre.message;
  const c = text.charCodeAt(0);
  if (!isDigit(c)) return isUpper(c) ? logViewRow(pre) : undefined;
  if (!text.includes(',in,') && !text.includes(',out,')) return undefined;
  return filterlogLine(pre);
}

/**
 * OPNsense's log view (Firewall › Log Files › Plain View; columns date, severity, process, line) copied as text: the ISO time is read
 * as the header, and the rest is `Informational<TAB>filterlog<TAB><CSV>` (real rows: opnsense/core#5844). The severity is syslog's as
 * a word (RFC 5424 §6.2.1; `Notice` in the same view's mpd rows, test/fixtures/real/server-logs/mpd5-opnsense-gui-copy-tabs-*).
 */
// (the tabs may have become blanks or tab stops on their way: a mail's or a web page's copy)
const LOG_VIEW_ROW = /^(?:Emergency|Alert|Critical|Error|Warning|Notice|Informational|Debug)[\t ]+filterlog[\t ]+(?=\d)/;
function logViewRow(pre: Prefixed): UnitHit | undefined {
  const m = pre.message.includes('filterlog') ? LOG_VIEW_ROW.exec(pre.message) : null;
  return m ? filterlogLine({ ...pre, message: pre.message.slice(m[0].length) }) : undefined;
}
