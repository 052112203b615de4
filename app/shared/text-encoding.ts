/**
 * Which text encoding a file's first bytes say, without decoding it (used by the capture reader, the server-log file reader and
 * the app's dropped log, so the three agree): a BOM, else UTF-16LE whose every odd byte is 0 (ASCII text as PowerShell 5's
 * `Out-File` / `>` writes it, in a copy that lost its BOM), else UTF-8 — the caller decides what a UTF-8 reading that fails means.
 */
export type SniffedEncoding = { encoding: 'utf-16le' | 'utf-16be' | 'utf-8'; bom: number };

export function sniffTextEncoding(bytes: Uint8Array): SniffedEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (looksLikeBomlessUtf16le(bytes)) return { encoding: 'utf-16le', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * PowerShell 5 `Out-File` without BOM is rare, but ASCII text in UTF-16LE is easy to spot: every odd byte is 0 and the even ones
 * (the characters) mostly are not — a run of NUL bytes (a log's copytruncate hole, see chunk-lines.ts withoutNuls) has both 0 and is no
 * UTF-16.
 */
export function looksLikeBomlessUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return false;
  const sample = Math.min(bytes.length, 512);
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i + 1 < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample >> 1;
  return oddZeros / pairs > 0.9 && evenZeros / pairs < 0.5;
}

/**
 * A dropped file's text as the server-log reader would read it (the renderer's File gives bytes; `File.text()` is UTF-8 only). A
 * binary file's first 8 KiB as Latin-1, as the CLI hands them to the parser (server-log-file.ts): each byte one character, so its
 * verdict names what the first bytes say (a Windows event log file, a pcap capture: inspect.ts), as explain-log's does.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const { encoding, bom } = sniffTextEncoding(bytes);
  const head = bytes.subarray(0, 8192);
  if (encoding === 'utf-8' && looksBinaryBytes(head)) return new TextDecoder('latin1').decode(head);
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

/**
 * A gzip file's first bytes: its magic and its one compression method, deflate (RFC 1952 section 2.3.1: ID1 = 31, ID2 = 139,
 * CM = 8) — a rotated log (`syslog.2.gz`) the CLI and the paste box unpack before reading.
 */
export const isGzipStart = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;

/**
 * More than 10 % control bytes among a file's first block's others: not a text log (the CLI's file reader and the paste box's
 * archive reader ask the same). NUL bytes are not counted either way: a text log's NULs are damage the line reader takes out
 * (chunk-lines.ts withoutNuls), and a block of nothing but NULs (a copytruncate hole) says nothing — the lines after it decide
 * (InputSniffer). A binary file has other control bytes among its NULs.
 */
export function looksBinaryBytes(b: Uint8Array): boolean {
  let control = 0;
  let nuls = 0;
  for (const byte of b) {
    if (byte === 0) nuls++;
    else if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control++;
  }
  const others = b.length - nuls;
  return others > 0 && control > others * 0.1;
}
