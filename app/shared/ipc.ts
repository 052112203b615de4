import * as z from '../core/model/zod';
import { corporateNetworkProblem } from '../core/model/policy';
import { FindingSchema, ReportSchema } from '../core/model/report';
import { ServerLogReportSchema } from '../core/model/server-log';
import { CHANNELS, type ChannelName } from './channels';

/**
 * The one contract between renderer and main (DESIGN.md "Renderer ↔ main"). Main registers its
 * handlers from `ipcContract`, preload exposes exactly these functions, and the Playwright bridge
 * is built from it too, so the three cannot drift apart. The renderer only ever sends ids that
 * main issued (run token, fix ids, run ids) and user-typed CIDRs, never commands, paths or scripts.
 */

const Id = z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/, 'not an id issued by TunnelMedic');
/** A run id names a folder under runs\: never `.` or `..` (the run store also checks its exact form). */
const RunId = Id.regex(/^(?!\.+$)/, 'not a run id issued by TunnelMedic');
/**
 * A corporate network typed in the app: a real IPv4 network address (not 999.1.1.1/99) and not so
 * wide that routing it through the VPN would put the VPN's default route back (0.0.0.0/0).
 */
const Cidr = z.string().max(18).superRefine((value, ctx) => {
  const problem = corporateNetworkProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const NetbiosName = z.string().regex(/^[A-Za-z0-9!#$%&'()\-.@^_{}~]{1,15}$/, 'a NetBIOS name: 1–15 letters, digits or -_.!#$%&\'()@^{}~');
const Ipv4Address = z.string().regex(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/, 'an IPv4 address like 10.13.1.10');
export const DomainInputSchema = z
  .object({ netbiosName: NetbiosName, controllers: z.array(z.object({ name: NetbiosName, address: Ipv4Address }).strict()).min(1).max(8) })
  .strict();
export type DomainInput = z.infer<typeof DomainInputSchema>;

export const ErrorSchema = z.object({ code: z.string(), message: z.string(), detail: z.string().optional() });
export type IpcError = z.infer<typeof ErrorSchema>;
/**
 * Error codes whose message main words in the person's language (a capture folder refused: empty, a report, nothing readable —
 * app/system/capture-check.ts says which); the renderer shows their message as it is (ErrorNotice's errorText: no words of its
 * own for these codes). Every other code's message is English, and the renderer words it by code.
 */
export const WORDED_BY_MAIN = ['NOT_A_CAPTURE', 'REPORT_NOT_CAPTURE'] as const;

export const StepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'rolled-back']);

export const RunResultSchema = z.object({
  runId: z.string(),
  fixIds: z.array(z.string()),
  startedAt: z.string(),
  steps: z.array(z.object({ label: z.string(), status: StepStatusSchema, output: z.string().optional() })),
  verified: z.boolean(),
  rolledBack: z.boolean(),
  /** finding ids still present after verification */
  remaining: z.array(z.string()),
  message: z.string(),
  journalPath: z.string().optional(),
  report: ReportSchema,
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const RunSummarySchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  fixIds: z.array(z.string()),
  verified: z.boolean(),
  rolledBack: z.boolean(),
  undone: z.boolean(),
  message: z.string(),
  /** the fix's title as the person saw it (or the plan's first step for runs of an earlier session) */
  title: z.string().optional(),
  /** the plan's steps, in the language of the scan the fix came from */
  steps: z.array(z.string()).optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  /** where scans come from: this machine, the bundled demo machine, or a capture folder */
  source: z.enum(['live', 'demo', 'capture']),
  sourceLabel: z.string(),
  locale: z.string(),
  /** corporate networks already known from a policy file; the UI asks only when this is empty */
  policyNetworks: z.array(z.string()),
  /** true when a policy file names the domain and its controllers; otherwise the UI may ask */
  policyDomain: z.boolean(),
  /** reachability checks around a fix are possible (this PC; never the demo or a capture) */
  reachability: z.boolean().optional(),
  /**
   * Round 44, additive: the window can open a PC's capture (File → Open a PC's capture…) and go back to `homeSource` — this PC, or
   * the demo where there is none. Absent: the window cannot switch (the CLI's engine, tests without the switch).
   */
  homeSource: z.enum(['live', 'demo']).optional(),
  /** a capture opened in the window: the PC's host name and when it was captured, as capture.json says (either may be missing) */
  captureHost: z.string().max(120).optional(),
  capturedAt: z.string().max(60).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * A capture folder main opened (openCapture): the window's engine is now that capture's (read-only: no fix is applied, no probe
 * runs); `info` says whose PC it is; `notes` what reading it left out (files unreadable, not collected), in the person's language.
 * The folder's path stays in main.
 */
export const OpenedCaptureSchema = z.object({
  opened: z.literal(true),
  info: AppInfoSchema,
  notes: z.array(z.string().max(600)).max(8),
});
export type OpenedCapture = z.infer<typeof OpenedCaptureSchema>;

export const ScanResultSchema = z.object({
  runToken: Id,
  report: ReportSchema,
  /** fix id → SHA-256 of its plan (fix id + typed actions), shown in the consent dialog; the elevated run applies only that */
  fixSha256: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

/**
 * How far a long call is. `read` (thirty-fourth round, additive): a log file read in full by main (openServerLogFile) — `step`
 * is bytes read of `total` (the file's size; a gzip file's packed bytes), `label` the file's name without its folder, sent a
 * few times a second at most.
 */
export const ProgressSchema = z.object({
  phase: z.enum(['collect', 'diagnose', 'precheck', 'backup', 'apply', 'verify', 'rollback', 'read']),
  step: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  label: z.string(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/**
 * A VPN profile's name as the scan reported it (pbk section / Get-VpnConnection Name): a lookup key
 * into that scan's report, never a host, command or path. Phonebook names may hold spaces and most
 * punctuation, so only control characters and overlong values are refused.
 */
const ProfileName = z.string().regex(/^[^\u0000-\u001f\u007f]{1,256}$/, 'a VPN connection name from the scan');

export const PptpCheckResultSchema = z.object({
  verdict: z.enum(['gre-blocked', 'control-ok', 'control-refused', 'control-unreachable']),
  /** the localised explanation (engine i18n, language of the scan) */
  message: z.string(),
  /** what was contacted: the profile's server, port 1723 */
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  state: z.enum(['open', 'refused', 'timeout', 'error']),
  ms: z.number().nonnegative(),
});
export type PptpCheckResult = z.infer<typeof PptpCheckResultSchema>;

/**
 * The "Paste the server's log" box: the text itself (pasted, or read from a dropped file in the
 * renderer) and a label to show — never a path; main parses it. 4 MiB of text at most across IPC:
 * bigger logs belong to `tunnelmedic explain-log`, which streams files.
 */
import { MAX_ARCHIVE_LOGS, MAX_SERVER_LOG_CHARS } from './limits';
export { MAX_SERVER_LOG_CHARS };
const LogLabel = z.string().regex(/^[^\u0000-\u001f\u007f/\\]{1,120}$/, 'a file name without a path');
export const ServerLogExplanationSchema = z.object({
  serverLog: ServerLogReportSchema,
  /** the causes the log shows; with a scan, folded into the PC's finding when they are the same failure */
  findings: z.array(FindingSchema),
  /** true when findings were matched with the scan's own (RasClient) failures */
  correlated: z.boolean(),
});
export type ServerLogExplanation = z.infer<typeof ServerLogExplanationSchema>;

/**
 * A log file main read in full, chosen by the person in main's own open dialog (a file too big for the paste box: a 40 MB
 * syslog, a tar.gz of /var/log). The path stays in main; the renderer gets a name, an id main issued and, for an archive, the
 * names of the logs in it, and asks for another of them by that id and an index.
 */
export const OpenedServerLogSchema = z.object({
  opened: z.literal(true),
  openId: Id,
  /** the chosen file's name, no folder */
  fileName: LogLabel,
  /** the logs in the file: its own name for a plain or gzip file; each text file's path inside a tar archive */
  logs: z.array(z.string().max(300)).min(1).max(MAX_ARCHIVE_LOGS),
  /** which of `logs` `explanation` is of */
  index: z.number().int().min(0),
  /** where reading stopped short, worded in the person's language (the size cap, a damaged gzip, files past the archive's limit) */
  notes: z.array(z.string().max(600)).max(8),
  explanation: ServerLogExplanationSchema,
});
export type OpenedServerLog = z.infer<typeof OpenedServerLogSchema>;

export const ipcContract = {
  appInfo: { args: z.object({}).strict(), result: AppInfoSchema },
  scan: {
    args: z
      .object({
        corporateNetworks: z.array(Cidr).max(64).optional(),
        /** what the machine cannot know for LMHOSTS domain validation, typed by the person (Q180094) */
        domain: DomainInputSchema.optional(),
        language: z.enum(['en', 'nl']).optional(),
      })
      .strict(),
    result: ScanResultSchema,
  },
  applyFixes: { args: z.object({ runToken: Id, fixIds: z.array(Id).min(1).max(32), probe: z.boolean().optional() }).strict(), result: RunResultSchema },
  rollback: { args: z.object({ runId: RunId }).strict(), result: RunResultSchema },
  history: { args: z.object({}).strict(), result: z.array(RunSummarySchema) },
  /**
   * The report as it stands now (fixes applied or undone since the scan included), in `language`
   * (the UI's), optionally redacted for sending to IT (issue 13 items 6 and 8).
   */
  exportReport: {
    args: z.object({ runToken: Id, format: z.enum(['json', 'html']), language: z.enum(['en', 'nl']).optional(), redact: z.boolean().optional() }).strict(),
    result: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /**
   * Saves one fix's script (or its undo script) from that scan's report, for running on the PC a
   * capture came from. Ids only: main looks the script up; the renderer never sends script text.
   */
  saveFixScript: {
    args: z.object({ runToken: Id, fixId: Id, which: z.enum(['fix', 'undo']), shell: z.enum(['cmd', 'ps1']) }).strict(),
    result: z.object({ saved: z.boolean(), fileName: z.string().optional() }),
  },
  /**
   * The PPTP path check (issue 5 item 5): one TCP connect from this computer to the server of the
   * named profile in that scan's report. Ids only — main looks the server up; the renderer never
   * sends a host. Live source only (PROBE_NOT_LIVE on the demo and on captures).
   */
  checkPptp: { args: z.object({ runToken: Id, profileName: ProfileName }).strict(), result: PptpCheckResultSchema },
  /** What the VPN server logged, explained — and matched with that scan's failures when runToken is given. */
  explainServerLog: {
    args: z.object({ text: z.string().max(MAX_SERVER_LOG_CHARS, 'The log is too long to paste (4 MB at most): use tunnelmedic explain-log FILE.'), label: LogLabel.optional(), runToken: Id.optional(), language: z.enum(['en', 'nl']).optional() }).strict(),
    result: ServerLogExplanationSchema,
  },
  /**
   * A log file read in full by main: main shows its own open dialog (the person's choice is the consent, and the only way a path
   * reaches the engine); `opened: false` when the person cancelled. Then explained as the paste box explains text.
   */
  openServerLogFile: {
    args: z.object({ runToken: Id.optional(), language: z.enum(['en', 'nl']).optional() }).strict(),
    result: z.union([z.object({ opened: z.literal(false) }), OpenedServerLogSchema]),
  },
  /** Another log of the file openServerLogFile read (a tar archive's next file), by the id it gave; UNKNOWN_OPENED_LOG when it is gone. */
  explainOpenedLog: {
    args: z.object({ openId: Id, index: z.number().int().min(0).max(MAX_ARCHIVE_LOGS - 1), runToken: Id.optional(), language: z.enum(['en', 'nl']).optional() }).strict(),
    result: OpenedServerLogSchema,
  },
  /**
   * The person cleared the server log from the panel (or put another in place of a file read in full): main lets go of what it
   * kept of it — the log an exported report of that scan would hold (`runToken`), the file read in full (`openId`) — so a
   * report exported afterwards does not ship a log the person removed. Ids main issued only; an id main no longer knows is
   * nothing to forget, not an error. `forgotten`: whether anything was let go.
   */
  forgetServerLog: {
    args: z.object({ runToken: Id.optional(), openId: Id.optional() }).strict(),
    result: z.object({ forgotten: z.boolean() }),
  },
  /**
   * A cheap fingerprint of the route table (issue 15.3): the renderer asks now and then (less often
   * while the window is hidden) and re-checks the machine when it changed — a VPN that reconnected
   * and put its default route back. On this PC one `route print`; on the demo its simulated table.
   */
  routeFingerprint: { args: z.object({}).strict(), result: z.object({ fingerprint: z.string() }) },
  /**
   * Open a PC's capture (round 44): main shows its own folder dialog (the person's choice is the consent, and the only way a path
   * reaches the engine), checks the folder is a capture it can read (NOT_A_CAPTURE / REPORT_NOT_CAPTURE, worded in `language`,
   * when it is not: the window stays where it was) and makes it the window's engine. `opened: false`: the person cancelled.
   */
  openCapture: {
    args: z.object({ language: z.enum(['en', 'nl']).optional() }).strict(),
    result: z.union([z.object({ opened: z.literal(false) }), OpenedCaptureSchema]),
  },
  /** Back from a capture to where the window started (this PC, or the demo): the app info of that engine. */
  leaveCapture: { args: z.object({}).strict(), result: AppInfoSchema },
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = z.infer<IpcContract[C]['args']>;
export type ResultOf<C extends Channel> = z.infer<IpcContract[C]['result']>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The API preload puts on `window.tunnelmedic`: one async function per channel, plus progress. */
export type TunnelMedicApi = { [C in Channel]: (args: ArgsOf<C>) => Promise<Envelope<ResultOf<C>>> } & {
  onProgress: (listener: (progress: Progress) => void) => () => void;
  /** main switched the window's engine by itself (File → Open a PC's capture…): what it shows now; optional for older bridges */
  onSourceChanged?: (listener: (opened: OpenedCapture) => void) => () => void;
};

export { channelName, progressChannel, sourceChangedChannel } from './channels';
export const channels: readonly Channel[] = CHANNELS;
// Both directions: a channel added to the contract but not to CHANNELS (or the reverse) fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const channelListMatchesContract: Same<ChannelName, Channel> = true;
void channelListMatchesContract;
