import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, serious } from './support/axe';
import { hasChromium } from './support/browser';
import { sampleDir } from './support/engines';
import { NPS_EVENTS, openServerLogScreen, realLog, ROUTER_LOG, ROUTER_OWN_LOG, SAYS, shootPanel } from './support/server-log-screen';
import type { Lang } from './support/texts';

/** A PC's own command output pasted as the server's log (round 44, hLC): Test-NetConnection on a Portuguese Windows, Get-NetIPConfiguration on a Chinese one. */
const TNC = realLog('pc-output-test-netconnection-pt-aviso-tcp-443-and-ping-failed.txt').toString('utf8');
const NETIPCONFIG = realLog('pc-output-get-netipconfiguration-zh-alias-unidentified-network-three-adapters.txt').toString('utf8');
const PC_OUTPUT_SAYS: Record<Lang, { test: string; why: string; powershell: string }> = {
  en: { test: 'This is the output of a network test (ping, tracert, traceroute or Test-NetConnection), not a server log.', why: 'not why the VPN server refused the connection', powershell: "This is PowerShell output of a PC's network settings" },
  nl: { test: 'Dit is de uitvoer van een netwerktest (ping, tracert, traceroute of Test-NetConnection), geen serverlogboek.', why: 'niet waarom de VPN-server de verbinding weigerde', powershell: 'Dit is PowerShell-uitvoer met de netwerkinstellingen van een pc' },
};

/**
 * What the panel says of a pasted or dropped server log: decoded lines, findings folded into the PC's, verdicts on what is no log,
 * counts in the language's digits.
 */
describe.skipIf(!hasChromium()).each(['en', 'nl'] as const)('paste the server\'s log (%s)', (lang: Lang) => {
  const screen = openServerLogScreen(lang);
  const { t, panel, explain } = screen;

  it('decodes the router\'s lines and folds the cause into the PC\'s 742 finding, with how far apart the clocks put them', async () => {
    await explain(ROUTER_LOG);
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].verdict);
    expect(await panel().getByTestId('server-log-lines').textContent()).toContain(SAYS[lang].decoded);
    const finding = panel().getByTestId('server-log-finding');
    expect(await finding.count()).toBe(1);
    expect(await finding.getAttribute('data-finding-id')).toBe('vpn.encryption-mismatch');
    const summary = (await finding.textContent()) ?? '';
    expect(summary).toContain(SAYS[lang].apart);
    expect(summary).toMatch(/742/);
    // one paragraph per subject, not one block: the PC's event, the router's words, the advice, then the match
    const kinds = await finding.getByTestId('summary-parts').locator('p').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-kind')));
    expect(kinds).toEqual(['finding', 'logSays', 'advice', 'advice', 'matched']);
    expect(await finding.locator('p[data-kind=matched]').textContent()).toContain(SAYS[lang].apart);
    // the unknown line is listed, not dropped
    expect(await panel().getByTestId('server-log-unknown').textContent()).toContain('Ticket INC-4711: VPN fails for Anna');
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log${lang === 'en' ? '' : `-${lang}`}`, true);
  });

  it('two NPS events pasted from Event Viewer (double-spaced, labels and values on lines of their own) are two events, read by their data', async () => {
    await explain(NPS_EVENTS);
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].npsVerdict);
    expect(await panel().getByTestId('server-log-lines').textContent()).toContain(SAYS[lang].nps);
    expect(await panel().getByTestId('server-log-finding').first().getAttribute('data-finding-id')).toBe('server.radius-unreachable');
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-nps-events${lang === 'en' ? '' : `-${lang}`}`, true);
  });

  it("a router's own dialling log with no cause says whose log it is, not \"what the server did\"", async () => {
    const texts = t.serverLog as unknown as Record<'writtenBy' | 'noCauseWrittenBy', Record<string, string>>;
    await explain(ROUTER_OWN_LOG);
    const whose = panel().getByTestId('server-log-written-by');
    expect(await whose.getAttribute('data-written-by')).toBe('dialling-router');
    expect(await whose.textContent()).toContain(texts.writtenBy['dialling-router']);
    expect(await panel().getByTestId('server-log-no-cause').textContent()).toBe(texts.noCauseWrittenBy['dialling-router']);
  });

  it('an empty paste and a route print dropped by mistake get one clear sentence each', async () => {
    await explain('   ');
    expect(await panel().getByTestId('server-log-verdict').getAttribute('data-verdict')).toBe('empty');
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].empty);
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'route-print.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(sampleDir('demo'), 'route-print.txt')) });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=route-print]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(SAYS[lang].routePrint);
  });

  it("TunnelMedic's own capture.json dropped, a phonebook pasted: each named in plain words, no list of log formats", async () => {
    await panel().getByTestId('server-log-file').setInputFiles({ name: 'capture.json', mimeType: 'application/json', buffer: readFileSync(path.join(sampleDir('demo'), 'capture.json')) });
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=tunnelmedic-capture]').waitFor();
    const verdict = (await panel().getByTestId('server-log-verdict').textContent()) ?? '';
    expect(verdict).toMatch(/^capture\.json: /);
    expect(verdict).toContain(lang === 'en' ? "This is TunnelMedic's own capture.json" : 'Dit is het eigen capture.json van TunnelMedic');
    expect(verdict).toContain('--capture');
    // (before: "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/xl2tpd/mpd, strongSwan, …)")
    expect(verdict).not.toContain('pppd');
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-capture-json${lang === 'en' ? '' : `-${lang}`}`, true);
    await explain(readFileSync(path.join(sampleDir('demo'), 'pbk', 'rasphone.pbk'), 'latin1'));
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=phonebook]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? 'This is a Windows VPN phonebook (rasphone.pbk' : 'Dit is een telefoonboek van Windows-VPN (rasphone.pbk');
  });

  it("a long log's counts are written in the language's digits (4,934 / 4.934), in the verdict, the formats and the list's switches", async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `Nov 18 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} gw pppd[311]: LCP: timeout sending Config-Requests`);
    await explain([...lines, 'Ticket INC-4711: VPN fails for Anna'].join('\n'));
    const verdict = (await panel().getByTestId('server-log-verdict').textContent()) ?? '';
    // (before: "1200 of 1201 log lines understood. Recognised: pppd/pptpd/xl2tpd/mpd 1200 lines." in both languages)
    expect(verdict).toMatch(lang === 'en' ? /^1,\d{3} of 1,\d{3} log lines understood\. Recognised: pppd\/pptpd\/xl2tpd\/mpd 1,\d{3} lines\./ : /^1\.\d{3} van 1\.\d{3} logregels begrepen\. Herkend: pppd\/pptpd\/xl2tpd\/mpd 1\.\d{3} regels\./);
    expect(await panel().locator('.server-log-all').textContent()).toMatch(lang === 'en' ? /\(1,\d{3}\)/ : /\(1\.\d{3}\)/);
    expect(await panel().getByTestId('server-log-repeats').first().textContent()).toMatch(lang === 'en' ? /1,\d{3} more lines/ : /nog 1\.\d{3} regels/);
  });

  it("a VPN service systemd could not keep running: the finding says so, and what to ask the server's administrator", async () => {
    await explain(realLog('pppd-journal-lsb-xl2tpd-control-process-exited-failed-to-start.txt').toString('utf8'));
    const finding = panel().getByTestId('server-log-finding');
    expect(await finding.getAttribute('data-finding-id')).toBe('server.service-down');
    expect(await finding.textContent()).toContain('xl2tpd.service');
    expect(await finding.textContent()).toContain('systemctl start xl2tpd.service');
    await shootPanel(screen.h, `server-log-service-down${lang === 'en' ? '' : `-${lang}`}`, false);
  });

  it("a PPTP client's own firewall (ufw) dropping the server's GRE: the firewall's line leads the GRE finding, with that rule to change", async () => {
    await explain(realLog('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt').toString('utf8'));
    const finding = panel().getByTestId('server-log-finding');
    expect(await finding.getAttribute('data-finding-id')).toBe('vpn.gre-blocked');
    // (the log is the PPTP client's own, log-side.ts logWrittenBy: the firewall is this side's, the GRE it drops the server's answer)
    expect(await finding.textContent()).toContain(lang === 'en' ? "This side's own firewall drops the GRE coming back from the server" : 'De eigen firewall van deze kant houdt de GRE tegen die van de server terugkomt');
    expect(await finding.textContent()).toContain('ufw allow proto gre from');
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(lang === 'en' ? '42 of 42' : '42 van 42');
    await shootPanel(screen.h, `server-log-firewall${lang === 'en' ? '' : `-${lang}`}`, true);
  });

  it("connected, but the server's firewall drops the PC's pings inside the tunnel: a warning finding of its own, with the rule to ask for", async () => {
    await explain(realLog('pppd-pptpd-windows-falmer-session-up-iptables-drops-tunnel-traffic-in-ppp0-pc-hangs-up.txt').toString('utf8'));
    const finding = panel().getByTestId('server-log-finding');
    expect(await finding.getAttribute('data-finding-id')).toBe('server.tunnel-traffic-dropped');
    expect(await finding.textContent()).toContain(lang === 'en' ? "Connected, but the server's firewall drops what the PC sends through the tunnel" : 'Verbonden, maar de firewall van de server gooit weg wat de pc door de tunnel stuurt');
    expect(await finding.textContent()).toContain('-A FORWARD -i ppp+ -j ACCEPT');
    await shootPanel(screen.h, `server-log-tunnel-drop${lang === 'en' ? '' : `-${lang}`}`, true, 1400);
  });

  it("a FortiGate's event record (key=value): decoded by its log id and reason, the proposal finding with the FortiGate's own reason quoted", async () => {
    await explain(realLog('fortios-event-ipsec-phase1-error-peer-sa-proposal-not-match.txt').toString('utf8'));
    const finding = panel().getByTestId('server-log-finding');
    expect(await finding.getAttribute('data-finding-id')).toBe('server.ike-proposal-mismatch');
    expect(await panel().textContent()).toContain('"peer SA proposal not match local policy"');
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain('FortiGate (FortiOS)');
    await shootPanel(screen.h, `server-log-fortigate${lang === 'en' ? '' : `-${lang}`}`, false);
  });

  it("a PC's own output — Test-NetConnection is a network test, Get-NetIPConfiguration PowerShell settings: each in plain words, no list of log formats", async () => {
    await explain(TNC);
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=network-test]').waitFor();
    const verdict = (await panel().getByTestId('server-log-verdict').textContent()) ?? '';
    expect(verdict).toContain(PC_OUTPUT_SAYS[lang].test);
    expect(verdict).toContain(PC_OUTPUT_SAYS[lang].why);
    // (before: "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/xl2tpd/mpd, strongSwan, …)")
    expect(verdict).not.toContain('pppd');
    const violations = serious(await axeViolations(screen.h.page));
    expect(violations, describeViolations(violations)).toEqual([]);
    await shootPanel(screen.h, `server-log-network-test${lang === 'en' ? '' : `-${lang}`}`, true);
    await explain(NETIPCONFIG);
    await screen.h.page.locator('[data-testid=server-log-verdict][data-verdict=powershell-network]').waitFor();
    expect(await panel().getByTestId('server-log-verdict').textContent()).toContain(PC_OUTPUT_SAYS[lang].powershell);
  });
});
