import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/** strongSwan charon line classes, each with its hand-checked decoding (the real fixtures they come from: real-ipsec.test.ts). */

const t = engineT('en');
const nl = engineT('nl');
const parse = (text: string) => parseServerLog(text);
const one = (line: string) => parse(line).entries[0];

describe('strongSwan line classes', () => {
  it("filelog time_format with a weekday, with or without seconds, before a charon thread head only", () => {
    expect(splitPrefix('Sun, 2017-04-16 19:11 27[CFG] selecting proposal:')).toMatchObject({ time: { year: 2017, month: 4, day: 16, hour: 19, minute: 11, second: 0 }, message: '27[CFG] selecting proposal:' });
    expect(splitPrefix('Wed, 2023-11-01, 18:43:23 09[NET1] <1> x')).toMatchObject({ time: { hour: 18, minute: 43, second: 23 }, message: '09[NET1] <1> x' });
    expect(splitPrefix('2023-11-01 18:43 something else').shape).not.toBe('iso');
  });
  it('an AUTHENTICATION_FAILED notify received tells this side initiated (ike_auth.c process_i)', () => {
    const r = parse(['12[IKE] <PEER|1> received AUTHENTICATION_FAILED notify error', '12[IKE] <PEER|1> sending DELETE for IKE_SA PEER[1]'].join('\n'));
    expect(r.entries[0]).toMatchObject({ cause: 'ike-auth-failed', decoded: [{ key: 'ikeAuthFailed', values: { role: 'initiator' } }] });
    // (the responder's own failure stays the server's reading)
    expect(one('12[IKE] tried 1 shared key for \'a\' - \'b\', but MAC mismatched')!.decoded[0]!.values?.role).toBeUndefined();
  });
  it('the other side\'s CHILD_SA-only notify by type: ESP proposal, networks, no virtual IP; older releases\' "inacceptable"', () => {
    expect(one('12[IKE] received INTERNAL_ADDRESS_FAILURE notify, no CHILD_SA built')!.cause).toBe('address-pool');
    expect(one('12[IKE] received FAILED_CP_REQUIRED notify, no CHILD_SA built')!.cause).toBe('address-pool');
    expect(one('12[IKE] received INVALID_SELECTORS notify, no CHILD_SA built')).toMatchObject({ outcome: 'failure', cause: 'traffic-selector-mismatch', decoded: [{ key: 'childSaRefused', values: { role: 'initiator' } }, { key: 'tsMismatch' }] });
    expect(one('12[IKE] received NO_ADDITIONAL_SAS notify, no CHILD_SA built')).toMatchObject({ outcome: 'warning', decoded: [{ key: 'childSaRefused' }] });
    expect(one('06[IKE] traffic selectors 10.0.0.0/24 === 192.168.1.0/24 inacceptable')).toMatchObject({ outcome: 'failure', cause: 'traffic-selector-mismatch', decoded: [{ key: 'tsUnacceptable', values: { ts: '10.0.0.0/24 === 192.168.1.0/24' } }] });
    expect(parse('12[IKE] received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built twice').understood).toBe(0);
  });
  it('swanctl --initiate lines: only charon\'s own group names in the brackets, and swanctl\'s result line', () => {
    expect(one('[IKE] received NO_PROPOSAL_CHOSEN notify error')!.cause).toBe('ike-no-proposal');
    expect(one('[CFG] no IDi configured, fall back on IP address')!.family).toBe('strongswan');
    expect(one('terminate completed successfully')).toMatchObject({ family: 'strongswan', outcome: 'success' });
    // (RouterOS's prompt: the command typed there, shell-prompt.ts — never a strongSwan group in brackets)
    expect(one('[admin@router] > /log print')!.family).toBe('mikrotik');
    for (const l of ['[ABC] received NO_PROPOSAL_CHOSEN notify error', '[IKE]received NO_PROPOSAL_CHOSEN notify error', 'initiate completed', 'initiate failed']) expect(parse(l).understood, l).toBe(0);
  });
  it('swanctl --list-sas: a CHILD_SA that sends but receives nothing is a warning; near misses are not taken', () => {
    const r = parse(['vpn: #3, ESTABLISHED, IKEv2, 32e32de9712e4445_i* 13c7f525f2fc670c_r', '  vpn: #4, reqid 2, INSTALLED, TUNNEL, ESP:AES_CBC-256/HMAC_SHA2_256_128', '    in  c4cc36ea,      0 bytes,     0 packets', '    out cddef87a,  19120 bytes,   320 packets,     3s ago'].join('\n'));
    expect(r.understood).toBe(4);
    expect(r.entries.at(-1)).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.listSasTrafficOut' }, { key: 'listSasOneWay', values: { out: 19120 } }] });
    for (const l of ['vpn: #3, UP, IKEv2, 32e32de9712e4445_i* 13c7f525f2fc670c_r', '    in  c4cc36ea, 0 bytes', "  local '1.2.3.4' @"]) expect(parse(l).understood, l).toBe(0);
  });
  it('log_level digit and ike_name prefix after the thread head; a near miss keeps its text', () => {
    expect(one('09[IKE1] <conn-a|12> received proposals inacceptable')!.cause).toBe('ike-no-proposal');
    expect(one('09[IKE] <3> received proposals inacceptable')!.cause).toBe('ike-no-proposal');
    expect(parse('09[IKE] <not a name> received proposals inacceptable').understood).toBe(0);
    expect(parse('09[IKE12] received proposals inacceptable').understood).toBe(0);
  });
  it('charon-systemd journal lines without a thread head; charon without one is not read', () => {
    expect(one('Jan 09 15:32:44 vultr charon-systemd[262360]: received proposals unacceptable')!.cause).toBe('ike-no-proposal');
    expect(parse('Jan 09 15:32:44 vultr charon[262360]: received proposals unacceptable').understood).toBe(0);
  });
  it('CHILD_SA failure, missing private key, notify errors, keep-alives, fragments', () => {
    expect(one('charon: 27[IKE] failed to establish CHILD_SA, keeping IKE_SA')!.outcome).toBe('warning');
    expect(one("charon: 12[IKE] no private key found for 'app2.example'")).toMatchObject({ outcome: 'failure', cause: 'certificate-missing' });
    expect(one('charon: 12[IKE] received NO_PROPOSAL_CHOSEN notify error')!.cause).toBe('ike-no-proposal');
    expect(describeEntry(one('charon: 12[IKE] received INVALID_KE_PAYLOAD notify error')!, t)).toContain('INVALID_KE_PAYLOAD (17)');
    expect(describeEntry(one('charon: 09[IKE] sending keep alive to 1.2.3.4[4500]')!, t)).toBe('NAT keep-alive sent to 1.2.3.4[4500].');
    expect(describeEntry(one('charon: 05[ENC] received fragment #2 of 2, reassembling fragmented IKE message')!, t)).toBe('IKE fragment 2 of 2 received.');
    expect(parse('charon: 05[ENC] received fragment #2 of 2').understood).toBe(0);
  });
  it("the PC's proposal goes with the no-proposal failure; Windows' 3DES/SHA-1/MODP_1024 first is named, not when it is only further down", () => {
    const win = parse('charon: 11[CFG] received proposals: IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024\ncharon: 11[IKE] received proposals inacceptable').entries[1]!;
    expect(describeEntry(win, t)).toContain("The PC proposed: IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024. That is the first proposal of Windows' built-in IKEv2 client");
    const other = parse('charon: 13[CFG] received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048, IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024\ncharon: 13[IKE] received proposals inacceptable').entries[1]!;
    expect(describeEntry(other, t)).toContain('The PC proposed: IKE:AES_CBC_256');
    expect(describeEntry(other, t)).not.toContain('Windows');
    expect(describeEntry(one('charon: 11[IKE] received proposals inacceptable')!, t)).not.toContain('The PC proposed');
  });
  it('docker compose service prefixes are cut; a line with a bar elsewhere is not', () => {
    expect(one('strongswan      | 05[JOB] deleting half open IKE_SA with 1.2.3.4 after timeout')!.outcome).toBe('warning');
    expect(one('ipsec-vpn-server-1  | pluto[400]: "l2tp-psk"[1] 1.2.3.4 #2: no acceptable Oakley Transform')!.cause).toBe('ike-no-proposal');
    expect(parse('| strongswan | 05[JOB] deleting half open IKE_SA after timeout').understood).toBe(0);
  });
  it('the PC repeating IKE_SA_INIT after the answer: the answer is what got lost; without repeats, its IKE_AUTH', () => {
    const init = 'charon: 13[ENC] generating IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]';
    const repeated = parse(`${init}\ncharon: 14[IKE] received retransmit of request with ID 0, retransmitting response`).entries[0]!;
    expect(describeEntry(repeated, t)).toContain('kept sending its IKE_SA_INIT again');
    expect(describeEntry(parse(init).entries[0]!, t)).toContain("the other side's (the PC's or a remote router's) IKE_AUTH");
    expect(describeEntry(parse(`${init}\ncharon: 14[IKE] received retransmit of request with ID 1, retransmitting response`).entries[0]!, t)).toContain("the other side's (the PC's or a remote router's) IKE_AUTH");
  });
  it('delete lines: IKE_SA deleted, sending DELETE, duplicate IKE_SA; Libreswan Delete SA(0x…) and deleting other state', () => {
    for (const l of ['charon-systemd[1]: IKE_SA deleted', 'charon: 14[IKE] sending DELETE for IKE_SA c[29507]', "charon-systemd[1]: got a response on a duplicate IKE_SA for 'CN=x', deleting new IKE_SA",
      'pluto[1]: "l"[1] 1.2.3.4 #343: received Delete SA(0x24dff856) payload: deleting IPSEC State #344', 'pluto[1]: "l"[1] 1.2.3.4 #343: deleting other state #344 (STATE_QUICK_R2) and sending notification'])
      expect(describeEntry(one(l)!, t), l).toBe('A security association was deleted.');
    expect(parse('charon-systemd[1]: IKE_SA deleted twice').understood).toBe(0);
  });
  it('EAP-MS-CHAPv2: a wrong password retried, the retries used up, an unknown user; Libreswan asked for EAP without it', () => {
    expect(one('charon: 12[IKE] EAP-MS-CHAPv2 verification failed, retry (1)')).toMatchObject({ outcome: 'warning' });
    expect(one('charon: 12[IKE] EAP-MS-CHAPv2 verification failed: maximum number of retries reached')).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    expect(one("charon: 12[IKE] no EAP key found for hosts '10.0.0.1' - 'vpnuser'")).toMatchObject({ cause: 'credentials-rejected', user: 'vpnuser' });
    expect(describeEntry(one("charon: 12[IKE] no EAP key found for hosts '10.0.0.1' - 'vpnuser'")!, nl)).toContain("gebruiker 'vpnuser'");
    expect(one('pluto[1]: "ikev2-vpn"[1] 1.2.3.4 #1: Peer attempted EAP authentication, but IKE_AUTH is required')!.cause).toBe('auth-protocol-mismatch');
    expect(parse('charon: 12[IKE] EAP-MS-CHAPv2 verification failed').understood).toBe(0);
  });
  it('IKEv1 decryption failures: "decryption failed?" names the PSK; the lines after are unreadable-message steps', () => {
    const r = parse('charon: 05[ENC] invalid HASH_V1 payload length, decryption failed?\ncharon: 05[ENC] could not decrypt payloads\ncharon: 05[ENC] message parsing failed\ncharon: 05[IKE] ID_PROT request with message ID 0 processing failed');
    expect(r.entries.map((e) => [e.outcome, e.cause])).toEqual([['failure', 'ike-auth-failed'], ['warning', undefined], ['warning', undefined], ['warning', undefined]]);
    expect(describeEntry(r.entries[0]!, t)).toContain('pre-shared keys of the PC and the server most likely differ');
    expect(parse('charon: 05[ENC] invalid HASH_V1 payload length').understood).toBe(0);
  });
  it("charon's lines under the starter's `ipsec` tag are strongSwan's; pluto's `ipsec` lines stay Libreswan's", () => {
    expect(parse("Jul 06 15:47:07 gittest ipsec[14464]: 09[IKE] assigning virtual IP 10.19.48.1 to peer 'jedipapi'").entries[0]).toMatchObject({ family: 'strongswan', user: 'jedipapi', outcome: 'success' });
    expect(parse('Jul 06 15:47:07 gittest ipsec[1]: "l2tp-psk"[1] 1.2.3.4 #1: no acceptable Oakley Transform').entries[0]).toMatchObject({ family: 'libreswan', cause: 'ike-no-proposal' });
  });
  it('ipsec statusall: the SA summary, an established IKE SA, one still connecting, an installed IPsec SA and its detail lines', () => {
    const r = parse([
      'Security Associations (1 up, 1 connecting):',
      '   ikev2-vpn[3]: ESTABLISHED 2 minutes ago, 10.0.0.1[vpn.example.com]...203.0.113.5[192.168.1.20]',
      '   ikev2-vpn[3]: IKE proposal: AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024',
      '   ikev2-vpn{2}:  INSTALLED, TRANSPORT, reqid 2, ESP in UDP SPIs: c5f602ad_i 09b7ea2c_o',
      '   ikev2-vpn{2}:  AES_CBC_256/HMAC_SHA2_256_128, 0 bytes_i, 0 bytes_o, rekeying disabled',
      '   ikev2-vpn{2}:   0.0.0.0/0 === 10.10.10.1/32',
      '   ikev2-vpn[4]: CONNECTING, 10.0.0.1[%any]...198.51.100.7[%any]',
    ].join('\n'));
    expect([r.records, r.understood]).toEqual([7, 7]);
    expect(r.entries.map((e) => e.outcome)).toEqual(['warning', 'success', 'info', 'success', 'info', 'info', 'warning']);
    expect(describeEntry(r.entries[3]!, t)).toBe('IPsec SA installed (TRANSPORT): the encrypted tunnel is up.');
    expect(r.entries[6]!.session).toBe('ikev2-vpn[4]');
    expect(parse('   ikev2-vpn[3]: something else entirely').understood).toBe(0);
  });
  it('IKEv1 retransmits (sending retransmit n of request message ID m, seq k)', () => {
    expect(describeEntry(one('charon: 13[IKE] sending retransmit 1 of request message ID 0, seq 3')!, t)).toBe('IKE retransmission 1.');
    expect(describeEntry(one('charon: 13[IKE] retransmit 2 of request with message ID 1')!, t)).toBe('IKE retransmission 2.');
  });
  it('"no acceptable proposal found" is the failure, "no acceptable ENCRYPTION_ALGORITHM found" only a step', () => {
    const r = parse('charon: 07[CFG]   no acceptable ENCRYPTION_ALGORITHM found\ncharon: 07[IKE] no acceptable proposal found');
    expect(r.entries.map((e) => e.cause)).toEqual([undefined, 'ike-no-proposal']);
  });
  // strongSwan src/libcharon/sa/ike_sa.c retransmit(): the task manager gave up on this side's DELETE (IKE_DELETING) or its rekeying
  // (IKE_REKEYING) request. Either side may delete or rekey: "the other side", whichever role the log shows; no cause (the SA was up)
  it('"proper IKE_SA delete failed" and "rekeying IKE_SA failed, peer not responding": the other side stopped answering, no cause', () => {
    const del = '14[IKE] <vpn|3> proper IKE_SA delete failed, peer not responding';
    const rekey = 'charon: 09[IKE] rekeying IKE_SA failed, peer not responding';
    const r = parse([del, rekey, '07[IKE] giving up after 5 retransmits', del.replace('<vpn|3>', '<vpn|4>'), rekey].join('\n'));
    expect([r.records, r.understood]).toEqual([5, 5]);
    expect(r.entries.map((e) => [e.outcome, e.cause])).toEqual([...Array(5)].map(() => ['warning', undefined]));
    expect(describeEntry(r.entries[0]!, t)).toBe("Deleting the IKE SA properly failed: the other side stopped answering this side's delete request; the IKE SA is removed anyway.");
    expect(describeEntry(r.entries[1]!, t)).toBe('Rekeying the IKE SA failed: the other side stopped answering; this side drops the IKE SA and sets it up again if its configuration says so.');
    expect(describeEntry(r.entries[3]!, nl)).toBe('Het netjes verwijderen van de IKE SA is mislukt: de andere kant antwoordde niet meer op het verwijderverzoek van deze kant; de IKE SA wordt toch verwijderd.');
    expect(describeEntry(r.entries[4]!, nl)).toBe('Het vernieuwen van de sleutels van de IKE SA is mislukt: de andere kant antwoordde niet meer; deze kant verwijdert de IKE SA en zet hem opnieuw op als de configuratie dat vraagt.');
    // in an initiator's log too: the same neutral words, and no cause after this side's unanswered first message
    const own = parse(['09[ENC] generating IKE_SA_INIT request 0 [ SA KE No ]', '07[IKE] giving up after 5 retransmits', rekey, del].join('\n'));
    expect(own.entries.slice(2).map((e) => [e.outcome, e.cause, describeEntry(e, t)])).toEqual([
      ['warning', undefined, describeEntry(r.entries[1]!, t)],
      ['warning', undefined, describeEntry(r.entries[0]!, t)],
    ]);
    for (const l of ['14[IKE] proper IKE_SA delete failed', '09[IKE] rekeying IKE_SA failed, peer not responding (3/5)']) expect(parse(l).understood, l).toBe(0);
  });
});

describe('no IKE config for the addresses (ike_init.c, main_mode.c)', () => {
  it('is its own cause, a connection that does not take this client — not a proposal — with both addresses', () => {
    const line = 'Dec  4 10:11:12 pfsense charon[1234]: 12[IKE] <con1|5> no IKE config found for 203.0.113.5...198.51.100.7, sending NO_PROPOSAL_CHOSEN';
    const r = parseServerLog(line);
    expect(r.entries[0]).toMatchObject({ cause: 'ike-no-connection', peer: '198.51.100.7', decoded: [{ key: 'noIkeConfig', values: { me: '203.0.113.5', other: '198.51.100.7' } }] });
    const [f] = explainServerLogs([r], engineT('en')).findings;
    expect(f).toMatchObject({ id: 'server.ike-proposal-mismatch', title: "The server has no VPN connection set up that takes this PC's connection" });
    expect(f!.summary).not.toContain('allow a proposal');
  });
});
