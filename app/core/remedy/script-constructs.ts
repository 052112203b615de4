import type { ScriptDialect } from './script-dialect';

/**
 * What each old Windows generation's shell lacks (issue 11.6), as patterns over a generated script,
 * each with where the fact comes from. The renderers check their own output with these (a script
 * that would not run where it is meant to is never returned), and test/script-dialects.test.ts checks
 * every script of every fix of every NT 4.0 and 9x capture, plus a fixture that must be rejected.
 *
 * Sources (public; found with the search tool):
 * - [NT4-CALL] NT 4.0's `call /?` (pic.hallikainen.org/techref/os/win/winnt/slide7.htm): with
 *   extensions CALL :label, GOTO :EOF, %*, and the %~f1 %~d1 %~p1 %~n1 %~x1 %~s1 %~$PATH:1 / %~dp1
 *   modifiers — no %~1, %~a1, %~t1, %~z1, which Windows 2000+'s `call /?` adds
 *   (empyreal96.github.io build-env-info WIN2K3 buildwin.txt).
 * - [EXIT] Rick Lively's command reference, EXIT: the /B switch and exitcode are "(NT2000)".
 * - [SETLOCAL] setlocal /? (Windows 2000+): the ENABLEEXTENSIONS/DISABLEEXTENSIONS/…DELAYEDEXPANSION
 *   arguments, "on older versions of CMD.EXE, SETLOCAL does not set ERRORLEVEL" (VERIFY OTHER trick).
 * - [FOR] robvanderwoude.com/ntfor.php "FOR — Windows NT 4/2000/XP syntax": FOR /F exists in NT 4.0
 *   (also differentchairs.com/ntscript.html: FOR /F and SET /A came with NT 4.0); the usebackq
 *   option is among the parts marked "Windows 2000 and XP only".
 * - [SET] "Windows NT 4..Windows 7 Syntax" (SET): "The /A switch was introduced in Windows NT 4".
 *   The dynamic variables (%RANDOM%, %CD%, %DATE%, %TIME%, %ERRORLEVEL%, %CMDEXTVERSION%,
 *   %CMDCMDLINE%) are described only from Windows 2000's set /? on — assumed absent in NT 4.0.
 * - [REDIR] robvanderwoude.com/redirection.php: `2>`, `2>&1`, `1>&2` are "OS/2 and NT" only;
 *   jpsdomain.org/windows/redirection: "Under DOS & Win9x/ME … none of the advanced STDERR … methods".
 * - [EXT] Command extensions (cmd /?, NT 3.51+): FOR /D /R /L /F, SET /A /P, IF /I, IF DEFINED,
 *   IF CMDEXTVERSION, compare-ops EQU…GEQ, CALL :label, GOTO :EOF, %*, PUSHD/POPD, SETLOCAL — all
 *   cmd.exe; COMMAND.COM's internal commands are those of MS-DOS (shouce.ren "MS DOS内部命令": BREAK
 *   CALL CHCP CD CLS COPY CTTY DATE DIR ECHO EXIT FOR GOTO IF LH MD PATH PAUSE PROMPT REM REN RD SET
 *   SHIFT TIME TYPE VER VERIFY VOL): no SETLOCAL, PUSHD, and FOR/IF/SET without switches.
 * - [LINE] COMMAND.COM reads at most 127 characters per command line (MS-DOS limit, assumed for
 *   Windows 95/98/ME's COMMAND.COM without /U); GOTO uses only the first eight characters of a
 *   label (Learn, Windows XP `goto`: "uses only the first eight characters of a label" — inherited
 *   from MS-DOS; cmd.exe itself reads whole labels, so this is checked for COMMAND.COM only).
 */
export interface ForbiddenConstruct {
  pattern: RegExp;
  what: string;
  source: string;
}

export const NT4_LACKS: readonly ForbiddenConstruct[] = [
  { pattern: /\bexit\s+\/b\b/i, what: 'exit /b', source: 'EXIT' },
  { pattern: /%~[0-9*]/, what: '%~1 (quote stripping)', source: 'NT4-CALL' },
  { pattern: /%~[a-z$]*[atz][a-z$]*[0-9a-z]/i, what: '%~a / %~t / %~z modifiers', source: 'NT4-CALL' },
  { pattern: /\busebackq\b/i, what: 'for /f usebackq', source: 'FOR' },
  { pattern: /%(random|cd|date|time|errorlevel|cmdextversion|cmdcmdline)%/i, what: 'a dynamic variable (Windows 2000+)', source: 'SET' },
  { pattern: /^\s*setlocal\s+\S/im, what: 'setlocal with arguments', source: 'SETLOCAL' },
  { pattern: /\bif\s+(not\s+)?cmdextversion\b/i, what: 'if cmdextversion', source: 'SET' },
];

export const COMMAND_COM_LACKS: readonly ForbiddenConstruct[] = [
  ...NT4_LACKS,
  { pattern: /\bfor\s+\/[a-z]/i, what: 'for /f, /l, /d, /r', source: 'EXT' },
  { pattern: /^\s*@?(setlocal|endlocal|pushd|popd)\b/im, what: 'setlocal / endlocal / pushd / popd', source: 'EXT' },
  { pattern: /\bcall\s+:/i, what: 'call :label', source: 'EXT' },
  { pattern: /\bgoto\s+:eof\b/i, what: 'goto :eof', source: 'EXT' },
  { pattern: /\bset\s+\/[ap]\b/i, what: 'set /a, set /p', source: 'EXT' },
  { pattern: /\bif\s+(not\s+)?(defined|\/i)\b/i, what: 'if defined, if /i', source: 'EXT' },
  { pattern: /\s(equ|neq|lss|leq|gtr|geq)\s/i, what: 'if comparison operators', source: 'EXT' },
  { pattern: /\bif\b[^\r\n]*\)\s*else\b|\belse\s*\(/i, what: 'if … else', source: 'EXT' },
  { pattern: /[0-9]>&[0-9]|[0-9]>>?\s*\S|>&/, what: 'handle redirection (2>, 2>&1, >&2)', source: 'REDIR' },
  { pattern: /%\*/, what: '%*', source: 'EXT' },
  { pattern: /%~/, what: '%~ modifiers', source: 'NT4-CALL' },
  { pattern: /&&|\|\||[^"]&[^"]/, what: '& / && / || command chaining', source: 'EXT' },
  { pattern: /\^/, what: 'the ^ escape', source: 'EXT' },
  { pattern: /^\s*set\s+"/im, what: 'set "name=value"', source: 'EXT' },
];

export interface ConstructViolation {
  line: number;
  text: string;
  what: string;
  source: string;
}

const LISTS: Record<ScriptDialect, readonly ForbiddenConstruct[]> = { cmd: [], 'cmd-nt4': NT4_LACKS, 'command-com': COMMAND_COM_LACKS };

/** Every construct in `script` that its dialect's shell lacks, plus the structural rules (labels, line length). */
export function scriptConstructViolations(script: string, dialect: ScriptDialect): ConstructViolation[] {
  const out: ConstructViolation[] = [];
  const lines = script.split(/\r?\n/);
  lines.forEach((text, i) => {
    // rem lines too: cmd.exe expands %-references in them before it sees the rem
    for (const c of LISTS[dialect]) if (c.pattern.test(text)) out.push({ line: i + 1, text, what: c.what, source: c.source });
  });
  if (dialect !== 'cmd') out.push(...labelViolations(lines, dialect));
  if (dialect === 'command-com') {
    lines.forEach((text, i) => {
      // expanded with the usual values of Windows 9x: C:\WINDOWS and C:\WINDOWS\TEMP
      const expanded = text.replace(/%windir%/gi, 'C:\\WINDOWS').replace(/%temp%/gi, 'C:\\WINDOWS\\TEMP');
      if (expanded.length > 127) out.push({ line: i + 1, text, what: 'a command line longer than 127 characters', source: 'LINE' });
      if (!/^[\x20-\x7e]*$/.test(text)) out.push({ line: i + 1, text, what: 'a character outside printable ASCII', source: 'LINE' });
    });
  }
  return out;
}

/** Every goto/call target exists; for COMMAND.COM labels also differ in their first eight characters. */
function labelViolations(lines: string[], dialect: ScriptDialect): ConstructViolation[] {
  const out: ConstructViolation[] = [];
  const norm = (l: string) => (dialect === 'command-com' ? l.toLowerCase().slice(0, 8) : l.toLowerCase());
  const labels = new Map<string, number>();
  lines.forEach((text, i) => {
    const m = /^:([A-Za-z0-9_]+)\s*$/.exec(text);
    if (!m) return;
    const key = norm(m[1]!);
    if (labels.has(key)) out.push({ line: i + 1, text, what: `label ${m[1]} is the same as line ${labels.get(key)} to this shell`, source: 'LINE' });
    else labels.set(key, i + 1);
  });
  lines.forEach((text, i) => {
    for (const m of text.matchAll(/\b(?:goto|call)\s+:?([A-Za-z0-9_]+)/gi)) {
      const target = m[1]!.toLowerCase();
      if (target === 'eof' && /goto\s+:eof/i.test(m[0])) continue;
      if (/^call\s+[^:]/i.test(m[0])) continue;
      if (!labels.has(norm(target))) out.push({ line: i + 1, text, what: `a jump to the missing label ${m[1]}`, source: 'LINE' });
    }
  });
  return out;
}

/** Throws when a renderer produced something its shell cannot run (a programming error). */
export function checkScriptConstructs(script: string, dialect: ScriptDialect): void {
  const bad = scriptConstructViolations(script, dialect);
  if (bad.length) throw new Error(`a generated ${dialect} script uses what its shell lacks: ${bad.map((b) => `line ${b.line} ${b.what} [${b.source}]`).join('; ')}`);
}
