import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * RemoteAccess events of a session that went well or ended (remote-access-events.ts): logged on, address given, the session's end
 * with its duration, bytes and the server's reason — read from the insertion strings after the CoId and routing-domain GUIDs, else
 * from the English message — and the newer ids of the older failure texts. And the RAS error texts of 20073/20255/20271 that
 * name the VPN server's own codes (ras-error-messages.ts: 732 not converging, 942 the policy's authentication method).
 */

const t = engineT('en');
const nl = engineT('nl');

const xmlEvent = (id: number, data: string[]) =>
  [
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '  <System>',
    '    <Provider Name="RemoteAccess" />',
    `    <EventID Qualifiers="0">${id}</EventID>`,
    '    <TimeCreated SystemTime="2023-02-13T08:41:07.1234567Z" />',
    '  </System>',
    '  <EventData>',
    ...data.map((d) => `    <Data>${d}</Data>`),
    '  </EventData>',
    '</Event>',
  ].join('\n');
const COID = '{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}';
const DOMAIN = '{00000000-0000-0000-0000-000000000000}';
const one = (text: string) => parseServerLog(text, 'system.evtx.txt').entries[0]!;

describe('RemoteAccess session events', () => {
  it('20272 from its insertion strings: user, tunnel, minutes and seconds, bytes each way, the reason as the server wrote it', () => {
    const e = one(xmlEvent(20272, [COID, DOMAIN, 'CORP\\anna', 'VPN2-127', '2/13/2023', '9:01:07 AM', '2/13/2023', '9:41:07 AM', '40', '0', '1048576', '524288', 'User requested disconnection', 'WAN Miniport (SSTP)', 'Not quarantined']));
    expect([e.outcome, e.cause, e.user]).toEqual(['info', undefined, 'CORP\\anna']);
    expect(describeEntry(e, t)).toBe(
      'The VPN connection of the user "CORP\\anna" over WAN Miniport (SSTP) ended after 40 min 0 s (1048576 bytes sent, 524288 received); the server\'s reason: User requested disconnection (RRAS event 20272, ROUTERLOG_USER_ACTIVE_TIME_VPN).',
    );
    expect(describeEntry(e, nl)).toContain('eindigde na 40 min 0 s (1048576 bytes verzonden, 524288 ontvangen)');
  });

  it("20194 (Windows 2000/2003's copy, no insertion strings): the same from the English message, without a tunnel", () => {
    const text = [
      'Event Type:\tInformation',
      'Event Source:\tRemoteAccess',
      'Event ID:\t20194',
      'Date:\t\t3/14/2006',
      'Time:\t\t10:31:05 AM',
      'Description:',
      'The user CORP\\bob connected on port VPN2-4 on 3/14/2006 at 9:30 AM and disconnected on 3/14/2006 at 10:31 AM.  The user was active for 61 minutes 2 seconds.  20480 bytes were sent and 40960 bytes were received. The reason for disconnecting was idle timeout.',
    ].join('\n');
    const e = one(text);
    expect([e.user, describeEntry(e, t)]).toEqual(['CORP\\bob', 'The VPN connection of the user "CORP\\bob" ended after 61 min 2 s (20480 bytes sent, 40960 received); the server\'s reason: idle timeout (RRAS event 20194, ROUTERLOG_USER_ACTIVE_TIME_VPN).']);
  });

  it('20274 and 20275: the address the server gave the PC, and its release; 20250 a successful log-on', () => {
    const given = one(xmlEvent(20274, [COID, DOMAIN, 'CORP\\anna', 'VPN2-127', '10.8.0.23']));
    expect([given.outcome, given.user, describeEntry(given, t)]).toEqual(['success', 'CORP\\anna', 'The VPN server gave the user "CORP\\anna" the address 10.8.0.23 (RRAS event 20274, ROUTERLOG_IP_USER_CONNECTED).']);
    const released = one(xmlEvent(20275, [COID, DOMAIN, '10.8.0.23']));
    expect([released.outcome, describeEntry(released, t)]).toEqual(['info', 'The user with the VPN address 10.8.0.23 disconnected (RRAS event 20275, ROUTERLOG_IP_USER_DISCONNECTED).']);
    const ok = one(xmlEvent(20250, [COID, DOMAIN, 'CORP\\anna', 'VPN2-127']));
    expect([ok.outcome, ok.user, describeEntry(ok, t)]).toEqual(['success', 'CORP\\anna', 'The user "CORP\\anna" logged on to the VPN server (RRAS event 20250, ROUTERLOG_AUTH_SUCCESS).']);
  });

  it('without insertion strings or an English message the values stay unknown, the sentence still says what happened', () => {
    const e = one(['Event ID: 20274', 'Source: RemoteAccess', 'Description: Der Benutzer CORP\\anna an Port VPN2-127 hat die Adresse 10.8.0.23 erhalten.'].join('\n'));
    expect(describeEntry(e, t)).toBe('The VPN server gave the user the address ? (RRAS event 20274, ROUTERLOG_IP_USER_CONNECTED).');
  });

  it('20249 and 20253, the newer ids of 20014 and 20050: a refused log-on (691) and no network protocol agreed (720)', () => {
    const refused = one(xmlEvent(20249, [COID, 'CORP\\anna', 'VPN2-127']));
    expect([refused.cause, refused.code, refused.user]).toEqual(['credentials-rejected', 691, 'CORP\\anna']);
    expect(one(['Event ID: 20249', 'Source: RemoteAccess', 'Description: CoId={NA}: The user CORP\\anna has connected and failed to authenticate on port VPN2-127. The line has been disconnected.'].join('\n')).user).toBe('CORP\\anna');
    const none = one(xmlEvent(20253, [COID, DOMAIN, 'CORP\\anna', 'VPN2-127']));
    expect([none.cause, none.code]).toEqual(['ras-error', 720]);
  });
});

describe("the VPN server's own RAS error texts", () => {
  const ppp = (reason: string) => one(xmlEvent(20255, [COID, 'VPN2-4', 'carol', reason]));

  it('732 not converging: over PPTP (NT 4.0 named the tunnel) GRE is blocked; the PPP wording alone only the error', () => {
    const pptp = ppp('The PPTP negotiation is not converging.');
    expect([pptp.cause, pptp.code]).toEqual(['no-ppp-frames', 732]);
    expect(explainServerLogs([parseServerLog(xmlEvent(20255, [COID, 'VPN2-4', 'carol', 'The PPTP negotiation is not converging.']), 's.txt')], t).findings.map((f) => f.id)).toEqual(['vpn.gre-blocked']);
    const plain = ppp('The PPP negotiation is not converging.');
    expect([plain.cause, plain.code]).toEqual(['ras-error', 732]);
  });

  it("942 (mprerror.h ERROR_AUTH_PROTOCOL_RESTRICTION): the policy's authentication method, by its text or the event's binary data", () => {
    const byText = ppp('The connection could not be established because the authentication method used by your connection profile is not permitted for use by an access policy configured on the RAS/VPN server.');
    expect([byText.cause, byText.code]).toEqual(['auth-protocol-mismatch', 942]);
    const text = xmlEvent(20271, ['{NA}', 'bob', '203.0.113.5', 'Die Verbindung konnte nicht hergestellt werden.', '0x10']).replace('  </EventData>', '    <Binary>AE030000</Binary>\n  </EventData>');
    const byBinary = one(text);
    expect([byBinary.cause, byBinary.code]).toEqual(['auth-protocol-mismatch', 942]);
  });
});

describe("Windows NT's RAS service (its own ids, also logged as RemoteAccess): the English message decides where only NT's RAS writes it", () => {
  const text = (id: number, description: string) => [`Event ID: ${id}`, 'Source: RemoteAccess', `Description: ${description}`].join('\n');

  it("20077: NT RAS's PPP failure with its reason, RRAS's expired account with its own text", () => {
    const nt = one(text(20077, 'An error occurred in the Point to Point Protocol module on port COM1. The remote computer does not support the required encryption type.'));
    expect([nt.cause, nt.code, nt.decoded[0]!.values!.symbol]).toEqual(['pc-refused-encryption', 742, 'RASLOG_PPP_FAILURE']);
    const rras = one(text(20077, 'The account for user CORP\\anna connected on port VPN2-4 has expired. The line has been disconnected.'));
    expect([rras.cause, rras.code]).toEqual(['credentials-rejected', 708]);
    const unknownReason = one(text(20077, 'An error occured in the Point to Point Protocol module on port COM1. Something else.'));
    expect([unknownReason.cause, describeEntry(unknownReason, t)]).toEqual([undefined, "Setting up the connection (PPP) failed on the VPN server (RAS event 20077, RASLOG_PPP_FAILURE); the reason is in the event's text."]);
  });

  it('worded by the source the event named: NT 3.5x/4.0 RAS ("Remote Access Service", "Remote Access") as RAS events, en and nl; "RRAS", "Router" and "RemoteAccess" as RRAS’s', () => {
    const by = (source: string, id: number, description: string) => [`Event ID: ${id}`, `Source: ${source}`, `Description: ${description}`].join('\n');
    const lanas = 'Remote Access Server Security Failure. A network error has occurred when trying to establish a session with the security agent on LANA 0.';
    const ras = one(by('Remote Access Service', 20024, lanas));
    expect(describeEntry(ras, t)).toBe("A start-up notice of the VPN server's Remote Access Service, not about a connection (RAS event 20024, ROUTERLOG_SECURITY_NET_ERROR).");
    expect(describeEntry(ras, nl)).toBe('Een opstartmelding van de service voor externe toegang (RAS) van de VPN-server, niet over een verbinding (RAS-gebeurtenis 20024, ROUTERLOG_SECURITY_NET_ERROR).');
    const failed = one(by('Remote Access', 20054, 'Remote Access Service failed to start because the Remote Access Connection Manager failed to initialize because of the following error: 5.'));
    expect([failed.cause, describeEntry(failed, t)]).toEqual(['service-down', "The VPN server's Remote Access Service could not start: until it does, no VPN connection to this server can start (RAS event 20054, ROUTERLOG_RASMAN_NOT_AVAILABLE)."]);
    expect(describeEntry(failed, nl)).toContain('De service voor externe toegang (RAS) van de VPN-server kon niet starten');
    for (const source of ['RRAS', 'Router', 'RemoteAccess']) expect(describeEntry(one(by(source, 20024, lanas)), t)).toContain("routing service, not about a connection (RRAS event 20024,");
  });

  it("NT RAS's own ids for RRAS's texts: 20050 a session's end (not RRAS's no-protocol 720), 20080 an expired password (not encryption)", () => {
    const ended = one(text(20050, 'The user CORP\\anna connected on port COM1 on 3/14/1998 at 9:30 AM and disconnected on 3/14/1998 at 10:31 AM.  The user was active for 61 minutes 2 seconds.  20480 bytes were sent and 40960 bytes were received.  The port speed was 28800.  The reason for disconnecting was remote disconnection.'));
    expect([ended.cause, ended.outcome, ended.user, describeEntry(ended, t)]).toEqual([undefined, 'info', 'CORP\\anna', 'The VPN connection of the user "CORP\\anna" ended after 61 min 2 s (20480 bytes sent, 40960 received); the server\'s reason: remote disconnection (RRAS event 20050, ROUTERLOG_USER_ACTIVE_TIME_VPN).']);
    const expired = one(text(20080, 'The password for user CORP\\anna connected on port COM1 has expired.  The line has been disconnected.'));
    expect([expired.cause, expired.code]).toEqual(['credentials-rejected', 648]);
    // RRAS's own text for its id, and a translated message, keep the id's reading
    expect(one(text(20080, 'The server machine is configured to require data encryption. The machine for user CORP\\anna connected on port VPN2-4 does not support encryption.')).cause).toBe('mppe-unavailable');
    expect(one(text(20080, 'Der Servercomputer ist so konfiguriert, dass Datenverschlüsselung erforderlich ist.')).cause).toBe('mppe-unavailable');
  });

  it('NT 4.0 SP3 128-bit RAS: a user connected with strong encryption', () => {
    const e = one(text(20107, 'The user RAS connected to port COM1 using strong encryption.'));
    expect([e.outcome, e.user, describeEntry(e, t), describeEntry(e, nl)]).toEqual(['success', 'RAS', 'The user "RAS" connected with strong (128-bit) encryption (RAS event 20107).', 'De gebruiker "RAS" verbond met sterke (128-bits) versleuteling (RAS-gebeurtenis 20107).']);
  });
});

describe('a Windows account name with blanks in the English message (a logon name may hold spaces: Microsoft Learn, AD naming conventions)', () => {
  const text = (id: number, description: string) => [`Event ID: ${id}`, 'Source: RemoteAccess', `Description: ${description}`].join('\n');
  const rows: [id: number, description: string, outcome: string, user: string | undefined, cause: string | undefined][] = [
    [20107, 'The user DESKTOP-1\\John Smith connected to port COM1 using strong encryption.', 'success', 'DESKTOP-1\\John Smith', undefined],
    [20015, 'The user CORP\\Anna de Vries has connected and has been successfully authenticated on port VPN2-4.', 'success', 'CORP\\Anna de Vries', undefined],
    [20200, 'The user CORP\\Anna de Vries connected on port VPN2-4 has been assigned address 10.8.0.23', 'success', 'CORP\\Anna de Vries', undefined],
    [
      20194,
      'The user CORP\\Anna de Vries connected on port VPN2-4 on 3/14/2006 at 9:30 AM and disconnected on 3/14/2006 at 10:31 AM.  The user was active for 61 minutes 2 seconds.  20480 bytes were sent and 40960 bytes were received. The reason for disconnecting was idle timeout.',
      'info',
      'CORP\\Anna de Vries',
      undefined,
    ],
    [20249, 'CoId={NA}: The user CORP\\Anna de Vries has connected and failed to authenticate on port VPN2-127. The line has been disconnected.', 'failure', 'CORP\\Anna de Vries', 'credentials-rejected'],
    [20187, 'The user CORP\\Anna de Vries failed an authentication attempt due to the following reason: The specified user account does not exist.', 'failure', 'CORP\\Anna de Vries', 'credentials-rejected'],
    [20077, 'The account for user CORP\\Anna de Vries connected on port VPN2-4 has expired. The line has been disconnected.', 'failure', undefined, 'credentials-rejected'],
  ];
  it.each(rows)('%i: read as with a one-word name', (id, description, outcome, user, cause) => {
    const e = one(text(id, description));
    expect([e.outcome, e.cause]).toEqual([outcome, cause]);
    if (user) expect(e.user).toBe(user);
  });
});

describe('RasClient 20227 without insertion strings: the user and the connection from the English message, a user with blanks too', () => {
  it.each([
    ['DESKTOP-1\\John Smith', 'Work VPN'],
    ['CONTOSO\\bob', 'Work'],
  ])('%s dialed %s', (user, entry) => {
    const e = one(['Event ID: 20227', 'Source: RasClient', `Description: CoId={NA}: The user ${user} dialed a connection named ${entry} which has failed. The error code returned on failure is 809.`].join('\n'));
    expect([e.code, e.user, e.decoded[0]!.values!.entry]).toEqual([809, user, entry]);
  });
});
