import type { TFunction } from 'i18next';
import { engineT, pickLanguage, type EngineLanguage } from '../i18n';
import { problemMessage } from '../i18n/problem-text';
import { summaryParagraphs, type Finding, type Report } from '../model/report';
import { buildTrafficDiagram, renderTrafficSvg, type DiagramWords } from './traffic-diagram';
import { logFormatsText } from '../../shared/log-formats';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One applied run from the journal store, for the "Applied runs" section. */
export interface RunHistoryEntry {
  runId: string;
  startedAt: string;
  fixIds: string[];
  verified: boolean;
  rolledBack: boolean;
  undone: boolean;
  message: string;
  /** the plan's step labels */
  steps?: string[];
  title?: string;
}

export interface ReportHtmlOptions {
  /** runs applied on this machine before (demo/live), newest first */
  runs?: RunHistoryEntry[];
}


/**
 * A self-contained, readable HTML page of a report (no scripts, no external resources, a CSP that
 * forbids both): machine summary, findings with their evidence and "which route wins", the fixes
 * with their exact scripts, and the runs applied. Everything from the report is escaped.
 */
export function renderReportHtml(report: Report, options: ReportHtmlOptions = {}): string {
  const t = engineT(pickLanguage(report.language));
  const s = report.snapshot;
  const actionable = report.findings.filter((f) => f.severity !== 'info').length;
  const verdict = actionable ? t('report.verdictProblems', { count: actionable }) : t('report.verdictNone');
  return `<!doctype html>
<html lang="${esc(report.language ?? 'en')}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('report.title'))} ${esc(s.hostname ?? '')} ${esc(report.generatedAt)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
section.finding{border-left:4px solid #888;padding:.2rem 1rem;margin:1rem 0}.critical{border-color:#b42318}.warning{border-color:#b54708}.info{border-color:#175cd3}
pre{background:#f4f5f7;padding:.75rem;overflow:auto;font-size:13px}small{color:#555;font-weight:normal}
table{border-collapse:collapse;margin:.5rem 0;font-size:14px}th,td{border:1px solid #d0d5dd;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7}.verdict{font-size:1.2rem;font-weight:600}code{font-size:13px}figure{margin:.5rem 0}figcaption{font-size:14px}</style></head>
<body><h1>${esc(t('report.title'))}</h1>
<p class="verdict">${esc(verdict)}</p>
${machineSummary(report, t)}
<h2>${esc(t('report.findings'))}</h2>
${report.findings.map((f) => findingHtml(f, report, t)).join('\n') || `<p>${esc(t('report.verdictNone'))}.</p>`}
${runsHtml(report, options.runs ?? [], t)}
${problemsHtml(report, t, pickLanguage(report.language))}
<p><small>${esc(t('report.generated', { version: report.tool.version, at: report.generatedAt, schema: report.schemaVersion }))}</small></p>
</body></html>
`;
}

/**
 * Where a line of evidence comes from, as the reader sees it: a capture file by its name, and the
 * three sources that are no file (what TunnelMedic worked out, the policy, the registry when the key
 * was not collected) in the report's language. The report JSON keeps the source as it is.
 */
export const evidenceSourceText = (source: string, t: TFunction): string => (EVIDENCE_SOURCES.has(source) ? t(`report.evidenceSource.${source}`) : source);
const EVIDENCE_SOURCES = new Set(['analysis', 'policy', 'registry']);

/** The diagram's words from the engine's texts, so the report draws it in its own language. */
export function reportDiagramWords(t: TFunction): DiagramWords {
  return {
    pc: t('report.diagram.pc'),
    internet: t('report.diagram.internet'),
    tunnel: t('report.diagram.tunnel'),
    router: (gateway) => t('report.diagram.router', { gateway }),
    direct: t('report.diagram.direct'),
    today: t('report.diagram.today'),
    after: t('report.diagram.after'),
    wrong: t('report.diagram.wrong'),
    line: (p) => (p.after ? t(p.wrong ? 'report.diagram.lineWrong' : 'report.diagram.line', p) : t('report.diagram.lineToday', p)),
    route: (r) => t('report.diagram.route', { prefix: r.prefix, gateway: r.gateway ?? t('report.diagram.onLink'), metric: r.metric, iface: r.interfaceName ?? '?' }) + (r.line !== undefined ? ` (${r.file}:${r.line})` : ''),
    kind: (k) => k,
  };
}

function machineSummary(report: Report, t: TFunction): string {
  const s = report.snapshot;
  const os = [s.os.name, s.os.version && t('report.osVersion', { version: s.os.version }), s.os.build && t('report.osBuild', { build: s.os.build }), s.os.servicePack, s.os.language].filter(Boolean).join(' · ');
  const none = t('report.none');
  const rows: [string, string][] = [
    [t('report.computer'), s.hostname ?? t('report.notCollectedValue')],
    ['Windows', os],
    [t('report.source'), t(`report.sourceKind.${report.source}`)],
    [t('report.collected'), s.files.collected.join(', ') || none],
    [t('report.notCollected'), s.files.notCollected.join(', ') || none],
  ];
  // what the server's logs were (--server-log, the capture's server-logs/): a cause in them is a finding, and a log without one
  // must still show that it was read and how much of it was understood (as the CLI's scan heads it)
  const logs = report.serverLogs ?? [];
  if (logs.length) rows.push([t('report.serverLogs'), logs.map((r) => `${r.source} — ${r.message}${Object.keys(r.families).length ? ` (${logFormatsText(r.families, pickLanguage(report.language))})` : ''}`).join('\n')]);
  const interfaces = s.interfaces.map(
    (i) =>
      `<tr><td>${i.index ?? ''}</td><td>${esc(i.name)}</td><td>${esc(t(`report.kind.${i.kind}`, { defaultValue: i.kind }))}</td><td>${esc(i.description)}</td><td>${esc(i.ipv4.map((a) => `${a.address}/${a.prefixLength}`).join(', '))}</td><td>${esc(i.gateways.join(', '))}</td><td>${i.interfaceMetric ?? ''}</td></tr>`,
  );
  const defaults = s.routes.filter((r) => r.prefixLength <= 1 && r.family === 4);
  const th = (...cells: string[]): string => `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  return `<h2>${esc(t('report.machine'))}</h2>
<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v.split('\n').map(esc).join('<br>')}</td></tr>`).join('')}</table>
<h3>${esc(t('report.interfaces', { count: s.interfaces.length }))}</h3>
${interfaces.length ? `<table>${th('#', t('report.col.name'), t('report.col.kind'), t('report.col.description'), 'IPv4', t('report.col.gateways'), t('report.col.metric'))}${interfaces.join('')}</table>` : `<p>${esc(t('report.noneCollected'))}</p>`}
<h3>${esc(t('report.defaultRoutes', { count: defaults.length, total: s.routes.length }))}</h3>
${defaults.length ? `<table>${th(t('report.col.destination'), t('report.col.gateway'), t('report.col.interface'), t('report.col.metric'))}${defaults.map((r) => `<tr><td>${esc(`${r.destination}/${r.prefixLength}`)}</td><td>${esc(r.gateway ?? 'On-link')}</td><td>${esc(r.interfaceAddress ?? String(r.interfaceIndex ?? ''))}</td><td>${r.metric}</td></tr>`).join('')}</table>` : `<p>${esc(none)}</p>`}`;
}

function findingHtml(f: Finding, report: Report, t: TFunction): string {
  const evidence = f.evidence.map((e) => `<li><code>${esc(evidenceSourceText(e.source, t))}${e.line ? `:${e.line}` : ''}</code> <code>${esc(e.text)}</code></li>`).join('');
  const decisions = f.decisions?.length ? `<h4>${esc(t('report.whichRouteWins'))}</h4><ul>${f.decisions.map((d) => `<li>${esc(d.reason)}</li>`).join('')}</ul>` : '';
  const words = reportDiagramWords(t);
  const diagram = buildTrafficDiagram(report.snapshot, f, words);
  const picture = diagram
    ? `<h4>${esc(t('report.diagram.title'))}</h4><figure>${renderTrafficSvg(diagram, words, t('report.diagram.alt'))}<figcaption><ul>${diagram.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul><small>${esc(t('report.diagram.legend'))}</small></figcaption></figure>`
    : '';
  const fixes = f.fixes
    .map(
      (x) => `<h4>${esc(t('report.fix'))}: ${esc(x.title)} <small>${esc(x.id)} · ${esc(t('report.risk', { risk: t(`report.riskLevel.${x.risk}`) }))}${x.strength ? ` · ${esc(x.strength === 'now' ? t('report.strengthNow') : t('report.strengthLasting'))}` : ''}${x.requiresAdmin ? ` · ${esc(t('report.needsAdmin'))}` : ''}</small></h4>
<ol>${x.steps.map((st) => `<li>${esc(st)}</li>`).join('')}</ol>
<details><summary>fix.${x.script.dialect === 'command-com' ? 'bat' : 'cmd'}</summary><pre>${esc(x.script.cmd)}</pre></details>
<details><summary>rollback.${x.script.dialect === 'command-com' ? 'bat' : 'cmd'}</summary><pre>${esc(x.script.rollbackCmd)}</pre></details>${x.script.ps1Unavailable ? `\n<p class="ps1-unavailable">${esc(x.script.ps1Unavailable)}</p>` : ''}`,
    )
    .join('\n');
  return `<section class="finding ${esc(f.severity)}"><h3>${esc(f.title)} <small>${esc(t(`report.severity.${f.severity}`))} · ${esc(f.id)}</small></h3>
${summaryParagraphs(f).map((text) => `<p>${esc(text)}</p>`).join('\n')}
${picture}
<h4>${esc(t('report.evidence'))}</h4><ul>${evidence}</ul>
${decisions}
${f.ifFixed ? `<p><strong>${esc(t('report.ifFixed'))}</strong> ${esc(f.ifFixed)}</p>` : ''}
${fixes}
</section>`;
}

function runsHtml(report: Report, runs: RunHistoryEntry[], t: TFunction): string {
  const rows = runs.map(
    (r) =>
      `<tr><td>${esc(r.runId)}</td><td>${esc(r.startedAt)}</td><td>${esc(r.title ? `${r.title} (${r.fixIds.join(', ')})` : r.fixIds.join(', '))}</td><td>${esc(t(`report.runState.${r.undone ? 'undone' : r.rolledBack ? 'rolledBack' : r.verified ? 'verified' : 'unfinished'}`))}</td><td>${esc(r.message)}</td></tr>`,
  );
  const current = report.run
    ? `<p>${esc(t('report.runNow', { id: report.run.id, applied: report.run.applied.join(', ') }))} ${esc(report.run.verified ? t('report.runState.verified') : t('report.runState.unfinished'))}${report.run.rolledBack ? `, ${esc(t('report.runState.rolledBack'))}` : ''}. ${esc(report.run.message ?? '')}${report.run.journal ? ` ${esc(t('report.journal'))} <code>${esc(report.run.journal)}</code>` : ''}</p>`
    : '';
  if (!current && rows.length === 0) {
    return `<h2>${esc(t('report.runs'))}</h2><p>${esc(report.source === 'capture' ? t('report.noRunsCapture') : t('report.noRuns'))}</p>`;
  }
  return `<h2>${esc(t('report.runs'))}</h2>${current}${rows.length ? `<table><tr><th>${esc(t('report.col.run'))}</th><th>${esc(t('report.col.started'))}</th><th>${esc(t('report.col.fixes'))}</th><th>${esc(t('report.col.outcome'))}</th><th>${esc(t('report.col.message'))}</th></tr>${rows.join('')}</table>` : ''}`;
}

function problemsHtml(report: Report, t: TFunction, language: EngineLanguage): string {
  const p = report.snapshot.problems;
  if (!p.length) return '';
  return `<h2>${esc(t('report.problems', { count: p.length }))}</h2><ul>${p.map((x) => `<li><code>${esc(x.source)}${x.line ? `:${x.line}` : ''}</code> ${esc(problemMessage(x, language))}</li>`).join('')}</ul>`;
}
