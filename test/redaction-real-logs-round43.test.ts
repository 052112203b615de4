import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverLogTextNames } from '../app/core/parse/server-log/names';
import { Redactor } from '../app/core/report/redact';

/**
 * Round 43 (issue 14): real logs (test/fixtures/real/server-logs) whose names or public addresses stayed in a redacted copy
 * before — found by running every fixture through `explain-log --redact --json` and listing what kept a name's or an address's
 * shape. Each row is one leak class (app/core/report/redact-pasted-logs.test.ts tests the class itself); the whole file is
 * redacted as a capture's `server-logs/` copy is (serverLogTextNames → Redactor), and none of the values may be left in it.
 */
const DIR = join(__dirname, 'fixtures/real/server-logs');

const ROWS: [file: string, leaked: string[], kept: string[]][] = [
  // both ends of strongSwan's `%H...%H` (was: 161.97.231.112 and 35.199.169.27 left in 3 lines, the run read as one non-address)
  ['charon-pfsense-clog-starter-freebsd-no-known-stack-shunt-routed-invalid-ke.txt', ['161.97.231.112...', '...35.199.169.27'], ['looking for an ike config for']],
  ['charon-syslog-ios-ikev2-proposal-selection-two-refused-then-matches.txt', ['106.185.28.235', '112.97.24.152'], []],
  // a certificate subject's organisation, unit and LDAP uid (was: O=URAAA, OU=Unit, UID=U11111111 left; CN=JOHN DOE hidden)
  ['asa-ftd-siem-raw-samples-750003-id-colon-lost-failed-to-authenticate-ike-sa-hostname-remote-tls.txt', ['URAAA', 'U11111111', 'JOHN DOE'], []],
  ['charon-android-app-log-peer-deletes-ike-sa-restart.txt', ['IKEv2 VPN', 'mi9t'], []],
  // Let's Encrypt is a public CA: its name stays (the log's point is which CA is missing)
  ['charon-ipsec-up-no-issuer-certificate-isrg-root-no-trusted-rsa-key.txt', [], ["Let's Encrypt"]],
  // a private DNS name in an IKE ID (was: SPOKE1.LAB.LOCAL in 4 lines)
  ['ios-xe-debug-crypto-ikev2-hub-psk-lookup-by-fqdn-identity-leading-blank.txt', ['SPOKE1.LAB.LOCAL'], []],
  // Junos' IKE-ID labels (was: p4.jnpr.cz, ipsec.axisapps.io left; `AAA username: Not-applicable` became a user token)
  ['srx-iked-ikev2-psk-remote-access-id-validation-vpn-up-no-date-stray-backslash.txt', ['p4.jnpr.cz', 'user1@psk.auth'], ['AAA username: Not-applicable']],
  ['srx-iked-show-log-vpn-time-only-dpd-peer-dead-vpn-down-monitor-failure-wrapped.txt', ['ipsec.axisapps.io'], []],
  // strongSwan IKEv1's `IDir '…' does not match to '…'` (was: vpn.mydomain.com left)
  ['charon-ipsec-up-ikev1-idir-does-not-match-server-private-id.txt', ['vpn.mydomain.com'], []],
  // a profile folder (was: Mike left in the prompt `C:\Users\Mike\Desktop>`)
  ['rasdial-en-cmd-prompt-echoed-command-ikev2-pbk-remote-access-error-800.txt', ['Users\\Mike'], ['rasdial']],
  // translated labels: DOMAIN\user after a Chinese label, Windows Setup's computer name with its domain (was: JACKMA, jackma.com, WIN-SAPNNP06AE5 left)
  ['eventviewer-zh-localised-labels-security-4688-process-creation-tabbed-fields.txt', ['JACKMA', 'WIN-SAPNNP06AE5'], []],
  // an NPS account by its Security ID and canonical name (was: TERADICI left)
  ['nps-6273-message-indented-wired-8021x-ethernet-switch-reason-16-eap-certificate.txt', ['TERADICI'], []],
  // accel-ppp's SNI and HTTP Host (was: stupid.dev.enativ.com left)
  ['pppd-accel-pppd-sstp-new-connection-sni-http-handshake-wrapped-guid.txt', ['enativ'], []],
  // a pptp client's server in pppd's pty line (was: vpn.myworkplace.com left)
  ['pppd-pptp-client-options-in-effect-dump.txt', ['vpn.myworkplace.com'], []],
  // Sophos' device serial (was: C01001BQC8TFFFF left); the RemoteAccess XML's <Computer> in .local (was: CITY-VPN16.cbj.local left)
  ['sfos19-syslog-header-event-dhcp-server-renew-no-vpn.txt', ['C01001BQC8TFFFF'], []],
  ['rras-event-xml-ie-view-20271-na-coid-binary-691.txt', ['CITY-VPN16', 'cbj.local'], []],
  // a syslog header's host on lines no family read (was: asa5505 left on both lines)
  ['asa-ask-wireshark-106100-acl-denied-tcp-443-inside-to-outside-hit-cnt-first-hit.txt', ['asa5505'], ['%ASA-4-106100']],
  // xl2tpd's call serial is no device's serial: it stays
  ['pppd-vyos-xl2tpd-ccp-protocol-reject-link-used-negative-serial.txt', [], ['Serial: -1084367864']],
];

describe('real logs: what --redact hid nowhere before round 43', () => {
  it.each(ROWS)('%s', (file, leaked, kept) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const v of [...leaked, ...kept]) expect(text, `${v} is in the fixture`).toContain(v);
    const out = new Redactor(serverLogTextNames(text, `server-logs/${file}`)).text(text);
    for (const v of leaked) expect(out.toLowerCase(), `${v} left in`).not.toContain(v.toLowerCase());
    for (const v of kept) expect(out, `${v} kept`).toContain(v);
  });
});
