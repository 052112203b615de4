import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of Linux PPP servers (pptpd + pppd) that a Windows PC dialled (round 40, second wave; test/fixtures/real/
 * server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 107 of 112 lines and no cause: "MPPE disabled" was only "encryption is off"; pptpd's GRE reorder queue and its longer
  // Set-Link-Info wording were not read). A Windows 10 PC (MSRAS-0-…) re-sent its CCP Configure-Request after MPPE came up; pppd
  // ended the link ("MPPE disabled", its own LCP Terminate-Request) — the poster's PC showed 734
  'pppd-pptpd-no-header-windows-10-ccp-renegotiated-mppe-disabled-lcp-termreq.txt': {
    records: 112,
    understood: 112,
    families: { pppd: 107, syslog: 5 },
    causes: [[87, 'mppe-renegotiated']],
    says: [
      [60, 'GRE packet #10 came before #9'],
      [62, 'Set-Link-Info with non-standard ACCM values'],
      [67, 'GRE packet #10 arrived'],
      [83, 'Encryption is up: MPPE 128-bit, stateless'],
      [87, 'the PC started the encryption (MPPE) negotiation again'],
    ],
  },
  // (was 23 of 25 lines and no cause: the GRE read failure was a generic "GRE error", pptpctrl's "GRE read or PTY write failed"
  // unread). pptpd's raw GRE socket got ENOPROTOOPT — an ICMP protocol-unreachable from the Windows 7 PC's side
  'pppd-pptpd-radius-windows-7-gre-read-from-network-protocol-not-available.txt': {
    records: 25,
    understood: 24,
    families: { pppd: 23, syslog: 1 },
    causes: [[13, 'no-ppp-frames']],
    says: [
      [13, "the PC's side does not accept GRE"],
      [14, 'pptpd ended the call: reading GRE from the network'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;

describe('held-out real logs of Linux PPP servers a Windows PC dialled (round 40)', () => {
  realServerLogTable(EXPECTED);

  it('"MPPE disabled" is the cause only after the other side restarted CCP on a live link; at a normal end it stays a notice', () => {
    const up = ['pppd[7]: MPPE 128-bit stateless compression enabled'];
    const restart = [...up, 'pppd[7]: rcvd [CCP ConfReq id=0x9 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(restart.join('\n')).at(-1)).toMatchObject({ outcome: 'failure', cause: 'mppe-renegotiated' });
    // the link's end: counters, then MPPE going down with LCP (no CCP Configure-Request after MPPE came up)
    const end = [...up, 'pppd[7]: Sent 1000 bytes, received 2000 bytes.', 'pppd[7]: MPPE disabled'];
    expect(one(end.join('\n')).at(-1)!.cause).toBeUndefined();
    // another pppd's CCP restart does not count for this one
    const other = [...up, 'pppd[8]: rcvd [CCP ConfReq id=0x9 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(other.join('\n')).at(-1)!.cause).toBeUndefined();
    // a CCP Configure-Request before MPPE came up is the first negotiation, not a restart
    const before = ['pppd[7]: rcvd [CCP ConfReq id=0x6 <mppe +H -M +S -L -D -C>]', 'pppd[7]: MPPE disabled'];
    expect(one(before.join('\n')).at(-1)!.cause).toBeUndefined();
  });

  it("only ENOPROTOOPT on GRE's network read is the PC's side refusing GRE; other read errors stay a GRE error without a cause", () => {
    const read = (err: string) => one(`pptpd[5]: GRE: read(fd=7,buffer=80524c0,len=8260) from network failed: status = -1 error = ${err}`)[0]!;
    expect(read('Protocol not available')).toMatchObject({ outcome: 'failure', cause: 'no-ppp-frames' });
    expect(read('Connection refused').cause).toBeUndefined();
    expect(read('Connection refused').decoded[0]!.key).toBe('greError');
    expect(one('pptpd[5]: CTRL: GRE read or PTY write failed (gre,pty)=(7,6)')[0]!.decoded[0]!.key).toBe('greNetworkEnded');
  });
});
