import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'utf-8-bom' | `cp${number}`;

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

/**
 * Console output and files from Windows arrive as UTF-16 (reg export, PowerShell `>`), UTF-8, or
 * the OEM code page of the console (cmd.exe redirection: 437/850/866/936…). Order: BOM, then
 * "is it valid UTF-8", then the code page recorded in capture.json (default 850, which agrees
 * with 437 on letters and covers the Western European accents).
 */
export function decodeCaptureBytes(bytes: Uint8Array, codepage = 850): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (looksLikeBomlessUtf16le(bytes)) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const cp = iconv.encodingExists(`cp${codepage}`) ? codepage : 850;
    return { text: iconv.decode(Buffer.from(bytes), `cp${cp}`), encoding: `cp${cp}` };
  }
}

/** PowerShell 5 `Out-File` without BOM is rare, but ASCII text in UTF-16LE is easy to spot: every odd byte is 0. */
function looksLikeBomlessUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return false;
  const sample = Math.min(bytes.length, 512);
  let zeros = 0;
  for (let i = 1; i < sample; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (sample / 2) > 0.9;
}

/** A file of text is accepted as text only when control characters are rare (binary garbage is not). */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  const sample = text.slice(0, 4096);
  let control = 0;
  // by code unit, not `for…of` by code point: the count is the same (a surrogate is never a control
  // character nor U+FFFD) without a one-character string per step, for every capture file a scan reads
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.05;
}
