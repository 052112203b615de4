import iconv from 'iconv-lite';

/**
 * Text whose bytes were read in the wrong code page on their way to us ("mojibake"): every letter is
 * still there, only shown as other characters, so the text can be given back by writing it in the
 * code page it was shown in and reading those bytes in the one it was written in. (Letters lost for
 * good — `?`, U+FFFD — are lost-letters.ts's; this module brings back what can be brought back.)
 *
 * The confusions of ipconfig/route print/netsh output that we have seen or that follow from how
 * Windows writes it:
 * - UTF-8 shown in a single-byte page: output saved as UTF-8 (PowerShell 7's redirection, a console
 *   after `chcp 65001`) then opened as "ANSI" by an editor, a web form or a script ("Passerelle par
 *   dÃ©faut"; "EndereÃ§o IPv4" and "EndereÃ§o FÃsico" are what a Ruby importer matches in saved
 *   ipconfig files, index file id 7954909938; which tools do it: assumed). Each letter outside ASCII
 *   becomes two or three characters.
 * - The console's OEM bytes shown in an ANSI or Latin-1 page (cmd.exe redirection: the console
 *   writes its OEM code page, windows-reference.md): "Prim„res DNS-Suffix" (cp850 in Windows-1252,
 *   test/fixtures/real/ipconfig/win-de-cp850-shown-as-win1252-primaeres.txt; "Endere‡o IPv4" in a Brazilian
 *   batch file's sample of saved ipconfig lines, index file id 6422699085), "Descripci¢n" (cp850 in
 *   Latin-1, the corpus's win10-es-cp850-mojibake-protonvpn-tap.txt), "Ђ¤ ЇвҐа" (cp866 in Windows-1251).
 * - ANSI bytes shown in the OEM page: a file saved as "ANSI" by Notepad and then shown in a console
 *   (`type`) or read by our capture decoder, whose fallback is the OEM page ("dÚfaut"; assumed).
 * Which OEM page each language's console uses — cp850 Western European, cp437 US, cp866 Russian,
 * cp852 Central European, cp857 Turkish, cp737 Greek — is Windows' default per locale (assumed from
 * the code pages' own coverage: the letters of the vocabulary's languages are in them).
 */
const MISREADINGS: readonly (readonly [shownAs: string, writtenIn: string])[] = [
  ['western', 'utf8'], ['cp850', 'utf8'], ['cp437', 'utf8'], ['win1250', 'utf8'], ['win1251', 'utf8'], ['win1254', 'utf8'],
  ['win1251', 'cp866'], ['western', 'cp866'], ['western', 'cp850'], ['western', 'cp437'],
  ['win1250', 'cp852'], ['western', 'cp852'], ['win1253', 'cp737'], ['win1254', 'cp857'],
  ['cp850', 'win1252'], ['cp437', 'win1252'], ['cp866', 'win1251'], ['cp852', 'win1250'], ['cp857', 'win1254'],
];

/** A single-byte code page: the character of each byte, and the byte of each character. */
interface Page {
  chars: string;
  bytes: Map<number, number>;
}

/**
 * The pages, each built from iconv-lite's table the first time a text is reread (a scan of ASCII
 * output never builds one). 'western' is Windows-1252 and Latin-1 as one page: they agree outside
 * 0x80-0x9F, where Windows-1252 has letters and punctuation (‚ „ … Š ™) and Latin-1 the C1 controls; a
 * reader of either may have shown a byte of that row, and Windows shows the five bytes Windows-1252
 * leaves undefined (0x81 0x8D 0x8F 0x90 0x9D: cp850's ü is 0x81) as the C1 control of the same number
 * (MultiByteToWideChar's best-fit table for 1252; assumed from its round trip of every byte). The
 * other ANSI pages' undefined bytes (0x98 of Windows-1251, where UTF-8's "и" ends) are taken the same
 * way (assumed).
 */
const PAGES = new Map<string, Page>();
function page(name: string): Page {
  let p = PAGES.get(name);
  if (p) return p;
  const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
  const chars = iconv.decode(all, name === 'western' ? 'win1252' : name);
  const bytes = new Map<number, number>();
  for (let b = 0; b < 256; b++) if (chars.charCodeAt(b) !== 0xfffd) bytes.set(chars.charCodeAt(b), b);
  // Windows shows a byte its ANSI page leaves undefined as the C1 control of the same number
  if (name === 'western') for (let b = 0x80; b < 0xa0; b++) bytes.set(b, b);
  else if (name.startsWith('win')) for (let b = 0x80; b < 0xa0; b++) if (chars.charCodeAt(b) === 0xfffd) bytes.set(b, b);
  p = { chars, bytes };
  PAGES.set(name, p);
  return p;
}

/** The bytes `text` was shown from in `shownAs`, or undefined when the page has no byte for one of its characters. */
function bytesShownIn(text: string, shownAs: string): Uint8Array | undefined {
  const { bytes: byteOf } = page(shownAs);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = byteOf.get(text.charCodeAt(i));
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  return bytes;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * The bytes read in `page`. For UTF-8: valid UTF-8 only (a misreading's bytes are, by how UTF-8 is
 * built; text that was not one almost never is); `lenient` also takes UTF-8 with bytes lost on the
 * way when the rest proves the origin: more whole letters of two or more bytes read back than lost
 * ones. The bytes such copies lose: the C1 controls a reader or a web page drops ("EndereÃ§o FÃsico"
 * for "Endereço Físico", Í = C3 8D; index file id 7954909938) and the no-break space that pastes turn
 * into a plain one ("Ã " for à = C3 A0). The lost letter reads as U+FFFD, which lost-letters.ts then
 * matches by its shape.
 */
function readIn(bytes: Uint8Array, writtenIn: string, lenient: boolean): string | undefined {
  if (writtenIn !== 'utf8') {
    if (lenient) return undefined;
    const { chars } = page(writtenIn);
    let text = '';
    for (const b of bytes) text += chars[b];
    return text;
  }
  try {
    return lenient ? undefined : UTF8.decode(bytes);
  } catch {
    if (!lenient) return undefined;
    const text = UTF8_LENIENT.decode(bytes);
    const lost = text.match(/\ufffd/gu)?.length ?? 0;
    const whole = text.match(/[^\x00-\x7f\ufffd]/gu)?.length ?? 0;
    return whole > lost ? text : undefined;
  }
}

const NON_ASCII = /[^\x00-\x7f]/u;

/**
 * The texts `text` may have been before it was misread, one for each confusion that applies to it,
 * without repeats: first the whole rereadings, then those with a letter lost on the way. Only text
 * outside ASCII can have been misread: ASCII reads the same in every one of these pages.
 */
export function rereadings(text: string): readonly string[] {
  if (!NON_ASCII.test(text)) return [];
  const cached = CACHE.get(text);
  if (cached) return cached;
  const found: string[] = [];
  // each page's bytes once: a text is shown in a page or not, whatever it was written in
  const shown = new Map<string, Uint8Array | undefined>();
  const bytesIn = (shownAs: string) => (shown.has(shownAs) ? shown.get(shownAs) : shown.set(shownAs, bytesShownIn(text, shownAs)).get(shownAs));
  for (const lenient of [false, true]) {
    for (const [shownAs, writtenIn] of MISREADINGS) {
      if (lenient && writtenIn !== 'utf8') continue;
      const bytes = bytesIn(shownAs);
      if (!bytes) continue;
      const reread = readIn(bytes, writtenIn, lenient);
      if (reread !== undefined && reread !== text && !found.includes(reread)) found.push(reread);
    }
  }
  if (CACHE.size >= CACHE_SIZE) CACHE.clear();
  CACHE.set(text, found);
  return found;
}

/**
 * A parse of one of `text`'s rereadings: the first that `read` understands (the vocabulary decides
 * which confusion it was, so a text that reads validly in two pages is taken in the one that means
 * something), with the text it was read as.
 */
export function readMisread<T>(text: string, read: (reread: string) => T | undefined): { reread: string; value: T } | undefined {
  for (const reread of rereadings(text)) {
    const value = read(reread);
    if (value !== undefined) return { reread, value };
  }
  return undefined;
}

/** Labels, headers and values repeat across an output and across the files of a capture: each is reread once. */
const CACHE = new Map<string, readonly string[]>();
const CACHE_SIZE = 2048;
