import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Held-out real Windows output pasted into the server-log box (round 42, test/fixtures/real/server-logs, sources in SOURCES.md):
 * rasdial.exe's, the PC's command-line dialler — `Remote Access error 800 - …` and its help footer, in English and in Japanese
 * (`リモート アクセス エラー 691 - …`). Before, no line of it was read ("no line of this text is in a server log format"); now it is read
 * by its format (families/rasdial-output.ts): the error's number after a label and before ` - `, the help's `'hh netcfg.chm'`, the
 * progress lines after the command — the words in any language. And Event Viewer's "Copy details as text" in a language whose
 * `Log Name:` label was not listed (Japanese `ログの名前:`, Chinese `日志名称:`): no block started, nothing read; now a block starts at
 * a label whose value is the log's own, untranslated name (`System`, `Security`, `Microsoft-Windows-…/Operational`).
 */

const EN_800 = 'rasdial-en-cmd-prompt-echoed-command-ikev2-pbk-remote-access-error-800.txt';
const EN_797 = 'rasdial-en-no-prompt-remote-access-error-797-modem-not-found-tab-line-after.txt';
const JA_691 = 'rasdial-ja-gitbash-691-remote-access-error-hh-netcfg-help-lines.txt';
const JA_SCM = 'eventviewer-ja-localised-labels-scm-7031-rdagent-7036-md-quoted-date-placeholder.txt';
const ZH_4688 = 'eventviewer-zh-localised-labels-security-4688-process-creation-tabbed-fields.txt';

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 0 of 13 lines, not a log: "no line of this text is in a server log format")
  [EN_800]: {
    records: 12,
    understood: 12,
    families: { rasman: 12 },
    causes: [[9, 'ras-error']],
    says: [
      [2, 'The rasdial command'],
      [3, "rasdial's progress"],
      [9, "The PC's command-line dial (rasdial) failed with Windows error 800."],
      [12, "rasdial's pointer to Windows help"],
    ],
  },
  // (was 0 of 6 lines, not a log)
  [EN_797]: {
    records: 6,
    understood: 6,
    families: { rasman: 6 },
    causes: [[4, 'ras-error']],
    says: [[4, 'failed with Windows error 797.']],
  },
  // (was 0 of 7 lines, not a log: the Japanese label, progress and help)
  [JA_691]: {
    records: 7,
    understood: 7,
    families: { rasman: 7 },
    causes: [[5, 'credentials-rejected']],
    says: [
      [2, "rasdial's progress"],
      [5, 'failed with Windows error 691.'],
      [7, "rasdial's pointer to Windows help"],
      [9, "rasdial's pointer to Windows help"],
    ],
  },
  // (was 0 of 19 lines, not a log: the Japanese `ログの名前:` label not known, no block started)
  [JA_SCM]: {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [],
    says: [
      [1, 'Event 7031 from Service Control Manager.'],
      [12, 'Service Control Manager event 7036 about the RdAgent service'],
    ],
  },
  // (was 0 of 32 lines, not a log: the Chinese `日志名称:` label not known)
  [ZH_4688]: {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Event 4688 from Microsoft-Windows-Security-Auditing.']],
  },
};

describe('held-out real Windows rasdial output and localised Event Viewer copies (round 42)', () => {
  realServerLogTable(EXPECTED);
});

const read = (text: string) => parseServerLog(text, 'paste.txt');
const failures = (text: string) => read(text).entries.filter((e) => e.cause).map((e) => [e.line, e.cause, e.code]);

describe('rasdial output: read by its format, in any language (families/rasdial-output.ts)', () => {
  it('an error line in another language is read by its number (German, French, Chinese labels)', () => {
    expect(failures('Remotezugriffsfehler 809 - Die Netzwerkverbindung zwischen Ihrem Computer und dem VPN-Server konnte nicht hergestellt werden.')).toEqual([[1, 'ras-error', 809]]);
    expect(failures("Erreur d'accès à distance 691 - La connexion à distance a été refusée car la combinaison nom d'utilisateur/mot de passe n'est pas reconnue.")).toEqual([[1, 'credentials-rejected', 691]]);
    expect(failures('远程访问错误 13801 - IKE 身份验证凭据不可接受。')).toEqual([[1, 'ike-auth-failed', 13801]]);
  });

  it("a PowerShell prompt's rasdial, its progress and a failure: the PC's own, every line read", () => {
    const r = read(['PS C:\\Users\\ana> rasdial "Büro VPN" ana geheim', 'Verbindung mit Büro VPN wird hergestellt...', 'Benutzername und Kennwort werden überprüft...', '', 'Remotezugriffsfehler 691 - Die Remoteverbindung wurde verweigert.'].join('\n'));
    expect([r.records, r.understood]).toEqual([4, 4]);
    expect(r.entries.find((e) => e.cause)?.decoded[0]?.values?.role).toBe('pc');
  });

  it('not rasdial: a dash after a number outside the RAS errors, or a line of dots without the command before it', () => {
    expect(read('Step 2 - open the VPN settings and choose the connection').verdict).not.toBe('ok');
    expect(read('Chapter 1234 - how the dial works in practice').verdict).not.toBe('ok');
    expect(read('Connecting to VPN...').verdict).not.toBe('ok');
  });
});

describe("Event Viewer's copy in a language whose labels are not listed: the block starts at the log's untranslated name (windows-event-block.ts)", () => {
  const russian = (source: string) =>
    ['Имя журнала:   Application', `Источник:      ${source}`, 'Дата:          12.03.2021 9:41:02', 'Код события:   20227', 'Уровень:       Ошибка', 'Описание:', 'CoId={8A1F3C55-1B2D-4F7C-9D66-2AC7E3B1D0F1}: Пользователь PC01\\ivan произвел вызов подключения с именем VPN, которое завершилось сбоем. Код ошибки, возвращенный при сбое: 809.'].join('\n');

  it('a Russian RasClient 20227 copy is one event, its error read', () => {
    const r = read(russian('RasClient'));
    expect([r.records, r.understood]).toEqual([1, 1]);
    expect(failures(russian('RasClient'))).toEqual([[1, 'ras-error', 809]]);
  });

  it('a Japanese copy of a channel log (Microsoft-Windows-…/Operational) starts a block too', () => {
    const r = read(['ログの名前:         Microsoft-Windows-TaskScheduler/Operational', 'ソース:           Microsoft-Windows-TaskScheduler', 'イベント ID:       201', '説明:', 'タスク スケジューラは、タスクを正常に完了しました。'].join('\n'));
    expect([r.records, r.understood]).toEqual([1, 1]);
  });

  it("not a block's start: a source whose name begins with a log's name, or a label with another value", () => {
    // (the source line inside the block does not end it: still one event, its id read)
    const r = read(['Имя журнала: Application', 'Источник: Application Error', 'Дата: 29.07.2011 10:58:49', 'Код события: 1000', 'Описание:', 'Имя сбойного приложения: lmadmin.exe'].join('\n'));
    expect([r.records, r.understood]).toEqual([1, 1]);
    expect(read('Имя пользователя: Администратор').verdict).not.toBe('ok');
  });
});
