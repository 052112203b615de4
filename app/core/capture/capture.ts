import * as z from '../model/zod';
import type { Problem } from '../model/problems';

/** The capture contract of DESIGN.md: the file names a capture directory may hold. */
export const CAPTURE_FILES = {
  ver: 'ver.txt',
  systeminfo: 'systeminfo.txt',
  routePrint: 'route-print.txt',
  ipconfig: 'ipconfig-all.txt',
  netshInterfaces: 'netsh-interfaces.txt',
  lmhosts: 'lmhosts',
  rasEvents: 'rasclient-events.txt',
  fileVersions: 'file-versions.txt',
  /** `schtasks /Query /FO CSV /NH`: where TunnelMedic's own guard tasks are seen (additive to DESIGN.md's layout) */
  scheduledTasks: 'scheduled-tasks.csv',
} as const;

/**
 * Folders whose files are all read (registry/*.txt|*.reg, pbk/*.pbk, powershell/*.json, and
 * server-logs/*.txt: what the VPN server or router logged, README "Server-side evidence").
 */
export const CAPTURE_FOLDERS = ['registry', 'pbk', 'powershell', 'server-logs'] as const;

export const CaptureMetaSchema = z
  .object({
    schemaVersion: z.literal(1),
    collectedAt: z.string().optional(),
    tool: z.string().optional(),
    codepage: z.number().int().positive().optional(),
    hostname: z.string().optional(),
  })
  .passthrough();
export type CaptureMeta = z.infer<typeof CaptureMetaSchema>;

/**
 * The encoding prefix of a capture file that was gzip-compressed (a server's rotated log, `server-logs/syslog.2.gz`): its text is
 * the unpacked text, so the report bundle stores it as `….gz.txt`, never as a `.gz` that is not one.
 */
export const GZIP_ENCODING = 'gzip+';

/**
 * The encoding prefix of a file read out of a tar archive in server-logs/ (`server-logs/logs.tar.gz`, what a network team attaches):
 * each text file inside is a capture file of its own, named `server-logs/logs.tar.gz/var/log/syslog` (the archive, then the path tar
 * recorded: as explain-log names it), so the report bundle flattens its name into one file of server-logs/ (report-zip.ts).
 */
export const TAR_ENCODING = 'tar+';
/** The encoding prefix of a file read out of a ZIP archive in server-logs/ (`server-logs/logs.zip`): named and stored as a tar's file is. */
export const ZIP_ENCODING = 'zip+';

export interface CaptureFile {
  /** capture-relative path with forward slashes, e.g. "route-print.txt", "registry/winlogon.txt" */
  name: string;
  text: string;
  encoding: string;
}

/** An in-memory capture: what a directory, the live collector or the demo produce alike. */
export interface Capture {
  origin: 'live' | 'capture' | 'demo';
  /** a label for people: the directory, "this computer", "demo machine" */
  label: string;
  meta: CaptureMeta;
  files: Map<string, CaptureFile>;
  /** problems met while reading (unreadable capture.json, …); `unreadable`: the file was not read at all */
  readProblems: (Problem & { unreadable?: boolean })[];
  /** what the collector recorded it could not collect ("route-print.txt: route not found") */
  notCollected?: string[];
}
