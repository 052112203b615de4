import { describe, expect, it } from 'vitest';
import { readRepoText } from './support/repo-files';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { explainServerLogs } from '../app/core/diagnose/server-log';

/**
 * A firewall's record that it dropped GRE is worded for the side whose firewall it is: on a log that is the dialling side's own (report
 * `writtenBy`, log-side.ts — a PPTP client's ufw beside its pppd) the firewall is that side's and the GRE it drops the server's answer,
 * so the title and advice say "this side's own firewall … allow it there", not "ask that machine's (the server's) administrator"; on
 * a log that does not say whose it is, the wording stays the firewall's that wrote it, wherever it stands.
 */
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const en = engineT('en');
const nl = engineT('nl');
const greFinding = (name: string, language: 'en' | 'nl') => {
  const { findings, serverLogs } = explainServerLogs([parseServerLog(real(name), name)], language === 'en' ? en : nl);
  return { finding: findings.find((f) => f.id === 'vpn.gre-blocked'), writtenBy: serverLogs[0]!.writtenBy };
};

describe("GRE dropped by a client's own firewall (the real client firewall logs)", () => {
  const rows: [string, string | undefined, string, string][] = [
    // NetworkManager's PPTP client: its pppd's LCP time-out and ufw's `[UFW BLOCK]` of the server's GRE in one paste
    ['netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt', 'dialling-side', "This side's own firewall drops the GRE coming back from the server", 'De eigen firewall van deze kant houdt de GRE tegen die van de server terugkomt'],
    // a Czech PPTP client's ufw (month names in Czech), its pppd beside it
    ['netfilter-ufw-block-gre-czech-months-hand-edited-addresses-bbcode.txt', 'dialling-side', "This side's own firewall drops the GRE coming back from the server", 'De eigen firewall van deze kant houdt de GRE tegen die van de server terugkomt'],
    // no line says whose log these are: the firewall that wrote it, wherever it stands (its own advice as before)
    ['netfilter-ufw-block-gre-glued-prefix-lost-blanks-pptp-client-conntrack-helper.txt', undefined, "A firewall drops GRE: PPTP's data never gets through", 'Een firewall houdt GRE tegen: de gegevens van PPTP komen nooit aan'],
    ['filterlog-pfsense-headerless-csv-gre-blocked-on-wan-igmp-ip-option-pass.txt', undefined, 'The pfSense or OPNsense firewall drops GRE', 'De pfSense- of OPNsense-firewall houdt GRE tegen'],
  ];
  it.each(rows)('%s (%s)', (name, whose, enTitle, nlTitle) => {
    const a = greFinding(name, 'en');
    expect(a.writtenBy).toBe(whose);
    expect(a.finding!.title.startsWith(enTitle), a.finding!.title).toBe(true);
    expect(greFinding(name, 'nl').finding!.title.startsWith(nlTitle)).toBe(true);
    if (whose) {
      // (the dialling side's own firewall: allowed there, no server administrator to ask)
      expect(a.finding!.summary).toContain("this machine's own firewall");
      expect(a.finding!.summary).not.toMatch(/Ask (?:that machine's|the server's) administrator/);
    }
  });
});
