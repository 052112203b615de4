import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * pluto's own log file (`logfile=` in ipsec.conf): a time, a colon, the message — no host, no program. With microseconds it reads as
 * pluto's; without them the IOS reader takes the time for a router's, and only what the message says (or an earlier line of the same
 * file) makes it pluto's (libreswan.ts claimsLeftover). And IKEv2's "responding … with unencrypted notification" in each version's words.
 */

const t = engineT('en');
const read = (lines: string[]) => {
  const r = parseServerLog(lines.join('\n'));
  return { understood: r.understood, families: r.families, entries: r.entries.map((e) => ({ line: e.line, cause: e.cause, time: e.time, says: describeEntry(e, t) })) };
};

describe("pluto's log file", () => {
  it('a time without microseconds: start-up, debug and a refused Main Mode are pluto’s, with their time', () => {
    const r = read(['Aug  8 15:50:25: adding interface eth0/eth0 192.168.0.5:4500', 'Aug  8 15:50:25: | setup callback for interface lo:4500 fd 19', 'Aug  8 15:51:06: packet from 178.50.70.163:26447: initial Main Mode message received on 192.168.0.5:500 but no connection has been authorized with policy PSK+IKEV1_ALLOW']);
    expect(r).toMatchObject({ understood: 3, families: { libreswan: 3 } });
    expect(r.entries[2]).toMatchObject({ cause: 'ike-no-connection', time: { month: 8, day: 8, hour: 15, minute: 51, second: 6 } });
  });

  it('a line of the file no rule names is pluto’s once the file showed it is pluto’s, not before', () => {
    const stray = 'Aug  8 15:50:25: reapchild failed with errno=10 No child processes';
    expect(read(['Aug  8 15:50:26: "l2tp-psk"[2] 1.2.3.4 #21: STATE_MAIN_R1: sent MR1, expecting MI2', stray]).understood).toBe(2);
    // alone, or in a router's log, such a line is no one's
    expect(read(['Aug  8 15:50:25: something a router printed']).understood).toBe(0);
    expect(read(['*Mar  1 00:01:02.123: Vi1 LCP: O CONFREQ [Closed] id 1 len 10', 'Aug  8 15:50:25: something a router printed']).families).toEqual({ ios: 1 });
  });

  it('with microseconds, the self-tests and helper threads of a 4.4 start-up (libreswan #503)', () => {
    const r = read(['Aug 26 11:27:00.983982: testing HMAC_MD5:', 'Aug 26 11:27:00.983987:   RFC 2104: MD5_HMAC test 1', 'Aug 26 11:27:00.984427: starting up 1 helper threads']);
    expect(r).toMatchObject({ understood: 3, families: { libreswan: 3 } });
    expect(r.entries[0]!.says).toBe('pluto tests its encryption algorithms at start-up.');
  });
});

describe('IKEv2: this side answers a request with an unencrypted notification (ikev2_send.c, three versions)', () => {
  it.each([
    // 3.x
    ['"x"[1] 1.2.3.4 #1: responding to SA_INIT message (ID 0) from 1.2.3.4:500 with unencrypted notification NO_PROPOSAL_CHOSEN'],
    // 4.x, libreswan #503 (Libreswan 4.4)
    ['"aws-to-local" #1: responding to IKE_SA_INIT (34) message (Message ID 0) with unencrypted notification NO_PROPOSAL_CHOSEN'],
    // 5.x, with why after it
    ['Jan  1 10:00:00 vpn pluto[1]: "x" #1: responding to IKE_SA_INIT request with Message ID 0 with unencrypted notification NO_PROPOSAL_CHOSEN, no acceptable proposal'],
  ])('%s', (line) => {
    expect(read([line]).entries[0]).toMatchObject({ cause: 'ike-no-proposal', says: 'IKE notification NO_PROPOSAL_CHOSEN (14).' });
  });
});
