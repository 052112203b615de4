import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/** Libreswan pluto line classes, each with its hand-checked decoding (the real fixtures they come from: real-libreswan.test.ts). */

const t = engineT('en');
const parse = (text: string) => parseServerLog(text);
const one = (line: string) => parse(line).entries[0];

describe('Libreswan line classes', () => {
  it('Main Mode with no connection for its authentication: 4.x/5.x, older Libreswan/Openswan, forbids; a near miss is not', () => {
    for (const l of [
      'pluto[5639]: packet from 10.10.101.2:500: initial Main Mode message received but no connection has been authorized with authby=PSK and xauth=no',
      'pluto[2711]: packet from 1.2.3.4:55002: initial Main Mode message received on 10.0.0.1:500 but no connection has been authorized with policy=PSK',
      'pluto[2711]: packet from 1.2.3.4:500: initial Main Mode message received but "l2tp" forbids connection',
    ]) expect(one(l)!.cause, l).toBe('ike-no-connection');
    expect(parse('pluto[1]: packet from 1.2.3.4:500: initial Main Mode message received').understood).toBe(0);
  });
  it('whack RC codes and console lines without instance or peer', () => {
    expect(one('002 "c"[1] 10.0.0.2 #2: IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED')).toMatchObject({ cause: 'ike-auth-failed', session: '#2' });
    expect(one(' "c" #1: IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED')!.cause).toBe('ike-auth-failed');
    expect(one('"c" #1: IKE SA authentication request rejected by peer: NO_PROPOSAL_CHOSEN')!.cause).toBe('ike-no-proposal');
    expect(parse('1234 "c" #1: IKE SA authentication request rejected by peer: AUTHENTICATION_FAILED').understood).toBe(0);
  });
  it('Libreswan 4.x/5.x established wording, with the child mode', () => {
    expect(one('pluto[1]: "c" #2: responder established Child SA using #1; IPsec tunnel [1.2.3.4/32===5.6.7.8/32] {ESP=>0x1 <0x2}')).toMatchObject({ outcome: 'success' });
    expect(describeEntry(one('pluto[1]: "c" #2: established Child SA using #1; IPsec transport [x] {y}')!, t)).toContain('Child SA, transport');
    expect(one("pluto[1]: \"c\" #1: responder established IKE SA; authenticated peer using preloaded certificate 'CN=x'")!.outcome).toBe('success');
  });
  it('grep -r path prefixes are cut before a syslog line only', () => {
    expect(parse('/var/log/secure:Oct 25 05:23:28 host pluto[3665]: "c"[2] 1.2.3.4 #6: certificate verified OK: CN=x').entries[0]!.time).toMatchObject({ month: 10, day: 25 });
    expect(parse('/var/log/secure: pluto[3665]: "c"[2] 1.2.3.4 #6: certificate verified OK: CN=x').understood).toBe(0);
  });
  it('IKEv2 responder wording: wrong KE group, received/sent state story, certificate checks, peer ID, authenticated using', () => {
    expect(describeEntry(one('pluto[1]: packet from 1.2.3.4:500: initiator guessed wrong keying material group (MODP4096); responding with INVALID_KE_PAYLOAD requesting MODP2048')!, t)).toContain('offered Diffie-Hellman group MODP4096; the server wants MODP2048');
    expect(describeEntry(one('pluto[1]: "c" #1: received unauthenticated INVALID_KE_PAYLOAD response to Key Exchange Method (DH) DH21; resending with suggested DH19')!, t)).toContain('repeating with DH19');
    expect(one('pluto[1]: "c"[1] 1.2.3.4 #5: Certificate CN=Cisco INC failed verification')).toMatchObject({ cause: 'ike-auth-failed' });
    expect(describeEntry(one("pluto[1]: \"c\"[17] 1.2.3.4 #58: IKEv2 mode peer ID is ID_FQDN: '@SAMABR'")!, t)).toContain('@SAMABR');
    expect(one('pluto[1]: "c"[17] 1.2.3.4 #58: Authenticated using RSA with IKEv2_AUTH_HASH_SHA1')!.outcome).toBe('success');
    expect(describeEntry(one('pluto[1]: "c" #1: sent IKE_AUTH request to 192.1.2.23:UDP/500 with shared-key-mac and FQDN \'@west\'; Child SA #2 {AH <0xAHAH}')!, t)).toBe('Sent IKE_AUTH request → 192.1.2.23:UDP/500.');
  });
  it('Libreswan "authentication failed:" with a signature is a certificate/key failure, not a PSK mismatch', () => {
    expect(describeEntry(one("pluto[1]: \"c\" #2: authentication failed: using RSA with SHA2_512 for '@west' tried preloaded: *AwEAAb+4I")!, t)).toContain('IKE authentication failed');
    expect(describeEntry(one('pluto[1]: "c" #2: authentication failed: computed hash does not match')!, t)).not.toContain('IKE authentication failed');
  });
  it('status lines: 4.x state names without STATE_ (established by pluto\'s words), and the older 000-coded STATE_ lines as before', () => {
    expect(one('#5: "c"[1] ...1.2.3.4:500 ESTABLISHED_IKE_SA (established IKE SA); REKEY in 28103s; newest; idle;')).toMatchObject({ outcome: 'success', session: '#5' });
    expect(one('#6: "c"[1] ...1.2.3.4:500 PARENT_R1 (sent IKE_SA_INIT reply); TIMEOUT in 20s;')!.outcome).toBe('info');
    expect(one('000 #4: "l2tp-psk"[4] 1.2.3.4:4500 STATE_MAIN_R3 (sent MR3, ISAKMP SA established); EVENT_SA_REPLACE in 28517s; newest ISAKMP;')!.outcome).toBe('success');
    expect(parse('#5: "c"[1] ...1.2.3.4:500 established (really); x').understood).toBe(0);
  });
  it("the transforms pluto refused go with 'no acceptable Oakley Transform', once each, and only to the next one", () => {
    const r = parse([
      'pluto[1]: "l"[1] 1.2.3.4 #10: Oakley Transform [3DES_CBC (192), HMAC_MD5, MODP1024] refused',
      'pluto[1]: "l"[1] 1.2.3.4 #10: Oakley Transform [3DES_CBC (192), HMAC_SHA1, MODP1024] refused',
      'pluto[1]: "l"[1] 1.2.3.4 #10: Oakley Transform [3DES_CBC (192), HMAC_SHA1, MODP1024] refused',
      'pluto[1]: "l"[1] 1.2.3.4 #10: no acceptable Oakley Transform',
      'pluto[1]: "l"[1] 1.2.3.4 #11: no acceptable Oakley Transform',
    ].join('\n'));
    expect(describeEntry(r.entries[3]!, t)).toContain('The PC proposed: [3DES_CBC (192), HMAC_MD5, MODP1024], [3DES_CBC (192), HMAC_SHA1, MODP1024].');
    expect(describeEntry(r.entries[4]!, t)).not.toContain('The PC proposed');
  });
  it('an ICMP error back from the PC (asynchronous network error report)', () => {
    const e = one('Nov  7 06:14:08 ubuntu pluto[11794]: "l2tp-psk"[2] 71.6.146.185 #13: ERROR: asynchronous network error report on eth0 (sport=500) for message to 71.6.146.185 port 500, complainant 71.6.146.185: Connection refused [errno 111, origin ICMP type 3 code 3 (not authenticated)]')!;
    expect(e.outcome).toBe('warning');
    expect(describeEntry(e, t)).toContain('port 500 came back as an error (Connection refused)');
  });
  it('refused Oakley attributes other than the group; repeated first packets; deleting state (STATE_X)', () => {
    expect(describeEntry(one('pluto[1]: "l"[1] 1.2.3.4 #2: OAKLEY_DES_CBC(UNUSED) is not supported.  Attribute OAKLEY_ENCRYPTION_ALGORITHM')!, t)).toContain('(OAKLEY_ENCRYPTION_ALGORITHM) is not supported');
    expect(one('pluto[1]: "l"[1] 1.2.3.4 #9: discarding initial packet; already STATE_MAIN_R0')!.outcome).toBe('warning');
    expect(one('pluto[1]: "l"[1] 1.2.3.4 #2: deleting state (STATE_MAIN_R0) aged 0.001114s and NOT sending notification')).toBeDefined();
    expect(describeEntry(one('pluto[1]: "l"[1] 1.2.3.4 #1: STATE_PARENT_I1: sent v2I1, expected v2R1')!, t)).toContain('STATE_PARENT_I1');
  });
});
