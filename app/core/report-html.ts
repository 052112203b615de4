import type { Report } from './report';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained, readable HTML page of a report (no scripts, no external resources). */
export function renderReportHtml(report: Report): string {
  const s = report.snapshot;
  const findings = report.findings
    .map(
      (f) => `<section class="${esc(f.severity)}"><h2>${esc(f.title)} <small>${esc(f.id)} · ${esc(f.severity)}</small></h2>
<p>${esc(f.summary)}</p>
<h3>Evidence</h3><ul>${f.evidence.map((e) => `<li><code>${esc(e.source)}${e.line ? `:${e.line}` : ''}</code> <code>${esc(e.text)}</code></li>`).join('')}</ul>
${f.decisions?.length ? `<h3>Which route wins</h3><ul>${f.decisions.map((d) => `<li>${esc(d.reason)}</li>`).join('')}</ul>` : ''}
${f.fixes.map((x) => `<h3>${esc(x.title)}</h3><ol>${x.steps.map((st) => `<li>${esc(st)}</li>`).join('')}</ol><pre>${esc(x.script.cmd)}</pre>`).join('')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${esc(report.language ?? 'en')}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>TunnelMedic report ${esc(report.generatedAt)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
section{border-left:4px solid #888;padding:.2rem 1rem;margin:1rem 0}.critical{border-color:#b42318}.warning{border-color:#b54708}
pre{background:#f4f5f7;padding:.75rem;overflow:auto}small{color:#555;font-weight:normal}</style></head>
<body><h1>TunnelMedic report</h1>
<p>${esc(s.os.name)} · ${esc(s.hostname ?? '')} · ${s.interfaces.length} interfaces · ${s.routes.length} routes · ${esc(report.source)} · ${esc(report.generatedAt)}</p>
${findings || '<p>No problems found.</p>'}
${report.run ? `<h2>Run ${esc(report.run.id)}</h2><p>${esc(report.run.message ?? '')}</p>` : ''}
</body></html>
`;
}
