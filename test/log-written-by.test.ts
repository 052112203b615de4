import { describe, expect, it } from 'vitest';
import { formatServerLogs, noCauseLine } from '../app/cli/commands/explain-log';
import { readRepoText } from './support/repo-files';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { logWrittenBy, type WrittenBy } from '../app/core/diagnose/server-log/log-side';

/**
 * Whose log a whole log is (report `writtenBy`), read from the statements the families worded for a side, and what the report then
 * says when it finds no cause: not "the server log" for a router's, PC's or other client's own log, nor for a site-to-site router's.
 */
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const writtenBy = (text: string): WrittenBy | undefined => logWrittenBy(parseServerLog(text, 'x.log').entries);

describe('whose log: the real logs, by what their lines say', () => {
  const rows: [string, WrittenBy | undefined][] = [
    // a Cisco router dialling its ISP over PPPoE / PPPoA (`PPP: sendauth`, its own CHAP name missing)
    ['ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt', 'dialling-router'],
    ['ios-827-pppoa-client-lcp-timeout-reqsent-no-answer-doc-notes.txt', 'dialling-router'],
    // RouterOS client interfaces (l2tp-out, ovpn-out): `initializing…`, its own TLS failing
    ['routeros6-l2tp-client-debug-sccrq-answered-stopccn-general-error-message.txt', 'dialling-router'],
    ['routeros6-ovpn-out1-client-terminating-tls-failed-markdown-code-span.txt', 'dialling-router'],
    // pppd clients: a 3G modem, NetworkManager's PPTP, rp-pppoe's discovery with no PADO, an xl2tpd LAC (a PC, modem or router alike)
    ['pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt', 'dialling-side'],
    ['pppd-pptp-client-nm-ms-chap-e691-then-call-clear.txt', 'dialling-side'],
    ['pppd-pppoe-client-rp-pppoe-plugin-docker-padi-unanswered-timeout-pado.txt', 'dialling-side'],
    ['pppd-openwrt-xl2tpd-lac-peer-stopccn-max-tunnels-limit-can-not-find-tunnel.txt', 'dialling-side'],
    // pfSense's mpd dialling its PPPoE WAN: `PPPoE: Connecting to ''` (its PADI) and the access concentrator's name from the PADO; the
    // link `[opt2_link0]` says whose — the firewall's own uplink, a router's (mpd.ts isWanLink)
    ['mpd5-pfsense-pppoe-client-wan-rfc4638-max-payload-acname-connection-successful.txt', 'dialling-router'],
    // an OPNsense WAN whose copy holds only lines either side's mpd writes (`PPPoE: connection closed`: pppoe.c logs ng_pppoe's
    // NGM_PPPOE_CLOSE on any link): its link's name says it — `[wan_link0]` is the link interfaces.inc writes for the interface's own
    // dial-out (`create link static {$interface}_link{$pid}`, incoming disabled: mpd.ts WAN_LINK)
    ['mpd5-opnsense-gui-copy-tabs-pppoe-client-lcp-down-connection-closed.txt', 'dialling-router'],
    // mpd's servers: their links are templates of other names (`[l2tp0]`, `[L-1]`)
    ['mpd5-pfsense-docs-l2tps-windows-chap-ccp-protocol-rejected-then-disconnect.txt', undefined],
    ['mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt', undefined],
    // strongSwan / Libreswan that initiated
    ['charon-initiator-ike-sa-init-retransmits-no-response.txt', 'dialling-side'],
    ['pluto-whack-parent-i1-retransmissions-no-answer.txt', 'dialling-side'],
    // site-to-site: an ASA's LAN-to-LAN tunnel group, Libreswan net-to-net
    ['asa-show-logging-prompt-l2l-default-group-policy-security-negotiation-complete.txt', 'site-router'],
    ['pluto-4x-established-child-sa-ikev2.txt', 'site-router'],
    // IOS between two networks, no cause: `show crypto ipsec sa` idents both networks (a spoke whose Quick Mode completed, its ping
    // failing), Quick Mode's proxies both networks (a responder; an initiator in a markdown copy), the peer's IOS vendor ID
    ['ios-xe-spoke-quick-mode-done-ping-fails-show-crypto-ipsec-sa-encaps-no-decaps.txt', 'site-router'],
    ['ios-xe-debug-crypto-quick-mode-responder-connection-id-heads-multiline-ipsec-records.txt', 'site-router'],
    ['ios-debug-crypto-markdown-quote-bullet-times-chinese-notes-main-mode-initiator.txt', 'site-router'],
    ['ios-xe-console-clear-crypto-sa-typing-cut-by-debug-invalid-spi-isakmp-id-payload-fields.txt', 'site-router'],
    // an IOS L2TP/IPsec server (a PC's host-to-host proxies, 255.255.255.255): no site sign
    ['ios-l2tp-ipsec-server-isakmp-id-heads-transform-set-wrapped-sha512-refused-error-256.txt', undefined],
    // servers: no field, the report as it was
    ['pppd-xl2tpd-lns-windows-client-sccrq-avps.txt', undefined],
    ['pppd-pptpd-no-header-windows-msras-chap-failed.txt', undefined],
    ['softether-server-log-sstp-ppp-session-microsoft-client-tls.txt', undefined],
    ['ios-xe-csr-pppoe-server-clear-session-chap-success-ipcp-author-avl-route-platform-notify.txt', undefined],
    // an xl2tpd LAC whose only side-telling line is `Peer requested tunnel … twice` — written in control.c's SCCRQ case, the other
    // side having asked this one for a tunnel (an answering side's line): it does not say
    ['pppd-openwrt-xl2tpd-lac-out-of-order-tunnel-minus-1-after-server-restart.txt', undefined],
  ];
  it.each(rows)('%s → %s', (name, want) => {
    expect(writtenBy(real(name))).toBe(want);
  });
});

describe("a Windows PC's RASMAN trace that dialled a phone-book entry is the PC's own log", () => {
  const dialled = ['[200] 03-01 09:00:00:001: CreateConnection: entry=Office VPN, pbk=C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk', '[201] 03-01 09:00:01:001: ProtocolStart: PhoneNum: vpn.example.com', '[202] 03-01 09:00:02:001: Connection Completed on port: VPN2-0, error code: 0'].join('\n');
  it('with no error (no cause: the PC\'s own log all the same); without the dialling lines it does not say', () => {
    expect(writtenBy(dialled)).toBe('dialling-pc');
    expect(writtenBy(dialled.split('\n').slice(2).join('\n'))).toBeUndefined();
  });
});

describe("mpd's link name: a pfSense / OPNsense interface's own dial-out link says whose log it is", () => {
  // (lines any mpd link writes, client or server: pppoe.c's close, link.c's events — only the name tells)
  const lines = (link: string) => ['LCP: state change Opened --> Starting', 'LCP: Down event', 'Link: DOWN event', 'PPPoE: connection closed'].map((l, i) => `Mar  2 10:45:0${i} fw ppp[39188]: [${link}] ${l}`).join('\n');
  it.each([
    // interfaces.inc's `{$interface}_link{$pid}` for wan, lan and optN, more digits than the real logs had
    ['wan_link0', 'dialling-router'],
    ['opt12_link1', 'dialling-router'],
    ['lan_link0', 'dialling-router'],
    // a server's links (pfSense's L2TP server `l2tp0`, a template's `L-1`) and hand-named ones: no sign
    ['l2tp0', undefined],
    ['L-1', undefined],
    ['vpn_link0', undefined],
    ['wan_link', undefined],
  ] as const)('[%s] → %s', (link, want) => {
    expect(writtenBy(lines(link))).toBe(want);
  });
  it("a hand-named link that dials (`PPPoE: Connecting to ''`, its PADI) is the dialling side, no router said", () => {
    expect(writtenBy(`Mar  2 10:45:00 bsd mpd[812]: [L1] PPPoE: Connecting to ''`)).toBe('dialling-side');
    expect(writtenBy(`Mar  2 10:45:00 fw ppp[812]: [opt2_link0] PPPoE: Connecting to ''`)).toBe('dialling-router');
  });
});

describe("IOS's `show crypto ipsec sa`: networks on both sides say the router is in a tunnel with another router", () => {
  const block = (remote: string) => ['router#show crypto ipsec sa', '', 'interface: GigabitEthernet0/0', '    Crypto map tag: CMAP, local addr 198.51.100.2', '', '   protected vrf: (none)', '   local  ident (addr/mask/prot/port): (10.20.0.0/255.255.0.0/0/0)', `   remote ident (addr/mask/prot/port): (${remote})`, '   current_peer 203.0.113.77 port 4500', '    #pkts encaps: 17, #pkts encrypt: 17, #pkts digest: 17', '    #pkts decaps: 15, #pkts decrypt: 15, #pkts verify: 15'].join('\n');
  it.each([
    ['172.16.40.0/255.255.252.0/0/0', 'site-router'],
    // a PC's own address (a remote-access client, an L2TP/IPsec PC's UDP 1701) or everything: no sign
    ['10.99.0.17/255.255.255.255/0/0', undefined],
    ['203.0.113.77/255.255.255.255/17/1701', undefined],
    ['0.0.0.0/0.0.0.0/0/0', undefined],
  ] as const)('remote ident %s → %s', (remote, want) => {
    expect(writtenBy(block(remote))).toBe(want);
  });
});

describe('what the report says when it finds no cause', () => {
  const reports = (text: string, language: 'en' | 'nl' = 'en') => explainServerLogs([parseServerLog(text, 'x.log')], engineT(language));
  it('names the log as the router\'s own (en, nl), in the JSON field and in the heading of the log', () => {
    const { findings, serverLogs } = reports(real('ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt'));
    expect(findings).toEqual([]);
    expect(serverLogs[0]!.writtenBy).toBe('dialling-router');
    expect(noCauseLine(serverLogs, 'en')).toBe("No cause found in this log (the router's own log, as the side that dials).");
    expect(noCauseLine(reports(real('ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt'), 'nl').serverLogs, 'nl')).toBe('Geen oorzaak gevonden in dit logboek (het eigen logboek van de router, als de kant die verbinding maakt).');
    expect(formatServerLogs(serverLogs, 'en').split('\n')[0]).toMatch(/\(Cisco IOS \d+ lines; the router's own log, as the side that dials\)$/);
  });
  it("a server's log keeps \"the server log\", and logs of different sides together say no side", () => {
    const server = reports(real('pppd-pptpd-no-header-windows-msras-chap-failed.txt')).serverLogs;
    expect(server[0]!.writtenBy).toBeUndefined();
    expect(noCauseLine(server, 'en')).toBe('No cause found in the server log.');
    const router = reports(real('ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt')).serverLogs;
    expect(noCauseLine([...router, ...server], 'en')).toBe('No cause found in the server log.');
    expect(noCauseLine([...router, ...router], 'en')).toMatch(/^No cause found in this log \(the router's own/);
  });
});

describe("a cause on a log that is not a server's is said as that log's, even from a line no family words for a side", () => {
  it("a PPTP client's own ufw dropping the server's GRE: \"the log …, from the side that started the connection, says\", not \"the server's log\"", () => {
    const name = 'netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt';
    for (const [language, says] of [['en', `The log (${name}), from the side that started the connection, says: `], ['nl', `Het logboek (${name}), van de kant die de verbinding begon, zegt: `]] as const) {
      const { findings } = explainServerLogs([parseServerLog(real(name), name)], engineT(language));
      const gre = findings.find((f) => f.id === 'vpn.gre-blocked')!;
      expect(gre.summary.startsWith(says)).toBe(true);
    }
  });
});
