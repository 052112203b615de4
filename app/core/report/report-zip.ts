import { strToU8, zipSync, type Zippable } from 'fflate';
import { GZIP_ENCODING, TAR_ENCODING, ZIP_ENCODING, type Capture } from '../capture/capture';
import type { Policy } from '../model/policy';
import { Redactor, type SensitiveValue } from './redact';
import { sensitiveValues } from './redact-values';
import type { Report } from '../model/report';
import { engineT, pickLanguage } from '../i18n';
import { renderReportHtml, type RunHistoryEntry } from './report-html';

export interface ReportBundleInput {
  report: Report;
  /** the capture the report was made from: its files go into capture/ */
  capture?: Capture;
  policy?: Policy;
  runs?: RunHistoryEntry[];
  redact?: boolean;
  /**
   * Names to hide besides those of the capture, snapshot and policy: a server log's that is in the report but not in the capture
   * (the app's pasted or opened log, read while it was parsed: names.ts ServerLogNames), as explain-log --redact adds them.
   */
  moreSensitive?: readonly SensitiveValue[];
}

export interface BundleFile {
  name: string;
  content: string;
}

/**
 * What `report --out FILE.zip` holds: report.json, report.html and the raw capture (capture.json
 * and every capture file, UTF-8). With `redact`, one Redactor runs over all of them, so a value
 * gets the same token in the JSON, the HTML and the capture files.
 */
export function reportBundleFiles(input: ReportBundleInput): BundleFile[] {
  const redactor = input.redact ? new Redactor([...(input.moreSensitive ?? []), ...sensitiveValues({ capture: input.capture, snapshot: input.report.snapshot, policy: input.policy })]) : null;
  const clean = <T>(v: T): T => (redactor ? redactor.value(v) : v);
  const cleanText = (t: string) => (redactor ? redactor.text(t) : t);

  const report = clean(input.report);
  const runs = clean(input.runs ?? []);
  const files: BundleFile[] = [
    { name: 'report.json', content: JSON.stringify(report, null, 2) + '\n' },
    { name: 'report.html', content: renderReportHtml(report, { runs }) },
  ];
  if (input.capture) {
    files.push({ name: 'capture/capture.json', content: JSON.stringify(clean(input.capture.meta), null, 2) + '\n' });
    for (const file of [...input.capture.files.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      // an unpacked .gz is text now: named so that nobody tries to unpack it again; a file out of a tar archive as one file of
      // server-logs/ (`server-logs/logs.tar.gz_var_log_syslog.txt`; a ZIP's alike), so the bundle's capture/ reads back as a capture does
      const fromArchive = file.encoding.startsWith(TAR_ENCODING) || file.encoding.startsWith(ZIP_ENCODING);
      const name = fromArchive ? `server-logs/${file.name.slice('server-logs/'.length).replaceAll('/', '_')}.txt` : file.encoding.startsWith(GZIP_ENCODING) ? `${file.name}.txt` : file.name;
      files.push({ name: `capture/${cleanText(name)}`, content: cleanText(file.text) });
    }
  }
  if (redactor) {
    const t = engineT(pickLanguage(report.language));
    const counts = Object.entries(redactor.summary().counts)
      .filter(([kind]) => kind !== 'ipv4-net')
      .map(([kind, n]) => `  ${kind}: ${n}`);
    files.push({
      name: 'REDACTED.txt',
      // in the report's language; the kinds of value (user, host, …) are the redactor's names for them
      content: [...t('report.redactedNote').split('\n'), ...(counts.length ? counts : [`  ${t('report.none')}`]), ''].join('\r\n'),
    });
  }
  return files;
}

/**
 * The files as a zip (deflate, fixed timestamps from the report, so the same input gives the same
 * bytes). Pass the files when you already built them: building (and redacting) twice doubled the
 * time and memory of `report --out x.zip`.
 */
export function buildReportZip(input: ReportBundleInput, files: BundleFile[] = reportBundleFiles(input)): Uint8Array {
  const mtime = new Date(input.report.generatedAt);
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: Number.isNaN(mtime.getTime()) ? new Date(1980, 0, 1) : mtime }];
  return zipSync(entries, { level: 6 });
}
