import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of ipsec-tools' racoon (round 44, hLD): the IKEv1 daemon of pfSense up to 2.1 and of Linux/FreeBSD hosts,
 * `racoon: LEVEL: message` (families/racoon.ts). Before, no racoon line but its socket lines was read: each log was "no known
 * format". Sources in test/fixtures/real/SOURCES.md.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 3 lines: "No line of this text is in a server log format TunnelMedic knows"). pfSense's docs, "Send Errors": racoon's
  // own system refused to send (a state or floating rule on the firewall) — a failure with no change on the PC
  'racoon-pfsense-docs-sendto-operation-not-permitted-phase1-send-error.txt': {
    records: 3,
    understood: 3,
    families: { racoon: 3 },
    causes: [],
    says: [
      [1, 'racoon could not send its IKE packet (Operation not permitted)'],
      [3, 'IKE phase 1 stopped because racoon could not send'],
    ],
  },
  // (was 0 of 2 lines, "no known format"). pfSense's docs, "Mismatched Local/Remote Subnets" (two blanks after the time, as found):
  // no sainfo fits the networks phase 2 asked for
  'racoon-pfsense-docs-double-space-failed-to-get-sainfo-mismatched-subnets.txt': {
    records: 2,
    understood: 2,
    families: { racoon: 2 },
    causes: [[2, 'traffic-selector-mismatch']],
    says: [
      [1, 'racoon refused an IKE packet'],
      [2, 'No sainfo section of racoon fits the networks'],
    ],
  },
  // (was 0 of 3 lines, "no known format"; with the first racoon family still 0 of 3 understood). pfSense's docs, "Unsupported Cipher
  // Key Length for Cryptographic Accelerator" (three blanks after the time, as found): the kernel refused the SA racoon agreed
  'racoon-pfsense-docs-glxsb-pfkey-add-update-failed-invalid-argument.txt': {
    records: 3,
    understood: 3,
    families: { racoon: 3 },
    causes: [],
    says: [
      [1, "The system's kernel refused the IPsec SA racoon agreed with the other side (pfkey ADD: Invalid argument)"],
      [2, '(pfkey UPDATE: Invalid argument)'],
      [3, 'racoon changed an attribute of the proposal'],
    ],
  },
  // (was 0 of 26 lines, "no known format"). A Kubuntu host's racoon answering its peer: phase 1 with vendor IDs, ISAKMP-SA and
  // IPsec-SAs up, SAs expiring, the kernel's "such policy does not already exist" notes; a syslog `-- MARK --` stays unread
  'racoon-kubuntu-forum-respond-phase1-isakmp-sa-established-such-policy-does-not-already-exist.txt': {
    records: 26,
    understood: 25,
    families: { racoon: 24, syslog: 1 },
    causes: [],
    says: [
      [1, "racoon's note on an IPsec policy of the system"],
      [12, '195.55.47.10 starts IKE phase 1 with this side'],
      [13, 'IKE phase 1 in Main Mode'],
      [20, 'ISAKMP-SA established'],
      [22, 'racoon writes the IPsec policy the other side asked for'],
      [23, 'the encrypted tunnel is up'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;

describe('held-out real logs of racoon, pfSense 2.1 and Linux hosts (round 44, hLD)', () => {
  realServerLogTable(EXPECTED);

  it('reads racoon lines under any plog level and with a pid, and knows its failures by their meaning', () => {
    expect(one('Mar 1 10:00:00 fw racoon[1234]: ERROR: couldn\'t find the pskey for 198.51.100.7.')[0]).toMatchObject({ outcome: 'failure', cause: 'ike-auth-failed', peer: '198.51.100.7' });
    expect(one('Mar 1 10:00:00 fw racoon: ERROR: no suitable proposal found.')[0]).toMatchObject({ outcome: 'failure', cause: 'ike-no-proposal' });
    expect(one('Mar 1 10:00:00 fw racoon: ERROR: failed to get sainfo.')[0]).toMatchObject({ cause: 'traffic-selector-mismatch' });
    expect(one('Mar 1 10:00:00 fw racoon: NOTIFY: begin Aggressive mode.')[0]!.decoded[0]!.values).toMatchObject({ mode: 'Aggressive' });
    // a Windows PC's vendor ID by name
    expect(one('Mar 1 10:00:00 fw racoon: INFO: received Vendor ID: MS NT5 ISAKMPOAKLEY')[0]!.decoded[0]!.key).toBe('step.windowsVendorId');
  });

  it("a phase 1 time-up is the PC's unanswered Main Mode when racoon answered, the responder's silence when racoon dialled", () => {
    const answered = one(['Mar 1 10:00:00 fw racoon: INFO: respond new phase 1 negotiation: 192.0.2.1[500]<=>198.51.100.7[500]', 'Mar 1 10:00:01 fw racoon: ERROR: phase1 negotiation failed due to time up 192.0.2.1[500]<=>198.51.100.7[500] 1a2b3c4d5e6f7a8b:0000000000000000'].join('\n'));
    expect(answered[1]).toMatchObject({ cause: 'ike-no-mi3', peer: '198.51.100.7' });
    const dialled = one(['Mar 1 10:00:00 fw racoon: INFO: initiate new phase 1 negotiation: 192.0.2.1[500]<=>198.51.100.7[500]', 'Mar 1 10:00:01 fw racoon: ERROR: phase1 negotiation failed due to time up 192.0.2.1[500]<=>198.51.100.7[500] 1a2b3c4d5e6f7a8b:0000000000000000'].join('\n'));
    expect(dialled[1]).toMatchObject({ cause: 'ike-responder-unreachable' });
  });

  it("the sides' phase 1 out of step and the kernel's own messages are steps, never a cause", () => {
    for (const line of ['racoon: ERROR: none message must be encrypted', "racoon: ERROR: can't start the quick mode, there is no ISAKMP-SA, 0:192.0.2.1[500]", 'racoon: INFO: request for establishing IPsec-SA was queued due to no phase1 found.', 'racoon: INFO: unsupported PF_KEY message REGISTER', 'racoon: ERROR: pfkey DELETE received']) {
      const e = one(`Sep 18 11:48:10 fw ${line}`)[0]!;
      expect(e, line).toBeDefined();
      expect(e.cause, line).toBeUndefined();
    }
    expect(one('Sep 18 11:48:10 fw racoon: ERROR: none message must be encrypted')[0]!.decoded[0]!.key).toBe('step.racoonPhase1OutOfStep');
    // only ADD and UPDATE are the kernel refusing a new SA
    expect(one('Sep 18 11:48:10 fw racoon: ERROR: pfkey ADD failed: No buffer space available')[0]).toMatchObject({ outcome: 'failure' });
    expect(one('Sep 18 11:48:10 fw racoon: ERROR: pfkey DELETE failed: No such file or directory')[0]?.outcome).not.toBe('failure');
  });

  it("a one-line `less -N` copy of a Junos IKE daemon's line with its host and no date reads as the line (the sample that caught it moved with these fixtures)", () => {
    const line = 'vsrx-p4 iked[17437]: IKE_GATEWAY_ID_VALIDATION_SUCCESS: IKE: Gateway N:ikev2-gw-ipv4-psk L:192.0.2.1:500 R:198.51.100.7:5928 Successful ike-id:user1@psk.auth U:N/A IKE:IKEv2 Role:R';
    const alone = parseServerLog(line, 'x');
    expect(alone.understood).toBe(1);
    const numbered = parseServerLog(`      1 ${line}`, 'x');
    expect([numbered.records, numbered.understood]).toEqual([1, 1]);
    expect(numbered.entries.map((e) => e.decoded)).toEqual(alone.entries.map((e) => e.decoded));
  });

  it('a racoon line no rule knows stays unknown (no cause made up), and its socket lines still read as before', () => {
    const r = parseServerLog('Mar 1 10:00:00 fw racoon: INFO: @(#)ipsec-tools 0.8.2 (http://ipsec-tools.sourceforge.net)', 'x');
    expect(r.entries.every((e) => e.cause === undefined)).toBe(true);
    expect(one('Mar 1 10:00:00 fw racoon: INFO: 192.168.0.12[500] used as isakmp port (fd=8)')[0]!.decoded[0]!.key).toBe('step.racoonListens');
  });
});
