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
