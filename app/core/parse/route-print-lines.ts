import ipaddr from 'ipaddr.js';
import { dottedQuadToNumber, isDottedQuad, maskNumberToPrefix } from './ipv4-dotted';
import { readMisread, rereadings } from './code-page-misreadings';
import { afterPrompt, isPromptLine } from './console-prompt';
import { stripPasteMarkup } from './paste-damage';

/**
 * Line-level helpers for `route print` / `netstat -rn`: cleanup of pasted damage, the localised
 * words Windows prints, and shape tests for addresses. The parser prefers shapes (columns of
 * addresses, "N...mac......desc" interface rows) over words; the word lists only settle the few
 * places where structure is ambiguous (which label opens "active" vs "persistent").
 */

/**
 * OpenConnect-GUI (and similar tools) log every console line as "2017-12-15 21:45:14 | 1330 | ",
 * the thread id in decimal or hex. Only one space after the last bar belongs to the prefix: the
 * rest is the row's own indentation.
 */
const LOG_PREFIX = /^\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s*\|\s*[0-9A-Za-z]+\s*\| ?/;
const BARE_TIMESTAMP = /^\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?(?: \| | - | )/;

/** Remove log prefixes, forum markup, the BOM, a trailing CR and trailing blanks; keep leading indentation. */
export function cleanLine(raw: string, first: boolean): string {
  let s = first ? raw.replace(/^\uFEFF/, '') : raw;
  const m = mayStartWithTimestamp(s) ? (LOG_PREFIX.exec(s) ?? BARE_TIMESTAMP.exec(s)) : null;
  if (m) s = s.slice(m[0].length);
  return stripPasteMarkup(s).trimEnd();
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * False when neither timestamp pattern can match: after blanks, both need an optional "[" and then
 * four digits and "-". Saves two regexes on every row of a 200 000-route table; anything unusual
 * after the blanks (another kind of space, a control character) is left to the regexes.
 */
function mayStartWithTimestamp(s: string): boolean {
  // every read stays inside the string: optimised code that reads past its end (NaN) is thrown
  // away and compiled again, which a blank line did in each of a scan's first runs
  const n = s.length;
  let i = 0;
  while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (i === n) return false;
  const c = s.charCodeAt(i);
  if (isDigit(c)) return i + 4 < n && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3)) && s.charCodeAt(i + 4) === 45;
  return c === 91 || c < 32 || c > 126;
}

/** The columns of a trimmed line: `t.split(/\s+/)` (the same whitespace as \s and String#trim), without a regex. */
export function splitColumns(t: string): string[] {
  const out: string[] = [];
  const n = t.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (isJsSpace(t.charCodeAt(i))) {
      if (start >= 0) {
        out.push(t.slice(start, i));
        start = -1;
      } else if (i === 0) out.push('');
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(t.slice(start));
  else if (n === 0 || out.length === 0 || isJsSpace(t.charCodeAt(n - 1))) out.push('');
  return out;
}

/** `s.trim() === ''` without making the trimmed string. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isJsSpace(s.charCodeAt(i))) return false;
  return true;
}

/** ECMAScript WhiteSpace and LineTerminator: what \s matches and String#trim removes. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ROUTE_COMMAND = /^(?:route(?:\.exe)?\s+print|netstat(?:\.exe)?\s+-[a-z]*r)/i;

/** A prompt that runs route print / netstat -r again: a second output may follow. */
export function isRoutePrompt(t: string): boolean {
  const p = afterPrompt(t);
  return p !== null && ROUTE_COMMAND.test(p.command);
}

export const isV4 = isDottedQuad;

export function v4PrefixLength(mask: string): number | null {
  const n = dottedQuadToNumber(mask);
  return n === null ? null : maskNumberToPrefix(n);
}

export function isV6(s: string): boolean {
  return ipaddr.IPv6.isValid(s);
}

/** "fe80::/64" → ["fe80::", 64]; null when not a valid IPv6 prefix. */
export function v6Prefix(s: string): [string, number] | null {
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(s);
  if (!m || !isV6(m[1]!)) return null;
  const len = Number(m[2]);
  return len <= 128 ? [m[1]!, len] : null;
}

export function v6Netmask(prefixLength: number): string {
  return ipaddr.IPv6.subnetMaskFromPrefixLength(prefixLength).toString();
}

/** A gateway column that is not an address is Windows' localised "On-link" (no next hop). */
export function isOnLinkWord(s: string): boolean {
  return s.length > 0 && s.length <= 32 && !/[\d:./\\=|]/.test(s);
}

/**
 * Interface List row: Vista+ " 19...00 05 9a 3c 7a 00 ......Desc", XP "0x10003 ...00 50 .. ...... Desc",
 * early Vista "  8 ...00 12 ... ...... Desc", tunnels with an 8-byte EUI "00 00 00 00 00 00 00 e0 Desc"
 * and no dot leader, and adapters without a MAC ("  1...........................Loopback"). A leader
 * may come as ellipses ("19…00 05 …… ……Desc"): a blog's typography turns every three dots into one
 * (WordPress's wptexturize writes `&#8230;` for "...", seen on openssl's dot runs, index file id 23188003552).
 */
const IFACE_ROW =
  /^\s*(0x[0-9A-Fa-f]+|\d{1,10})\s?(?:\.{3,}|\u2026)[.\u2026]*\s*((?:[0-9A-Fa-f]{2}[ -]){5,7}[0-9A-Fa-f]{2})?\s*[.\u2026]*\s*(.*)$/;

export interface IfaceRow {
  index: number;
  hex: boolean;
  mac?: string;
  description: string;
}

export function matchIfaceRow(line: string): IfaceRow | null {
  const m = IFACE_ROW.exec(line);
  if (!m) return null;
  const hex = /^0x/i.test(m[1]!);
  const index = hex ? parseInt(m[1]!.slice(2), 16) : Number(m[1]);
  if (!Number.isSafeInteger(index)) return null;
  const row: IfaceRow = { index, hex, description: m[3]!.trim() };
  if (m[2]) row.mac = m[2].toLowerCase().split(/[ -]/).join('-');
  return row;
}

export const isSeparator = (t: string): boolean => /^(?:={3,}|-{8,})$/.test(t);

/** Prompts, echoed commands and cmd.exe banners that people paste along with the table. */
export function isNoiseOrPrompt(t: string): boolean {
  if (isPromptLine(t)) return true;
  return (
    /^(?:route|netstat)(?:\.exe)?(?:\s+(?:print|[-/][A-Za-z0-9]+|\*|[\d.*]+))+$/i.test(t) ||
    /^Microsoft Windows(?: [A-Z]+)? \[(?:Version|Versión|Versione|Versão|版本)/i.test(t) ||
    /^\(c\)\s*(?:Copyright\s*)?(?:\d{4}|Microsoft)/i.test(t) ||
    /^Copyright \(c\)/i.test(t)
  );
}

const IFLIST_WORDS =
  /interface list|schnittstellenliste|liste d'interfaces|lista de interfa[cz]es|elenco interfacce|interfacelijst|lijst met interfaces|список интерфейсов|接口列表|介面清單|インターフェイス一覧|lista interfejsów|seznam rozhraní/i;

const TABLE_WORDS =
  /route table|routentabelle|table de routage|tabla de (?:enrutamiento|rutas)|tabella (?:di )?(?:route|routing|instradamento)|tabela de rotas|routetabel|routeringstabel|таблица маршрут|路由表|ルート テーブル|tabela tras|směrovací tabulka/i;

const ACTIVE_WORDS =
  /active routes|aktive routen|itinéraires actifs|rutas activas|route attive|rotas ativas|actieve routes|активные маршруты|活动路由|作用中的路由|アクティブ ルート|aktywne trasy|aktivní trasy/i;

const PERSISTENT_WORDS =
  /persistent routes|ständige routen|itinéraires persistants|rutas persistentes|route persistenti|route permanenti|rotas persistentes|permanente routes|persistente routes|постоянные маршруты|永久路由|持續路由|固定ルート|永続的なルート|trwałe trasy|trasy trwałe|trvalé trasy/i;

const NONE_WORDS = /^(?:none|keine|aucun|aucune|ninguno|ninguna|nessuno|nessuna|nenhum|nenhuma|geen|нет|无|無|なし|brak|žádné)$/i;

const FOOTER_WORDS =
  /^(?:default gateway|standardgateway|passerelle par défaut|puerta de enlace predeterminada|gateway predefinito|gateway padrão|standaardgateway|основной шлюз|默认网关|預設閘道|デフォルト ゲートウェイ|brama domyślna)\s*[:：]/i;

const COLUMN_WORDS =
  /\b(?:metric|metrik|métrique|métrica|metrica|metriek|netmask|netzwerkmaske|masque|máscara|maschera|gateway|destination|passerelle|netzwerkziel|schnittstelle|destino|destinazione|bestemming|netwerkdoel|interface|interfaz)(?![\p{L}])|метрика|шлюз|跃点数|躍點數|网关|網關|メトリック|ゲートウェイ/giu;

/** Text with no address-like content: what headers, labels and localised words look like. */
export const isWordy = (t: string): boolean => !/\d{2,}|\d\.\d/.test(t.replace(/IPv[46]/gi, ''));

/** "Default Gateway:      192.168.22.1" (XP footer; a label then one IPv4 address, any language). */
export function matchFooter(t: string): { gateway?: string } | null {
  const m = /^([^\d:：]{3,48})[:：]\s*(\S*)$/.exec(t);
  if (!m) return null;
  if (m[2] && isV4(m[2])) return { gateway: m[2] };
  return !m[2] && hasWords(FOOTER_WORDS, t) ? {} : null;
}

export type HeaderKind = 'iflist' | 'table4' | 'table6' | 'active' | 'persistent' | 'label';

/** Section headers and labels, by known word first (also in a line shown in the wrong code page), then by shape. */
export function matchHeader(t: string): HeaderKind | null {
  if (!isWordy(t) || t.length > 64) return null;
  const known = knownHeader(t) ?? (NON_ASCII.test(t) ? readMisread(t, knownHeader)?.value : undefined);
  if (known) return known;
  if (/[:：]$/.test(t) && t.split(/\s+/).length <= 5) return 'label';
  return null;
}

function knownHeader(t: string): HeaderKind | undefined {
  if (IFLIST_WORDS.test(t)) return 'iflist';
  const fam = /IPv([46])/i.exec(t);
  if (fam && !/[:：]$/.test(t) && t.split(/\s+/).length <= 6) return fam[1] === '6' ? 'table6' : 'table4';
  if (TABLE_WORDS.test(t)) return 'table4';
  if (PERSISTENT_WORDS.test(t)) return 'persistent';
  if (ACTIVE_WORDS.test(t)) return 'active';
  return undefined;
}

/**
 * Whether the localised words of `re` are in `t`, as printed or — in a line outside ASCII — as it read
 * before it was shown in the wrong code page ("ÐÐµÑ‚Ñ€Ð¸ÐºÐ°" is UTF-8's "Метрика" in Windows-1252;
 * code-page-misreadings.ts).
 */
function hasWords(re: RegExp, t: string): boolean {
  return re.test(t) || (NON_ASCII.test(t) && readMisread(t, (x) => (re.test(x) ? true : undefined)) !== undefined);
}
const NON_ASCII = /[^\x00-\x7f]/u;

/** A line's length as printed: a UTF-8 misreading shows a letter as two or three characters (a Russian column header of 80 grows to 125). */
export function printedLength(t: string, limit: number): number {
  if (t.length <= limit || !NON_ASCII.test(t)) return t.length;
  return Math.min(t.length, ...rereadings(t).map((r) => r.length));
}

export const isNoneWord = (t: string): boolean => hasWords(NONE_WORDS, t);
/** How many column-header words (Metric, Gateway, Netzwerkziel…) a digit-free line holds. */
export function columnWordCount(t: string): number {
  if (!isWordy(t)) return 0;
  const count = (x: string) => x.match(COLUMN_WORDS)?.length ?? 0;
  return count(t) || (NON_ASCII.test(t) ? (readMisread(t, (x) => count(x) || undefined)?.value ?? 0) : 0);
}
