import type { AppInfo, DomainInput, OpenedServerLog, PptpCheckResult, Progress, RunResult, RunSummary, ScanResult, ServerLogExplanation } from './ipc';

/**
 * What the Electron main process (and the Playwright bridge) needs from the engine. The real
 * implementation is `createDesktopEngine` in app/system/desktop-engine.ts; main's IPC handlers
 * only validate, call these, and wrap results in the envelope.
 */
export interface DesktopEngine {
  info(): Promise<AppInfo>;
  scan(opts: { corporateNetworks?: string[]; domain?: DomainInput; language?: 'en' | 'nl' }, onProgress: (p: Progress) => void): Promise<ScanResult>;
  /** `probe`: the person allowed the reachability check before and after (it contacts the network) */
  applyFixes(runToken: string, fixIds: string[], onProgress: (p: Progress) => void, opts?: { probe?: boolean }): Promise<RunResult>;
  rollback(runId: string, onProgress: (p: Progress) => void): Promise<RunResult>;
  history(): Promise<RunSummary[]>;
  /** the report rendered for saving; main asks the user where to save it */
  exportReport(runToken: string, format: 'json' | 'html', opts?: { language?: 'en' | 'nl'; redact?: boolean }): Promise<{ suggestedName: string; content: string }>;
  /** one fix's script (or its undo script) from that scan's report, for saving; UNKNOWN_FIX when the scan has no such fix */
  fixScript(runToken: string, fixId: string, which: 'fix' | 'undo', shell: 'cmd' | 'ps1'): Promise<{ suggestedName: string; content: string }>;
  /**
   * The PPTP path check for one profile of that scan: a TCP connect from THIS computer to the
   * profile's server, port 1723, read with the RasClient events. Clicking the button is the consent.
   * Throws PROBE_NOT_LIVE (demo, capture), UNKNOWN_RUN_TOKEN, UNKNOWN_PROFILE, NO_SERVER, NOT_PPTP.
   */
  checkPptp(runToken: string, profileName: string): Promise<PptpCheckResult>;
  /** SHA-256 of the current route table (route print), to notice a VPN reconnect without a full scan */
  routeFingerprint(): Promise<{ fingerprint: string }>;
  /** A pasted server log, parsed and explained in main; matched with that scan's failures when runToken is given. */
  explainServerLog(opts: { text: string; label?: string; runToken?: string; language?: 'en' | 'nl' }): Promise<ServerLogExplanation>;
  /**
   * A log file read in full (any size, gzip, a tar archive of logs): `path` is what the person chose in main's open dialog, never
   * anything the renderer sent. The first log explained; the file kept for explainOpenedLog. `onProgress`: phase `read`, bytes
   * read of the file's size, a few times a second (a 50 MB file takes seconds).
   */
  openServerLog(path: string, opts: { runToken?: string; language?: 'en' | 'nl' }, onProgress?: (p: Progress) => void): Promise<OpenedServerLog>;
  /** Another log of the file opened last (an archive's), by the id openServerLog gave; UNKNOWN_OPENED_LOG when it is gone. */
  explainOpenedLog(openId: string, index: number, opts: { runToken?: string; language?: 'en' | 'nl' }): Promise<OpenedServerLog>;
  /**
   * Lets go of a server log the person cleared: that scan's log for its exported report (`runToken`), the file read in full
   * (`openId`, when it is still the one kept). True when something was let go; unknown ids are nothing to forget.
   */
  forgetServerLog(opts: { runToken?: string; openId?: string }): Promise<{ forgotten: boolean }>;
}

/** A text of the engine catalogue (app/core/i18n) and its values, so a face can word it in the person's language. */
export interface Say {
  key: string;
  /**
   * a value that is itself a Say (a reason such as "permission denied") is worded in the same
   * language; a list of Says is worded one per line (the problems of a policy file)
   */
  params?: Record<string, string | number | Say | Say[]>;
}

/**
 * Errors that cross IPC with their code intact (e.g. UNKNOWN_RUN_TOKEN, PRECONDITION_FAILED).
 * `message` is English (logs, journals, refusal files); `say`, when set, is the same text as a
 * catalogue key the CLI words in the person's language (the renderer words errors by `code`).
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: string,
    readonly say?: Say,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
