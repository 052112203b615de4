import { dottedQuadToNumber, maskNumberToPrefix } from './ipv4-dotted';
import type { CopyRepair } from './pasted-copy';

/**
 * A `route print` whose line ends a copy lost: a web page or chat that showed the output as running
 * text (a WeChat article saved as Markdown: `IPv4 路由表=====…=====活动路由:网络目标  网络掩码 …  跃点数
 *   0.0.0.0  0.0.0.0  192.168.3.1  192.168.3.3  30  127.0.0.0 …` on one line; real:
 * test/fixtures/real/route-print/win-zh-line-breaks-lost-wechat-article.txt). The rows keep their
 * order and their blanks, so the lines come back by shape alone, never by a word:
 *
 * - a rule of `=` (the output's separators) stands on a line of its own;
 * - a heading followed by the next one (`活动路由:网络目标`, `Active Routes: Network …`, `Persistent
 *   Routes: None`) ends after its colon (a word's colon before a word; an address follows `Default
 *   Gateway:`, and an IPv6 address has digits or another colon there);
 * - a route row starts at an address followed by a netmask, once the row before holds its four
 *   columns or more (destination, mask, gateway, interface, metric; four in the persistent table);
 * - an Interface List row starts at its index and dot leader (`43...`, `10...00 09 0f …`).
 *
 * Only a line far longer than any the output prints (a route row is some 75 columns, an Interface
 * List row under 200) with two row starts or a glued rule is taken for such a copy: a plain output
 * pays a scan for line lengths and nothing per line.
 */

/** Longer than any line route print writes itself (assumed: its rows fit 80 columns, interface descriptions stay far under this). */
const LONG_LINE = 240;
const RULE_GLUED = /\S={20,}|={20,}\S/;
const RULE = /={20,}/g;
/** a heading's colon after a word and before the next heading's word (ASCII, or the fullwidth one of Chinese and Japanese Windows) */
const GLUED_COLON = /(?<=(?:^|\s)[^\s\d:：]*\p{L}[:：])(?=[ \t]*\p{L})/gu;
/** a prompt with a drive path (`C:\\Users\\x>`) after the output (the session's next command line) */
const PROMPT = /(?=(?<!\S)(?:PS )?[A-Za-z]:\\[^<>|"\r\n]{0,260}>)/g;
const TOKEN = /\S+/g;
const IFACE_START = /^(?:0x[0-9A-Fa-f]+|\d{1,10})\s?\.{3}/;
/**
 * an Interface List row at token i: its index and dot leader as one token (`10...00`), or two (XP's
 * `0x1 .....`, early Vista's `8 ...00`); a MAC's last byte before the leader (`56 ......`) is none
 */
const ifaceAt = (t: string[], i: number) => IFACE_START.test(t[i]!) || (/^0x[0-9A-Fa-f]+$/.test(t[i]!) && t[i + 1]?.startsWith('...') === true) || (/^\d{1,10}$/.test(t[i]!) && /^(?:\.{3}[0-9A-Fa-f]{2}|\.{20,})$/.test(t[i + 1] ?? ''));

/** The text with its lost line ends put back, and what was done; undefined when no line looks joined. */
export function restoreRouteLineBreaks(text: string): { text: string; repair: CopyRepair } | undefined {
  const long = longLines(text);
  if (long.length === 0) return undefined;
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const parts = text.split(/(\r\n|\n|\r)/);
  const changed: number[] = [];
  for (const i of long) {
    const line = parts[i * 2]!;
    const split = splitJoined(line);
    if (split.length < 2) continue;
    parts[i * 2] = split.join(eol);
    changed.push(i);
  }
  if (changed.length === 0) return undefined;
  return { text: parts.join(''), repair: { kind: 'lineBreaks', firstLine: changed[0]! + 1, lines: changed.length } };
}

/** Numbers (0-based) of the lines longer than LONG_LINE, found by the line ends' positions alone. */
function longLines(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let n = 0; start <= text.length; n++) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    if (end - start > LONG_LINE) out.push(n);
    if (lf < 0) break;
    start = lf + 1;
  }
  // `\r` alone ends a line too (the parsers read it so): a text of old Mac line ends is split exactly
  return out.length && text.indexOf('\r') >= 0 && text.indexOf('\n') < 0 ? [] : out;
}

/** One joined line as the lines it was; a line that does not look joined comes back alone. */
function splitJoined(line: string): string[] {
  const glued = RULE_GLUED.test(line);
  const pieces = line
    .replace(RULE, (rule) => `\n${rule}\n`)
    .replace(GLUED_COLON, '\n')
    .replace(PROMPT, '\n')
    .split('\n')
    .flatMap((piece) => splitRows(piece));
  const out = pieces.filter((p) => p.trim() !== '');
  const rows = out.filter((p) => startsRow(p.trim())).length;
  return glued || rows >= 2 ? out : [line];
}

const isQuad = (s: string | undefined) => s !== undefined && dottedQuadToNumber(s) !== null;
const isMask = (s: string | undefined) => {
  const n = s === undefined ? null : dottedQuadToNumber(s);
  return n !== null && maskNumberToPrefix(n) !== null;
};
const isNumber = (s: string | undefined) => s !== undefined && /^\d{1,10}$/.test(s);
/** an IPv6 row's destination (`::1/128`, `fe80::/64`) */
const isV6Prefix = (s: string | undefined) => s !== undefined && s.includes(':') && /\/\d{1,3}$/.test(s);
/** a route row at token i: an IPv4 address and a netmask, or IPv6's interface index, metric and prefix */
const v4RowAt = (t: string[], i: number) => isQuad(t[i]) && isMask(t[i + 1]);
const v6RowAt = (t: string[], i: number) => isNumber(t[i]) && isNumber(t[i + 1]) && isV6Prefix(t[i + 2]);
const startsRow = (t: string) => {
  const tokens = t.split(/\s+/, 3);
  return v4RowAt(tokens, 0) || v6RowAt(tokens, 0) || ifaceAt(tokens, 0);
};

/**
 * The token after the last of the IPv4 row at `i` (destination, mask, then a gateway address and
 * the interface address and metric, or the persistent table's gateway and metric, or the localised
 * on-link words and the interface address and metric), or -1 when it is cut short.
 */
function v4RowEnd(t: string[], i: number): number {
  let j = i + 2;
  if (isQuad(t[j])) {
    j++;
    if (isQuad(t[j])) return isNumber(t[j + 1]) ? j + 2 : -1;
    // XP's interface column as a bare index (`10004`, the Interface List's 0x10004), then the metric
    if (isNumber(t[j]) && isNumber(t[j + 1])) return j + 2;
    // the persistent table: its metric, a number or a word (`Default`, `Standard`)
    return t[j] !== undefined && !isQuad(t[j]) ? j + 1 : -1;
  }
  // "On-link" in the row's language, one word or more, never a digit (route-print-lines.ts isOnLinkWord)
  while (j < t.length && !isQuad(t[j]) && !/\d/.test(t[j]!)) j++;
  return j > i + 2 && isQuad(t[j]) && isNumber(t[j + 1]) ? j + 2 : -1;
}

/** A piece cut around each route row and before each Interface List row it holds (the blanks before a row stay with it: its indent). */
function splitRows(piece: string): string[] {
  const found = [...piece.matchAll(TOKEN)];
  const t = found.map((m) => m[0]);
  const at = (k: number) => (k < found.length ? blankStart(piece, found[k]!.index) : piece.length);
  const cuts: number[] = [];
  const cut = (k: number) => {
    const c = at(k);
    if (c > 0 && c < piece.length && cuts[cuts.length - 1] !== c) cuts.push(c);
  };
  for (let i = 0; i < t.length; ) {
    if (v4RowAt(t, i) || v6RowAt(t, i)) {
      // IPv6: index, metric, prefix, then its gateway (`On-link` or an address)
      const end = v6RowAt(t, i) ? (i + 3 < t.length ? i + 4 : -1) : v4RowEnd(t, i);
      cut(i);
      if (end < 0) {
        i += 2;
        continue;
      }
      cut(end);
      i = end;
      continue;
    }
    if (ifaceAt(t, i)) cut(i);
    i++;
  }
  if (cuts.length === 0) return [piece];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(piece.slice(from, c));
    from = c;
  }
  out.push(piece.slice(from));
  return out;
}

/** Where the run of blanks before `at` begins: a row keeps its own indent. */
function blankStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && (s[i - 1] === ' ' || s[i - 1] === '\t')) i--;
  return i;
}
