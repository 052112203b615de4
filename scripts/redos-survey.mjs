/**
 * A by-hand ReDoS survey of the readers' patterns (round 43): every regular-expression literal under the folders given is checked
 * by recheck (https://makenowjust-labs.github.io/recheck/: automata theory plus fuzzing; not a dependency of the project — 57 MB
 * with its native checker — so install it for the run: `npm i --no-save recheck@4.5.0`), and the ones it calls vulnerable are
 * written to redos-survey.json with their complexity and attack string, most degrees first.
 * usage: node scripts/redos-survey.mjs [DIR…]   (default: app/core/parse/server-log; ~15 min on this machine)
 * A flagged pattern is a risk only where a line can reach it: feed its attack string through the reader
 * (e.g. app/core/parse/server-log/backtracking-forms.test.ts) before changing it.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const { checkSync } = await import('recheck').catch(() => {
  console.error('recheck is not installed: npm i --no-save recheck@4.5.0');
  process.exit(2);
});
const roots = process.argv.length > 2 ? process.argv.slice(2) : ['app/core/parse/server-log'];
const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
  }
};
roots.forEach(walk);
const flagged = [];
let patterns = 0;
for (const file of files) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const end = text.lastIndexOf('/');
      patterns++;
      const r = checkSync(text.slice(1, end), text.slice(end + 1), { timeout: 2000 });
      if (r.status === 'vulnerable') {
        const { line } = src.getLineAndCharacterOfPosition(node.getStart());
        flagged.push({ file, line: line + 1, pattern: text, complexity: r.complexity.type === 'exponential' ? 'exponential' : `n^${r.complexity.degree}`, attack: r.attack?.pattern });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
const rank = (f) => (f.complexity === 'exponential' ? 100 : Number(f.complexity.slice(2)));
flagged.sort((a, b) => rank(b) - rank(a));
writeFileSync('redos-survey.json', JSON.stringify(flagged, null, 1) + '\n');
console.log(`${files.length} files, ${patterns} patterns, ${flagged.length} flagged → redos-survey.json`);
