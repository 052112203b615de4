/**
 * A small line diff for previews (LMHOSTS before → after). Common head and tail are trimmed first,
 * so the usual edit (a block appended or replaced) costs nothing; the middle is diffed with an LCS
 * table, and when that would be too big it is shown as "all removed, all added" — still correct.
 */

export type DiffLine =
  | { kind: 'same'; text: string; oldNo: number; newNo: number }
  | { kind: 'added'; text: string; newNo: number }
  | { kind: 'removed'; text: string; oldNo: number };

/** Lines without their terminators; a final line ending does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i]!, oldNo: i + 1, newNo: i + 1 });

  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  if (n * m > MAX_CELLS) {
    am.forEach((text, i) => out.push({ kind: 'removed', text, oldNo: head + i + 1 }));
    bm.forEach((text, j) => out.push({ kind: 'added', text, newNo: head + j + 1 }));
  } else {
    // lcs[i][j] = length of the LCS of am[i..] and bm[j..], stored flat
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ kind: 'same', text: am[i]!, oldNo: head + i + 1, newNo: head + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // removals first, then additions: the usual way a changed line reads
        out.push({ kind: 'removed', text: am[i]!, oldNo: head + i + 1 });
        i++;
      } else {
        out.push({ kind: 'added', text: bm[j]!, newNo: head + j + 1 });
        j++;
      }
    }
  }

  const oldBase = a.length - tail;
  const newBase = b.length - tail;
  for (let k = 0; k < tail; k++) out.push({ kind: 'same', text: a[oldBase + k]!, oldNo: oldBase + k + 1, newNo: newBase + k + 1 });
  return out;
}

export type DiffHunk = { kind: 'lines'; lines: DiffLine[] } | { kind: 'gap'; count: number; lines: DiffLine[] };

/**
 * Groups a diff for display: changed lines with `context` unchanged lines around them; longer runs
 * of unchanged lines become a gap the person can expand.
 */
export function hunks(diff: DiffLine[], context = 2): DiffHunk[] {
  const changed = diff.map((d) => d.kind !== 'same');
  const near = diff.map((_, i) => {
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) if (changed[k]) return true;
    return false;
  });
  const out: DiffHunk[] = [];
  let i = 0;
  while (i < diff.length) {
    const show = near[i];
    let j = i;
    while (j < diff.length && near[j] === show) j++;
    const slice = diff.slice(i, j);
    // a gap of one line is not worth a button
    if (!show && slice.length > 1) out.push({ kind: 'gap', count: slice.length, lines: slice });
    else {
      const last = out.at(-1);
      if (last?.kind === 'lines') last.lines.push(...slice);
      else out.push({ kind: 'lines', lines: slice });
    }
    i = j;
  }
  return out;
}

export const diffCounts = (diff: DiffLine[]): { added: number; removed: number } => ({
  added: diff.filter((d) => d.kind === 'added').length,
  removed: diff.filter((d) => d.kind === 'removed').length,
});
