import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * A Linux firewall's packet log (families/netfilter-log.ts): ufw, Guarddog and plain iptables rules logging what they drop, in
 * real pastes (test/fixtures/real/server-logs/netfilter-*.txt; sources in test/fixtures/real/SOURCES.md). Each thread ended
 * with the firewall: "I disabled the UFW and voila!", `ufw allow proto gre from IP-OF-GATEWAY`, `modprobe nf_conntrack_pptp`.
 */

const en = engineT('en');
const nl = engineT('nl');
const GRE_DROP = 'Linux firewall (iptables, ufw, firewalld) of the machine that logged this dropped GRE (IP 47)';

const ROWS: Record<string, RealServerLogRow> = {
  // a NetworkManager PPTP client whose own ufw drops the server's GRE (the thread: "I disabled the UFW and voila! The pptp works
  // now"); pptp-linux's lines with the forum's blank after `ctrlp_disp:` (its `:p` smiley broken up)
  'netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt': {
    records: 42,
    understood: 42,
    families: { syslog: 22, pppd: 20 },
    causes: [20, 21, 22, 23, 24, 25, 26].map((n) => [n, 'no-ppp-frames']),
    says: [
      [18, 'PPTP control message 8 from the server: Outgoing-Call-Reply (OCRP)'],
      [20, `${GRE_DROP} from 43.224.32.2 to 192.168.1.199: this VPN traffic does not get through. It came in on eth0. The firewall rule's log prefix: "[UFW BLOCK]".`],
      [26, 'LCP timed out: this side sent Configure-Requests and the server never answered'],
    ],
  },
  // the same with the copy's blanks lost (`[UFW BLOCK]IN=eth0`, `…:08:00SRC=50.7.49.82`, `TTL=49ID=32077`): every firewall line is
  // still read; the thread's fix was the PPTP connection-tracking helper (`modprobe nf_conntrack_pptp`). The other lines whose
  // words were glued (`sendingConfig-Requests`, `nm-pptp-service-24785log[`) stay not understood
  'netfilter-ufw-block-gre-glued-prefix-lost-blanks-pptp-client-conntrack-helper.txt': {
    records: 46,
    understood: 29,
    families: { syslog: 25, pppd: 4 },
    causes: [21, 22, 23, 24, 25, 26, 27, 28, 29].map((n) => [n, 'no-ppp-frames']),
    says: [[21, `${GRE_DROP} from 50.7.49.82 to 192.168.2.37`]],
  },
  // Czech month names (`úno`), Markdown bold and BBCode around lines, doubled blanks, addresses the poster cut to `212.` and `10.`
  // ("MODIFIED BY HAND", two lines not understood); the lines whose header a doubled blank broke (`bernat  pptp[3487]:`) read with
  // it collapsed (prefix-shapes.ts withHeaderBlanksCollapsed)
  'netfilter-ufw-block-gre-czech-months-hand-edited-addresses-bbcode.txt': {
    records: 58,
    understood: 56,
    families: { syslog: 35, pppd: 21 },
    causes: [...[29, 30, 31, 32, 33, 34, 35].map((n): [number, 'no-ppp-frames'] => [n, 'no-ppp-frames']), [37, 'no-ppp-frames']],
    says: [
      [20, 'PPTP control message 1 to the server: Start-Control-Connection-Request (SCCRQ)'],
      [48, 'PPTP control message 12 to the server: Call-Clear-Request (CCRQ)'],
      [29, `${GRE_DROP} from 212. to 10.: this VPN traffic does not get through. It came in on enp0s31f6. The firewall rule's log prefix: "[UFW BLOCK]".`],
    ],
  },
  // an Ubuntu gateway forwarding a Windows VPN server: ufw drops the PC's IKE (UDP 500) before the port forward
  'netfilter-ufw-block-ike-udp-500-gateway-forwarding-to-windows-vpn-server.txt': {
    records: 2,
    understood: 2,
    families: { syslog: 2 },
    causes: [
      [1, 'ike-init-unanswered'],
      [3, 'ike-init-unanswered'],
    ],
    says: [[1, 'dropped IKE (UDP 500) from 195.241.XXX.XXX to 85.17.XXX.XXX']],
  },
  // Guarddog's drop of outgoing GRE, the addresses replaced by the poster's notes; no syslog header
  'netfilter-guarddog-dropped-outbound-gre-no-header-bracketed-addresses.txt': {
    records: 1,
    understood: 1,
    families: { syslog: 1 },
    causes: [[1, 'no-ppp-frames']],
    says: [[1, 'from [dhcp IP of eth1 interface] to [VPN endpoint IP]: this VPN traffic does not get through. It was going out on eth1. The firewall rule\'s log prefix: "DROPPED".']],
  },
  // ufw's after-input rule (`[UFW BLOCK INPUT]: `) dropping a TCP 1723 SYN: a PPTP control connection's start refused — the PC's
  // PPTP port out of reach (its 800)
  'netfilter-ufw-block-input-tcp-1723-quoted-single-line.txt': {
    records: 1,
    understood: 1,
    families: { syslog: 1 },
    causes: [[1, 'pptp-control-blocked']],
    says: [[1, 'dropped PPTP (TCP 1723) from 192.168.0.4 to 192.168.0.8: this VPN traffic does not get through. It came in on eth0. The firewall rule\'s log prefix: "[UFW BLOCK INPUT]".']],
  },
  // ufw 0.30 on an Openswan/xl2tpd server dropping a Windows PC's ESP (TTL=128) after IKE (ufw had no rule for protocol 50; the thread:
  // "If I disable the ufw I can get in"): the IPsec data after the key exchange, the PC's 809
  'netfilter-ufw-block-esp-openswan-l2tp-server-windows-pc.txt': {
    records: 3,
    understood: 3,
    families: { syslog: 3 },
    causes: [1, 2, 3].map((n) => [n, 'esp-blocked']),
    says: [[1, 'dropped ESP (IP 50) from 10.10.10.73 to 10.10.10.68: this VPN traffic does not get through. It came in on eth0.']],
    peer: '10.10.10.73',
  },
  // a port scan's SYNs Shorewall rejected (SANS network forensics challenge, a blog's write-up of it): the drop of TCP 1723 is a cause
  // on its own line, no finding (findings.ts scannerDrops: the same sender tried four other ports at the same target). The first
  // line wrapped by the post before `DST=` at column 0 (not joined: no indent) and the Jekyll tag after the last one kept as found
  'netfilter-shorewall-reject-input-port-scan-syns-to-tcp-1723-wrapped-liquid-tag.txt': {
    records: 6,
    understood: 5,
    families: { syslog: 5 },
    causes: [[6, 'pptp-control-blocked']],
    says: [[5, "logged a packet that is no VPN's (TCP 1720 from 123.150.207.231 to 98.252.16.36)"]],
  },
  // nmap's SYN scan of a ufw host (`nmap -Pn`, a SOC exercise's write-up), its first probe TCP 1723; RFC 3339 times
  'netfilter-ufw-block-nmap-syn-scan-first-tcp-1723-rfc3339-times.txt': {
    records: 10,
    understood: 10,
    families: { syslog: 10 },
    causes: [[1, 'pptp-control-blocked']],
    says: [[1, 'dropped PPTP (TCP 1723) from 192.168.1.10 to 192.168.1.20']],
  },
  // firewalld's LogDenied (`firewall-cmd --set-log-denied all`): its final REJECT rule logging a container's DNS query it refused to
  // forward (a Japanese blog: Concourse CI on CentOS 8) — what it refused, the way it went, no VPN's; the copy's trailing blank kept
  'netfilter-firewalld-final-reject-forwarded-dns-container-bridge-trailing-blank.txt': {
    records: 1,
    understood: 1,
    families: { syslog: 1 },
    causes: [],
    says: [[1, 'logged a packet that is no VPN\'s (UDP 53 from 10.254.0.2 to 8.8.8.8). It was passing through, from wbrdg-0afe0000 to enp1s0. The firewall rule\'s log prefix: "FINAL_REJECT".']],
  },
  // the same rule refusing a router's UPnP answer (a Chinese blog), the line wrapped after `TOS=0x00`: the wrapped rest, which holds
  // PROTO, is joined back (detect.ts continues: an indented line that starts with one of the kernel's fields)
  'netfilter-firewalld-final-reject-upnp-ssdp-reply-wrapped-after-tos.txt': {
    records: 1,
    understood: 1,
    families: { syslog: 1 },
    causes: [],
    says: [[1, 'logged a packet that is no VPN\'s (UDP 41797 from 192.168.100.1 to 192.168.100.12). It came in on enp125s0f0. The firewall rule\'s log prefix: "FINAL_REJECT".']],
  },
};

const say = (line: string, t = en): string => parseServerLog(line).entries.map((e) => describeEntry(e, t)).join(' | ');
const LINE = (prefix: string, rest: string): string => `Dec  5 09:12:01 vpn1 kernel: [12345.678901] ${prefix}IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 ${rest}`;

describe('a Linux firewall packet log (netfilter)', () => {
  realServerLogTable(ROWS);

  it('a GRE drop the firewall logged makes the finding: the rule to change, not "try another network"', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt`));
    const [finding] = explainServerLogs([r], en).findings;
    expect(finding!.id).toBe('vpn.gre-blocked');
    // (the PPTP client's own ufw — its pppd in the same paste makes the log the dialling side's: worded for that side's firewall)
    expect(finding!.title).toBe("This side's own firewall drops the GRE coming back from the server: PPTP's data never gets through");
    expect(finding!.summary).toContain('ufw allow proto gre from SERVER-ADDRESS');
    expect(finding!.summary).toContain('modprobe nf_conntrack_pptp');
    expect(finding!.summary).not.toContain('try another network');
    // the firewall's line leads, ahead of the LCP time-out it caused
    expect(finding!.evidence[0]!.line).toBe(20);
    expect(explainServerLogs([r], nl).findings[0]!.title).toBe('De eigen firewall van deze kant houdt de GRE tegen die van de server terugkomt: de gegevens van PPTP komen nooit door');
  });

  it("firewalld's LogDenied prefixes: a GRE it refused makes the finding, with firewalld's command", () => {
    const gre = 'SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=47 ';
    // (firewalld nftables.py/ipXtables.py: its default rules' prefixes, and a zone's or policy's `filter_<policy>_<DROP|REJECT>: `)
    for (const prefix of ['FINAL_REJECT: ', 'STATE_INVALID_DROP: ', 'filter_IN_public_REJECT: ', 'filter_IN_public_DROP: ', 'filter_FWD_public_REJECT: ', 'filter_IN_trusted_DROP: ', 'filter_IN_block_REJECT: ']) {
      const r = parseServerLog(LINE(prefix, gre));
      expect(r.entries.map((e) => [e.cause, e.decoded[0]!.key]), prefix).toEqual([['no-ppp-frames', 'netfilterDropped']]);
      const [finding] = explainServerLogs([r], en).findings;
      expect([finding!.id, finding!.summary], prefix).toEqual(['vpn.gre-blocked', expect.stringContaining('firewall-cmd --permanent --add-protocol=gre')]);
    }
    expect(explainServerLogs([parseServerLog(LINE('FINAL_REJECT: ', gre))], nl).findings[0]!.summary).toContain('firewall-cmd --permanent --add-protocol=gre');
  });

  it('a packet line a copy wrapped is read whole: its indented rest, starting with one of the kernel\'s fields, joined back; near misses stay apart', () => {
    const line = LINE('FINAL_REJECT: ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=47');
    for (const cut of [' TOS=', ' TTL=', ' DF ', ' PROTO=']) {
      const at = line.indexOf(cut);
      const r = parseServerLog(`${line.slice(0, at)}\n ${line.slice(at + 1)}`);
      expect([r.records, r.entries[0]!.cause], cut).toEqual([1, 'no-ppp-frames']);
    }
    // past one blank line (a double-spaced copy), not two; an indented line of another kind, or a field line after a line without
    // the packet's addresses: not joined
    expect(parseServerLog(`${line.slice(0, line.indexOf(' TTL='))}\n\n TTL=52 ID=0 DF PROTO=47`).records).toBe(1);
    expect(parseServerLog(`${line.slice(0, line.indexOf(' TTL='))}\n\n\n TTL=52 ID=0 DF PROTO=47`).records).toBe(2);
    expect(parseServerLog(`${line}\n   Peer user failed CHAP authentication`).records).toBe(2);
    expect(parseServerLog(`Dec  5 09:12:01 vpn1 kernel: ppp0: renamed from ppp\n TTL=52 ID=0 DF PROTO=47`).records).toBe(2);
  });

  it('reads what the rule did from its prefix: dropped, let through, or only logged', () => {
    const gre = 'SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=47 ';
    for (const prefix of ['[UFW BLOCK] ', '[UFW LIMIT BLOCK] ', 'IPTABLES-DROP: ', 'FINAL_REJECT: ', 'filter_IN_public_REJECT: ', 'iptables denied: ', 'Shorewall:net-fw:DROP:']) {
      const r = parseServerLog(LINE(prefix, gre));
      expect(r.entries.map((e) => [e.outcome, e.cause, e.decoded[0]!.key]), prefix).toEqual([['failure', 'no-ppp-frames', 'netfilterDropped']]);
    }
    const allowed = parseServerLog(LINE('[UFW ALLOW] ', gre)).entries[0]!;
    expect([allowed.outcome, allowed.cause, allowed.decoded[0]!.key]).toEqual(['info', undefined, 'netfilterAllowed']);
    // Firestarter's `Inbound`, ufw's AUDIT, no prefix at all: logged, no more
    for (const prefix of ['Inbound ', '[UFW AUDIT] ', '']) {
      const e = parseServerLog(LINE(prefix, gre)).entries[0]!;
      expect([e.outcome, e.cause, e.decoded[0]!.key], prefix).toEqual(['info', undefined, 'netfilterLogged']);
    }
    expect(say(LINE('', gre))).toBe('The Linux firewall (iptables, ufw, firewalld) of the machine that logged this logged GRE (IP 47) from 203.0.113.9 to 198.51.100.1; its log prefix does not say whether it was dropped. It came in on eth0.');
  });

  it('names the VPN services by protocol and port, and any other packet as no VPN\'s', () => {
    const udp = (dpt: number) => `SRC=203.0.113.9 DST=198.51.100.1 LEN=136 TOS=0x00 PREC=0x00 TTL=52 ID=0 PROTO=UDP SPT=4500 DPT=${dpt} LEN=116 `;
    expect(parseServerLog(LINE('DROP: ', udp(4500))).entries[0]).toMatchObject({ cause: 'ike-init-unanswered', peer: '203.0.113.9' });
    expect(say(LINE('DROP: ', udp(1701)))).toContain('dropped L2TP (UDP 1701)');
    expect(say(LINE('DROP: ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=152 TOS=0x00 PREC=0x00 TTL=52 ID=0 PROTO=ESP SPI=0xc1a2b3c4 '))).toContain('dropped ESP (IP 50)');
    const ssh = parseServerLog(LINE('[UFW BLOCK] ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=TCP SPT=50123 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0 ')).entries[0]!;
    expect([ssh.outcome, ssh.cause, ssh.peer]).toEqual(['info', undefined, undefined]);
    expect(describeEntry(ssh, en)).toContain('logged a packet that is no VPN\'s (TCP 22 from 203.0.113.9 to 198.51.100.1)');
    expect(say(LINE('[UFW BLOCK] ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 PROTO=41 '))).toContain('(IP 41 from');
    // ip6tables: the kernel's IPv6 fields, GRE as a number too
    expect(say('kernel: [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:86:dd SRC=2001:0db8:0000:0000:0000:0000:0000:0009 DST=2001:0db8:0000:0000:0000:0000:0000:0001 LEN=80 TC=0 HOPLIMIT=56 FLOWLBL=0 PROTO=47 ')).toContain('dropped GRE (IP 47) from 2001:0db8:0000:0000:0000:0000:0000:0009 to');
  });

  it('each VPN service dropped is the cause the PC meets: ESP the data after IKE (809), a PPTP control start (SYN) the PPTP port (800); bare L2TP a warning that says it is often meant', () => {
    const tcp = (flags: string) => `SRC=203.0.113.9 DST=198.51.100.1 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=TCP SPT=50123 DPT=1723 WINDOW=64240 RES=0x00 ${flags} URGP=0 `;
    const syn = parseServerLog(LINE('[UFW BLOCK] ', tcp('SYN'))).entries[0]!;
    expect([syn.outcome, syn.cause, syn.peer]).toEqual(['failure', 'pptp-control-blocked', '203.0.113.9']);
    const [pptp] = explainServerLogs([parseServerLog(LINE('[UFW BLOCK] ', tcp('SYN')))], en).findings;
    expect([pptp!.id, pptp!.title]).toEqual(['vpn.server-unreachable', expect.stringContaining('(error 800 on the PC)')]);
    // a later packet of the connection (an ACK, a FIN after conntrack forgot it) says nothing of its start: named, no cause
    for (const flags of ['ACK FIN', 'ACK', 'ACK PSH', 'RST'])
      expect(parseServerLog(LINE('[UFW BLOCK] ', tcp(flags))).entries[0]!.cause, flags).toBeUndefined();
    const esp = parseServerLog(LINE('[UFW BLOCK] ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=168 TOS=0x00 PREC=0x00 TTL=128 ID=25938 PROTO=ESP SPI=0xc02ebf69 '));
    expect(esp.entries.map((e) => [e.outcome, e.cause])).toEqual([['failure', 'esp-blocked']]);
    const [data] = explainServerLogs([esp], en).findings;
    expect([data!.id, data!.title]).toEqual(['vpn.server-unreachable', expect.stringContaining('ESP, IP protocol 50')]);
    expect(explainServerLogs([esp], nl).findings[0]!.title).toContain('(fout 809 op de pc)');
    const l2tp = parseServerLog(LINE('DROP: ', 'SRC=203.0.113.9 DST=198.51.100.1 LEN=136 TOS=0x00 PREC=0x00 TTL=52 ID=0 PROTO=UDP SPT=1701 DPT=1701 LEN=116 ')).entries[0]!;
    expect([l2tp.outcome, l2tp.cause, describeEntry(l2tp, en)]).toEqual(['warning', undefined, expect.stringContaining('This is not always a fault: an L2TP/IPsec server')]);
    expect(describeEntry(l2tp, nl)).toContain('Dit is niet altijd een fout');
  });

  it('a port scan passing by is no VPN: a VPN port among the ports one sender tried at one target makes no finding; a PC\'s LAN chatter to other addresses does not hide its drop', () => {
    for (const name of ['netfilter-shorewall-reject-input-port-scan-syns-to-tcp-1723-wrapped-liquid-tag.txt', 'netfilter-ufw-block-nmap-syn-scan-first-tcp-1723-rfc3339-times.txt'])
      expect(explainServerLogs([parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${name}`))], en).findings, name).toEqual([]);
    const tcp = (dst: string, dpt: number) => LINE('[UFW BLOCK] ', `SRC=203.0.113.9 DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=TCP SPT=50123 DPT=${dpt} WINDOW=64240 RES=0x00 SYN URGP=0 `);
    const udp = (dst: string, dpt: number) => LINE('[UFW BLOCK] ', `SRC=203.0.113.9 DST=${dst} LEN=78 TOS=0x00 PREC=0x00 TTL=128 ID=0 PROTO=UDP SPT=${dpt} DPT=${dpt} LEN=58 `);
    const ids = (lines: string[]) => explainServerLogs([parseServerLog(lines.join('\n'))], en).findings.map((f) => f.id);
    // (two other ports are not yet a scan: a client may try its own two or three)
    expect(ids([tcp('198.51.100.1', 1723), tcp('198.51.100.1', 443), tcp('198.51.100.1', 22)])).toEqual(['vpn.server-unreachable']);
    expect(ids([tcp('198.51.100.1', 1723), tcp('198.51.100.1', 443), tcp('198.51.100.1', 22), tcp('198.51.100.1', 3389)])).toEqual([]);
    expect(ids([udp('198.51.100.1', 500), udp('198.51.100.1', 161), udp('198.51.100.1', 123), udp('198.51.100.1', 69)])).toEqual([]);
    expect(ids([tcp('198.51.100.1', 1723), udp('198.51.100.255', 137), udp('198.51.100.255', 138), udp('224.0.0.251', 5353), udp('239.255.255.250', 1900)])).toEqual(['vpn.server-unreachable']);
  });

  it('says which way the packet went, and the other side is who sent what came in or where what went out was going', () => {
    const rest = 'SRC=192.168.1.10 DST=203.0.113.5 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=47 ';
    const fwd = parseServerLog(`kernel: FW forward_drop: IN=eth1 OUT=eth0 PHYSIN=eth1 ${rest}`).entries[0]!;
    expect(describeEntry(fwd, en)).toContain('It was passing through, from eth1 to eth0.');
    const out = parseServerLog(`kernel: DROPPED IN= OUT=eth0 ${rest}`).entries[0]!;
    expect([out.peer, describeEntry(out, en)]).toEqual(['203.0.113.5', expect.stringContaining('It was going out on eth0.')]);
    expect(describeEntry(out, nl)).toBe('De Linux-firewall (iptables, ufw, firewalld) van de machine die dit vastlegde liet GRE (IP 47) van 192.168.1.10 naar 203.0.113.5 niet door: dit VPN-verkeer komt niet aan. Het ging naar buiten op eth0. Het voorvoegsel van de firewallregel in het logboek: "DROPPED".');
  });

  it('a kernel line that is no packet log, or a packet log without its addresses, is not read as one', () => {
    expect(parseServerLog('Dec  5 09:12:01 vpn1 kernel: [ 12.5] ppp0: renamed from ppp').entries[0]!.decoded[0]!.key).toBe('step.unrelatedProgram');
    // (`PHYSIN=` is no `IN=`; SRC and DST are the kernel's, not `MACSRC=`)
    expect(parseServerLog('Dec  5 09:12:01 vpn1 kernel: br0: PHYSIN=eth1 MACSRC=52:54:00:12:34:56 PROTO=47').entries[0]!.decoded[0]!.key).toBe('step.unrelatedProgram');
    expect(parseServerLog('Dec  5 09:12:01 vpn1 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=a b DST=c PROTO=47').entries[0]!.decoded[0]!.key).toBe('step.unrelatedProgram');
  });
});
