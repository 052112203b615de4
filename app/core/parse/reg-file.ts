import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { trimBlanksEnd } from './linear-text';
import { problemText, type ProblemPart } from '../i18n/problem-text';
import { dropValue, emptyView, markUnreadable, putValue, ROOT_PATTERN, touchKey, type RegData, type RegistryKey, type RegistryView, type RegType } from '../model/registry-view';

/**
 * .reg exports (windows-reference.md §11): "Windows Registry Editor Version 5.00" (reg export /
 * regedit on 2000+, UTF-16LE; hex(2)/hex(7) strings are UTF-16LE bytes) and "REGEDIT4" (regedit /e
 * on Win9x/NT4, ANSI; hex(2)/hex(7) strings are single bytes). Lines ending in "\" continue on the
 * next line (regedit wraps hex data at 80 columns). `"x"=-` deletes a value and `[-KEY]` a key:
 * in a capture both say "absent".
 */

const HEADER_V5 = /^Windows Registry Editor Version 5\.00$/;
const HEADER_V4 = /^REGEDIT4$/;
const HEX_TYPES: Record<string, RegType> = {
  '0': 'REG_NONE', '1': 'REG_SZ', '2': 'REG_EXPAND_SZ', '3': 'REG_BINARY', '4': 'REG_DWORD', '5': 'REG_DWORD_BIG_ENDIAN',
  '6': 'REG_LINK', '7': 'REG_MULTI_SZ', '8': 'REG_RESOURCE_LIST', '9': 'REG_FULL_RESOURCE_DESCRIPTOR', a: 'REG_RESOURCE_REQUIREMENTS_LIST', b: 'REG_QWORD',
};

export function parseRegFile(text: string, source: string): ParseResult<RegistryView & { format: 'v5' | 'regedit4' | 'unknown' }> {
  const view = emptyView();
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let format: 'v5' | 'regedit4' | 'unknown' = 'unknown';
  let key: RegistryKey | undefined;
  let headerSeen = false;

  if (text.includes('\u0000')) {
    problems.push(problemAt(source, 1, 'regFile.nulCharacters'));
  }

  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    // blanks only: \s would also eat a U+2028 or no-break space at the end of a continued value
    let line = trimBlanksEnd(lines[i]!);
    if (line === '' || line.startsWith(';')) continue;
    if (!headerSeen) {
      headerSeen = true;
      if (HEADER_V5.test(line)) format = 'v5';
      else if (HEADER_V4.test(line)) format = 'regedit4';
      else problems.push(problemAt(source, start, 'regFile.missingHeader', { line: line.slice(0, 80) }));
      if (format !== 'unknown' || !/^[["@]/.test(line)) continue;
    }

    const section = /^\[(-?)([\s\S]*)\]$/.exec(line);
    if (section) {
      const path = section[2]!;
      if (!ROOT_PATTERN.test(path)) {
        problems.push(problemAt(source, start, 'regFile.notAKey', { path }));
        key = undefined;
        continue;
      }
      key = touchKey(view, path, { file: source, line: start });
      if (section[1]) {
        key.exists = false;
        key.values = [];
        key = undefined;
      } else {
        key.exists = true;
        key.valuesListed = true;
      }
      continue;
    }
    if (line.startsWith('[')) {
      problems.push(problemAt(source, start, 'regFile.keyNotClosed', { line: line.slice(0, 80) }));
      key = undefined;
      continue;
    }

    // hex data continues on the next line after a trailing backslash
    let cut = false;
    if (continuesOnNextLine(line)) {
      // (the pieces joined once at the end: joined line by line, a value of thousands of lines was copied again for each)
      const parts = [line];
      // the joined line's last characters, all that says whether it goes on
      let tail = line.slice(-16);
      while (continuesOnNextLine(tail)) {
        const next = lines[i + 1];
        if (next === undefined || next.trim() === '') {
          cut = true;
          break;
        }
        i++;
        const piece = next.trim();
        parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
        parts.push(piece);
        tail = (tail.slice(0, -1) + piece).slice(-16);
      }
      line = parts.join('');
    }
    if (cut) {
      problems.push(problemAt(source, start, 'regFile.endsInValue'));
      continue;
    }

    // [\s\S], not ".": a name or string may hold U+2028/U+2029, which "." does not match
    const named = /^(@|"((?:[^"\\]|\\[\s\S])*)")=([\s\S]*)$/.exec(line);
    if (!named) {
      // inside a key this line may have been one of its values: unlisted values are now unknown
      if (key) key.listingIncomplete = true;
      problems.push(problemAt(source, start, 'regFile.notAValueLine', { line: line.slice(0, 80) }));
      continue;
    }
    if (!key) {
      problems.push(problemAt(source, start, 'regFile.valueBeforeKey'));
      continue;
    }
    const name = named[1] === '@' ? '' : unescapeRegString(named[2]!);
    const rhs = named[3]!;
    if (rhs === '-') {
      dropValue(key, name.toLowerCase());
      if (!key.absentValues.includes(name.toLowerCase())) key.absentValues.push(name.toLowerCase());
      continue;
    }
    const parsed = parseRhs(rhs, format === 'regedit4');
    if ('error' in parsed) {
      // unparsable is not absent: the value's state becomes unknown, so no fix changes (or deletes) it
      markUnreadable(key, name, `value "${name}": ${problemText(parsed.error.code, parsed.error.params)}`, { file: source, line: start });
      problems.push(problemAt(source, start, 'regValue.unreadable', { name, reason: parsed.error }));
      continue;
    }
    putValue(key, { name, type: parsed.type, data: parsed.data, source: { file: source, line: start } });
  }
  return { value: { ...view, format }, problems };
}

/** `/[:,]\\$/.test(line)` without the regex: tried from every position, it read a long continued value again for each of its lines. */
const continuesOnNextLine = (line: string): boolean => line.endsWith('\\') && (line.charCodeAt(line.length - 2) === 0x3a || line.charCodeAt(line.length - 2) === 0x2c);

export function unescapeRegString(s: string): string {
  return s.replace(/\\([\s\S])/g, (_, c: string) => c);
}

function parseRhs(rhs: string, ansi: boolean): { type: RegType; data: RegData } | { error: ProblemPart } {
  const str = /^"((?:[^"\\]|\\[\s\S])*)"$/.exec(rhs);
  if (str) return { type: 'REG_SZ', data: unescapeRegString(str[1]!) };
  if (rhs.startsWith('"')) return { error: { code: 'regValue.stringNotClosed' } };
  const dword = /^dword:([0-9a-f]{8})$/i.exec(rhs);
  if (dword) return { type: 'REG_DWORD', data: parseInt(dword[1]!, 16) };
  if (/^dword:/i.test(rhs)) return { error: { code: 'regValue.dwordDigits', params: { value: rhs } } };
  const hex = /^hex(?:\(([0-9a-f]{1,8})\))?:(.*)$/i.exec(rhs);
  if (!hex) return { error: { code: 'regValue.unknownFormat', params: { value: rhs.slice(0, 60) } } };
  const code = (hex[1] ?? '3').toLowerCase().replace(/^0+(?=.)/, '');
  const type = HEX_TYPES[code];
  if (!type) return { error: { code: 'regValue.notAType', params: { type: hex[1]! } } };
  const body = hex[2]!.replace(/\s+/g, '');
  if (body !== '' && !/^[0-9a-f]{2}(,[0-9a-f]{2})*$/i.test(body)) return { error: { code: 'regValue.badHex', params: { bytes: body.slice(0, 60) } } };
  const bytes = body === '' ? [] : body.split(',').map((b) => parseInt(b, 16));
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_LINK':
      return { type, data: decodeStrings(bytes, ansi).join('') };
    case 'REG_MULTI_SZ':
      // empty items inside the list are kept: dropping them would change the value a rollback restores
      return { type, data: decodeStrings(bytes, ansi) };
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN': {
      if (bytes.length !== 4) return { error: { code: 'regValue.byteCount', params: { type, needs: 4, got: bytes.length } } };
      const ordered = type === 'REG_DWORD' ? [...bytes].reverse() : bytes;
      return { type, data: ordered.reduce((acc, b) => acc * 256 + b, 0) };
    }
    case 'REG_QWORD': {
      if (bytes.length !== 8) return { error: { code: 'regValue.byteCount', params: { type: 'REG_QWORD', needs: 8, got: bytes.length } } };
      const hexText = [...bytes].reverse().map((b) => b.toString(16).padStart(2, '0')).join('');
      return { type, data: `0x${hexText.replace(/^0+(?=.)/, '')}` };
    }
    default:
      return { type, data: bytes.map((b) => b.toString(16).padStart(2, '0')).join('') };
  }
}

/** NUL-separated strings: UTF-16LE in 5.00 files, one byte per character in REGEDIT4 files. */
function decodeStrings(bytes: number[], ansi: boolean): string[] {
  let text = '';
  if (ansi) for (const b of bytes) text += String.fromCharCode(b);
  else for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  const parts = text.split('\u0000');
  // the terminating NUL(s) leave empty strings at the end
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
