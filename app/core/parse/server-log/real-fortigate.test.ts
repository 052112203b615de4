import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';

/**
 * FortiGate (FortiOS) event-log records and IKE debug found in public material (test/fixtures/real/server-logs/forti*,
 * sources in test/fixtures/real/SOURCES.md), each read by hand: what the record says, the cause it gives, and that the
 * debug's hex wrapped onto lines of their own stays counted as not understood.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // 37124 "IPsec phase 1 error", status negotiate_error, reason "peer SA proposal not match local policy": the PC's proposal
  'fortios-event-ipsec-phase1-error-peer-sa-proposal-not-match.txt': { records: 1, understood: 1, families: { fortigate: 1 }, causes: [[1, 'ike-no-proposal']], says: [[1, 'IPsec phase 1 (IKE) negotiation failed'], [1, 'peer SA proposal not match local policy'], [1, 'No proposal chosen']] },
  // FortiOS 4: no reason field, the reason after "Negotiate SA Error: " in msg
  'fortios4-event-ipsec-negotiate-error-probable-psk-mismatch.txt': { records: 1, understood: 1, families: { fortigate: 1 }, causes: [[1, 'ike-auth-failed']], says: [[1, 'probable pre-shared secret mismatch'], [1, 'The pre-shared key of the PC and the server differ']] },
  // 37138 action tunnel-up; the user is the certificate's CN, not its whole subject
  'fortios72-log-display-dialup-certificate-tunnel-up.txt': { records: 1, understood: 1, families: { fortigate: 1 }, causes: [], says: [[1, 'The IPsec tunnel Dialup-cert_0 of user tgerber is up (address 172.18.200.10)']], user: 'tgerber' },
  // FortiAnalyzer's bare logid: 37134 phase 1 SA deleted, 37138 tunnel-down with its duration
  'fortianalyzer-export-phase1-sa-deleted-then-tunnel-down.txt': { records: 2, understood: 2, families: { fortigate: 2 }, causes: [], says: [[1, 'phase 1 (IKE SA) of tunnel IronMTN was deleted'], [2, 'IronMTN_3 went down after 35 s']] },
  // the VID lines' hex wrapped onto the next line is joined back (lines.ts wrap width): 31 lines, 26 records
  'fortios-ike-debug-responder-main-mode-proposal-chosen-wrapped-vid.txt': { records: 26, understood: 26, families: { fortigate: 26 }, causes: [], says: [[1, 'As responder the FortiGate got Main Mode message 1'], [3, 'draft-ietf-ipsec-nat-t-ike-03 (vendor ID)'], [25, 'OAKLEY_GROUP, val=MODP2048'], [27, 'A proposal was chosen'], [31, 'NAT traversal: RFC 3947']] },
  // FortiOS 4 record a forum copy split one field a line (most lines end in a blank, a soft break, but a field line is never joined
  // to the record: a double-spaced copy could not join it): the lines of fields under its head are its rest, and the unquoted reason
  // with blanks gives the failure where it stands
  'fortios4-event-record-one-field-a-line-no-matching-gateway-for-new-request.txt': { records: 20, understood: 20, families: { fortigate: 20 }, causes: [[19, 'ike-no-connection']], says: [[2, 'More fields of the FortiGate record above (type)'], [9, 'More fields of the FortiGate record above (loc_ip)'], [19, 'the FortiGate\'s reason is "no matching gateway for new request"'], [19, 'No phase 1 (dial-up gateway) of the FortiGate takes this first IKE message']] },
  // a FortiOS 6 event log as a collector keeps it (`<187>date=…`, anonymised): a phase 1 proposal refusal, 37127 phase 1 progress,
  // other subtypes, and FortiClient's SSL VPN (39943, then 39947 `tunneltype="ssl-tunnel"` — an SSL VPN tunnel, not IPsec: it read as
  // "The IPsec tunnel of user someuser is up")
  'fortios6-event-phase1-error-progress-phase1-ssl-vpn-tunnel-up-anonymised-pipeline-sample.txt': { records: 9, understood: 9, families: { fortigate: 9 }, causes: [[1, 'ike-no-proposal']], says: [[3, 'not about the VPN'], [9, 'The SSL VPN tunnel (FortiClient, over HTTPS — not IPsec) of user someuser is up (address 10.10.10.10)']], peer: '67.43.156.13' },
  // the packet's hex wrapped over eight lines: the six lines the wrap rule leaves are unknown, and counted
  'fortios-ike-debug-initiator-main-mode-first-message-wrapped-hex.txt': { records: 14, understood: 8, families: { fortigate: 8 }, causes: [], says: [[1, 'auto-negotiate'], [3, 'starts IKE itself (initiator) and sends Main Mode message 1'], [13, 'sent an IKE message (ident_i1send) to 10.5.17.111:500'], [15, 'came in from 10.5.17.111:500'], [5, 'The sent packet'], [16, 'IKEv1 message: Identity Protection (Main Mode)']] },
};

const one = (line: string) => parseServerLog(line, 'x').entries[0]!;

describe('real FortiGate (FortiOS) logs', () => {
  realServerLogTable(ROWS);

  it('an event record takes its time from its own date= and time= fields, and its peer from remip', () => {
    expect(parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/fortios-event-ipsec-phase1-error-peer-sa-proposal-not-match.txt`), 'x').entries[0]).toMatchObject({ family: 'fortigate', outcome: 'failure', peer: '66.97.178.25', time: { year: 2024, month: 12, day: 20, hour: 14, minute: 56, second: 10 } });
  });

  // crafted from the Log Message Reference's fields (no public copy of these records was found): each by its log id
  it('L2TP client connection failed (40017) is a PPP set-up failure with its reason; L2TP client connected (40118) a success', () => {
    expect(one('date=2024-03-01 time=10:00:00 logid="0101040017" type="event" subtype="vpn" level="warning" vd="root" logdesc="L2TP client connection failed" action="connect" status="failure" reason="authentication failed" msg="L2TP client connection failed"')).toMatchObject({ outcome: 'failure', cause: 'ppp-setup-failed' });
    expect(one('date=2024-03-01 time=10:00:01 logid="0101040118" type="event" subtype="vpn" level="information" vd="root" logdesc="L2TP client connected" action="connect" status="success" msg="L2TP client connected"')).toMatchObject({ outcome: 'success' });
  });
  it('user authentication failed (43009) is a wrong user name or password (691), named by the user field', () => {
    expect(one('date=2024-03-01 time=10:00:00 logid="0102043009" type="event" subtype="user" level="notice" vd="root" logdesc="Authentication failed" srcip=198.51.100.7 user="anna" authproto="L2TP(198.51.100.7)" action="authentication" status="failure" reason="N/A" msg="User anna failed in authentication"')).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'anna', peer: '198.51.100.7' });
  });
  // the record as FortiOS's CLI reference prints it for `execute log display` (39426 "SSL VPN login fail"), and its reason values as
  // SIEM rules and administrators quote them
  it('an SSL VPN log-in refused (39426, ssl-login-fail) is a failure with the user and the reason in words — no cause: FortiClient or its web portal, not Windows\' VPN (en, nl)', () => {
    const record = (reason: string) => `date=2019-02-15 time=10:57:56 logid="0101039426" type="event" subtype="vpn" level="alert" vd="root" eventtime=1550257076 logdesc="SSL VPN login fail" action="ssl-login-fail" tunneltype="ssl-web" tunnelid=0 remip=10.1.100.254 user="u1" group="g1" dst_host="N/A"${reason ? ` reason="${reason}"` : ''} msg="SSL user failed to logged in"`;
    const said = (line: string, lang: 'en' | 'nl' = 'en') => explainServerLogs([parseServerLog(line, 'fgt.log')], engineT(lang)).serverLogs[0]!.entries[0]!.decoded;
    for (const [reason, words] of [['sslvpn_login_password_expired', "the user's password has expired"], ['sslvpn_login_unknown_user', 'does not know this user name'], ['sslvpn_login_permission_denied', 'a wrong password, or a user or group'], ['sslvpn_login_no_matching_policy', 'no firewall policy'], ['two_factor', "FortiOS's reason: two_factor"]] as const) {
      const e = one(record(reason));
      expect(e).toMatchObject({ family: 'fortigate', outcome: 'failure', user: 'u1', peer: '10.1.100.254' });
      expect(e.cause).toBeUndefined();
      expect(said(record(reason))).toContain(words);
    }
    expect(said(record(''))).toBe("The FortiGate refused the SSL VPN log-in of user u1 (FortiClient or its web portal, over HTTPS — not IPsec, not Windows' built-in VPN).");
    expect(said(record('sslvpn_login_password_expired'), 'nl')).toContain('het wachtwoord van de gebruiker is verlopen');
  });
  it('a record of another subtype (traffic, system) is read and said not to be about the VPN', () => {
    expect(one('date=2024-03-01 time=10:00:00 logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.5 dstip=8.8.8.8 action="accept"')).toMatchObject({ family: 'fortigate', outcome: 'info' });
  });
  it('a syslog relay\'s header before the record changes nothing of its reading', () => {
    const e = one('Mar  1 10:00:00 fw1 date=2024-12-20 time=14:56:10 logid="0101037124" type="event" subtype="vpn" level="error" vd="root" action="negotiate" remip=203.0.113.9 status="negotiate_error" reason="peer SA proposal not match local policy"');
    expect(e).toMatchObject({ family: 'fortigate', cause: 'ike-no-proposal', peer: '203.0.113.9', time: { year: 2024, hour: 14 } });
    // (FortiOS's own syslog sends the record after its priority alone: `<189>date=…`)
    expect(one('<189>date=2024-12-20 time=14:56:10 devname="FGT" logid="0101037124" type="event" subtype="vpn" level="error" vd="root" action="negotiate" remip=203.0.113.9 vpntunnel="L2TP_0" status="negotiate_error" reason="peer SA proposal not match local policy"')).toMatchObject({ family: 'fortigate', cause: 'ike-no-proposal', session: 'L2TP_0' });
  });
  it('a FortiOS 4 reason left unquoted with blanks is read whole, up to the next field', () => {
    const e = one('2012-07-20 13:08:51 log_id=0101037124 type=event subtype=ipsec pri=error vd="root" action="negotiate" rem_ip=203.0.113.7 status=negotiate_error error_reason=no matching gateway for new request peer_notif=INITIAL-CONTACT');
    expect(e).toMatchObject({ family: 'fortigate', outcome: 'failure', cause: 'ike-no-connection', peer: '203.0.113.7' });
    // (the advice names what a FortiGate's administrator sets, not strongSwan's left=/right= alone)
    for (const t of [engineT('en'), engineT('nl')]) {
      const advice = explainServerLogs([parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/fortios4-event-record-one-field-a-line-no-matching-gateway-for-new-request.txt`), 'fgt.log')], t).findings[0]!.summary;
      expect(advice).toContain('FortiGate');
      expect(advice).toContain('Dialup User');
    }
  });
  it('a line of fields alone is a record\'s rest only under a FortiOS record; a failure it completes is said once, again when a later reason gives its cause', () => {
    expect(parseServerLog('loc_ip=10.0.0.1 rem_port=500\nstatus=negotiate_error reason="peer SA proposal not match local policy"', 'x').understood).toBe(0);
    const r = parseServerLog(['date=2024-03-01 time=10:00:00 logid="0101037124" type="event" subtype="vpn" action="negotiate"', 'remip=203.0.113.9 status="negotiate_error"', 'reason="peer SA proposal not match local policy"', 'peer_notif="NOT-APPLICABLE"'].join('\n'), 'x');
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? ''])).toEqual([[1, 'info', ''], [2, 'failure', ''], [3, 'failure', 'ike-no-proposal'], [4, 'info', '']]);
  });
  it('an unknown reason is a failure without a cause, the reason quoted', () => {
    const e = one('date=2024-03-01 time=10:00:00 logid="0101037124" type="event" subtype="vpn" level="error" vd="root" action="negotiate" status="negotiate_error" reason="something new"');
    expect([e.outcome, e.cause]).toEqual(['failure', undefined]);
  });

  it('IKE debug: a refused proposal and a pre-shared key mismatch give their causes; "negotiation failure" alone gives none', () => {
    const r = parseServerLog(['ike 0:L2TP_0:1234: peer SA proposal not match local policy', 'ike 0:L2TP_0:1234: negotiation failure', 'ike 0:L2TP_0:99: probable pre-shared secret mismatch', 'ike 0:L2TP_0:7: no SA proposal chosen'].join('\n'), 'x');
    expect(r.entries.map((e) => [e.line, e.cause ?? '', e.session])).toEqual([[1, 'ike-no-proposal', '1234'], [2, '', '1234'], [3, 'ike-auth-failed', '99'], [4, 'ike-no-proposal', '7']]);
  });
  it('IKE debug: AUTHENTICATION_FAILED from the other side is an authentication failure', () => {
    expect(one('2024-03-12 18:07:06.907 ike 0:Fortigate:370445: received notify type AUTHENTICATION_FAILED')).toMatchObject({ cause: 'ike-auth-failed', outcome: 'failure' });
  });
  it('IKE debug: an XAUTH refusal is XAUTH\'s (no Windows built-in client asks it), not a Windows 691', () => {
    const e = one('2024-03-12 18:07:06.907 ike 0:Dialup_0:370445: XAUTH user "bob" failed');
    expect(e).toMatchObject({ cause: 'xauth-rejected', outcome: 'failure', user: 'bob' });
    expect(e.code).toBeUndefined();
  });
  it('IKE debug: a time-out is the responder\'s silence on an exchange this FortiGate started, else the PC\'s next message that never came', () => {
    const r = parseServerLog(['ike 0:p1:14: initiator: main mode is sending 1st message...', 'ike 0:p1:14: negotiation timeout, deleting', 'ike 0:dial_0:15: responder: main mode get 1st message...', 'ike 0:dial_0:15: negotiation timeout, deleting'].join('\n'), 'x');
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[2, 'ike-responder-unreachable'], [4, 'ike-no-mi3']]);
  });

  it('never claims a line of the shared corpus or of another family\'s fixture', () => {
    const seen: string[] = [];
    for (const folder of ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000']) {
      for (const file of corpusFiles(`server-logs/${folder}`)) if (parseServerLog(readCorpus(`server-logs/${folder}`, file), file).families.fortigate) seen.push(`${folder}/${file}`);
    }
    const fixtures = repoFiles(REAL_SERVER_LOGS).filter((f) => !f.startsWith('forti'));
    expect(fixtures.length).toBeGreaterThan(100);
    for (const file of fixtures) if (parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).families.fortigate) seen.push(file);
    expect(seen).toEqual([]);
  });
});
