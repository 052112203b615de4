import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * An IPCP Configure-Reject of IP-Address (RFC 1332 §3.3) the asker got past (ppp-got-past.ts ADDRESS): it asked again without the
 * option and was acknowledged — no empty address pool; one it did not get past (a Windows PC asking 0.0.0.0 again) stays the cause.
 */

const en = engineT('en');
const nl = engineT('nl');

describe('an IPCP reject of the address the asker got past', () => {
  it('this side refused, the other side asked again without it and was acknowledged: a warning, no address-pool cause', () => {
    const r = parseServerLog([
      'pppd[5]: rcvd [IPCP ConfReq id=0x1 <compress VJ 0f 01> <addr 10.0.0.9>]',
      'pppd[5]: sent [IPCP ConfRej id=0x1 <addr 10.0.0.9>]',
      'pppd[5]: rcvd [IPCP ConfReq id=0x2 <compress VJ 0f 01>]',
      'pppd[5]: sent [IPCP ConfAck id=0x2 <compress VJ 0f 01>]',
    ].join('\n'));
    const reject = r.entries[1]!;
    expect(reject.cause).toBeUndefined();
    expect(reject.outcome).toBe('warning');
    expect(reject.decoded.map((x) => x.key)).toContain('rejectAddressHereWithout');
    expect(describeEntry(reject, en)).toContain("The server refused the IP address the PC asked for (10.0.0.9); the PC's next request, without it, was accepted");
    expect(describeEntry(reject, nl)).toContain('De server weigerde het IP-adres dat de pc vroeg (10.0.0.9)');
  });

  it('the other side refused this side\'s request for an address, this side went on without: worded so', () => {
    const r = parseServerLog([
      'pppd[6]: sent [IPCP ConfReq id=0x1 <addr 0.0.0.0>]',
      'pppd[6]: rcvd [IPCP ConfRej id=0x1 <addr 0.0.0.0>]',
      'pppd[6]: sent [IPCP ConfReq id=0x2]',
      'pppd[6]: rcvd [IPCP ConfAck id=0x2]',
    ].join('\n'));
    expect(r.entries[1]).toMatchObject({ outcome: 'warning', decoded: [{ key: 'packet' }, { key: 'rejectAddressByOtherWithout' }] });
    expect(r.entries[1]!.cause).toBeUndefined();
  });

  it('without the Ack (the real Windows 7 PC asking 0.0.0.0 again, then IPCP ended) the reject stays the cause', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt`));
    expect(r.entries.filter((e) => e.cause === 'address-pool').map((e) => e.line)).toEqual(expect.arrayContaining([44, 53]));
    // (the Ack the other way, of this side's own address, is not the asker going on)
    expect(r.entries.find((e) => e.line === 44)!.decoded.map((x) => x.key)).toContain('ipcpAddressRefusedHere');
  });
});
