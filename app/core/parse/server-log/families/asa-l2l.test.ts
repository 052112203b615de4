import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '../index';

/** An ASA's IKEv1 lines of a LAN-to-LAN tunnel name the other router, not the PC (asa-l2l.ts): decided by the tunnel group's structure. */

const en = engineT('en');
const nl = engineT('nl');
const says = (text: string, t = en) => parseServerLog(text, 'asa.log').entries.map((e) => [e.line, describeEntry(e, t)] as const);
const at = (text: string, line: number, t = en) => says(text, t).find(([l]) => l === line)?.[1];
const fixture = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}.txt`);
const findingOf = (text: string, id: string, t = en) => explainServerLogs([parseServerLog(text, 'asa.log')], t).findings.find((f) => f.id === id);

describe('real ASA logs of LAN-to-LAN tunnels', () => {
  it.each([
    // a tunnel group named by the peer's address, proxies that are networks on both sides; the first line (IP = only) waited for its peer's sign
    ['asa-console-debug-notes-no-crypto-map-all-sa-proposals-unacceptable', 1, /^The ASA has no crypto map on the interface the other router's IKE packet came in on/],
    ['asa-console-debug-notes-no-crypto-map-all-sa-proposals-unacceptable', 2, /^No proposal chosen: the other router's/],
    ['asa-console-debug-notes-no-crypto-map-all-sa-proposals-unacceptable', 4, /^IPsec phase 2 refused: no crypto map entry on interface outside matches the networks the other router asked for/],
    // 0.0.0.0 proxies, but the group named by the address and the session type LAN-to-LAN
    ['asa-syslog-year-timestamp-qm-fsm-error-crypto-map-not-found', 2, /^IPsec phase 2 refused: .* the networks the other router asked for/],
  ])('%s line %i', (name, line, want) => {
    expect(at(fixture(name), line)).toMatch(want);
  });

  it('the finding names the two routers and whom to ask, not the PC (en, nl)', () => {
    const text = fixture('asa-console-debug-notes-no-crypto-map-all-sa-proposals-unacceptable');
    const f = findingOf(text, 'server.ike-proposal-mismatch')!;
    expect(f.title).toBe('This router and the other router have no IPsec proposal in common');
    expect(f.summary).toMatch(/^The log \(asa\.log\), from a router in a tunnel with another router \(site-to-site\), says: /);
    expect(f.summary).not.toMatch(/On the PC|Windows|Set-VpnConnection/);
    expect(findingOf(text, 'server.ike-proposal-mismatch', nl)!.summary).not.toMatch(/Op de pc/);
  });
});

describe('the tunnel type by structure (class rows)', () => {
  const head = (group: string, user?: string) => `Mar  3 10:11:12 asa01 : %ASA-3-713902: Group = ${group}, ${user ? `Username = ${user}, ` : ''}IP = 198.51.100.7, `;
  const psk = (group: string, user?: string) => `${head(group, user)}Received encrypted Oakley Main Mode packet with invalid payloads, possible pre-shared key mismatch`;

  it('a group named by the peer’s address: the pre-shared keys of the two routers', () => {
    expect(at(psk('198.51.100.7'), 1)).toBe('The pre-shared keys of this router and the other router differ (the encrypted message cannot be read).');
    expect(at(psk('198.51.100.7'), 1, nl)).toBe('De vooraf gedeelde sleutels van deze router en de andere router verschillen (het versleutelde bericht is onleesbaar).');
    const f = findingOf(psk('198.51.100.7'), 'server.ike-auth-failed')!;
    expect(f.title).toMatch(/between this router and the other router/);
    expect(f.summary).not.toMatch(/On the PC/);
  });

  it.each<[string, string | undefined]>([['DefaultRAGroup', undefined], ['VPNClients', 'jdoe'], ['198.51.100.7', 'jdoe']])('remote access (group %s, user %s) keeps the PC', (group, user) => {
    expect(at(psk(group, user), 1)).toBe('The pre-shared key of the PC and the server differ (the encrypted message cannot be read).');
    expect(findingOf(psk(group, user), 'server.ike-auth-failed')!.summary).toMatch(/On the PC/);
  });

  it('a group the ASA did not find names nothing, nor do that peer’s lines after it: the server wording', () => {
    const log = `${head('198.51.100.7')}Can't find a valid tunnel group, aborting...!`;
    expect(findingOf(log, 'server.ike-auth-failed')!.title).toBe('The VPN server has no connection profile (tunnel group) for this connection');
    const real = fixture('asa-console-debug-cant-find-valid-tunnel-group-peer-table-missing-sa-payload');
    expect(findingOf(real, 'server.ike-auth-failed')!.title).toBe('The VPN server has no connection profile (tunnel group) for this connection');
  });

  it('a later line of the same peer takes its sign; another peer does not', () => {
    const log = [
      'Mar  3 10:11:12 asa01 : %ASA-5-713049: Group = 198.51.100.7, IP = 198.51.100.7, Security negotiation complete for LAN-to-LAN Group (198.51.100.7)  Responder, Inbound SPI = 0x1, Outbound SPI = 0x2',
      'Mar  3 10:12:12 asa01 : %ASA-3-713902: IP = 198.51.100.7, Received encrypted Oakley Main Mode packet with invalid payloads, possible pre-shared key mismatch',
      'Mar  3 10:13:12 asa01 : %ASA-3-713902: IP = 203.0.113.9, Received encrypted Oakley Main Mode packet with invalid payloads, possible pre-shared key mismatch',
    ].join('\n');
    expect(at(log, 2)).toMatch(/^The pre-shared keys of this router and the other router/);
    expect(at(log, 3)).toMatch(/^The pre-shared key of the PC and the server/);
  });

  it('proxies of one host (an L2TP/IPsec PC) or of everything keep the PC', () => {
    const line = (remote: string, local: string) => `Mar  3 10:11:12 asa01 : %ASA-3-713061: IP = 198.51.100.7, Rejecting IPSec tunnel: no matching crypto map entry for remote proxy ${remote}/0/0 local proxy ${local}/0/0 on interface outside`;
    expect(at(line('10.1.1.5/255.255.255.255', '203.0.113.1/255.255.255.255'), 1)).toMatch(/what the PC asked for/);
    expect(at(line('192.168.5.0/255.255.255.0', '10.0.0.0/255.255.0.0'), 1)).toMatch(/the networks the other router asked for/);
  });
});
