import { describe, expect, it } from 'vitest';
import { LOG_FAMILIES } from '../core/parse/server-log/types';
import { LOG_FORMAT_IDS, logFormatsText } from './log-formats';

describe('logFormatsText', () => {
  it('names every family the parser knows (and only those)', () => {
    expect([...LOG_FORMAT_IDS].sort()).toEqual([...LOG_FAMILIES].sort());
  });
  it('says which product wrote the lines and how many, in the order given; one line is singular', () => {
    expect(logFormatsText({ pppd: 12, syslog: 1 }, 'en')).toBe('pppd/pptpd/xl2tpd/mpd 12 lines, other programs 1 line');
    expect(logFormatsText({ ios: 2, rras: 1 }, 'nl')).toBe('Cisco IOS 2 regels, Windows RRAS/NPS 1 regel');
    expect(logFormatsText({ vpn3000: 3 }, 'en')).toBe('Cisco VPN 3000 3 lines');
  });
  it("writes a count in the language's digits: 4,934 lines, 4.934 regels (before: 4934 in both)", () => {
    expect(logFormatsText({ pppd: 4934, syslog: 1 }, 'en')).toBe('pppd/pptpd/xl2tpd/mpd 4,934 lines, other programs 1 line');
    expect(logFormatsText({ pppd: 4934 }, 'nl')).toBe('pppd/pptpd/xl2tpd/mpd 4.934 regels');
  });
  it('shows an id it has no name for as it is', () => {
    expect(logFormatsText({ someday: 4 }, 'en')).toBe('someday 4 lines');
  });
});

describe('the lists of log formats people read', () => {
  // each family by the word a person knows it by (its name here, without the product line's other words)
  const WORDS: Record<string, string> = { pppd: 'pppd', strongswan: 'strongSwan', libreswan: 'Libreswan', rras: 'RRAS', mikrotik: 'MikroTik', ios: 'Cisco IOS', asa: 'ASA', vpn3000: 'VPN 3000', fortigate: 'FortiGate', sonicwall: 'SonicWall', draytek: 'DrayTek', sstp: 'SSTP', softether: 'SoftEther', junos: 'Juniper SRX', sophos: 'Sophos UTM', sfos: 'Sophos Firewall', zyxel: 'Zyxel', racoon: 'racoon' };
  // (the Windows RAS trace is the PC's own trace, and "other programs" no format)
  const NOT_LISTED = new Set(['rasman', 'syslog']);

  it('name every server-log family: a new family is not left out of the CLI help, the not-a-log message and the paste box', async () => {
    const [{ USAGE }, { USAGE_NL }, en, nl, appEn, appNl] = await Promise.all([
      import('../cli/help'),
      import('../cli/help-nl'),
      import('../core/i18n/en.json'),
      import('../core/i18n/nl.json'),
      import('../../renderer/src/locales/en.json'),
      import('../../renderer/src/locales/nl.json'),
    ]);
    const lists = {
      'help en': USAGE['explain-log'],
      'help nl': USAGE_NL['explain-log'],
      'not-a-log en': en.serverLog.verdict['not-a-log'],
      'not-a-log nl': nl.serverLog.verdict['not-a-log'],
      'paste box en': appEn.serverLog.intro,
      'paste box nl': appNl.serverLog.intro,
    };
    for (const id of LOG_FORMAT_IDS.filter((f) => !NOT_LISTED.has(f))) {
      expect(WORDS[id], `the word for ${id}`).toBeDefined();
      for (const [where, text] of Object.entries(lists)) expect(text.replace(/\s+/g, ' '), `${id} in ${where}`).toContain(WORDS[id]);
    }
    // the firewall logs read under "other programs" (families/netfilter-log.ts, filterlog.ts, windows-firewall-log.ts): named too
    for (const [where, text] of Object.entries(lists)) for (const word of ['iptables/ufw/firewalld', 'pfSense/OPNsense', 'Windows Firewall']) expect(text.replace(/\s+/g, ' '), `${word} in ${where}`).toContain(word);
  });
});
