import * as z from '../model/zod';
import { CAPTURE_FILES } from '../capture/capture';
import { looksBinary } from '../capture/decode';
import { parseLmhosts, type LmhostsFile } from '../parse/lmhosts';
import { betterOs, osFromRegistry, parseSysteminfoOs } from '../parse/os-version';
import { parseRegFile } from '../parse/reg-file';
import { parseRegQuery } from '../parse/reg-query';
import { problemAt, type Problem } from '../model/problems';
import { pushAll, type SnapshotSectionReader } from './section-reader';
import { emptyView, mergeViews, type RegistryView } from '../model/registry-view';
import { isOwnSection } from '../model/validated-once';

/**
 * Snapshot sections for the registry (registry/*.txt = `reg query` output, registry/*.reg =
 * exports), the OS generation (systeminfo.txt and the registry know the service pack that `ver`
 * does not print) and LMHOSTS (kept whole, with its encoding, for a lossless edit).
 */
export const readRegistrySection: SnapshotSectionReader = (capture, problems, base) => {
  const view = emptyView();
  let any = false;
  for (const [name, file] of capture.files) {
    if (!name.startsWith('registry/')) continue;
    if (looksBinary(file.text)) {
      problems.push(problemAt(name, undefined, 'snapshot.binaryRegistry'));
      continue;
    }
    any = true;
    const isRegFile = /\.reg$/i.test(name) || /^\uFEFF?(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/m.test(file.text.slice(0, 200));
    const parsed = isRegFile ? parseRegFile(file.text, name) : parseRegQuery(file.text, name);
    pushAll(problems, parsed.problems);
    mergeViews(view, { keys: parsed.value.keys });
  }
  const sysText = capture.files.get(CAPTURE_FILES.systeminfo)?.text;
  const fromSysteminfo = sysText !== undefined && !looksBinary(sysText) ? parseSysteminfoOs(sysText) : null;
  if (sysText !== undefined && !fromSysteminfo) {
    problems.push(problemAt(CAPTURE_FILES.systeminfo, undefined, 'snapshot.noSysteminfoVersion'));
  }
  const os = betterOs(base.os, [fromSysteminfo, osFromRegistry(view)]);
  return { ...(any ? { registry: view } : {}), ...(os ? { os } : {}) };
};

export const LmhostsSectionSchema = z.object({
  source: z.string(),
  /** the decoded text exactly as read; edits start from it */
  text: z.string(),
  /** capture decoding (cp850, utf-8, utf-16le…): a rewrite must use the same */
  encoding: z.string(),
  file: z.custom<LmhostsFile>((v) => typeof v === 'object' && v !== null && Array.isArray((v as LmhostsFile).entries)),
  /** the collector looked and there was no lmhosts file (Windows ships only lmhosts.sam) */
  absent: z.literal(true).optional(),
});
export type LmhostsSection = z.infer<typeof LmhostsSectionSchema>;

export const readLmhostsSection: SnapshotSectionReader = (capture, problems) => {
  const file = capture.files.get(CAPTURE_FILES.lmhosts);
  if (!file) {
    // both collectors record a missing file as "lmhosts: <path> not found" (collect.cmd, live-collector.ts)
    const missing = (capture.notCollected ?? []).some((l) => /^lmhosts\s*:.*\bnot found\b/i.test(l));
    if (!missing) return {};
    // a new file is written in the ANSI code page NetBT reads; our block is ASCII (encoding assumed)
    const section: LmhostsSection = { source: CAPTURE_FILES.lmhosts, text: '', encoding: 'windows-1252', file: parseLmhosts('', CAPTURE_FILES.lmhosts).value, absent: true };
    return { lmhosts: section };
  }
  if (looksBinary(file.text)) {
    problems.push(problemAt(CAPTURE_FILES.lmhosts, undefined, 'snapshot.binaryLmhosts'));
    return {};
  }
  const parsed = parseLmhosts(file.text, CAPTURE_FILES.lmhosts);
  const section: LmhostsSection = { source: CAPTURE_FILES.lmhosts, text: file.text, encoding: file.encoding, file: parsed.value };
  return { lmhosts: section };
};

export function lmhostsOf(section: unknown): LmhostsSection | undefined {
  if (isOwnSection(section)) return section as LmhostsSection;
  const parsed = LmhostsSectionSchema.safeParse(section);
  return parsed.success ? parsed.data : undefined;
}

export type { Problem, RegistryView };
