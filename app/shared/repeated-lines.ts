/**
 * A server log's decoded lines with runs of the same meaning folded into one: a blocked GRE packet every two seconds is
 * thousands of lines that say one thing (only their time differs), and listing each buried the few that said something
 * else. Only lines next to each other fold, so the order of events stays as the log wrote it; a line says the same when its
 * decoded text and outcome are the same (an address or user in it makes it another line).
 */
export interface RepeatedLine<E> {
  /** the first line of the run, shown with its raw text */
  first: E;
  /** how many lines the run holds (1: a line of its own) */
  count: number;
  /** the last physical line of the run */
  lastLine: number;
}

export function foldRepeats<E extends { decoded: string; outcome: string; endLine: number }>(entries: readonly E[]): RepeatedLine<E>[] {
  const runs: RepeatedLine<E>[] = [];
  let last: RepeatedLine<E> | undefined;
  for (const e of entries) {
    if (last && last.first.decoded === e.decoded && last.first.outcome === e.outcome) {
      last.count++;
      last.lastLine = e.endLine;
      continue;
    }
    last = { first: e, count: 1, lastLine: e.endLine };
    runs.push(last);
  }
  return runs;
}
