import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpusBytes } from '../../../../test/corpus';
import { decodeCaptureBytes } from '../../capture/decode';
import { serverLogReport, verdictMessage } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { parseServerLog } from './index';

/**
 * The other files of a PC's capture pasted or dropped into the server-log box (round 43, found by hKF): TunnelMedic's own
 * capture.json and report, systeminfo, a rasphone.pbk phonebook, reg query output and .reg files, netsh's interface list. Before,
 * each was "No line of this text is in a server log format TunnelMedic knows (pppd/pptpd/…)" — or, where one line looked like a
 * format (a phonebook's 176 lines, systeminfo's "Registered Owner"), a log of 0 (or 2) of N lines understood. Judged by structure
 * (inspect.ts), in any language.
 */

const verdictOf = (folder: string, file: string) => parseServerLog(decodeCaptureBytes(readCorpusBytes(folder, file)).text, file).verdict;

describe.skipIf(!corpusAvailable)('every real file of these kinds in the shared corpus, read in place', () => {
  it.each(corpusFiles('pbk'))('pbk/%s is a phonebook', (file) => expect(verdictOf('pbk', file)).toBe('phonebook'));
  it.each(corpusFiles('reg-query'))('reg-query/%s is the registry', (file) => expect(verdictOf('reg-query', file)).toBe('registry'));
  it.each(corpusFiles('systeminfo-ver'))('systeminfo-ver/%s is systeminfo (English, Russian, Chinese labels)', (file) => expect(verdictOf('systeminfo-ver', file)).toBe('systeminfo'));
  it.each(['win10-en-netsh-ipv4-show-interfaces-wsl-partial.txt', 'win7-en-netsh-int-ip-show-interfaces-anyconnect.txt'])('netsh/%s is the interface list', (file) => expect(verdictOf('netsh', file)).toBe('netsh-interfaces'));
});

// samples/demo/capture.json (DESIGN.md "Capture directory")
const CAPTURE_JSON = ['{', '  "schemaVersion": 1,', '  "collectedAt": "2026-11-20T09:14:02Z",', '  "tool": "tunnelmedic demo",', '  "codepage": 850,', '  "hostname": "LAPTOP-DEMO"', '}'].join('\n');

describe("TunnelMedic's own files", () => {
  it('capture.json, pretty or on one line, and a report (--json), pretty or minified', () => {
    expect(parseServerLog(CAPTURE_JSON).verdict).toBe('tunnelmedic-capture');
    expect(parseServerLog('{"schemaVersion":1,"collectedAt":"2026-11-20T09:14:02Z","codepage":850}').verdict).toBe('tunnelmedic-capture');
    const report = { schemaVersion: 1, tool: { name: 'tunnelmedic', version: '0.1.0' }, generatedAt: '2026-11-20T09:14:02Z', source: 'capture', findings: [] };
    expect(parseServerLog(JSON.stringify(report, null, 2)).verdict).toBe('tunnelmedic-report');
    expect(parseServerLog(JSON.stringify(report)).verdict).toBe('tunnelmedic-report');
  });

  it('a JSON without TunnelMedic keys is no TunnelMedic file', () => {
    expect(parseServerLog('{\n  "schemaVersion": 1,\n  "rules": []\n}').verdict).toBe('not-a-log');
    expect(parseServerLog('{\n  "collectedAt": "2026-11-20T09:14:02Z"\n}').verdict).toBe('not-a-log');
  });

  it('says what it is and where it goes, in en and nl (no list of log formats)', () => {
    for (const [lang, words] of [['en', "This is TunnelMedic's own capture.json"], ['nl', 'Dit is het eigen capture.json van TunnelMedic']] as const) {
      const message = verdictMessage(parseServerLog(CAPTURE_JSON), engineT(lang));
      expect(message).toContain(words);
      expect(message).toContain('--capture');
      expect(message).not.toContain('pppd');
    }
  });
});

describe('the shapes, by structure, and their near misses', () => {
  it('systeminfo in any language: label, colon, blanks to the value; lists as indented [01] rows', () => {
    const de = ['Hostname:                                  PC-01', 'Betriebssystemname:                        Microsoft Windows 10 Pro', 'Betriebssystemversion:                     10.0.19045 Nicht zutreffend Build 19045', 'Prozessor(en):                             1 Prozessor(en) installiert.', '                                           [01]: Intel64 Family 6 Model 142 Stepping 10 GenuineIntel ~1803 MHz', 'BIOS-Version:                              LENOVO N23ET87W (1.62 ), 07.01.2022'];
    expect(parseServerLog(de.join('\n')).verdict).toBe('systeminfo');
    // without a list row: labels and values are no systeminfo yet
    expect(parseServerLog(de.filter((l) => !l.includes('[01]')).join('\n')).verdict).toBe('not-a-log');
  });

  it('a phonebook: an [entry] and the phonebook keys; an INI file of other keys is not one', () => {
    expect(parseServerLog(['[Corp VPN]', 'Encoding=1', 'PBVersion=8', 'Type=2', 'MEDIA=rastapi', 'DEVICE=vpn'].join('\n')).verdict).toBe('phonebook');
    expect(parseServerLog(['[general]', 'color=blue', 'size=3', 'mode=fast'].join('\n')).verdict).toBe('not-a-log');
  });

  it('reg query values and a .reg export; one key path alone is not enough', () => {
    expect(parseServerLog(['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters', '    ProhibitIpSec    REG_DWORD    0x0'].join('\n')).verdict).toBe('registry');
    expect(parseServerLog(['REGEDIT4', '', '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent]', '"AssumeUDPEncapsulationContextOnSendRule"=dword:00000002'].join('\n')).verdict).toBe('registry');
    expect(parseServerLog('see HKEY_LOCAL_MACHINE\\SYSTEM for the VPN\nTicket 4711\n').verdict).toBe('not-a-log');
  });

  it('netsh interface ipv4 show interfaces: the dashed rule and index/metric/MTU rows', () => {
    const netsh = ['Idx     Met         MTU          State                Name', '---  ----------  ----------  ------------  ---------------------------', '  1          75  4294967295  connected     Loopback Pseudo-Interface 1', ' 12          50        1500  connected     Wi-Fi'];
    expect(parseServerLog(netsh.join('\n')).verdict).toBe('netsh-interfaces');
    expect(parseServerLog(netsh.slice(2).join('\n')).verdict).toBe('not-a-log');
  });

  it('a server log that quotes such a shape stays a log', () => {
    const pppd = ['Jul 10 18:41:12 vpn pppd[311]: local  IP address 10.8.0.1', 'Jul 10 18:41:12 vpn pppd[311]: remote IP address 10.8.0.2', '[Corp VPN]', 'Encoding=1', 'PBVersion=8', 'Type=2'];
    expect(parseServerLog(pppd.join('\n')).verdict).toBe('ok');
  });
});

describe("counts in the language's digits", () => {
  it('"4,934 of 4,934" in English, "4.934 van 4.934" in Dutch (before: 4934 in both)', () => {
    const log = Array.from({ length: 1234 }, (_, i) => `Jul 10 18:41:${String(i % 60).padStart(2, '0')} vpn pppd[311]: local  IP address 10.8.0.1`).join('\n');
    const r = parseServerLog(log);
    expect(verdictMessage(r, engineT('en'))).toBe('1,234 of 1,234 log lines understood.');
    expect(verdictMessage(r, engineT('nl'))).toBe('1.234 van 1.234 logregels begrepen.');
    expect(serverLogReport(r, engineT('nl')).message).toBe('1.234 van 1.234 logregels begrepen.');
  });
});
