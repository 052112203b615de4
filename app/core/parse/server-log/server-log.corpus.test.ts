import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../../test/corpus';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog, type Cause, type LogFamily } from './index';

/**
 * Every file of ../shared/corpus/server-logs, read in place, with what was checked by hand: how
 * many records (glued lines split, continuations joined), how many understood, per family, the
 * lines that carry a cause (line, cause, Windows/MS-CHAP code) and the decoding of key lines.
 */

type Row = {
  records: number;
  understood: number;
  families: Partial<Record<LogFamily, number>>;
  causes: ([number, Cause] | [number, Cause, number])[];
  /** [line, text the English decoding of that line must contain] */
  says?: [number, string][];
};

const EXPECTED: Record<string, Row> = {
  'asa/asa-syslog-aaa-user-authentication-rejected-and-successful.txt': { records: 2, understood: 2, families: { asa: 2 }, causes: [[1, 'credentials-rejected', 691]], says: [[1, 'AAA rejected user testuser: Invalid password (192.168.0.1)'], [2, 'The user testuser logged in (AAA authentication succeeded).']] },
  'ios-debug/ios-867vae-pppoe-client-chap-success.txt': { records: 13, understood: 13, families: { ios: 13 }, causes: [], says: [[2, 'LCP option: MRU 1454'], [3, 'Authentication-Protocol CHAP (MD5)'], [3, 'On Vi1 this router is the client'], [14, 'CHAP SUCCESS from the server this router logs in to']] },
  'ios-debug/ios-xe-csr-pppoe-server-chap-failure-aaa-server-did-not-respond.txt': { records: 45, understood: 45, families: { ios: 45 }, causes: [[35, 'credentials-rejected', 691], [36, 'radius-unreachable']], says: [[17, 'LCP Configure-Nak from the PC (id 1)'], [18, 'LCP option: MRU 1500'], [36, 'The authentication server did not respond (AAA Server did not respond)']] },
  'mikrotik/routeros-l2tp-ipsec-isakmp-established-peer-didnt-respond-to-chap.txt': { records: 7, understood: 7, families: { mikrotik: 7 }, causes: [[1, 'pc-no-chap-response']], says: [[1, 'starts IKEv1 Main Mode'], [1, 'The PC did not answer the server\'s CHAP challenge']] },
  'other/router-pptp-client-call-clear-request-lcp-down.txt': { records: 4, understood: 4, families: { pppd: 4 }, causes: [], says: [[2, 'PPTP control message 12 to the PC: Call-Clear-Request (CCRQ)']] },
  // (the older sstpd: `pppd stopped.` before any CALL_CONNECTED is PPP failing — the poster of sorz/sstp-server #23 had mistyped the password)
  'other/sstp-server-python-win10-call-disconnect.txt': { records: 8, understood: 8, families: { sstp: 8 }, causes: [], says: [[2, 'SSTP CALL_CONNECT_REQUEST from the PC'], [3, 'ended before the SSTP call was up: the PPP negotiation failed, most often on the user name or password'], [8, 'ended before the SSTP call was up']] },
  'other/windows-client-rasman-trace-pptp-error-734.txt': { records: 72, understood: 72, families: { rasman: 72 }, causes: [[69, 'ras-error', 734]], says: [[7, 'Windows uses WAN Miniport (PPTP)'], [54, 'PPP error 734'], [68, 'PPP error 734']] },
  'pppd/accel-pptpd-padavan-ipcp-terminated-no-local-ip.txt': { records: 19, understood: 19, families: { pppd: 17, syslog: 2 }, causes: [[14, 'address-pool'], [18, 'address-pool']], says: [[13, 'Encryption is up: MPPE 128-bit, stateless'], [14, 'fell back to 10.64.64.74']] },
  'pppd/accel-pptpd-padavan-win10-lcp-terminated-by-peer.txt': { records: 19, understood: 19, families: { pppd: 19 }, causes: [], says: [[9, 'without a readable reason']] },
  'pppd/pptp-client-vs-poptop-mppe-required-peer-negotiation-failed.txt': { records: 6, understood: 6, families: { pppd: 6 }, causes: [[4, 'mppe-stateful-only'], [5, 'mppe-unavailable']] },
  'pppd/pptpd-asuswrt-ctrl-eof-reading-ctrl-packet.txt': { records: 14, understood: 14, families: { pppd: 14 }, causes: [], says: [[1, 'Set-Link-Info with non-standard ACCM values'], [9, 'closed by the other side without a Call-Clear-Request']] },
  'pppd/pptpd-debug-windows-client-chap-failure.txt': { records: 18, understood: 18, families: { pppd: 18 }, causes: [[16, 'credentials-rejected', 691], [17, 'credentials-rejected']], says: [[3, 'LCP ConfReq to the PC (id 0x1): asyncmap 0x0, auth chap MS-v2'], [11, 'Windows remote access (MSRASV5.20)'], [16, 'The user "yaya" failed CHAP authentication'], [18, 'Reason given: "Authentication failed"']] },
  'pppd/pptpd-openwrt-lcp-terminated-mppe-required-not-available.txt': { records: 13, understood: 13, families: { pppd: 12, syslog: 1 }, causes: [[7, 'mppe-unavailable']], says: [[7, 'it requires encryption (MPPE) and could not set it up. MPPE\'s keys come from an MS-CHAP v2 log-in'], [13, 'dropbear is not part of the VPN']] },
  'pppd/pptpd-radius-plugin-chap-failure-call-clear.txt': { records: 53, understood: 53, families: { pppd: 53 }, causes: [[40, 'credentials-rejected', 691]], says: [[6, 'PPTP control message 1 from the PC: Start-Control-Connection-Request (SCCRQ)'], [7, 'PPTP control message 2 to the PC: Start-Control-Connection-Reply (SCCRP)'], [10, 'Outgoing-Call-Request (OCRQ)'], [29, 'Set-Link-Info (SLI)'], [44, 'Call-Clear-Request (CCRQ)'], [45, 'Call-Disconnect-Notify (CDN)'], [46, 'The PC ended the call'], [31, 'GRE (IP protocol 47) gets through']] },
  'pppd/pptpd-windows-lcp-timeout-sending-config-requests.txt': { records: 8, understood: 8, families: { pppd: 8 }, causes: [[5, 'no-ppp-frames']], says: [[5, 'PPP frames over GRE do not arrive']] },
  'pppd/pptpd-wrong-password-peer-failed-chap-authentication.txt': { records: 7, understood: 7, families: { pppd: 7 }, causes: [[4, 'credentials-rejected', 691]] },
  'pppd/xl2tpd-pluto-l2tp-instant-disconnect-pppd-exit-code-2.txt': { records: 11, understood: 11, families: { pppd: 8, libreswan: 3 }, causes: [[2, 'ppp-setup-failed']], says: [[2, 'exit code 2 (OPTION_ERROR)'], [10, 'ID_IPV4_ADDR 192.168.1.15']] },
  'pppd/xl2tpd-pppd-win10-l2tp-session-up-ip-assigned.txt': { records: 12, understood: 12, families: { pppd: 11, syslog: 1 }, causes: [], says: [[12, 'The PC was given 192.168.42.10']] },
  'rras/rras-remoteaccess-event-20111-demand-dial-not-responding-and-ike-credentials.txt': { records: 48, understood: 48, families: { rras: 48 }, causes: [[1, 'ras-error', 809], [29, 'ike-auth-failed', 13801], [51, 'ras-error', 809]], says: [[1, "The server's outgoing VPN connection AzureGateway failed with error 809 (a demand-dial interface; RemoteAccess event 20111"], [51, 'The VPN connection AzureGateway failed with error 809 (RasClient event 20227)']] },
  'strongswan/charon-ikev2-psk-peer-requested-eap-config-inacceptable.txt': { records: 12, understood: 12, families: { strongswan: 12 }, causes: [[2, 'auth-protocol-mismatch'], [4, 'auth-protocol-mismatch'], [5, 'auth-protocol-mismatch']] },
  'strongswan/charon-l2tp-ikev1-quick-mode-child-sa-established-then-delete.txt': { records: 19, understood: 19, families: { strongswan: 19 }, causes: [], says: [[2, 'IKEv1 Quick Mode response to the PC'], [17, 'IPsec SA L2TP-PSK{31} established'], [19, 'IKEv1 Informational request from the PC, DELETE']] },
  'strongswan/charon-l2tp-ikev1-windows-main-mode-vendor-ids.txt': { records: 17, understood: 17, families: { strongswan: 17 }, causes: [], says: [[4, 'IKEv1 Main Mode request from the PC'], [8, 'Windows IKE client (vendor ID Microsoft (unnamed) v1)'], [13, 'MS-Negotiation Discovery Capable']] },
  'strongswan/charon-macos-ikev2-dh-group-inacceptable-invalid-ke.txt': { records: 15, understood: 15, families: { strongswan: 15 }, causes: [], says: [[6, 'offered Diffie-Hellman group MODP_2048; the server wants MODP_1024'], [7, 'INVALID_KE_PAYLOAD (17)']] },
  'strongswan/charon-win10-ikev2-13843-invalid-payload-cert-peer-config.txt': { records: 6, understood: 6, families: { strongswan: 6 }, causes: [], says: [[4, 'Server connection chosen: ikev2-pubkey']] },
  'strongswan/charon-win10-ikev2-809-ike-sa-init-only.txt': { records: 14, understood: 14, families: { strongswan: 14 }, causes: [[9, 'ike-auth-never-came']], says: [[9, 'IKE_AUTH (the next, large and often fragmented message on UDP 4500) never arrived']] },
  'strongswan/charon-win10-ikev2-policy-match-error-ike-sa-init.txt': { records: 7, understood: 7, families: { strongswan: 7 }, causes: [], says: [[3, 'Windows IKE client (vendor ID MS NT5 ISAKMPOAKLEY v9)']] },
  'strongswan/libreswan-pluto-ikev2-no-suitable-connection-no-proposal-chosen.txt': { records: 3, understood: 3, families: { libreswan: 3 }, causes: [[1, 'ike-no-connection'], [2, 'ike-no-proposal'], [4, 'certificate-missing']], says: [[2, 'NO_PROPOSAL_CHOSEN (14)']] },
  'strongswan/libreswan-pluto-win10-l2tp-main-mode-isakmp-sa-established.txt': { records: 10, understood: 10, families: { libreswan: 10 }, causes: [], says: [[2, 'STATE_MAIN_R1 (responder sent MR1 (SA chosen); waits for MI2)'], [10, 'ISAKMP SA established']] },
  'strongswan/libreswan-pluto-win10-l2tp-main-r2-retransmission.txt': { records: 9, understood: 9, families: { libreswan: 9 }, causes: [[9, 'ike-no-mi3']], says: [[2, '[AES_CBC (256), HMAC_SHA1, DH20 = ECP384] was refused']] },
  'strongswan/libreswan-pluto-win10-l2tp-quick-mode-established-then-628.txt': { records: 8, understood: 8, families: { libreswan: 8 }, causes: [], says: [[1, 'STATE_QUICK_R2 (IPsec SA established).'], [2, 'ESP traffic: 222B in, 201B out'], [6, 'group 20 = ECP384 is not supported']] },
  'strongswan/libreswan-pluto-windows-l2tp-oakley-transform-refused.txt': { records: 9, understood: 9, families: { libreswan: 9 }, causes: [], says: [[5, 'Windows IKE client (vendor ID Microsoft (unnamed) v1)']] },
  'vpn3000/vpn3000-syslog-auth-rejected-and-ike-user-auth-failed.txt': { records: 2, understood: 2, families: { vpn3000: 2 }, causes: [[1, 'credentials-rejected', 691], [2, 'xauth-rejected']], says: [[1, 'VPN 3000 event AUTH/5, severity 3'], [2, 'XAUTH']] },
};

const t = engineT('en');

describe.skipIf(!corpusAvailable)('server logs corpus: every file, decoded and checked by hand', () => {
  const folders = ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'];
  it('has a row for every corpus file', () => {
    const all = folders.flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => `${f}/${n}`)).sort();
    expect(all).toEqual(Object.keys(EXPECTED).sort());
    expect(all).toHaveLength(32);
  });
  for (const [file, row] of Object.entries(EXPECTED)) {
    it(file, () => {
      const [folder, name] = file.split('/') as [string, string];
      const r = parseServerLog(readCorpus(join('server-logs', folder), name), file);
      expect(r.verdict).toBe('ok');
      expect([r.records, r.understood, r.unknown]).toEqual([row.records, row.understood, row.records - row.understood]);
      expect(r.families).toEqual(row.families);
      expect(r.entries.filter((e) => e.cause).map((e) => (e.code ? [e.line, e.cause, e.code] : [e.line, e.cause]))).toEqual(row.causes);
      for (const [line, text] of row.says ?? []) {
        const said = r.entries.filter((e) => e.line === line).map((e) => describeEntry(e, t)).join(' | ');
        expect(said, `line ${line}`).toContain(text);
      }
    });
  }
});

/** The seed FAQ's own router and concentrator lines (../shared/seed), found by their text, not line numbers. */
const seed = corpusAvailable ? readCorpus(join('..', 'seed'), 'cisco-pptp-faq-nl.txt').split('\n') : [];
const excerpt = (marker: string, lines: number) => {
  const i = seed.findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`seed line with ${marker} not found`);
  return seed.slice(i, i + lines).join('\n');
};

describe.skipIf(!corpusAvailable)('the seed FAQ lines', () => {
  it('VPN 3000: the event text continues over blank lines; NT4 SP5 128-bit decrypt failure', () => {
    const r = parseServerLog(excerpt('SEV=6 PPP/4 RPT=3', 5));
    expect([r.records, r.understood]).toEqual([1, 1]);
    const [e] = r.entries;
    expect(e).toMatchObject({ family: 'vpn3000', cause: 'decrypt-failure', user: 'testuser', peer: '80.50.0.4', line: 1, endLine: 5, time: { year: 1999, month: 12, day: 9, hour: 9, minute: 8, second: 1, ms: 550 } });
    expect(describeEntry(e!, t)).toContain('VPN 3000 event PPP/4, severity 6');
  });
  it('LCP: Failed to negotiate with peer (error 734 on the PC)', () => {
    const r = parseServerLog(excerpt('Vi1 LCP: Failed to negotiate with peer', 1));
    expect(r.entries[0]).toMatchObject({ family: 'ios', cause: 'auth-protocol-mismatch', code: 734, session: 'Vi1' });
  });
  it('I PROTREJ: the PC rejected the router\'s CCP Configure-Request id 0x57 offering MPPE 40-bit stateless', () => {
    const r = parseServerLog(excerpt('Vi1 LCP: I PROTREJ', 3));
    expect([r.records, r.understood]).toEqual([1, 1]);
    expect(r.entries[0]).toMatchObject({ cause: 'pc-refused-encryption', endLine: 3, decoded: [{ key: 'protRej', values: { dir: 'in', proto: 'CCP', rejectedCode: 'Configure-Request', rejectedId: 0x57, mppe: 0x01000020 } }] });
    expect(describeEntry(r.entries[0]!, t)).toBe('The PC refused the encryption (CCP) the router proposed: MPPE 40-bit, stateless.');
    expect(describeEntry(r.entries[0]!, engineT('nl'))).toBe('De pc weigerde de versleuteling (CCP) die de router voorstelde: MPPE 40-bits, staatloos.');
  });
  it('O PROTREJ: the router rejected the PC\'s CCP (MPPE 40/56-bit stateless, bits 0x010000B0) — error 742', () => {
    const r = parseServerLog(excerpt('Vi1 LCP: O PROTREJ', 3));
    expect(r.entries[0]).toMatchObject({ cause: 'server-refused-encryption', decoded: [{ values: { dir: 'out', rejectedId: 2, mppe: 0x010000b0 } }] });
    expect(describeEntry(r.entries[0]!, t)).toBe('The router refused the encryption (CCP) the PC proposed: MPPE 40-bit or 56-bit, stateless.');
  });
  it('PPTP: CC I 0010 0001 1A2B3C4D 000C … = control message 12, Call-Clear-Request, in hex and by name', () => {
    const r = parseServerLog(excerpt('Tnl 17 PPTP: CC I 0010', 3));
    expect(r.entries.map((e) => [e.line, e.session, e.decoded[0]!.values!.type])).toEqual([[1, 'Tnl 17', 12], [3, 'Tnl 17', 12]]);
    expect(describeEntry(r.entries[0]!, t)).toContain('PPTP control message 12 from the PC: Call-Clear-Request (CCRQ) (RFC 2637). The PC ended the call');
  });
  it('the whole FAQ as one paste: log lines understood, the Dutch prose kept as unknown lines', () => {
    const r = parseServerLog(seed.join('\n'));
    expect(r.entries.filter((e) => e.cause).map((e) => e.cause)).toEqual(['decrypt-failure', 'auth-protocol-mismatch', 'pc-refused-encryption', 'server-refused-encryption']);
    expect(r.understood + r.unknown).toBe(r.records);
    expect(r.unknown).toBeGreaterThan(100);
  });
});
