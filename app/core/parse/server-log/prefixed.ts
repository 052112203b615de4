import type { LogTime } from './types';

/** A line's header as read (prefix-shapes.ts, syslog-header.ts): what every family is handed. */
export interface Prefixed {
  time?: LogTime;
  host?: string;
  program?: string;
  pid?: string;
  /** facility.level (OpenWrt logread) or the level word (router logs, Python logging) */
  level?: string;
  /** IOS timestamps with `*`: the router's clock was not synchronised */
  clockUnsynced?: boolean;
  /** which header shape matched */
  shape: 'syslog' | 'logread' | 'ios' | 'iso' | 'rasman' | 'router-tab' | 'time-only' | 'program' | 'logcat' | 'none';
  message: string;
  /** router web logs: a sequence number (newest-first logs count down) */
  seq?: number;
  /**
   * Where the message lies in the read chunk its line was cut from (`src.slice(messageAt,
   * messageAt + message.length) === message`), set only for a record that is one unaltered line
   * known to hold no line break: the rule cache reads the message there, in place — a character of
   * a sliced string costs about twice one of its flat parent (see readPrefix).
   */
  src?: string;
  messageAt?: number;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m, i + 1]));
/** the regexes only match these exact spellings */
export const monthOf = (m: string): number => MONTH_NUMBER.get(m) ?? 0;
/** the month words as a regex group (the header regexes match these exact spellings) */
export const MONTH_GROUP = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

export const n = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
export const ms = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.padEnd(3, '0').slice(0, 3)));
