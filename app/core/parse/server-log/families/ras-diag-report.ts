import { step, type FamilyState, type Hit } from '../kit';

/**
 * Windows' Remote Access Diagnostic Report (Windows Vista / 7: a dial-up or VPN connection's diagnostics, "Remote Access Diagnostic
 * Report", saved as a web page and copied as text). Its frame, as a real Windows 7 report shows it
 * (test/fixtures/real/server-logs/rasdiag-win7-report-…, SOURCES.md):
 *
 *     Remote Access Diagnostic Report
 *     Report Version:	1.0                         (the header: a label, a tab, the value)
 *     Date and Time:	2/3/2022 4:49:31 AM
 *     Table Of Contents                            (then one heading a line: the trace files, `arp.exe -a` …)
 *     Tracing Logs [ Table Of Contents ]           (each section's heading, with its link back to the contents)
 *     Explorer_RASDLG.LOG [ Table Of Contents ]
 *     C:\Windows\tracing\Explorer_RASDLG.LOG       (a tracing file's path, between dashed rules, then its lines)
 *     [4252] 02-03 04:49:00:962: ElInit
 *      Unable to show modem tracing logs or no log files were present.   (a section with nothing)
 *     Remote Access Event Logs [ Table Of Contents ]   (then `Event Type:` … blocks: the rras family's)
 *
 * The report's own lines name no failure: they are read as its frame, and the file a section's path names is remembered so that
 * the lines under it are said as that file's (RASDLG's, the connection dialog's, are no RASMAN lines). Each tracing file is
 * %windir%\tracing's, written by rtutils (header-patterns.ts RASMAN): RAS components trace with milliseconds, others do not —
 * the report's IpHlpSvc.LOG (the IP Helper service: Teredo, IP-HTTPS) writes `[6392] 04:49:22: TeredoStartClient: …`, read here
 * as that file's line only under its path. The headings are the English report's (another language's report not seen: assumed
 * translated, its frame then stays unknown). The state is one small object (its part and the current file): bounded.
 */

const TITLE = 'Remote Access Diagnostic Report';
const CONTENTS = 'Table Of Contents';
const SECTION_LINK = ' [ Table Of Contents ]';
/** a tracing file's path as the report prints it (`C:\Windows\tracing\RASMAN.LOG`) */
const TRACING_PATH = /^[A-Za-z]:\\(?:[^\\<>:"|?*]+\\)*tracing\\([^\\<>:"|?*]+\.LOG)$/i;
/** the header's fields: a label of words, a tab (blanks, where a copy turned it into them), the value */
const HEADER_FIELD = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):[\t ]+\S/;
/** a section the report had nothing for (` Unable to show modem tracing logs or no log files were present.`) */
const NOTHING_SHOWN = /^Unable to show .+ or no (?:log files|log entries) were present\.$/;
/** rtutils' header without the date and the milliseconds (a component traced without TRACE_USE_MSEC, e.g. IpHlpSvc) */
const TRACE_NO_MSEC = /^\[\d+\] \d\d:\d\d:\d\d: /;

interface DiagState {
  part: 'header' | 'contents' | 'body';
  /** the tracing file whose lines follow (its name), until the next section */
  file?: string;
}
const KEY = 'rasDiag';
const diagOf = (state: FamilyState): DiagState | undefined => state[KEY] as DiagState | undefined;

/** A line the report's frame is, whatever came before: its title, a section's heading, a tracing file's path. */
export function isRasDiagLine(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 82 /* R */ && text === TITLE) return true;
  if (text.charCodeAt(text.length - 1) === 93 /* ] */ && text.endsWith(SECTION_LINK)) return true;
  return text.charCodeAt(1) === 58 /* : */ && text.charCodeAt(2) === 92 /* \ */ && TRACING_PATH.test(text);
}

/** A line that is the report's for what came before it: a header field, the contents' headings, an empty section, a file's line. */
export function isRasDiagFollowLine(text: string, state: FamilyState): boolean {
  const diag = diagOf(state);
  if (!diag) return false;
  const s = text.trim();
  if (!s) return false;
  if (diag.part === 'header') return s === CONTENTS || HEADER_FIELD.test(text);
  if (diag.part === 'contents') return s.length <= 80;
  return (s.charCodeAt(0) === 85 /* U */ && NOTHING_SHOWN.test(s)) || (diag.file !== undefined && text.charCodeAt(0) === 91 /* [ */ && TRACE_NO_MSEC.test(text));
}

/** The file the lines under the current section come from, where the report named one (for the rasman family's wording). */
export const rasDiagFile = (state: FamilyState): string | undefined => diagOf(state)?.file;

export function rasDiagHit(text: string, state: FamilyState): Hit {
  const s = text.trim();
  if (s === TITLE) {
    state[KEY] = { part: 'header' } satisfies DiagState;
    return step('rasDiagReport');
  }
  const diag = diagOf(state) ?? (state[KEY] = { part: 'body' } as DiagState);
  if (s.endsWith(SECTION_LINK)) {
    const section = s.slice(0, -SECTION_LINK.length).trim();
    diag.part = 'body';
    diag.file = undefined;
    return step('rasDiagSection', { section });
  }
  const path = TRACING_PATH.exec(s);
  if (path) {
    diag.file = path[1]!;
    return step('rasDiagTraceFile', { file: diag.file });
  }
  if (diag.part === 'header') {
    if (s === CONTENTS) {
      diag.part = 'contents';
      return step('rasDiagContents');
    }
    return step('rasDiagHeader', { field: HEADER_FIELD.exec(text)?.[1] ?? '?' });
  }
  if (diag.part === 'contents') return step('rasDiagContents');
  if (NOTHING_SHOWN.test(s)) return step('rasDiagNothing');
  return step('rasTraceFileStep', { file: diag.file ?? '?' });
}
