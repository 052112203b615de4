import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Held-out real logs of routers (round 42: MikroTik RouterOS; test/fixtures/real/server-logs, sources in SOURCES.md), read as a
 * help desk would: each row says what it read before the fix.
 */

const t = engineT('en');

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 12 lines, no line taken as a log format: RouterOS's `echo` logging action puts `echo: ` before the topics, and
  // racoon's packet debug under `ipsec,debug,packet` was not read)
  'routeros6-echo-action-ipsec-debug-packet-dpd-r-u-there-ack-sent-masked-addresses.txt': {
    records: 12,
    understood: 12,
    families: { mikrotik: 12 },
    // the router answering the other side's Dead Peer Detection: the IKE SA is alive, nothing failed
    causes: [],
    says: [
      [1, 'the router sends a message of 84 bytes to x.x.186.50'],
      [2, 'the address and port the message goes out from or to'],
      [7, 'the router sends the 84-byte message to x.x.186.50 (copies to send: 1)'],
      [8, "the message's bytes in hexadecimal"],
      [10, "the message's bytes in hexadecimal"],
      [11, 'an Informational message (notify payload)'],
      [12, 'Dead Peer Detection: the other side asked whether the router is still there (R-U-THERE) and the router answered'],
    ],
  },
  // (was 0 of 3 lines, no line taken as a log format: a collector's `<sender>: ` envelope — here the notes' `<H>` — before
  // RouterOS's topics; and `respond new phase 1 (…): ...` with its addresses left out)
  'routeros-dude-syslog-envelope-placeholder-identity-pptp-client-failed-to-authenticate-ourselves-elided.txt': {
    records: 3,
    understood: 3,
    families: { mikrotik: 3 },
    // the router's own PPTP client refused by the server it dials: no PC's cause
    causes: [],
    says: [
      [1, "The server refused the router's own log-in on usuario-fs"],
      [2, 'A peer starts IKEv1 Main Mode with the router (its address is left out here)'],
      [3, "A TCP connection came in from ... to the router's PPTP server"],
    ],
  },
  // (was 4 of 12 lines: racoon's acquire, policy, peer-version, queued-request, phase 1 packet and vendor-ID lines under RouterOS's
  // bare `ipsec` topic were not read)
  'routeros-l2tp-client-ipsec-debug-acquire-policy-found-queued-no-phase1-sent-phase1-packet-vendor-ids.txt': {
    records: 12,
    understood: 12,
    families: { mikrotik: 12 },
    // the router's own L2TP/IPsec client starting phase 1; nothing failed in these lines
    causes: [],
    says: [
      [1, 'l2tp-out1'],
      [4, 'Traffic from 58.32.33.223 to 193.38.139.161 needs an IPsec SA the router does not have yet'],
      [5, 'The IPsec policy for that traffic (58.32.33.223:1701 ↔ 193.38.139.161:1701) is found'],
      [6, 'The IPsec peer is set for IKEv1'],
      [7, 'The IPsec SA for 193.38.139.161 waits until phase 1'],
      [9, 'its first IKEv1 phase 1 message to 193.38.139.161 (no answer from it yet)'],
      [10, 'Vendor ID draft-ietf-ipsra-isakmp-xauth-06.txt'],
      [12, 'phase 1 message to 193.38.139.161, which has answered'],
    ],
  },
  // (was 17 of 19 lines: RouterOS 7's `proto version 2, ` before the L2TP control header)
  'routeros7-l2tp-client-debug-proto-version-2-header-hex-assigned-tunnel-id-initiate-phase1.txt': {
    records: 19,
    understood: 19,
    families: { mikrotik: 19 },
    causes: [],
    says: [
      [5, 'The L2TP header of that message: tunnel 0, session 0'],
      [13, 'Assigned-Tunnel-ID = 0x0c:1d'],
      [15, 'The router starts IPsec with 37.146.xxx.xx'],
      [17, 'sequence numbers Ns 0, Nr 0'],
    ],
  },
};

describe('held-out real logs of routers (round 42)', () => {
  realServerLogTable(EXPECTED);

  it("RouterOS's echo action (`echo: <topics> <message>`) is read as the memory log is; `echo:` before no topic list is no RouterOS line", () => {
    const r = parseServerLog('echo: l2tp,ppp,error <203.0.113.5>: user anna authentication failed\necho: sstp,info TCP connection established from 198.51.100.7');
    expect(r.entries.map((e) => [e.family, e.cause, e.peer])).toEqual([
      ['mikrotik', 'credentials-rejected', '203.0.113.5'],
      ['mikrotik', undefined, '198.51.100.7'],
    ]);
    expect(describeEntry(r.entries[1]!, t)).toContain("router's SSTP server");
    expect(parseServerLog('echo: hello world, this is not a router').families).not.toHaveProperty('mikrotik');
  });

  it("a collector's `<sender>: ` before RouterOS's topics is taken off; The Dude's dated rows give the time and the sender", () => {
    const r = parseServerLog('<10.0.0.1>: l2tp,ppp,error <203.0.113.5>: user anna authentication failed');
    expect([r.entries[0]!.family, r.entries[0]!.cause, r.entries[0]!.user]).toEqual(['mikrotik', 'credentials-rejected', 'anna']);
    const dude = parseServerLog('2025.06.01-10:00:00 <192.0.2.10>: pptp,ppp,info ponte: usuario-fs: terminating... - failed to authenticate ourselves to peer\n2025.06.01-10:00:01 <192.0.2.10>: ipsec,error 203.0.113.5 parsing packet failed, possible cause: wrong password');
    expect(dude.entries.map((e) => [e.family, e.time?.year, e.time?.month, e.time?.day, e.time?.second, e.cause])).toEqual([
      ['mikrotik', 2025, 6, 1, 0, undefined],
      ['mikrotik', 2025, 6, 1, 1, 'ike-auth-failed'],
    ]);
    expect(describeEntry(dude.entries[0]!, t)).toContain('usuario-fs');
    // (a sender envelope before words that are no topic list stays unread; a PPP session's `<addr>: ` is still a session)
    expect(parseServerLog('<10.0.0.1>: hello, world').understood).toBe(0);
    expect(parseServerLog('12:00:00 l2tp,ppp,info <203.0.113.5>: authenticated').entries[0]!.peer).toBe('203.0.113.5');
  });

  it("racoon's packet debug on RouterOS: a message received names its sender, DPD's answer both ways; a hex row without a topic list is no RouterOS line", () => {
    const r = parseServerLog('12:00:00 ipsec,debug,packet 248 bytes message received from 203.0.113.5[4500] to 192.0.2.1[4500]\n12:00:01 ipsec,debug,packet src6 2001:db8::1[500] 0\n12:00:02 ipsec,debug DPD R-U-There-Ack received');
    expect(r.entries.map((e) => [e.family, e.peer, e.outcome])).toEqual([
      ['mikrotik', '203.0.113.5', 'info'],
      ['mikrotik', undefined, 'info'],
      ['mikrotik', undefined, 'success'],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toContain('248 bytes came in from 203.0.113.5');
    expect(describeEntry(r.entries[2]!, t)).toContain('answered the router');
    expect(parseServerLog('62dcfc38 78ca950b 119e7a34 83711b25').families).not.toHaveProperty('mikrotik');
    // (words that only look like a debug row are not read as one)
    expect(parseServerLog('12:00:03 ipsec,debug,packet sockname of the router').understood).toBe(0);
  });

  it('a respond new phase 1 keeps its mode without its addresses, the mode named once', () => {
    const r = parseServerLog('12:00:01 ipsec,info respond new phase 1 (Aggressive Mode): …\n12:00:02 ipsec,info respond new phase 1 (Aggressive Mode): 192.0.2.1[500]<=>203.0.113.5[500]');
    expect([r.records, r.understood]).toEqual([2, 2]);
    expect(describeEntry(r.entries[0]!, t)).toContain('IKEv1 Aggressive Mode with the router');
    expect(describeEntry(r.entries[1]!, t)).toContain('203.0.113.5 starts IKEv1 Aggressive Mode.');
  });

  it("racoon's vendor IDs by name: Windows' (also as a 'broken Microsoft ID') say the peer is a Windows IKE client; a phase 1 packet's zero responder cookie is the first message", () => {
    const r = parseServerLog('12:00:00 ipsec received broken Microsoft ID: MS NT5 ISAKMPOAKLEY\n12:00:00 ipsec received Vendor ID: MS-Negotiation Discovery Capable\n12:00:00 ipsec received Vendor ID: RFC 3947\n12:00:01 ipsec sent phase1 packet 192.0.2.1[500]<=>203.0.113.5[500] 1122334455667788:0000000000000000');
    expect(r.entries.map((e) => describeEntry(e, t))).toEqual([
      expect.stringContaining('The peer is a Windows IKE client (vendor ID MS NT5 ISAKMPOAKLEY)'),
      expect.stringContaining('The peer is a Windows IKE client (vendor ID MS-Negotiation Discovery Capable)'),
      expect.stringContaining('Vendor ID RFC 3947'),
      expect.stringContaining('first IKEv1 phase 1 message to 203.0.113.5'),
    ]);
    // (RouterOS 6's header without the version is read as before; other words before `tunnel-id=` are not a header)
    expect(parseServerLog('12:00:02 l2tp,debug,packet tunnel-id=81, session-id=0, ns=0, nr=1').understood).toBe(1);
    expect(parseServerLog('12:00:02 l2tp,debug,packet proto unknown, tunnel-id=81, session-id=0, ns=0, nr=1').understood).toBe(0);
  });
});
