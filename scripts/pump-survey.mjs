/**
 * A by-hand survey of the readers' patterns for backtracking that a real line can reach (round 44; not run by the tests).
 * recheck's attack strings (scripts/redos-survey.mjs) reach few patterns behind real line heads; this gives each regular-expression
 * literal the REAL lines it matches (held fixtures and the corpus), with a run of 1 600 of one character put in at each word boundary
 * of the match — the rest of the line, a NUL or nothing after it — and times the pattern at 400 and 1 600 characters. A pattern whose
 * time grows more than 8× for the 4× run (and takes over 8 ms) is listed with its worst input; the time is the least of three tries
 * (this machine's speed moves). The record cap (2 000 characters, line-normalize.ts) bounds what one line can cost: n² patterns
 * cost milliseconds a line there, n³ ones seconds — those are the ones to make linear (backtracking-forms.test.ts holds the fixed
 * ones to their old forms).
 *
 * usage: node scripts/pump-survey.mjs [file:line,…]   (~5 min for app/core/parse/server-log on this machine)
 *   ROOTS=app/core/parse,app/core/report SKIP=server-log LOGS=test/fixtures/real,../shared/corpus node scripts/pump-survey.mjs
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOTS = (process.env.ROOTS ?? 'app/core/parse/server-log').split(',');
const SKIP = process.env.SKIP;
const LOG_DIRS = (process.env.LOGS ?? 'test/fixtures/real/server-logs,../shared/corpus/server-logs').split(',');
const only = process.argv[2]?.split(',');
const PUMPS = [' ', '\t', 'a', '0', '.', '-', ':', '=', '"', '|', ',', '/', '(', '['];
const SMALL = 400;
const BIG = 1600;
const LINES_PER_PATTERN = 3;
const MAX_POSITIONS = 40;

const filesUnder = (dir, keep) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? filesUnder(p, keep) : keep(p) ? [p] : [];
});

/** every regular-expression literal of the readers, with where it is */
function patterns() {
  const sources = ROOTS.flatMap((r) => filesUnder(r, (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && !(SKIP && p.includes(SKIP))));
  const out = [];
  for (const file of sources) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        out.push({ where: `${file}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1).replace(/[gy]/g, '') });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

const logs = LOG_DIRS.flatMap((d) => filesUnder(d, (p) => !p.endsWith('.md') && statSync(p).size < 2_000_000)).map((p) => ({
  name: p,
  lines: readFileSync(p, 'latin1').split(/\r?\n/).filter((l) => l.length < 1500).slice(0, 2000),
}));

const once = (re, s) => {
  const t = performance.now();
  re.exec(s);
  return performance.now() - t;
};
const timed = (re, s) => {
  const t = once(re, s);
  return t < 3 ? t : Math.min(t, once(re, s), once(re, s));
};

/** the text from where the pattern matches in up to three real lines (of different files) */
function realMatches(search) {
  const found = [];
  const seen = new Set();
  for (const log of logs) {
    if (found.length >= LINES_PER_PATTERN) break;
    for (const line of log.lines) {
      const m = search.exec(line);
      if (m && !seen.has(log.name)) {
        seen.add(log.name);
        found.push(line.slice(m.index));
        break;
      }
    }
  }
  return found;
}

/** word boundaries of the text, at most MAX_POSITIONS of them */
function positions(text) {
  const cuts = [0, text.length];
  for (let i = 1; i < text.length; i++) if (/\w/.test(text[i - 1]) !== /\w/.test(text[i])) cuts.push(i);
  cuts.sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(cuts.length / MAX_POSITIONS));
  return cuts.filter((_, i) => i % step === 0);
}

let listed = 0;
for (const p of patterns()) {
  if (only && !only.some((w) => p.where.endsWith(w))) continue;
  let re;
  let search;
  try {
    re = new RegExp(p.source, p.flags);
    search = new RegExp(p.source.replace(/^\^/, ''), p.flags);
  } catch {
    continue;
  }
  let worst;
  for (const text of realMatches(search)) {
    for (const at of positions(text)) {
      for (const c of PUMPS) {
        for (const tail of ['', '\u0000', text.slice(at)]) {
          const line = (n) => text.slice(0, at) + c.repeat(n) + tail;
          const big = timed(re, line(BIG));
          if (big <= 8 || (worst && big <= worst.big)) continue;
          const small = timed(re, line(SMALL));
          if (big > small * 8) worst = { big, small, c, at, tail: tail === text.slice(at) ? 'the rest' : JSON.stringify(tail), text: text.slice(0, 60) };
        }
      }
    }
  }
  if (worst) {
    listed++;
    console.log(`${p.where}: ${worst.small.toFixed(1)} → ${worst.big.toFixed(1)} ms, ${JSON.stringify(worst.c)} × ${BIG} at ${worst.at} then ${worst.tail}, in ${JSON.stringify(worst.text)}: /${p.source.slice(0, 120)}/`);
  }
}
console.log(`${listed} patterns grow faster than their input`);
