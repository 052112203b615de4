import { d, type Hit } from '../kit';
import { WIN32_ERRORS } from '../codes/windows-errors';
import type { EventBlock } from './windows-event-block';
import { vpnServiceByName, vpnServiceInText, type VpnServiceKey } from './windows-services';

/**
 * Service Control Manager events about a service a Windows VPN server needs (windows-services.ts: RemoteAccess, RasMan, SstpSvc,
 * IKEEXT, PolicyAgent, IAS), read as the state they report: the service could not start or stopped (cause service-down,
 * server.service-down), or runs again (7036 "running": service-recovered when it was down before, ServiceWatch below).
 *
 * Messages (Microsoft Learn's event pages for Windows Server 2008, "Event ID 7031 — Service Stop Operations" cc756337 and its
 * siblings; the SCM's message table as a Markdown dump of it lists them, id 3221232472 = 0xC0001B58 = 7000 with severity bits):
 * 7000 "The %1 service failed to start due to the following error: %2", 7001 "The %1 service depends on the %2 service which failed
 * to start because of the following error: %3", 7009 "A timeout was reached (%1 milliseconds) while waiting for the %2 service to
 * connect.", 7011 "A timeout (%1 milliseconds) was reached while waiting for a transaction response from the %2 service.", 7023
 * "The %1 service terminated with the following error: %2" (KB 133010: a service that stops with a non-zero dwWin32ExitCode), 7024
 * "The %1 service terminated with the following service-specific error: %2" (Windows 2000/2003: "… with service-specific error 87
 * (0x57).", KB 840686; NT 4.0 "service specific error 1114", KB Q168683), 7031 "The %1 service terminated unexpectedly. It has done
 * this %2 time(s). The following corrective action will be taken in %3 milliseconds: %5.", 7034 "The %1 service terminated
 * unexpectedly. It has done this %2 time(s).", 7036 "The %1 service entered the %2 state."
 *
 * State, not words: the XML's insertion strings (`<Data Name="param1">` the display name, `param2` the state word or the error as a
 * message reference `%%1068` — a detection wiki's 7000 `"param2": "%%1275"`, 7001 `"param3": "%%1062"`), and the binary data: the
 * service's key name in UTF-16LE, for 7036 followed by `/` and the state's number (winlogbeat's test event: 7036 "winlogbeat"
 * "running" `770069006E006C006F00670062006500610074002F0034000000` = "winlogbeat/4"; 7001's `570064004E00690073005300760063000000` =
 * "WdNisSvc", its param1's key). 4 is SERVICE_RUNNING, 1 SERVICE_STOPPED (winsvc.h). Without insertion strings (a copy as text) the
 * service is found by its display name in the message, in any language the table has; 7036's state by the message's wording in the
 * languages STATE_MESSAGES has, the error by the English message only (the errors' translated texts not known) — the id alone still
 * says the service did not start or stopped.
 */

const SCM_IDS = new Set([7000, 7001, 7009, 7011, 7023, 7024, 7031, 7034, 7036]);

/** The SCM's event source (Provider Name; "Service Control Manager" also as Event Viewer's Source). */
export const isServiceControlSource = (source: string): boolean => /^Service Control Manager$/i.test(source);

/**
 * The English messages, for an event whose source was not read with it (the older copy whose `Source:` line came before its
 * `Event ID:` line, KB 840686): the words say it is the service manager's.
 */
const ENGLISH = /\bThe .+? service (?:failed to start due to|depends on the|terminated (?:with|unexpectedly)|entered the \S+ state)|\bA timeout (?:was reached )?\(\d+ milliseconds\)/i;

/** The key name in the event's binary data (UTF-16LE, up to a NUL or the `/state` of a 7036) and the state number after it. */
export function binaryServiceName(hex: string | undefined): { key: string; state?: number } | undefined {
  if (!hex || hex.length < 8 || hex.length % 4 !== 0) return undefined;
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) {
    const code = parseInt(hex.slice(i + 2, i + 4) + hex.slice(i, i + 2), 16);
    if (code === 0) break;
    if (!(code >= 0x20 && code < 0x7f)) return undefined;
    text += String.fromCharCode(code);
  }
  const m = text.match(/^([\w.$@ -]+?)(?:\/(\d+))?$/);
  if (!m) return undefined;
  return m[2] !== undefined ? { key: m[1]!, state: Number(m[2]) } : { key: m[1]! };
}

const normalText = (s: string): string => s.replace(/\s+/g, ' ').replace(/service specific/gi, 'service-specific').toLowerCase();
const ERROR_BY_TEXT: readonly [string, number][] = Object.entries(WIN32_ERRORS).map(([code, text]) => [normalText(text), Number(code)]);

/** `%%1068` (the XML's message reference) or a number alone. */
const codeOf = (value: string | undefined): number | undefined => {
  const m = value?.trim().match(/^(?:%%)?(\d+)$/);
  return m ? Number(m[1]) : undefined;
};

/** The error an English message names: "service-specific error 87 (0x57)" by its number, else a Windows error's English text. */
function errorInText(message: string): number | undefined {
  const n = normalText(message);
  const specific = n.match(/\bservice-specific error:?\s+(\d+)\b/);
  if (specific) return Number(specific[1]);
  const after = n.slice(n.search(/\berror:|\bfollowing error\b/) + 1 || 0);
  for (const [text, code] of ERROR_BY_TEXT) if (after.includes(text)) return code;
  return undefined;
}

/**
 * The numbers a message holds as words of their own (not "Win32"'s 32, not a hex 0x57's digits, not a date's or a version's
 * parts): what a translated message still says whatever its language — the SCM's insertion strings are numbers written as digits
 * in every language (7031's and 7034's count and time-out), and a translated copy keeps those where its words are the language's.
 * The VPN services' display names (windows-services.ts) hold no digit, so none of these is the service's name.
 */
const numbersIn = (message: string): number[] => [...message.matchAll(/(?<![\w.,:/%-])\d{1,9}(?![\w.,:/]?\w)/g)].map((m) => Number(m[0]));

/**
 * The Windows error a translated message names without its text being known: a message reference Windows left unresolved
 * (`%%1067`, as the XML's insertion string is; a forwarder or a Get-EventLog copy that could not format it), Windows 2000/2003's
 * "service-specific error 87 (0x57)" in any language (the number and its hex agree), else the message's only number (German 7024
 * "… mit folgendem dienstspezifischem Fehler beendet: 16389", forwarded-event.test.ts). A message with words alone: undefined.
 */
function errorInDigits(message: string): number | undefined {
  const ref = message.match(/%%(\d+)\b/);
  if (ref) return Number(ref[1]);
  for (const m of message.matchAll(/\b(\d+)\s*\(0x([0-9a-f]+)\)/gi)) if (Number(m[1]) === parseInt(m[2]!, 16)) return Number(m[1]);
  const numbers = numbersIn(message);
  return numbers.length === 1 ? numbers[0] : undefined;
}

/**
 * 7036's state words (its insertion string 2, the message's state) per language, lower case, as Windows' message table has them: what
 * decides where a copy has no binary data (a copy as text, a Get-EventLog list whose Data was left out). Seen in real Windows output:
 * - English "running", "stopped".
 * - Chinese (Simplified) 正在运行 "running" (a WMI record's `"EventCode":7036,…,"Message":"Application Experience 服务处于 正在运行 状态。"`,
 *   search index file id 45353831047; a Get-EventLog table's 7036 rows, id 12160621824, with 停止 beside it), 停止 "stopped" (the same
 *   table, and the forwarded `Service_Control_Manager[740]: Windows Time 服务处于 停止 状态。`, id 32508394207).
 * - Japanese 実行中 "running", 停止 "stopped" (a blog's System-log lines, `イベント 7036: KDC Proxy Server service (KPS) サービスは 実行中
 *   状態に移行しました。` and `… 停止 状態に移行しました。`, id 69623890858).
 * - French "en cours d'exécution" (a French cheat sheet's Get-WinEvent example output, its columns hand-aligned: `7036 Service Control Manager  Le service Windows Update est entré dans
 *   l'état : en cours d'exécution.`, id 70701861431), "arrêté" (an SEC rule set written from French Windows' events, `Le service Horloge
 *   Windows est entré dans l'état : arrêté`, id 20670773721).
 * - German "Wird ausgeführt" (a German administrator's note quoting 7036, `Der Dienst … befindet sich jetzt im Status "Wird ausgeführt"`,
 *   id 55655681443), "Beendet" (a simulated German System log's 7036, `Der Dienst "Windows Update" befindet sich jetzt im Status
 *   "Beendet".`, id 70076188914: seen only so, assumed Windows' word).
 * - Spanish "detenido" (a mock System log, `El servicio Windows Update entró en estado: detenido`, id 67111542412: assumed Windows' word),
 *   "en ejecución" assumed; Russian "Работает", "Остановлена", Dutch "Wordt uitgevoerd", "Gestopt", Italian "In esecuzione",
 *   "Arrestato", Portuguese "Em execução", "Parado": assumed from Windows' translations of the Services console's Status column.
 */
const STATE_WORDS: Readonly<Record<string, 'running' | 'stopped'>> = {
  running: 'running',
  stopped: 'stopped',
  正在运行: 'running',
  実行中: 'running',
  停止: 'stopped',
  "en cours d'exécution": 'running',
  arrêté: 'stopped',
  'wird ausgeführt': 'running',
  beendet: 'stopped',
  'en ejecución': 'running',
  detenido: 'stopped',
  работает: 'running',
  остановлена: 'stopped',
  'wordt uitgevoerd': 'running',
  gestopt: 'stopped',
  'in esecuzione': 'running',
  arrestato: 'stopped',
  'em execução': 'running',
  parado: 'stopped',
};

/** a state word as the table has it: lower case, one apostrophe, no quotes or blanks around it */
const stateWord = (w: string): string => w.trim().replace(/^["'«“„]|["'»”“]$/g, '').replace(/\u2019/g, "'").toLowerCase();

/**
 * 7036's message per language, "%1" the service and "%2" the state (the sources above): en-US "The %1 service entered the %2 state.",
 * zh-CN "%1 服务处于 %2 状态。", ja-JP "%1 サービスは %2 状態に移行しました。", fr-FR "Le service %1 est entré dans l'état : %2.", de-DE
 * 'Der Dienst "%1" befindet sich jetzt im Status "%2".'; es-ES "El servicio %1 entró en estado: %2" (the mock log above, assumed) and
 * ru-RU 'Служба "%1" перешла в состояние "%2".' (ReactOS's netevent.mc, index file id 7827633614: assumed Windows' so too, its quotes
 * optional).
 */
const STATE_MESSAGES: readonly RegExp[] = [
  /^The (.+?) service entered the (\S+) state\.?$/,
  /^(.+?) 服务处于 (\S+) 状态。?$/,
  /^(.+?) サービスは (\S+) 状態に移行しました。?$/,
  /^Le service (.+?) est entré dans l['\u2019]état\s*:?\s*(.+?)\s*\.?$/,
  /^Der Dienst "(.+?)" befindet sich jetzt im Status "(.+?)"\.?$/,
  /^El servicio (.+?) entró en (?:el )?estado\s*:?\s*(.+?)\s*\.?$/,
  /^Служба "?(.+?)"? перешла в состояние "?(.+?)"?\.?$/,
];

/**
 * A 7036 message without its insertion strings (a copy as text, a forwarded line's text) → the two strings, the service and its state,
 * by the message table's wording of it in the languages above; else undefined.
 */
export function serviceStateParams(message: string): [string, string] | undefined {
  const text = message.replace(/\s+/g, ' ').trim();
  for (const re of STATE_MESSAGES) {
    const m = re.exec(text);
    if (m) return [m[1]!, m[2]!];
  }
  return undefined;
}

/** 7036's state: the binary's number, else the state word (param2, else the message's: STATE_WORDS in any language the table has). */
function stateOf(block: EventBlock, binaryState: number | undefined, word: string | undefined): 'running' | 'stopped' | undefined {
  if (binaryState === 4) return 'running';
  if (binaryState === 1) return 'stopped';
  if (binaryState !== undefined) return undefined;
  // (a param2 in a language the table lacks: the message, where its wording is one the table has)
  for (const w of [word, serviceStateParams(block.message)?.[1]]) {
    const key = w === undefined ? '' : stateWord(w);
    if (Object.hasOwn(STATE_WORDS, key)) return STATE_WORDS[key];
  }
  return undefined;
}

const param = (block: EventBlock, n: number): string | undefined => block.named[`param${n}`] ?? block.data[n - 1];
/** the error the event names: its insertion string `n` (`%%1068`, a number), else the English message's, else the digits any language keeps */
const errorOf = (block: EventBlock, n: number): number | undefined => codeOf(param(block, n)) ?? errorInText(block.message) ?? errorInDigits(block.message);

/**
 * 7031's recovery action (SC_ACTION_TYPE, winsvc.h: 0 none, 1 restart the service, 2 reboot the computer, 3 run a command), its
 * insertion string 4 (the XML's param4; param5 is its words, translated); else the English message's words after the last colon
 * ("Restart the service.", "No action." — assumed from the SCM's message table as English Windows shows it); a translated copy's
 * action stays unknown, its time-out (the message's second number) still said.
 */
const ACTION_WORDS: readonly [RegExp, number][] = [
  [/^(?:no action|take no action)\.?$/i, 0],
  [/^restart the service\.?$/i, 1],
  [/^reboot the (?:machine|computer)\.?$/i, 2],
  [/^run the configured recovery program\.?$/i, 3],
];
function recoveryAction(block: EventBlock): number | undefined {
  const coded = codeOf(param(block, 4));
  if (coded !== undefined && coded <= 3) return coded;
  const words = (param(block, 5) ?? block.message.match(/:\s*([^:]+?)\s*$/)?.[1] ?? '').trim();
  return ACTION_WORDS.find(([re]) => re.test(words))?.[1];
}

/**
 * 7031's and 7034's count ("It has done this %2 time(s)") and 7031's time-out before its recovery action (%3 milliseconds): the
 * insertion strings, else the message's first and second numbers — in every language Windows writes them as digits, the count
 * first (de "Dies ist bereits 1 Mal passiert. Folgende Korrekturmaßnahme wird in 60000 Millisekunden durchgeführt", fr "Il s'est
 * arrêté 1 fois", ja "このサービスの終了は 1 回目です", the service's name, digit-free, before them).
 */
function crashValues(block: EventBlock): Record<string, number> {
  const numbers = param(block, 2) === undefined ? numbersIn(block.message) : [];
  const times = codeOf(param(block, 2)) ?? numbers[0];
  const out: Record<string, number> = times !== undefined ? { times } : {};
  if (block.id !== 7031) return out;
  const ms = codeOf(param(block, 3)) ?? numbers[1];
  if (ms === undefined) return out;
  const action = recoveryAction(block);
  return { ...out, ms, ...(action !== undefined ? { action } : {}) };
}
/** 7009's and 7011's time-out: its first insertion string, else the message's `(N milliseconds)` */
const timeoutOf = (block: EventBlock): number | string => codeOf(param(block, 1)) ?? block.message.match(/\((\d+) milliseconds\)/)?.[1] ?? '?';

/** The event's service: the binary's key, else the insertion string that names it, else the message's first known display name. */
function serviceOf(block: EventBlock, at: number, binaryKey: string | undefined): VpnServiceKey | undefined {
  if (binaryKey !== undefined) return vpnServiceByName(binaryKey);
  const named = param(block, at);
  if (named !== undefined) return vpnServiceByName(named);
  return vpnServiceInText(block.message);
}

/** The service a 7036 names: its insertion string, else the one its message's wording gives (serviceStateParams), for naming another service. */
const namedService = (block: EventBlock, at: number): string | undefined => param(block, at) ?? (block.id === 7036 ? serviceStateParams(block.message)?.[0] : undefined);

/**
 * A Service Control Manager event about a VPN service → what it says; about another service it names (its insertion string or binary
 * data) → that it is not one of the VPN's; undefined where no service is named (or for another source), which stays "Event N from
 * Service Control Manager".
 */
export function serviceControlHit(block: EventBlock): Hit | undefined {
  const id = block.id;
  if (id === undefined || !SCM_IDS.has(id)) return undefined;
  const source = block.source ?? '';
  if (!isServiceControlSource(source) && !(source === '' && ENGLISH.test(block.message))) return undefined;
  const bin = binaryServiceName(block.binary);
  const at = id === 7009 || id === 7011 ? 2 : 1;
  const service = serviceOf(block, at, bin?.key);
  if (!service) {
    // a service named in the event's insertion strings that is none of the VPN's: said so, by its name (no cause)
    const other = namedService(block, at) ?? bin?.key;
    return other ? { decoded: [d('scmOtherService', { id, service: other })], outcome: 'info' } : undefined;
  }
  const down = (key: string, values: Record<string, string | number> = {}): Hit => ({ decoded: [d(key, { id, winService: service, ...values })], outcome: 'failure', cause: 'service-down' });
  switch (id) {
    case 7000:
    case 7023: {
      const error = errorOf(block, 2);
      return down(id === 7000 ? 'scmStartFailed' : 'scmTerminated', error !== undefined ? { error } : {});
    }
    case 7024: {
      const error = errorOf(block, 2);
      return down('scmTerminatedOwnError', error !== undefined ? { error, hex: `0x${error.toString(16).toUpperCase()}` } : {});
    }
    case 7001: {
      const error = errorOf(block, 3);
      const dependency = param(block, 2) ?? block.message.match(/\bdepends on the (.+?) service\b/i)?.[1]?.replace(/\s+/g, ' ');
      // a dependency that is itself one of the table's is named as the services are (in the reader's language), any other as written
      const dependsOn = dependency !== undefined ? vpnServiceByName(dependency) : undefined;
      return down('scmDependencyFailed', { dependency: dependency ?? '?', ...(dependsOn ? { dependsOn } : {}), ...(error !== undefined ? { error } : {}) });
    }
    case 7031:
    case 7034: {
      return down('scmCrashed', crashValues(block));
    }
    case 7009:
      return down('scmStartTimeout', { ms: timeoutOf(block) });
    case 7011:
      // the service did not answer a control in time: it hangs, but the event does not say it stopped — a warning, no cause
      return { decoded: [d('scmNoResponse', { id, winService: service, ms: timeoutOf(block) })], outcome: 'warning' };
    default: {
      const state = stateOf(block, bin?.state, block.named.param2 ?? block.data[1]);
      if (state === 'stopped') return down('scmStopped');
      if (state === 'running') return { decoded: [d('scmRunning', { id, winService: service })], outcome: 'success' };
      return undefined;
    }
  }
}

/**
 * Each Windows service's state as the log has shown it so far: a service that runs again (7036 "running") after it was down carries
 * the cause service-recovered, so the finding can tell "stopped and was started again" from "is not running" (diagnose/server-log
 * service-state.ts, as UnitWatch does for systemd's units); a start with nothing down before it is only a start.
 */
export class ServiceWatch {
  private readonly down = new Set<string>();

  see(hit: Hit): Hit {
    const service = hit.decoded[0]?.values?.winService;
    if (typeof service !== 'string') return hit;
    if (hit.cause === 'service-down') this.down.add(service);
    else if (hit.decoded[0]!.key === 'scmRunning' && this.down.delete(service)) return { ...hit, cause: 'service-recovered' };
    return hit;
  }
}
