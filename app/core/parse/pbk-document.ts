/** The lossless shape of a parsed rasphone.pbk (pbk.ts builds it, pbk-entry.ts reads entries from it). */

export interface PbkLine {
  text: string;
  /** "\r\n", "\n", "\r" or "" (last line without a newline) */
  eol: string;
}

/** `MEDIA=` / `DEVICE=` / `NETCOMPONENTS=` start a sub-group inside an entry (one per link/device). */
export type PbkGroupKind = 'entry' | 'NETCOMPONENTS' | 'MEDIA' | 'DEVICE';

export interface PbkValue {
  key: string;
  value: string;
  /** 0-based index into `lines` */
  index: number;
  group: PbkGroupKind;
  /** 0 for the entry's own keys, then 1, 2, … per sub-group in file order */
  groupIndex: number;
}

export interface PbkSection {
  name: string;
  /** 0-based index of the `[name]` line; the section runs to `end` (exclusive) */
  index: number;
  end: number;
  values: PbkValue[];
}

export interface PbkDocument {
  lines: PbkLine[];
  sections: PbkSection[];
}
