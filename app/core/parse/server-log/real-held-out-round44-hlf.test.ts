import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Round 44, hLF: a RemoteAccess authentication failure (20271, and the older 20189/20187/20170 whose reason is a RAS error's text)
 * copied from a translated Windows without its XML. The copy's insertion strings are words (user, address, the reason in the
 * server's language); the error code is only in the event's binary data, which the copy lost. Before, 691 was assumed whatever the
 * reason — wrong for a policy's 812, a disabled account's 647, an expired password's 648. Now: a failed log-on whose code "is not in
 * this copy" (cause ras-error, no code). No real translated text copy of 20271 was found in public material (searched: German,
 * French wordings): the messages below are synthetic, built on the real German 20271 reason of
 * test/fixtures/real/server-logs/rras-event-xml-one-line-de-20271-binary-691-german-reason.txt and Event Viewer's German labels.
 */

const t = engineT('en');
const nl = engineT('nl');

const germanCopy = (description: string): string =>
  [
    'Protokollname: System',
    'Quelle:        RemoteAccess',
    'Datum:         06.03.2020 12:47:14',
    'Ereignis-ID:   20271',
    'Aufgabenkategorie:Keine',
    'Ebene:         Warnung',
    'Schlüsselwörter:Klassisch',
    'Benutzer:      Nicht zutreffend',
    'Computer:      server.example.com',
    'Beschreibung:',
    description,
  ].join('\r\n');

const POLICY_812_DE =
  'CoId={NA}: Der Benutzer Admin hat eine Verbindung von 203.0.113.7 hergestellt, bei einem Authentifizierungsversuch ist jedoch aus folgendem Grund ein Fehler aufgetreten: Die Verbindung wurde verhindert, da eine Richtlinie auf dem RAS-/VPN-Server konfiguriert ist.';

describe('a translated RemoteAccess authentication failure without its XML: no 691 assumed (round 44)', () => {
  it('a German 20271 Event Viewer copy: a failed log-on, its code not in the copy (was: "the PC shows error 691")', () => {
    const r = parseServerLog(germanCopy(POLICY_812_DE), 'x.txt');
    expect([r.records, r.unknown]).toEqual([1, 0]);
    const e = r.entries[0]!;
    expect([e.family, e.outcome, e.cause, e.code, e.peer]).toEqual(['rras', 'failure', 'ras-error', undefined, '203.0.113.7']);
    expect(e.decoded[0]!.key).toBe('rrasEventAuthFailedNoCode');
    expect(describeEntry(e, t)).toContain('the error code is not in this copy');
    expect(describeEntry(e, t)).not.toContain('691');
    expect(describeEntry(e, nl)).toContain('de foutcode staat niet in deze kopie');
  });

  it('its finding names no error number (was: "The server rejected the user name or password (error 691 on the PC)")', () => {
    const f = explainServerLogs([parseServerLog(germanCopy(POLICY_812_DE), 'x.txt')], t).findings;
    const finding = f.find((x) => x.id === 'events.ras-error')!;
    expect(finding.title).toBe('The server logged a failed log-on, but this copy of its event holds no error code');
    expect(finding.title).not.toMatch(/\d{3}/);
    const nlFinding = explainServerLogs([parseServerLog(germanCopy(POLICY_812_DE), 'x.txt')], nl).findings.find((x) => x.id === 'events.ras-error')!;
    expect(nlFinding.title).toContain('geen foutcode');
  });

  it('the older ids whose reason is a RAS error text (20189, 20187, 20170), translated: no code either', () => {
    for (const id of [20189, 20187, 20170, 20269]) {
      const e = parseServerLog(germanCopy('Der Benutzer CORP\\bob konnte nicht authentifiziert werden. Grund: Das Kennwort für dieses Konto ist abgelaufen.').replace('20271', String(id)), 'x.txt').entries[0]!;
      expect([id, e.cause, e.code]).toEqual([id, 'ras-error', undefined]);
    }
  });

  it('negative: an English message keeps its reason (812) and, for an unlisted English reason, the general 691', () => {
    const policy = parseServerLog(germanCopy('CoId={NA}: The user CORP\\bob connected from 203.0.113.7 but failed an authentication attempt due to the following reason: The connection was prevented because of a policy configured on your RAS/VPN server.'), 'x.txt').entries[0]!;
    expect([policy.cause, policy.code]).toEqual(['ras-error', 812]);
    const noUser = parseServerLog(germanCopy('CoId={NA}: The user CORP\\bob connected from 203.0.113.7 but failed an authentication attempt due to the following reason: The specified user account does not exist.'), 'x.txt').entries[0]!;
    expect([noUser.cause, noUser.code]).toEqual(['credentials-rejected', 691]);
    // (English cut by the console before its reason: still English, still the general 691)
    const cut = parseServerLog(germanCopy('CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but failed an a...'), 'x.txt').entries[0]!;
    expect(cut.code).toBe(691);
  });

  it("a German reason that is 691's text (as the real German 20271 with binary 691 gives it) still names 691", () => {
    const e = parseServerLog(
      germanCopy('CoId={NA}: Der Benutzer Admin hat eine Verbindung von 203.0.113.7 hergestellt, bei einem Authentifizierungsversuch ist jedoch aus folgendem Grund ein Fehler aufgetreten: Die Remoteverbindung wurde verweigert, weil die angegebene Kombination aus Benutzername und Kennwort nicht erkannt wird oder das ausgewählte Authentifizierungsprotokoll nicht für den RAS-Server zulässig ist.'),
      'x.txt',
    ).entries[0]!;
    expect([e.cause, e.code, e.decoded[0]!.key]).toEqual(['credentials-rejected', 691, 'rrasEventAuthFailed']);
  });

  it('negative: with its binary data (the XML) the code is read, whatever the language', () => {
    const xml =
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='RemoteAccess' /><EventID Qualifiers='0'>20271</EventID><Level>3</Level><TimeCreated SystemTime='2020-03-06T11:47:14.000000000Z' /><Channel>System</Channel><Computer>server.example.com</Computer></System><EventData><Data>{NA}</Data><Data>Admin</Data><Data>203.0.113.7</Data><Data>Die Verbindung wurde verhindert.</Data><Data>0x10</Data><Binary>2C030000</Binary></EventData></Event>";
    const e = parseServerLog(xml, 'x.xml').entries[0]!;
    expect([e.cause, e.code]).toEqual(['ras-error', 812]);
  });
});
