import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * Advice worded for who reads it and for what the log can show: real logs (test/fixtures/real/server-logs, SOURCES.md), each
 * class in both languages.
 */

const LANGS = ['en', 'nl'] as const;
const explain = (file: string, lang: (typeof LANGS)[number]) => explainServerLogs([parseServerLog(readRepoText(`test/fixtures/real/server-logs/${file}`), file)], engineT(lang));
const PSK = { en: 'pre-shared key', nl: 'vooraf gedeelde sleutel' } as const;

describe('pluto stuck in STATE_MAIN_R2 (MI3 never came): the path first, not a wrong pre-shared key, which pluto logs apart', () => {
  // Libreswan / Openswan write a differing key as its own line ("probable authentication failure (mismatch of preshared secrets?)",
  // ikev1.c): retransmitting MR2 alone is MI3 not arriving — UDP 4500 / NAT-T (a Windows PC's 809, AssumeUDPEncapsulationContextOnSendRule)
  const ROWS = [
    // a Windows 10 PC against hwdsl2's Libreswan (XAUTH PSK), MR2 retransmitted seven times
    'pluto-xauth-psk-windows-10-main-r2-retransmits-masked-stars-no-mi3.txt',
  ];
  for (const lang of LANGS) {
    for (const file of ROWS) {
      it(`${lang}: ${file}`, () => {
        const f = explain(file, lang).findings.find((x) => x.id === 'vpn.server-unreachable');
        expect(f, file).toBeDefined();
        expect(f!.title).not.toContain(PSK[lang]);
        expect(f!.title).toContain('UDP 4500');
        const advice = f!.parts!.filter((p) => p.kind === 'advice').map((p) => p.text).join(' ');
        // the NAT-T setting and the ports come before any word about the key, which is said to be unlikely
        expect(advice).toContain('AssumeUDPEncapsulationContextOnSendRule');
        expect(advice).toContain('809');
        const key = advice.indexOf(PSK[lang]);
        expect(key === -1 || key > advice.indexOf('AssumeUDPEncapsulationContextOnSendRule')).toBe(true);
        expect(advice).not.toMatch(lang === 'en' ? /first check the pre-shared key/ : /controleer eerst de vooraf gedeelde sleutel/);
      });
    }
  }

  it('the wrong key pluto logs on its own line stays the key finding', () => {
    const { findings } = explain('pluto-docker-l2tp-psk-mismatch-malformed-id-payload.txt', 'en');
    expect(findings.map((f) => f.id)).toEqual(['server.ike-auth-failed']);
  });
});

describe("a catalogue RAS error in a router's own log is worded for the two routers, not the PC's catalogue advice", () => {
  // an RRAS server's demand-dial call (RemoteAccess 20111, role site): the catalogue's causes and remedies speak of a PC's
  // connection profile and Device Manager; the router's reader gets the two routers' advice by the code's category
  const getEventLog = (code: number) =>
    [
      'Index              : 1234',
      'EntryType          : Error',
      'EventID            : 20111',
      'Message            : A demand-dial connection to the remote interface Branch on port VPN2-1 was successfully initiated but failed to complete successfully because of the following error: x',
      'Source             : RemoteAccess',
      'ReplacementStrings : {Branch, VPN2-1, x}',
      `Data               : {${code & 255}, ${(code >> 8) & 255}, 0, 0}`,
      'TimeGenerated      : 5/19/2014 3:21:44 PM',
      '',
    ].join('\n');
  const catalogueSays = (code: number, lang: (typeof LANGS)[number]) => {
    const t = engineT(lang);
    return [t(`rasErrors.codes.${code}.causes`), t(`rasErrors.codes.${code}.tryThis`)];
  };
  const NOT_PC = { en: 'nothing on a PC fixes it', nl: 'niets op een pc lost het op' } as const;
  for (const lang of LANGS) {
    it(`${lang}: the real NT 4.0 KB 183382 event (651, the modem or WAN Miniport)`, () => {
      const { findings } = explain('rras-nt4-kb183382-router-20111-demand-dial-modem-reported-an-error.txt', lang);
      expect(findings.map((f) => f.id)).toEqual(['events.ras-error']);
      const advice = findings[0]!.parts!.filter((p) => p.kind === 'advice').map((p) => p.text);
      expect(advice.join(' ')).toContain(NOT_PC[lang]);
      for (const said of catalogueSays(651, lang)) expect(advice).not.toContain(said);
      expect(findings[0]!.summary).not.toMatch(lang === 'en' ? /Device Manager/ : /Apparaatbeheer/);
    });
    it(`${lang}: every catalogue code a demand-dial call reports as a RAS error (Get-EventLog's data)`, () => {
      const t = engineT(lang);
      let checked = 0;
      for (const code of [651, 678, 732, 733, 735, 766, 781, 787, 792, 800, 809, 868, 619, 628, 718, 721, 806, 812, 13806, 13868, 777]) {
        const log = parseServerLog(getEventLog(code), 'events.txt');
        const { findings } = explainServerLogs([log], t);
        const f = findings.find((x) => x.id !== undefined && x.title.includes(String(code)));
        if (!f || log.entries.find((e) => e.code === code)?.cause !== 'ras-error') continue;
        checked++;
        const advice = f.parts!.filter((p) => p.kind === 'advice').map((p) => p.text);
        expect(advice.join(' '), `${code}`).toContain(NOT_PC[lang]);
        if (code !== 777) for (const said of catalogueSays(code, lang)) expect(advice, `${code}`).not.toContain(said);
      }
      expect(checked).toBeGreaterThanOrEqual(15);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a demand-dial call's 738 (no address), 741 and 742 (encryption) name the two routers, not the PC's settings`, () => {
      const t = engineT(lang);
      for (const [code, cause] of [[738, 'address-pool'], [741, 'server-refused-encryption'], [742, 'pc-refused-encryption']] as const) {
        const log = parseServerLog(getEventLog(code), 'events.txt');
        expect(log.entries.find((e) => e.code === code)?.cause, `${code}`).toBe(cause);
        const [f] = explainServerLogs([log], t).findings;
        expect(f!.summary, `${code}`).toContain(NOT_PC[lang]);
        expect(f!.summary, `${code}`).not.toContain(t(`serverLog.cause.${cause}.pc`));
        expect(f!.title, `${code}`).toBe(t(`serverLog.causeAsSite.${cause}.title`, { code }));
      }
    });
  }

  it("a PC's own catalogue error keeps the catalogue's advice (RasClient 20227 on the PC)", () => {
    const pc = getEventLog(651).replace('20111', '20227').replace('RemoteAccess', 'RasClient').replace('{Branch, VPN2-1, x}', '{{CoId}, anna, Office VPN, 651}');
    const { findings } = explainServerLogs([parseServerLog(pc, 'events.txt')], engineT('en'));
    const advice = findings.flatMap((f) => f.parts!.map((p) => p.text));
    expect(advice).toContain(catalogueSays(651, 'en')[1]);
  });
});

describe("a RasClient 20227 of the RRAS server's own demand-dial call takes the site role (its interface named by a demand-dial event)", () => {
  // the shape of Microsoft Learn's Azure site-to-site RRAS troubleshooting output (Get-EventLog, Format-List): the RemoteAccess
  // 20111 of the demand-dial interface and the RasClient 20227 "The user SYSTEM dialed a connection named …" of the same call
  const event = (id: number, source: string, repl: string, message: string, data = '{}') =>
    [`EventID            : ${id}`, 'MachineName        : gw1', `Data               : ${data}`, 'EntryType          : Error', `Message            : ${message}`, `Source             : ${source}`, `ReplacementStrings : ${repl}`, `InstanceId         : ${id}`, 'TimeGenerated      : 3/18/2016 1:26:02 PM', ''].join('\n');
  const demandDial = (name: string) =>
    event(20111, 'RemoteAccess', `{{00000000-0000-0000-0000-000000000000}, ${name}, VPN2-4, x}`, `RoutingDomainID- {00000000-0000-0000-0000-000000000000}: A Demand Dial connection to the remote interface ${name} on port VPN2-4 was successfully initiated but failed to complete successfully because of the following error: x`, '{41, 3, 0, 0}');
  const demandDialText = (name: string) => `Event ID: 20111\nSource: RemoteAccess\nDescription: A Demand Dial connection to the remote interface ${name} on port VPN2-4 was successfully initiated but failed to complete successfully because of the following error: The remote computer did not respond.\n`;
  const rasClient = (name: string, code: number) =>
    event(20227, 'RasClient', `{{B4000371-A67F-452F-AA4C-3125AA9CFC78}, SYSTEM, ${name}, ${code}}`, `CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named ${name} which has failed. The error code returned on failure is ${code}.`);
  const ROWS: [string, string, boolean][] = [
    ['20111 first, then the 20227 (13801)', demandDial('AzureGateway') + '\n' + rasClient('AzureGateway', 13801), true],
    ['the 20227 first (the Application log pasted before the System log)', rasClient('AzureGateway', 13801) + '\n' + demandDial('AzureGateway'), true],
    ['a 20111 pasted as Event Viewer text', demandDialText('AzureGateway') + '\n' + rasClient('AzureGateway', 13801), true],
    ['another connection: a PC-style 20227 stays the PC\'s', demandDial('AzureGateway') + '\n' + rasClient('Office VPN', 13801), false],
  ];
  for (const lang of LANGS) {
    for (const [name, text, site] of ROWS) {
      it(`${lang}: ${name}`, () => {
        const log = parseServerLog(text, 'events.txt');
        const call = log.entries.find((e) => e.decoded.some((dd) => dd.key === 'rasClientFailed'));
        expect(call, name).toBeDefined();
        expect(call!.decoded.some((dd) => dd.values?.role === 'site')).toBe(site);
        const f = explainServerLogs([log], engineT(lang)).findings.find((x) => x.id === 'server.ike-auth-failed');
        expect(f).toBeDefined();
        if (site) expect(f!.summary).not.toMatch(lang === 'en' ? /On the PC/ : /Op de pc/);
      });
    }
  }
});

describe("strongSwan: a later refusal's configured-proposals line words the finding when the first refusal has none", () => {
  // the real log's first `received proposals inacceptable` (line 1) comes without `configured proposals`; its third (line 13) with
  // AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024, which Windows' connection can be set to (windows-ike-settings.ts)
  const file = 'charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt';
  for (const lang of LANGS) {
    it(lang, () => {
      const t = engineT(lang);
      const [f] = explain(file, lang).findings.filter((x) => x.id === 'server.ike-proposal-mismatch');
      expect(f).toBeDefined();
      expect(f!.title).toBe(t('serverLog.cause.ikeNoProposal.windowsIkeSetting.title', { code: '' }));
      expect(f!.summary).toContain('-EncryptionMethod AES256 -IntegrityCheckMethod SHA196 -DHGroup Group2');
      expect(f!.parts!.filter((p) => p.kind === 'advice').map((p) => p.text)).toContain(t('serverLog.cause.ikeNoProposal.windowsIkeSetting.pc'));
      // the evidence still starts at the first refusal
      expect(f!.evidence[0]!.line).toBe(1);
    });
  }
});
