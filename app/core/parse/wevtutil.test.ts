import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { parseRasEvents } from './wevtutil';

/** One row per corpus file: [id, kind, errorCode, codeFrom, entryName, user] of each event, checked by hand. */
const EXPECTED: Record<string, [number | null, string, number | undefined, string | undefined, string, string][]> = {
  'win10-en-rasclient-20221-l2tp-connection-settings-md-quoted.txt': [[20221, 'dialing', undefined, undefined, 'hattusa - HK', 'SYSTEM']],
  'win10-en-rasclient-20227-ikev2-809-eventviewer-details-xml.txt': [[20227, 'failed', 809, 'eventdata', 'Algo VPN 51.15.142.210 IKEv2', 'SYSTEM']],
  'win10-en-rasclient-20227-ikev2-87-domain-user-redacted.txt': [[20227, 'failed', 87, 'message', 'Home-IKEv2', 'xxxxx\\yyyyyy']],
  'win10-en-rasclient-20227-l2tp-691-message-line.txt': [[20227, 'failed', 691, 'message', 'hattusa - HK', 'SYSTEM']],
};

describe.skipIf(!corpusAvailable)('RasClient events corpus', () => {
  it('has a row for every corpus file', () => expect(corpusFiles('events')).toEqual(Object.keys(EXPECTED).sort()));
  for (const [file, rows] of Object.entries(EXPECTED)) {
    it(file, () => {
      const r = parseRasEvents(readCorpus('events', file), `events/${file}`);
      expect(r.problems).toEqual([]);
      expect(r.value.map((e) => [e.id, e.kind, e.errorCode, e.codeFrom, e.entryName, e.user])).toEqual(rows);
    });
  }
  it('20221 settings survive the Markdown quotes (Authentication Type = CHAP)', () => {
    const [e] = parseRasEvents(readCorpus('events', 'win10-en-rasclient-20221-l2tp-connection-settings-md-quoted.txt')).value;
    expect(e!.settings).toMatchObject({ VpnStrategy: 'L2TP', DataEncryption: 'Require', 'Authentication Type': 'CHAP', 'IPsec authentication for L2TP': 'Pre-shared key' });
  });
  it('the Event Viewer copy takes time and record id from the XML', () => {
    const [e] = parseRasEvents(readCorpus('events', 'win10-en-rasclient-20227-ikev2-809-eventviewer-details-xml.txt')).value;
    expect(e).toMatchObject({ time: '2017-12-24T19:38:13.426726900Z', recordId: 8277, coId: '{FACCBEE1-58E9-4867-B9E7-0E7D94DC40C9}' });
  });
});

const WEVTUTIL = `Event[0]:
  Log Name: Application
  Source: RasClient
  Date: 2026-11-18T09:21:07.551
  Event ID: 20227
  Level: Error
  Description: 
CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user PC\\anna dialed a connection named Partner which has failed. The error code returned on failure is 742.

Event[1]:
  Log Name: Application
  Source: RasClient
  Date: 2026-11-18T09:10:00.000
  Event ID: 20225
  Level: Information
  Description: 
CoId={11111111-2222-3333-4444-555555555555}: The link to the Remote Access Server has been established by user PC\\anna.
`;

describe('event formats and bad input', () => {
  it('wevtutil /f:text: several records, kinds from the ID', () => {
    const r = parseRasEvents(WEVTUTIL);
    expect(r.problems).toEqual([]);
    expect(r.value.map((e) => [e.id, e.kind, e.errorCode, e.line, e.time])).toEqual([
      [20227, 'failed', 742, 1, '2026-11-18T09:21:07.551'],
      [20225, 'connected', undefined, 10, '2026-11-18T09:10:00.000'],
    ]);
  });
  it('a localised (German) message: the code comes from the insertion string, not the prose', () => {
    const xml = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="RasClient" /><EventID Qualifiers="0">20227</EventID></System><EventData><Data>{AB}</Data><Data>PC\\anna</Data><Data>Firma 2</Data><Data>734</Data></EventData></Event>`;
    const text = `Protokollname: Application\nQuelle:        RasClient\nEreignis-ID:   20227\nBeschreibung:\nCoId={AB}: Der Benutzer PC\\anna hat eine Verbindung namens "Firma 2" gewählt, die fehlgeschlagen ist. Der zurückgegebene Fehlercode lautet 734 (Stand 2).\nEreignis-XML:\n${xml}\n`;
    const [e] = parseRasEvents(text).value;
    expect(e).toMatchObject({ id: 20227, kind: 'failed', errorCode: 734, codeFrom: 'eventdata', entryName: 'Firma 2', user: 'PC\\anna' });
  });
  it('Get-WinEvent JSON (Windows PowerShell 5 dates, Properties) and Get-EventLog JSON (ReplacementStrings)', () => {
    const json = JSON.stringify([
      { Id: 20227, ProviderName: 'RasClient', TimeCreated: '/Date(1763457667551)/', RecordId: 9, Message: 'CoId={A}: … 806.', Properties: [{ Value: '{A}' }, { Value: 'anna' }, { Value: 'Branch' }, { Value: '806' }] },
      { EventID: 20227, Source: 'RasClient', InstanceId: 20227, ReplacementStrings: ['{B}', 'anna', 'Corp', '734'], Message: 'x' },
      { Id: 1000, ProviderName: 'Application Error', Message: 'not ours' },
    ]);
    const r = parseRasEvents(json);
    expect(r.value.map((e) => [e.errorCode, e.entryName, e.codeFrom, e.time])).toEqual([
      [806, 'Branch', 'eventdata', '2025-11-18T09:21:07.551Z'],
      [734, 'Corp', 'eventdata', undefined],
    ]);
  });
  it('an event dump cut mid-record: the whole records are kept, the cut one is reported', () => {
    const cut = WEVTUTIL + 'Event[2]:\n  Log Name: Application\n  Source: RasClient\n  Date: 2026-11-18T09:00:00.000\n';
    const r = parseRasEvents(cut, 'rasclient-events.txt');
    expect(r.value).toHaveLength(2);
    expect(r.problems).toEqual([{ source: 'rasclient-events.txt', line: 18, message: expect.stringContaining('cut off'), code: 'events.noIdNoMessage' }]);
  });
  it('XML cut before </Event>, and a message cut before its code', () => {
    const r1 = parseRasEvents('<Event><System><Provider Name="RasClient"/><EventID>20227</EventID></System><EventData><Data>{A}</Data><Data>u</Data><Data>n</Data><Data>80');
    expect(r1.problems.map((p) => p.message).join('\n')).toMatch(/cut off/);
    const r2 = parseRasEvents('CoId={A}: The user u dialed a connection named n which has failed. The error code returned on failure is');
    expect(r2.value[0]!.errorCode).toBeUndefined();
    expect(r2.problems.map((p) => p.message).join('\n')).toMatch(/without an error code/);
  });
  it('events of other providers are skipped; text with no event at all is reported', () => {
    expect(parseRasEvents(WEVTUTIL.replace(/RasClient/g, 'Outlook')).value).toEqual([]);
    expect(parseRasEvents('hello').problems[0]!.message).toMatch(/no RasClient event/);
    expect(parseRasEvents('[{"Id": 1').problems[0]!.message).toMatch(/JSON events not readable/);
  });
  it('never throws', () => {
    const piece = fc.constantFrom('Event[0]:', '  Event ID: 20227', 'Source: RasClient', 'Description:', 'CoId={A}: x 734.', '<Event>', '<Data>9</Data>', '</Event>', '> quoted', '[', '{', 'Date:', 'EventID            : 20227', 'Id           : 20227', 'Message            : CoId={A}: x', '                     809.', 'Source             : RasClient', 'ReplacementStrings : {{A}, b, c, 809}', 'ReplacementStrings : {{A}, b...}', '失败后返回的错误代码为 809。');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 25 }), (lines) => void parseRasEvents(lines.join('\n'))));
    fc.assert(fc.property(fc.string(), (s) => void parseRasEvents(s)));
  });
});

describe('Format-List of event objects (event-format-list.ts)', () => {
  const listed = (fields: [string, string][]) => fields.map(([k, v]) => `${k.padEnd(18)} : ${v}`.trimEnd()).join('\n');
  it('Get-WinEvent list view: Id and ProviderName, the code from the wrapped message; two objects split where a name repeats', () => {
    const text = [
      listed([['TimeCreated', '11/18/2026 9:21:07 AM'], ['ProviderName', 'RasClient'], ['Id', '20227'], ['Message', 'CoId={A}: De gebruiker PC\\anna heeft een verbinding met de naam Kantoor gekozen']]),
      '                     die is mislukt. De foutcode is 691.',
      '',
      listed([['TimeCreated', '11/18/2026 9:20:00 AM'], ['ProviderName', 'Outlook'], ['Id', '20227'], ['Message', 'not ours']]),
    ].join('\n');
    const r = parseRasEvents(text);
    expect(r.problems).toEqual([]);
    expect(r.value.map((e) => [e.id, e.errorCode, e.codeFrom, e.time, e.line, e.entryName])).toEqual([[20227, 691, 'message', '11/18/2026 9:21:07 AM', 1, undefined]]);
  });
  it('a connection name holding ", " is the strings between the user and the code', () => {
    const r = parseRasEvents(listed([['EventID', '20227'], ['Message', 'x'], ['Source', 'RasClient'], ['ReplacementStrings', '{{A}, anna, Office, Rotterdam, 806}']]));
    expect(r.value[0]).toMatchObject({ user: 'anna', entryName: 'Office, Rotterdam', errorCode: 806, codeFrom: 'eventdata' });
  });
  it('a list cut at $FormatEnumerationLimit ("…...}") names nothing from its end: the code comes from the message', () => {
    const r = parseRasEvents(listed([['EventID', '20227'], ['Message', 'CoId={A}: … 809.'], ['Source', 'RasClient'], ['ReplacementStrings', '{{A}, anna, Office, Rotterdam...}']]));
    expect(r.value[0]).toMatchObject({ coId: '{A}', errorCode: 809, codeFrom: 'message' });
    expect(r.value[0]!.entryName).toBeUndefined();
  });
  it('20221 settings keep their lines; a list without a RasClient event says so', () => {
    const text = listed([['EventID', '20221'], ['Source', 'RasClient'], ['Message', 'CoId={A}: The user anna has started dialing … The connection settings are:']]) + '\n                     VpnStrategy = L2TP\n                     DataEncryption = Require';
    expect(parseRasEvents(text).value[0]!.settings).toEqual({ VpnStrategy: 'L2TP', DataEncryption: 'Require' });
    expect(parseRasEvents(listed([['EventID', '1000'], ['Source', 'Outlook'], ['Message', 'x']])).problems.map((p) => p.code)).toEqual(['events.noEvent']);
  });
});

describe('the error code at the end of a localised message (no insertion strings: wevtutil /f:text)', () => {
  // the Chinese ending is real (hwdsl2/setup-ipsec-vpn #1241, test/fixtures/real/events); the rest of
  // each line, and the Japanese wording, are made up around it
  const wevtutil = (description: string) => `Event[0]:\n  Log Name: Application\n  Source: RasClient\n  Event ID: 20227\n  Description: \n${description}\n`;
  it.each([
    ['zh, ideographic full stop', 'CoId={A}: 用户 PC\\anna 拨打了名为 Kantoor 的拨号连接，该连接已失败。失败后返回的错误代码为 809。', 809],
    ['ja, a word after the code', 'CoId={A}: ユーザー PC\\anna が Kantoor という名前の接続をダイヤルしましたが、失敗しました。エラー コードは 691 です。', 691],
    ['en', 'CoId={A}: The user PC\\anna dialed a connection named VPN 2 which has failed. The error code returned on failure is 720.', 720],
  ])('%s', (_, line, code) => {
    const r = parseRasEvents(wevtutil(line));
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toMatchObject({ id: 20227, errorCode: code, codeFrom: 'message' });
  });
  it('without an id, a CoId line ending in a code is a failure; one ending in a name with a digit is not', () => {
    const [failed] = parseRasEvents('CoId={A}: 用户 anna 的拨号连接，该连接已失败。失败后返回的错误代码为 809。').value;
    expect(failed).toMatchObject({ kind: 'failed', errorCode: 809 });
    const [linked] = parseRasEvents('CoId={A}: The link to the Remote Access Server has been established by user PC\\anna1.').value;
    expect(linked).toMatchObject({ kind: 'other' });
    expect(linked!.errorCode).toBeUndefined();
  });
});

describe('Japanese and Korean labels (event-viewer-labels.ts)', () => {
  it('an Event Viewer copy in Japanese without its XML: the id from イベント ID, split at ログ名', () => {
    const copy = (id: number, message: string) => `ログ名:         Application\nソース:         RasClient\n日付:           2026/11/18 9:21:07\nイベント ID:    ${id}\n説明:\n${message}\n`;
    const r = parseRasEvents(copy(20227, 'CoId={A}: ユーザー PC\\anna が Kantoor という名前の接続をダイヤルしましたが、失敗しました。エラー コードは 691 です。') + copy(20221, 'CoId={A}: x'));
    expect(r.problems).toEqual([]);
    expect(r.value.map((e) => [e.id, e.kind, e.errorCode, e.time])).toEqual([
      [20227, 'failed', 691, '2026/11/18 9:21:07'],
      [20221, 'dialing', undefined, '2026/11/18 9:21:07'],
    ]);
  });
  it('wevtutil /f:text in Korean: 이벤트 ID and 원본', () => {
    const r = parseRasEvents('Event[0]:\n  로그 이름: Application\n  원본: RasClient\n  이벤트 ID: 20227\n  설명: \nCoId={A}: … 809.\n');
    expect(r.value.map((e) => [e.id, e.errorCode])).toEqual([[20227, 809]]);
  });
});
