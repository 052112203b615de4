import { readMisread } from './code-page-misreadings';
import { hasLostLetters, lostLetterForm, lostLetterKey, LostLetterIndex } from './lost-letters';
import { HEADER_PHRASE_NAMES, HEADER_SUFFIX_NAMES, INFO_LABEL_NAMES, LABEL_NAMES, TITLE_NAMES, type LabelMeaning } from './ipconfig-vocabulary';

/**
 * Looking up ipconfig's words: a label, title or adapter header as printed — in any case and spacing,
 * its dot leader cut, shown in the wrong code page or with letters lost — found in the vocabulary of
 * ipconfig-vocabulary.ts, whose lists are made into tables on first use.
 */
export type { LabelMeaning };

/**
 * "DNS" as a word of a label, in either case and not inside a longer Latin word: translations keep the
 * token (`주 DNS 접미사`, `主要 DNS 尾碼`, `Primární přípona DNS`, `DNS-серверы`, `Serwery DNS`;
 * ipconfig-inferred.ts reads unknown labels by it, and redact-values.ts a DNS suffix behind them).
 */
export const DNS_TOKEN = /(?<![A-Za-z])DNS(?![A-Za-z])/i;

/**
 * Normalises a label, title or header phrase for lookup: lower case, accents dropped, dot leaders and
 * spacing collapsed. cp850 output read as Latin-1 turns ó í ú ñ into ¢ ¡ £ ¤ (and á into NBSP, which
 * pastes often turn into a plain space — those few forms are listed as aliases in ipconfig-vocabulary.ts).
 */
export function labelKey(text: string): string {
  // ASCII text (every English label and most lines): the replacements, NFD and mark removal below
  // change nothing in it, so it takes the short way to the same key (a scan calls this for every
  // ipconfig line and the vocabulary's ~400 entries at start-up; issue 16.2)
  if (!NON_ASCII.test(text)) return stripLeaderTail(text).toLowerCase().replace(/\s+/gu, ' ').trim();
  // one pass for the five cp850 misreadings (five chained replaces were half of the vocabulary's
  // keys at start-up, 6.7 M of 13 M instructions; the letters put in are ASCII, so the order is moot)
  const decoded = text.replace(MOJIBAKE, (c) => MOJIBAKE_LETTER[c]!);
  return stripLeaderTail(decoded)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * What follows a label up to its colon: a dot leader, possibly with other filler that pastes and
 * re-encodings leave in it (French XP prints `Adresse IP. . . . . . . . .*. . . :`, a cp1252 copy of
 * the same line `.†.`, Dutch XP `DHCP ingeschakeld:. . . :`). Anything that is neither a letter, a
 * digit nor a closing bracket at the end of a label is filler.
 */
export function stripLeaderTail(text: string): string {
  // scanned by hand: a regex anchored at the end retries from every position of a long filler run
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code < 0x80) {
      // in ASCII, \p{L} is A-Z a-z and \p{N} is 0-9: a code test answers what the regex below does
      if (isAsciiLetterDigitOrClosing(code)) break;
      end--;
      continue;
    }
    // the letters of the vocabulary's scripts, without compiling the \p{L} class (≈ 2 ms per
    // string encoding, on every start; issue 16.2)
    if (isCommonLetter(code)) break;
    // a surrogate pair (a CJK extension letter) is judged as one character
    const pair = end >= 2 && /[\udc00-\udfff]/u.test(text[end - 1]!) && /[\ud800-\udbff]/u.test(text[end - 2]!);
    const ch = pair ? text.slice(end - 2, end) : text[end - 1]!;
    if (/[\p{L}\p{N})\]]/u.test(ch)) break;
    end -= ch.length;
  }
  return text.slice(0, end);
}

const NON_ASCII = /[^\x00-\x7f]/;
/**
 * cp850's ó í ú ñ shown in Latin-1, and its á (a no-break space there) where a letter follows: inside a
 * word ("M\u00a0scara", "\u00a0rea"). A no-break space before a blank or a dot is a blank — cp850's
 * 0xFF inside a French leader ("Passerelle par défaut. . . .\u00a0. . . :", shown as "ÿ" in
 * Windows-1252 in index file id 25480054067) — and is cut with the leader. No label of the vocabulary
 * has an á before a blank or at its end. The letters are those of the Latin scripts and the
 * misread ones, not \p{L}: that class costs ≈ 2 ms to compile at start-up (issue 16.2).
 */
const MOJIBAKE = /[¢¡£¤]|\u00a0(?=[A-Za-z\u00a1-\u00a4\u00c0-\u024f])/g;
const MOJIBAKE_LETTER: Record<string, string> = { '¢': 'o', '¡': 'i', '£': 'u', '¤': 'n', '\u00a0': 'a' };
/**
 * Code units that are letters (\p{L}) in every Unicode version since 11: Latin-1 and Latin
 * Extended-A letters, Cyrillic, kana, CJK ideographs and Hangul syllables (test: every one of them
 * against the regex). Anything else is asked of the regex.
 */
export const COMMON_LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x17f], [0x400, 0x481], [0x48a, 0x52f], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x30fc, 0x30ff], [0x4e00, 0x9fef], [0xac00, 0xd7a3],
];
const COMMON_LETTER_BOUNDS = COMMON_LETTER_RANGES.flat();
function isCommonLetter(c: number): boolean {
  for (let i = 0; i < COMMON_LETTER_BOUNDS.length; i += 2) if (c >= COMMON_LETTER_BOUNDS[i]! && c <= COMMON_LETTER_BOUNDS[i + 1]!) return true;
  return false;
}
const isAsciiLetterDigitOrClosing = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x29 || c === 0x5d;

/**
 * A table built from the vocabulary the first time it is asked for, not when the module loads: the
 * keys of ~450 phrases in a dozen scripts (NFD, the mark class) and their lost-letter forms cost a
 * start of the CLI 5-15 ms under load (issue 16.2), also in commands that never read ipconfig, and
 * a scan of intact output never needs the lost-letter ones.
 */
function onFirstUse<T>(build: () => T): () => T {
  let table: T | undefined;
  return () => (table ??= build());
}

const labelIndex = onFirstUse(() => {
  const index = new Map<string, LabelMeaning>();
  for (const [meaning, names] of Object.entries(LABEL_NAMES) as [LabelMeaning, readonly string[]][]) {
    for (const n of names) index.set(labelKey(n), meaning);
  }
  for (const n of INFO_LABEL_NAMES) {
    const key = labelKey(n);
    if (!index.has(key)) index.set(key, 'info');
  }
  return index;
});

/** The labels by the shape they keep when their other letters are lost ("Direcci?n IPv4"; lost-letters.ts). */
const lostLetterLabels = onFirstUse(() => {
  const index = new LostLetterIndex<LabelMeaning>();
  for (const [meaning, names] of Object.entries(LABEL_NAMES) as [LabelMeaning, readonly string[]][]) for (const n of names) index.add(n, meaning);
  for (const n of INFO_LABEL_NAMES) index.add(n, labelIndex().get(labelKey(n))!);
  return index;
});

export function lookupLabel(rawLabel: string): LabelMeaning | undefined {
  const meaning = labelAsPrinted(rawLabel);
  return meaning !== undefined || !NON_ASCII.test(rawLabel) ? meaning : misreadLabel(rawLabel)?.value;
}

/** The text a label read before it was shown in the wrong code page, when it is known only so. */
export function rereadLabel(rawLabel: string): string | undefined {
  return labelAsPrinted(rawLabel) === undefined ? misreadLabel(rawLabel)?.reread : undefined;
}

/**
 * A label shown in the wrong code page ("Passerelle par dÃ©faut", "Prim„res DNS-Suffix"), perhaps with
 * a letter lost on the way as well, looked up re-read. A parse asks for the same label from several
 * places (the line's kind, its wrap, the next line's context): each is re-read once.
 */
function misreadLabel(rawLabel: string): { reread: string; value: LabelMeaning } | undefined {
  if (MISREAD_LABELS.has(rawLabel)) return MISREAD_LABELS.get(rawLabel);
  const hit = readMisread(rawLabel, labelAsPrinted);
  if (MISREAD_LABELS.size >= 2048) MISREAD_LABELS.clear();
  MISREAD_LABELS.set(rawLabel, hit);
  return hit;
}
const MISREAD_LABELS = new Map<string, { reread: string; value: LabelMeaning } | undefined>();

function labelAsPrinted(rawLabel: string): LabelMeaning | undefined {
  const meaning = labelIndex().get(labelKey(rawLabel));
  if (meaning !== undefined || !hasLostLetters(rawLabel)) return meaning;
  return lostLetterLabels().get(lostLetterKey(rawLabel, stripLeaderTail));
}

/** "Windows IP Configuration" in each language, as keys (the cp850 form normalises through labelKey). */
const titles = onFirstUse(() => TITLE_NAMES.map(labelKey));

export function isTitle(line: string): boolean {
  if (line.length > 120) return false;
  if (titles().includes(labelKey(line)) || TITLE_SHAPE.test(line.trim())) return true;
  // a title has no colon (TITLE_SHAPE); one shown in the wrong code page is looked up re-read
  return NON_ASCII.test(line) && !line.includes(':') && readMisread(line, (t) => (titles().includes(labelKey(t)) ? true : undefined)) !== undefined;
}

/**
 * The title in a language without a table: every translation we have keeps the words "Windows" and
 * "IP" and has no colon ("Windows IP 구성", "Windows IP 設定", "Windows IP Yapılandırması",
 * "Настройка протокола IP для Windows", "Konfiguracja IP systemu Windows"; test/fixtures/real,
 * the corpus).
 */
const TITLE_SHAPE = /^(?=[^:]{0,60}$)(?=.*(?:^|\s)Windows(?:\s|$))(?=.*(?:^|\s)IP(?:\s|$)).*$/u;

/**
 * Splits "Ethernet adapter Local Area Connection:" into phrase and connection name; undefined when the
 * line is not an adapter header. Headers sit at column 0, but the line is trimmed because pastes move them.
 */
export function parseHeader(line: string): { header: string; name: string } | undefined {
  const t = line.trim();
  if (t.length > 200) return undefined; // headers are a phrase and a connection name
  if (!t.endsWith(':') || /\.\s*\.\s*:?$/.test(t)) return undefined;
  const header = t.slice(0, -1).trimEnd();
  return parseHeaderPhrase(header) ?? nameFirstHeader(header) ?? rereadHeader(header) ?? lostLetterHeader(header);
}

/** The adapter-type phrases as keys, longest first so "Adaptador de LAN inalámbrica" wins over a shorter prefix. */
const headerPhrases = onFirstUse(() => HEADER_PHRASE_NAMES.map((p) => ({ phrase: p, key: labelKey(p) })).sort((a, b) => b.key.length - a.key.length));
const headerSuffixes = onFirstUse(() => HEADER_SUFFIX_NAMES.map(labelKey));

const lostLetterPhrases = onFirstUse(() => {
  const index = new LostLetterIndex<string>({ same: (a, b) => a.toLowerCase() === b.toLowerCase() });
  for (const { phrase } of headerPhrases()) index.add(phrase, phrase);
  return index;
});

/** A header whose phrase lost letters ("Carte r?seau sans fil Wi-Fi"): given back in the phrase's own letters, so the kind is judged as for the intact output; the name kept as printed. */
function lostLetterHeader(header: string): { header: string; name: string } | undefined {
  if (!hasLostLetters(header)) return undefined;
  const hit = lostLetterPhrases().prefixOf(lostLetterForm(header));
  if (!hit) return undefined;
  let name = header;
  for (let i = 0; i < hit.form.split(' ').length; i++) name = name.replace(/^\S+\s*/u, '');
  return { header: name ? `${hit.value} ${name}` : hit.value, name: name || header };
}

/** "<phrase> <connection name>" with a phrase of the vocabulary (HEADER_PHRASE_NAMES). */
function parseHeaderPhrase(header: string): { header: string; name: string } | undefined {
  const key = labelKey(header);
  for (const { key: pk } of headerPhrases()) {
    if (key === pk || key.startsWith(pk + ' ')) {
      // the phrase normalises word for word, so the name is what follows that many words (its own
      // spacing kept: "Conexi¢n de  rea local" lost a letter, not a space), split at ASCII blanks:
      // cp850's á shown in Latin-1 is a no-break space inside a word ("inal\u00a0mbrica")
      let name = header;
      for (let i = 0; i < pk.split(' ').length; i++) name = name.replace(/^[^ \t]+[ \t]*/u, '');
      return { header, name: name || header };
    }
  }
  return undefined;
}

/** Russian XP: "<connection name> - Ethernet адаптер". */
function nameFirstHeader(header: string): { header: string; name: string } | undefined {
  const dash = header.lastIndexOf(' - ');
  if (dash > 0 && headerSuffixes().includes(labelKey(header.slice(dash + 3)))) return { header, name: header.slice(0, dash).trim() };
  return undefined;
}

/**
 * A header shown in the wrong code page (code-page-misreadings.ts): "Ђ¤ ЇвҐа Ethernet" is cp866's
 * "Адаптер Ethernet" read as Windows-1251, "Carte rÃ©seau sans fil Wi-Fi" UTF-8's "Carte réseau sans
 * fil" read as Windows-1252. The header is looked up reread; the connection name is kept as printed
 * (it must match the other files of the same capture, misread the same way).
 */
function rereadHeader(header: string): { header: string; name: string } | undefined {
  const hit = readMisread(header, (t) => parseHeaderPhrase(t) ?? lostLetterHeader(t) ?? nameFirstHeader(t));
  if (!hit) return undefined;
  const { reread, value } = hit;
  // a single-byte misreading keeps every character in its place; a UTF-8 one is shorter by each
  // letter's extra bytes, so the name is cut from the printed header by what stays ASCII: the " - "
  // of a name-first header, or as many words as the phrase had (split at ASCII blanks: a misread
  // letter may be shown as a no-break space, "Ã\u00a0" for "à")
  const dash = header.lastIndexOf(' - ');
  if (dash > 0 && value.name !== reread && reread.startsWith(value.name)) return { header: value.header, name: header.slice(0, dash).trim() };
  if (reread.length === header.length) return { header: value.header, name: header.slice(header.length - value.name.length) };
  const phraseWords = reread.slice(0, reread.length - value.name.length).trim().split(/[ \t]+/u).length;
  const name = header.trim().split(/[ \t]+/u).slice(phraseWords).join(' ');
  return { header: value.header, name: name || header };
}
