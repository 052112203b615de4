import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../../../test/corpus';
import { sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import type { Capture } from '../../capture/capture';
import { engineT } from '../../i18n';
import { ReportSchema } from '../../model/report';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';
import { explainPastedLog } from './paste';

const t = engineT('en');

/** Every corpus file → the finding ids it gives on its own (hand-checked against SOURCES.md). */
const FINDINGS: Record<string, string[]> = {
  'asa/asa-syslog-aaa-user-authentication-rejected-and-successful.txt': ['events.ras-error'],
  'ios-debug/ios-867vae-pppoe-client-chap-success.txt': [],
  // the CHAP failure is the consequence of "AAA Server did not respond": one finding, not two
  'ios-debug/ios-xe-csr-pppoe-server-chap-failure-aaa-server-did-not-respond.txt': ['server.radius-unreachable'],
  'mikrotik/routeros-l2tp-ipsec-isakmp-established-peer-didnt-respond-to-chap.txt': ['vpn.auth-mismatch'],
  'other/router-pptp-client-call-clear-request-lcp-down.txt': [],
  'other/sstp-server-python-win10-call-disconnect.txt': [],
  'other/windows-client-rasman-trace-pptp-error-734.txt': ['vpn.auth-mismatch'],
  'pppd/accel-pptpd-padavan-ipcp-terminated-no-local-ip.txt': ['server.address-pool'],
  'pppd/accel-pptpd-padavan-win10-lcp-terminated-by-peer.txt': [],
  'pppd/pptp-client-vs-poptop-mppe-required-peer-negotiation-failed.txt': ['vpn.encryption-mismatch'],
  'pppd/pptpd-asuswrt-ctrl-eof-reading-ctrl-packet.txt': [],
  'pppd/pptpd-debug-windows-client-chap-failure.txt': ['events.ras-error'],
  'pppd/pptpd-openwrt-lcp-terminated-mppe-required-not-available.txt': ['vpn.encryption-mismatch'],
  'pppd/pptpd-radius-plugin-chap-failure-call-clear.txt': ['events.ras-error'],
  'pppd/pptpd-windows-lcp-timeout-sending-config-requests.txt': ['vpn.gre-blocked'],
  'pppd/pptpd-wrong-password-peer-failed-chap-authentication.txt': ['events.ras-error'],
  'pppd/xl2tpd-pluto-l2tp-instant-disconnect-pppd-exit-code-2.txt': ['server.ppp-setup-failed'],
  'pppd/xl2tpd-pppd-win10-l2tp-session-up-ip-assigned.txt': [],
  'rras/rras-remoteaccess-event-20111-demand-dial-not-responding-and-ike-credentials.txt': ['vpn.server-unreachable', 'server.ike-auth-failed'],
  'strongswan/charon-ikev2-psk-peer-requested-eap-config-inacceptable.txt': ['vpn.auth-mismatch'],
  'strongswan/charon-l2tp-ikev1-quick-mode-child-sa-established-then-delete.txt': [],
  'strongswan/charon-l2tp-ikev1-windows-main-mode-vendor-ids.txt': [],
  'strongswan/charon-macos-ikev2-dh-group-inacceptable-invalid-ke.txt': [],
  'strongswan/charon-win10-ikev2-13843-invalid-payload-cert-peer-config.txt': [],
  'strongswan/charon-win10-ikev2-809-ike-sa-init-only.txt': ['vpn.server-unreachable'],
  'strongswan/charon-win10-ikev2-policy-match-error-ike-sa-init.txt': [],
  'strongswan/libreswan-pluto-ikev2-no-suitable-connection-no-proposal-chosen.txt': ['server.ike-proposal-mismatch', 'server.certificate-missing'],
  'strongswan/libreswan-pluto-win10-l2tp-main-mode-isakmp-sa-established.txt': [],
  'strongswan/libreswan-pluto-win10-l2tp-main-r2-retransmission.txt': ['vpn.server-unreachable'],
  'strongswan/libreswan-pluto-win10-l2tp-quick-mode-established-then-628.txt': [],
  'strongswan/libreswan-pluto-windows-l2tp-oakley-transform-refused.txt': [],
  'vpn3000/vpn3000-syslog-auth-rejected-and-ike-user-auth-failed.txt': ['events.ras-error', 'vpn.auth-mismatch'],
};

/** Corpus logs written by the side that dialled (SOURCES.md: "CLIENT-side"). */
const CLIENT_LOGS: ReadonlySet<string> = new Set(['pppd/pptp-client-vs-poptop-mppe-required-peer-negotiation-failed.txt']);
/** …and by a Windows PC (its RASMAN trace opened a phone-book entry and dialled its number, families/rasman.ts): the PC's own log */
const PC_LOGS: ReadonlySet<string> = new Set(['other/windows-client-rasman-trace-pptp-error-734.txt']);
/** …and by a router in a tunnel with another router: an RRAS server's own demand-dial calls to an Azure gateway (RemoteAccess 20111, site-to-site) */
const SITE_LOGS: ReadonlySet<string> = new Set(['rras/rras-remoteaccess-event-20111-demand-dial-not-responding-and-ike-credentials.txt']);

describe.skipIf(!corpusAvailable)('server-log findings per corpus file', () => {
  for (const [file, ids] of Object.entries(FINDINGS)) {
    it(`${file} → ${ids.join(', ') || 'no finding'}`, () => {
      const [folder, name] = file.split('/') as [string, string];
      const { findings } = explainServerLogs([parseServerLog(readCorpus(join('server-logs', folder), name), file)], t);
      expect(findings.map((f) => f.id)).toEqual(ids);
      for (const f of findings) {
        expect(f.evidence.length).toBeGreaterThan(0);
        expect(f.evidence.every((e) => e.source === file && e.line! > 0)).toBe(true);
        // (a PPTP client's own log — pppd's CHAP success line tells it dialled — is worded for the side that started the connection; a
        // Windows PC's RAS trace as the PC's own log, keeping the PC's advice)
        expect(f.summary).toContain(CLIENT_LOGS.has(file) ? 'from the side that started the connection, says' : PC_LOGS.has(file) ? "The PC's own log" : SITE_LOGS.has(file) ? 'from a router in a tunnel with another router (site-to-site), says' : "The server's log");
      }
    });
  }
  it('RADIUS down: says it is not the password, and what to ask the administrator (nl too)', () => {
    const r = parseServerLog(readCorpus('server-logs/ios-debug', 'ios-xe-csr-pppoe-server-chap-failure-aaa-server-did-not-respond.txt'));
    const [f] = explainServerLogs([r], engineT('nl')).findings;
    expect(f).toMatchObject({ id: 'server.radius-unreachable', severity: 'critical', title: 'De verificatieserver (RADIUS/AAA) van de server antwoordde niet' });
    expect(f!.summary).toContain('Vraag de beheerder de RADIUS/NPS-server te controleren');
  });
});

const seedIos = (line: string) => explainServerLogs([parseServerLog(line, 'router.txt')], t).findings;

describe('the seed FAQ\'s cases as findings', () => {
  it('O PROTREJ CCP → vpn.encryption-mismatch, PC-side and admin-side advice, the decoded packet in the summary', () => {
    const [f] = seedIos('04:41:09: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)');
    expect(f!.id).toBe('vpn.encryption-mismatch');
    expect(f!.title).toBe('The server refused the encryption the PC asked for');
    expect(f!.summary).toContain('The router refused the encryption (CCP) the PC proposed: MPPE 40-bit or 56-bit, stateless.');
    expect(f!.summary).toContain('Ask the administrator to enable MPPE');
  });
  it("accel-ppp's SSTP certificate cannot be loaded → server.certificate-missing with SSTP's advice (certificate error codes on the PC), en and nl", () => {
    const log = parseServerLog('Nov 01 15:57:13 v50172 accel-pppd[2898]: sstp: ssl-pemfile error: error:02001002:system library:fopen:No such file or directory', 'accel.log');
    const [f] = explainServerLogs([log], t).findings;
    expect(f).toMatchObject({ id: 'server.certificate-missing', severity: 'critical' });
    expect(f!.title).toContain('SSTP');
    expect(f!.summary).toContain('0x800B0109');
    expect(f!.summary).toContain('ssl-pemfile');
    expect(f!.summary).not.toContain('NSS');
    const [n] = explainServerLogs([log], engineT('nl')).findings;
    expect(`${n!.title} ${n!.summary}`).not.toMatch(/\{\{|serverLog\./);
  });
  it('a Windows error the server logged whose finding is another id (809: vpn.server-unreachable) is explained there, not sent to "the PC\'s findings" (en, nl)', () => {
    // a RemoteAccess 20111 as Get-EventLog | Format-List prints it; Data holds the error (0x329 = 809), the message is in German to show the code decides
    const event = ['EventID            : 20111', 'Data               : {41, 3, 0, 0}', 'EntryType          : Error', 'Message            : RoutingDomainID- {00000000-0000-0000-0000-000000000000}: Eine Wählverbindung zur Remoteschnittstelle Azure wurde erfolgreich initiiert, aber nicht erfolgreich abgeschlossen.', 'Source             : RemoteAccess', 'TimeGenerated      : 18.03.2016 13:26:02'].join('\n');
    const log = parseServerLog(event, 'rras.txt');
    for (const lang of ['en', 'nl'] as const) {
      const [f] = explainServerLogs([log], engineT(lang)).findings;
      expect(f).toMatchObject({ id: 'vpn.server-unreachable' });
      expect(f!.title).toContain('809');
      expect(f!.summary).toMatch(lang === 'en' ? /UDP 500 and 4500/ : /UDP 500 en 4500/);
      expect(f!.summary).not.toMatch(/PC's findings|bevindingen van de pc/);
      // the event's first line is named, not announced ("Event 20111 begins." read as noise before its meaning)
      expect(f!.summary).toContain(lang === 'en' ? 'Windows event 20111.' : 'Windows-gebeurtenis 20111.');
    }
  });
  it("a broken RADIUS client configuration → server.radius-unreachable with its own advice; the 691 after it is its consequence", () => {
    const log = parseServerLog(["Nov 01 15:57:13 gw accel-pppd[2898]: radius: failed to parse 'auth-server'", 'Nov 01 15:57:15 gw pppd[77]: MS-CHAP authentication failed: E=691 Authentication failure'].join('\n'), 'accel.log');
    const { findings } = explainServerLogs([log], t);
    expect(findings.map((f) => f.id)).toEqual(['server.radius-unreachable']);
    expect(findings[0]!.title).toContain('RADIUS settings are broken');
    expect(findings[0]!.summary).toContain('shared secret');
  });
  it('VPN 3000 decrypt failure → os.nt4-service-pack', () => {
    expect(seedIos('103 12/09/1999 09:08:01.550 SEV=6 PPP/4 RPT=3 80.50.0.4 User [ testuser ] disconnected. Experiencing excessive packet decrypt failure.').map((f) => f.id)).toEqual(['os.nt4-service-pack']);
  });
});

/** A capture in memory: the win11 sample's events (742 at 09:21:07Z for "Partner L2TP"), plus a router log. */
function capture(files: Record<string, string>): Capture {
  const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt', 'rasclient-events.txt']);
  for (const [name, text] of Object.entries(files)) pc.files.set(name, { name, text, encoding: 'utf-8' });
  return { ...pc, label: 'test' };
}

describe('correlation with the PC\'s capture', () => {
  it('NT4 SP5 (from the PC\'s files) and the concentrator\'s decrypt failures: one os.nt4-service-pack finding', () => {
    const nt4: Capture = { ...sampleCapture('nt4-sp5', ['file-versions.txt', 'ver.txt', 'registry/windows-nt-currentversion.reg', 'route-print.txt']), label: 'nt4' };
    const v3 = parseServerLog('103 12/09/1999 09:08:01.550 SEV=6 PPP/4 RPT=3 80.50.0.4  User [ testuser ] disconnected. Experiencing excessive packet decrypt failure.', 'vpn3000.txt');
    const { report } = analyseCapture(nt4, { toolVersion: 't', now: new Date(0), serverLogs: [v3] });
    const f = report.findings.filter((x) => x.id === 'os.nt4-service-pack');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.map((e) => e.source)).toContain('vpn3000.txt');
    expect(f[0]!.summary).toContain('excessive packet decrypt failure');
  });
  it('the router\'s O PROTREJ one hour (time zone) and 2 s from the PC\'s 742 → one finding with both sides\' evidence', () => {
    const { report } = analyseCapture(capture({ 'server-logs/router.txt': 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n' }), { toolVersion: 't', now: new Date(0) });
    const enc = report.findings.filter((f) => f.id === 'vpn.encryption-mismatch');
    expect(enc).toHaveLength(1);
    expect(enc[0]!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['rasclient-events.txt', 'server-logs/router.txt']));
    expect(enc[0]!.summary).toContain("are 2 s apart, reading the server's times as UTC+1:00 (a log in its local time)");
    // both times as a person reads them, not wevtutil's raw 2026-11-18T09:21:07.5510000Z
    // the source and the line apart (a paste's source is a label: "pasted log:1" read badly)
    expect(enc[0]!.summary).toContain("the server's log (server-logs/router.txt, line 1, 11-18 10:21:05) and the PC's RasClient 20227 (742) (2026-11-18 09:21:07 UTC)");
    expect(report.serverLogs![0]).toMatchObject({ source: 'server-logs/router.txt', records: 1, understood: 1, unknown: 0 });
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });
  it('too far apart in time → two findings, the server\'s stands on its own', () => {
    const { report } = analyseCapture(capture({ 'server-logs/router.txt': 'Nov 18 10:51:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n' }), { toolVersion: 't', now: new Date(0) });
    expect(report.findings.filter((f) => f.id === 'vpn.encryption-mismatch')).toHaveLength(2);
  });
  it.skipIf(!corpusAvailable)('real pair: Algo\'s charon log (IKE_SA_INIT answered 19:38:08, no IKE_AUTH) and the Windows 10 RasClient 809 (19:38:13Z) — 5 s apart', () => {
    const events = readCorpus('events', 'win10-en-rasclient-20227-ikev2-809-eventviewer-details-xml.txt');
    const charon = parseServerLog(readCorpus('server-logs/strongswan', 'charon-win10-ikev2-809-ike-sa-init-only.txt'), 'charon.log');
    const { report } = analyseCapture({ ...capture({}), files: new Map([['rasclient-events.txt', { name: 'rasclient-events.txt', text: events, encoding: 'utf-8' }]]) }, { toolVersion: 't', now: new Date(0), serverLogs: [charon] });
    const f = report.findings.filter((x) => x.id === 'vpn.server-unreachable');
    expect(f).toHaveLength(1);
    expect(f[0]!.summary).toContain('are 5 s apart');
    expect(f[0]!.evidence.some((e) => e.source === 'charon.log' && e.line === 9)).toBe(true);
  });
});

describe('the app\'s paste box (explainPastedLog)', () => {
  const paste = 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n';

  it.each([
    ['en', 'pasted log'],
    ['nl', 'geplakt logboek'],
  ] as const)('a paste without a file name is called so in the findings\' language (%s)', (language, label) => {
    const { findings, serverLog } = explainPastedLog({ text: paste, language });
    expect(serverLog.source).toBe(label);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.evidence.some((e) => e.source === label)).toBe(true);
    if (language === 'nl') expect(JSON.stringify(findings)).not.toContain('pasted log');
  });

  it('a dropped file keeps its own name', () => {
    expect(explainPastedLog({ text: paste, label: 'router.log', language: 'nl' }).serverLog.source).toBe('router.log');
  });
});
