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
 * service is found by its display name in the message, in any language the table has; the state and the error by the English
 * message only (other languages' words not known) — the id alone still says the service did not start or stopped.
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
 * 7036's state words (its insertion string 2) as the message table has them: English, and Chinese (Simplified) as real zh-CN events show
 * them — 正在运行 "running" (a WMI record's `"EventCode":7036,…,"Message":"Application Experience 服务处于 正在运行 状态。"`, search index
 * file id 45353831047; a Get-EventLog table's 7036 rows, id 12160621824, with 停止 beside it), 停止 "stopped" (the same table, and the
 * forwarded `Service_Control_Manager[740]: Windows Time 服务处于 停止 状态。`, id 32508394207). Other languages' words are not known.
 */
const STATE_WORDS: Readonly<Record<string, 'running' | 'stopped'>> = { running: 'running', stopped: 'stopped', 正在运行: 'running', 停止: 'stopped' };

/**
 * A 7036 message without its insertion strings (a forwarded line's text) → the two strings, the service and its state, by the message
 * table's wording of it: en-US "The %1 service entered the %2 state.", zh-CN "%1 服务处于 %2 状态。" (the real lines above); else undefined.
 */
export function serviceStateParams(message: string): [string, string] | undefined {
  const m = /^The (.+?) service entered the (\S+) state\.?$/.exec(message) ?? /^(.+?) 服务处于 (\S+) 状态。?$/.exec(message);
  return m ? [m[1]!, m[2]!] : undefined;
}

/** 7036's state: the binary's number, else the state word (param2: STATE_WORDS), else the English message. */
function stateOf(block: EventBlock, binaryState: number | undefined, word: string | undefined): 'running' | 'stopped' | undefined {
  if (binaryState === 4) return 'running';
  if (binaryState === 1) return 'stopped';
  if (binaryState !== undefined) return undefined;
  const w = (word ?? block.message.match(/\bentered the (\w+) state\b/i)?.[1] ?? '').toLowerCase();
  return Object.hasOwn(STATE_WORDS, w) ? STATE_WORDS[w] : undefined;
}

const param = (block: EventBlock, n: number): string | undefined => block.named[`param${n}`] ?? block.data[n - 1];
/** the error the event names: its insertion string `n` (`%%1068`, a number), else the English message's */
const errorOf = (block: EventBlock, n: number): number | undefined => codeOf(param(block, n)) ?? errorInText(block.message);
/** 7009's and 7011's time-out: its first insertion string, else the message's `(N milliseconds)` */
const timeoutOf = (block: EventBlock): number | string => codeOf(param(block, 1)) ?? block.message.match(/\((\d+) milliseconds\)/)?.[1] ?? '?';

/** The event's service: the binary's key, else the insertion string that names it, else the message's first known display name. */
function serviceOf(block: EventBlock, at: number, binaryKey: string | undefined): VpnServiceKey | undefined {
  if (binaryKey !== undefined) return vpnServiceByName(binaryKey);
  const named = param(block, at);
  if (named !== undefined) return vpnServiceByName(named);
  return vpnServiceInText(block.message);
}

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
    const other = param(block, at) ?? bin?.key;
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
      const count = codeOf(param(block, 2)) ?? Number(block.message.match(/\bIt has done this (\d+) time/i)?.[1] ?? NaN);
      return down('scmCrashed', Number.isFinite(count) ? { times: count } : {});
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
