import type { LmhostsFile } from '../parse/lmhosts';

/**
 * The LMHOSTS lines domain validation over a VPN needs (KB Q180094, windows-reference.md §3):
 *   10.13.1.10  DC1  #PRE  #DOM:CORP                 the DC, preloaded; #DOM feeds CORP<1C>
 *   10.13.1.10  "CORP           \0x1B"  #PRE         CORP<1B>: padded with spaces to 15, then 0x1B
 * Microsoft writes #PRE before #DOM: (whether NetBT insists is unverified), so we do too. Several
 * DCs give several #DOM lines (KB 192064); the 1B line names the first (the PDC emulator's role).
 */
export const BLOCK_BEGIN = '#BEGIN TunnelMedic domain entries (written by TunnelMedic; edits inside this block are replaced)';
export const BLOCK_END = '#END TunnelMedic';

export interface DomainSpec {
  netbiosName: string;
  controllers: { name: string; address: string }[];
}

export function domainLines(spec: DomainSpec): string[] {
  const domain = spec.netbiosName.toUpperCase();
  const first = spec.controllers[0];
  const lines = spec.controllers.map((dc) => `${dc.address}  ${dc.name.toUpperCase()}  #PRE  #DOM:${domain}`);
  if (first) lines.push(`${first.address}  "${domain.padEnd(15, ' ')}\\0x1B"  #PRE`);
  return lines;
}

/** Does the file (anywhere, block or not) already hold what `domainLines` would write? */
export function hasDomainEntries(file: LmhostsFile, spec: DomainSpec): { dcLines: boolean; domainLine: boolean } {
  const domain = spec.netbiosName.toUpperCase();
  const dcLines = spec.controllers.every((dc) =>
    file.entries.some((e) => e.address === dc.address && e.pre && e.name.trimEnd().toUpperCase() === dc.name.toUpperCase() && e.domain?.toUpperCase() === domain),
  );
  const domainLine = file.entries.some(
    (e) => e.suffix === 0x1b && e.pre && e.name.trimEnd().toUpperCase() === domain && spec.controllers.some((dc) => dc.address === e.address),
  );
  return { dcLines, domainLine };
}

/**
 * The text with our block put in place of an earlier one, or appended: every other byte stays as
 * it was. New lines use the file's line ending (CRLF when it has none or mixes them, as Windows
 * writes it); a last line without a line ending gets one, since the block must start on its own line.
 */
export function withDomainBlock(text: string, lines: string[], lineEnding: LmhostsFile['lineEnding']): string {
  const eol = lineEnding === 'lf' ? '\n' : '\r\n';
  const block = [BLOCK_BEGIN, ...lines, BLOCK_END].join(eol) + eol;
  const begin = findLine(text, (l) => l.startsWith('#BEGIN TunnelMedic'), 0);
  if (begin) {
    const end = findLine(text, (l) => l.trim() === BLOCK_END, begin.end);
    if (end) return text.slice(0, begin.start) + block + text.slice(end.end);
  }
  if (text === '') return block;
  const tail = /\r\n$|\n$|\r$/.test(text) ? '' : eol;
  return text + tail + block;
}

/** The first line (from `from`) that matches, with its start and the index after its line ending. */
function findLine(text: string, test: (line: string) => boolean, from: number): { start: number; end: number } | undefined {
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    if (test(m[1]!)) return { start: m.index, end: m.index + m[0].length };
    if (m[0].length === 0) re.lastIndex++;
  }
  return undefined;
}
