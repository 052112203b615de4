import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * A log from the side that INITIATES (a router or gateway dialling a peer, a strongSwan client's log
 * pasted as the "server's") is worded by role: the other side there is the peer that should answer
 * (the responder), not "the PC". A responder's log (the server's) keeps "the PC". Both languages.
 */

const en = engineT('en');
const nl = engineT('nl');
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const explain = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t);
/** the PC named as the other side, in either language */
const NAMES_PC = /\bPC\b|\bpc\b/;

const IKEV2_INITIATOR = real('charon-initiator-ike-sa-init-retransmits-no-response.txt');
// strongSwan IKEv1 as initiator (src/libcharon/sa/ikev1/task_manager_v1.c: "sending retransmit %d of request message ID %u, seq %u", "giving up after %d retransmits")
const IKEV1_INITIATOR = [
  '09[IKE] initiating Main Mode IKE_SA office[1] to 198.51.100.2',
  '09[ENC] generating ID_PROT request 0 [ SA V V V V ]',
  '09[NET] sending packet: from 203.0.113.2[500] to 198.51.100.2[500] (180 bytes)',
  ...[1, 2, 3].map((n) => `07[IKE] sending retransmit ${n} of request message ID 0, seq 1`),
  '07[IKE] giving up after 3 retransmits',
].join('\n');
const LIBRESWAN_INITIATOR = real('pluto-whack-parent-i1-retransmissions-no-answer.txt');
const RESPONDER = real('charon-docker-compose-ike-sa-init-retransmits-half-open.txt');

describe('this side initiated: the other side is the peer (responder), not the PC', () => {
  for (const [name, text] of [['strongSwan IKEv2', IKEV2_INITIATOR], ['strongSwan IKEv1', IKEV1_INITIATOR], ['Libreswan IKEv2', LIBRESWAN_INITIATOR]] as const) {
    it(`${name}: no decoded line and no finding title speaks of the PC as the other side, in English and Dutch`, () => {
      for (const t of [en, nl]) {
        const { findings, serverLogs } = explain(text, t);
        for (const e of serverLogs[0]!.entries) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
        expect(findings.map((f) => f.id)).toEqual(['vpn.server-unreachable']);
        expect(findings[0]!.title).not.toMatch(NAMES_PC);
        expect(findings[0]!.summary.startsWith(t === en ? 'The log (x.log), from the side that started the connection, says: ' : 'Het logboek (x.log), van de kant die de verbinding begon, zegt: ')).toBe(true);
      }
    });
  }
  it("this side's own first request goes to the other side (the responder)", () => {
    expect(explain(IKEV2_INITIATOR).serverLogs[0]!.entries[0]!.decoded).toMatch(/^IKEv2 IKE_SA_INIT request to the other side \(the responder\), /);
    expect(explain(IKEV1_INITIATOR, nl).serverLogs[0]!.entries[1]!.decoded).toBe('IKEv1 Main Mode verzoek naar de andere kant (de antwoordende partij).');
    expect(explain(IKEV2_INITIATOR).findings[0]!.title).toMatch(/^The other side \(the responder\) does not answer/);
  });
  it('the role is read per message: a responder line after an initiator line names the PC again', () => {
    const mixed = ['10[ENC] generating IKE_SA_INIT request 0 [ SA KE No ]', '11[ENC] parsed IKE_SA_INIT request 0 [ SA KE No ]', '11[ENC] generating IKE_SA_INIT response 0 [ SA KE No ]', '11[ENC] parsed INFORMATIONAL request 2 [ D ]'].join('\n');
    // (the third line also carries its finding, the PC's IKE_AUTH that never came: only each line's first sentence is read here)
    expect(explain(mixed).serverLogs[0]!.entries.map((e) => e.decoded.slice(0, e.decoded.indexOf('.') + 1))).toEqual([
      'IKEv2 IKE_SA_INIT request to the other side (the responder).',
      'IKEv2 IKE_SA_INIT request from the PC.',
      'IKEv2 IKE_SA_INIT response to the PC.',
      'IKEv2 INFORMATIONAL request from the PC.',
    ]);
  });
});

describe("the server's (responder's) log keeps the PC", () => {
  it('the PC kept sending IKE_SA_INIT: the PC is named, with its 809', () => {
    const { findings, serverLogs } = explain(RESPONDER);
    expect(findings[0]!.title).toBe("The PC's first IPsec message gets no answer through: UDP 500/4500 is blocked, or NAT-T (error 809 on the PC)");
    expect(findings[0]!.summary).toMatch(/^The server's log \(x\.log\) says: /);
    expect(serverLogs[0]!.entries.find((e) => e.text.includes('parsed IKE_SA_INIT request 0'))!.decoded).toMatch(/^IKEv2 IKE_SA_INIT request from the PC/);
  });
});

// strongSwan src/libcharon/sa/ike_sa.c retransmit(): after the task manager's "giving up after N retransmits", an IKE_SA still being
// set up (IKE_CONNECTING) ends with "establishing IKE_SA failed, peer not responding", or starts again while keyingtries are left
const PEER_NOT_RESPONDING = '12[IKE] establishing IKE_SA failed, peer not responding';
const OWN_INIT = '09[ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]';

describe('"establishing IKE_SA failed, peer not responding": the initiator shape\'s last line', () => {
  it('is read, and is the cause ike-responder-unreachable when it is the first sign that this side\'s first message got no answer', () => {
    for (const t of [en, nl]) {
      const log = parseServerLog(['09[IKE] initiating IKE_SA office[1] to 198.51.100.2', OWN_INIT, PEER_NOT_RESPONDING].join('\n'), 'x.log');
      expect(log.unknownLines).toEqual([]);
      expect(log.entries.map((e) => e.cause ?? '')).toEqual(['', '', 'ike-responder-unreachable']);
      const { findings, serverLogs } = explainServerLogs([log], t);
      expect(findings.map((f) => f.id)).toEqual(['vpn.server-unreachable']);
      expect(serverLogs[0]!.entries[2]!.decoded).toBe(t === en ? 'Setting up the IKE SA failed: the other side (the responder) stopped answering and strongSwan gave up.' : 'Het opzetten van de IKE SA is mislukt: de andere kant (de antwoordende partij) antwoordde niet meer en strongSwan gaf het op.');
    }
  });
  it('after "giving up" (which is the cause) it is read without a second cause; a restart with keyingtries left is read too', () => {
    const retransmits = [1, 2, 3].map((n) => `07[IKE] retransmit ${n} of request with message ID 0`);
    const log = parseServerLog([OWN_INIT, ...retransmits, '07[IKE] giving up after 3 retransmits', '07[IKE] peer not responding, trying again (2/3)', OWN_INIT, ...retransmits, '07[IKE] giving up after 3 retransmits', PEER_NOT_RESPONDING].join('\n'), 'x.log');
    expect(log.unknownLines).toEqual([]);
    expect(log.entries.flatMap((e, i) => (e.cause ? [[i, e.cause]] : []))).toEqual([[4, 'ike-responder-unreachable'], [10, 'ike-responder-unreachable']]);
    expect(explain([OWN_INIT, '07[IKE] peer not responding, trying again (2/0)'].join('\n'), nl).serverLogs[0]!.entries[1]!.decoded).toBe('De andere kant antwoordde niet: deze kant begint opnieuw met de IKE SA (poging 2, zonder grens).');
  });
  it("without anything showing this side's role it names no one and gives no cause; with the first exchange answered, no cause either", () => {
    const alone = explain(PEER_NOT_RESPONDING);
    expect(alone.serverLogs[0]!.entries.map((e) => [e.cause, e.decoded])).toEqual([[undefined, 'Setting up the IKE SA failed: the other side stopped answering and strongSwan gave up.']]);
    const answered = parseServerLog([OWN_INIT, '10[ENC] parsed IKE_SA_INIT response 0 [ SA KE No ]', '10[ENC] generating IKE_AUTH request 1 [ IDi AUTH SA TSi TSr ]', '07[IKE] retransmit 1 of request with message ID 1', PEER_NOT_RESPONDING].join('\n'), 'x.log');
    expect(answered.unknownLines).toEqual([]);
    expect(answered.entries.filter((e) => e.cause)).toEqual([]);
  });
});

/** charon statements that name the PC and the server as the two sides, after a first line that tells this side's role */
const TWO_SIDES = [
  '11[IKE] local host is behind NAT, sending keep alives',
  '11[IKE] remote host is behind NAT',
  '11[CFG] received proposals: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ',
  '11[CFG] configured proposals: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ',
  '11[IKE] no acceptable proposal found',
  '11[ENC] parsed IKE_SA_INIT response 0 [ N(INVAL_KE) ]',
  '11[IKE] received retransmit of request with ID 2, retransmitting response',
  '11[ENC] could not decrypt payloads',
  '11[ENC] invalid HASH_V1 payload length, decryption failed?',
];
const AS_INITIATOR = [OWN_INIT, ...TWO_SIDES].join('\n');
const AS_RESPONDER = ['09[ENC] parsed IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]', ...TWO_SIDES.filter((l) => !l.includes('IKE_SA_INIT response'))].join('\n');
const NAMES_SERVER = /\bserver\b/;

describe('proposals, NAT, repeated requests, unreadable messages and failed authentication by role', () => {
  it('as initiator no statement names the PC or the server, in English and Dutch', () => {
    for (const t of [en, nl]) {
      for (const e of explain(AS_INITIATOR, t).serverLogs[0]!.entries) {
        expect(e.decoded, e.text).not.toMatch(NAMES_PC);
        expect(e.decoded, e.text).not.toMatch(NAMES_SERVER);
      }
    }
    const decoded = explain(AS_INITIATOR).serverLogs[0]!.entries.map((e) => e.decoded);
    expect(decoded.slice(1, 5)).toEqual(['This side is behind NAT.', 'The other side (the responder) is behind NAT.', 'The other side (the responder) proposes: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ.', 'This side allows: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ.']);
    expect(explain(AS_INITIATOR, nl).serverLogs[0]!.entries[7]!.decoded).toBe('De andere kant (de antwoordende partij) stuurde verzoek 2 opnieuw: het antwoord van deze kant kwam niet aan, dus deze kant stuurt het nog eens.');
  });
  it('as responder (the server\'s log) the same statements keep the PC and the server', () => {
    const decoded = explain(AS_RESPONDER).serverLogs[0]!.entries.map((e) => e.decoded);
    expect(decoded.slice(1, 5)).toEqual(['The server is behind NAT.', 'The PC is behind NAT.', 'The PC proposes: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ.', 'The server allows: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ.']);
    expect(decoded[6]).toMatch(/^The PC sent request 2 again/);
    expect(decoded[7]).toBe("The server could not read the PC's IKE message and ignored it.");
  });
  it("real: swanctl --initiate's AUTHENTICATION_FAILED is this side's key or certificate against the responder's, not the PC's", () => {
    const text = real('charon-swanctl-initiate-failed-auth-failed-then-ts-unacceptable.txt');
    for (const t of [en, nl]) {
      const { findings, serverLogs } = explain(text, t);
      for (const e of serverLogs[0]!.entries) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
      const f = findings.find((x) => x.id === 'server.ike-auth-failed')!;
      expect(f.title).not.toMatch(NAMES_PC);
      expect(f.summary.startsWith(t === en ? 'The log (x.log), from the side that started the connection, says: ' : 'Het logboek (x.log), van de kant die de verbinding begon, zegt: ')).toBe(true);
      expect(f.summary).not.toMatch(/On the PC|Op de pc|the server expects|de server verwacht/);
    }
  });
  it('real: in a VyOS log of two charons the initiator\'s NO_PROPOSAL_CHOSEN is worded by role, the responder\'s lines name the other router', () => {
    const text = real('charon-vyos-show-log-child-sa-refused-no-proposal-ts-unacceptable.txt');
    const { findings, serverLogs } = explain(text);
    const f = findings.find((x) => x.id === 'server.ike-proposal-mismatch')!;
    expect(f.title).toBe('This side and the other side (the responder) have no IPsec proposal in common');
    expect(f.summary).not.toMatch(/On the PC/);
    for (const e of serverLogs[0]!.entries.filter((x) => x.text.includes('[3789]'))) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
    // charon[2440] answers (its IKE_SA PEER|7 sends the IKE_AUTH response) on connection PEER, the one charon[3789] dials: the other
    // side of its IKE_SAs is the other router, not a PC (strongswan-site.ts; it said "The PC proposes" before)
    expect(serverLogs[0]!.entries.find((x) => x.text.includes('charon[2440]: 01[CFG] <PEER|5> received proposals'))!.decoded).toBe('The other router proposes: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ.');
  });
  it("a responder's AUTHENTICATION_FAILED keeps the PC's advice", () => {
    const text = ['09[ENC] parsed IKE_SA_INIT request 0 [ SA KE No ]', "09[IKE] tried 1 shared key for 'a' - 'b', but MAC mismatched", '09[ENC] generating IKE_AUTH response 1 [ N(AUTH_FAILED) ]'].join('\n');
    const f = explain(text).findings.find((x) => x.id === 'server.ike-auth-failed')!;
    expect(f.title).toBe('IPsec authentication failed: the pre-shared key or certificate does not match');
    expect(f.summary).toMatch(/On the PC: with a pre-shared key \(L2TP\/IPsec\), enter it again/);
  });
});

describe('a log that starts before its first role-telling line', () => {
  it("real: the Android app's log opens with the server's INFORMATIONAL request; the app's later IKE_SA_INIT request words it (both languages)", () => {
    const text = real('charon-android-app-log-peer-deletes-ike-sa-restart.txt');
    for (const t of [en, nl]) {
      for (const e of explain(text, t).serverLogs[0]!.entries) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
    }
    expect(explain(text, nl).serverLogs[0]!.entries.find((e) => e.line === 2)!.decoded).toBe('IKEv2 INFORMATIONAL verzoek van de andere kant (de antwoordende partij).');
  });
  it('a responder\'s first request after such lines leaves them worded for the PC; lines of another IKE_SA wait for their own', () => {
    const early = '05[ENC] <vpn|3> parsed INFORMATIONAL request 7 [ ]';
    const asResponder = explain([early, '06[ENC] <vpn|3> parsed IKE_SA_INIT request 0 [ SA KE No ]'].join('\n')).serverLogs[0]!.entries;
    expect(asResponder[0]!.decoded).toBe('IKEv2 INFORMATIONAL request from the PC.');
    // IKE_SA 4 initiates: IKE_SA 3's role stays untold, but its connection `vpn` is one this side dials, so its other side is a
    // router, not a PC (strongswan-site.ts); IKE_SA 4's earlier line is the initiator's
    const other = explain([early, '05[ENC] <vpn|4> parsed INFORMATIONAL response 2 [ ]', '06[ENC] <vpn|4> generating IKE_SA_INIT request 0 [ SA KE No ]'].join('\n')).serverLogs[0]!.entries;
    expect(other.map((e) => e.decoded)).toEqual(['IKEv2 INFORMATIONAL request from the other router.', 'IKEv2 INFORMATIONAL response from the other side (the responder).', 'IKEv2 IKE_SA_INIT request to the other side (the responder).']);
  });
  it('a weak proposal read before the role is known is not called a Windows offer once this side shows it initiated', () => {
    const lines = ['11[CFG] received proposals: IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024', '11[IKE] no acceptable proposal found', OWN_INIT];
    const entry = explain(lines.join('\n')).serverLogs[0]!.entries.find((e) => e.line === 2)!;
    expect(entry.decoded).toMatch(/^No proposal chosen: the encryption, hash or Diffie-Hellman choices of this side and of the other side \(the responder\)/);
    expect(entry.decoded).not.toMatch(/Windows/);
  });
});

// strongSwan child_create.c process_i ("received %N notify, no CHILD_SA built") after an IKE_AUTH whose CP asked for an address
// (RFC 7296 §2.19: only the initiator asks; §3.10.1 INTERNAL_ADDRESS_FAILURE 36): the message formats of strongSwan's client log
const ADDRESS_REFUSED = [
  '09[ENC] generating IKE_AUTH request 1 [ IDi N(INIT_CONTACT) IDr AUTH CPRQ(ADDR DNS) SA TSi TSr N(MOBIKE_SUP) ]',
  '10[ENC] parsed IKE_AUTH response 1 [ IDr AUTH N(MOBIKE_SUP) N(INT_ADDR_FAIL) ]',
  '10[IKE] received INTERNAL_ADDRESS_FAILURE notify, no CHILD_SA built',
];

describe("an initiator refused an address: the other side's pool, not this side's", () => {
  it('the title says the other side gave this side no address, in English and Dutch; the line alone says so too', () => {
    for (const text of [ADDRESS_REFUSED.join('\n'), ADDRESS_REFUSED[2]!]) {
      const f = explain(text).findings.find((x) => x.id === 'server.address-pool')!;
      expect(f.title).toBe('The other side (the responder) gave this side no IP address (virtual IP): its address pool is empty or has none for this side');
      expect(f.summary).not.toMatch(/The server could not give the PC/);
      expect(explain(text, nl).findings[0]!.title).toMatch(/^De andere kant \(de antwoordende partij\) gaf deze kant geen IP-adres/);
    }
  });
  it("a server's own empty pool keeps the PC's title", () => {
    const f = explain(["09[IKE] no virtual IP found for %any requested by 'alice'", '09[ENC] generating IKE_AUTH response 1 [ IDr AUTH N(INT_ADDR_FAIL) ]'].join('\n')).findings[0]!;
    expect(f.title).toBe('The server could not give the PC an IP address');
  });
});

describe('VyOS: both routers\' charons in one log', () => {
  it("the initiator's and the responder's no-proposal lines are one finding", () => {
    const { findings } = explain(real('charon-vyos-show-log-child-sa-refused-no-proposal-ts-unacceptable.txt'));
    expect(findings.map((f) => f.id)).toEqual(['server.ike-proposal-mismatch', 'server.traffic-selector-mismatch']);
    expect(findings[0]!.evidence.map((e) => e.line)).toEqual([17, 18, 29, 30, 37, 38]);
  });
});

// Libreswan 5.x wording (libreswan #2184, #786; hwdsl2/setup-ipsec-vpn #1190): the IKE SA's state name ESTABLISHED_IKE_SA says
// nothing of the role, its serial's earlier lines do (retransmit.c's give-up line as libreswan #513 and hwdsl2 #1574 show it)
const PLUTO_GAVE_UP = '"westnet-eastnet" #1: ESTABLISHED_IKE_SA: 10 second timeout exceeded after 4 retransmits.  No response (or no acceptable response) to our IKEv2 message';
const PLUTO_INITIATOR = [
  '"westnet-eastnet" #1: initiating IKEv2 connection to 192.1.2.23 using UDP',
  '"westnet-eastnet" #1: sent IKE_SA_INIT request to 192.1.2.23:UDP/500',
  "\"westnet-eastnet\" #1: initiator established IKE SA; authenticated peer using authby=secret and ID_FQDN '@east'",
  PLUTO_GAVE_UP,
];
const PLUTO_RESPONDER = [
  '"westnet-eastnet" #1: processed IKE_SA_INIT request from 192.1.2.45:UDP/500 {cipher=AES_GCM_16_256 integ=n/a prf=HMAC_SHA2_512 group=DH19}',
  "\"westnet-eastnet\" #1: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN '@west'",
  PLUTO_GAVE_UP,
];

describe('Libreswan: the role of an established SA that stops answering', () => {
  it('5.x ESTABLISHED_IKE_SA takes the role its serial\'s earlier lines told', () => {
    for (const t of [en, nl]) {
      const last = explain(PLUTO_INITIATOR.join('\n'), t).serverLogs[0]!.entries.at(-1)!.decoded;
      expect(last).not.toMatch(NAMES_PC);
    }
    expect(explain(PLUTO_INITIATOR.join('\n')).serverLogs[0]!.entries.at(-1)!.decoded).toMatch(/The other side \(the responder\) stopped answering an established connection: it went away/);
    expect(explain(PLUTO_RESPONDER.join('\n')).serverLogs[0]!.entries.at(-1)!.decoded).toMatch(/the PC went away/);
    // without a line that tells the role: the server's (responder's) wording, as before
    expect(explain(PLUTO_GAVE_UP).serverLogs[0]!.entries[0]!.decoded).toMatch(/the PC went away/);
  });
  it("IKEv1 Aggressive Mode's initiator states are in the table (Libreswan ikev1_states.c): AGGR_I2 is established and the initiator's", () => {
    const log = ['004 "vpn" #1: STATE_AGGR_I2: sent AI2, ISAKMP SA established {auth=OAKLEY_PRESHARED_KEY cipher=aes_256 prf=oakley_md5 group=modp1536}', '117 "vpn" #2: STATE_QUICK_I1: initiate', '"vpn" #1: max number of retransmissions (2) reached STATE_AGGR_I2'].join('\n');
    const parsed = parseServerLog(log, 'x.log');
    expect(parsed.unknownLines).toEqual([]);
    expect(parsed.entries.map((e) => e.outcome)).toEqual(['success', 'info', 'warning']);
    const decoded = explain(log).serverLogs[0]!.entries.map((e) => e.decoded);
    expect(decoded[0]).toBe('STATE_AGGR_I2 (initiator sent AI2: ISAKMP SA established (aggressive mode)) {auth=OAKLEY_PRESHARED_KEY cipher=aes_256 prf=oakley_md5 group=modp1536}.');
    expect(decoded[1]).toBe('This side starts the exchange: STATE_QUICK_I1 (initiator sent QI1; waits for QR1).');
    expect(decoded[2]).toMatch(/The other side \(the responder\) stopped answering an established connection/);
    expect(explain('"vpn" #1: STATE_AGGR_I1: retransmission; will wait 0.5 seconds for response', nl).serverLogs[0]!.entries[0]!.decoded).toMatch(/STATE_AGGR_I1 \(initiator verstuurde AI1 \(aggressive mode\); wacht op AR1\)/);
  });
});

describe("Libreswan 5.x client's own lines (NetworkManager-libreswan, libreswan #1867)", () => {
  it("the responder's processed IKE_SA_INIT answer and an unexpected request dropped are read", () => {
    const log = [
      '"1fb0d603-0b7a-41a3-a29c-179cdd2cba08" #1: sent IKE_SA_INIT request to 192.0.2.157:UDP/500',
      '"1fb0d603-0b7a-41a3-a29c-179cdd2cba08" #1: processed IKE_SA_INIT response from 192.0.2.157:UDP/500 {cipher=AES_GCM_16_256 integ=n/a prf=HMAC_SHA2_512 group=DH19}, initiating IKE_AUTH',
      '"1fb0d603-0b7a-41a3-a29c-179cdd2cba08" #1: unexpected CREATE_CHILD_SA request; message dropped',
    ].join('\n');
    expect(parseServerLog(log, 'x.log').unknownLines).toEqual([]);
    expect(explain(log).serverLogs[0]!.entries.slice(1).map((e) => e.decoded)).toEqual([
      'The other side (the responder) answered IKE_SA_INIT (cipher=AES_GCM_16_256 integ=n/a prf=HMAC_SHA2_512 group=DH19): this side goes on with IKE_AUTH.',
      'An unexpected CREATE_CHILD_SA request arrived and was dropped: it did not fit where the exchange stood.',
    ]);
    expect(explain(log, nl).serverLogs[0]!.entries[2]!.decoded).toBe('Een onverwacht CREATE_CHILD_SA-verzoek kwam binnen en werd weggegooid: het paste niet bij de stand van de uitwisseling.');
  });
});

describe('charon-systemd: a trap policy starts the connection (strongswan/strongswan #1384)', () => {
  it('"creating acquire job for policy" is read, and sets no role for the lines before it', () => {
    const log = ['charon-systemd[44786]: parsed INFORMATIONAL request 0 [ D ]', 'charon-systemd[44786]: creating acquire job for policy 10.127.5.175/32[tcp/ssh] === 10.127.5.166/32[tcp/40360] with reqid {1}'].join('\n');
    expect(parseServerLog(log, 'x.log').unknownLines).toEqual([]);
    expect(explain(log).serverLogs[0]!.entries.map((e) => e.decoded)).toEqual([
      'IKEv2 INFORMATIONAL request from the PC.',
      'Traffic (10.127.5.175/32[tcp/ssh] === 10.127.5.166/32[tcp/40360]) matched a trap policy: this side starts the connection for it (kernel acquire).',
    ]);
  });
});

describe('Libreswan: a failure on a serial this side initiated is worded for the side that started the connection', () => {
  // libreswan-serial.ts byInitiatorSerial: the serial's role from its states (MAIN_I*, PARENT_I*); the findings said "the PC"
  it.each([
    ['pluto-ikev1-quick-mode-informational-no-proposal-chosen-msgid-length.txt', 'server.ike-proposal-mismatch', 'This side and the other side (the responder) have no IPsec proposal in common'],
    ['pluto-5x-console-ike-auth-rejected-authentication-failed.txt', 'server.ike-auth-failed', 'IPsec authentication between this side and the other side (the responder) failed: the pre-shared key or certificate does not match'],
    ['pluto-whack-ikev2-invalid-ke-then-authentication-failed.txt', 'server.ike-auth-failed', 'IPsec authentication between this side and the other side (the responder) failed: the pre-shared key or certificate does not match'],
  ])('real: %s', (name, id, title) => {
    const f = explain(real(name)).findings.find((x) => x.id === id)!;
    expect(f.title).toBe(title);
    expect(f.summary).not.toMatch(/On the PC:|the PC's/);
  });

  it("a responder's serial (MAIN_R*) keeps the server's wording", () => {
    const text = ['pluto[1]: "l2tp-psk"[1] 203.0.113.5 #1: STATE_MAIN_R1: sent MR1, expecting MI2', 'pluto[1]: "l2tp-psk"[1] 203.0.113.5 #1: probable authentication failure (mismatch of preshared secrets?): malformed payload in packet'].join('\n');
    expect(explain(text).findings.find((x) => x.id === 'server.ike-auth-failed')!.title).toBe('IPsec authentication failed: the pre-shared key or certificate does not match');
  });
});

describe("a Windows PC's own RASMAN trace (it dialled a phone-book entry) is worded as the PC's own log", () => {
  const trace = (dials: boolean) => [
    ...(dials ? ['[200] 03-01 09:00:00:001: CreateConnection: entry=Office VPN, pbk=C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk', '[201] 03-01 09:00:01:001: ProtocolStart: PhoneNum: vpn.example.com'] : []),
    '[202] 03-01 09:00:05:001: setting error to 734',
  ].join('\n');
  it('en and nl; without the dialling lines the same error stays the server log', () => {
    for (const t of [en, nl]) {
      const { findings } = explain(trace(true), t);
      expect(findings[0]!.summary.startsWith(t === en ? "The PC's own log (x.log: Windows' RAS tracing, written on the PC that dialled) says: " : 'Het eigen logboek van de pc (x.log: de RAS-tracering van Windows, geschreven op de pc die belde) zegt: ')).toBe(true);
    }
    expect(explain(trace(false)).findings[0]!.summary).toMatch(/^The server's log \(x\.log\) says: /);
  });
});
