import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, REAL_SERVER_LOGS, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Real logs of the supported families that the parser had not met (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), each showing a class it misread or left unknown: Libreswan 4.x's IKEv1 stories without
 * STATE_ names, pluto's PSK-length warning, a 5.x initiator's IKE_SA_INIT answered with only NO_PROPOSAL_CHOSEN, pluto's
 * `--dontrekey` expiry; charon's critical-plugin abort and the starter's lines under the `ipsec` tag, strongSwan 5.9's
 * `looking for an IKEv2 config`, the attr plugin's lines, a vendor ID name with a backslash; accel-ppp's RADIUS socket error
 * and IPoE interface, its SSTP handshake lines; pppd's MS-CHAP v2 Success it could not accept; xl2tpd's negative serial;
 * SoftEther records flattened into one paragraph. Each with its hand-checked decoding.
 */

const t = engineT('en');
const read = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);

const EXPECTED: Record<string, RealServerLogRow> = {
  'pluto-4x-sent-main-mode-r1-r2-ike-sa-established-fips-psk-warning.txt': {
    records: 9,
    understood: 9,
    families: { libreswan: 9 },
    causes: [],
    says: [
      [2, 'The pre-shared key of connection l2tp-psk is 14 bytes long, shorter than the 16 bytes HMAC_SHA2_256 wants in FIPS mode'],
      [3, 'STATE_MAIN_R1 (responder sent MR1 (SA chosen); waits for MI2).'],
      [4, 'STATE_MAIN_R2 (responder sent MR2 (key exchange); waits for MI3).'],
      [9, 'STATE_MAIN_R3 (responder sent MR3: ISAKMP SA established) {auth=PRESHARED_KEY cipher=AES_CBC_256 integ=HMAC_SHA2_256 group=MODP2048}.'],
    ],
  },
  'pluto-fips-warning-psk-too-short-main-mode-r1-r2.txt': {
    records: 5,
    understood: 5,
    families: { libreswan: 5 },
    causes: [],
    says: [[2, 'is 4 bytes long, shorter than the 10 bytes sha wants in FIPS mode: a weak key, but this pluto is not in FIPS mode and uses it.']],
  },
  'pluto-main-r3-then-ike-sa-expired-dontrekey-too-small-packet.txt': {
    records: 11,
    understood: 11,
    families: { libreswan: 11 },
    causes: [],
    says: [
      [9, 'A UDP packet too short for IKE (0 bytes) came from 221.2.56.138 on port 4500 and was dropped.'],
      [10, 'The IKE SA reached the end of its lifetime and is deleted, not renewed (rekey=no).'],
    ],
  },
  // the other side's refusal of this side's IKE_SA_INIT (lines 1, 2: an initiator, worded so); line 6 is another peer's packet
  // this host answers as a responder
  'pluto-5x-oe-unexpected-ike-sa-init-no-proposal-chosen-glued-host.txt': {
    records: 6,
    understood: 6,
    families: { libreswan: 6 },
    causes: [[1, 'ike-no-proposal'], [2, 'ike-no-proposal'], [6, 'ike-no-connection']],
    says: [[1, 'IKE notification NO_PROPOSAL_CHOSEN (14).']],
  },
  'charon-status-tab-critical-plugin-feature-initialization-aborted.txt': {
    records: 7,
    understood: 7,
    families: { strongswan: 7 },
    causes: [[6, 'service-down']],
    says: [
      [5, 'Not every plugin feature charon, the IKE service, cannot run without was loaded: 1 failed'],
      [6, 'charon, the IKE service, could not start and quit: no VPN connection is answered.'],
      [7, 'charon, the IKE service, stopped unexpectedly; the starter starts it again in 5 seconds.'],
    ],
  },
  'charon-starter-too-long-to-start-loaded-attribute-dns.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    causes: [[2, 'service-down'], [7, 'service-down']],
    says: [[1, 'strongSwan bookkeeping.'], [2, 'did not get going within 10 seconds']],
  },
  'charon-conn-prefix-no-time-looking-for-ikev2-config.txt': {
    records: 7,
    understood: 7,
    families: { strongswan: 7 },
    causes: [],
    says: [[1, 'Looking up the server connection for this peer.'], [5, '192.168.100.110 starts IKEv2 negotiation.']],
  },
  'charon-nm-l2tp-sigint-shutting-down-main-mode-vendor-ids.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    causes: [],
    says: [[1, 'The IKE service (charon) is shutting down (SIGINT).'], [9, 'Vendor ID draft-ietf-ipsec-nat-t-ike-02\\n.']],
  },
  // IPoE is no VPN: its own lines (create interface, session finished) and libnetlink's stay unknown; line 1 lost its `[`
  'pppd-accel-ppp-log-file-ipoe-radius-bind-address-in-use-no-available-servers.txt': {
    records: 6,
    understood: 3,
    families: { pppd: 3 },
    causes: [[2, 'radius-misconfigured'], [3, 'radius-unreachable']],
    says: [[2, 'accel-ppp could not open its RADIUS connection (bind: Address already in use): no request reaches a RADIUS server']],
  },
  // line 6 is the rest of line 5's HTTP request line, wrapped inside its GUID as posted
  'pppd-accel-pppd-sstp-new-connection-sni-http-handshake-wrapped-guid.txt': {
    records: 13,
    understood: 12,
    families: { pppd: 12 },
    causes: [],
    says: [
      [1, 'The PC at 79.177.68.246 opened a TLS connection to the SSTP server (TCP 443).'],
      [4, 'The client\'s TLS hello asks for the server name stupid.dev.enativ.com (SNI)'],
      [5, 'accel-ppp HTTP message SSTP_DUPLEX_POST.'],
      [7, 'accel-ppp HTTP message Host.'],
    ],
  },
  'pppd-nm-l2tp-client-mschapv2-success-badly-formed-chap-failed.txt': {
    records: 15,
    understood: 15,
    // (line 15, `NetworkManager[9558]: xl2tpd[9558]: death_handler: …`, xl2tpd's under NetworkManager's tag of its pid: round 39, hGD)
    families: { pppd: 13, syslog: 1, strongswan: 1 },
    causes: [],
    says: [
      [15, 'xl2tpd was told to stop (signal 15, SIGTERM'],
      [9, "The server accepted this side's MS-CHAP v2 log-in, but its Success message is not in the form this pppd reads"],
      [10, "This side ended its own CHAP log-in after the server's answer (the line before): the server had not refused the password."],
    ],
  },
  'pppd-vyos-xl2tpd-ccp-protocol-reject-link-used-negative-serial.txt': {
    records: 26,
    understood: 26,
    families: { pppd: 22, syslog: 4 },
    causes: [[12, 'server-refused-encryption']],
    says: [[2, 'L2TP call established with XX.XX.131.96.']],
  },
  'pppd-xl2tpd-lac-empty-chap-responses-pppol2tp-debugmask-termreq.txt': {
    records: 10,
    understood: 10,
    families: { pppd: 10 },
    causes: [],
    says: [[9, 'pppd (or its plugin) starts.']],
  },
  // one quoted paragraph (`> …`) of seven records, then a wrapped rest that starts with `: ` (still unknown, as the record before it)
  // and the record glued after it (its own date and time after the rest's full stop: prose-before-record.ts)
  'softether-server-log-flattened-paragraph-ike-sa-then-quick-mode.txt': {
    records: 8,
    understood: 6,
    families: { softether: 6 },
    causes: [],
    says: [[1, 'IKE SA 96 of IPsec client 129 is established (IKE phase 1 done).']],
  },
};

describe('real logs the parser had not met (held-out round)', () => {
  realServerLogTable(EXPECTED);

  it('Libreswan 4.x: an established line takes the side its serial told (a responder here), and the serial counts as established', () => {
    const r = read('pluto-4x-sent-main-mode-r1-r2-ike-sa-established-fips-psk-warning.txt');
    const est = r.entries.find((e) => e.line === 9)!;
    expect([est.outcome, est.session]).toEqual(['success', '#22']);
    // an initiator's story first: its established line is MAIN_I4's, its Quick Mode's QUICK_I2's
    const i = parseServerLog(['"c" #3: sent Main Mode request', '"c" #3: sent Main Mode I3', '"c" #3: IKE SA established {auth=PRESHARED_KEY}', '"c" #4: sent Quick Mode request', '"c" #4: IPsec SA established tunnel mode {ESP=>0x1}'].join('\n'));
    expect(i.entries.map((e) => e.decoded[0]!.values?.state)).toEqual(['STATE_MAIN_I1', 'STATE_MAIN_I3', 'STATE_MAIN_I4', 'STATE_QUICK_I1', 'STATE_QUICK_I2']);
    // near miss: another story is not one of these
    expect(parseServerLog('"c" #3: sent Main Mode R9').unknown).toBe(1);
  });

  it('the SoftEther paragraph is cut at each record: eight records from two lines, each with its own time', () => {
    const r = read('softether-server-log-flattened-paragraph-ike-sa-then-quick-mode.txt');
    expect(r.entries.map((e) => `${e.time!.second}.${e.time!.ms}`)).toEqual(['44.44', '44.44', '47.33', '47.33', '47.33', '48.448']);
    // a time of another shape inside a message (no milliseconds, another date) does not cut it
    const one = parseServerLog('2018-03-07 09:27:44.044 IPsec Client 1 (1.2.3.4:500 -> 5.6.7.8:500): A new IPsec client is created. Seen 2018-03-07 09:27:40 before.');
    expect(one.records).toBe(1);
  });

  it('pppd: only the client line right after an unreadable Success is not a refusal; a later CHAP failure of that pppd is one again', () => {
    const lines = ['pppd[9]: MS-CHAPv2 mutual authentication failed.', 'pppd[9]: CHAP authentication failed', 'pppd[9]: CHAP authentication failed'];
    const r = parseServerLog(lines.join('\n'));
    expect(r.entries.map((e) => [e.line, e.cause])).toEqual([[1, undefined], [2, undefined], [3, 'credentials-rejected']]);
    expect(describeEntry(r.entries[0]!, t)).toContain('its proof that it knows the password (the authenticator response, RFC 2759) does not match');
    // another pppd's failure is its own
    expect(parseServerLog(['pppd[9]: MS-CHAPv2 Success packet is badly formed.', 'pppd[10]: CHAP authentication failed'].join('\n')).entries[1]!.cause).toBe('credentials-rejected');
  });

  it("strongSwan's starter lines under the `ipsec` tag (systemd running the starter through the script)", () => {
    const r = parseServerLog('Nov 21 16:11:32 h ipsec[25836]: charon has died -- restart scheduled (5sec)\nNov 21 16:11:32 h ipsec[25836]: charon has quit: initialization failed');
    expect(r.entries.map((e) => [e.family, e.cause])).toEqual([['strongswan', undefined], ['strongswan', 'service-down']]);
  });
});
