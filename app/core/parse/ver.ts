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
  // Windows 95 prints "Windows 95. [Version 4.00.950]": the dot ends its sentence, it is no part of the name
  // (samples/win95-osr2/ver.txt). indexOf and an anchored tail, not /\s*\[.*$/: a damaged line of 80 000 blanks made that scan quadratic
  const bracket = line.indexOf('[');
  const named = (bracket >= 0 ? line.slice(0, bracket) : line).trim().replace(/(?:^|\s)version\s+[\d.]+$/i, '').trim();
  const name = withoutTrailingDots(named) || 'Windows';
  const version = `${major}.${minor}`;
  if (major === 4 && /windows (9[58]|me)/i.test(text)) return { family: 'win9x', name, version, build };
  if (major === 4 && minor >= 10) return { family: 'win9x', name, version, build };
  if (major === 4) return { family: 'nt4', name, version, build };
  if (major === 5) return { family: 'nt5', name, version, build };
  if (major >= 6) return { family: 'nt6+', name, version, build: [build, m[4]].filter(Boolean).join('.') || undefined };
  return { family: 'unknown', name, version, build };
}

/** `name` without the dots at its end (a loop, not /\.+$/: that regex is quadratic on a long run of dots followed by other text). */
function withoutTrailingDots(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 46) end--;
  return name.slice(0, end);
}
