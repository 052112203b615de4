import { describe, expect, it } from 'vitest';
import { Redactor } from './redact';
import { SHAPE, emptyNameStarts, shapeOf } from './text-shape';
import { statedNames, syslogHost, type StatedNameKind } from '../parse/server-log/stated-names';
import { ServerLogNames } from '../parse/server-log/names';

/**
 * Round 43 (issue 14, "--redact covers user names, addresses and host names in server logs"): the leak classes found by running
 * every real server log through `explain-log --redact --json` and listing what kept a name's or an address's shape. Each test is
 * a class (other shapes of it, and what must stay); the real lines are in test/redaction-real-logs-round43.test.ts.
 */

const namesIn = (line: string) => {
  const out: string[] = [];
  statedNames(line, (kind: StatedNameKind, value: string) => out.push(`${kind}:${value}`));
  return [...new Set(out)];
};

const redacted = (text: string, names: { kind: StatedNameKind; value: string }[] = []) => new Redactor(names).text(text);

describe('public IPv4 addresses joined by two or more dots (strongSwan %H...%H, ranges)', () => {
  it.each([
    ['looking for an ike config for 161.97.231.112...35.199.169.27', 'looking for an ike config for 198.51.100.112...203.0.113.27'],
    ['candidate: 161.97.231.112...35.199.169.27, prio 3100', 'candidate: 198.51.100.112...203.0.113.27, prio 3100'],
    ['range 161.97.231.10..161.97.231.20 leased', 'range 198.51.100.10..198.51.100.20 leased'],
    // a private end stays, the public one goes
    ['IKE_SA home[1] established between 10.0.0.1...35.199.169.27', 'IKE_SA home[1] established between 10.0.0.1...198.51.100.27'],
    // after an ellipsis at a line's start
    ['...35.199.169.27 went away', '...198.51.100.27 went away'],
  ])('%s', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  it("an IPv4-mapped IPv6 address keeps its shape: the IPv4 tail takes the token, the head is no IPv6 address", () => {
    expect(redacted('from ::ffff:35.199.169.30[500] and ::FFFF:10.0.0.1')).toBe('from ::ffff:198.51.100.30[500] and ::FFFF:10.0.0.1');
    expect(redacted('from 2a01:4f8:1c1c:1234::1 port 500')).toBe('from 2001:db8::1 port 500');
  });

  it('what is no address stays: one dot before a run, five parts, an OID', () => {
    for (const text of ['version .161.97.231.112', '1.3.6.1.4.1.2636.3...', 'sn 35.199.169.27.5...6', 'v2.62.00.00...1']) expect(redacted(text)).toBe(text);
  });

  it('the text shape says there is a public address to replace (a line of it alone is not skipped as clean)', () => {
    expect(shapeOf('10.0.0.1...35.199.169.27', emptyNameStarts()) & SHAPE.publicV4).toBe(SHAPE.publicV4);
    expect(shapeOf('35.199.169.27...10.0.0.1', emptyNameStarts()) & SHAPE.publicV4).toBe(SHAPE.publicV4);
    expect(shapeOf('10.0.0.1...10.0.0.2', emptyNameStarts()) & SHAPE.publicV4).toBe(0);
    expect(shapeOf('.35.199.169.27', emptyNameStarts()) & SHAPE.publicV4).toBe(0);
  });
});

describe('names a line states by shape, whoever wrote it', () => {
  it.each([
    ['a DN\'s organisation and unit', "loaded certificate 'CN=pc-7, OU=Sales, O=Acme Widgets' ok", ['user:pc-7', 'org:Sales', 'org:Acme Widgets']],
    ['an ASA subject in lower case', 'subject name: c=US,o=Military,ou=NEC,cn=RYAN.WOLFE.91', ['host:RYAN.WOLFE.91', 'org:Military', 'org:NEC']],
    ["a public CA's organisation is no one's", "no issuer certificate found for 'C=US, O=Let's Encrypt, CN=R3'", []],
    ['an LDAP user id in a DN', 'subject name: UID=U22222222,CN=JANE ROE,O=Acme', ['user:JANE ROE', 'org:Acme', 'user:U22222222']],
    ["PAM's uid= is no DN", 'pam_unix(sshd:session): session opened for user x by (uid=0)', []],
    ['a name in a private DNS namespace, in any sentence', 'Use preshared key for id HUB2.LAB.LOCAL, key len 9', ['host:HUB2.LAB.LOCAL']],
    ['.home.arpa, .lan, .internal', 'from nas.home.arpa to gw.lan via ip-10-0-0-1.eu-west-1.compute.internal', ['host:nas.home.arpa', 'host:gw.lan', 'host:ip-10-0-0-1.eu-west-1.compute.internal']],
    ["an IKE ID after Junos' label", 'Local IKE-ID: gw.acme.cz, Remote IKE-ID: bob@psk.auth, AAA username: Not-applicable', ['host:gw.acme.cz', 'user:bob@psk.auth']],
    ["Junos' ike-id without a blank", 'Successful ike-id:vpn.acme.io U:N/A IKE:IKEv2 Role:R', ['host:vpn.acme.io']],
    ["strongSwan IKEv1's IDir", "IDir '172.16.1.254' does not match to 'vpn.acme.com'", ['host:vpn.acme.com']],
    ["a Windows profile folder", 'C:\\Users\\Maria\\Desktop>rasdial Work', ['user:Maria']],
    ['a Linux and a macOS home', 'open /home/piet/vpn.conf; cp /Users/joan/x .', ['user:piet', 'user:joan']],
    ['DOMAIN\\user as a label\'s value in any language', 'Sicherheits-ID:\t\tACME\\kurt', ['domain:ACME', 'user:kurt']],
    ['a path is no account', 'Image: C:\\Windows\\System32\\svchost.exe', []],
    ["Windows Setup's generated names", 'Computer: WIN-ABCDE12345F.acme.com; DESKTOP-7QX2R9K; LAPTOP-AB12CD34', ['host:WIN-ABCDE12345F.acme.com', 'host:DESKTOP-7QX2R9K', 'host:LAPTOP-AB12CD34']],
    ["a TLS client's SNI and HTTP's Host", 'sstp: recv [SSL <SNI vpn.acme.net>] recv [HTTP <Host: vpn2.acme.net>]', ['host:vpn2.acme.net', 'host:vpn.acme.net']],
    ["a pptp client's server", 'Script pptp vpn.acme.org --nolaunchpppd finished (pid 4975), status = 0x0', ['host:vpn.acme.org']],
    ["Sophos' device serial", 'device_model="SFVH" device_serial_id="C01001XYZ8TFFFF" log_id=020000000002', ['host:C01001XYZ8TFFFF']],
    ["xl2tpd's call serial is no device's", 'Call established with 198.51.100.7, Local: 34392, Remote: 53314, Serial: -1084367864', []],
    ["xl2tpd's positive call serial neither", 'Call established with 198.51.100.7, Local: 34392, Remote: 53314, Serial: 1084367864', []],
    // FreeRADIUS/freeradius-server issue #3322 (2020-03-16), the radius.log line it quotes
    ["FreeRADIUS' auth log: the user and the client", 'Mon Mar 16 16:19:56 2020 : Auth: (0) Login incorrect (mschap: FAILED: No NT/LM-Password.  Cannot perform authentication): [QDB01932/<via Auth-Type = MSCHAP>] (from client QDB01932 port 0 cli 88299c2ded45)', ['user:QDB01932', 'host:QDB01932']],
    ["FreeRADIUS' Login OK with a realm", 'Auth: (5) Login OK: [alice@corp.example] (from client vpn-gw port 1 cli 198.51.100.7)', ['user:alice@corp.example', 'host:vpn-gw']],
    ["NPS' canonical account name", 'Fully Qualified Account Name:\tacme.local/Users/TERRY', ['host:acme.local', 'user:TERRY']],
  ])('%s', (_what, line, expected) => {
    expect(namesIn(line).sort()).toEqual([...expected].sort());
  });
});

describe("the host in a syslog header of a line no family read", () => {
  const hostOf = (line: string) => {
    const out: string[] = [];
    syslogHost(line, (_k, v) => out.push(v));
    return out;
  };
  it.each([
    ['Nov 8 00:51:23 asa5505 %ASA-4-106100: access-list forward-inside denied tcp', ['asa5505']],
    ['<30>Nov  8 17:06:36 fw-hq kernel: drop', ['fw-hq']],
    ['2024-01-27T03:00:50+01:00 gw1.acme.net charon[12]: 05[NET] sending packet', ['gw1.acme.net']],
    ['Jul 10 02:47:24 charon: 10[CFG] no host here', []],
    ['Mar 11 03:12:57 16[IKE] deleting IKE_SA', []],
    ['just text: nothing', []],
  ])('%s', (line, expected) => {
    expect(hostOf(line)).toEqual(expected);
  });

  it('is read for lines no family understood, and hidden', () => {
    const n = new ServerLogNames();
    n.addText('Nov 8 00:51:23 asa5505 %ASA-4-106100: access-list forward-inside denied tcp inside/10.29.87.10(54796)');
    expect(n.names).toEqual([{ kind: 'host', value: 'asa5505' }]);
    expect(redacted('Nov 8 00:51:23 asa5505 %ASA-4-106100: denied', n.names)).toBe('Nov 8 00:51:23 HOST-1 %ASA-4-106100: denied');
  });
});

describe('the same value gets the same token wherever it appears', () => {
  it('an organisation in a DN and in prose', () => {
    const out: { kind: StatedNameKind; value: string }[] = [];
    statedNames("received cert request for 'CN=Acme VPN CA, O=Acme VPN'", (kind, value) => out.push({ kind, value }));
    expect(redacted("'CN=Acme VPN CA, O=Acme VPN' and Acme VPN again", out)).toBe("'CN=user-1, O=ORGANISATION-1' and ORGANISATION-1 again");
  });
});
