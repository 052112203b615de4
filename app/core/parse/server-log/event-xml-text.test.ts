import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * An event's XML whose markup a quote lost (families/event-xml-text.ts): the elements' text joined by blanks. Shapes varied from
 * the real one (IPBan issue #76's e-mail reply, fixture rras-event-xml-markup-lost-…): a manifest event's four System numbers, the
 * PC's RasClient in the Application log, a translated reason; and lines that only look alike.
 */

const t = engineT('en');
const nl = engineT('nl');

describe("an event's XML with its markup lost", () => {
  it('a RemoteAccess 20271 with a German reason: the event by its id and log, the address from the text, no 691 guessed from words it cannot read', () => {
    const r = parseServerLog('20271 3 0 0x80000000000000 440917 System server.domain-net.com {NA} Admin 123.123.123.123 Die Remoteverbindung wurde verweigert, weil die angegebene Kombination aus Benutzername und Kennwort nicht erkannt wird. 0x10');
    expect([r.records, r.understood]).toEqual([1, 1]);
    const e = r.entries[0]!;
    expect([e.family, e.peer]).toEqual(['rras', '123.123.123.123']);
    expect(describeEntry(e, t)).toContain('123.123.123.123');
    expect(describeEntry(e, nl)).not.toMatch(/serverLog\.|\{\{/);
  });

  it("the PC's RasClient 20227 in the Application log: its error code, the last insertion string", () => {
    const r = parseServerLog('20227 2 0 0x80000000000000 1234 Application PC1.corp.example.net {6F2E0C1A-1B2C-4D5E-8F90-123456789ABC} CORP\\alice Firma VPN 809');
    expect(r.understood).toBe(1);
    expect([r.entries[0]!.code, r.entries[0]!.outcome]).toEqual([809, 'failure']);
  });

  it('a manifest event (Version, Level, Task, Opcode before the mask) is named by its id; its reason is not read from blanks whose bounds are lost', () => {
    const r = parseServerLog('6273 1 0 12552 0 0x8010000000000000 276341077 Security NPS1.corp.local S-1-5-21-1-2-3-4 CORP\\carol CORP 192.168.21.49 98.196.175.165 Virtual 7 MS-CHAPv2 - - 65 Connection attempt failed.');
    expect(r.understood).toBe(1);
    expect(describeEntry(r.entries[0]!, t)).toBe('NPS denied access to ? (event 6273).');
    expect(r.entries[0]!.cause).toBeUndefined();
  });

  it('numbers without the Keywords mask, or without a log name after the record number, are no such event', () => {
    expect(parseServerLog('20271 3 0 32407 System CITY-VPN16 {NA} corinne').understood).toBe(0);
    expect(parseServerLog('20271 3 0 0x80000000000000 32407 CITY-VPN16 {NA} corinne').understood).toBe(0);
  });
});
