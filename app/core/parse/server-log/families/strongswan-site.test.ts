import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '../index';

/** A strongSwan responder answering another router (site-to-site) names it "the other router", not the PC (strongswan-site.ts). */

const en = engineT('en');
const nl = engineT('nl');
const says = (text: string, t = en) => parseServerLog(text, 'gw.log').entries.map((e) => [e.line, describeEntry(e, t)] as const);
const at = (text: string, line: number, t = en) => says(text, t).find(([l]) => l === line)?.[1];

const RESPONDER_NO_ESP = (ts: string) =>
  [
    'Jun 23 08:16:12 gw charon[2440]: 01[ENC] parsed IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]',
    'Jun 23 08:16:12 gw charon[2440]: 01[CFG] received proposals: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ',
    'Jun 23 08:16:12 gw charon[2440]: 01[CFG] configured proposals: ESP:AES_CBC_128/HMAC_SHA1_96/MODP_2048/NO_EXT_SEQ',
    'Jun 23 08:16:12 gw charon[2440]: 01[IKE] no acceptable proposal found',
    `Jun 23 08:16:12 gw charon[2440]: 01[IKE] traffic selectors ${ts} unacceptable`,
    'Jun 23 08:16:12 gw charon[2440]: 01[ENC] generating IKE_AUTH response 1 [ IDr AUTH N(TS_UNACCEPT) ]',
  ].join('\n');

describe('traffic selectors that are networks on both sides: the other side is a router', () => {
  it('the statements before the sign are worded so too (they waited for it)', () => {
    const log = RESPONDER_NO_ESP('10.0.2.0/24 === 10.0.0.0/24');
    expect(at(log, 1)).toBe('IKEv2 IKE_SA_INIT request from the other router, NAT_DETECTION_SOURCE_IP (16388), NAT_DETECTION_DESTINATION_IP (16389).');
    expect(at(log, 4)).toBe("No proposal chosen: the other router's encryption, hash or Diffie-Hellman choices match nothing this router allows. The other router proposed: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ.");
    expect(at(log, 6)).toBe('IKEv2 IKE_AUTH response to the other router, TS_UNACCEPTABLE (38).');
    expect(at(log, 4, nl)).toBe('Geen voorstel gekozen: de versleuteling, hash of Diffie-Hellman-groep van de andere router past bij niets wat deze router toestaat. De andere router stelde voor: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ.');
  });

  it.each(['10.10.10.7/32 === 0.0.0.0/0', '0.0.0.0/0 === 0.0.0.0/0', '192.168.1.0/24 === 10.0.0.5/32', 'fd00::5/128 === ::/0'])('a PC’s selectors (%s) keep the PC', (ts) => {
    const log = RESPONDER_NO_ESP(ts);
    expect(at(log, 1)).toMatch(/from the PC/);
    expect(at(log, 4)).toMatch(/^No proposal chosen: the PC's/);
  });

  it('the finding names the two routers (en, nl)', () => {
    const log = parseServerLog(RESPONDER_NO_ESP('10.0.2.0/24[tcp/443] === 10.0.0.0/24'), 'gw.log');
    const f = explainServerLogs([log], en).findings.find((x) => x.id === 'server.ike-proposal-mismatch')!;
    expect(f.title).toBe('This router and the other router have no IPsec proposal in common');
    expect(f.summary).toMatch(/^The log \(gw\.log\), from a router in a tunnel with another router \(site-to-site\), says: No proposal chosen: the other router's/);
    expect(f.summary).not.toMatch(/On the PC|Windows/);
    expect(explainServerLogs([log], nl).findings.find((x) => x.id === 'server.ike-proposal-mismatch')!.title).toBe('Deze router en de andere router hebben geen IPsec-voorstel gemeen');
  });

  it("the process's next IKE_SA (no ike_name: its pid is the key) starts as a PC's again", () => {
    const log = [RESPONDER_NO_ESP('10.0.2.0/24 === 10.0.0.0/24'), 'Jun 23 08:20:00 gw charon[2440]: 05[ENC] parsed IKE_SA_INIT request 0 [ SA KE No ]', 'Jun 23 08:20:00 gw charon[2440]: 05[IKE] received proposals unacceptable'].join('\n');
    expect(at(log, 7)).toBe('IKEv2 IKE_SA_INIT request from the PC.');
    expect(at(log, 8)).toMatch(/^No proposal chosen: the PC's/);
  });
});

describe("the connection's name or its use shows a router", () => {
  it("VyOS's site-to-site names (peer-…, …-tunnel-N)", () => {
    const log = 'Jun 23 08:16:12 gw charon[2440]: 01[CFG] <peer-office|5> received proposals: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ\nJun 23 08:16:12 gw charon[2440]: 01[IKE] <peer-office|5> no acceptable proposal found';
    expect(at(log, 2)).toMatch(/^No proposal chosen: the other router's/);
    const child = 'Jun 23 08:16:12 gw charon[2440]: 01[ENC] <7> parsed IKE_AUTH request 1 [ IDi AUTH SA TSi TSr ]\nJun 23 08:16:12 gw charon[2440]: 01[IKE] <7> CHILD_SA lan-tunnel-1{3} established with SPIs c1_i c2_o and TS 10.0.0.0/24 === 10.0.1.0/24';
    expect(at(child, 1)).toBe('IKEv2 IKE_AUTH request from the other router.');
  });

  it('a connection this log shows dialled too: its answered IKE_SAs are between routers (a `show log` of both routers)', () => {
    const log = [
      'Jun 23 08:07:26 charon-systemd[2440]: tried 1 shared key for \'192.168.1.2\' - \'192.168.0.1\', but MAC mismatched',
      'Jun 23 08:07:26 charon[2440]: 13[ENC] <PEER|3> generating IKE_AUTH response 1 [ N(AUTH_FAILED) ]',
      'Jun 23 08:07:24 charon[2436]: 12[ENC] <PEER|1> parsed IKE_AUTH response 1 [ N(AUTH_FAILED) ]',
    ].join('\n');
    expect(at(log, 2)).toBe('IKEv2 IKE_AUTH response to the other router, AUTHENTICATION_FAILED (24).');
    const f = explainServerLogs([parseServerLog(log, 'vyos.log')], en).findings.find((x) => x.id === 'server.ike-auth-failed')!;
    // the journal's copy (line 1) names no side: the finding is worded by the IKE_SA's own line
    expect(f.title).toBe('IPsec authentication between this router and the other router failed: the pre-shared key or certificate does not match');
  });

  it('a road-warrior connection answered by the same charon keeps the PC', () => {
    const log = 'Jun 23 08:16:12 gw charon[2440]: 01[ENC] <rw|9> parsed IKE_SA_INIT request 0 [ SA KE No ]\nJun 23 08:16:12 gw charon[2440]: 01[IKE] <rw|9> received proposals unacceptable';
    expect(at(log, 1)).toBe('IKEv2 IKE_SA_INIT request from the PC.');
  });
});

describe('real: VyOS `show log ipsec` of both routers (vyos-documentation, troubleshooting_ipsec.rst)', () => {
  const DIR = 'test/fixtures/real/server-logs';
  it.each([
    ['charon-vyos-show-log-ike-proposal-unacceptable-psk-mac-mismatched-both-routers.txt', 'server.ike-proposal-mismatch', 'This router and the other router have no IPsec proposal in common'],
    ['charon-vyos-show-log-ike-proposal-unacceptable-psk-mac-mismatched-both-routers.txt', 'server.ike-auth-failed', 'IPsec authentication between this router and the other router failed: the pre-shared key or certificate does not match'],
  ])('%s: %s names the two routers, no PC', (name, id, title) => {
    const log = parseServerLog(readRepoText(`${DIR}/${name}`), name);
    const f = explainServerLogs([log], en).findings.find((x) => x.id === id)!;
    expect(f.title).toBe(title);
    expect(f.summary).not.toMatch(/the PC's|On the PC:/);
    expect(log.entries.map((e) => describeEntry(e, en)).filter((s) => /\bthe PC\b/.test(s))).toEqual([]);
  });
});
