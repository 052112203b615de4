import { problemAt, type ParseResult, type Problem } from '../model/problems';
import type { ProblemCode, ProblemParams } from '../i18n/problem-text';
import { isPromptLine } from './console-prompt';
import { isElisionLine, stripPasteMarkup } from './paste-damage';
import type { NetshInterface, NetshInterfacesResult } from './types';

/**
 * `netsh interface ipv4 show interfaces` (also `netsh interface ip show interfaces`, same table):
 *
 *   Idx     Met         MTU          State                Name
 *   ---  ----------  ----------  ------------  ---------------------------
 *    16          25        1500  disconnected  Local Area Connection
 *
 * The header words are localised, so the table is found by its underline of five dash groups and
 * columns are taken from the dash positions; names run to the end of the line (they are often wider
 * than their underline and may contain spaces). Look-alike outputs — `netsh interface show interface`
 * (no index, so useless for metrics) and logs of netsh commands — are named in a single problem
 * instead of being half-parsed.
 */

const UNDERLINE = /^\s*(-+)\s+(-+)\s+(-+)\s+(-+)\s+(-+)\s*$/u;
const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S.*?)\s*$/u;
/**
 * a shell's prompt (`C:\\Users\\x>`, `PS C:\\>`) or netsh's own interactive one, which names its context:
 * `netsh>`, `netsh interface ipv4>` (Microsoft's netsh page, "String values for netsh commands", shows
 * `netsh interface ipv4>show interfaces`; the context words are commands, never translated)
 */
const NETSH_PROMPT = /^\s*(?:(?:PS\s+)?[A-Za-z]:\\[^<>|"\r\n]*|netsh(?: [A-Za-z0-9]+){0,4})>/u;
/**
 * any prompt line: netsh's, or a shell's as route print knows them (console-prompt.ts), so that a bare
 * `> netsh int ipv4 show interfaces`, `PS> …` or a word prompt, and another command run after the table
 * (`> route add … if 25`), are the session's, not lines of the table (real: nicocha30/ligolo-ng README)
 */
const isPrompt = (line: string): boolean => NETSH_PROMPT.test(line) || isPromptLine(line.trim());

/**
 * The command's own echo, after a prompt, alone, or in a person's markup (`*netsh int ipv6 sh int*`,
 * real: test/fixtures/real/netsh), in netsh's short forms too (`int`, `i`, `sh`, `inter`): command words are
 * never translated. Its context names the table's family: `netsh interface ipv6 show interfaces` prints
 * the same columns, but each interface's IPv6 metric, which is set apart from its IPv4 one
 * (Get-NetIPInterface lists one row per address family, each with its own InterfaceMetric: Microsoft
 * Learn, "Get-NetIPInterface"), so it says nothing of the IPv4 routes' metrics.
 */
/** a word or any prefix of it netsh takes for it (`int`, `inter`, `sh`; assumed: netsh takes an unambiguous prefix) */
const PREFIX_OF_INTERFACE = 'i(?:n(?:t(?:e(?:r(?:f(?:a(?:c(?:es?)?)?)?)?)?)?)?)?';
const NETSH_SHOW = new RegExp(`(?:^|[^\\w.-])netsh(?:\\.exe)?\\s+${PREFIX_OF_INTERFACE}\\s+(ipv4|ipv6|ip|i)\\s+sh(?:ow?)?\\s+${PREFIX_OF_INTERFACE}(?![\\w-])`, 'i');
/** netsh's interactive prompt in a family's context (`netsh interface ipv6>show interfaces`) */
const NETSH_CONTEXT_PROMPT = /^\s*netsh (?:interface|int|i) (ipv4|ipv6|ip)>/i;
type Family = 'ipv4' | 'ipv6';
function commandFamily(line: string): Family | undefined {
  const m = NETSH_SHOW.exec(line) ?? NETSH_CONTEXT_PROMPT.exec(line);
  if (!m) return undefined;
  return m[1]!.toLowerCase() === 'ipv6' ? 'ipv6' : 'ipv4';
}

/** `netsh interface show interface`: its header, or a row of its Admin State/State/Type columns. */
const SHOW_INTERFACE_HEADER =
  /^\s*(Admin State|Administratorstatus|Stan administracyjny|Estado de admin|État admin|Состояние адм|管理员状态)\b/iu;
const SHOW_INTERFACE_ROW = /^\s*(Enabled|Disabled)\s+(Connected|Disconnected)\s+(Dedicated|Loopback|Internal)\s+\S/u;
/**
 * Where `netsh interface show interface` starts: its header (words localised) over an underline of one
 * unbroken dash run (the ipv4 table's has five groups), e.g. Russian `Состояние адм.  Состояние  Тип  Имя
 * интерфейса` over 69 dashes (test/fixtures/real/netsh/win10-ru-show-interface-then-ipv4-table.txt).
 */
const ONE_DASH_RUN = /^\s*-{20,}\s*$/u;
function showInterfaceFrom(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (line.length > 300 || rowMatch(line)) return false;
  if (SHOW_INTERFACE_HEADER.test(line) || SHOW_INTERFACE_ROW.test(line)) return true;
  // a header of any language: a dash run under it, and a line that is no ipv4 row under that
  const [under, first] = nextLines(lines, i + 1, 2);
  return under !== undefined && under.length <= 300 && ONE_DASH_RUN.test(under) && first !== undefined && !rowMatch(first) && !isUnderline(first) && !isPrompt(first);
}
/** the next `count` non-blank lines from `from`, looking at most 8 lines ahead (a double-spaced paste) */
function nextLines(lines: readonly string[], from: number, count: number): string[] {
  const found: string[] = [];
  for (let k = from; k < lines.length && k < from + 8 && found.length < count; k++) if ((lines[k] ?? '').trim() !== '') found.push(lines[k]!);
  return found;
}
const endsShowInterface = (l: string) => isPrompt(l) || isUnderline(l) || !!rowMatch(l) || !!commandFamily(l) || (l.length <= 300 && ONE_DASH_RUN.test(l));
/** its last line: the rows under the underline run to a blank line, a prompt, or an ipv4 table's header or row */
function showInterfaceEnd(lines: readonly string[], i: number): number {
  let end = i;
  let seenUnderline = false;
  for (let k = i + 1; k < lines.length; k++) {
    const l = lines[k] ?? '';
    if (l.trim() === '') {
      // a blank line ends its rows, unless every line is followed by one (line ends converted twice)
      // and the next is another of its rows, not the ipv4 table's header
      const [n1, n2] = nextLines(lines, k, 2);
      if (!seenUnderline || (n1 !== undefined && !endsShowInterface(n1) && !(n2 !== undefined && isUnderline(n2)))) continue;
      break;
    }
    if (isPrompt(l) || isUnderline(l) || rowMatch(l) || commandFamily(l)) break;
    if (!seenUnderline) {
      if (l.length <= 300 && ONE_DASH_RUN.test(l)) seenUnderline = true;
      else if (!SHOW_INTERFACE_HEADER.test(l)) break;
    } else if (ONE_DASH_RUN.test(l)) break;
    end = k;
  }
  return end;
}

/** A script's echo of the commands it ran, and netsh's one-line replies to them. */
const COMMAND_LOG = /^\s*(executing:|Element not found\.|The object is already in the list\.|OK!)/u;

/** The table's lines are short; a huge pasted line is tested no further (the patterns backtrack on it). */
const isUnderline = (line: string) => line.length <= 300 && UNDERLINE.test(line);
const rowMatch = (line: string) => (line.length <= 1000 ? ROW.exec(line) : null);

function columnStarts(underline: string): number[] {
  const starts: number[] = [];
  const re = /-+/gu;
  for (let m = re.exec(underline); m; m = re.exec(underline)) starts.push(m.index);
  return starts;
}

function quote(s: string): string {
  const t = s.trim();
  return `«${t.length > 80 ? t.slice(0, 77) + '…' : t}»`;
}

function splitRow(line: string, starts: number[]): NetshInterface | undefined {
  const m = rowMatch(line);
  if (!m) return undefined;
  const [, idx, met, mtu, rest = ''] = m;
  const nameAt = starts[4];
  let state: string;
  let name: string;
  // column positions when the row is aligned with the underline, else the first word is the state
  if (nameAt !== undefined && line.length > nameAt && /\s/u.test(line[nameAt - 1] ?? '') && /\S/u.test(line[nameAt] ?? '')) {
    state = line.slice(starts[3] ?? 0, nameAt).trim();
    name = line.slice(nameAt).trim();
  } else {
    const sp = /^(\S+)\s+(\S.*)$/u.exec(rest);
    if (!sp) return undefined;
    state = sp[1] ?? '';
    name = sp[2] ?? '';
  }
  if (state === '' || name === '' || /\s/u.test(state)) return undefined;
  return { index: Number(idx), metric: Number(met), mtu: Number(mtu), state, name };
}

export function parseNetshInterfaces(text: string, source = 'netsh-interfaces.txt'): ParseResult<NetshInterfacesResult> {
  const lines = text.split(/\r\n|\r|\n/u);
  const problems: Problem[] = [];
  const interfaces: NetshInterface[] = [];
  const single = (line: number, code: ProblemCode, params?: ProblemParams): ParseResult<NetshInterfacesResult> => ({
    value: { interfaces: [] },
    problems: [problemAt(source, line, code, params)],
  });

  const underlineAt = lines.findIndex(isUnderline);
  if (underlineAt < 0) {
    const showIf = lines.findIndex((l) => SHOW_INTERFACE_HEADER.test(l) || SHOW_INTERFACE_ROW.test(l));
    if (showIf >= 0) {
      return single(showIf + 1, 'netsh.showInterface');
    }
    const log = lines.findIndex((l) => COMMAND_LOG.test(l));
    if (log >= 0) return single(log + 1, 'netsh.commandLog');
    const first = lines.findIndex((l) => l.trim() !== '' && !isPrompt(l));
    if (first < 0) return single(1, 'netsh.empty');
    return single(first + 1, 'netsh.noTable', { first: quote(lines[first] ?? '') });
  }

  // each line as the table is read: without a person's markup, a quoted blank line (`>>`) blank
  const cleaned = lines.map((l) => stripPasteMarkup(l).trimEnd());
  // for each line, whether the next non-blank line is an underline (i.e. this line is a header)
  const headerAbove: boolean[] = new Array<boolean>(lines.length).fill(false);
  for (let i = lines.length - 1, nextIsUnderline = false; i >= 0; i--) {
    headerAbove[i] = nextIsUnderline;
    const l = cleaned[i] ?? '';
    if (l.trim() !== '') nextIsUnderline = isUnderline(l);
  }

  let starts: number[] = [];
  let inTable = false;
  /** the table of an earlier run of the command in the same file, and the prompt that ran it again */
  let earlier: NetshInterface[] | undefined;
  let promptLine: number | undefined;
  /** the family the last echoed command named (for the next table), and the current table's */
  let named: { family: Family; line: number } | undefined;
  let family: Family = 'ipv4';
  for (let i = 0; i < lines.length; i++) {
    const line = cleaned[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    const echoed = commandFamily(line);
    if (echoed) named = { family: echoed, line: lineNo };
    if (isPrompt(line)) {
      promptLine = lineNo;
      continue;
    }
    // the command's echo without a prompt (or inside a person's markup) is the session's line too
    if (echoed) continue;
    if (isUnderline(line)) {
      family = named?.family ?? 'ipv4';
      if (family === 'ipv6') {
        // IPv6's table: its rows are read past, none of them taken for an IPv4 metric
        problems.push(problemAt(source, named!.line, 'netsh.ipv6Table'));
        named = undefined;
        promptLine = undefined;
        starts = columnStarts(line);
        inTable = true;
        continue;
      }
      named = undefined;
      if (interfaces.length > 0) {
        // a second run of the command: one table is kept, the fuller (on a tie the later)
        const header = headerAbove.lastIndexOf(true, i - 1);
        problems.push(problemAt(source, promptLine ?? (header >= 0 ? header + 1 : lineNo), 'netsh.anotherOutput'));
        earlier = interfaces.splice(0);
      }
      promptLine = undefined;
      starts = columnStarts(line);
      inTable = true;
      continue;
    }
    if (showInterfaceFrom(cleaned, i)) {
      // `netsh interface show interface` pasted beside the table: its block is one problem, not a line each
      const end = showInterfaceEnd(cleaned, i);
      problems.push(problemAt(source, lineNo, 'netsh.showInterfaceBeside', { lines: cleaned.slice(i, end + 1).filter((l) => l.trim() !== '').length }));
      i = end;
      continue;
    }
    if (isElisionLine(line.trim())) {
      problems.push(problemAt(source, lineNo, 'netsh.elision', { line: quote(line) }));
      continue;
    }
    // the header sits right above an underline; its words are localised, so only its position is checked
    if (headerAbove[i] && !rowMatch(line)) continue;
    if (!inTable) {
      problems.push(problemAt(source, lineNo, 'netsh.beforeTable', { line: quote(line) }));
      continue;
    }
    const row = splitRow(line, starts);
    if (!row) problems.push(problemAt(source, lineNo, 'netsh.notARow', { line: quote(line) }));
    else if (family === 'ipv4') interfaces.push(row);
  }
  const kept = earlier && earlier.length > interfaces.length ? earlier : interfaces;
  return { value: { interfaces: kept }, problems };
}
