import { problemAt, type ParseResult, type Problem } from '../model/problems';

/**
 * file-versions.txt (capture contract): "FULLPATH<TAB>VERSION[<TAB>DESCRIPTION]" per line, written
 * by the collectors (wmic on XP+, filever.exe where a legacy machine has it). Blank lines and lines
 * starting with "#" or ";" are notes from the collector.
 */
export interface FileVersion {
  path: string;
  version: string;
  description?: string;
  line: number;
}

export function parseFileVersions(text: string, source = 'file-versions.txt'): ParseResult<FileVersion[]> {
  const problems: Problem[] = [];
  const value: FileVersion[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const t = raw.trim();
      if (t === '' || t.startsWith('#') || t.startsWith(';')) return;
      const [path, version, description] = raw.split('\t').map((s) => s.trim());
      if (!path || !version || !/^\d+(\.\d+){1,3}/.test(version)) {
        problems.push(problemAt(source, i + 1, 'fileVersions.notPathVersion', { line: JSON.stringify(t.slice(0, 100)) }));
        return;
      }
      value.push({ path, version: /^\d+(\.\d+){1,3}/.exec(version)![0], ...(description ? { description } : {}), line: i + 1 });
    });
  return { value, problems };
}

/** Numeric comparison of dotted versions ("4.00.950" = "4.0.950"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const fileNameOf = (path: string): string => path.split(/[\\/]/).pop()!.toLowerCase();
