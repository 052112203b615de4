import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../../../test/corpus';
import { REAL_SERVER_LOGS } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { parseServerLog, type ServerLogResult } from './index';
import { splitPrefix } from './prefix';

/**
 * The same real logs under rsyslog's RFC 3339 file header (RSYSLOG_FileFormat: Debian 12's and Ubuntu 24.04's default,
 * `2024-05-01T10:00:00.123456+02:00 host tag: …`) read as under the classic one: charon and the kernel log without a pid,
 * and their lines were all unknown under that header (header-patterns.ts ISO_TAG_NO_PID); so were NetworkManager's,
 * accel-sstp's, racoon's and Openswan's start scripts' (PIDLESS_DAEMONS). Not every pid-less tag: a word KNOWN_PROGRAMS does
 * not name stays a message under this header, as the near misses below require.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CLASSIC = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d\d:\d\d:\d\d) /gm;
/** Every classic header's time rewritten as rsyslog's RFC 3339 one (host, tag and message untouched). */
const asRfc3339 = (text: string): string =>
  text.replace(CLASSIC, (_, mon: string, day: string, time: string) => `2024-${String(MONTHS.indexOf(mon) + 1).padStart(2, '0')}-${day.padStart(2, '0')}T${time}.123456+02:00 `);

/** What a reading says, times aside (the rewrite gives them a year and a fraction). */
const gist = (r: ServerLogResult) => ({
  records: r.records,
  understood: r.understood,
  families: r.families,
  entries: r.entries.map((e) => [e.line, e.family, e.program, e.host, e.cause, e.code, e.decoded]),
});

const real = (name: string) => readRepoText(`${REAL_SERVER_LOGS}/${name}`);
const PIDLESS = new Set(['charon', 'kernel', 'NetworkManager', 'modem-manager', 'accel-sstp', 'racoon', 'ipsec_setup', 'ipsec__plutorun']);
const PIDLESS_FIXTURES = [
  'pppd-pptp-client-nm-ms-chap-e691-then-call-clear.txt',
  'pppd-pptp-client-nm-lcp-timeout-firewall-logs-inbound-gre.txt',
  'pppd-pptp-client-nm-bbcode-rcvd-chap-failure-e691.txt',
  'pppd-pptp-client-nm-bbcode-lcp-terminated-garbled-no-ccp.txt',
  'pppd-pptp-client-nm-tcp-1723-connection-refused.txt',
  'pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt',
];

describe('rsyslog RFC 3339 headers: pid-less tags of known daemons', () => {
  it('host, program and message as the classic header gives them; near misses stay messages', () => {
    expect(splitPrefix('2024-05-01T10:00:00.123456+02:00 vpn charon: 09[IKE] 198.51.100.7 is initiating an IKE_SA')).toMatchObject({ shape: 'iso', host: 'vpn', program: 'charon', message: '09[IKE] 198.51.100.7 is initiating an IKE_SA' });
    expect(splitPrefix('2024-05-01T10:00:00+0200 vpn kernel: [ 12.5] ppp0: renamed from ppp')).toMatchObject({ host: 'vpn', program: 'kernel', message: '[ 12.5] ppp0: renamed from ppp' });
    // journalctl -o short-monotonic: the kernel's lines have no pid there either
    expect(splitPrefix('[ 5.123456] vpn kernel: ppp0: renamed from ppp')).toMatchObject({ shape: 'program', host: 'vpn', program: 'kernel' });
    // Openswan's start scripts and racoon, as rsyslog would write them (hwdsl2/setup-ipsec-vpn#579 has `ipsec-vpn-server ipsec__plutorun: Starting Pluto`)
    expect(splitPrefix('2024-06-18T08:21:26.000000+00:00 ipsec-vpn-server ipsec__plutorun: Starting Pluto')).toMatchObject({ host: 'ipsec-vpn-server', program: 'ipsec__plutorun', message: 'Starting Pluto' });
    expect(splitPrefix('2024-06-29T11:37:53.408+02:00 gw ipsec_setup: Starting Openswan IPsec U2.6.37')).toMatchObject({ host: 'gw', program: 'ipsec_setup' });
    expect(splitPrefix('2024-12-17T12:23:43+01:00 netbook racoon: INFO: 127.0.0.1[500] used for NAT-T')).toMatchObject({ host: 'netbook', program: 'racoon', message: 'INFO: 127.0.0.1[500] used for NAT-T' });
    // a word no daemon is known by (pppd's own `Remote message:` in a foreground pppd's docker log), and no host: a message
    for (const line of ['2024-05-01T10:00:00Z Remote message: Authentication failed', '2024-05-01 10:00:00 ppp0 LCP: timeout', '2024-05-01T10:00:00Z charon: 09[IKE] x']) {
      expect(splitPrefix(line).program, line).toBeUndefined();
    }
  });
  const files: [string, () => string][] = [
    ['charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt', () => real('charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt')],
    ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', () => real('pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt')],
    // the real logs whose pid-less tags are PIDLESS_DAEMONS' (NetworkManager, modem-manager, accel-sstp; Openswan's start scripts
    // log host-less in their one real log, pluto-openswan-l2tp-client-…, which no RFC 3339 rewrite makes an rsyslog file: above)
    ...PIDLESS_FIXTURES.map((n): [string, () => string] => [n, () => real(n)]),
    ...(corpusAvailable || process.env.CI
      ? ['charon-ikev2-psk-peer-requested-eap-config-inacceptable.txt', 'charon-win10-ikev2-809-ike-sa-init-only.txt', 'charon-win10-ikev2-policy-match-error-ike-sa-init.txt', 'charon-win10-ikev2-13843-invalid-payload-cert-peer-config.txt'].map(
          (n): [string, () => string] => [n, () => readCorpus(join('server-logs', 'strongswan'), n)],
        )
      : []),
  ];
  it.each(files)('%s reads the same under both headers', (_, read) => {
    const classic = read();
    const iso = asRfc3339(classic);
    expect(iso).not.toBe(classic);
    const a = parseServerLog(classic);
    const b = parseServerLog(iso);
    expect(b.unknown).toBe(a.unknown);
    expect(gist(b)).toEqual(gist(a));
    expect(a.entries.some((e) => e.program !== undefined && PIDLESS.has(e.program))).toBe(true);
  });
});
