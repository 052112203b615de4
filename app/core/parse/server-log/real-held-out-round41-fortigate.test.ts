import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * FortiGate (FortiOS), round 41: a record a copy wrapped over lines is said whole where it is said (families/fortigate.ts
 * recordRest), the event records real logs show that were worded generically (fortigate-event.ts), and the IKEv2 dial-up debug
 * lines (fortigate-ike.ts). Held-out fixtures in test/fixtures/real/server-logs, sources in SOURCES.md; each row says what it read
 * before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 7 lines: no rule read an IKEv2 dial-up line). FortiGate debug of an IKEv2 dial-up phase 1 (Fortinet community article
  // 408078): FortiClient's UID and EMS, the peer's identity, the dial-up phase 1 checked against it, then the EAP log-in asked for
  'fortios-ike-debug-ikev2-dialup-peer-identifier-gw-validation-eap-identity-request.txt': {
    records: 7,
    understood: 7,
    families: { fortigate: 7 },
    causes: [],
    says: [
      [1, "FortiClient (its UID 9B05711EA27E4E66B7C6BD5721D1DD06), not Windows' built-in VPN"],
      [4, 'identifies itself as 10.0.40.111 (IPV4_ADDR)'],
      [6, 'fits the dial-up phase 1'],
      [7, 'asks the other side for its EAP identity'],
    ],
    session: '165',
  },
};

const en = engineT('en');
const nl = engineT('nl');
const read = (...lines: string[]) => parseServerLog(lines.join('\n'), 'fgt.log');
const said = (lines: string[], line: number, t = en) =>
  read(...lines)
    .entries.filter((e) => e.line === line)
    .map((e) => describeEntry(e, t))
    .join(' | ');

// a user authentication failure (43009) and an IPsec tunnel-up (37138) as FortiOS writes them (Log Message Reference fields)
const AUTH_HEAD = 'date=2024-03-01 time=10:00:00 logid="0102043009" type="event" subtype="user" level="notice" vd="root" logdesc="Authentication failed"';
const AUTH_REST = 'srcip=198.51.100.7 user="anna" authproto="L2TP(198.51.100.7)" action="authentication" status="failure" reason="N/A" msg="User anna failed in authentication"';
const UP_HEAD = '7: date=2024-03-01 time=10:00:05 logid="0101037138" type="event" subtype="vpn" level="notice" vd="root" action="tunnel-up"';

describe('real FortiGate logs, round 41 (held out)', () => {
  realServerLogTable(EXPECTED);
});

describe('a FortiOS record wrapped over lines is said whole where it is said', () => {
  it('its rest\'s user and remote address complete the entry that said its failure (was "user ?" on a 43009 whose user came a line later)', () => {
    const r = read(AUTH_HEAD, AUTH_REST);
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? '', e.user, e.peer])).toEqual([
      [1, 'failure', 'credentials-rejected', 'anna', '198.51.100.7'],
      [2, 'info', '', 'anna', '198.51.100.7'],
    ]);
    expect(said([AUTH_HEAD, AUTH_REST], 1)).toBe('The FortiGate refused the log-in of user anna: the user name or password is wrong.');
    expect(said([AUTH_HEAD, AUTH_REST], 1, nl)).toContain('gebruiker anna');
  });

  it('any split point and any field order: a tunnel-up whose user, address and tunnel come on later lines says them on its own line', () => {
    for (const rest of [
      ['remip=203.0.113.9 xauthuser="bob" assignip=10.0.0.5', 'vpntunnel="L2TP_0" tunnelip=10.0.0.5'],
      ['vpntunnel="L2TP_0"', 'assignip=10.0.0.5 remip=203.0.113.9', 'xauthuser="bob"'],
    ]) {
      const r = read(UP_HEAD, ...rest);
      expect(r.entries[0]).toMatchObject({ line: 1, outcome: 'success', user: 'bob', peer: '203.0.113.9', session: 'L2TP_0' });
      expect(describeEntry(r.entries[0]!, en)).toBe('The IPsec tunnel L2TP_0 of user bob is up (address 10.0.0.5): the connection works.');
      // (said once: the rest lines are the record's rest, with its user)
      expect(r.entries.filter((e) => e.outcome === 'success')).toHaveLength(1);
      expect(r.entries.at(-1)).toMatchObject({ outcome: 'info', user: 'bob' });
    }
  });

  it('a rest that gives the failure its cause still says it anew on its line; a later rest only completes it (one cause entry)', () => {
    const r = read(
      'date=2024-03-01 time=10:00:00 logid="0101037124" type="event" subtype="vpn" level="error" vd="root" msg="IPsec phase 1 error" action="negotiate" status="negotiate_error"',
      'reason="peer SA proposal not match local policy" remip=203.0.113.9',
      'vpntunnel="L2TP" peer_notif="NOT-APPLICABLE"',
    );
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? '', e.session ?? ''])).toEqual([
      [1, 'failure', '', ''],
      [2, 'failure', 'ike-no-proposal', 'L2TP'],
      [3, 'info', '', 'L2TP'],
    ]);
    // (its head has no reason yet: said so, not as `reason ""` — and `msg` only names the record, it is no reason)
    expect(describeEntry(r.entries[0]!, en)).toBe('IPsec phase 1 (IKE) negotiation failed (this line holds no reason of the FortiGate).');
  });

  it('a quoted value cut at a line\'s end is read with the line that closes it', () => {
    const r = read(
      'date=2024-03-01 time=10:00:00 logid="0101037124" type="event" subtype="vpn" level="error" vd="root" action="negotiate" status="negotiate_error" reason="peer SA proposal not',
      'match local policy" remip=203.0.113.9',
    );
    expect(r.understood).toBe(2);
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause, e.peer])).toEqual([[2, 'ike-no-proposal', '203.0.113.9']]);
    expect(describeEntry(r.entries[1]!, en)).toContain('"peer SA proposal not match local policy"');
    // (cut inside the head's own fields: the user after the cut completes the head)
    const cut = read('date=2024-03-01 time=10:00:00 logid="0102043009" type="event" subtype="user" level="notice" logdesc="Authentication', 'failed" srcip=198.51.100.7 user="anna" status="failure"');
    expect(cut.entries[0]).toMatchObject({ line: 1, cause: 'credentials-rejected', user: 'anna', peer: '198.51.100.7' });
  });

  it('negative: a line that closes a quote or holds fields, with no FortiOS record open above it, is no record\'s rest', () => {
    expect(read('failed" srcip=198.51.100.7 user="anna"').understood).toBe(0);
    expect(read('user="anna" status="failure"').understood).toBe(0);
    // (a record with every quote closed does not take a line that closes one)
    expect(read(AUTH_HEAD, 'in authentication" status="failure"').understood).toBe(1);
  });
});

describe('FortiOS event records worded by the Log Message Reference', () => {
  it('39943 ssl-new-con: a new connection to the SSL VPN (FortiClient or a browser), no IPsec (was "FortiGate VPN record 39943")', () => {
    const line = '<190>date=2020-04-23 time=12:23:47 devname="fgt" logid="0101039943" type="event" subtype="vpn" level="information" vd="root" logdesc="SSL VPN new connection" action="ssl-new-con" tunneltype="ssl" tunnelid=2 remip=67.43.156.13 user="N/A" group="N/A" dst_host="N/A" reason="N/A" msg="SSL new connection"';
    expect(said([line], 1)).toBe("A new connection to the FortiGate's SSL VPN came from 67.43.156.13 (FortiClient or a browser, over HTTPS — not IPsec, not Windows' built-in VPN).");
    expect(said([line], 1, nl)).toContain('67.43.156.13');
  });

  it('37127/37129 progress records say who started the phase (was "IPsec negotiation step (status success)"); 37128 with a failure status is phase 1\'s failure', () => {
    const progress = (id: string, role: string) => `date=2020-04-23 time=12:32:31 logid="01010${id}" type="event" subtype="vpn" level="notice" vd="root" action="negotiate" remip=203.0.113.9 vpntunnel="site" status="success" init="local" mode="main" dir="outbound" stage=1 role="${role}" result="OK"`;
    expect(said([progress('37127', 'initiator')], 1)).toBe("IPsec phase 1 goes on: the FortiGate started it itself (initiator), stage 1, FortiOS's result OK.");
    expect(said([progress('37129', 'responder')], 1)).toContain('IPsec phase 2 goes on: the other side started it');
    const failed = read('date=2020-04-23 time=12:32:31 logid="0101037128" type="event" subtype="vpn" level="error" vd="root" action="negotiate" remip=203.0.113.9 status="negotiate_error" stage=1 role="responder" result="ERROR"').entries[0]!;
    expect([failed.outcome, describeEntry(failed, en)]).toEqual(['failure', 'IPsec phase 1 (IKE) negotiation failed (this line holds no reason of the FortiGate).']);
  });

  it('phase 2 records (37139 phase2-up/down, 37133 install_sa, 37135 delete_ipsec_sa) say the data tunnel (were "FortiGate VPN record N")', () => {
    // (the FortiOS 5.6 record a syslog parser's tests quote, search index file 45993516545)
    const down = '<189>date=2018-04-26 time=14:30:24 devname=Qirui-FW-1 devid=FGT4HD3916800035 logid=0101037139 type=event subtype=vpn level=notice vd="root" logdesc="IPsec phase 2 status changed" msg="IPsec phase 2 status change" action=phase2-down remip=113.108.207.164 locip=58.67.210.4 remport=500 locport=500 outintf="port12" cookies="45938fe3d5ff38ee/0eb14bcc2a7bbde4" user="N/A" group="N/A" xauthuser="N/A" xauthgroup="N/A" assignip=N/A vpntunnel="to office" phase2_name=to office';
    expect(said([down], 1)).toBe('The IPsec phase 2 to office (the data tunnel) of tunnel to office went down.');
    expect(read(down).entries[0]).toMatchObject({ peer: '113.108.207.164', session: 'to office' });
    const sa = (action: string, id: string) => `date=2024-03-01 time=10:00:00 logid="01010${id}" type="event" subtype="vpn" level="notice" vd="root" action="${action}" remip=203.0.113.9 vpntunnel="L2TP_0"`;
    expect(said([sa('install_sa', '37133')], 1)).toBe('The IPsec SA (phase 2, the data tunnel) of tunnel L2TP_0 was installed.');
    expect(said([sa('delete_ipsec_sa', '37135')], 1)).toBe('The IPsec SA (phase 2, the data tunnel) of tunnel L2TP_0 was deleted.');
  });

  it('43009 without a reason no longer says "()"', () => {
    expect(said(['date=2024-03-01 time=10:00:00 logid="0102043009" type="event" subtype="user" user="anna" status="failure" reason="N/A"'], 1)).not.toContain('()');
  });

  it('IKEv2 dial-up: gw validation failed is a failure in words, with no cause of ours', () => {
    const e = read('ike 1:SRA_SAML:167: gw validation failed').entries[0]!;
    expect([e.outcome, e.cause, e.session]).toEqual(['failure', undefined, '167']);
    expect(describeEntry(e, en)).toContain('the local ID and the peer ID must match on both sides');
  });
});
