import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Libreswan pluto beyond Main Mode, from real logs (test/fixtures/real/server-logs, sources in SOURCES.md): pluto's own log
 * file (`logfile=`, each line after a time with microseconds and no host or program), Quick Mode as initiator and responder
 * (`initiating Quick Mode …`, the `us:` / `them:` ends), the IKEv1 Informational with pluto's `, msgid=…, length=…` after the
 * notify's name, the kernel refusing the negotiated SA (netlink errno), and pluto's `| ` debug lines.
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // the whole file used to be "no server log" (exit 4): no header the syslog reader knows
  'pluto-logfile-microsecond-time-quick-mode-initiator.txt': {
    records: 10,
    understood: 10,
    families: { libreswan: 10 },
    causes: [],
    says: [
      [3, 'STATE_MAIN_I2 (initiator sent MI2; waits for MR2)'],
      [6, 'Libreswan debug detail of the line before.'],
      [8, 'ISAKMP SA established'],
      [9, 'This side starts Quick Mode (the IPsec SA) as the initiator, proposal defaults, PFS MODP1536.'],
    ],
  },
  // Windows 10 over L2TP/IPsec: Quick Mode reached, the kernel refuses the SA each time (4 of 12 lines were read)
  'pluto-l2tp-windows10-netlink-add-sa-errno-quick-r0.txt': {
    records: 12,
    understood: 12,
    families: { libreswan: 12 },
    causes: [],
    says: [
      [1, "The server's kernel refused to install the IPsec SA (Add SA esp.70a671a@1.2.3.4: errno 2, No such file or directory)"],
      [2, 'The IPsec SA was not installed on the server'],
      [3, 'Libreswan debug detail'],
      [7, "Quick Mode, the server's end: 10.8.165.23/32===10.8.165.23<10.8.165.23>[11.12.13.14]:17/1701."],
      [8, "Quick Mode, the other side's end: 1.2.3.4[192.168.0.104]:17/0."],
    ],
  },
  // the other side refused this side's Quick Mode proposal: NO_PROPOSAL_CHOSEN with pluto's msgid and length after it (was unread, no finding)
  'pluto-ikev1-quick-mode-informational-no-proposal-chosen-msgid-length.txt': {
    records: 17,
    understood: 17,
    families: { libreswan: 17 },
    causes: [[10, 'ike-no-proposal'], [14, 'ike-no-proposal']],
    says: [
      [3, 'Libreswan bookkeeping.'],
      [9, 'This side starts Quick Mode (the IPsec SA) as the initiator, proposal AES(12)_256-SHA1(2), PFS OAKLEY_GROUP_MODP1536.'],
      [10, 'IKE notification NO_PROPOSAL_CHOSEN (14).'],
      [12, 'Libreswan debug detail'],
      [13, 'Libreswan bookkeeping.'],
    ],
  },
  // Openswan 2.6's plutostderrlog (no header at all): an Android phone's L2TP/IPsec up to STATE_QUICK_R2, then nothing until DPD
  // declares it dead; xl2tpd never saw a packet (the thread's fix: leftprotoport=17/%any). 26 of 79 lines were read, the DPD line as bookkeeping;
  // then 39, the start-up banner's 40 lines (no header, no time) not at all — now its own words (`Plutorun started on`) make the file pluto's
  'pluto-openswan-stderrlog-l2tp-quick-r2-then-dpd-declares-peer-dead.txt': {
    records: 79,
    understood: 79,
    families: { libreswan: 79 },
    causes: [],
    says: [
      [1, 'pluto start-up'],
      [3, 'pluto (Openswan 2.6.38) starts: the IPsec server was (re)started here.'],
      [4, 'pluto start-up: what this build and machine support.'],
      [14, 'pluto start-up: it registers its encryption algorithms'],
      [33, 'pluto listens for IKE on 94.173.XXX.XXX, UDP 500 (eth1).'],
      [41, 'Vendor ID RFC 3947.'],
      [60, 'IKE notification IPSEC_INITIAL_CONTACT.'],
      [67, 'STATE_QUICK_R1 (responder sent QR1; waits for QI2).'],
      [70, 'STATE_QUICK_R2 (IPsec SA established) transport mode'],
      [71, 'The other side stopped answering an established connection: the PC went away'],
      [75, 'Libreswan bookkeeping.'],
      [76, "The server's packet to 82.132.XXX.XXX port 56527 came back as an error (Connection refused)"],
    ],
  },
  // a phone behind carrier NAT: Main Mode done (STATE_MAIN_R3), then its Quick Mode names itself 0.0.0.0 and is refused each time;
  // the INVALID_ID_INFORMATION after an established ISAKMP SA used to be read as a pre-shared key mismatch (4 of 8 lines were unread)
  'pluto-l2tp-quick-i1-peer-client-id-invalid-0000-after-isakmp-sa.txt': {
    records: 8,
    understood: 8,
    families: { libreswan: 8 },
    causes: [],
    says: [
      [1, 'STATE_MAIN_R3 (responder sent MR3: ISAKMP SA established)'],
      [2, "The other side's Quick Mode names its own end with an address that cannot be one (ID_IPV4_ADDR 0.0.0.0)"],
      // (named with its number since round 43: INVALID_ID_INFORMATION is IKEv1's type 18, codes/ike.ts)
      [3, 'IKE notification INVALID_ID_INFORMATION (18).'],
    ],
    session: '#1',
  },
  // Openswan 2.6.38 started, then a Windows PC over L2TP/IPsec behind NAT: Main Mode and Quick Mode come up, the PC deletes each IPsec SA
  // a few seconds after it (its L2TP got no answer: the thread's fix was in the PPP options), then the ISAKMP SA
  'pluto-openswan-startup-features-windows-l2tp-quick-mode-deleted-delpolicy-enoent.txt': {
    records: 88,
    understood: 88,
    families: { libreswan: 88 },
    causes: [],
    says: [
      [2, 'pluto start-up: what this build and machine support.'],
      [20, 'a failure for AES-CCM or AES-GCM here is Openswan registering them twice; harmless'],
      [29, 'pluto loaded the connection "L2TP-PSK-NAT" from its configuration.'],
      [32, 'pluto listens for IKE on 200.200.200.145, UDP 500 (eth0).'],
      [58, 'STATE_MAIN_R3 (responder sent MR3: ISAKMP SA established)'],
      [69, 'STATE_QUICK_R2 (IPsec SA established) transport mode'],
      [75, 'Libreswan bookkeeping.'],
      [84, 'The kernel no longer held the IPsec policy pluto deleted (netlink errno 2, ENOENT)'],
    ],
  },
};

const parse = (text: string) => parseServerLog(text);
const one = (line: string) => parse(line).entries[0];

describe('real Libreswan Quick Mode and log-file fixtures', () => {
  realServerLogTable(EXPECTED);
});

describe('Openswan 2.6 without headers, its Informational and Quick Mode wording, DPD', () => {
  it('a bare pluto line is pluto\'s only with a head of its own; DPD\'s dead peer is worded by role', () => {
    expect(one('packet from 1.2.3.4:500: received Vendor ID payload [Dead Peer Detection]')!.family).toBe('libreswan');
    expect(one('"c"[2] 1.2.3.4: deleting connection "c" instance with peer 1.2.3.4 {isakmp=#0/ipsec=#0}')!.family).toBe('libreswan');
    // the same words without the head are nobody's
    expect(parse('received Vendor ID payload [Dead Peer Detection]').understood).toBe(0);
    expect(one('"c"[2] 1.2.3.4 #1: ignoring informational payload, type IPSEC_INITIAL_CONTACT msgid=00000000')!.decoded[0]!.values?.name).toBe('IPSEC_INITIAL_CONTACT');
    const dpd = parse(['"c" #1: STATE_MAIN_I4: ISAKMP SA established', '"c" #1: DPD: No response from peer - declaring peer dead'].join('\n')).entries[1]!;
    expect([dpd.outcome, dpd.cause, dpd.decoded[0]!.values?.role]).toEqual(['warning', undefined, 'initiator']);
    expect(describeEntry(one('"c"[1] 1.2.3.4 #1: DPD: No response from peer - declaring peer dead')!, nl)).toMatch(/pc/);
    // INVALID_ID_INFORMATION before the ISAKMP SA is up stays the key/identity failure
    expect(one('"c"[1] 1.2.3.4 #1: sending encrypted notification INVALID_ID_INFORMATION to 1.2.3.4:4500')!.cause).toBe('ike-auth-failed');
  });
});

describe('Libreswan Quick Mode, log file, Informational, kernel classes', () => {
  it("pluto's log file: the time with or without microseconds is the entry's; only a pluto head after it is read", () => {
    const e = one('Oct 30 15:25:13.822033: "vpn/0x1" #88: STATE_MAIN_I4: ISAKMP SA established {auth=PRESHARED_KEY}')!;
    expect(e).toMatchObject({ family: 'libreswan', session: '#88', outcome: 'success', time: { month: 10, day: 30, hour: 15, minute: 25, second: 13, ms: 822 } });
    expect(one('Jun  8 04:06:52.000001: packet from 1.2.3.4:500: received Vendor ID payload [RFC 3947]')!.time).toMatchObject({ month: 6, day: 8 });
    // (without the microseconds the header reader takes the time, as an IOS one: the quoted head is pluto's all the same)
    expect(one('Jun 18 04:06:52: "c" #7: deleting state (STATE_QUICK_I1)')).toMatchObject({ family: 'libreswan', time: { day: 18, second: 52 } });
    expect(one('Jun 18 04:06:53.201786: | ISAKMP Notification Payload')!.family).toBe('libreswan');
    // a time before anything else is not pluto's
    expect(parse('Jun 18 04:06:52.343852: deleting state (STATE_QUICK_I1)').understood).toBe(0);
    expect(parse('Jux 18 04:06:52.343852: "c" #7: deleting state (STATE_QUICK_I1)').understood).toBe(0);
  });
  it('an IKEv1 Informational notify with msgid and length, and this side\'s encrypted notification, by the notify\'s name', () => {
    expect(one('pluto[1]: "c" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=16')).toMatchObject({ outcome: 'failure', cause: 'ike-no-proposal' });
    expect(one('pluto[1]: "c" #1: ignoring informational payload INVALID_ID_INFORMATION, msgid=00000000, length=12')!.cause).toBe('ike-auth-failed');
    // xelerance/Openswan #60
    expect(describeEntry(one('pluto[1203]: "tunnel-config/2x1" #7411: sending encrypted notification INVALID_PAYLOAD_TYPE to receiver.public.ip.address:4500')!, t)).toContain('INVALID_PAYLOAD_TYPE');
    expect(one('pluto[1203]: "tunnel-config/2x1" #7411: message ignored because it contains an unexpected payload type (ISAKMP_NEXT_HASH)')!.outcome).toBe('warning');
    expect(parse('pluto[1]: "c" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=zz').understood).toBe(0);
  });
  it('the kernel refusing an SA is a server failure with no PC-side cause; the debug lines only follow it', () => {
    const e = one('pluto[1]: "l2tp-psk"[3] 1.2.3.4 #69: ERROR: netlink response for Add SA esp.70a671a@1.2.3.4 included errno 22: Invalid argument')!;
    expect(e).toMatchObject({ outcome: 'failure', peer: '1.2.3.4' });
    expect(e.cause).toBeUndefined();
    expect(describeEntry(e, nl)).toContain('De kernel van de server weigerde de IPsec SA te installeren');
    expect(one('pluto[1]: "c" #2: setup_half_kernel_state() hit fail:')!.outcome).toBe('warning');
    expect(one('pluto[1]: |')!.outcome).toBe('info');
    expect(parse('pluto[1]: |x').understood).toBe(0);
  });
  it("pluto's start-up, Openswan's and Libreswan's: the banner, the build's features, connections loaded, addresses listened on", () => {
    expect(describeEntry(one('pluto[1828]: Starting Pluto (Openswan Version 2.6.38; Vendor ID OEvy\\134kgzWq\\134s) pid:1828')!, t)).toBe('pluto (Openswan 2.6.38) starts: the IPsec server was (re)started here.');
    // (libreswan #3030: Libreswan 5.4's banner with its build's features after the version)
    expect(one('pluto[95]: Starting Pluto (Libreswan Version 5.4 IKEv2 IKEv1 XFRM XFRMI esp-hw-offload FORK NSS (IPsec profile) (NSS-KDF) LINUX_AUDIT) pid:95')!.decoded[0]!.values).toEqual({ product: 'Libreswan', version: '5.4' });
    for (const line of ['OCF support for IKE [disabled]', 'SAref support [disabled]: Protocol not available', 'NAT-Traversal support  [enabled]', 'leak-detective [enabled]', 'FIPS HMAC integrity support [not required]', 'NSS: OCSP [disabled]', 'Initializing NSS using read-only database "sql:/var/lib/ipsec/nss"', 'started helper pid=1831 (fd:6)']) {
      expect(one(`pluto[1]: ${line}`)!.decoded[0]!.key, line).toBe('step.plutoStartup');
    }
    expect(describeEntry(one('pluto[1]: adding UDP interface eth0 192.0.2.1:4500')!, nl)).toBe('pluto luistert naar IKE op 192.0.2.1, UDP 4500 (eth0).');
    expect(describeEntry(one('pluto[1]: added IKEv2 connection "westnet-eastnet"')!, t)).toBe('pluto loaded the connection "westnet-eastnet" from its configuration.');
    expect(parse('pluto[1]: ike_alg_register_enc(): Activating aes_gcm_8: maybe').understood).toBe(0);
  });
  it("Quick Mode's ends and this side's start; a near miss is not read", () => {
    expect(describeEntry(one('pluto[1]: "c"[1] 1.2.3.4 #15:     us: 10.0.0.1[5.6.7.8]:17/1701')!, t)).toBe("Quick Mode, the server's end: 10.0.0.1[5.6.7.8]:17/1701.");
    // (an editor's tabify turns the run after the serial into a tab)
    expect(describeEntry(one('pluto[1]: "c"[1] 1.2.3.4 #15:\t us: 10.0.0.1[5.6.7.8]:17/1701')!, t)).toBe("Quick Mode, the server's end: 10.0.0.1[5.6.7.8]:17/1701.");
    expect(describeEntry(one('pluto[1]: "c" #2: initiating Quick Mode PSK+ENCRYPT+TUNNEL {using isakmp#1 msgid:d7bcc824 proposal=AES(12)_256-SHA1(2)}')!, t)).toContain('proposal AES(12)_256-SHA1(2).');
    expect(parse('pluto[1]: "c" #2: initiating Quick Mode PSK+ENCRYPT {using something else}').understood).toBe(0);
  });
});
