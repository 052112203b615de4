import { problemText, type ProblemCode, type ProblemParams } from '../i18n/problem-text';

/** Input that could not be understood. Never dropped silently: every parser returns these. */
export interface Problem {
  /** capture-relative file name, e.g. "route-print.txt" */
  source: string;
  /** 1-based line number in that file */
  line?: number;
  /** in English, filled from the same template as every translation (problem-text.ts) */
  message: string;
  /** the template's stable id: `problem.<code>` in app/core/i18n/<language>.json */
  code: ProblemCode;
  /** the values the template is filled with (absent when it has none) */
  params?: ProblemParams;
}

export interface ParseResult<T> {
  value: T;
  problems: Problem[];
}

/** A problem from its template: the English message, the id and the values a translation is filled with. */
export function problemAt(source: string, line: number | undefined, code: ProblemCode, params?: ProblemParams): Problem {
  const message = problemText(code, params) ?? code;
  const problem: Problem = line === undefined ? { source, message, code } : { source, line, message, code };
  if (params) problem.params = params;
  return problem;
}
