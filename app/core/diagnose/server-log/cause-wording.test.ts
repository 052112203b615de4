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

describe("ike-no-mi3's per-line sentences name both likely causes, as the finding does", () => {
  // MikroTik's racoon time-up and Libreswan's MAIN_R2 give-up: a blocked UDP 500/4500 and a differing pre-shared key look the same
  // on the server (it cannot read the next message and keeps waiting); the line's sentence must not name the port alone. (Libreswan's
  // sentence names the key as unlikely: pluto logs a key it cannot decrypt MI3 with on a line of its own, ikev1.c "probable
  // authentication failure (mismatch of preshared secrets?)" — cause-wording.ts; still both are named)
  const lines = {
    mikrotik: '10:00:01 ipsec,info phase1 negotiation failed due to time up 203.0.113.5[500]<=>198.51.100.7[500] 1b2c3d4e5f607182:0000000000000000',
    libreswan: 'Mar 16 18:41:52 vm pluto[1614]: "l2tp-psk"[1] 109.252.69.155 #1: max number of retransmissions (2) reached STATE_MAIN_R2',
    // ipsec-tools' own racoon (families/racoon.ts), the same time-up as RouterOS's
    racoon: 'Mar 16 18:41:52 fw racoon: ERROR: phase1 negotiation failed due to time up 203.0.113.5[500]<=>198.51.100.7[500] 1b2c3d4e5f607182:0000000000000000',
  };
  for (const lang of LANGS) {
    for (const [family, line] of Object.entries(lines)) {
      it(`${lang}: ${family}`, () => {
        const t = engineT(lang);
        const e = parseServerLog(line, 'server.log').entries.find((x) => x.cause === 'ike-no-mi3');
        expect(e, family).toBeDefined();
        const said = e!.decoded.map((dd) => describeDecoded(dd, t)).join(' ');
        expect(said).toContain('UDP 500/4500');
        expect(said).toContain(lang === 'en' ? 'pre-shared key' : 'vooraf gedeelde sleutel');
        // plain words before the protocol's: the sentence opens with the IPsec set-up, not "IKE phase 1" / "Main Mode"
        expect(said).toMatch(lang === 'en' ? /^The IPsec set-up|^STATE_MAIN_R2/ : /^Het opzetten van IPsec|^STATE_MAIN_R2/);
      });
    }
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

describe('NPS certificate reason codes: the certificate, not the password', () => {
  // the Authentication Details part of an NPS 6273 event (as the real nps-6273-authentication-details-only-reason-16-peap.txt)
  const details = (reason: number) =>
    ['Authentication Details:', 'Network Policy Name: VPN Users', 'Authentication Type: EAP', 'EAP Type: Microsoft: Smart Card or other certificate', `Reason Code: ${reason}`].join('\n');
  // a DTS (XML) log record: an Access-Reject with its reason code
  const dts = (reason: number) =>
    `<Event><Timestamp data_type="4">05/19/2014 15:21:44.008</Timestamp><Computer-Name data_type="1">NPS1</Computer-Name><Event-Source data_type="1">IAS</Event-Source><User-Name data_type="1">anna</User-Name><Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">${reason}</Reason-Code></Event>`;
  // Microsoft Learn dd197582 (258–282) and Microsoft's 73, 256/257 and 283–300 descriptions: each a certificate or its CRL
  const CERTIFICATE = [73, 256, 257, 258, 259, 265, 267, 268, 272, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 300];
  for (const lang of LANGS) {
    it(`${lang}: every certificate reason gives the certificate finding (event details and DTS log)`, () => {
      const t = engineT(lang);
      for (const reason of CERTIFICATE) {
        for (const text of [details(reason), dts(reason)]) {
          const log = parseServerLog(text, 'nps.log');
          expect(log.entries.map((e) => e.cause).filter(Boolean), `${reason}: ${text.slice(0, 40)}`).toEqual(['certificate-rejected']);
          const { findings } = explainServerLogs([log], t);
          expect(findings.map((f) => f.id)).toEqual(['vpn.auth-mismatch']);
          expect(findings[0]!.title).toContain(lang === 'en' ? 'certificate' : 'certificaat');
          expect(findings[0]!.summary).toContain(lang === 'en' ? 'the password is not the problem' : 'het wachtwoord is niet het probleem');
        }
      }
    });
  }

  it('a reason that is not a certificate keeps its own reading (263 incomplete credentials: no certificate finding)', () => {
    const log = parseServerLog(details(263), 'nps.log');
    expect(log.entries.some((e) => e.cause === 'certificate-rejected')).toBe(false);
  });

  it('NPS that cannot reach its directory (261) or the RADIUS server it forwards to (116, 117): no password was checked', () => {
    for (const reason of [261, 116, 117]) {
      for (const text of [details(reason), dts(reason)]) {
        expect(parseServerLog(text, 'nps.log').entries.map((e) => e.cause), `${reason}`).toEqual(['radius-unreachable']);
      }
    }
  });
});

describe("MikroTik: the router's own dial-out interfaces are worded as the client side", () => {
  // `<protocol>-out<n>` is RouterOS's own client (it dials a server): its `peer is not responding` is the server gone silent,
  // not the PC; a server session `<l2tp-anna>` is a PC's
  const line = (who: string) => `10:31:06 l2tp,ppp,info ${who}: terminating... - peer is not responding`;
  const said = (text: string, lang: 'en' | 'nl') => {
    const t = engineT(lang);
    return parseServerLog(text, 'router.log').entries.map((e) => e.decoded.map((dd) => describeDecoded(dd, t)).join(' ')).join('\n');
  };
  for (const iface of ['pptp-out1', 'l2tp-out1', 'sstp-out1', 'ovpn-out1']) {
    it(iface, () => {
      expect(said(line(iface), 'en')).toContain(`its own VPN connection on ${iface}: the server it dials stopped answering`);
      expect(said(line(iface), 'en')).not.toMatch(/\bthe PC\b/);
      expect(said(line(iface), 'nl')).toContain(`zijn eigen VPN-verbinding op ${iface}: de server die hij belt`);
    });
  }
  it('a server session names the PC', () => {
    expect(said(line('<l2tp-anna>'), 'en')).toContain('the PC stopped answering its keepalives');
  });
  it('pppoe-out1 is the router\'s own PPPoE (internet) line, not a VPN', () => {
    const log = ['10:31:06 pppoe,ppp,info pppoe-out1: terminating... - peer is not responding', '10:31:07 pppoe,ppp,info pppoe-out1: terminating... - authentication failed', '10:31:00 pppoe,ppp,info pppoe-out1: connecting...'].join('\n');
    for (const lang of LANGS) {
      const text = said(log, lang);
      expect(text).toContain(lang === 'en' ? 'its own PPPoE connection on pppoe-out1' : 'zijn eigen PPPoE-verbinding op pppoe-out1');
      expect(text).toContain(lang === 'en' ? "The provider's PPPoE server refused the router's own log-in" : 'De PPPoE-server van de provider weigerde');
      expect(text).not.toMatch(/VPN connection on|VPN-verbinding op|VPN client|VPN-client/);
    }
  });
});

describe("a refusal for the account's state (646–649, 709) is not worded as a wrong password", () => {
  // NPS reasons 37 logon hours → 646, 34 disabled → 647, 33 must change the password → 648, 65 no dial-in permission → 649, 17 → 709
  const details = (reason: number) => ['Authentication Details:', 'Authentication Type: MS-CHAPv2', `Reason Code: ${reason}`].join('\n');
  const CASES: [number, number, string, string][] = [
    [37, 646, 'logon hours', 'aanmeldingstijden'],
    [34, 647, 'disabled or expired', 'uitgeschakeld of verlopen'],
    [33, 648, 'The password has expired', 'Het wachtwoord is verlopen'],
    [65, 649, 'may not dial in', 'mag niet inbellen'],
    [17, 709, 'Changing the password', 'Het wijzigen van het wachtwoord'],
  ];
  for (const lang of LANGS) {
    it(lang, () => {
      const t = engineT(lang);
      for (const [reason, code, en, nl] of CASES) {
        const { findings } = explainServerLogs([parseServerLog(details(reason), 'nps.log')], t);
        expect(findings.map((f) => f.id), `${reason}`).toEqual(['events.ras-error']);
        expect(findings[0]!.title, `${reason}`).toContain(lang === 'en' ? en : nl);
        expect(findings[0]!.title, `${reason}`).toContain(String(code));
        expect(findings[0]!.summary, `${reason}`).not.toMatch(lang === 'en' ? /re-enter the user name/ : /voer de gebruikersnaam/);
      }
    });
  }
});
