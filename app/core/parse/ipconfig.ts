import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { parseIpValue } from './ip-values';
import { addIp, ADAPTER_ONLY, ADDRESS_FIELDS, closeAdapter, newBuilder, readField, type Builder, type Report } from './ipconfig-fields';
import { isTitle, parseHeader, stripLeaderTail, type LabelMeaning } from './ipconfig-labels';
import { unwrapMail } from './ipconfig-mail-wrap';
import { COMMAND_ECHO, decodeNumericEntities, FIELD_TOKEN, fieldsAfter, inTranscriptFrame, indentOf, isIpconfigPrompt, ofIpconfig, isNoise, LABEL_SHAPE, labelShaped, MAX_LABEL_COLUMN, PROMPT, printedWidth, quote, splitGluedLabel, splitKnownLabel, splitLines, splitUnknownLabel, wrapColumnsOf } from './ipconfig-lines';
import { inferMeaning, type InferenceContext, type LabelMemory } from './ipconfig-inferred';
import { isElisionLine, stripPasteMarkup } from './paste-damage';
import { isStarRule, transcriptFrameEnd } from './transcript-frame';
import type { IpconfigResult } from './types';

export { decodeNumericEntities, splitLines };

/**
 * `ipconfig` / `ipconfig /all` in any language and Windows version (XP to 11), including output that
 * was damaged on its way to us (pasted, re-indented, re-encoded). Every non-empty line is either
 * understood or reported as a Problem with its line number.
 *
 * Choices worth knowing:
 * - A gateway of "0.0.0.0" (NordLynx/WireGuard) or "::" (Teredo) is kept as printed: it is how
 *   Windows shows an on-link default through that interface, which is exactly what the rules need.
 * - IPv6 prefix lengths are not printed by ipconfig: link-local gets /64 (always so on Windows), any
 *   other IPv6 address /128 so that no on-link network is invented; route print has the real ones.
 * - Zone ids ("%16") are dropped from addresses, gateways and DNS servers, as route print omits them.
 * - An address marked "(Duplicate)"/"(复制)" is still listed: it is configured, and the conflict is
 *   itself evidence.
 * - Connection names are kept as printed (cp850 mojibake included) so they match the other files of
 *   the same capture; only HTML numeric entities, an exact archive artefact, are decoded.
 * - Forum markup around lines (BBCode, Markdown bold) is removed; a line of only dots or colons (a
 *   person's elision) is reported and skipped without ending the adapter it sits in.
 * - A header the tables do not know, followed by deeper-indented `label . . : value` lines, opens an
 *   adapter anyway (kind from its description) and is reported, so no adapter is lost.
 * - Several outputs in one file (a prompt `C:\…>ipconfig /all` between two runs, or plain ipconfig
 *   followed by /all): the line where the next one starts is reported and one set of adapters is
 *   kept, the fuller one (more lines understood), on a tie the later one.
 */

type ContinuationKind = 'ip' | 'name' | 'wrap';

interface Context {
  meaning: LabelMeaning;
  label: string;
  kind: ContinuationKind;
}

const CONTINUATION: Partial<Record<LabelMeaning, ContinuationKind>> = {
  defaultGateway: 'ip',
  dnsServers: 'ip',
  winsServers: 'ip',
  dnsSuffixSearchList: 'name',
};

/** One ipconfig run in the file; a file with several runs keeps one of them. */
interface Run {
  result: IpconfigResult;
  /** lines understood through a known label: how full this output is */
  understood: number;
}

export function parseIpconfig(text: string, source = 'ipconfig-all.txt'): ParseResult<IpconfigResult> {
  const mail = unwrapMail(splitLines(text).map((l) => stripPasteMarkup(decodeNumericEntities(l))));
  const lines = mail.lines;
  const problems: Problem[] = [];
  if (mail.firstLine !== undefined) problems.push(problemAt(source, mail.firstLine, 'pasted.mailWrap', { lines: mail.count }));
  const runs: Run[] = [{ result: { adapters: [] }, understood: 0 }];
  let run = runs[0]!;
  let result = run.result;
  const report: Report = (line, code, params) => problems.push(problemAt(source, line, code, params));
  // double-spaced pastes put a blank line after every line, also between a value and its 80-column wrap
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const followedByBlank = lines.filter((l, i) => l.trim() !== '' && (lines[i + 1] ?? '').trim() === '').length;
  const doubleSpaced = nonBlank >= 4 && followedByBlank >= nonBlank * 0.8;
  const wrapColumns = wrapColumnsOf(text);

  let sawStructure = false; // a title or an adapter header: the proof this is ipconfig output
  let current: Builder | undefined;
  let ctx: Context | undefined;
  /** the printed width of the last line with text, measured when it is set: blank lines after a long line read it again for each */
  let prevWidth = 0;
  /** a prompt running ipconfig again, while it may still start a second output */
  let promptLine: number | undefined;
  /** labels in no vocabulary, read from their values and places (ipconfig-inferred.ts) */
  const memory: LabelMemory = new Map();
  const inferredLines: { line: number; label: string }[] = [];
  let titleFields = 0;
  let sawTitle = false;

  /** A label-shaped line whose label no vocabulary has: its meaning read from its value and place. */
  const inferredField = (i: number, line: string): { meaning: LabelMeaning; label: string; value: string } | undefined => {
    if (parseIpValue(line)) return undefined;
    const f = labelShaped(line) ? splitUnknownLabel(line) : current ? splitGluedLabel(line) : undefined;
    if (!f || f.label === '') return undefined;
    const [next, afterNext] = fieldsAfter(lines, i, 2);
    const c: InferenceContext = current
      ? { inAdapter: true, afterTitle: true, fieldsBefore: current.fields, maskPending: current.maskPending !== undefined, sawMask: current.sawMask, sawGateway: current.sawGateway, descriptionKnown: current.adapter.description !== '' }
      : { inAdapter: false, afterTitle: sawTitle, fieldsBefore: titleFields, maskPending: false, sawMask: false, sawGateway: false, descriptionKnown: false };
    if (next) c.next = next;
    if (afterNext) c.afterNext = afterNext;
    const meaning = inferMeaning(f.label, f.value, c, memory);
    return meaning ? { meaning, label: f.label, value: f.value } : undefined;
  };

  /** the adapter read without its header, named when it closes */
  let headerless: Builder | undefined;
  const finish = () => {
    if (!current) return;
    if (current === headerless && current.adapter.name === '') current.adapter.name = current.adapter.description;
    result.adapters.push(closeAdapter(current, report));
    current = undefined;
  };

  /**
   * One notice per output, not one per line (every line of a language without a table is one), put
   * among the problems in line order.
   */
  const flushInferred = () => {
    const first = inferredLines[0];
    if (!first) return;
    const p = problemAt(source, first.line, 'ipconfig.labelsByValue', { count: inferredLines.length, label: quote(first.label) });
    const at = problems.findIndex((q) => (q.line ?? 0) > first.line);
    problems.splice(at < 0 ? problems.length : at, 0, p);
    inferredLines.length = 0;
  };

  /** A title or header after adapters were read: another output of ipconfig starts. */
  const startRunIfAnother = (lineNo: number) => {
    if (result.adapters.length === 0 && !current) return;
    finish();
    flushInferred();
    report(promptLine ?? lineNo, 'ipconfig.anotherOutput');
    run = { result: { adapters: [] }, understood: 0 };
    runs.push(run);
    result = run.result;
    ctx = undefined;
  };

  /**
   * An unknown header: ends with a colon, no leader, and the next line is a label, deeper indented —
   * or, once the output has begun (title or an adapter read), at the same indent when the paste lost
   * all indentation; the colon then has to follow the name directly ("乙太網路卡 乙太網路 4:"), as a
   * header's does and an empty "Label   :" line's does not.
   */
  const unknownHeaderAt = (i: number, line: string): boolean => {
    const t = line.trim();
    if (!t.endsWith(':') || t.length > 120 || /[.*†]$/u.test(t.slice(0, -1).trimEnd()) || parseIpValue(t.slice(0, -1))) return false;
    for (let j = i + 1; j < lines.length; j++) {
      const next = (lines[j] ?? '').trimEnd();
      if (next.trim() === '') continue;
      if (isElisionLine(next.trim())) continue;
      const label = splitKnownLabel(next) !== undefined || labelShaped(next);
      if (indentOf(next) > indentOf(line)) return label;
      return label && sawStructure && indentOf(line) <= 1 && indentOf(next) === indentOf(line) && /[^\s:]:$/u.test(t) && !labelShaped(line) && !FIELD_TOKEN.test(t);
    }
    return false;
  };

  /**
   * An address cut by the console's 80-column wrap ("…:20aa:494" / "af78:3e04(Preferred)"): the
   * next line starts at column 0 or 1, and the character in the 80th column may be lost (a ":" or
   * "%" — same loss as reg query's wrapped keys). The joined value is used when it is an address.
   */
  const wrappedValue = (i: number, line: string, value: string): { value: string; lastIndex: number } | undefined => {
    const width = printedWidth(line);
    if (width < wrapColumns || width > 81) return undefined;
    let j = i + 1;
    const elisions: number[] = [];
    for (; j < lines.length; j++) {
      const t = (lines[j] ?? '').trim();
      if (isElisionLine(t)) elisions.push(j);
      else if (!(doubleSpaced && t === '')) break;
    }
    const next = (lines[j] ?? '').trimEnd();
    if (next.trim() === '' || indentOf(next) > 1 || splitKnownLabel(next) || parseHeader(next) || isTitle(next)) return undefined;
    // a whole address of its own is the list's next value (a second gateway), however long the line before
    if (parseIpValue(next.trim())) return undefined;
    for (const glue of ['', '%', ':', '.']) {
      const joined = value + glue + next.trim();
      if (!parseIpValue(joined)) continue;
      for (const e of elisions) report(e + 1, 'ipconfig.elision', { line: quote(lines[e] ?? '') });
      return { value: joined, lastIndex: j };
    }
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] ?? '';
    const line = raw.trimEnd();
    const prevLen = prevWidth;
    if (line.trim() === '') continue; // blank lines do not end a list: double-spaced pastes put them between values
    const prevBlank = (lines[i - 1] ?? '').trim() === '';
    // a PowerShell transcript's header or footer around the output: skipped whole, not line by line reported
    const frameEnd = isStarRule(line.trim()) ? transcriptFrameEnd(lines.length, (j) => lines[j] ?? '', i, inTranscriptFrame, ofIpconfig) : -1;
    if (frameEnd >= 0) {
      i = frameEnd;
      continue;
    }
    if (isElisionLine(line.trim())) {
      // a person's "." or ":" shortening the paste: not data, and the adapter it sits in goes on
      report(lineNo, 'ipconfig.elision', { line: quote(line) });
      continue;
    }
    prevWidth = printedWidth(line); // padding after the text is not part of it: only the printed width tells a wrap

    if (isTitle(line)) {
      startRunIfAnother(lineNo);
      promptLine = undefined;
      sawStructure = true;
      sawTitle = true;
      titleFields = 0;
      ctx = undefined;
      continue;
    }
    if (isIpconfigPrompt(line)) {
      promptLine = lineNo;
      continue;
    }
    if (PROMPT.test(line)) {
      ctx = undefined; // whatever follows a prompt is another command's output, not a continuation
      continue;
    }
    if (isNoise(line) || COMMAND_ECHO.test(line)) continue;

    const header = parseHeader(line);
    const unknownHeader = !header && !splitKnownLabel(line) && unknownHeaderAt(i, line);
    if (header || unknownHeader) {
      if (promptLine !== undefined) startRunIfAnother(lineNo);
      promptLine = undefined;
      finish();
      sawStructure = true;
      if (header) current = newBuilder(header.header, header.name);
      else {
        const h = line.trim().slice(0, -1).trimEnd();
        report(lineNo, 'ipconfig.unknownHeader', { header: quote(h) });
        current = newBuilder(h, h);
      }
      ctx = undefined;
      continue;
    }

    const vocabulary = splitKnownLabel(line);
    const known = vocabulary ?? inferredField(i, line);
    if (known) {
      const { meaning, label, value } = known;
      const byValue = vocabulary === undefined;
      ctx = undefined;
      if (ADAPTER_ONLY.has(meaning) && ((!current && !sawStructure) || promptLine !== undefined)) {
        // an adapter's fields from the paste's first line (or a prompt running ipconfig again) on, its
        // header and the title not pasted: read as one adapter, named by its description when it has
        // one (real: test/fixtures/real/ipconfig/xp-pl-adapter-fields-only-no-header.txt); a label of no
        // vocabulary is inferred outside an adapter only as a title's field, so such a paste stays unread
        if (promptLine !== undefined) startRunIfAnother(lineNo);
        promptLine = undefined;
        report(lineNo, 'ipconfig.noHeader');
        sawStructure = true;
        current = newBuilder('', '');
        headerless = current;
      }
      if (ADAPTER_ONLY.has(meaning) && !current) {
        report(lineNo, 'ipconfig.outsideAdapter', { label: quote(label) });
        continue;
      }
      run.understood++;
      if (byValue) inferredLines.push({ line: lineNo, label });
      if (current) {
        current.fields++;
        if (meaning === 'subnetMask') current.sawMask = true;
        if (meaning === 'defaultGateway') current.sawGateway = true;
      } else titleFields++;
      if (!ADDRESS_FIELDS.has(meaning)) readField(known, byValue, lineNo, current, result, report);
      else if (value !== '') {
        const wrapped = wrappedValue(i, line, value);
        if (wrapped) {
          addIp(report, lineNo, label, wrapped.value, meaning, current);
          i = wrapped.lastIndex;
          ctx = undefined;
          continue;
        }
        addIp(report, lineNo, label, value, meaning, current);
      }
      ctx = { meaning, label, kind: CONTINUATION[meaning] ?? 'wrap' };
      continue;
    }

    if (labelShaped(line) && !parseIpValue(line)) {
      const m = LABEL_SHAPE.exec(line.slice(0, MAX_LABEL_COLUMN + 40));
      report(lineNo, 'ipconfig.unknownLabel', { label: quote(stripLeaderTail(m?.[1] ?? line)) });
      ctx = undefined;
      continue;
    }

    const t = line.trim();
    if (ctx?.kind === 'ip') {
      addIp(report, lineNo, ctx.label, t, ctx.meaning, current);
      continue;
    }
    if (ctx?.kind === 'name' && /^[\p{L}\p{N}_.-]+$/u.test(t)) continue;
    if (ctx?.meaning === 'description' && current && current.adapter.description === '') {
      // Dutch XP prints "Beschrijving . . . :" and the description on the next, indented line
      current.adapter.description = t;
      ctx = undefined;
      continue;
    }
    // the console wraps at column 80 and continues at column 0 (a space when it broke before one)
    if (ctx?.kind === 'wrap' && prevLen >= wrapColumns && prevLen <= 81 && indentOf(line) <= 1 && (!prevBlank || doubleSpaced)) {
      // 80-column wrap of a long value; only the description is kept, so only it needs the tail
      if (ctx.meaning === 'description' && current) current.adapter.description += line;
      ctx = undefined;
      continue;
    }
    report(lineNo, 'ipconfig.unrecognised', { line: quote(line) });
    ctx = undefined;
  }
  finish();

  flushInferred();

  if (!sawStructure) {
    const first = lines.findIndex((l) => l.trim() !== '');
    return { value: { adapters: [] }, problems: [problemAt(source, first >= 0 ? first + 1 : 1, 'ipconfig.notIpconfig')] };
  }
  return { value: keptRun(runs), problems };
}

/** The run kept from a file holding several: the fullest, on a tie the later; host facts from any run. */
function keptRun(runs: Run[]): IpconfigResult {
  const withAdapters = runs.filter((r) => r.result.adapters.length > 0);
  if (withAdapters.length <= 1 && runs.length === 1) return runs[0]!.result;
  const pool = withAdapters.length ? withAdapters : runs;
  const best = pool.reduce((a, b) => (b.understood >= a.understood ? b : a));
  const kept: IpconfigResult = { ...best.result };
  const hostname = best.result.hostname ?? runs.find((r) => r.result.hostname)?.result.hostname;
  const suffix = best.result.primaryDnsSuffix ?? runs.find((r) => r.result.primaryDnsSuffix)?.result.primaryDnsSuffix;
  if (hostname !== undefined) kept.hostname = hostname;
  if (suffix !== undefined) kept.primaryDnsSuffix = suffix;
  return kept;
}
