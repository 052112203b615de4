import { d, tagged, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import { dropOutcome, packetService } from './vpn-services';
import type { UnitHit } from './systemd-units';
import { isUpper } from '../char-codes';
import { isBroadcastTarget, isPrivateV4 } from './tunnel-senders';

/**
 * A Linux firewall's packet log line (iptables/ip6tables `-j LOG`, ufw, firewalld, Shorewall, nftables `log`), as the kernel
 * writes it to syslog under the `kernel` tag (or dmesg prints it without a header). Its layout is the kernel's own
 * (net/netfilter/nf_log_syslog.c, before 5.12 net/ipv4/netfilter/nf_log_ipv4.c dump_ipv4_packet / nf_log_ipv6.c): the rule's
 * log prefix, `IN=%s OUT=%s `, the MAC header, `SRC=… DST=… LEN=… TOS=… PREC=… TTL=… ID=…`, the fragment flags, then
 * `PROTO=TCP SPT=%u DPT=%u …`, `PROTO=UDP SPT=%u DPT=%u LEN=%u`, `PROTO=ESP SPI=…`, or `PROTO=%u` for a protocol it does not
 * decode — GRE is `PROTO=47` (real lines: test/fixtures/real/server-logs/netfilter-*).
 *
 * The line does not say what the firewall did with the packet: only the prefix the administrator gave the rule does. ufw's
 * rules log `[UFW BLOCK]`, `[UFW LIMIT BLOCK]`, `[UFW ALLOW]`, `[UFW AUDIT]` (ufw's before/after/user rules); firewalld's LogDenied
 * logs only what it refuses (firewalld src/firewall/core/nftables.py and ipXtables.py, build_default_rules: `STATE_INVALID_DROP: `
 * for a packet conntrack calls invalid — GRE without the PPTP helper — and `FINAL_REJECT: `; a zone's or policy's target,
 * `"filter_%s_%s: " % (policy, "DROP" or "REJECT")`: `filter_IN_public_REJECT: `, `filter_FWD_public_DROP: `), each ending in its drop
 * word whatever the zone's name (`filter_IN_block_REJECT: `); people write `IPTABLES-DROP: `, `DROPPED`,
 * `FW reject_input: ` and the like. So a drop is read from a drop word in the prefix (DROP, DENY, REJECT, BLOCK and their
 * -ed forms), a pass from ACCEPT/ALLOW/PASS; any other prefix (Firestarter's `Inbound`, none at all) only says the packet was
 * logged. Reading the action from the prefix's words is assumed: it is the administrator's text, not the kernel's.
 *
 * Only a VPN's services are named (vpn-services.ts, the same as the ASA's drops); a drop of other traffic is understood as
 * such and no cause.
 */

/** The first field the kernel writes after the prefix; its `IN=` not inside another name (`PHYSIN=`). */
function inFieldAt(message: string): number {
  for (let at = message.indexOf('IN='); at >= 0; at = message.indexOf('IN=', at + 3)) {
    const c = at === 0 ? 32 : message.charCodeAt(at - 1);
    if (!isUpper(c)) return at;
  }
  return -1;
}

/** A field's value: `NAME=` not inside another name (`MACSRC=`), even where a copy lost the blank before it (`08:00SRC=`). */
function field(message: string, name: string, from: number): string | undefined {
  for (let at = message.indexOf(name, from); at >= 0; at = message.indexOf(name, at + name.length)) {
    const c = message.charCodeAt(at - 1);
    if (isUpper(c)) continue;
    const start = at + name.length;
    // a value a poster replaced by a bracketed note (`SRC=[dhcp IP of eth1 interface]`) is taken whole
    const close = message.charCodeAt(start) === 91 /* [ */ ? message.indexOf(']', start) : -1;
    if (close > 0) return message.slice(start, close + 1);
    let end = start;
    while (end < message.length && message.charCodeAt(end) > 32) end++;
    return message.slice(start, end);
  }
  return undefined;
}

/** An address as the kernel prints it, the part of it a poster kept (`212.`, `195.241.XXX.XXX`), or the note they put there */
const ADDRESS = /^(?:(?=[^.:]*[.:])[0-9A-Fa-fXx.:]+|\[[^\]]*\])$/;
const DROPPED = /drop|den(?:y|ied)|reject|block/i;
const PASSED = /accept|allow|pass/i;
/** A PPP interface's name as Linux VPN servers give them (pppd: ppp0…; accel-ppp's ifname options: pptp0, l2tp0, sstp0) */
const TUNNEL_IN = /^(?:ppp|pptp|l2tp|sstp)\d+$/;
// the kernel's uptime stamp dmesg and kern.log put before the prefix (`[  312.499331] `)
const UPTIME = /^\[\s*\d+\.\d+\]\s*/;

/** A netfilter log line (program `kernel`, or no program: dmesg), read; undefined for any other line. */
export function netfilterLine(pre: Prefixed): UnitHit | undefined {
  const message = pre.message;
  const inAt = inFieldAt(message);
  if (inAt < 0) return undefined;
  const src = field(message, 'SRC=', inAt);
  const dst = field(message, 'DST=', inAt);
  const proto = field(message, 'PROTO=', inAt);
  const out = field(message, 'OUT=', inAt);
  if (src === undefined || dst === undefined || proto === undefined || out === undefined || !ADDRESS.test(src) || !ADDRESS.test(dst)) return undefined;
  const into = field(message, 'IN=', inAt) ?? '';
  const prefix = prefixOf(message.slice(0, inAt));
  const dpt = field(message, 'DPT=', inAt);
  const port = dpt !== undefined && /^\d+$/.test(dpt) ? Number(dpt) : undefined;
  const { vpn: service, label: what } = packetService(proto, port, proto !== 'TCP' || opensConnection(message, inAt));
  const action = DROPPED.test(prefix) ? 'Dropped' : PASSED.test(prefix) ? 'Allowed' : 'Logged';
  const drop = service && action === 'Dropped' ? dropOutcome(service) : undefined;
  // a packet that came in through a PPP link (pppd's ppp0…; accel-ppp's pptp0 / l2tp0 / sstp0 names: assumed) and was dropped: the
  // VPN is up, and this machine's firewall drops what the PC sends through it (to the network behind the server or to the server
  // itself) — connected, but nothing gets through; the PC shows no error, its user hangs up
  // (a broadcast or multicast the PC's Windows sends — DHCP INFORM, NetBIOS — is dropped on any healthy server: not counted; an
  // address ending .255 taken for a broadcast, assumed; a public sender is the Internet on a PPPoE uplink: tunnel-senders.ts)
  const tunnelDrop = action === 'Dropped' && !service && TUNNEL_IN.test(into) && isPrivateV4(src) && !isBroadcastTarget(dst);
  const hit: Hit = {
    // (the PC's own traffic through the tunnel is no "packet that is no VPN's": said as what was dropped)
    decoded: [d(service ? `netfilter${action}` : tunnelDrop ? 'netfilterTunnelPacket' : 'netfilterOther', { service: what, src, dst }), direction(into, out)],
    outcome: drop?.outcome ?? 'info',
  };
  if (prefix) hit.decoded.push(d('netfilterPrefix', { prefix }));
  if (drop?.note) hit.decoded.push(drop.note);
  if (tunnelDrop) {
    hit.decoded.push(d('netfilterTunnelDropped', { in: into }));
    hit.outcome = 'warning';
    // (its finding, server.tunnel-traffic-dropped, a warning: the site's rules may keep VPN users from that target on purpose)
    hit.cause = 'tunnel-traffic-dropped';
  }
  if (service?.cause && action === 'Dropped') hit.cause = service.cause;
  // the other side of the VPN: who sent a packet that came in, where one going out was going
  return { family: 'syslog', hit: service ? tagged(hit, { peer: into ? src : dst }) : hit };
}

/**
 * A TCP packet's flags say it starts a connection: the kernel writes the set flags as words after `RES=0x..` (`… RES=0x00 SYN URGP=0`;
 * nf_log_syslog.c nf_log_dump_tcp_header: CWR ECE URG ACK PSH RST SYN FIN), a start is SYN without ACK. A copy without the flags
 * (no `RES=`) is taken for one: the line does not say otherwise.
 */
function opensConnection(message: string, from: number): boolean {
  const res = message.indexOf(' RES=0x', from);
  if (res < 0) return true;
  const flags = message.slice(res);
  return flags.includes(' SYN ') && !flags.includes(' ACK ');
}

/**
 * The rule's log prefix: what stands before `IN=`, without the kernel's uptime stamp — and, on a line whose syslog header was not
 * read (a copy's doubled blank inside it: `úno 26  16:19:07 bernat kernel: [UFW BLOCK] …`), without the header up to `kernel:`.
 */
function prefixOf(head: string): string {
  const kernel = head.lastIndexOf('kernel:');
  return (kernel >= 0 ? head.slice(kernel + 7) : head).trim().replace(UPTIME, '').trim().replace(/:$/, '');
}

/** Which way the packet went through this machine, by the interfaces the kernel names. */
function direction(into: string, out: string): ReturnType<typeof d> {
  if (into && out) return d('netfilterForward', { in: into, out });
  return into ? d('netfilterIn', { in: into }) : d('netfilterOut', { out });
}
