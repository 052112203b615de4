import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { EVENT_BLOCK_START, startsEventBlock } from './families/windows-event-block';
import { parseServerLog } from './index';

/**
 * A Windows event pasted whole into the server-log box (families/windows-event-block.ts): Event
 * Viewer's "Copy details as text", wevtutil text, or the XML alone — one record per event, read by
 * its id and data. The events here follow Microsoft Learn's documented templates (Event ID 6273 —
 * NPS Authentication Status; RemoteAccess 20271/20255 insertion strings); the real paste is
 * test/fixtures/real/server-logs/nps-eventviewer-4402-…txt (server-log.real.test.ts).
 */

const t = engineT('en');
const nl = engineT('nl');

const header = (id: number, source: string, log = 'Security', label = 'Log Name') =>
  [`${label}:      ${log}`, `Source:        ${source}`, 'Date:          2/13/2023 9:41:07 AM', `Event ID:      ${id}`, 'Task Category: Network Policy Server', 'Level:         Information', 'Keywords:      Audit Failure', 'User:          N/A', 'Computer:      NPS1.corp.example.net', 'Description:'];

const NPS_6273_TEXT = [
  ...header(6273, 'Microsoft-Windows-Security-Auditing'),
  'Network Policy Server denied access to a user.',
  '',
  'Contact the Network Policy Server administrator for more information.',
  '',
  'User:',
  '\tSecurity ID:\t\t\tCORP\\alice',
  '\tAccount Name:\t\t\talice',
  '\tAccount Domain:\t\t\tCORP',
  '\tFully Qualified Account Name:\tCORP\\alice',
  '',
  'Client Machine:',
  '\tSecurity ID:\t\t\tNULL SID',
  '\tAccount Name:\t\t\t-',
  '\tCalling Station Identifier:\t\t198.51.100.7',
  '',
  'Authentication Details:',
  '\tAuthentication Type:\t\tMS-CHAPv2',
  '\tEAP Type:\t\t\t-',
  '\tAccount Session Identifier:\t\t-',
  '\tReason Code:\t\t\t16',
  '\tReason:\t\t\t\tAuthentication failed due to a user credentials mismatch. Either the user name provided does not map to an existing user account or the password was incorrect.',
].join('\r\n');

const xmlEvent = (id: number, provider: string, data: string) =>
  [`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">`, '  <System>', `    <Provider Name="${provider}" />`, `    <EventID>${id}</EventID>`, '    <TimeCreated SystemTime="2023-02-13T08:41:07.1234567Z" />', '  </System>', '  <EventData>', data, '  </EventData>', '</Event>'].join('\n');

describe('a pasted Windows event is one record, read by its id and data', () => {
  it('NPS 6273 in Event Viewer text (tabs, blank lines): reason code 16 → user name or password (691), user and the PC address', () => {
    const r = parseServerLog(NPS_6273_TEXT);
    expect([r.records, r.understood, r.unknown]).toEqual([1, 1, 0]);
    const e = r.entries[0]!;
    expect([e.line, e.endLine, e.cause, e.code, e.user, e.peer]).toEqual([1, 31, 'credentials-rejected', 691, 'CORP\\alice', '198.51.100.7']);
    expect(e.time).toEqual({ year: 2023, month: 2, day: 13, hour: 9, minute: 41, second: 7 });
    expect(describeEntry(e, t)).toBe('NPS denied access to CORP\\alice (event 6273, authentication MS-CHAPv2): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE).');
    expect(describeEntry(e, nl)).toBe('NPS weigerde CORP\\alice toegang (gebeurtenis 6273, verificatie MS-CHAPv2): de gebruikersnaam of het wachtwoord klopte niet (NPS-redencode 16, IAS_AUTH_FAILURE).');
  });

  it('the XML alone decides by its named data, whatever the labels say: reason 48 (no network policy) → error 812', () => {
    const r = parseServerLog(xmlEvent(6273, 'Microsoft-Windows-Security-Auditing', ['<Data Name="SubjectUserName">bob</Data>', '<Data Name="FullyQualifiedSubjectUserName">CORP\\bob</Data>', '<Data Name="CallingStationID">203.0.113.9</Data>', '<Data Name="AuthenticationType">EAP</Data>', '<Data Name="EAPType">Microsoft: Smart Card or other certificate</Data>', '<Data Name="ReasonCode">48</Data>'].join('\n')));
    const e = r.entries[0]!;
    expect([r.records, e.cause, e.code, e.user, e.peer]).toEqual([1, 'ras-error', 812, 'CORP\\bob', '203.0.113.9']);
    expect(e.time).toEqual({ year: 2023, month: 2, day: 13, hour: 8, minute: 41, second: 7 });
  });

  it('a German Event Viewer header with its XML: the block is found by its first label, the XML decides', () => {
    const text = [...header(6273, 'Microsoft-Windows-Security-Auditing', 'Sicherheit', 'Protokollname'), 'Der Netzwerkrichtlinienserver hat einem Benutzer den Zugriff verweigert.', 'Event Xml:', xmlEvent(6273, 'Microsoft-Windows-Security-Auditing', '<Data Name="ReasonCode">65</Data><Data Name="SubjectUserName">carol</Data>')].join('\n');
    const e = parseServerLog(text).entries[0]!;
    expect([e.cause, e.code, e.user]).toEqual(['credentials-rejected', 649, 'carol']);
  });

  it('NPS 6272 is a success; 6274 a discarded request; an unknown event is named by id and source', () => {
    const granted = parseServerLog(xmlEvent(6272, 'Microsoft-Windows-Security-Auditing', '<Data Name="SubjectUserName">dave</Data><Data Name="AuthenticationType">MS-CHAPv2</Data>')).entries[0]!;
    expect([granted.outcome, granted.cause, describeEntry(granted, t)]).toEqual(['success', undefined, 'NPS granted access to dave (event 6272, authentication MS-CHAPv2).']);
    const discarded = parseServerLog(xmlEvent(6274, 'Microsoft-Windows-Security-Auditing', '<Data Name="SubjectUserName">erin</Data><Data Name="ReasonCode">3</Data>')).entries[0]!;
    expect([discarded.outcome, discarded.cause, describeEntry(discarded, t)]).toEqual(['warning', undefined, 'NPS discarded the request of erin without an answer (event 6274): the request NPS received was malformed (NPS reason 3, IAS_MALFORMED_REQUEST).']);
    const other = parseServerLog(xmlEvent(20999, 'RemoteAccess', '<Data>x</Data>')).entries[0]!;
    expect(describeEntry(other, t)).toBe('Event 20999 from RemoteAccess.');
  });

  it('RemoteAccess 20271 and 20255 by their insertion strings, after the CoId newer Windows puts first', () => {
    const coId = '<Data>{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}</Data>';
    const auth = parseServerLog(xmlEvent(20271, 'RemoteAccess', `${coId}<Data>CORP\\frank</Data><Data>192.0.2.44</Data><Data>The remote connection was denied because the user name and password combination you provided is not recognized.</Data>`)).entries[0]!;
    expect([auth.cause, auth.code, auth.user, auth.peer]).toEqual(['credentials-rejected', 691, 'CORP\\frank', '192.0.2.44']);
    const ppp = parseServerLog(xmlEvent(20255, 'RemoteAccess', `${coId}<Data>VPN2-509</Data><Data>grace</Data><Data>The connection was prevented because of a policy configured on your RAS/VPN server.</Data>`)).entries[0]!;
    expect([ppp.outcome, ppp.user, describeEntry(ppp, t)]).toEqual(['failure', 'grace', 'RRAS: error in the PPP module on port VPN2-509 for user grace: "The connection was prevented because of a policy configured on your RAS/VPN server.".']);
  });

  it('wevtutil text (`Event[0]:`, fields indented) is one record too', () => {
    const text = ['Event[0]:', '  Log Name: System', '  Source: NPS', '  Date: 2023-02-13T09:41:07.123', '  Event ID: 4402', '  Task: N/A', '  Level: Error', '  Description: ', 'There is no domain controller available for domain CORP.'].join('\n');
    const r = parseServerLog(text);
    expect([r.records, r.entries[0]!.cause]).toEqual([1, 'radius-unreachable']);
    expect(describeEntry(r.entries[0]!, t)).toContain('domain CORP');
  });

  it('ends where the next event, a Format-List field or a log line with its own header starts', () => {
    const text = [NPS_6273_TEXT, ...header(6272, 'Microsoft-Windows-Security-Auditing'), 'Network Policy Server granted access to a user.', 'Jul 29 09:59:54 vpn pppd[11787]: Peer bob failed CHAP authentication', 'EventID            : 20111'].join('\n');
    const r = parseServerLog(text);
    expect(r.entries.map((e) => [e.line, e.family])).toEqual([
      [1, 'rras'],
      [32, 'rras'],
      [43, 'pppd'],
      [44, 'rras'],
    ]);
  });

  it('is bounded: a block that never ends is cut at 16 000 characters and the lines after are records of their own', () => {
    const text = [...header(20106, 'RemoteAccess'), ...Array.from({ length: 400 }, (_, i) => `line ${i} of a message that goes on and on and on`)].join('\n');
    const r = parseServerLog(text);
    expect(r.records).toBeGreaterThan(1);
    expect(r.records).toBeLessThan(400);
  });
});

describe('RemoteAccess reasons and ids (ras-error-messages.ts, remote-access-events.ts)', () => {
  const coId = '<Data>{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}</Data>';
  const policy = 'The connection was prevented because of a policy configured on your RAS/VPN server. Specifically, the authentication method used by the server to verify your username and password may not match the authentication method configured in your connection profile.';

  it("20271's reason is a RAS error's text: 812 (the server's policy) is no password problem; an unknown or translated reason stays 691", () => {
    const e812 = parseServerLog(xmlEvent(20271, 'RemoteAccess', `${coId}<Data>CORP\\bob</Data><Data>203.0.113.5</Data><Data>${policy}</Data>`)).entries[0]!;
    expect([e812.cause, e812.code, describeEntry(e812, t)]).toEqual(['ras-error', 812, 'The user CORP\\bob connected from 203.0.113.5 and failed authentication (Windows error 812).']);
    const dialIn = parseServerLog(xmlEvent(20271, 'RemoteAccess', `${coId}<Data>bob</Data><Data>203.0.113.5</Data><Data>The account does not have permission to dial in.</Data>`)).entries[0]!;
    expect([dialIn.cause, dialIn.code]).toEqual(['credentials-rejected', 649]);
    const german = parseServerLog(xmlEvent(20271, 'RemoteAccess', `${coId}<Data>bob</Data><Data>203.0.113.5</Data><Data>Die Remoteverbindung wurde verweigert, weil die angegebene Kombination aus Benutzername und Kennwort nicht erkannt wird.</Data>`)).entries[0]!;
    expect([german.cause, german.code]).toEqual(['credentials-rejected', 691]);
    // "this account has expired" is the password's (648), not the account's (708)
    const expired = parseServerLog(xmlEvent(20271, 'RemoteAccess', `${coId}<Data>bob</Data><Data>203.0.113.5</Data><Data>The password for this account has expired.</Data>`)).entries[0]!;
    expect(expired.code).toBe(648);
  });

  it("the code in the event's binary data (a little-endian DWORD) comes before the reason's words: a translated reason, Get-EventLog's Data bytes", () => {
    const xml = parseServerLog(xmlEvent(20271, 'RemoteAccess', `<Data>{NA}</Data><Data>bob</Data><Data>203.0.113.5</Data><Data>Die Verbindung wurde aufgrund einer Richtlinie verhindert.</Data><Data>0x10</Data><Binary>2C030000</Binary>`)).entries[0]!;
    expect([xml.user, xml.peer, xml.cause, xml.code]).toEqual(['bob', '203.0.113.5', 'ras-error', 812]);
    const fl = ['EventID            : 20271', 'Source             : RemoteAccess', 'Data               : {135, 2, 0, 0}', 'ReplacementStrings : {{NA}, bob, 203.0.113.5, Das Konto ist deaktiviert.}'].join('\n');
    expect(parseServerLog(fl).entries.filter((e) => e.cause).map((e) => [e.cause, e.code])).toEqual([['credentials-rejected', 647]]);
  });

  it("20255 names a cause only where its message is a known RAS error: the server's 742 is the PC without the encryption it requires", () => {
    const enc = parseServerLog(xmlEvent(20255, 'RemoteAccess', `${coId}<Data>VPN2-4</Data><Data>carol</Data><Data>The remote computer does not support the required data encryption type.</Data>`)).entries[0]!;
    expect([enc.outcome, enc.cause, enc.code, enc.user]).toEqual(['failure', 'pc-refused-encryption', 742, 'carol']);
    const local = parseServerLog(xmlEvent(20255, 'RemoteAccess', `${coId}<Data>VPN2-4</Data><Data>carol</Data><Data>The local computer does not support the required data encryption type.</Data>`)).entries[0]!;
    expect([local.cause, local.code]).toEqual(['server-refused-encryption', 741]);
    const other = parseServerLog(xmlEvent(20255, 'RemoteAccess', `${coId}<Data>VPN2-4</Data><Data>carol</Data><Data>Something else.</Data>`)).entries[0]!;
    expect([other.outcome, other.cause]).toEqual(['failure', undefined]);
  });

  it("Windows 2000/2003 Event Viewer's copy (Event Type: … Description:): one entry per event, its date and time from two lines, the id decides", () => {
    const copy = (id: number, time: string, text: string) => ['Event Type:\tWarning', 'Event Source:\tRemoteAccess', 'Event Category:\tNone', `Event ID:\t${id}`, 'Date:\t\t6/9/2012', `Time:\t\t${time}`, 'User:\t\tN/A', 'Computer:\tSRV1', 'Description:', text, ''];
    const r = parseServerLog([...copy(20169, '2:25:49 PM', 'Unable to contact a DHCP server. The Automatic Private IP Address 169.254.47.165 will be assigned to dial-in clients.'), ...copy(20189, '2:26:01 PM', 'The user CORP\\bob connected from 203.0.113.7 but failed an authentication attempt due to the following reason: The account does not have permission to dial in.'), ...copy(20106, '2:27:00 PM', 'Unable to add the interface {GUID} with the Router Manager for the IPX protocol.')].join('\n'));
    expect(r.records).toBe(3);
    expect(r.entries.map((e) => [e.line, e.cause, e.code, e.outcome, e.time?.hour, e.time?.minute])).toEqual([
      [1, 'address-pool', undefined, 'failure', 14, 25],
      [12, 'credentials-rejected', 649, 'failure', 14, 26],
      [23, undefined, undefined, 'info', 14, 27],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toContain('169.254.x.x');
    // the English message names the user and the address (for matching the PC's side)
    expect([r.entries[1]!.user, r.entries[1]!.peer]).toEqual(['CORP\\bob', '203.0.113.7']);
    for (const e of r.entries) expect(describeEntry(e, nl)).not.toMatch(/\{\{|serverLog\./);
  });

  it('a quote that kept its indent (a Knowledge Base quote inside a Markdown fence) is a block too, and ends where another family\'s line comes', () => {
    const r = parseServerLog(['```', '\t  Event ID : 20050', '\t  Source : Router', '\t  Description: The user <Domain>\\<Username> connected to port', '\t  <Com x> has been disconnected because the computer could not be', '\t  projected onto the network.', '\tAuthenticating phase started', '```'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.endLine, e.family, e.code])).toEqual([
      [2, 6, 'rras', 720],
      [7, 7, 'rasman', undefined],
    ]);
  });

  it('the NT 3.x RAS service ("Source: Remote Access", another numbering) is named, not read by the RRAS table', () => {
    const r = parseServerLog(['Event ID: 20013', 'Source: Remote Access', 'Type: Error', 'Description: The user connected to port COM1 has been disconnected due', 'to a fatal network error on the local network.'].join('\n'));
    expect([r.records, r.entries[0]!.cause, describeEntry(r.entries[0]!, t)]).toEqual([1, undefined, 'Event 20013 from Remote Access.']);
  });

  it("an NPS message pasted without its header: the first sentence says which event; details alone with reason 0 are a grant", () => {
    const denied = parseServerLog(['Network Policy Server denied access to a user.', 'Contact the Network Policy Server administrator for more information.', 'User:', 'Fully Qualified Account Name: CORP\\dave', 'Authentication Details:', 'Authentication Type: MS-CHAPv2', 'Reason Code: 65', 'Reason: The connection attempt failed because remote access permission for the user account was denied.'].join('\n'));
    expect([denied.records, denied.entries[0]!.cause, denied.entries[0]!.code, denied.entries[0]!.user]).toEqual([1, 'credentials-rejected', 649, 'CORP\\dave']);
    const granted = parseServerLog(['Authentication Details:', 'Authentication Type: MS-CHAPv2', 'Reason Code: 0', 'Reason: -'].join('\n')).entries[0]!;
    expect([granted.outcome, granted.cause]).toEqual(['success', undefined]);
    // two pasted one after the other are two
    expect(parseServerLog(['Authentication Details:', 'Reason Code: 16', 'Authentication Details:', 'Reason Code: 48'].join('\n')).entries.map((e) => e.code)).toEqual([691, 812]);
  });
});

describe('Format-List of events (Get-WinEvent, Get-EventLog)', () => {
  const fl = (fields: [string, string][]) => fields.map(([k, v]) => `${k.padEnd(12)} : ${v}`).join('\r\n');
  const message6273 = ['Network Policy Server denied access to a user.', '', '               User:', '               \tFully Qualified Account Name:\tCORP\\alice', '', '               Client Machine:', '               \tCalling Station Identifier:\t\t198.51.100.7', '', '               Authentication Details:', '               \tAuthentication Type:\t\tMS-CHAPv2', `               \tReason:\t\t\t\t${'x'.repeat(1900)}`, '               \tReason Code:\t\t\t48'].join('\r\n');

  it("Get-WinEvent (TimeCreated first, the message's paragraphs after blank lines): one event each, its own time, NPS's reason code past 2 000 characters", () => {
    const text = [fl([['TimeCreated', '2/13/2023 9:41:07 AM'], ['ProviderName', 'Microsoft-Windows-Security-Auditing'], ['Id', '6273'], ['Message', message6273]]), '', fl([['TimeCreated', '2/13/2023 9:40:02 AM'], ['ProviderName', 'Microsoft-Windows-Security-Auditing'], ['Id', '6272'], ['Message', 'Network Policy Server granted access to a user.']])].join('\r\n');
    const r = parseServerLog(text);
    const denied = r.entries.find((e) => e.cause)!;
    expect([denied.line, denied.cause, denied.code, denied.user, denied.peer, denied.time?.minute]).toEqual([1, 'ras-error', 812, 'CORP\\alice', '198.51.100.7', 41]);
    expect(r.entries.filter((e) => e.outcome === 'success').map((e) => [e.line, e.time?.minute])).toEqual([[17, 40]]);
  });

  it('Get-EventLog RemoteAccess 20271 with the CoId first in ReplacementStrings: the user and address after it', () => {
    const text = fl([['EventID', '20271'], ['Source', 'RemoteAccess'], ['ReplacementStrings', '{{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}, CORP\\frank, 192.0.2.44, The remote connection was denied}'], ['TimeGenerated', '3/18/2016 1:26:02 PM']]);
    const e = parseServerLog(text).entries.find((x) => x.cause)!;
    expect([e.cause, e.code, e.user, e.peer]).toEqual(['credentials-rejected', 691, 'CORP\\frank', '192.0.2.44']);
  });

  it('Get-EventLog RemoteAccess 20111 and RasClient 20227: the interface, connection and user by their place after a CoId, or without one (Windows 7 and earlier)', () => {
    const coId = '{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}';
    // 20111: %1 interface, %2 port, %3 error (mprlog.h); the code from Data (800 = 0x320)
    const dial = (strings: string) => fl([['EventID', '20111'], ['Source', 'RemoteAccess'], ['Data', '{32, 3, 0, 0}'], ['ReplacementStrings', strings]]);
    for (const strings of [`{BranchOffice, VPN2-3, The remote connection was not made}`, `{${coId}, BranchOffice, VPN2-3, The remote connection was not made}`, `{{NA}, BranchOffice, VPN2-3, x}`]) {
      const e = parseServerLog(dial(strings)).entries.find((x) => x.cause)!;
      expect([e.code, describeEntry(e, t)], strings).toEqual([800, expect.stringContaining("The server's outgoing VPN connection BranchOffice failed with error 800")]);
    }
    // 20227: %1 user, %2 connection, %3 code (XP), one later after the CoId (Windows 8 and later)
    const dialled = (strings: string) => fl([['EventID', '20227'], ['Source', 'RasClient'], ['ReplacementStrings', strings]]);
    for (const strings of ['{CORP\\anna, Office VPN, 809}', `{${coId}, CORP\\anna, Office VPN, 809}`]) {
      const e = parseServerLog(dialled(strings)).entries.find((x) => x.cause)!;
      expect([e.code, e.user, describeEntry(e, t)], strings).toEqual([809, 'CORP\\anna', expect.stringContaining('The VPN connection Office VPN failed with error 809')]);
    }
  });
});

describe("NPS's DTS-compliant log (IN*.log)", () => {
  it('pretty-printed over many lines is one record; a VPN client address is the peer; a reject names its cause', () => {
    const text = ['<Event>', '  <Timestamp data_type="4">01/18/2019 13:04:47.638</Timestamp>', '  <Computer-Name data_type="1">NPS1</Computer-Name>', '  <User-Name data_type="1">CORP\\andrew</User-Name>', '  <Calling-Station-Id data_type="1">198.51.100.23</Calling-Station-Id>', '  <Packet-Type data_type="0">3</Packet-Type>', '  <Reason-Code data_type="0">65</Reason-Code>', '</Event>', '<Event><Timestamp data_type="4">01/18/2019 13:05:01.000</Timestamp><User-Name data_type="1">CORP\\andrew</User-Name><Packet-Type data_type="0">2</Packet-Type><Reason-Code data_type="0">0</Reason-Code></Event>'].join('\n');
    const r = parseServerLog(text);
    expect(r.records).toBe(2);
    const [reject, accept] = r.entries;
    expect([reject!.line, reject!.endLine, reject!.cause, reject!.code, reject!.user, reject!.peer, reject!.time?.second]).toEqual([1, 8, 'credentials-rejected', 649, 'CORP\\andrew', '198.51.100.23', 47]);
    expect([accept!.outcome, describeEntry(accept!, t)]).toEqual(['success', 'NPS accepted the sign-in of CORP\\andrew (RADIUS Access-Accept).']);
  });
});

describe('NPS accounting records (RFC 2866): a session record, no decision', () => {
  it('database-compatible format: Acct-Status-Type (column 32), the VPN address (11), the PC as the calling station (9); no reason code said', () => {
    const cols = Array.from({ length: 40 }, () => '');
    Object.assign(cols, { 0: '"VPN1"', 1: '"RAS"', 2: '06/18/2024', 3: '14:45:48', 4: '4', 5: '"erin"', 8: '"198.51.100.20"', 10: '"192.168.180.52"', 25: '0', 31: '2' });
    const e = parseServerLog(`${cols.join(',')}\n`).entries[0]!;
    expect([e.outcome, e.cause, e.user, e.peer, e.time?.hour]).toEqual(['info', undefined, 'erin', '198.51.100.20', 14]);
    expect(describeEntry(e, t)).toBe("Session record for erin, the PC's VPN address 192.168.180.52 (RADIUS Accounting-Request, Stop).");
    expect(describeEntry(e, nl)).toBe('Sessieregistratie voor erin, VPN-adres van de pc 192.168.180.52 (RADIUS Accounting-Request, Stop).');
  });
  it('DTS format: an Accounting-Request is a session record too (its Acct-Status-Type, Framed-IP-Address, the PC as the calling station)', () => {
    const e = parseServerLog('<Event><Timestamp data_type="4">06/18/2024 14:45:48.120</Timestamp><User-Name data_type="1">erin</User-Name><Calling-Station-Id data_type="1">198.51.100.20</Calling-Station-Id><Framed-IP-Address data_type="3">192.168.180.52</Framed-IP-Address><Acct-Status-Type data_type="0">2</Acct-Status-Type><Packet-Type data_type="0">4</Packet-Type><Reason-Code data_type="0">0</Reason-Code></Event>\n').entries[0]!;
    expect([e.outcome, e.cause, e.user, e.peer, e.time?.hour]).toEqual(['info', undefined, 'erin', '198.51.100.20', 14]);
    expect(describeEntry(e, t)).toBe("Session record for erin, the PC's VPN address 192.168.180.52 (RADIUS Accounting-Request, Stop).");
  });
  it('IAS format: Acct-Status-Type, Acct-Session-Time and Acct-Terminate-Cause by their RFC 2866 values', () => {
    const e = parseServerLog('10.10.10.10,erin,06/04/1999,14:42:19,NPS,CLIENTCOMP,40,2,46,600,49,4\n').entries[0]!;
    expect(describeEntry(e, t)).toContain('Acct-Status-Type Stop, Acct-Session-Time 600, Acct-Terminate-Cause Idle Timeout');
  });
});

describe('startsEventBlock: its character test before the regex', () => {
  const heads = ['Log Name:', 'Protokollname:', 'Logboeknaam:', 'Nom du journal :', 'Nombre de registro:', 'Nome registro:', 'Event[0]:', '<Event xmlns="x">', '- <Event>', 'Event Type:\tError', 'Type: Error', 'Event ID: 20227', 'Network Policy Server denied access to a user.', 'Authentication Details:'];
  it('says what EVENT_BLOCK_START says, for every head it knows, indented too, and for syslog lines of every month', () => {
    for (const head of heads) {
      expect(startsEventBlock(head), head).toBe(true);
      expect(startsEventBlock(`\t  ${head}`), head).toBe(true);
    }
    for (const month of ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']) {
      expect(startsEventBlock(`${month}  1 00:00:01 vpn pppd[1]: Connection terminated.`)).toBe(false);
    }
  });
  it('never differs from the regex alone (random lines built from the heads\' pieces)', () => {
    const piece = fc.constantFrom(...heads.map((h) => h.slice(0, 4)), 'Apr', 'Aug', 'Nov', 'N', 'A', 'Ty', 'T', 'Ne', 'No', '-', ' ', '\t', 'x', ':', 'Ev', 'Lo', 'Pr');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const line = parts.join('');
        const trimmed = line.replace(/^[ \t]+/, '');
        const expected = line.length > 0 && (line[0] === ' ' || line[0] === '\t') ? EVENT_BLOCK_START.test(trimmed) : EVENT_BLOCK_START.test(line);
        expect(startsEventBlock(line)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
