import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Round 41, Windows RRAS / NPS / RemoteAccess events (area hID): an event's insertion strings read by their meaning, not at a fixed
 * index — Windows 8 / 2012 and later put the connection's CoId first (`{NA}` where there is none; Get-EventLog's Format-List shows it
 * as `{{NA}, …}`, so `NA` once its braces are split off), Windows 7 / 2008 R2 and earlier write none.
 */

const t = engineT('en');

const xmlEvent = (id: number, provider: string, data: string): string =>
  [`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">`, '  <System>', `    <Provider Name="${provider}" />`, `    <EventID>${id}</EventID>`, '  </System>', '  <EventData>', data, '  </EventData>', '</Event>'].join('\n');

const fl = (fields: [string, string][]): string => fields.map(([k, v]) => `${k.padEnd(19)}: ${v}`).join('\n');

describe("a leading CoId told by its shape, whatever Windows' age and whoever printed it", () => {
  it("Get-EventLog's Format-List 20271 with `{{NA}, …}`: the user and the PC's address after the NA, not NA as the user", () => {
    // (before: "The user NA connected from bob")
    for (const first of ['{NA}, ', '{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}, ', '']) {
      const e = parseServerLog(fl([['EventID', '20271'], ['Source', 'RemoteAccess'], ['Data', '{135, 2, 0, 0}'], ['ReplacementStrings', `{${first}bob, 203.0.113.5, Das Konto ist deaktiviert.}`]])).entries.find((x) => x.cause)!;
      expect([e.user, e.peer, e.cause, e.code], first).toEqual(['bob', '203.0.113.5', 'credentials-rejected', 647]);
    }
  });

  it("Format-List 20255 with `{{NA}, …}`: port, user and the RAS error's text in their places, so its cause is read", () => {
    // (before: "on port NA for user VPN2-4", no cause)
    const e = parseServerLog(fl([['EventID', '20255'], ['Source', 'RemoteAccess'], ['ReplacementStrings', '{{NA}, VPN2-4, carol, The remote computer does not support the required data encryption type.}']])).entries[0]!;
    expect([e.user, e.cause, e.code]).toEqual(['carol', 'pc-refused-encryption', 742]);
    expect(describeEntry(e, t)).toContain('on port VPN2-4 for user carol');
  });

  it('a first string that only looks like NA (a user NAS, a port NAT-1) is kept', () => {
    const e = parseServerLog(fl([['EventID', '20255'], ['Source', 'RemoteAccess'], ['ReplacementStrings', '{NAT-1, NAS, The remote computer does not support the required data encryption type.}']])).entries[0]!;
    expect(e.user).toBe('NAS');
    expect(describeEntry(e, t)).toContain('on port NAT-1 for user NAS');
  });

  it("an event's XML with its markup lost, RasClient 20227 with or without a CoId: the connection's name whole, between the user and the code", () => {
    // (before: "Office" without a CoId — the fixed count of one-word strings took the name's first word — and "?" with one)
    for (const coId of ['', '{6F2E0C1A-1B2C-4D5E-8F90-123456789ABC} ', '{NA} ']) {
      const e = parseServerLog(`20227 2 0 0x80000000000000 1234 Application PC1.corp.example.net ${coId}CORP\\anna Office VPN 2 809`).entries[0]!;
      expect([e.user, e.code, e.cause], coId).toEqual(['CORP\\anna', 809, 'ras-error']);
      expect(describeEntry(e, t), coId).toContain('The VPN connection Office VPN 2 failed with error 809');
    }
  });

  it("an event's XML with its markup lost, RemoteAccess 20271 with its CoId and 20189 without one: the user and the address", () => {
    const newer = parseServerLog('20271 3 0 0x80000000000000 440917 System server.domain-net.com {NA} Admin 123.123.123.123 Die Remoteverbindung wurde verweigert. 0x10').entries[0]!;
    expect([newer.user, newer.peer]).toEqual(['Admin', '123.123.123.123']);
    // (before: no user — 20189's user was read only from its English message)
    const older = parseServerLog('20189 2 0 0x80000000000000 440917 System SRV2003 bob 198.51.100.7 Das Konto ist deaktiviert.').entries[0]!;
    // (its German reason is the account disabled, 647: no 691 assumed for it — round 44)
    expect([older.user, older.peer, older.cause, older.code]).toEqual(['bob', '198.51.100.7', 'ras-error', undefined]);
  });

  it("the older authentication failures' XML (20014, 20187, 20189: no CoId before %1, a newer Windows' CoId skipped): the user from the first string", () => {
    for (const [id, data] of [
      [20189, '<Data>CORP\\bob</Data><Data>198.51.100.7</Data><Data>Das Konto ist deaktiviert.</Data>'],
      [20187, '<Data>CORP\\bob</Data><Data>Das Konto ist deaktiviert.</Data>'],
      [20014, '<Data>CORP\\bob</Data><Data>VPN2-7</Data>'],
      [20014, '<Data>{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}</Data><Data>CORP\\bob</Data><Data>VPN2-7</Data>'],
    ] as const) {
      const e = parseServerLog(xmlEvent(id, 'RemoteAccess', data)).entries[0]!;
      expect([e.user, e.cause], `${id} ${data}`).toEqual(['CORP\\bob', 'credentials-rejected']);
    }
  });
});

describe("Windows Server 2008 R2 / 2012 and later's CoId ids of RemoteAccess texts already read by their older id (the MPRMSG message table)", () => {
  const strings = (...xs: string[]): string => xs.map((x) => `<Data>${x}</Data>`).join('');
  const NA = '{NA}';

  it('20256/20257/20258: the account refused with 648/708/649, the user as DOMAIN\\user from %2\\%3 after the CoId; the older 20076–20078 the same without it', () => {
    // (before: "Windows event 20258 from RemoteAccess", no cause — the server's "no dial-in permission" said nothing)
    for (const [id, code] of [[20256, 648], [20257, 708], [20258, 649]] as const) {
      const e = parseServerLog(xmlEvent(id, 'RemoteAccess', strings(NA, 'CORP', 'bob', 'VPN2-5'))).entries[0]!;
      expect([e.cause, e.code, e.user], String(id)).toEqual(['credentials-rejected', code, 'CORP\\bob']);
      expect(describeEntry(e, t)).toContain(`Windows error ${code}`);
    }
    const older = parseServerLog(xmlEvent(20078, 'RemoteAccess', strings('CORP', 'bob', 'VPN2-5'))).entries[0]!;
    expect([older.code, older.user]).toEqual([649, 'CORP\\bob']);
  });

  it('20269 (20187 with a CoId), 20252 (20049), 20260 (20095), 20261 (20097), 20263 (20139): read as their older ids are', () => {
    const failed = parseServerLog(xmlEvent(20269, 'RemoteAccess', strings(NA, 'CORP\\carol', 'Das Konto ist deaktiviert.'))).entries[0]!;
    expect([failed.cause, failed.code, failed.user]).toEqual(['credentials-rejected', 691, 'CORP\\carol']);
    expect(describeEntry(parseServerLog(xmlEvent(20252, 'RemoteAccess', strings(NA, 'VPN2-3'))).entries[0]!, t)).toContain('logging on took too long');
    expect(describeEntry(parseServerLog(xmlEvent(20261, 'RemoteAccess', strings(NA, 'VPN2-3'))).entries[0]!, t)).toContain('client licenses were in use');
    const idle = parseServerLog(xmlEvent(20263, 'RemoteAccess', strings(NA, 'VPN2-3'))).entries[0]!;
    expect([idle.outcome, describeEntry(idle, t)]).toEqual(['info', expect.stringContaining('idle')]);
    expect(parseServerLog(xmlEvent(20260, 'RemoteAccess', strings(NA, 'VPN2-3', 'x'))).entries[0]!.outcome).toBe('failure');
  });

  it("20209: GRE blocked between the PC and the server (the PC's 806), the PC's address from %1; by its English text alone too", () => {
    const e = parseServerLog(xmlEvent(20209, 'RemoteAccess', strings('198.51.100.20'))).entries[0]!;
    expect([e.cause, e.code, e.peer]).toEqual(['no-ppp-frames', 806, '198.51.100.20']);
    const text = parseServerLog('Dec  5 09:14:02 RRAS01 RemoteAccess[1234]: A connection between the VPN server and the VPN client 198.51.100.20 has been established, but the VPN connection cannot be completed. The most common cause for this is that a firewall or router between the VPN server and the VPN client is not configured to allow Generic Routing Encapsulation (GRE) packets (protocol 47).').entries[0]!;
    expect([text.cause, text.peer]).toEqual(['no-ppp-frames', '198.51.100.20']);
  });

  it('20276: the authentication protocol refused by the PPP engine (no method both ends accept); a first string that is no address gives no peer', () => {
    const e = parseServerLog(xmlEvent(20276, 'RemoteAccess', strings('{7A5D0AE1-2AF4-4B7D-9C79-2F4E0D46F0C1}', '2', '3', 'VPN2-9'))).entries[0]!;
    expect([e.cause, e.outcome, e.peer]).toEqual(['auth-protocol-mismatch', 'failure', undefined]);
    expect(parseServerLog(xmlEvent(20209, 'RemoteAccess', strings('VPN2-9'))).entries[0]!.peer).toBeUndefined();
  });
});
