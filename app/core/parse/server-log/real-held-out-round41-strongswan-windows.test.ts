import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real logs of strongSwan's charon answering Windows' built-in client (round 41, third wave; test/fixtures/real/
 * server-logs, sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 8 of 9 lines, the first unread: the kernel handler's "NAT mappings of CHILD_SA ESP/0x…/… changed to …, queuing update
  // job"). A Windows 10 PC (RasClient 20227, 1931) on IKEv2 EAP: its NAT gave it a new port, then the PC deleted the IKE SA itself
  'charon-jawj-windows-ikev2-peer-sends-delete-for-ike-sa-after-nat-mapping-change-1931.txt': {
    records: 9,
    understood: 9,
    families: { strongswan: 9 },
    causes: [],
    says: [
      [1, 'now arrive from 212.45.80.102[22425]: a NAT router between the two sides gave the other side a new address or port'],
      [4, 'The other side deleted a security association'],
    ],
  },
  // (was 13 of 14 lines, the first unread: the bypass-lan plugin's "interface change for bypass policy for fe80::/64 (from … to …)").
  // A Windows laptop's L2TP/IPsec Main Mode (MS NT5 ISAKMPOAKLEY) to a strongSwan laptop whose Wi-Fi just came up; charon's lines
  // twice, under the starter's `ipsec[676]` tag and its own
  'charon-starter-tag-doubled-windows-l2tp-main-mode-vendor-ids-bypass-policy-interface-change.txt': {
    records: 14,
    understood: 14,
    families: { strongswan: 14 },
    causes: [],
    says: [
      [1, 'The local subnet fe80::/64 moved from interface enp0s6f1u2 to wlan0'],
      [7, 'The peer is a Windows IKE client (vendor ID MS NT5 ISAKMPOAKLEY)'],
    ],
  },
  // (was 0 of 24 lines: charon's encoder trace at log level 3 for ENC — "parsing rule 5 RESERVED_BIT", "parsing VENDOR_ID payload
  // finished", "VENDOR_ID payload verified, adding to payload list" … — was read nowhere). A Windows 10 PC's IKEv2 (13806, "IKE failed
  // to find a valid machine certificate") to a one-key-ikev2-vpn server; the copy holds only the trace of its vendor ID payloads
  'charon-quericy-windows-10-13806-enc-level-3-parsing-rules-vendor-id-payloads.txt': {
    records: 24,
    understood: 24,
    families: { strongswan: 24 },
    causes: [],
    says: [
      [1, "strongSwan's debug trace of how it reads or builds one field of an IKE message"],
      [9, 'no step of the negotiation'],
    ],
  },
};

const one = (text: string) => parseServerLog(text, 'x').entries;
const keys = (text: string) => one(text).flatMap((e) => e.decoded.map((d) => d.key));

describe("held-out real logs of strongSwan's charon answering Windows' built-in client (round 41)", () => {
  realServerLogTable(EXPECTED);

  it("the kernel handler's NAT mapping change is read in both of charon's wordings, as context, and nothing like it is", () => {
    const now = 'Nov 14 00:24:40 gw charon[501]: 16[KNL] NAT mappings of CHILD_SA ESP/0xc6c8dba9/198.51.100.1 changed to 203.0.113.7[4501], queuing update job';
    expect(keys(now)).toContain('step.charonNatMappingChanged');
    expect(one(now)[0]).toMatchObject({ outcome: 'info' });
    expect(one(now)[0]!.cause).toBeUndefined();
    // strongSwan 4.x / early 5.x (kernel_handler.c, kernel_pfkey_ipsec.c)
    expect(keys('charon: 05[KNL] NAT mappings of ESP CHILD_SA with SPI c6c8dba9 and reqid {3} changed, queuing update job')).toContain('step.charonNatMappingChangedNoPeer');
    expect(parseServerLog('charon: 05[KNL] NAT mappings of some other thing changed', 'x').unknown).toBe(1);
  });

  it("the bypass-lan and unity plugins' bypass policies are read: installed, removed, moved", () => {
    expect(keys('charon: 09[IKE] installed bypass policy for 192.168.1.0/24')).toContain('step.charonBypassInstalled');
    expect(keys('charon: 09[IKE] installed UNITY_LOCAL_LAN bypass policy for 10.1.0.0/16')).toContain('step.charonBypassInstalled');
    expect(keys('charon: 09[IKE] uninstalling bypass policy for 192.168.1.0/24')).toContain('step.charonBypassRemoved');
    expect(keys('charon: 16[IKE] interface change for bypass policy for 10.0.0.0/8 (from eth0 to wlan0)')).toContain('step.charonBypassMoved');
    expect(parseServerLog('charon: 16[IKE] interface change for bypass policy for 10.0.0.0/8', 'x').unknown).toBe(1);
  });

  it("charon's encoder trace (log level 2–3) is read in all its shapes, parsing and generating; a payload's verification failure is not", () => {
    for (const line of [
      '  parsing rule 10 CHUNK_DATA',
      '  generating rule 6 (1262)',
      'parsing VENDOR_ID payload, 44 bytes left',
      'parsing VENDOR_ID payload finished',
      'generating SECURITY_ASSOCIATION payload finished',
      'generating payload of type KEY_EXCHANGE',
      'verifying payload of type NOTIFY',
      'starting parsing a ID_INITIATOR payload',
      'NONCE payload verified, adding to payload list',
      'attribute value has not fixed size',
    ]) expect(keys(`Nov 25 05:21:03 13[ENC] ${line}`), line).toEqual(['step.charonEncoderTrace']);
    expect(keys('Nov 25 05:21:03 13[ENC] NOTIFY payload verification failed')).not.toContain('step.charonEncoderTrace');
  });
});
