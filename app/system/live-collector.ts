import { readFile } from 'node:fs/promises';
import { CAPTURE_FILES, type Capture, type CaptureFile } from '../core/capture/capture';
import { decodeCaptureBytes } from '../core/capture/decode';
import { problemAt } from '../core/model/problems';
import { problemText, type ProblemPart } from '../core/i18n/problem-text';
import { collectionError, problemSay } from './error-text';
import type { CommandRunner } from './run';
import { is64BitWindows } from './windows-arch';

interface LiveCommand {
  file: string;
  cmd: string;
  args: string[];
  okExitCodes?: number[];
  /** written before the output, as the capture layout expects (reg query output names no key on errors) */
  header?: string;
  /** optional sources: failing is normal on some Windows versions and not worth a problem line */
  optional?: boolean;
  /** one process, several files: stdout holds `--- tunnelmedic <key>` sections (key → capture file) */
  sections?: Record<string, string>;
}

/** What the route findings need; once these are in, `onRoutesReady` gets them (the rest may take seconds). */
const ROUTE_FILES: readonly string[] = [CAPTURE_FILES.ver, CAPTURE_FILES.routePrint, CAPTURE_FILES.ipconfig, CAPTURE_FILES.netshInterfaces];

/**
 * Both Get-VpnConnection queries (this user's and all users' connections) in ONE PowerShell: its
 * start-up (~0.4 s) is the slowest step of a live scan. `-AllUserConnection:$false` is the same as
 * leaving the switch out (switch parameters take `-Name:$false`, about_Parameters). Each query's
 * output follows a marker line; a failing query (no VpnClient module before Windows 8) is reported
 * on its own marker line instead of stopping the other.
 * Get-VpnConnection: https://learn.microsoft.com/powershell/module/vpnclient/get-vpnconnection
 */
const VPN_CONNECTIONS_SCRIPT =
  "foreach ($all in $false, $true) { '--- tunnelmedic ' + $all; try { Get-VpnConnection -AllUserConnection:$all -ErrorAction Stop | ConvertTo-Json -Depth 4 } catch { '--- tunnelmedic failed: ' + $_.Exception.Message } }";

/**
 * The registry keys the rules read (windows-reference.md §1–§3, §5, §6), always in the 64-bit
 * view so a 32-bit build is not sent to Wow6432Node (§12).
 */
export const LIVE_REGISTRY_KEYS: { file: string; key: string }[] = [
  { file: 'registry/winlogon.txt', key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon' },
  { file: 'registry/winlogon-user.txt', key: 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon' },
  { file: 'registry/rasman.txt', key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters' },
  { file: 'registry/policies-system.txt', key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System' },
  { file: 'registry/policies-system-user.txt', key: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System' },
  { file: 'registry/netbt.txt', key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters' },
  { file: 'registry/currentversion.txt', key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' },
  { file: 'registry/lsa.txt', key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa' },
];

const RASCLIENT_QUERY = "*[System[Provider[@Name='RasClient']]]";

/** The fixed list of capture commands; each an argv array, never a shell string. */
export function liveCommands(is64Bit: boolean): LiveCommand[] {
  const view = is64Bit ? ['/reg:64'] : [];
  return [
    { file: CAPTURE_FILES.ver, cmd: 'cmd.exe', args: ['/d', '/c', 'ver'] },
    { file: CAPTURE_FILES.routePrint, cmd: 'route.exe', args: ['print'] },
    { file: CAPTURE_FILES.ipconfig, cmd: 'ipconfig.exe', args: ['/all'] },
    { file: CAPTURE_FILES.netshInterfaces, cmd: 'netsh.exe', args: ['interface', 'ipv4', 'show', 'interfaces'] },
    ...LIVE_REGISTRY_KEYS.map((k) => ({ file: k.file, cmd: 'reg.exe', args: ['query', k.key, ...view], okExitCodes: [0, 1], header: `reg query "${k.key}"` })),
    // TunnelMedic's guard tasks: the task path column is not translated (parse/schtasks-csv.ts)
    { file: CAPTURE_FILES.scheduledTasks, cmd: 'schtasks.exe', args: ['/Query', '/FO', 'CSV', '/NH'], optional: true },
    { file: CAPTURE_FILES.rasEvents, cmd: 'wevtutil.exe', args: ['qe', 'Application', `/q:${RASCLIENT_QUERY}`, '/f:text', '/rd:true', '/c:50'], optional: true },
    {
      file: 'powershell/vpnconnection-user.json',
      cmd: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-Command', VPN_CONNECTIONS_SCRIPT],
      optional: true,
      sections: { False: 'powershell/vpnconnection-user.json', True: 'powershell/vpnconnection-allusers.json' },
    },
  ];
}

/** Files copied as they are: LMHOSTS (ANSI) and the phonebooks of this user and of all users. */
function liveFiles(env: NodeJS.ProcessEnv): { file: string; path: string }[] {
  const root = env.SystemRoot ?? 'C:\\Windows';
  const files: { file: string; path: string }[] = [{ file: CAPTURE_FILES.lmhosts, path: `${root}\\System32\\drivers\\etc\\lmhosts` }];
  if (env.APPDATA) files.push({ file: 'pbk/user-rasphone.pbk', path: `${env.APPDATA}\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk` });
  if (env.ProgramData) files.push({ file: 'pbk/allusers-rasphone.pbk', path: `${env.ProgramData}\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk` });
  return files;
}

export interface LiveCollection {
  capture: Capture;
  spawned: number;
}

export interface CollectOptions {
  timeoutMs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  env?: NodeJS.ProcessEnv;
  is64Bit?: boolean;
  readBytes?: (path: string) => Promise<Uint8Array>;
  /** called once `ver`, `route print`, `ipconfig /all` and `netsh` are in: enough for the route findings */
  onRoutesReady?: (partial: Capture) => void;
}

/**
 * Runs the capture commands in parallel on this Windows machine, `chcp` among them. Console output
 * is in the OEM code page, which `chcp` reports ("Active code page: 850", localised: only the
 * number is read); the runner decodes each output once that number is known, so nothing waits for
 * chcp to start.
 */
export async function collectLive(runner: CommandRunner, opts: CollectOptions = {}): Promise<LiveCollection> {
  const env = opts.env ?? process.env;
  const is64Bit = opts.is64Bit ?? is64BitWindows(env);
  const readBytes = opts.readBytes ?? ((p: string) => readFile(p));
  const before = runner.spawned;
  const codepageKnown = runner
    .run('chcp.com', [], { timeoutMs: 5_000 })
    .catch(() => null)
    .then((chcp) => Number(/(\d{3,5})/.exec(chcp?.stdout ?? '')?.[1] ?? 850));
  const files = new Map<string, CaptureFile>();
  const readProblems: Capture['readProblems'] = [];
  const notCollected: string[] = [];
  const commands = liveCommands(is64Bit);
  const copies = liveFiles(env);
  const total = commands.length + copies.length;
  let done = 0;
  const tick = (file: string) => opts.onProgress?.(++done, total, file);
  const routeFilesLeft = new Set(ROUTE_FILES);
  const settled = async (file: string) => {
    if (!routeFilesLeft.delete(file) || routeFilesLeft.size > 0 || !opts.onRoutesReady) return;
    const partial = new Map([...files].filter(([name]) => ROUTE_FILES.includes(name)));
    opts.onRoutesReady({ origin: 'live', label: 'this computer', meta: { schemaVersion: 1, codepage: await codepageKnown }, files: partial, readProblems: [...readProblems], notCollected: [] });
  };

  await Promise.all([
    ...commands.map(async (c) => {
      try {
        const r = await runner.run(c.cmd, c.args, { timeoutMs: opts.timeoutMs ?? 20_000, codepage: codepageKnown, okExitCodes: c.okExitCodes });
        const encoding = `cp${await codepageKnown}` as const;
        const text = c.header ? `${c.header}\r\n${r.stdout}${r.stderr}` : r.stdout;
        if (c.sections && r.ok) for (const [file, section] of splitSections(r.stdout, c.sections)) keep({ ...c, file }, section, encoding);
        else if (r.ok && r.stdout.trim() + (c.header ? r.stderr.trim() : '')) files.set(c.file, { name: c.file, text, encoding });
        else for (const file of c.sections ? Object.values(c.sections) : [c.file]) record({ ...c, file }, exitedPart(`${c.cmd} ${c.args.join(' ')}`, r.exitCode, r.stderr));
      } catch (e) {
        for (const file of c.sections ? Object.values(c.sections) : [c.file]) record({ ...c, file }, { code: 'live.notStarted', params: { command: c.cmd, error: (e as Error).message } });
      } finally {
        tick(c.file);
        await settled(c.file);
      }
    }),
    ...copies.map(async (f) => {
      // LMHOSTS and phonebooks are ANSI text (or UTF-16 with a BOM), not console output
      const bytes = await readBytes(f.path).catch(() => null);
      if (bytes) {
        const decoded = decodeCaptureBytes(bytes, 1252);
        files.set(f.file, { name: f.file, text: decoded.text, encoding: decoded.encoding });
      } else notCollected.push(`${f.file}: ${problemText('live.fileNotFound', { path: f.path })}`);
      tick(f.file);
    }),
  ]);

  function keep(c: LiveCommand, section: string, encoding: `cp${number}`) {
    const failed = /^--- tunnelmedic failed: (.*)$/m.exec(section);
    if (failed) record(c, { code: 'live.vpnConnectionFailed', params: { error: failed[1]!.trim() } });
    else if (section.trim()) files.set(c.file, { name: c.file, text: section.replace(/^\r?\n/, ''), encoding });
    else record(c, { code: 'live.noVpnConnections' });
  }

  /** An optional file's reason goes to not-collected.txt's English "file: reason" lines; a needed file's is a problem. */
  function record(c: LiveCommand, reason: ProblemPart) {
    if (c.optional) notCollected.push(`${c.file}: ${problemText(reason.code, reason.params)}`);
    else readProblems.push(problemAt(c.file, undefined, 'live.notCollected', { reason }));
  }

  if (files.size === 0) {
    // each problem worded in the language the error is shown in (its English message is the same template's)
    throw collectionError('engineError.liveCollectionFailed', { problems: readProblems.map(problemSay) });
  }
  const codepage = await codepageKnown;
  return {
    capture: { origin: 'live', label: 'this computer', meta: { schemaVersion: 1, codepage, collectedAt: new Date().toISOString(), tool: 'tunnelmedic' }, files, readProblems, notCollected },
    spawned: runner.spawned - before,
  };
}

/** stdout of a multi-file command: the text after each `--- tunnelmedic <key>` line, per file. */
function splitSections(stdout: string, sections: Record<string, string>): [string, string][] {
  const out = new Map<string, string>(Object.values(sections).map((f) => [f, '']));
  let current: string | undefined;
  for (const line of stdout.split(/(?<=\n)/)) {
    const m = /^--- tunnelmedic (\S+)\r?\n?$/.exec(line);
    if (m && Object.hasOwn(sections, m[1]!)) current = sections[m[1]!];
    else if (current !== undefined) out.set(current, out.get(current)! + line);
  }
  return [...out];
}

/** Why a command gave no file: its exit code, and the first line of what it wrote to stderr when it wrote any. */
function exitedPart(command: string, exitCode: number, stderr: string): ProblemPart {
  const firstLine = stderr.trim().split(/\r?\n/)[0];
  return stderr.trim() ? { code: 'live.exitedWithError', params: { command, exitCode, error: firstLine! } } : { code: 'live.exited', params: { command, exitCode } };
}
