import type { OsInfo } from '../model/snapshot';

/**
 * `ver` output across generations: "Microsoft Windows [Version 10.0.19045.3448]",
 * "Microsoft Windows XP [Version 5.1.2600]", "Windows 98 [Version 4.10.2222]",
 * "Windows NT Version 4.0". The version number decides the family, not the (localised) words.
 */
export function parseVer(text: string): OsInfo | null {
  const line = text.split(/\r\n|\n|\r/).find((l) => /windows/i.test(l) && /\d+\.\d+/.test(l));
  const m = line ? /(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(line) : null;
  if (!line || !m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const build = m[3];
  // indexOf and an anchored tail, not /\s*\[.*$/: a damaged line of 80 000 blanks made that scan quadratic
  const bracket = line.indexOf('[');
  const name = (bracket >= 0 ? line.slice(0, bracket) : line).trim().replace(/(?:^|\s)version\s+[\d.]+$/i, '').trim() || 'Windows';
  const version = `${major}.${minor}`;
  if (major === 4 && /windows (9[58]|me)/i.test(text)) return { family: 'win9x', name, version, build };
  if (major === 4 && minor >= 10) return { family: 'win9x', name, version, build };
  if (major === 4) return { family: 'nt4', name, version, build };
  if (major === 5) return { family: 'nt5', name, version, build };
  if (major >= 6) return { family: 'nt6+', name, version, build: [build, m[4]].filter(Boolean).join('.') || undefined };
  return { family: 'unknown', name, version, build };
}
