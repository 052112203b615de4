/** Input that could not be understood. Never dropped silently: every parser returns these. */
export interface Problem {
  /** capture-relative file name, e.g. "route-print.txt" */
  source: string;
  /** 1-based line number in that file */
  line?: number;
  message: string;
}

export interface ParseResult<T> {
  value: T;
  problems: Problem[];
}
