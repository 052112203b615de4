import { describe, expect, it } from 'vitest';
import { statedNames, type StatedNameKind } from './stated-names';

const namesIn = (line: string) => {
  const out: string[] = [];
  statedNames(line, (kind: StatedNameKind, value: string) => out.push(`${kind}:${value}`));
  return [...new Set(out)];
};

describe('statedNames: the names a line states by a label or shape, whoever wrote it', () => {
  // real lines (test/fixtures/real/server-logs, the file named) that kept their names in `explain-log --redact` before
  it.each([
    ['charon-systemd-journal-duplicate-ike-sa-delete', "Oct 31 21:50:39 host-10-127-5-175 charon-systemd[44786]: got a response on a duplicate IKE_SA for 'C=CH, O=strongSwan, CN=device1', deleting new IKE_SA", ['user:device1']],
    ['charon-systemd-journal-duplicate-ike-sa-delete (cut by the terminal)', 'Oct 31 21:50:39 host-10-127-5-175 charon-systemd[44786]: deleting IKE_SA dc-net[1] between 10.127.5.175[C=CH, O=strongSwan, CN=device2]...10.127.5.166[C=CH, O=strongSwan, C>', ['user:device2']],
    ['charon-android-app-log-peer-deletes-ike-sa-restart', 'Mar 11 03:12:57 16[IKE] deleting IKE_SA android[30] between 192.168.1.172[CN=mi9t, O=IKEv2 VPN]...*[*]', ['user:mi9t', 'org:IKEv2 VPN']],
    ['charon-android-app-log-invalid-ke-dh-group-retry', "Jan 27 03:00:50 08[CFG] loaded user certificate 'CN=vpnclient-new, O=Example' and private key", ['user:vpnclient-new', 'org:Example']],
    ['softether-server-log-admin-mode-rpc-session-hub-users', '2021-07-03 11:52:28.783 [HUB "DEFAULT"] Administration mode [RPC-44] (Virtual Hub "DEFAULT"): User "test-win7" has been created.', ['user:test-win7']],
    ['asa-cac-anyconnect-certificate-map-none (the ASA writes a subject in lower case)', '    %ASA-7-717029: Identified client certificate within certificate chain. serial number: 4E819769406A4BEE8D9825C9E1052208, subject name: c=US,st=MD,l=Fort Meade,o=Military,ou=NEC,cn=RYAN.WOLFE.9101161615.', ['host:4E819769406A4BEE8D9825C9E1052208', 'host:RYAN.WOLFE.9101161615', 'org:Military', 'org:NEC']],
    ['charon-swanctl-initiate-failed-auth-failed', '[IKE] IKE_SA offices[5] established between 203.0.113.2[hq.example.com]...198.51.100.2[branch.example.com]', ['host:hq.example.com', 'host:branch.example.com']],
    ['pluto-4x-established-child-sa-ikev2', "Jul  4 08:35:07   pluto[17824]: \"gcp-asia-southeast1-a-to-equinix-nl/1x2\" #2: initiator established IKE SA; authenticated using PKCS#1 1.5 RSA with SHA1 and peer certificate '192.168.253.9' issued by CA 'CN=awx.im'", ['host:awx.im']],
    ['routeros-remote-syslog-bsd-and-raw-priority-topics-identity', '2022-11-08T17:06:37.048188+01:00 <30>Nov  8 17:06:36 OVA MikroTik: user jotne logged in from 10.11.10.32 via winbox', ['user:jotne']],
  ])('%s', (_source, line, expected) => {
    expect(namesIn(line)).toEqual(expected);
  });

  // each shape with made-up names, as other daemons and versions write them
  it.each([
    ['a label and a bare value (ASA IKE lines)', 'Group = DefaultRAGroup, Username = victor22, IP = 198.51.100.7, Received unsupported transaction mode attribute: 5', ['user:victor22']],
    ['a label after a colon (ASA 611101)', 'User authentication succeeded: IP address: 198.51.100.7, Uname: ben28', ['user:ben28']],
    ['quoted key=value (FortiGate, SonicWall)', 'remip=198.51.100.7 user="cara29" xauthuser="dan30" status="failure" usr="ella31"', ['user:cara29', 'user:dan30', 'user:ella31']],
    ['a RADIUS attribute in a dump', 'send [RADIUS(1) Access-Request id=1 <User-Name "fred32"> <NAS-Identifier "accel-ppp">]', ['user:fred32']],
    ['an account with its domain (NPS)', 'Account Name:\t\t\tCORP\\kate11', ['domain:CORP', 'user:kate11']],
    ['a user in angle brackets (ASA 722051)', 'Group <GP> User <xavier24> IP <198.51.100.7> IPv4 Address <10.1.1.5> assigned to session', ['user:xavier24']],
    ["strongSwan's quoted identities", "authentication of 'CN=alice01, O=Corp' with RSA signature successful; received EAP identity 'carol03'", ['org:Corp', 'user:alice01', 'user:carol03']],
    ["strongSwan's identities after addresses", 'looking for peer configs matching 203.0.113.5[%any]...198.51.100.7[bob02@corp.example]', ['user:bob02@corp.example']],
    ["Libreswan's peer ID", "\"l2tp-psk\"[3] 198.51.100.7 #4: Peer ID is ID_FQDN: '@pc11.corp.example'", ['host:pc11.corp.example']],
    ['a FortiOS subject with blanks around =', 'cert-subject="C = CA, O = Corp, CN = tgerber"', ['org:Corp', 'user:tgerber']],
    ['a bare name next to what happened to it', 'PAP authentication failed for uma21; login failed for user gina07', ['user:gina07', 'user:uma21']],
    ["a device's name and serial after their labels (FortiGate)", 'date=2024-01-27 time=03:00:50 devname="FGTalpha41" devid="FGT60E4Q17000001" logid="0101037129" type="event" subtype="vpn"', ['host:FGTalpha41', 'host:FGT60E4Q17000001']],
    ["a serial of hex digits, named so by its label (SonicWall)", 'id=firewall sn=C0EAE4000000 time="2024-01-27 03:00:51" fw=203.0.113.5 pri=6 c=16 m=29 msg="User login successful"', ['host:C0EAE4000000']],
    ['a computer after its label (an event copy)', 'Computer:      RRAS01.corp.example', ['host:RRAS01.corp.example']],
    ["a Cisco prompt in a pasted session", 'branchrtr47#debug ppp negotiation', ['host:branchrtr47']],
    ["an ASA prompt in configuration mode", 'hq-asa(config)# show logging', ['host:hq-asa']],
    ["a RouterOS prompt: its user and identity", '[admin@hqmikro49] > /log print', ['user:admin', 'host:hqmikro49']],
    ["a shell prompt: its user and host", 'root@vpn-gw-3:~# journalctl -u strongswan', ['host:vpn-gw-3']],
    ["a shell prompt in brackets", '[ops@vpn-gw-4 ~]$ grep pppd /var/log/messages', ['user:ops', 'host:vpn-gw-4']],
    ['a UPN anywhere', 'Access-Request for anna.devries@corp.example from 10.0.0.2', ['user:anna.devries@corp.example']],
    ["the journal's machine and boot ids (journalctl -o json, -o export)", '{"_BOOT_ID":"6d8a1e43c2b14f0a9e5d7c3b2a1f0e9d","_MACHINE_ID" : "0123456789abcdef0123456789abcdef","MESSAGE":"Connection terminated."}', ['host:6d8a1e43c2b14f0a9e5d7c3b2a1f0e9d', 'host:0123456789abcdef0123456789abcdef']],
    ["the journal's machine id in export form", '_MACHINE_ID=fedcba9876543210fedcba9876543210', ['host:fedcba9876543210fedcba9876543210']],
    ["a Snare record's host, user and computer (forwarded-event.ts)", 'rras01\tMSWinEventLog\t1\tSecurity\t5\tSat Dec 05 09:12:01 2026\t4625\tMicrosoft-Windows-Security-Auditing\tCORP\\tmiller\tUser\tFailure Audit\tRRAS01.corp.example\tLogon\t\tAn account failed to log on.\t5', ['host:rras01', 'domain:CORP', 'user:tmiller', 'host:RRAS01.corp.example']],
    ["a Snare record's placeholders are no names", '<14>Dec  5 09:12:01 RRAS01 MSWinEventLog\t1\tSystem\t123\tSat Dec 05 09:12:01 2026\t20271\tRemoteAccess\tN/A\tN/A\tWarning\tRRAS01\tNone\t\tCoId={NA}: The user x connected\t45', ['host:RRAS01']],
    ["the boot id in an entry's cursor", '__CURSOR=s=739ad463348b4ceca5a9e69c95a3c93f;i=4ece7;b=6c7c6013a26343b29e964691ff25d04c;m=ba7d8c7;t=4e5e5a4c0e4a2;x=5d3a0a9e3e5e8a6b', ['host:6c7c6013a26343b29e964691ff25d04c']],
  ])('%s', (_what, line, expected) => {
    expect(namesIn(line).sort()).toEqual([...expected].sort());
  });

  // what looks like a name by its place but is none: each was taken for one by a first version, on a real fixture
  it.each([
    ["MS-CHAP's E= code is no e-mail attribute", 'rcvd [CHAP Failure id=0x1 "E=691 R=1 C=0123456789ABCDEF V=3 M=Authentication failure"]'],
    ["PAM's uid= is no distinguished name", 'pam_unix(pluto:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=X.X.X.X'],
    ["an SA's name with an address after its @ (pluto's showstates)", '#3: "l2tp"[1] 10.106.2.35 esp.1adc81c4@10.106.2.35 esp.bd42670f@10.106.2.33 tun.0@10.106.2.35'],
    ['a port in brackets, and %any', 'received packet: from 198.51.100.7[500] to 203.0.113.5[4500] (304 bytes); looking for peer configs matching 203.0.113.5[%any]...198.51.100.7[%any]'],
    ['prose after "user" and "for peer"', 'Connection "CID-34": User authentication failed. Looking for a tunnel group match based on certificate maps for peer certificate with serial number: 4E81'],
    ['masked and placeholder values', 'user=x.x.x.x usr="" User-Name = <not specified> user = (none) username=${USER} Username: N/A user=%any'],
    ['a debug structure address', 'IPSEC(get_old_outbound_sa_for_peer): No outbound SA found for peer 7F9E85D63050'],
    ["a CA's two-letter name (Let's Encrypt's R3 would take R3 out of every text)", "issued by CA 'CN=R3, O=Let''s Encrypt, C=US'"],
    ['an account named like the trade (NT 4.0 event 20107)', 'The user RAS connected to port COM1 using strong encryption.'],
    ['a log line is no prompt (IOS debug, a pluto serial, a syslog priority, a PPP interface)', 'Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP'],
    ["nor SonicWall's packet arrow", 'SENDING>>>> ISAKMP OAK AG (InitCookie 0xa1b340472acb64ac, MsgID: 0x0) (SA, KE, VID, NATD, NATD, NON, ID, VID, VID, HASH) sonicwall.ip, 500 openswan.ip, 500'],
    ['nor is a quoted reply', '> Vi1 LCP: I CONFREQ [REQsent] id 1 len 10'],
    ['an address as an identity', 'IKE_SA rw[2] established between 203.0.113.5[203.0.113.5]...198.51.100.7[198.51.100.7]'],
  ])('%s', (_what, line) => {
    expect(namesIn(line)).toEqual([]);
  });

  it('never throws on any text', () => {
    for (const line of ['', '@', 'user=', 'CN=', '[', '1.2.3.4[', 'user "', '\\\\', 'x'.repeat(10_000), 'user='.repeat(1000)]) expect(() => namesIn(line)).not.toThrow();
  });
});
