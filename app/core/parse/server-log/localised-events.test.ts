import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseEventTime } from './families/nps-log';
import { parseServerLog } from './index';

/**
 * Windows events pasted from a translated Windows (families/windows-event-block.ts, rras.ts): read by the event id, the source
 * and the numbers inside the message, never by its words. No real localised RRAS/NPS paste was found in public material, so
 * these are synthetic: the header labels as Microsoft's de-de / es-es Learn pages quote copied events (event-viewer-labels.ts),
 * the French and Dutch ones and the NPS message labels assumed from Windows' translations (NPS_LABELS in
 * windows-event-block.ts). What decides must hold whatever the words: the id, the number a RasClient message ends with, NPS's
 * reason code by its label or, where the label is unknown, by its place in the message.
 */

const t = engineT('en');
const nl = engineT('nl');

const GERMAN_20227 = [
  'Protokollname: Application',
  'Quelle:        RasClient',
  'Datum:         05.02.2023 09:41:07',
  'Ereignis-ID:   20227',
  'Aufgabenkategorie:Keine',
  'Ebene:         Fehler',
  'Schlüsselwörter:Klassisch',
  'Benutzer:      Nicht zutreffend',
  'Computer:      PC1.corp.example.net',
  'Beschreibung:',
  'CoId={FACCBEE1-58E9-4867-B9E7-0E7D94DC40C9}: Der Benutzer "CORP\\alice" hat eine Verbindung mit dem Namen "Firma VPN" gewählt, die nicht hergestellt werden konnte. Der Fehlercode lautet 691.',
].join('\r\n');

const FRENCH_20271 = [
  'Nom du journal :Système',
  'Source :       RemoteAccess',
  'Date :         05/02/2023 09:41:07',
  'ID de l’événement :20271',
  'Catégorie de la tâche :Aucun',
  'Niveau :       Avertissement',
  'Mots clés :    Classique',
  'Utilisateur :  N/A',
  'Ordinateur :   VPN1.corp.example.net',
  'Description :',
  "CoId={NA} : L'utilisateur CORP\\bob connecté depuis 203.0.113.5 n'a pas réussi une tentative d'authentification pour la raison suivante : Le compte est désactivé.",
].join('\r\n');

const nps6273 = (head: string[], body: string[]) => [...head, ...body].join('\n');
const DUTCH_HEAD = ['Logboeknaam:   Security', 'Bron:          Microsoft-Windows-Security-Auditing', 'Datum:         5-2-2023 09:41:07', 'Gebeurtenis-id:6273', 'Taakcategorie: Netwerkbeleidsserver', 'Niveau:        Informatie', 'Gebruiker:     n.v.t.', 'Computer:      NPS1.corp.example.net', 'Beschrijving:'];
const DUTCH_BODY = [
  'Netwerkbeleidsserver heeft de toegang voor een gebruiker geweigerd.',
  '',
  'Gebruiker:',
  '\tBeveiligings-id:\t\t\tCORP\\carol',
  '\tAccountnaam:\t\t\tcarol',
  '\tVolledig gekwalificeerde accountnaam:\tCORP\\carol',
  '',
  'Clientcomputer:',
  '\tId van aanroepend station:\t\t198.51.100.7',
  '',
  'NAS:',
  '\tNAS-poort:\t\t\t7',
  '',
  'Verificatiegegevens:',
  '\tVerificatietype:\t\tMS-CHAPv2',
  '\tEAP-type:\t\t\t-',
  '\tAccountsessie-id:\t\t-',
  '\tRedencode:\t\t\t65',
  '\tReden:\t\t\t\tDe verbindingspoging is mislukt omdat de machtiging voor externe toegang voor het gebruikersaccount is geweigerd.',
];

describe('an Event Viewer copy from a translated Windows', () => {
  it('German RasClient 20227 without its XML: the code the message ends with, the date day first (05.02.2023 is 5 February)', () => {
    const r = parseServerLog(GERMAN_20227);
    expect([r.records, r.understood]).toEqual([1, 1]);
    const e = r.entries[0]!;
    expect([e.cause, e.code, e.outcome]).toEqual(['ras-error', 691, 'failure']);
    expect(e.time).toEqual({ year: 2023, month: 2, day: 5, hour: 9, minute: 41, second: 7 });
    // the names are in the words: unknown in German, read from the English message ("which has" or "that has") where there is no XML
    expect(describeEntry(e, t)).toBe('The VPN connection ? failed with error 691 (RasClient event 20227).');
    const english = parseServerLog(GERMAN_20227.replace(/Der Benutzer .*$/, 'The user CORP\\alice dialed a connection named Firma VPN that has failed. The error code returned on failure is 691.')).entries[0]!;
    expect([english.code, english.user, describeEntry(english, t)]).toEqual([691, 'CORP\\alice', 'The VPN connection Firma VPN failed with error 691 (RasClient event 20227).']);
  });

  it('French RemoteAccess 20271: its labels (`Source :`, `Date :`, blank before the colon) stay in the one event; the id decides, the date is day first', () => {
    const r = parseServerLog(FRENCH_20271);
    expect([r.records, r.understood, r.unknown]).toEqual([1, 1, 0]);
    const e = r.entries[0]!;
    // (a translated 20271 without its XML holds no error code: none assumed — round 44; before, 691)
    expect([e.line, e.endLine, e.family, e.cause, e.code]).toEqual([1, 11, 'rras', 'ras-error', undefined]);
    // the address, as Windows wrote it into the French words (for matching the PC's side)
    expect(e.peer).toBe('203.0.113.5');
    expect([e.time?.month, e.time?.day]).toEqual([2, 5]);
    expect(describeEntry(e, t)).toContain('RRAS event 20271');
  });

  it('a French event still ends where a Format-List field (padded name) starts', () => {
    const r = parseServerLog([FRENCH_20271, 'EventID            : 20111', 'Source             : RemoteAccess'].join('\r\n'));
    expect([r.entries[0]!.line, r.entries[0]!.endLine, r.entries[1]!.line]).toEqual([1, 11, 12]);
  });

  it('Dutch NPS 6273 without XML: the reason code, the user and the PC by their Dutch labels', () => {
    const e = parseServerLog(nps6273(DUTCH_HEAD, DUTCH_BODY)).entries[0]!;
    expect([e.cause, e.code, e.user, e.peer]).toEqual(['credentials-rejected', 649, 'CORP\\carol', '198.51.100.7']);
    expect([e.time?.month, e.time?.day]).toEqual([2, 5]);
    expect(describeEntry(e, t)).toBe('NPS denied access to CORP\\carol (event 6273, authentication MS-CHAPv2): the account is not allowed to dial in: its network access permission is set to deny (NPS reason 65, IAS_DIALIN_DISABLED).');
    expect(describeEntry(e, nl)).toContain('NPS-redencode 65');
  });

  it('German and French NPS 6273: `Ursachencode:` and `Code de raison :` are the reason code', () => {
    const german = parseServerLog(nps6273(['Protokollname: Security', 'Quelle:        Microsoft-Windows-Security-Auditing', 'Ereignis-ID:   6273', 'Beschreibung:'], ['Der Netzwerkrichtlinienserver hat einem Benutzer den Zugriff verweigert.', 'Benutzer:', '\tKontoname:\t\tdave', '\tVollqualifizierter Kontoname:\tCORP\\dave', 'Authentifizierungsdetails:', '\tAuthentifizierungstyp:\tMS-CHAPv2', '\tUrsachencode:\t\t16', '\tUrsache:\t\tAuthentifizierungsfehler aufgrund nicht übereinstimmender Benutzeranmeldeinformationen.'])).entries[0]!;
    expect([german.cause, german.code, german.user]).toEqual(['credentials-rejected', 691, 'CORP\\dave']);
    const french = parseServerLog(nps6273(['Nom du journal :Sécurité', 'Source :       Microsoft-Windows-Security-Auditing', 'ID de l’événement :6273', 'Description :'], ['Le serveur NPS a refusé l’accès à un utilisateur.', 'Détails d’authentification :', '\tType d’authentification :\tEAP', '\tCode de raison :\t\t48', '\tRaison :\t\tLa demande de connexion ne correspond à aucune stratégie réseau configurée.'])).entries[0]!;
    expect([french.cause, french.code]).toEqual(['ras-error', 812]);
  });

  it("a language whose reason label is not known: the reason code is the message's last field that is a number alone (its place in the template)", () => {
    const head = ['Nome do Log:   Segurança', 'Fonte:         Microsoft-Windows-Security-Auditing', 'Identificação do Evento:6273', 'Descrição:'];
    const e = parseServerLog(nps6273(['Event ID: 6273', 'Source: Microsoft-Windows-Security-Auditing', 'Description:'], ['O Servidor de Políticas de Rede negou acesso a um usuário.', 'NAS:', '\tPorta do NAS:\t\t7', 'Detalhes da Autenticação:', '\tIdentificador da Sessão da Conta:\t31', '\tCódigo do Motivo:\t\t48', '\tMotivo:\t\tA solicitação de conexão não correspondeu a uma política de rede configurada.'])).entries[0]!;
    expect([e.cause, e.code]).toEqual(['ras-error', 812]);
    // a known label without a number: no reason code, and none guessed from NAS Port's number
    const none = parseServerLog(nps6273(['Event ID: 6274', 'Source: Microsoft-Windows-Security-Auditing', 'Description:'], ['NAS:', '\tNAS Port:\t\t7', 'Authentication Details:', '\tReason Code:\t\t-'])).entries[0]!;
    expect([none.outcome, none.cause, none.code]).toEqual(['warning', undefined, undefined]);
    // (the header's own labels unknown too: not an event block at all, nothing guessed)
    expect(parseServerLog(nps6273(head, ['Código do Motivo: 48'])).entries.some((x) => x.cause)).toBe(false);
  });

  it('Spanish: `Origen:` is the source and `ID. de evento:` the id (as Microsoft es-es pages quote a copy); `Código de motivo` the reason', () => {
    const r = parseServerLog(nps6273(['Nombre de registro:Security', 'Origen:        Microsoft-Windows-Security-Auditing', 'Fecha:         05/02/2023 9:41:07', 'ID. de evento: 6273', 'Descripción:'], ['Servidor de directivas de redes denegó el acceso a un usuario.', 'Detalles de autenticación:', '\tTipo de autenticación:\tMS-CHAPv2', '\tCódigo de motivo:\t16', '\tMotivo:\tError de autenticación.']));
    const e = r.entries[0]!;
    expect([r.records, e.cause, e.code, e.time?.month, e.time?.day]).toEqual([1, 'credentials-rejected', 691, 2, 5]);
    const ra = parseServerLog(['Nombre de registro:Sistema', 'Origen:        RemoteAccess', 'ID. de evento: 20271', 'Descripción:', 'CoId={NA}: El usuario bob conectado desde 203.0.113.5 no pudo autenticarse.'].join('\n')).entries[0]!;
    expect([ra.cause, ra.code]).toEqual(['ras-error', undefined]);
  });

  it('Get-WinEvent | Format-List in German: English property names, a German message, a dotted time', () => {
    const text = ['TimeCreated  : 05.02.2023 09:41:07', 'ProviderName : Microsoft-Windows-Security-Auditing', 'Id           : 6273', 'Message      : Der Netzwerkrichtlinienserver hat einem Benutzer den Zugriff verweigert.', '', '               Authentifizierungsdetails:', '               \tAuthentifizierungstyp:\t\tMS-CHAPv2', '               \tUrsachencode:\t\t\t65', '               \tUrsache:\t\t\tDie Remotezugriffsberechtigung für das Benutzerkonto wurde verweigert.'].join('\r\n');
    const e = parseServerLog(text).entries.find((x) => x.cause)!;
    expect([e.line, e.cause, e.code, e.time?.month, e.time?.day]).toEqual([1, 'credentials-rejected', 649, 2, 5]);
  });

  it('Get-WinEvent | Format-List with its LevelDisplayName (Microsoft Learn Get-WinEvent examples name it): a Dutch level, one event', () => {
    const text = ['TimeCreated      : 5-2-2023 09:41:07', 'ProviderName     : RasClient', 'Id               : 20227', 'LevelDisplayName : Fout', 'Message          : CoId={NA}: De gebruiker CORP\\alice heeft een verbinding met de naam Werk gekozen die is mislukt. De foutcode is 809.'].join('\r\n');
    const r = parseServerLog(text);
    expect([r.records, r.unknown]).toEqual([5, 0]);
    const e = r.entries.find((x) => x.cause)!;
    expect([e.line, e.cause, e.code, e.time?.month, e.time?.day]).toEqual([1, 'ras-error', 809, 2, 5]);
  });

  it('wevtutil text of Windows Server 2022: `Event[0]` without its colon, then the labels (JeftaDirksen/BlockIP issue #1)', () => {
    const r = parseServerLog(['Event[0]', '  Log Name: System', '  Source: RemoteAccess', '  Date: 2023-02-05T09:41:07.1520000Z', '  Event ID: 20271', '  Level: Avertissement', '  Description: ', "CoId={NA} : L'utilisateur bob connecté depuis 203.0.113.5 n'a pas réussi à s'authentifier."].join('\n'));
    expect([r.records, r.unknown, r.entries[0]!.cause, r.entries[0]!.peer, r.entries[0]!.time?.day]).toEqual([1, 0, 'ras-error', '203.0.113.5', 5]);
  });

  it('wevtutil text with French labels: `Source :` inside it is its own', () => {
    const r = parseServerLog(['Event[0]:', '  Nom du journal : System', '  Source : RemoteAccess', '  Date : 2023-02-05T09:41:07.123', '  ID de l’événement : 20271', '  Description : ', "CoId={NA} : L'utilisateur bob connecté depuis 203.0.113.5 n'a pas réussi à s'authentifier."].join('\n'));
    expect([r.records, r.entries[0]!.cause, r.entries[0]!.peer]).toEqual([1, 'ras-error', '203.0.113.5']);
  });

  it('wevtutil text with German labels (`Event[0]:` then `Protokollname:` …) is one event, read by its id', () => {
    const r = parseServerLog(['Event[0]:', '  Protokollname: System', '  Quelle: RemoteAccess', '  Datum: 2023-02-05T09:41:07.123', '  Ereignis-ID: 20271', '  Beschreibung: ', 'CoId={NA}: Der Benutzer bob, verbunden von 203.0.113.5, konnte nicht authentifiziert werden.'].join('\n'));
    expect([r.records, r.entries[0]!.cause, r.entries[0]!.code, r.entries[0]!.time?.day]).toEqual([1, 'ras-error', undefined, 5]);
  });
});

describe("the RAS service's source names (remote-access-events.ts isRemoteAccessSource)", () => {
  const nt = (source: string) => parseServerLog(['Event ID: 20055', `Source: ${source}`, 'Description: The Remote Access Service server could not be started', '             because it has been configured to access the network and', '             there are no network adapters available.'].join('\n')).entries[0]!;
  it('NT 3.5\'s "Remote Access Service" (KB Q150153), NT 3.x\'s "Remote Access", "RRAS": a RAS event, read by its text as "RemoteAccess" is', () => {
    for (const source of ['RemoteAccess', 'Remote Access Service', 'Remote Access', 'RRAS']) expect([source, nt(source).cause]).toEqual([source, 'service-down']);
    // another source's 20055 stays an event by id
    expect(nt('Remote Access Auto Connection Manager').cause).toBeUndefined();
  });
});

describe('parseEventTime: the order of day and month', () => {
  it("as Windows printed it in the PC's culture: slashes with AM/PM month first (en-US), other slashes, dots and dashes day first", () => {
    expect(parseEventTime('2/5/2023 9:41:07 AM', 'culture')).toMatchObject({ month: 2, day: 5, hour: 9 });
    expect(parseEventTime('2/13/2023 9:41:07 PM', 'culture')).toMatchObject({ month: 2, day: 13, hour: 21 });
    expect(parseEventTime('05/02/2023 09:41:07', 'culture')).toMatchObject({ month: 2, day: 5 });
    expect(parseEventTime('05.02.2023 09:41:07', 'culture')).toMatchObject({ month: 2, day: 5 });
    expect(parseEventTime('5-2-2023 09:41:07', 'culture')).toMatchObject({ month: 2, day: 5 });
    expect(parseEventTime('2023-02-05T09:41:07.123', 'culture')).toMatchObject({ year: 2023, month: 2, day: 5, second: 7 });
  });
  it("NPS's log files write MM/DD/YYYY on a 24-hour clock whatever the language: month first, unless the first number cannot be a month", () => {
    expect(parseEventTime('06/04/1999 14:42:19')).toMatchObject({ month: 6, day: 4, hour: 14 });
    expect(parseEventTime('01/18/2019 13:04:47.638')).toMatchObject({ month: 1, day: 18, second: 47 });
    expect(parseEventTime('13/02/2023 09:41:07')).toMatchObject({ month: 2, day: 13 });
  });
  it('an English Event Viewer copy without AM/PM (en-GB) is day first too', () => {
    const e = parseServerLog(['Log Name:      Application', 'Source:        RasClient', 'Date:          05/02/2023 09:41:07', 'Event ID:      20227', 'Description:', 'CoId={NA}: The user CORP\\alice dialed a connection named VPN which has failed. The error code returned on failure is 809.'].join('\n')).entries[0]!;
    expect([e.code, e.time?.month, e.time?.day]).toEqual([809, 2, 5]);
  });
});
