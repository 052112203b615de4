import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { describeEntry } from './describe';
import { binaryServiceName } from './families/service-control-events';
import { vpnServiceByName, vpnServiceInText } from './families/windows-services';
import { parseServerLog } from './index';

/**
 * Service Control Manager events about a VPN server's own services (service-control-events.ts): by the XML's insertion strings and
 * the binary data's key name, in any language; a copy as text by the display name in its message and, for the state and the
 * error, its English words. The XML's shape is Windows' (Event Viewer's XML view: `<Data Name="param1">`, `<Binary>`; winlogbeat's
 * test event for 7036 "running" with `…002F0034000000`, "/4").
 */

const en = engineT('en');
const nl = engineT('nl');

/** UTF-16LE hex of a key name and its NUL, as the event's binary data holds it */
const utf16 = (s: string): string => [...`${s}\u0000`].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase() + '00').join('');

function xml(id: number, params: readonly string[], binary?: string, time = '2024-03-05T10:00:00.000000000Z'): string {
  const data = params.map((p, i) => `<Data Name="param${i + 1}">${p}</Data>`).join('');
  return (
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Service Control Manager" Guid="{555908d1-a6d7-4695-8e1e-26931d2012f4}" EventSourceName="Service Control Manager"/>` +
    `<EventID Qualifiers="16384">${id}</EventID><Level>4</Level><TimeCreated SystemTime="${time}"/><Channel>System</Channel><Computer>VPN01</Computer></System>` +
    `<EventData>${data}${binary ? `<Binary>${binary}</Binary>` : ''}</EventData></Event>`
  );
}

const says = (text: string, t = en) => parseServerLog(text, 'x.log').entries.map((e) => [e.line, describeEntry(e, t), e.cause ?? null]);
const serviceFinding = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t).findings.find((f) => f.id === 'server.service-down');

describe('Service Control Manager events about the VPN server’s services', () => {
  it('the binary data holds the key name in UTF-16 (and 7036’s state after a slash): the brief’s RemoteAccess bytes, winlogbeat’s', () => {
    expect(utf16('RemoteAccess').startsWith('520065006D006F00740065004100630063006500730073')).toBe(true);
    expect(binaryServiceName('770069006E006C006F00670062006500610074002F0034000000')).toEqual({ key: 'winlogbeat', state: 4 });
    expect(binaryServiceName('570064004E00690073005300760063000000')).toEqual({ key: 'WdNisSvc' });
    // a RemoteAccess event's DWORD is no name
    expect(binaryServiceName('B3020000')).toBeUndefined();
  });

  it('7036 stopped, then running again: down, then back — the finding a warning, "stopped and was started again"', () => {
    const text = [xml(7036, ['Routing and Remote Access', 'stopped'], utf16('RemoteAccess/1')), xml(7036, ['Routing and Remote Access', 'running'], utf16('RemoteAccess/4'), '2024-03-05T10:05:00.000000000Z')].join('\n');
    expect(says(text)).toEqual([
      [1, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped (Service Control Manager event 7036).", 'service-down'],
      [2, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) is running (Service Control Manager event 7036).", 'service-recovered'],
    ]);
    expect(serviceFinding(text)).toMatchObject({ severity: 'warning', title: "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped and was started again" });
  });

  it('a German server: the display name and state word in German, the binary’s key and state decide', () => {
    const text = xml(7036, ['Routing und RAS', 'Beendet'], utf16('RemoteAccess/1'));
    expect(says(text)[0]![2]).toBe('service-down');
    const f = serviceFinding(text, nl)!;
    expect(f).toMatchObject({ severity: 'critical', title: 'De Windows-service Routering en externe toegang (RemoteAccess) van de VPN-server draait niet' });
    expect(f.summary).toContain('Start-Service RemoteAccess');
    // without the binary the German state word decides (STATE_WORDS); a word the table lacks leaves the event named by its id
    expect(says(xml(7036, ['Routing und RAS', 'Beendet']))[0]![2]).toBe('service-down');
    expect(says(xml(7036, ['Routing und RAS', 'Zustand 1']))[0]![1]).toBe('Event 7036 from Service Control Manager.');
  });

  it('7023 with the error as a message reference (%%1068), 7000 %%1069, 7024 a number: decoded; the key decides over the name', () => {
    expect(says(xml(7023, ['Remote Access Connection Manager', '%%1068'], utf16('RasMan')))[0]).toEqual([
      1,
      "The VPN server's Windows service Remote Access Connection Manager (RasMan) stopped with an error: a service it depends on did not start (Windows error 1068) (Service Control Manager event 7023).",
      'service-down',
    ]);
    expect(says(xml(7000, ['IKE and AuthIP IPsec Keying Modules', '%%1069']))[0]![1]).toBe(
      "The VPN server's Windows service IKE and AuthIP IPsec Keying Modules (IKEEXT) could not start: its account could not log on (Windows error 1069) (Service Control Manager event 7000).",
    );
    expect(says(xml(7024, ['Secure Socket Tunneling Protocol Service', '2']))[0]![1]).toBe(
      "The VPN server's Windows service Secure Socket Tunneling Protocol Service (SstpSvc) stopped with an error: a file it needs is missing (the service's own error 2, 0x2) (Service Control Manager event 7024).",
    );
  });

  it('7034/7031 terminated unexpectedly (with its count), 7009 a start time-out: down; 7011 no answer: a warning without a cause', () => {
    expect(says(xml(7034, ['IPsec Policy Agent', '1']))[0]).toEqual([1, "The VPN server's Windows service IPsec Policy Agent (PolicyAgent) terminated unexpectedly (times so far: 1) (Service Control Manager event 7034).", 'service-down']);
    expect(says(xml(7031, ['Network Policy Server', '2', '60000', '1', 'Restart the service']))[0]![2]).toBe('service-down');
    expect(says(xml(7009, ['30000', 'Remote Access Connection Manager']))[0]![1]).toBe(
      "The VPN server's Windows service Remote Access Connection Manager (RasMan) did not report within 30000 ms that it had started, so it did not start (Service Control Manager event 7009).",
    );
    const hang = parseServerLog(xml(7011, ['30000', 'RasMan']), 'x.log').entries[0]!;
    expect([hang.outcome, hang.cause]).toEqual(['warning', undefined]);
  });

  it('another service (said to be none of the VPN’s, by its display name), or a VPN service running with nothing down before it: no finding', () => {
    expect(says(xml(7036, ['Windows Update', 'stopped'], utf16('wuauserv/1')))[0]).toEqual([1, 'Service Control Manager event 7036 about the Windows Update service: not one of the services a Windows VPN server needs, so not a cause here.', null]);
    const start = xml(7036, ['Routing and Remote Access', 'running'], utf16('RemoteAccess/4'));
    expect(says(start)[0]![2]).toBeNull();
    expect(serviceFinding(start)).toBeUndefined();
  });

  it('an RRAS event that it could not start, then the service manager’s "running": back (the same service by its key)', () => {
    const rras = ['Event ID: 20063', 'Source: Router', 'Type: Error', '', 'Remote Access Connection Manager failed to start because the Point to Point Protocol failed to initialize.', ''].join('\n');
    const f = serviceFinding([rras, xml(7036, ['Routing and Remote Access', 'running'], utf16('RemoteAccess/4'))].join('\n'));
    expect(f).toMatchObject({ severity: 'warning' });
  });

  it('a copy as text: the service by its display name in any language the table has, the state and error by the English words', () => {
    const copy = (id: number, message: string) => ['Log Name:      System', 'Source:        Service Control Manager', 'Date:          5/3/2024 10:00:00 AM', `Event ID:      ${id}`, 'Level:         Error', 'Description:', message].join('\n');
    expect(says(copy(7023, 'The Routing and Remote Access service terminated with the following error:\nThe dependency service or group failed to start.'))[0]![1]).toBe(
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error: a service it depends on did not start (Windows error 1068) (Service Control Manager event 7023).",
    );
    // French: the id says it ended unexpectedly, the display name which service, the count its digits (the words around it French)
    expect(says(copy(7034, 'Le service Routage et accès distant s’est arrêté de façon inattendue. Il s’est arrêté 1 fois.'))[0]).toEqual([
      1,
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) terminated unexpectedly (times so far: 1) (Service Control Manager event 7034).",
      'service-down',
    ]);
    expect(says(copy(7036, 'The Remote Access Connection Manager service entered the stopped state.'))[0]![2]).toBe('service-down');
    // NT 4.0's RAS ("Remote Access Service", KB Q165941's 7001) waiting on a service not in the table: that one named as written
    expect(says(copy(7001, 'The Remote Access Service depends on the RIP for Nwlink IPX service\nwhich failed to start because of the following error:\nThe parameter is incorrect.'))[0]![1]).toBe(
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) could not start: the service RIP for Nwlink IPX it depends on did not start: a setting (parameter) is wrong (Windows error 87) (Service Control Manager event 7001).",
    );
  });

  it('7031/7034 copied from a translated Windows: the count and the time-out by their digits, in en and nl; the action by param4 or English words', () => {
    const scm = (id: number, message: string) => ['Log Name:      System', 'Source:        Service Control Manager', `Event ID:      ${id}`, 'Description:', message].join('\n');
    // German Windows' 7031 (its wording as German System logs show it; the recovery action's words German, so not named)
    const de = scm(7031, 'Der Dienst "Routing und RAS" wurde unerwartet beendet. Dies ist bereits 2 Mal passiert. Folgende Korrekturmaßnahme wird in 60000 Millisekunden durchgeführt: Neustart des Diensts.');
    expect(says(de)[0]).toEqual([
      1,
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) terminated unexpectedly (times so far: 2); the service manager takes the recovery action set on the service's Recovery tab in 60000 ms (Service Control Manager event 7031).",
      'service-down',
    ]);
    expect(says(de, nl)[0]![1]).toBe(
      'De Windows-service Routering en externe toegang (RemoteAccess) van de VPN-server stopte onverwacht (aantal keren tot nu toe: 2); het servicebeheer voert over 60000 ms de herstelactie uit die op het tabblad Herstel van de service is ingesteld (gebeurtenis 7031 van het servicebeheer).',
    );
    // Japanese: the count before its counter word
    expect(says(scm(7034, 'Routing and Remote Access サービスは予期せぬ原因により終了しました。このサービスの終了は 3 回目です。'))[0]![1]).toContain('(times so far: 3)');
    // the XML: param4 the action's number (1: restart), param5 its words in the server's language (not read)
    expect(says(xml(7031, ['Routing und RAS', '1', '120000', '1', 'Neustart des Diensts']))[0]![1]).toBe(
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) terminated unexpectedly (times so far: 1); the service manager restarts it in 120000 ms (Service Control Manager event 7031).",
    );
    expect(says(xml(7031, ['Routing und RAS', '1', '120000', '1', 'Neustart des Diensts']), nl)[0]![1]).toContain('het servicebeheer start hem over 120000 ms opnieuw');
    // English words for the action where there is no param4 (a copy as text)
    expect(says(scm(7031, 'The Routing and Remote Access service terminated unexpectedly.  It has done this 4 time(s).  The following corrective action will be taken in 0 milliseconds: No action.'))[0]![1]).toContain(
      '(times so far: 4); the service manager takes no action (',
    );
  });

  it('7000/7023/7024 copied from a translated Windows: the error by a %%N reference, a number with its hex, or the only number; words alone leave it out', () => {
    const scm = (id: number, message: string) => ['Log Name:      System', 'Source:        Service Control Manager', `Event ID:      ${id}`, 'Description:', message].join('\n');
    expect(says(scm(7023, 'Der Dienst "Routing und RAS" wurde mit folgendem Fehler beendet: %%1067'))[0]![1]).toBe(
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error: its process ended unexpectedly (Windows error 1067) (Service Control Manager event 7023).",
    );
    expect(says(scm(7000, 'Le service Routage et accès distant n’a pas pu démarrer en raison de l’erreur : %%1068'), nl)[0]![1]).toBe(
      'De Windows-service Routering en externe toegang (RemoteAccess) van de VPN-server kon niet starten: een service waarvan hij afhangt, startte niet (Windows-fout 1068) (gebeurtenis 7000 van het servicebeheer).',
    );
    expect(says(scm(7024, 'Der Dienst "Routing und RAS" wurde mit folgendem dienstspezifischem Fehler beendet: 87 (0x57).'))[0]![1]).toBe(
      "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error: a setting (parameter) is wrong (the service's own error 87, 0x57) (Service Control Manager event 7024).",
    );
    // the error's words in German, no number: service-down by the id, no error named (not a made-up one)
    const words = says(scm(7000, 'Der Dienst "Routing und RAS" wurde aufgrund folgenden Fehlers nicht gestartet: Das System kann die angegebene Datei nicht finden.'))[0]!;
    expect([words[1], words[2]]).toEqual(["The VPN server's Windows service Routing and Remote Access (RemoteAccess) could not start (Service Control Manager event 7000).", 'service-down']);
  });

  it('7036 copied as text from a translated Windows: the state by the message’s wording (ja, fr, de seen; es, ru assumed), the service by its display name', () => {
    const copy = (message: string) => ['Log Name:      System', 'Source:        Service Control Manager', 'Event ID:      7036', 'Description:', message].join('\n');
    const cases: [string, string | null][] = [
      ['Routing and Remote Access サービスは 停止 状態に移行しました。', 'service-down'],
      ["Le service Routage et accès distant est entré dans l'état : arrêté.", 'service-down'],
      ['Der Dienst "Routing und RAS" befindet sich jetzt im Status "Beendet".', 'service-down'],
      ['El servicio Enrutamiento y acceso remoto entró en estado: detenido', 'service-down'],
      ['Служба "Маршрутизация и удаленный доступ" перешла в состояние Остановлена.', 'service-down'],
      ['Служба "Агент политики IPsec" перешла в состояние "Остановлена".', 'service-down'],
      // running with nothing down before it: only a start
      ["Le service Routage et accès distant est entré dans l'état : en cours d'exécution.", null],
      ['Der Dienst "Routing und RAS" befindet sich jetzt im Status "Wird ausgeführt".', null],
    ];
    for (const [message, cause] of cases) expect([message, says(copy(message))[0]![2]]).toEqual([message, cause]);
    expect(says(copy('Der Dienst "Routing und RAS" befindet sich jetzt im Status "Beendet".'))[0]![1]).toBe("The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped (Service Control Manager event 7036).");
    // stopped, then running again in French: back, the finding "stopped and was started again"
    const both = [copy("Le service Routage et accès distant est entré dans l'état : arrêté."), '', copy("Le service Routage et accès distant est entré dans l'état : en cours d'exécution.")].join('\n');
    expect(says(both).map(([, , c]) => c)).toEqual(['service-down', 'service-recovered']);
  });

  it('a translated 7036 about another service names it (as a French cheat sheet’s Get-WinEvent example shows Windows Update): not a VPN service, no cause', () => {
    const copy = ['Log Name:      System', 'Source:        Service Control Manager', 'Event ID:      7036', 'Description:', "Le service Windows Update est entré dans l'état : en cours d'exécution."].join('\n');
    expect(says(copy)[0]).toEqual([1, 'Service Control Manager event 7036 about the Windows Update service: not one of the services a Windows VPN server needs, so not a cause here.', null]);
  });

  it('Get-EventLog’s Format-List: the key name from Data’s bytes, the state from ReplacementStrings', () => {
    const bytes = [...'RasMan/1\u0000'].flatMap((c) => [c.charCodeAt(0), 0]).join(', ');
    const list = ['EventID            : 7036', 'MachineName        : VPN01', `Data               : {${bytes}}`, 'Index              : 5123', 'EntryType          : Information', 'Source             : Service Control Manager', 'ReplacementStrings : {Remote Access Connection Manager, stopped}', 'TimeGenerated      : 3/5/2024 10:00:00 AM'].join('\n');
    expect(says(list).find(([, , c]) => c)?.[1]).toBe("Windows event 7036. The VPN server's Windows service Remote Access Connection Manager (RasMan) stopped (Service Control Manager event 7036).");
  });

  it('display names: whole words, the earliest and longest; a console’s cut French name by its seen beginning', () => {
    expect(vpnServiceInText('The Routing and Remote Access Service depends on the Remote Access Connection Manager service')).toBe('RemoteAccess');
    expect(vpnServiceInText('The Remote Access Auto Connection Manager service entered the stopped state.')).toBeUndefined();
    expect(vpnServiceByName('Gestionnaire des connexions d’accès à distance')).toBe('RasMan');
    expect(vpnServiceByName('Windows Update')).toBeUndefined();
    expect(vpnServiceByName('Remote Access Service Helper')).toBeUndefined();
    expect(vpnServiceByName('Roteamento e Acesso Remoto')).toBe('RemoteAccess');
    expect(vpnServiceByName('Routing e Accesso remoto')).toBe('RemoteAccess');
  });
});
