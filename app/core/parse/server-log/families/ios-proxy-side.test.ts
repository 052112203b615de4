import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { parseServerLog } from '../index';

/**
 * IOS `debug crypto ipsec` proxies that are networks on both sides (a crypto map's ACL between two LANs) say the other side is a
 * router (ios-crypto.ts noteIkeSide): a responder's IPsec refusal is then worded for the two routers, not for the PC.
 */

const en = engineT('en');
const nl = engineT('nl');
const REAL = readRepoText('test/fixtures/real/server-logs/ios-xe-debug-crypto-quick-mode-responder-connection-id-heads-multiline-ipsec-records.txt');
/** the real responder's Quick Mode up to its proposal record (the proxies), then the transform refusal doc 5409 shows after it */
const REFUSED = (proxies: string) =>
  [
    ...REAL.split('\n').slice(0, 18),
    '  (key eng. msg.) INBOUND local= 203.0.113.200:0, remote= 203.0.113.100:0,',
    ...proxies.split('\n'),
    '    protocol= ESP, transform= esp-aes 256 esp-sha512-hmac  (Tunnel), ',
    '*Feb 23 00:19:54.627: IPSEC(validate_transform_proposal): transform proposal not supported for identity: {esp-aes 256 esp-sha512-hmac }',
  ].join('\n');
const finding = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'ce2.log')], t).findings.find((f) => f.id === 'server.ike-proposal-mismatch')!;

describe('IOS Quick Mode proxies tell a router from a PC', () => {
  it('networks on both sides: the two routers (en, nl)', () => {
    const text = REFUSED('    local_proxy= 192.168.102.0/255.255.255.0/256/0,\n    remote_proxy= 192.168.101.0/255.255.255.0/256/0,');
    expect(finding(text).title).toBe('This router and the other router have no IPsec proposal in common');
    expect(finding(text).summary).not.toMatch(/On the PC|Set-VpnConnection/);
    expect(finding(text, nl).title).toBe('Deze router en de andere router hebben geen IPsec-voorstel gemeen');
  });

  it.each([
    ['an L2TP/IPsec PC (host to host, UDP 1701)', '    local_proxy= 203.0.113.200/255.255.255.255/17/1701,\n    remote_proxy= 198.51.100.7/255.255.255.255/17/1701,'],
    ['everything to one address', '    local_proxy= 0.0.0.0/0.0.0.0/0/0,\n    remote_proxy= 10.8.0.5/255.255.255.255/0/0,'],
  ])('%s keeps the PC', (_what, proxies) => {
    expect(finding(REFUSED(proxies)).title).toBe("The server accepts none of the PC's IPsec proposals");
  });
});
