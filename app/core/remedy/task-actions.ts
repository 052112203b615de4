import * as z from '../model/zod';
import { fnv1aHex } from './fnv1a';
import { GUARD_FOLDER, guardNameProblem } from './guard-task';
import { plainMessage, type ScriptWords } from './script-words';
import { psQuote } from './escape';

/**
 * Installing and removing the guard task (guard-task.ts). Each action carries the task XML, so
 * the inverse of a delete re-creates exactly what was there. schtasks.exe is called by full path
 * with an argument array; success is judged by the task store afterwards (the task is listed or
 * not in `schtasks /Query /FO CSV /NH`), never by schtasks' words, which are translated.
 */
const TaskName = z
  .string()
  .max(200)
  .regex(/^\\TunnelMedic\\[A-Za-z0-9 ._()-]+$/, 'a TunnelMedic task name');

const TaskFields = {
  name: TaskName,
  connection: z.string().refine((c) => guardNameProblem(c) === null, 'a connection name a guard can carry'),
  /** the task definition ([MS-TSCH] §2.5) as text; written UTF-16LE with a BOM for schtasks /XML */
  xml: z.string().min(1).max(16_384),
};

export const TaskCreateSchema = z.object({ kind: z.literal('task.create'), ...TaskFields }).strict();
export const TaskDeleteSchema = z.object({ kind: z.literal('task.delete'), ...TaskFields }).strict();
export type TaskCreate = z.infer<typeof TaskCreateSchema>;
export type TaskDelete = z.infer<typeof TaskDeleteSchema>;
export type TaskAction = TaskCreate | TaskDelete;

export function inverseOfTaskAction(a: TaskAction): TaskAction {
  return { ...a, kind: a.kind === 'task.create' ? 'task.delete' : 'task.create' };
}

export const isGuardTaskName = (name: string) => name.startsWith(GUARD_FOLDER);

/** The bytes schtasks reads: UTF-16LE with a BOM, as the XML declaration says. */
export function taskXmlBytes(xml: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
}

/** The companion file a script passes to schtasks /XML (named by content, like the LMHOSTS ones). */
export function taskXmlCompanion(a: TaskAction): { name: string; bytes: Buffer } {
  const bytes = taskXmlBytes(a.xml);
  return { name: `tunnelmedic-task-${fnv1aHex(bytes)}-${bytes.length}.xml`, bytes };
}

/** schtasks.exe arguments (Learn: schtasks create /XML; schtasks delete /F = no confirmation prompt). */
export function taskArgv(a: TaskAction, xmlPath: string): string[] {
  // no /F on create: an existing task of that name is never overwritten (the precondition says it is absent)
  return a.kind === 'task.create' ? ['/Create', '/TN', a.name, '/XML', xmlPath] : ['/Delete', '/TN', a.name, '/F'];
}

export function describeTaskAction(a: TaskAction): string {
  return a.kind === 'task.create' ? `schtasks /Create /TN "${a.name}" /XML …` : `schtasks /Delete /TN "${a.name}" /F`;
}

const SCHTASKS_CMD = '"%SystemRoot%\\System32\\schtasks.exe"';

/**
 * .cmd lines for one task step. The step's result is the task store's state afterwards, read as
 * the task's file under %SystemRoot%\System32\Tasks (where Task Scheduler 2.0 keeps each task's
 * XML, one file per task path — assumed from how Windows lays the store out; `schtasks /Query`
 * would be the other judge, but Wine's is a stub that exits 0 for any name, so the tests could not
 * tell). A 32-bit cmd.exe on 64-bit Windows sees System32 redirected: it looks through Sysnative.
 * The name holds only [A-Za-z0-9 ._()-\] (guardTaskName), so it needs no cmd escaping.
 * The verdict is set with `cmd /d /c exit N` (Wine's cmd ignores the `verify other` trick; the
 * guard is Vista+ only, where `exit N` sets the exit code).
 */
export function taskCmdLines(a: TaskAction): string[] {
  const file = `%TM_TASKS%${a.name}`;
  const ok = '"%SystemRoot%\\System32\\cmd.exe" /d /c exit 0';
  const fail = '"%SystemRoot%\\System32\\cmd.exe" /d /c exit 1';
  const store = ['set "TM_TASKS=%SystemRoot%\\System32\\Tasks"', 'if defined PROCESSOR_ARCHITEW6432 set "TM_TASKS=%SystemRoot%\\Sysnative\\Tasks"'];
  if (a.kind === 'task.create') {
    return [...store, `${SCHTASKS_CMD} /Create /TN "${a.name}" /XML "%~dp0${taskXmlCompanion(a).name}"`, `if exist "${file}" (${ok}) else (${fail})`];
  }
  return [...store, `${SCHTASKS_CMD} /Delete /TN "${a.name}" /F`, `if exist "${file}" (${fail}) else (${ok})`];
}

/** PowerShell lines: the XML travels inside the script (Base64 of its UTF-16LE bytes), no companion file. */
export function taskPs1Lines(a: TaskAction, words: ScriptWords): string[] {
  const exe = "(Join-Path $env:SystemRoot 'System32\\schtasks.exe')";
  const exists = `(& ${exe} /Query /TN '${a.name}' 2>&1 | Out-Null; $LASTEXITCODE -eq 0)`;
  if (a.kind === 'task.create') {
    return [
      "$xml = Join-Path $env:TEMP ('tunnelmedic-task-' + [guid]::NewGuid() + '.xml')",
      `[IO.File]::WriteAllBytes($xml, [Convert]::FromBase64String('${taskXmlBytes(a.xml).toString('base64')}'))`,
      `& ${exe} /Create /TN '${a.name}' /XML $xml`,
      'Remove-Item -LiteralPath $xml -Force',
      `if (-not ${exists}) { throw ${psQuote(plainMessage(words, 'taskNotCreated', { task: a.name }))} }`,
    ];
  }
  return [`& ${exe} /Delete /TN '${a.name}' /F`, `if (${exists}) { throw ${psQuote(plainMessage(words, 'taskStillThere', { task: a.name }))} }`];
}
