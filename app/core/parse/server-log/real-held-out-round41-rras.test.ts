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
    expect([older.user, older.peer, older.cause]).toEqual(['bob', '198.51.100.7', 'credentials-rejected']);
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
