import { routeRowsOf } from '../core/parse/lazy-routes';
import { engineT } from '../core/i18n';
import { problemMessage } from '../core/i18n/problem-text';
import { isReadNote as isIpconfigNote } from '../core/parse/ipconfig-inferred';
import { isPowerShellNetworkNote } from '../core/snapshot/powershell-network';
import { isCopyNote } from '../core/parse/pasted-copy';
import { evidenceSourceText } from '../core/report/report-html';
import { summaryParagraphs, type Finding, type Report } from '../core/model/report';
import { logFormatsText } from '../shared/log-formats';

/** A finding's severity as its line starts, padded to one width per language (the words of the app and the HTML report). */
const ICON: Record<'en' | 'nl', Record<Finding['severity'], string>> = {
  en: { critical: '✖ CRITICAL', warning: '▲ WARNING ', info: '• INFO    ' },
  nl: { critical: '✖ ERNSTIG     ', warning: '▲ WAARSCHUWING', info: '• OPMERKING   ' },
};

/** The severity word a finding's line starts with, in the CLI's language (scan and explain-log alike). */
export const severityLabel = (severity: Finding['severity'], language: string): string => ICON[language === 'nl' ? 'nl' : 'en'][severity];

/** "1 route", "7 routes": the summary line's counts (Dutch says interface/interfaces and route/routes too). */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const L = {
  en: {
    evidence: 'Evidence', wins: 'Which route wins', ifFixed: 'If you fix this', fix: 'Fix', admin: 'needs administrator rights', healthy: 'No problems found.',
    problems: (n: number) => (n === 1 ? '1 problem found.' : `${n} problems found.`), notCollected: 'not collected', serverLog: 'server log', problemsIn: 'Lines not understood', copies: 'Read from a copy (mail, chat, web page)', readNotes: 'Read, with a note',
    readInstead: 'read in their place',
    notRead: (n: number, where: string) => `${n === 1 ? '1 line' : `${n} lines`} could not be read (${where}); no problems found in the rest, but what those lines hold was not checked.`,
    more: (n: number) => `and ${n} more`,
    dry: (cmd: string) => `See the exact fix and undo scripts: ${cmd}`,
  },
  nl: {
    evidence: 'Bewijs', wins: 'Welke route wint', ifFixed: 'Als u dit oplost', fix: 'Oplossing', admin: 'vraagt beheerdersrechten', healthy: 'Geen problemen gevonden.',
    problems: (n: number) => (n === 1 ? '1 probleem gevonden.' : `${n} problemen gevonden.`), notCollected: 'niet verzameld', serverLog: 'logboek van de server', problemsIn: 'Niet begrepen regels', copies: 'Gelezen uit een kopie (mail, chat, webpagina)', readNotes: 'Gelezen, met een opmerking',
    readInstead: 'gelezen in hun plaats',
    notRead: (n: number, where: string) => `${n === 1 ? '1 regel kon' : `${n} regels konden`} niet worden gelezen (${where}); in de andere regels zijn geen problemen gevonden, maar wat in die regels staat is niet gecontroleerd.`,
    more: (n: number) => `en nog ${n}`,
    dry: (cmd: string) => `Bekijk de exacte scripts om op te lossen en terug te draaien: ${cmd}`,
  },
};

/** Where the unread lines are, as file:line, the first ten and a count of the rest. */
function whereNotRead(problems: Report['snapshot']['problems'], more: (n: number) => string): string {
  const at = problems.map((p) => `${p.source}${p.line ? `:${p.line}` : ''}`);
  return at.length > 10 ? `${at.slice(0, 10).join(', ')}, ${more(at.length - 10)}` : at.join(', ');
}

/** Human output of `scan`: findings, evidence and "what happens if you fix this". */
export function formatReport(report: Report, label: string, inputFlags: string, verbose = false): string {
  const language = report.language === 'nl' ? 'nl' : 'en';
  const l = L[language];
  const t = engineT(language);
  const s = report.snapshot;
  const out: string[] = [];
  out.push(`TunnelMedic ${report.tool.version} — ${label}`);
  out.push(`${s.os.name}${s.os.build ? ` (build ${s.os.build})` : ''} · ${count(s.interfaces.length, 'interface')} · ${count(routeRowsOf(s).length, 'route')}`);
  if (s.files.notCollected.length) out.push(`${l.notCollected}: ${s.files.notCollected.join(', ')}`);
  // route-print.txt ← powershell/netroute.json: what stood in for an output that was not collected
  // the server logs read with it (--server-log, the capture's server-logs/): how much of each was understood, as explain-log
  // heads each log — a cause in them is a finding below; without this line a log with none left no trace that it was read
  for (const r of report.serverLogs ?? []) {
    const formats = Object.keys(r.families).length ? ` (${logFormatsText(r.families, language)})` : '';
    out.push(`${l.serverLog}: ${r.source} — ${r.message}${formats}`);
  }
  if (s.files.substitutes?.length) out.push(`${l.readInstead}: ${s.files.substitutes.map((x) => `${x.file} ← ${x.readFrom.join(', ')}`).join('; ')}`);
  // a note that a file was a copy (pasted-copy.ts), or that its labels were read by their values
  // (ipconfig-inferred.ts), is no line left unread: said apart, each time
  const isReadNote = (p: { code?: string }) => isIpconfigNote(p) || isPowerShellNetworkNote(p);
  const unread = s.problems.filter((p) => !isCopyNote(p) && !isReadNote(p));
  const copies = s.problems.filter(isCopyNote);
  const readNotes = s.problems.filter(isReadNote);
  const problemLine = (p: (typeof s.problems)[number]) => `  ${p.source}${p.line ? `:${p.line}` : ''}  ${problemMessage(p, language)}`;
  if (copies.length) out.push(`${l.copies}:`, ...copies.map(problemLine));
  if (readNotes.length) out.push(`${l.readNotes}:`, ...readNotes.map(problemLine));
  if (unread.length) {
    out.push(`${l.problemsIn}: ${unread.length}`);
    for (const p of unread.slice(0, verbose ? Infinity : 5)) out.push(problemLine(p));
  }
  out.push('');
  for (const f of report.findings) {
    out.push(`${severityLabel(f.severity, language)}  ${f.title}   [${f.id}]`);
    // a server-log finding's parts (what the PC saw, the server's words, advice, the match) each a paragraph of its own
    for (const text of summaryParagraphs(f)) out.push(indent(text, 2));
    out.push(`  ${l.evidence}:`);
    for (const e of f.evidence) out.push(`    ${evidenceSourceText(e.source, t)}${e.line ? `:${e.line}` : ''}  ${e.text}`);
    if (f.decisions?.length) {
      out.push(`  ${l.wins}:`);
      for (const d of f.decisions) out.push(indent(`→ ${d.reason}`, 4));
    }
    if (f.ifFixed) out.push(indent(`${l.ifFixed}: ${f.ifFixed}`, 2));
    for (const fix of f.fixes) {
      out.push(`  ${l.fix} [${fix.id}] — ${fix.title} (${l.admin}):`);
      fix.steps.forEach((step, i) => out.push(`    ${i < fix.actions.length ? `${i + 1}.` : ' !'} ${step}`));
    }
    out.push('');
  }
  const actionable = report.findings.filter((f) => f.severity !== 'info').length;
  // "No problems found" only when every line was understood: unread lines may hold the problem
  if (actionable) out.push(l.problems(actionable));
  else out.push(unread.length ? l.notRead(unread.length, whereNotRead(unread, l.more)) : l.healthy);
  if (report.findings.some((f) => f.fixes.length)) out.push(l.dry(`tunnelmedic fix ${inputFlags} --dry-run`.replace(/\s+/g, ' ')));
  return out.join('\n') + '\n';
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  const width = 100 - n;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(pad + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(pad + line);
  return lines.join('\n');
}
