import type { RasEvent } from '../model/ras-event';
import { fnv1aHex } from './fnv1a';

/**
 * "Keep it fixed": a Task Scheduler task that re-applies the split-tunnel fix each time a VPN
 * connects, for VPNs whose profile the PowerShell VPN cmdlets cannot change (third-party clients,
 * Windows 7). Sources:
 * - Task XML: [MS-TSCH] §2.5 "XML Task Definition Format" (namespace
 *   http://schemas.microsoft.com/windows/2004/02/mit/task, version 1.2 = Windows 7 / Server 2008 R2;
 *   Task Scheduler 2.0 and its XML exist from Vista on — Learn, ITaskDefinition::XmlText, "Minimum
 *   supported client: Windows Vista").
 * - Event trigger: §2.5.3.6 EventTrigger whose Subscription is an event query ([MS-EVEN6] §2.2.16);
 *   the RasClient connect event is 20225 in the Application log (windows-reference.md §8, TechNet
 *   cc773769 "RAS Connection Establishment"). The same query is used by public admin scripts that
 *   re-add routes at connect (e.g. `*[System[Provider[@Name='RasClient'] and EventID=20225]]`).
 * - S-1-5-18 is LocalSystem ([MS-DTYP] §2.4.2.4 well-known SIDs).
 * - Installed with `schtasks /Create /TN name /XML file` and removed with `schtasks /Delete /TN name /F`
 *   (Learn: schtasks create / schtasks delete).
 *
 * The task does not carry a route command: it starts TunnelMedic's own `guard-run`, which collects
 * the machine afresh, finds the VPN default route of that connection and applies the "now" fix
 * through the same engine (plan, journal, verification) as a fix the person applies. A route
 * command frozen at install time would name a gateway and interface index that change at every
 * connect.
 */

export const GUARD_FOLDER = '\\TunnelMedic\\';
export const RASCLIENT_CONNECTED_EVENT = 20225;
/** A connection name is a phonebook entry name: RAS limits it to 256 characters (RAS_MaxEntryName, ras.h). */
export const MAX_CONNECTION_NAME = 256;

export interface GuardSpec {
  /** the VPN connection (phonebook entry) whose connects trigger the fix */
  connection: string;
  /** full path of the TunnelMedic executable that the task starts */
  program: string;
}

/**
 * Where the installer puts TunnelMedic.exe (electron-builder.yml: NSIS and MSI perMachine →
 * %ProgramFiles%\TunnelMedic). Task Scheduler expands environment variables in an Exec Command
 * (Windows' own tasks use %windir%\system32\… there; assumed from those, not from a spec).
 */
export const DEFAULT_GUARD_PROGRAM = '%ProgramFiles%\\TunnelMedic\\TunnelMedic.exe';

/** Why a connection name cannot be put in a guard, or null when it can. */
export function guardNameProblem(connection: string): string | null {
  if (connection.length === 0) return 'the connection has no name';
  if (connection.length > MAX_CONNECTION_NAME) return `the connection name is longer than ${MAX_CONNECTION_NAME} characters`;
  // A double quote cannot be passed inside one CommandLineToArgvW argument without backslash
  // games that differ between runtimes; control characters are not valid in XML 1.0 text.
  if (/["\u0000-\u001f\u007f]/.test(connection)) return 'the connection name contains a double quote or a control character';
  return null;
}

/**
 * The task's path in the task store. Task names cannot hold \ / : * ? " < > | (Learn,
 * TaskFolder.RegisterTask); we go further and keep only ASCII letters, digits, space and . _ ( ) -
 * so the name needs no escaping in cmd.exe (no % ^ & !) or PowerShell. A short hash of the exact
 * connection name keeps two connections apart that differ only in the characters replaced.
 */
export function guardTaskName(connection: string): string {
  const readable = connection.replace(/[^A-Za-z0-9 ._()-]/g, '_').trim().slice(0, 80) || 'VPN';
  const hash = fnv1aHex(new TextEncoder().encode(connection));
  return `${GUARD_FOLDER}Keep split tunnel - ${readable} (${hash})`;
}

/** The event query of the trigger (MS-EVEN6 structured query). */
export function guardEventQuery(): string {
  return `<QueryList><Query Id="0" Path="Application"><Select Path="Application">*[System[Provider[@Name='RasClient'] and EventID=${RASCLIENT_CONNECTED_EVENT}]]</Select></Query></QueryList>`;
}

/** Arguments of `guard-run`, quoted for CommandLineToArgvW (no quote or control character can occur: guardNameProblem). */
export function guardArguments(connection: string): string {
  // A trailing backslash before the closing quote would escape it (CommandLineToArgvW rules): double it.
  const quoted = connection.replace(/(\\+)$/, '$1$1');
  return `guard-run --connection "${quoted}"`;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The task definition ([MS-TSCH] §2.5), as the text to be written UTF-16LE with a BOM. */
export function guardTaskXml(spec: GuardSpec): string {
  const problem = guardNameProblem(spec.connection);
  if (problem) throw new Error(`Cannot guard this connection: ${problem}.`);
  if (spec.program.length > 260 || /["\u0000-\u001f]/.test(spec.program)) throw new Error('The program path is not usable in a task (pathType: at most 260 characters).');
  const lines = [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    // no <Date>: the definition must be the same at every scan, or re-planning would call it changed
    '  <RegistrationInfo>',
    '    <Author>TunnelMedic</Author>',
    `    <Description>${xmlText(`Re-applies the split-tunnel fix when the VPN connection "${spec.connection}" connects. Installed by TunnelMedic; remove it with TunnelMedic (History → Undo, or tunnelmedic guard remove).`)}</Description>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <EventTrigger>',
    '      <Enabled>true</Enabled>',
    `      <Subscription>${xmlText(guardEventQuery())}</Subscription>`,
    // routes are plumbed just after 20225; a short delay lets Windows finish before we read the table
    '      <Delay>PT5S</Delay>',
    '    </EventTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="System">',
    '      <UserId>S-1-5-18</UserId>',
    '      <RunLevel>HighestAvailable</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <StartWhenAvailable>false</StartWhenAvailable>',
    '    <ExecutionTimeLimit>PT5M</ExecutionTimeLimit>',
    '    <Enabled>true</Enabled>',
    '  </Settings>',
    '  <Actions Context="System">',
    '    <Exec>',
    `      <Command>${xmlText(spec.program)}</Command>`,
    `      <Arguments>${xmlText(guardArguments(spec.connection))}</Arguments>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
  ];
  return lines.join('\r\n') + '\r\n';
}

/** What an event must carry for the trigger to fire: read back from the query text itself. */
export interface EventSelector {
  log: string;
  provider: string;
  eventId: number;
}

/**
 * Reads the selector back out of a subscription query of the form this module writes. Tests run
 * the query found in the XML (not a constant) against recorded RasClient events, so a typo in the
 * query fails them.
 */
export function parseEventQuery(query: string): EventSelector | null {
  const m = /<Select Path="([^"]+)">\*\[System\[Provider\[@Name='([^']+)'\] and EventID=(\d+)\]\]<\/Select>/.exec(query);
  return m ? { log: m[1]!, provider: m[2]!, eventId: Number(m[3]) } : null;
}

/** Would this recorded RasClient event (read from the Application log) start the task? */
export function eventMatches(selector: EventSelector, event: Pick<RasEvent, 'type' | 'id'>): boolean {
  return selector.log === 'Application' && selector.provider === 'RasClient' && event.type === 'rasclient' && event.id === selector.eventId;
}
