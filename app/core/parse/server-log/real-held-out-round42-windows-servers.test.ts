import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';
import { mediumInText, mediumOfPortType, mediumOfStations } from './families/nps-log';

/**
 * Held-out real logs of Windows servers (NPS, RRAS) as people paste them (round 42, area hJF; test/fixtures/real/server-logs,
 * sources in SOURCES.md), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 1 of 1 line with cause credentials-rejected and the finding "The server rejected the user name or password (error 691 on
  // the PC)", the EAP type shown as "Microsoft:"). A switch's wired 802.1X request (NAS Port-Type Ethernet, the device's MAC as
  // Calling Station Identifier) for a Teradici terminal's certificate, refused with reason 16 — no VPN connection was involved
  'nps-6273-message-indented-wired-8021x-ethernet-switch-reason-16-eap-certificate.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'authentication EAP / Microsoft: Smart Card or other certificate): the user name or password was wrong (NPS reason 16'], [1, 'from a network switch (an 802.1X sign-in on a wired port), not from a VPN server']],
  },
  // (was 4 of 4 lines, each event's line began "Event field TimeCreated." and the event after it). Get-WinEvent's Format-List begins
  // an event with TimeCreated, not its id: the event is now said on that line alone
  'powershell-get-winevent-format-list-timecreated-first-security-4625-password-guessing.txt': {
    records: 4,
    understood: 4,
    families: { rras: 4 },
    causes: [],
    says: [[1, 'Event 4625 from Microsoft-Windows-Security-Auditing.']],
  },
};

describe('real held-out Windows server logs, round 42', () => {
  realServerLogTable(EXPECTED);

  it('the Get-WinEvent list: the first line says the event, not "Event field TimeCreated"', () => {
    const r = parseServerLog(
      'TimeCreated  : 02.11.2021 08:14:02\nProviderName : RemoteAccess\nId           : 20271\nMessage      : {NA}: Der Benutzer FIRMA\\mm hat eine Verbindung von 84.12.33.7 hergestellt.\n',
      'x.txt',
    );
    expect(r.entries[0]!.decoded.map((d) => d.key)).not.toContain('step.eventField');
    // (a German message: its error code is not in the copy — round 44; before, rrasEventAuthFailed with 691 assumed)
    expect(r.entries[0]!.decoded[0]!.key).toBe('rrasEventAuthFailedNoCode');
    expect(r.entries[0]!.peer).toBe('84.12.33.7');
  });
});

describe('the medium of an NPS request (RFC 2865 §5.41, RFC 3580 §3.20/3.21)', () => {
  it('NAS-Port-Type as a number or as NPS names it', () => {
    expect([mediumOfPortType('19'), mediumOfPortType('18'), mediumOfPortType('15'), mediumOfPortType('5'), mediumOfPortType('0')]).toEqual(['wifi', 'wifi', 'wired', undefined, undefined]);
    expect([mediumOfPortType('Wireless - IEEE 802.11'), mediumOfPortType('Ethernet'), mediumOfPortType('Virtual'), mediumOfPortType(undefined)]).toEqual(['wifi', 'wired', undefined, undefined]);
  });
  it('station ids: an access point MAC:SSID, a device MAC; a VPN client an address', () => {
    expect(mediumOfStations('00-3a-98-9c-aa-70:Internal Test network', 'f8-1e-df-e8-84-5a')).toBe('wifi');
    expect(mediumOfStations('-', '5C-F6-DC-11-77-EE')).toBe('lan');
    expect(mediumOfStations('192.168.21.49', '98.196.175.165')).toBeUndefined();
  });
  it('a translated message: by the values, not the labels', () => {
    expect(mediumInText('NAS-Porttyp: Wireless - IEEE 802.11 NAS-Port: 0')).toBe('wifi');
    expect(mediumInText('ID der anrufenden Station: B8-E8-56-A8-D4-D9 ID der angerufenen Station: -')).toBe('lan');
    expect(mediumInText('ID der angerufenen Station: 00-19-92-0C-E4-E9:NISD_Testing')).toBe('wifi');
    expect(mediumInText('ID der anrufenden Station: 84.12.33.7 NAS-Porttyp: Virtuell')).toBeUndefined();
  });

  const de6273 = (nas: string, calling: string): string =>
    [
      'Protokollname: Security',
      'Quelle:        Microsoft-Windows-Security-Auditing',
      'Datum:         14.03.2019 09:12:44',
      'Ereignis-ID:   6273',
      'Beschreibung:',
      'Der Netzwerkrichtlinienserver hat einem Benutzer den Zugriff verweigert.',
      'Benutzer:',
      '	Kontoname:			FIRMA\\mm',
      'Clientcomputer:',
      `	ID der anrufenden Station:		${calling}`,
      'NAS:',
      `	NAS-Porttyp:			${nas}`,
      '	NAS-Port:			12',
      'Authentifizierungsdetails:',
      '	Authentifizierungstyp:		MS-CHAPv2',
      '	Ursachencode:			16',
      '	Ursache:			Fehler bei der Authentifizierung.',
    ].join('\n');

  it('a German 6273 of a Wi-Fi access point: no VPN cause, said why', () => {
    const e = parseServerLog(de6273('Wireless - IEEE 802.11', 'B8-E8-56-A8-D4-D9'), 'x.txt').entries[0]!;
    expect(e.cause).toBeUndefined();
    expect(e.code).toBeUndefined();
    expect(e.decoded.map((d) => d.key)).toContain('npsMediumWifi');
  });
  it("a German 6273 of a VPN server (the PC's address, Virtual): credentials-rejected as before", () => {
    const e = parseServerLog(de6273('Virtual', '84.12.33.7'), 'x.txt').entries[0]!;
    expect([e.cause, e.code]).toEqual(['credentials-rejected', 691]);
    expect(e.decoded.map((d) => d.key)).not.toContain('npsMediumWifi');
  });
  it('an event XML with NASPortType Ethernet: the wired medium, whatever the message', () => {
    const xml =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' /><EventID>6273</EventID></System><EventData><Data Name='SubjectUserName'>bob</Data><Data Name='CallingStationID'>-</Data><Data Name='NASPortType'>Ethernet</Data><Data Name='ReasonCode'>16</Data></EventData></Event>";
    const e = parseServerLog(xml, 'x.txt').entries[0]!;
    expect(e.cause).toBeUndefined();
    expect(e.decoded.map((d) => d.key)).toContain('npsMediumWired');
  });
  it("a DTS reject: the medium of its request, by the Class NPS echoes; another Class's reject keeps its cause", () => {
    const req = (klass: string, port: string): string =>
      `<Event><Timestamp data_type="4">05/19/2014 15:21:44.008</Timestamp><User-Name data_type="1">bob</User-Name><NAS-Port-Type data_type="0">${port}</NAS-Port-Type><Class data_type="1">${klass}</Class><Packet-Type data_type="0">1</Packet-Type><Reason-Code data_type="0">0</Reason-Code></Event>`;
    const rej = (klass: string): string =>
      `<Event><Timestamp data_type="4">05/19/2014 15:21:44.008</Timestamp><Class data_type="1">${klass}</Class><Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">16</Reason-Code></Event>`;
    const r = parseServerLog([req('311 1 10.1.2.42 05/16/2014 02:17:48 7', '19'), rej('311 1 10.1.2.42 05/16/2014 02:17:48 7'), req('311 1 10.1.2.42 05/16/2014 02:17:48 8', '5'), rej('311 1 10.1.2.42 05/16/2014 02:17:48 8')].join('\n'), 'x.txt');
    expect(r.entries.map((e) => e.cause)).toEqual([undefined, undefined, undefined, 'credentials-rejected']);
    expect(r.entries[1]!.decoded.map((d) => d.key)).toContain('npsMediumWifi');
  });
  it('an IAS-format reject with NAS-Port-Type 19 (attribute 61): the Wi-Fi medium', () => {
    const e = parseServerLog('10.10.10.1,bob,05/19/2014,15:21:44,IAS,NPS1,61,19,4136,3,4142,16', 'x.txt').entries[0]!;
    expect(e.cause).toBeUndefined();
    expect(e.decoded.map((d) => d.key)).toContain('npsMediumWifi');
  });
});
