import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '../index';

/** Libreswan between two gateways (a net-to-net connection) names the other router, not the PC (libreswan-site.ts): by structure. */

const en = engineT('en');
const nl = engineT('nl');
const says = (text: string, t = en) => parseServerLog(text, 'pluto.log').entries.map((e) => [e.line, describeEntry(e, t)] as const);
const at = (text: string, line: number, t = en) => says(text, t).find(([l]) => l === line)?.[1];
const proposalFinding = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'pluto.log')], t).findings.find((f) => f.id === 'server.ike-proposal-mismatch');

const P = 'Mar  3 10:11:12 gw pluto[2201]:';
/** a responder's Quick Mode: its two ends, then its IPsec proposal refused */
const QUICK_MODE = (conn: string, us: string, them: string) =>
  [
    `${P} "${conn}" #2: responding to Quick Mode proposal {msgid:6a3c1b22}`,
    `${P} "${conn}" #2:     us: ${us}`,
    `${P} "${conn}" #2:   them: ${them}`,
    `${P} "${conn}" #2: no acceptable ESP transform`,
  ].join('\n');

describe('a net-to-net connection: the other router', () => {
  it("Quick Mode's two ends both networks (en, nl)", () => {
    const log = QUICK_MODE('office', '192.168.1.0/24===203.0.113.1<203.0.113.1>[+S=C]', '198.51.100.7<198.51.100.7>[+S=C]===192.168.2.0/24');
    expect(at(log, 4)).toBe("No proposal chosen: the other router's encryption, hash or Diffie-Hellman choices match nothing this router allows.");
    expect(proposalFinding(log)!.title).toBe('This router and the other router have no IPsec proposal in common');
    expect(proposalFinding(log)!.summary).not.toMatch(/On the PC|Set-VpnConnection/);
    expect(proposalFinding(log, nl)!.title).toBe('Deze router en de andere router hebben geen IPsec-voorstel gemeen');
  });

  it("a leftsubnets=/rightsubnets= connection's alias (conn/1x2): from its first line, before any Child SA", () => {
    const log = [`${P} "office/1x2" #1: STATE_MAIN_R1: sent MR1, expecting MI2`, `${P} "office/1x2" #1: no acceptable Oakley Transform`].join('\n');
    expect(at(log, 2)).toMatch(/^No proposal chosen: the other router's/);
    // (a serial this side started keeps the initiator's wording: the real office_ipsec/3x0 log)
    const started = readRepoText('test/fixtures/real/server-logs/pluto-logfile-initiator-parent-i1-received-unauthenticated-no-proposal-chosen.txt');
    expect(proposalFinding(started)!.title).toBe(en('serverLog.causeAsInitiator.ike-no-proposal.title'));
  });

  it('an IKEv2 Child SA between two networks marks its connection: a later line of it names the other router', () => {
    const log = [
      `${P} "office" #2: responder established Child SA using #1; IPsec tunnel [192.168.1.0-192.168.1.255:0-65535 0] -> [192.168.2.0-192.168.2.255:0-65535 0] {ESP=>0x0a1b2c3d <0x4d5e6f70 xfrm=AES_GCM_16_256-NONE DPD=passive}`,
      `${P} "office" #3: sent IKE_SA_INIT reply {cipher=AES_CBC_256 integ=HMAC_SHA2_256_128 prf=HMAC_SHA2_256 group=MODP2048}`,
      `${P} "office" #3: no local proposal matches remote proposals 1:ESP:ENCR=AES_CBC_128;INTEG=HMAC_SHA1_96;ESN=DISABLED`,
    ].join('\n');
    expect(at(log, 3)).toMatch(/^No proposal chosen: the other router's .* The other router proposed: 1:ESP:ENCR=AES_CBC_128/);
  });
});

describe("a PC's connection keeps the PC", () => {
  it.each([
    // an L2TP/IPsec PC: its one address and UDP 1701
    ['l2tp-psk', '203.0.113.1/32===203.0.113.1<203.0.113.1>[+S=C]:17/1701', '198.51.100.7[192.168.0.104]:17/0'],
    // a road-warrior PC with a virtual address: the server's network, the PC's one address
    ['rw', '10.0.0.0/8===203.0.113.1<203.0.113.1>[+S=C]', '198.51.100.7<198.51.100.7>[+S=C]===10.8.0.5/32'],
  ])('%s', (conn, us, them) => {
    const log = QUICK_MODE(conn, us, them);
    expect(at(log, 4)).toMatch(/^No proposal chosen: the PC's/);
    expect(proposalFinding(log)!.title).toBe("The server accepts none of the PC's IPsec proposals");
  });

  it('an IKEv2 Child SA to one address, or to everything', () => {
    for (const ranges of ['[10.0.0.0-10.255.255.255:0-65535 0] -> [10.8.0.5-10.8.0.5:0-65535 0]', '[0.0.0.0-255.255.255.255:0-65535 0] -> [10.8.0.5-10.8.0.5:0-65535 0]']) {
      const log = [`${P} "rw"[3] 198.51.100.7 #2: responder established Child SA using #1; IPsec tunnel ${ranges} {ESP=>0x0a1b2c3d <0x4d5e6f70}`, `${P} "rw"[3] 198.51.100.7 #3: no local proposal matches remote proposals 1:ESP:ENCR=AES_CBC_128`].join('\n');
      expect(at(log, 2)).toMatch(/^No proposal chosen: the PC's/);
    }
  });

  it('the real Windows 10 L2TP/IPsec log keeps the PC', () => {
    const text = readRepoText('test/fixtures/real/server-logs/pluto-l2tp-windows10-netlink-add-sa-errno-quick-r0.txt');
    expect(says(text).map(([, s]) => s).join('\n')).not.toMatch(/other router/);
  });
});

describe("a connection's /NxM name: two lists of networks only when both numbers are 1 or more (whack_add.c)", () => {
  /** a responder's Main Mode refusal under connection name `conn` (an instance of a road-warrior template: `"conn"[3] peer`) */
  const MAIN_MODE = (conn: string) =>
    [`${P} "${conn}"[3] 198.51.100.7 #1: responding to Main Mode from unknown peer 198.51.100.7 on port 500`, `${P} "${conn}"[3] 198.51.100.7 #1: no acceptable Oakley Transform`].join('\n');
  it.each([
    // a road-warrior server offering several networks (leftsubnets={…}) to PCs of one address: the PCs' side is 0
    ['rw/1x0', "the PC's"],
    ['rw/2x0', "the PC's"],
    // one subnet= (vhost:%priv, 0.0.0.0/0 or a network) against a list: says nothing either
    ['l2tp-psk/0x1', "the PC's"],
    // a list on both sides: two gateways' networks
    ['office/1x2', "the other router's"],
    ['office/12x3', "the other router's"],
  ])('"%s": %s', (conn, whose) => {
    expect(at(MAIN_MODE(conn), 2)).toMatch(new RegExp(`^No proposal chosen: ${whose} `));
  });

  it.each([
    // rightsubnet=vhost:%priv: the PC's own private address behind its NAT
    ['vhost:%priv', '198.51.100.7<198.51.100.7>[+S=C]===192.168.0.104/32'],
    // everything on the PC's side
    ['0.0.0.0/0', '198.51.100.7<198.51.100.7>[+S=C]===0.0.0.0/0'],
  ])("a /1x1 name whose Quick Mode's other end is %s keeps the PC", (_what, them) => {
    expect(at(QUICK_MODE('rw/1x1', '10.0.0.0/8===203.0.113.1<203.0.113.1>[+S=C]', them), 4)).toMatch(/^No proposal chosen: the PC's/);
  });

  it('a /1x1 name whose Quick Mode shows a PC (its one address) keeps the PC from then on (en, nl)', () => {
    const log = [
      `${P} "l2tp-psk/1x1"[3] 198.51.100.7 #2: responding to Quick Mode proposal {msgid:6a3c1b22}`,
      `${P} "l2tp-psk/1x1"[3] 198.51.100.7 #2:     us: 203.0.113.1/32===203.0.113.1<203.0.113.1>[+S=C]:17/1701`,
      `${P} "l2tp-psk/1x1"[3] 198.51.100.7 #2:   them: 198.51.100.7[192.168.0.104]:17/0`,
      `${P} "l2tp-psk/1x1"[3] 198.51.100.7 #2: no acceptable ESP transform`,
    ].join('\n');
    expect(at(log, 4)).toMatch(/^No proposal chosen: the PC's/);
    expect(proposalFinding(log)!.title).toBe("The server accepts none of the PC's IPsec proposals");
    expect(at(log, 4, nl)).not.toMatch(/andere router/);
  });

  it("5.x's one-line `us: … them: …` (after its `responding to Quick Mode proposal … using ISAKMP SA #3`, read): a network to a PC's /32 is a PC, two networks are two routers", () => {
    const quick = (conn: string, them: string) =>
      [
        `${P} "${conn}"[2] 198.51.100.7 #4: responding to Quick Mode proposal {msgid:4d5807b2} using ISAKMP SA #3`,
        `${P} "${conn}"[2] 198.51.100.7 #4:     us: 192.168.20.0/24===203.0.113.28[@gw,MS+XS+S=C]  them: 198.51.100.7[192.168.1.60,+MC+XC+S=C]===${them}`,
        `${P} "${conn}"[2] 198.51.100.7 #4: no acceptable ESP transform`,
      ].join('\n');
    expect(at(quick('tunnel/1x1', '{192.168.20.2/32}'), 3)).toMatch(/^No proposal chosen: the PC's/);
    expect(at(quick('tunnel', '192.168.1.0/24'), 3)).toMatch(/^No proposal chosen: the other router's/);
    expect(parseServerLog(quick('tunnel', '192.168.1.0/24'), 'pluto.log').unknownLines).toEqual([]);
  });

  it("`the peer proposed:` (3.x/4.x `a -> b`, 5.x `a===b`): both networks mark the connection, a /32 keeps the PC", () => {
    const proposed = (conn: string, sel: string) =>
      [
        `${P} "${conn}"[1] 198.51.100.7 #1: the peer proposed: ${sel}`,
        `${P} "${conn}"[1] 198.51.100.7 #2: responding to Quick Mode proposal {msgid:03000000}`,
        `${P} "${conn}"[1] 198.51.100.7 #2: no acceptable ESP transform`,
      ].join('\n');
    expect(at(proposed('bj-hk', '10.0.0.0/24:0/0 -> 172.31.0.0/24:0/0'), 3)).toMatch(/^No proposal chosen: the other router's/);
    expect(at(proposed('vpnpsk/1x1', '203.0.113.93/32:17/1701 -> 198.51.100.7/32:17/1701'), 3)).toMatch(/^No proposal chosen: the PC's/);
    expect(at(proposed('rw/1x1', '192.168.20.0/24===192.168.20.2/32'), 3)).toMatch(/^No proposal chosen: the PC's/);
  });

  it('the real Libreswan 4.7 gateway log (leftsubnets=/rightsubnets=, " /1x3") keeps the other router', () => {
    const text = readRepoText('test/fixtures/real/server-logs/pluto-5x-duplicate-ike-sa-init-request-retransmitting-response.txt');
    expect(says(text).find(([l]) => l === 2)?.[1]).toMatch(/^The other router sent request 0 again/);
    // the repeats' verdict on the last one is the two routers' too (kit.ts unansweredFirstExchange), en and nl
    expect(says(text).find(([l]) => l === 6)?.[1]).toMatch(/This router answered IKE_SA_INIT, but the other router kept sending its IKE_SA_INIT again/);
    expect(says(text, nl).find(([l]) => l === 6)?.[1]).not.toMatch(/\bpc\b/i);
  });
});
