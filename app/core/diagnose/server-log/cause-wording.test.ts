import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import { engineT } from '../../i18n';
import { describeDecoded } from '../../parse/server-log/describe';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/** Texts a server log's findings and statements are worded with, checked as a class (every key, both languages). */

const LANGS = ['en', 'nl'] as const;

describe('a statement with an empty value leaves no blank before a colon', () => {
  // every serverLog.decode / serverLog.step text, rendered with no values: "IKE authentication failed {{id}}: …" without an id
  // once read "IKE authentication failed : …"
  const keys = [...Object.keys(en.serverLog.decode), ...Object.keys(en.serverLog.step).map((k) => `step.${k}`)].filter((k) => typeof (k.startsWith('step.') ? (en.serverLog.step as Record<string, unknown>)[k.slice(5)] : (en.serverLog.decode as Record<string, unknown>)[k]) === 'string');
  for (const lang of LANGS) {
    it(`${lang}: ${keys.length} texts`, () => {
      const t = engineT(lang);
      const bad = keys.filter((key) => /\s:/.test(describeDecoded({ key, values: {} }, t)));
      expect(bad).toEqual([]);
    });
  }

  it('ikeAuthFailed with and without the id', () => {
    const t = engineT('en');
    expect(describeDecoded({ key: 'ikeAuthFailed', values: { id: '' } }, t)).toBe('IKE authentication failed: the pre-shared key or certificate does not match.');
    expect(describeDecoded({ key: 'ikeAuthFailed', values: { id: 'C=NL, CN=pc1' } }, t)).toBe('IKE authentication failed C=NL, CN=pc1: the pre-shared key or certificate does not match.');
    expect(describeDecoded({ key: 'ikeAuthFailed', values: { id: '' } }, engineT('nl'))).toBe('IKE-verificatie mislukt: de vooraf gedeelde sleutel of het certificaat klopt niet.');
  });

  it('a strongSwan AUTHENTICATION_FAILED line (it names no id)', () => {
    const t = engineT('en');
    const log = parseServerLog(
      ['Nov 18 09:12:03 charon: 10[IKE] received AUTHENTICATION_FAILED notify error'].join('\n'),
      'charon.log',
    );
    const text = log.entries.map((e) => e.decoded.map((dd) => describeDecoded(dd, t)).join(' ')).join('\n');
    expect(text).toContain('IKE authentication failed: the pre-shared key');
  });
});

describe('ike-no-mi3: UDP 4500 usually, a pre-shared key mismatch on some servers', () => {
  // a racoon/MikroTik phase-1 time-up without the wrong-key line is the same on the server: its advice names both, the key first
  const mikrotik = '10:00:01 ipsec,info phase1 negotiation failed due to time up 203.0.113.5[500]<=>198.51.100.7[500] 1b2c3d4e5f607182:0000000000000000';
  for (const lang of LANGS) {
    it(lang, () => {
      const t = engineT(lang);
      const { findings } = explainServerLogs([parseServerLog(mikrotik, 'router.log')], t);
      const f = findings.find((x) => x.summary.includes(lang === 'en' ? 'UDP 4500' : 'UDP 4500'));
      expect(f, JSON.stringify(findings.map((x) => x.title))).toBeDefined();
      const psk = lang === 'en' ? 'pre-shared key' : 'vooraf gedeelde sleutel';
      expect(f!.title).toContain(psk);
      expect(f!.summary.indexOf(psk)).toBeGreaterThanOrEqual(0);
      expect(f!.summary.indexOf(psk)).toBeLessThan(f!.summary.indexOf('AssumeUDPEncapsulationContextOnSendRule'));
    });
  }
});

describe('ike-auth-never-came: the other side may be a PC or a remote router', () => {
  // Cisco ASA %ASA-4-750003 of a site-to-site peer: the ASA's other side is a router, not a PC
  const asa = 'Apr  7 13:08:35 asa1 %ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown  IKEv2 Negotiation aborted due to ERROR: Failed to receive the AUTH msg before the timer expired';
  for (const lang of LANGS) {
    it(lang, () => {
      const t = engineT(lang);
      const { findings } = explainServerLogs([parseServerLog(asa, 'asa.log')], t);
      expect(findings.map((f) => f.id)).toEqual(['vpn.server-unreachable']);
      const { title, summary } = findings[0]!;
      expect(title).toContain(lang === 'en' ? "the PC's or a remote router's" : 'de pc of een router op afstand');
      expect(summary).toContain(lang === 'en' ? "the other side's (the PC's or a remote router's) IKE_AUTH" : 'de IKE_AUTH van de andere kant (de pc of een router op afstand)');
      expect(title).not.toMatch(lang === 'en' ? /^The PC's IKE_AUTH/ : /IKE_AUTH van de pc/);
    });
  }
});
