import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Held-out real logs of strongSwan / Libreswan servers that Windows' built-in IKEv2 or L2TP/IPsec client dialled (round 43, area
 * hKH; test/fixtures/real/server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 101 of 122 lines: the dhcp plugin's DISCOVER/OFFER/REQUEST/ACK and `DHCP REQUEST timed out` unknown, the cause only "its
  // address pool is empty or missing"; `configuration payload negotiation failed, no CHILD_SA built`, the CERTREQs by key id,
  // `ocsp check skipped`, `reached self-signed root ca`, `dynamic`, `found matching child config`, `got SPI`, `using … as address to
  // reach` unknown; each IPv6 `no virtual IP found for %any6` a failure, also line 106, after the PC got its IPv4 address). A Windows
  // PC's IKEv2 with a machine certificate to charon with the dhcp plugin: dnsmasq's ACK did not reach charon in time
  'charon-windows-ikev2-dhcp-plugin-request-timed-out-internal-address-failure-ipv6-refused-then-lease.txt': {
    records: 122,
    understood: 122,
    families: { strongswan: 118, syslog: 4 },
    causes: [
      [83, 'address-pool'],
      [84, 'address-pool'],
      [87, 'address-pool'],
      [96, 'address-pool'],
      [98, 'address-pool'],
    ],
    says: [
      [2, 'to confirm 10.19.48.106 for the PC (DHCP REQUEST)'],
      [41, 'asks for certificates of CAs this side does not have'],
      [59, 'chains up to a trusted root CA'],
      [75, 'asks the DHCP server 10.19.48.1 for an address for the PC'],
      [78, 'The DHCP server 10.19.48.1 offers 10.19.48.106'],
      [83, 'did not confirm it in time'],
      [86, 'no IPv6 address to give'],
      [96, 'No IPsec part (CHILD_SA) was built'],
      [103, 'The DHCP server confirmed 10.19.48.106'],
      [106, 'not a fault by itself'],
    ],
  },
  // (was 6 of 11 lines and no cause: `no matching CHILD_SA config found`, the `config: … => match:` comparison and the unanswered
  // retransmits unknown; `N(INVAL_ID)` unnamed). A CloudStack router's charon refused an L2TP client's Quick Mode (no CHILD_SA config
  // takes its IDs) with INVALID_ID_INFORMATION; the client kept repeating its request
  'charon-cloudstack-l2tp-quick-mode-no-matching-child-sa-config-inval-id-retransmits-unanswered.txt': {
    records: 11,
    understood: 11,
    families: { strongswan: 11 },
    causes: [[2, 'traffic-selector-mismatch']],
    says: [
      [1, 'they fit'],
      [2, 'No connection on this side takes the networks'],
      [3, 'INVALID_ID_INFORMATION (18)'],
      [6, 'this side has no answer for it'],
    ],
  },
  // (was 1 of 15 lines: the `%B` dumps — `EAP_TLS payload => 6 bytes @ 0x…`, `=> 635 bytes @ 0x…` and their hex rows — and tls_eap.c's
  // `received EAP_TLS acknowledgment packet`, `sending EAP_TLS final fragment (635 bytes)` unknown). A Windows PC's EAP-TLS with a smart
  // card to strongSwan 6.0.0, cut where the stored copy ends (before the alert)
  'charon-windows-agile-vpn-eap-tls-smart-card-tls-trace-hex-dumps-acknowledgment-final-fragment.txt': {
    records: 15,
    understood: 15,
    families: { strongswan: 15 },
    causes: [],
    says: [
      [2, 'dump of raw bytes'],
      [3, 'dump of raw bytes'],
      [4, 'EAP_TLS: a piece of the TLS handshake'],
      [5, 'EAP_TLS: a piece of the TLS handshake'],
      [15, 'dump of raw bytes'],
    ],
  },
  // (was 3 of 7 lines: `reloaded private key matching left certificate`, `added EAP payload to packet`, `NSS: I/O getpeername` and
  // `sent EAP request` unknown). Libreswan 4.x starting EAP-TLS with a Windows 11 PC, cut where the stored copy ends
  'pluto-windows-11-eap-tls-masked-host-proposal-chosen-added-eap-payload-nss-getpeername-sent-eap-request.txt': {
    records: 7,
    understood: 7,
    families: { libreswan: 7 },
    causes: [],
    says: [
      [5, 'A step of the EAP-TLS conversation'],
      [6, 'A step of the EAP-TLS conversation'],
      [7, 'A step of the EAP-TLS conversation'],
    ],
  },
};

describe('real held-out logs, round 43: strongSwan / Libreswan with Windows clients', () => {
  realServerLogTable(EXPECTED);
});

const t = engineT('en');
const read = (lines: string[]) => parseServerLog(lines.join('\n'), 'x.log');
const said = (lines: string[]) => read(lines).entries.map((e) => `${e.line}:${e.outcome}:${e.cause ?? ''}:${describeEntry(e, t)}`);

describe("charon's dhcp plugin (src/libcharon/plugins/dhcp/dhcp_socket.c)", () => {
  const head = 'Jan  1 10:00:00 vpn charon: 05[CFG] ';
  it('reads the exchange in both releases\' wordings (5.9 names the client MAC in the DISCOVER)', () => {
    const r = read([
      `${head}sending DHCP DISCOVER for 7a:a7:50:5e:b7:61 to 255.255.255.255`,
      `${head}sending DHCP DISCOVER to 192.0.2.1`,
      `${head}received DHCP OFFER 10.1.0.5 from 192.0.2.1`,
      `${head}sending DHCP REQUEST for 10.1.0.5 to 192.0.2.1`,
      `${head}received DHCP ACK for 10.1.0.5`,
      `${head}sending DHCP RELEASE for 10.1.0.5 to 192.0.2.1`,
      `${head}ignoring DHCP OFFER 0.0.0.0 from 192.0.2.1`,
    ]);
    expect([r.records, r.understood]).toEqual([7, 7]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
  });
  it('a DISCOVER or REQUEST that timed out, or a query not sent, is the address source\'s fault: address-pool', () => {
    expect(said([`${head}DHCP DISCOVER timed out`])).toEqual([expect.stringMatching(/^1:failure:address-pool:.*did not answer \(no DHCP OFFER/)]);
    expect(said([`${head}DHCP REQUEST timed out`])).toEqual([expect.stringMatching(/^1:failure:address-pool:.*no DHCP ACK/)]);
    expect(said([`${head}sending DHCP DISCOVER failed: Network is unreachable`])).toEqual([expect.stringMatching(/^1:failure:address-pool:.*\(Network is unreachable\)/)]);
  });
});

describe("ike_config.c's `no virtual IP found` per address family", () => {
  const head = 'Jan  1 10:00:00 vpn charon: 13[IKE] ';
  it('an IPv6 request refused is a warning, no cause — in either order with the IPv4 line (the rule cache must not carry one to the other)', () => {
    for (const v6 of ['%any6', '2001:db8::5']) {
      const lines = [`${head}no virtual IP found for %any requested by 'alice'`, `${head}no virtual IP found for ${v6} requested by 'alice'`];
      expect(said(lines).map((s) => s.split(':').slice(0, 3).join(':'))).toEqual(['1:failure:address-pool', '2:warning:']);
      expect(said([...lines].reverse()).map((s) => s.split(':').slice(0, 3).join(':'))).toEqual(['1:warning:', '2:failure:address-pool']);
    }
  });
  it('an IPv6 request refused after the PC got its IPv4 address leaves no cause', () => {
    const r = read([`${head}assigning virtual IP 10.1.0.5 to peer 'alice'`, `${head}peer requested virtual IP %any6`, `${head}no virtual IP found for %any6 requested by 'alice'`]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
  });
  it("child_create.c's `configuration payload negotiation failed, no CHILD_SA built`: no address for the PC, so no CHILD_SA", () => {
    expect(said([`${head}configuration payload negotiation failed, no CHILD_SA built`])).toEqual([expect.stringMatching(/^1:failure:address-pool:No IPsec part/)]);
  });
});

describe('IKEv1 Quick Mode refused for its IDs (quick_mode.c)', () => {
  const head = 'Jan  1 10:00:00 vpn charon: 14[IKE] ';
  it("`no matching CHILD_SA config found`, with or without 5.x's selectors, is a traffic-selector mismatch", () => {
    expect(said([`${head}no matching CHILD_SA config found`])).toEqual([expect.stringMatching(/^1:failure:traffic-selector-mismatch:No connection on this side/)]);
    expect(said([`${head}no matching CHILD_SA config found for 192.0.2.1/32[udp/l2f] === 198.51.100.7/32[udp/l2f]`])).toEqual([
      expect.stringMatching(/^1:failure:traffic-selector-mismatch:.*\(192\.0\.2\.1\/32\[udp\/l2f\] === 198\.51\.100\.7\/32\[udp\/l2f\]\)/),
    ]);
  });
  it('the selector comparisons, NAT rewrite and an unanswered retransmit are read, no cause', () => {
    const cfg = 'Jan  1 10:00:00 vpn charon: 14[CFG] ';
    const r = read([
      `${cfg} config: 0.0.0.0/0[udp], received: 203.0.113.9/32[udp/l2f] => match: 203.0.113.9/32[udp/l2f]`,
      `${cfg} config: 10.0.0.0/8, received: 192.168.1.5/32[udp/l2f] => no match`,
      `${head}changing received traffic selectors 192.168.1.5/32[udp/l2f]=== 192.0.2.1/32[udp/l2f] due to NAT`,
      `${head}received retransmit of request with ID 7, but no response to retransmit`,
    ]);
    expect([r.records, r.understood]).toEqual([4, 4]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
    expect(r.entries.map((e) => describeEntry(e, t)).join(' | ')).toMatch(/they fit.*they do not fit.*behind NAT.*no answer for it/);
  });
});

describe("EAP-TLS in charon: libtls' trace, its alerts, and the method's failure (tls_eap.c, tls_alert.c, eap_authenticator.c)", () => {
  const tls = 'Aug 26 00:34:25 11[TLS] ';
  const ike = 'Aug 26 00:34:25 11[IKE] ';
  it('reads the fragments, acknowledgments and dumps, and a dump row is not taken for other text', () => {
    const r = read([
      `${tls}sending EAP_TLS start packet (6 bytes)`,
      `${tls}sending EAP_PEAP first fragment (1014 bytes)`,
      `${tls}sending EAP_TTLS further fragment (1014 bytes)`,
      `${tls}sending EAP_TLS acknowledgment packet`,
      `${tls}EAP_PEAP version is v0`,
      `${tls}=> 6 bytes @ 0x7f0000001000`,
      `${tls}   0: 02 C4 00 06 0D 00                                ......`,
      `${tls}  16: 00 57 36 8E 09 EC B9 16 83 3C 4B A3 CD F2 5B 39  .W6......<K...[9`,
    ]);
    expect([r.records, r.understood]).toEqual([8, 8]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
    expect(read([`${tls}12: not a dump row`]).understood).toBe(0);
  });
  it('a fatal alert received or sent is a warning; EAP_TLS failing is a certificate matter (ike-auth-failed, no 691), other methods a password', () => {
    expect(said([`${tls}received fatal TLS alert 'access denied'`])).toEqual([expect.stringMatching(/^1:warning::The other side stopped the TLS handshake .*'access denied'/)]);
    expect(said([`${tls}sending fatal TLS alert 'certificate unknown'`])).toEqual([expect.stringMatching(/^1:warning::This side stopped .*'certificate unknown'/)]);
    const tlsFailed = read([`${ike}EAP method EAP_TLS failed for peer alice`, `${ike}EAP method EAP_MSCHAPV2 failed for peer bob`]);
    expect(tlsFailed.entries.map((e) => [e.cause, e.code])).toEqual([
      ['ike-auth-failed', undefined],
      ['credentials-rejected', 691],
    ]);
    // in the other order too (the rule cache must not carry the MSCHAPv2 reading to the EAP_TLS line)
    const other = read([`${ike}EAP method EAP_MSCHAPV2 failed for peer bob`, `${ike}EAP method EAP_TLS failed for peer alice`]);
    expect(other.entries.map((e) => e.cause)).toEqual(['credentials-rejected', 'ike-auth-failed']);
    expect(describeEntry(tlsFailed.entries[0]!, t)).toContain('EAP-TLS uses no password');
  });
});

describe("Libreswan's EAP-TLS server (programs/pluto/ikev2_eap.c)", () => {
  const head = 'Nov 10 08:07:40 vpn pluto[3805412]: "vpn-server"[1] 192.0.2.9 #7: ';
  it('reads the conversation: records, NSS I/O, the handshake done, EAP Success', () => {
    const r = read([
      `${head}EAP with 215 bytes, flags 80`,
      `${head}EAP TLS Msglen 1437`,
      `${head}NSS: I/O recv(5): return 5`,
      `${head}NSS: I/O send(1024): ok`,
      `${head}responding with 1024 bytes of 2933 EAP data`,
      `${head}EAP Fragment acknowledgement`,
      `${head}NSS: Handshake completed`,
      `${head}EAP Final ACK`,
      `${head}responding with EAP termination code 3`,
    ]);
    expect([r.records, r.understood]).toEqual([9, 9]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
  });
  it('the refusals: EAP Failure, a failed handshake or refused certificate, the PC\'s Nak, EAP not TLS, no private key', () => {
    const causes = (line: string) => read([`${head}${line}`]).entries.map((e) => [e.cause, describeEntry(e, t)]);
    expect(causes('responding with EAP termination code 4')).toEqual([['ike-auth-failed', expect.stringContaining('EAP Failure (code 4)')]]);
    expect(causes('NSS: Handshake failed: SSL_ERROR_ACCESS_DENIED_ALERT')).toEqual([['ike-auth-failed', expect.stringContaining('(SSL_ERROR_ACCESS_DENIED_ALERT)')]]);
    expect(causes('Bad Server Certificate: SEC_ERROR_UNKNOWN_ISSUER')).toEqual([['ike-auth-failed', expect.stringContaining('a certificate was not accepted')]]);
    expect(causes('EAP Type 3 unexpected')).toEqual([['auth-protocol-mismatch', expect.stringContaining('EAP Nak')]]);
    expect(causes('EAP Code 2 unexpected')).toEqual([['auth-protocol-mismatch', expect.stringContaining('EAP code 2')]]);
    expect(causes('Peer attempted EAP authentication, but EAP is not allowed')).toEqual([['auth-protocol-mismatch', expect.stringContaining('only as EAP-TLS')]]);
    expect(causes('private key for connection not found')).toEqual([['certificate-missing', expect.stringContaining('no private key')]]);
    expect(read([`${head}NSS: Peer certificate subject='CN=pc1' issuer='CN=Other CA'`]).entries.map((e) => describeEntry(e, t))).toEqual([expect.stringContaining('CN=pc1, issued by CN=Other CA')]);
  });
});
