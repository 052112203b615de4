import { hasActionableFindings } from '../../core/diagnose';
import { explainServerLogs } from '../../core/diagnose/server-log';
import { engineT, pickLanguage } from '../../core/i18n';
import { summaryParagraphs, type Finding } from '../../core/model/report';
import type { ServerLogReport } from '../../core/model/server-log';
import { ServerLogNames } from '../../core/parse/server-log/names';
import type { ServerLogResult } from '../../core/parse/server-log';
import { Redactor } from '../../core/report/redact';
import { sensitiveValues } from '../../core/report/redact-values';
import { formatCount, logFormatsText } from '../../shared/log-formats';
import { foldRepeats } from '../../shared/repeated-lines';
import { usageError } from '../../system/error-text';
import { resolveInput, scanInput } from '../../system/input';
import { readServerLogFiles } from '../../system/server-log-archive';
import { readNotes } from '../../system/server-log-notes';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { formatReport, severityLabel } from '../format';
import { EXIT, type CliIo } from '../io';
import { checkOutFile, writeOut } from './out-path';
import { cliWords, inputFlags, inputOptions, shownInput } from './shared';

/**
 * `tunnelmedic explain-log FILE… [--capture DIR] [--json] [--lang nl] [--redact]`: what the VPN
 * server or router logged, decoded, and the cause on the PC. With --capture the PC's own events
 * are read too and a server cause that matches a PC failure becomes one finding (the scan report,
 * with `serverLogs`). Without it the JSON is `{ schemaVersion, tool, generatedAt, language,
 * serverLogs, findings }`. Exit 4 when no file is a server log (empty, binary, a route print …).
 */
export async function explainLogCommand(values: CliValues, files: string[], io: CliIo): Promise<number> {
  if (!files.length) throw usageError('cli.explainLog.needsFile');
  const language = pickLanguage(values.lang);
  const t = engineT(language);
  const words = cliWords(values);
  const logs: ServerLogResult[] = [];
  // --redact: the names of every record, read while the file streams by (not only of the entries a parse keeps)
  const names = values.redact ? new ServerLogNames() : undefined;
  for (const f of files) {
    if (!values.quiet && !values.json) io.stderr(`${words('cli.explainLog.reading', { file: f })}\n`);
    // a tar archive (logs.tar.gz) gives one log per file inside, each named ARCHIVE/path (server-log-archive.ts)
    for (const r of await readServerLogFiles(f, f, undefined, names ? { everyEntry: (e) => names.addEntry(e) } : {})) {
      if (r.verdict !== 'ok') io.stderr(`tunnelmedic: ${r.source}: ${t(`serverLog.verdict.${r.verdict}`)}\n`);
      for (const note of readNotes(r, words)) io.stderr(`tunnelmedic: ${note}\n`);
      // the lines no family understood are shown too: their names are hidden as well
      if (names) for (const u of r.unknownLines) names.addText(u.text);
      logs.push(r);
    }
  }
  if (!logs.some((l) => l.verdict === 'ok')) return EXIT.usage;

  let json: string;
  let text: string;
  let findings: Finding[];
  let redactor: Redactor | null = null;
  if (values.capture) {
    const input = await resolveInput(inputOptions(values, io));
    const { report, capture } = await scanInput(input, language, logs);
    // the PC's names too (host name, users, domain …), as `report --redact` hides them: the report holds its snapshot
    if (names) redactor = new Redactor([...names.names, ...sensitiveValues({ capture, snapshot: report.snapshot, policy: input.policy })]);
    const out = redactor ? redactor.value(report) : report;
    findings = out.findings;
    json = JSON.stringify(out, null, 2) + '\n';
    text = `${formatServerLogs(out.serverLogs ?? [], language, values.verbose)}\n${formatReport(out, shownInput(input, words), inputFlags(values), values.verbose)}`;
  } else {
    const explained = explainServerLogs(logs, t);
    const doc = { schemaVersion: 1 as const, tool: { name: 'tunnelmedic' as const, version: TOOL_VERSION }, generatedAt: new Date().toISOString(), language, ...explained };
    if (names) redactor = new Redactor(names.names);
    const out = redactor ? redactor.value(doc) : doc;
    findings = out.findings;
    json = JSON.stringify(out, null, 2) + '\n';
    text = `${formatServerLogs(out.serverLogs, language, values.verbose)}\n${formatFindings(out.findings, language, out.serverLogs)}`;
  }
  if (values.out) {
    await checkOutFile(values.out);
    await writeOut(values.out, json);
  }
  if (values.json) io.stdout(json);
  else if (!values.quiet) io.stdout(redactor ? redactor.text(text) : text);
  // what --redact hid, counted (never the values): the person sees that it worked before sending the report on
  if (redactor && !values.quiet && !values.json) io.stderr(`${redactedLine(redactor.summary().counts, language)}\n`);
  return hasActionableFindings(findings) ? EXIT.findings : EXIT.healthy;
}

/** The kinds of value --redact replaces, in the order the line names them (the Redactor's counter names). */
const REDACTED_KINDS = ['user', 'host', 'domain', 'dnsDomain', 'vpnServer', 'org', 'sid', 'mac', 'ipv4', 'ipv6'] as const;

/** "--redact replaced 2 user names, 1 computer or host name and 3 public IPv4 addresses with tokens …" */
export function redactedLine(counts: Record<string, number>, language: 'en' | 'nl'): string {
  const t = engineT(language);
  const parts = REDACTED_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => t(`cli.explainLog.redacted.${k}`, { count: counts[k] }));
  if (!parts.length) return t('cli.explainLog.redacted.nothing');
  return t('cli.explainLog.redacted.done', { what: new Intl.ListFormat(language, { type: 'conjunction' }).format(parts) });
}

/** Counts in the language's digit grouping ("4,934", "4.934": formatCount), as the verdict line's (i18n `{{n, number}}`); line numbers stay as the file numbers them. */
const en = (n: number): string => formatCount(n, 'en');
const nl = (n: number): string => formatCount(n, 'nl');
const L = {
  en: { lines: 'What the log says', unknown: 'Lines not understood', count: en, more: (n: number) => `… ${en(n)} more (--verbose shows all)`, none: 'No cause found in the server log.', problems: (n: number) => (n === 1 ? '1 problem found.' : `${en(n)} problems found.`), evidence: 'Evidence', repeats: (n: number, last: number) => (n === 1 ? `…and 1 more line saying the same (line ${last})` : `…and ${en(n)} more lines saying the same, up to line ${last}`) },
  nl: { lines: 'Wat het logboek zegt', unknown: 'Niet begrepen regels', count: nl, more: (n: number) => `… nog ${nl(n)} (--verbose toont alles)`, none: 'Geen oorzaak gevonden in het logboek van de server.', problems: (n: number) => (n === 1 ? '1 probleem gevonden.' : `${nl(n)} problemen gevonden.`), evidence: 'Bewijs', repeats: (n: number, last: number) => (n === 1 ? `…en nog 1 regel die hetzelfde zegt (regel ${last})` : `…en nog ${nl(n)} regels die hetzelfde zeggen, tot regel ${last}`) },
};

const MARK: Record<string, string> = { failure: '✖', warning: '▲', success: '✔', info: '·' };

/** Per log: the verdict line, the decoded lines that matter (all with --verbose), unknown lines. */
export function formatServerLogs(reports: readonly ServerLogReport[], language: string, verbose = false): string {
  const l = L[language === 'nl' ? 'nl' : 'en'];
  const out: string[] = [];
  for (const r of reports) {
    // (whose log it is, where its lines say it is not a server's: the router's or PC's own as the dialling side, a site-to-site router's)
    const whose = r.writtenBy ? `; ${engineT(language === 'nl' ? 'nl' : 'en')(`serverLog.writtenBy.${r.writtenBy}`)}` : '';
    out.push(`${r.source} — ${r.message}${Object.keys(r.families).length ? ` (${logFormatsText(r.families, language === 'nl' ? 'nl' : 'en')}${whose})` : ''}`);
    const shown = verbose ? r.entries : r.entries.filter((e) => e.outcome !== 'info');
    if (shown.length) out.push(`  ${l.lines}:`);
    // without --verbose, lines next to each other that say the same (a blocked packet every two seconds) are said once, with how many
    const runs = verbose ? shown.map((e) => ({ first: e, count: 1, lastLine: e.endLine })) : foldRepeats(shown);
    for (const { first: e, count, lastLine } of runs.slice(0, verbose ? Infinity : 40)) {
      out.push(`  ${MARK[e.outcome]} ${String(e.line).padStart(5)}${e.time ? ` ${e.time}` : ''}  ${e.decoded}`);
      if (count > 1) out.push(`          ${l.repeats(count - 1, lastLine)}`);
    }
    if (!verbose && runs.length > 40) out.push(`  ${l.more(runs.length - 40)}`);
    if (r.unknown) {
      out.push(`  ${l.unknown}: ${l.count(r.unknown)}`);
      for (const u of r.unknownLines.slice(0, verbose ? Infinity : 5)) out.push(`    ${String(u.line).padStart(5)}  ${u.text}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * "No cause found in the server log." — or, where every log read says whose it is and it is not a server's (report.ts writtenBy: a
 * router's or PC's own log as the dialling side, a router's in a site-to-site tunnel), "No cause found in this log (…)".
 */
export function noCauseLine(reports: readonly ServerLogReport[], language: string): string {
  const read = reports.filter((r) => r.verdict === 'ok');
  const whose = read[0]?.writtenBy;
  if (!whose || read.some((r) => r.writtenBy !== whose)) return L[language === 'nl' ? 'nl' : 'en'].none;
  const t = engineT(language === 'nl' ? 'nl' : 'en');
  return t('serverLog.noCauseIn', { whose: t(`serverLog.writtenBy.${whose}`) });
}

/**
 * The no-cause line, and where the logs read hold failures without a cause (FortiClient's refused log-ins, a firewall dropping the
 * PC's traffic inside a working tunnel …), a sentence that points back to them: "no cause" after lines marked ✖ read as a
 * contradiction.
 */
function noCauseText(reports: readonly ServerLogReport[], language: string): string {
  const failing = reports.reduce((n, r) => n + (r.verdict === 'ok' ? r.entries.filter((e) => e.outcome === 'failure').length : 0), 0);
  if (!failing) return noCauseLine(reports, language);
  const t = engineT(language === 'nl' ? 'nl' : 'en');
  return `${noCauseLine(reports, language)} ${t('serverLog.failuresWithoutCause', { count: failing })}`;
}

export function formatFindings(findings: readonly Finding[], language: string, reports: readonly ServerLogReport[]): string {
  const l = L[language === 'nl' ? 'nl' : 'en'];
  if (!findings.length) return `${noCauseText(reports, language)}\n`;
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${severityLabel(f.severity, language)}  ${f.title}   [${f.id}]`);
    for (const text of summaryParagraphs(f)) out.push(`  ${text}`);
    out.push(`  ${l.evidence}:`);
    for (const e of f.evidence) out.push(`    ${e.source}${e.line ? `:${e.line}` : ''}  ${e.text}`);
    out.push('');
  }
  out.push(l.problems(findings.filter((f) => f.severity !== 'info').length));
  return `${out.join('\n')}\n`;
}
