import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Report } from '../../../app/shared/model-types';
import { buildTrafficDiagram, clip, textRows, type DiagramBox, type DiagramPath, type DiagramWords, type RouteNumbers } from '../../../app/shared/traffic-diagram';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** The diagram's words in the UI's language (the HTML report takes the same ones from the engine's i18n). */
export function diagramWords(t: T): DiagramWords {
  const route = (r: RouteNumbers): string =>
    t('diagram.route', { prefix: r.prefix, gateway: r.gateway ?? t('diagram.onLink'), metric: r.metric, iface: r.interfaceName ?? '?' }) + (r.line !== undefined ? ` ${t('diagram.source', { file: r.file, line: r.line })}` : '');
  return {
    pc: t('diagram.pc'),
    internet: t('diagram.internet'),
    tunnel: t('diagram.tunnel'),
    router: (gateway) => t('diagram.router', { gateway }),
    direct: t('diagram.direct'),
    today: t('diagram.today'),
    after: t('diagram.after'),
    wrong: t('diagram.wrong'),
    line: (p) => (p.after ? t(p.wrong ? 'diagram.lineWrong' : 'diagram.line', p) : t('diagram.lineToday', p)),
    route,
    kind: (k) => t(`kind.${k}`),
  };
}

function Box({ b }: { b: DiagramBox }) {
  const rows = textRows(b);
  return (
    <g className={`dg-box dg-${b.kind}`}>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
      {rows.label.map((l, i) => (
        <text key={i} x={b.x + 10} y={rows.labelY[0]! + i * 17} className="dg-label">{l}</text>
      ))}
      {b.sub && <text x={b.x + 10} y={rows.subY} className="dg-sub">{clip(b.sub, 30)}</text>}
    </g>
  );
}

const pathClass = (p: DiagramPath): string => `dg-path dg-${p.wrong ? 'wrong' : p.when}`;

/**
 * Where the traffic goes, today and after the fix: drawn from this finding's snapshot, with a list
 * beside it that says the same in words (the text equivalent). Hover or focus a line of the list (or a
 * path) to highlight it and see the winning route's numbers.
 */
export function TrafficDiagramView({ report, finding }: { report: Report; finding: Finding }) {
  const { t } = useTranslation();
  const words = diagramWords(t);
  const d = useMemo(() => buildTrafficDiagram(report.snapshot, finding, words), [report, finding, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const [focus, setFocus] = useState<string | null>(null);
  if (!d) return null;
  const destinations = [...new Set(d.paths.map((p) => p.destination))];
  const shown = focus ? d.paths.filter((p) => p.destination === focus) : [];
  return (
    <section className="panel diagram-panel" aria-labelledby="diagram-title" data-testid="traffic-diagram">
      <h2 id="diagram-title">{t('diagram.title')}</h2>
      <p className="muted small">{t('diagram.intro')}</p>
      <div className="diagram-scroll">
        <svg viewBox={`0 0 ${d.width} ${d.height}`} className="diagram" role="img" aria-label={t('diagram.alt')} data-focus={focus ?? undefined}>
          <defs>
            {(['wrong', 'today', 'after'] as const).map((k) => (
              <marker key={k} id={`dg-arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse">
                <path d="M0 0 10 5 0 10z" className={`dg-arrow dg-${k}`} />
              </marker>
            ))}
          </defs>
          {d.paths.map((p) => (
            <polyline
              key={p.id}
              points={p.points.map(([x, y]) => `${x},${y}`).join(' ')}
              className={`${pathClass(p)}${focus && focus !== p.destination ? ' dg-dim' : ''}${focus === p.destination ? ' dg-focus' : ''}`}
              markerEnd={`url(#dg-arrow-${p.wrong ? 'wrong' : p.when})`}
              data-testid={`diagram-${p.when}`}
              data-wrong={p.wrong ? 'true' : undefined}
              onMouseEnter={() => setFocus(p.destination)}
              onMouseLeave={() => setFocus(null)}
            >
              <title>{`${p.destination} — ${p.when === 'today' ? words.today : words.after}: ${p.route ? words.route(p.route) : ''}`}</title>
            </polyline>
          ))}
          {d.boxes.map((b) => (
            <Box key={b.id} b={b} />
          ))}
        </svg>
      </div>
      <p className="diagram-legend small" aria-hidden="true">
        <span className="lg lg-wrong">{t('diagram.legendWrong')}</span>
        <span className="lg lg-today">{t('diagram.legendToday')}</span>
        <span className="lg lg-after">{t('diagram.legendAfter')}</span>
      </p>
      <ul className="diagram-text" aria-label={t('diagram.textLabel')} data-testid="diagram-text">
        {destinations.map((dest) => {
          const i = destinations.indexOf(dest);
          return (
            <li
              key={dest}
              tabIndex={0}
              className={focus === dest ? 'is-focus' : undefined}
              onFocus={() => setFocus(dest)}
              onBlur={() => setFocus(null)}
              onMouseEnter={() => setFocus(dest)}
              onMouseLeave={() => setFocus(null)}
            >
              {d.lines[i]}
            </li>
          );
        })}
      </ul>
      <div className="diagram-numbers small mono" role="status" data-testid="diagram-numbers">
        {shown.map((p) => (
          <p key={p.id}>
            {p.when === 'today' ? words.today : words.after}: {p.route ? words.route(p.route) : ''}
          </p>
        ))}
      </div>
    </section>
  );
}
