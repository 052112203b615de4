import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { problemText, type ProblemPart } from '../i18n/problem-text';
import { trimBlanksEnd } from './linear-text';
import { emptyView, keyId, markUnreadable, putValue, REG_TYPES, ROOT_PATTERN, touchKey, type RegData, type RegistryKey, type RegistryView, type RegType } from '../model/registry-view';

/**
 * `reg query` console output (windows-reference.md §11), any Windows since XP, any language:
 *
 *     (blank)
 *     HKEY_LOCAL_MACHINE\…\Winlogon            key path at column 0
 *         Name    REG_SZ    data              4-space indent and separators (XP: tabs)
 *     (blank)
 *     HKEY_LOCAL_MACHINE\…\Winlogon\Sub        subkeys: bare key paths, no values
 *
 * A missing key or value prints only a localised "ERROR: …" line (Wine: "reg: …") and exits 1, so
 * the output alone does not say *what* was missing: collectors write the command line first
 * (`reg query "KEY" [/v NAME]`, as a prompt line would show it) and the error is then recorded
 * against that key or value. An 80-column console wraps long key paths and loses the character at
 * the wrap (corpus: win-en-reg-query-jsfile-clsid-wrapped-80col.txt); such keys keep a `?` there.
 */

/** "(Default)" in the languages reg.exe ships in; XP's reg.exe 3.0 printed "<NO NAME>". */
const DEFAULT_NAMES = new Set(
  ['(default)', '<no name>', '(standard)', '(par défaut)', '(predeterminado)', '(padrão)', '(predefinito)', '(domyślna)', '(standaard)', '(по умолчанию)', '(默认)', '(預設)', '(既定)', '(기본값)', '(výchozí)', '(alapértelmezett)'].map((s) => s.toLowerCase()),
);

const ERROR_LINE = /^(ERROR|FEHLER|ERREUR|ERRORE|FOUT|BŁĄD|ERRO|HATA|CHYBA|HIBA|FEJL|FEIL|VIRHE|ОШИБКА|错误|錯誤|エラー|오류)\s*[:：]|^reg(\.exe)?:\s/i;
const NOT_FOUND = /unable to find|cannot find|could not find|nicht gefunden|introuvable|impossible de trouver|no se (pudo|puede) encontrar|niet (gevonden|vinden)|non è stato possibile trovare|не удалось найти|找不到|見つかりません|찾을 수 없습니다|nie można odnaleźć|não foi possível encontrar/i;
const IGNORED = [/^! REG\.EXE VERSION/i, /^Type "REG (QUERY )?\/\?" for usage\.?$/i, /^End of search: \d+ match(es)? found\.?$/i];
// data runs to the end of the line, whatever it holds (U+2028, NBSP, trailing blanks are data too)
const TYPE_AND_DATA = new RegExp(`(${REG_TYPES.join('|')}|REG_[A-Z0-9_]+)(?:(?: {4}|\\t| +)([\\s\\S]*))?$`, 'y');

/**
 * The value's type after its name and the data after it: what `/(?:\t+| {2,}| )(REG_…)(?:(?: {4}|\t| +)([\s\S]*))?$/` finds,
 * looked for only where a `REG_` follows a blank. That regex, tried from every position, ran each blank run to its end and
 * back (linear-text.ts): a 3 000-character line of a damaged paste took seconds. The run before the type is one kind of blank
 * in the regex (tabs, two or more spaces, or one space), so the match starts where that kind's run before `REG_` starts.
 */
export function typeToken(raw: string): { index: number; type: string; data: string | undefined } | null {
  for (let p = raw.indexOf('REG_', 1); p > 0; p = raw.indexOf('REG_', p + 1)) {
    const blank = raw.charCodeAt(p - 1);
    if (blank !== 0x20 && blank !== 0x09) continue;
    TYPE_AND_DATA.lastIndex = p;
    const m = TYPE_AND_DATA.exec(raw);
    if (!m) continue;
    let index = p - 1;
    while (index > 0 && raw.charCodeAt(index - 1) === blank) index--;
    return { index, type: m[1]!, data: m[2] };
  }
  return null;
}
const COMMAND = /^(?:.*?>\s*)?reg(?:\.exe)?\s+query\s+(.+)$/i;

interface Query {
  key: string;
  /** undefined: whole key; '' = /ve */
  value?: string;
  line: number;
}

export function parseRegQuery(text: string, source: string): ParseResult<RegistryView> {
  const view = emptyView();
  const problems: Problem[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let key: RegistryKey | undefined;
  let keyLine = '';
  /** the line before was a key path (so a second one makes both subkey listings) */
  let prevWasKey = false;
  let prevBlank = true;
  let keyStandalone = false;
  let query: Query | undefined;

  const closeKey = () => {
    // A lone key path is the queried key's header only when the command names it (XP's reg.exe prints
    // the header of a key without values); otherwise it is a subkey line, which says nothing of values.
    if (key && keyStandalone && query && query.value === undefined && keyId(query.key) === keyId(key.path)) key.valuesListed = true;
    keyStandalone = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    // only blanks are trimmed: \s would also eat U+2028 or a no-break space that ends a value's data
    const line = trimBlanksEnd(raw);
    const n = i + 1;
    if (line === '') {
      closeKey();
      prevWasKey = false;
      prevBlank = true;
      continue;
    }
    const wasBlank = prevBlank;
    prevBlank = false;
    if (IGNORED.some((re) => re.test(line.trim()))) continue;

    const cmd = COMMAND.exec(line);
    if (cmd && !/^\s/.test(line)) {
      closeKey();
      query = parseCommand(cmd[1]!, n);
      if (!query) problems.push(problemAt(source, n, 'regQuery.commandWithoutKey', { line: line.trim() }));
      key = undefined;
      prevWasKey = false;
      continue;
    }

    if (ERROR_LINE.test(line.trim())) {
      closeKey();
      recordError(line.trim(), n);
      key = undefined;
      prevWasKey = false;
      continue;
    }

    if (!/^\s/.test(line) && ROOT_PATTERN.test(line)) {
      // two key paths in a row are a subkey listing: their values were not shown
      if (!prevWasKey) closeKey();
      key = touchKey(view, line, { file: source, line: n });
      key.exists = true;
      keyLine = line;
      keyStandalone = wasBlank && !prevWasKey;
      prevWasKey = true;
      continue;
    }

    if (!/^\s/.test(line) && prevWasKey && key && keyLine.length >= 79) {
      joinWrapped(key, keyLine, line, n);
      keyLine = '';
      continue;
    }

    // the value's data is taken from the raw line: a REG_SZ may end in blanks (reg.exe prints them)
    const typed = /^\s/.test(line) ? typeToken(raw) : null;
    if (typed) {
      prevWasKey = false;
      keyStandalone = false;
      if (!key) {
        problems.push(problemAt(source, n, 'regQuery.valueOutsideKey', { line: line.trim() }));
        continue;
      }
      if (!query || query.value === undefined) key.valuesListed = true;
      const rawName = line.slice(0, typed.index).replace(/^\s+/, '');
      const name = DEFAULT_NAMES.has(rawName.toLowerCase()) ? '' : rawName;
      const type = typed.type as RegType;
      if (!(REG_TYPES as readonly string[]).includes(type)) {
        unreadable(key, name, { code: 'regValue.unknownType', params: { type, name: rawName } }, n);
        continue;
      }
      const data = parseData(type, typed.data ?? '');
      if (typeof data === 'object' && data !== null && 'error' in data) {
        unreadable(key, name, { code: data.error.code, params: { type, name: rawName, ...data.error.params } }, n);
        continue;
      }
      putValue(key, { name, type, data, source: { file: source, line: n } });
      continue;
    }

    prevWasKey = false;
    // an indented line inside a key's listing may have been a value: the listing is no longer complete
    if (key && /^\s/.test(line)) key.listingIncomplete = true;
    problems.push(problemAt(source, n, 'regQuery.notRegQuery', { line: line.trim().slice(0, 120) }));
  }
  closeKey();
  return { value: view, problems };

  /** Unparsable is not absent: the value's state becomes unknown, so no fix changes (or deletes) it. */
  function unreadable(k: RegistryKey, name: string, why: ProblemPart, n: number) {
    markUnreadable(k, name, problemText(why.code, why.params) ?? why.code, { file: source, line: n });
    problems.push(problemAt(source, n, 'regQuery.valueUnknown', { reason: why }));
  }

  function recordError(message: string, n: number) {
    if (!query) {
      problems.push(problemAt(source, n, 'regQuery.errorWithoutKey', { error: message }));
      return;
    }
    if (!NOT_FOUND.test(message)) {
      problems.push(problemAt(source, n, 'regQuery.failed', { key: query.key, error: message }));
      return;
    }
    const k = touchKey(view, query.key, { file: source, line: n });
    if (query.value === undefined) {
      k.exists = false;
    } else if (k.values.every((v) => v.name.toLowerCase() !== query!.value!.toLowerCase())) {
      // "key or value": reg.exe uses one message for both, so only the value is known to be absent
      const lower = query.value.toLowerCase();
      if (!k.absentValues.includes(lower)) k.absentValues.push(lower);
    }
  }

  function joinWrapped(k: RegistryKey, first: string, rest: string, n: number) {
    const id = Object.keys(view.keys).find((x) => view.keys[x] === k);
    if (id) delete view.keys[id];
    // 79 printed characters: the 80th went into the console's last column and was not captured
    const lost = first.length === 79;
    const joined = lost ? `${first}?${rest}` : `${first}${rest}`;
    const merged = touchKey(view, joined, { file: source, line: k.source.line }, lost ? normalisedLength(first) : undefined);
    merged.exists = true;
    key = merged;
    if (lost) problems.push(problemAt(source, n, 'regQuery.keyWrapped'));
  }
}

/** Length of the path after HKEY_LOCAL_MACHINE → HKLM, so the lost position matches the stored path. */
function normalisedLength(path: string): number {
  const m = /^HKEY_(LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG|DYN_DATA)/i.exec(path);
  if (!m) return path.length;
  const short: Record<string, string> = { LOCAL_MACHINE: 'HKLM', CURRENT_USER: 'HKCU', CLASSES_ROOT: 'HKCR', USERS: 'HKU', CURRENT_CONFIG: 'HKCC', DYN_DATA: 'HKDD' };
  return path.length - m[0].length + short[m[1]!.toUpperCase()]!.length;
}

function parseCommand(args: string, line: number): Query | undefined {
  const tokens = [...args.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  const keyToken = tokens.find((t) => ROOT_PATTERN.test(t));
  if (!keyToken) return undefined;
  const v = tokens.findIndex((t) => /^[/-]v$/i.test(t));
  if (v >= 0 && tokens[v + 1] !== undefined) return { key: keyToken, value: tokens[v + 1]!, line };
  if (tokens.some((t) => /^[/-]ve$/i.test(t))) return { key: keyToken, value: '', line };
  return { key: keyToken, line };
}

export function parseData(type: RegType, text: string): RegData | { error: ProblemPart } {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_LINK':
      return text;
    case 'REG_MULTI_SZ': {
      // XP's reg.exe ends the list with "\0\0"; later versions print only the separators
      const body = text.replace(/(\\0)+$/, '');
      return body === '' ? [] : body.split('\\0');
    }
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN': {
      const m = /^0x([0-9a-f]{1,8})$/i.exec(text.trim());
      return m ? parseInt(m[1]!, 16) : { error: { code: 'regValue.notDword', params: { text } } };
    }
    case 'REG_QWORD': {
      const m = /^0x([0-9a-f]{1,16})$/i.exec(text.trim());
      return m ? `0x${m[1]!.toLowerCase().replace(/^0+(?=.)/, '')}` : { error: { code: 'regValue.notQword', params: { text } } };
    }
    default: {
      const hex = text.trim();
      return /^([0-9a-f]{2})*$/i.test(hex) ? hex.toLowerCase() : { error: { code: 'regValue.notHexBytes', params: { text: text.slice(0, 40) } } };
    }
  }
}
