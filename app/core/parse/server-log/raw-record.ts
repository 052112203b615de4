/** One log record as the line splitter hands it on (lines.ts LineSplitter; held back by first-wrap.ts). */
export interface RawRecord {
  /** 1-based physical line of the record's first and last piece */
  line: number;
  endLine: number;
  text: string;
  /** known to hold no line break (\n, \r, U+2028, U+2029): the header reader need not look (see LineHints) */
  clean?: boolean;
  /** a clean record that is one physical line as read: `src.slice(at, at + text.length) === text` (its read chunk, see readPrefix) */
  src?: string;
  at?: number;
  /** what the text is known not to hold (LineHints; 0 or absent: nothing known) */
  hints?: number;
  /** a journal entry whose MESSAGE journalctl's JSON writer left out (null: journal-left-out.ts leftOutHit) */
  leftOut?: boolean;
}
