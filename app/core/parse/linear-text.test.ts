import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseKeyPath, REG_TYPES } from '../model/registry-view';
import { keyAtLineStart, nameAndValue, trimBlanksEnd } from './linear-text';
import { parseNetRoute } from './netroute';
import { parseRegFile } from './reg-file';
import { parseRegQuery, typeToken } from './reg-query';
import { parseRasEvents } from './wevtutil';

/**
 * The linear tests in linear-text.ts (and reg-query's typeToken, registry-view's path trim) answer as the regexes they replace,
 * which took time quadratic in a run of blanks, line breaks or backslashes: the regexes are kept here as the reference, and
 * strings drawn from the characters that decide them (blanks of every kind, line breaks, `=`, `:`, a key, a type name) are
 * given to both.
 */
const pieces = [' ', '  ', '\t', '\r', '\n', '\u00a0', '\u2028', '\u3000', '=', ':', '.', '\\', 'a', 'B', 'é', 'REG_', 'REG_SZ', 'REG_DWORD', 'REG_DWORD_BIG_ENDIAN', 'REG_X1', 'Key', 'KEY', 'value', '0x1'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
const runs = 400;

const TYPE_TOKEN = new RegExp(`(?:\\t+| {2,}| )(${REG_TYPES.join('|')}|REG_[A-Z0-9_]+)(?:(?: {4}|\\t| +)([\\s\\S]*))?$`);

describe('linear text tests answer as the regexes they replace', () => {
  it('trimBlanksEnd is replace(/[ \\t]+$/, "")', () => {
    fc.assert(fc.property(text, (s) => {
      expect(trimBlanksEnd(s)).toBe(s.replace(/[ \t]+$/, ''));
    }), { numRuns: runs });
  });
  it('keyAtLineStart is /^\\s*Key\\s*:\\s*\\S/im', () => {
    fc.assert(fc.property(text, (s) => {
      expect(keyAtLineStart(s, 'Key')).toBe(/^\s*Key\s*:\s*\S/im.test(s));
    }), { numRuns: runs });
    expect(keyAtLineStart('\n \u00a0\n  key :\n\n x', 'Key')).toBe(true);
    expect(keyAtLineStart('a Key : x', 'Key')).toBe(false);
  });
  it('nameAndValue is /^([^=]+?)\\s*=\\s*(.*?)\\s*$/', () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = /^([^=]+?)\s*=\s*(.*?)\s*$/.exec(s);
        expect(nameAndValue(s)).toEqual(m ? [m[1], m[2]] : undefined);
      }),
      { numRuns: runs },
    );
  });
  it("reg query's type token is the regex's match: where it starts, the type, the data", () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = TYPE_TOKEN.exec(s);
        expect(typeToken(s)).toEqual(m ? { index: m.index, type: m[1], data: m[2] } : null);
      }),
      { numRuns: runs * 2 },
    );
    expect(typeToken('    Name\t  REG_SZ    data  ')).toEqual({ index: 9, type: 'REG_SZ', data: 'data  ' });
    expect(typeToken('    Big REG_DWORD_BIG_ENDIAN    0x1')).toEqual({ index: 7, type: 'REG_DWORD_BIG_ENDIAN', data: '0x1' });
  });
  it('a key path loses its trailing backslashes as with /\\\\+$/', () => {
    // (the old function for paths that start with a short root: the long roots' replacements do not apply to them)
    const reference = (path: string) => path.trim().replace(/\\+$/, '').replace(/^(hklm|hkcu|hkcr|hku|hkcc)(?=\\|$)/i, (r) => r.toUpperCase());
    fc.assert(fc.property(text, (s) => {
      expect(normaliseKeyPath(`HKLM\\${s}`)).toBe(reference(`HKLM\\${s}`));
    }), { numRuns: runs });
  });
});

/**
 * Damaged captures with long runs, each read in time linear in its length. Each input is sized so the quadratic form it
 * replaced takes minutes here (a run of 40 000 blanks took 0.65 s, 500 000 take ≈ 100 s) — past the 60 s the event-loop watch
 * allows a test (test/support/event-loop-watch.ts), which then fails it by name — while the linear form takes milliseconds.
 * The speed itself is not asserted; what each input says is.
 */
describe('a damaged capture with long runs is read, and says what it holds', () => {
  const N = 500_000;
  const blanks = ' '.repeat(N);
  it("reg query: a value line padded by a run of blanks, then the key's other value", () => {
    const text = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\n    Padding${blanks}x\n    CachedLogonsCount    REG_SZ    10\n`;
    const key = Object.values(parseRegQuery(text, 'registry/winlogon.txt').value.keys)[0]!;
    expect(key.values.map((v) => [v.name, v.data])).toEqual([['CachedLogonsCount', '10']]);
  });
  it('reg query: 100 000 values of one key, each name its own', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `    v${i}    REG_DWORD    0x${(i % 16).toString(16)}`);
    const key = Object.values(parseRegQuery(`HKEY_LOCAL_MACHINE\\SOFTWARE\\X\n${lines.join('\n')}\n    V7    REG_DWORD    0x9\n`, 'registry/x.txt').value.keys)[0]!;
    expect(key.values).toHaveLength(100_000);
    expect(key.values.find((v) => v.name === 'V7')?.data).toBe(9);
  });
  it('.reg: a key path with a run of backslashes inside it, and a value continued over 200 000 lines', () => {
    const hex = Array.from({ length: 200_000 }, () => '  00,\\').join('\n');
    const text = `Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\${'\\'.repeat(N)}X]\n"a"=hex:01,\\\n${hex}\n  02\n`;
    const keys = Object.values(parseRegFile(text, 'registry/x.reg').value.keys);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.values[0]!.data).toBe(`01${'00'.repeat(200_000)}02`);
  });
  it('Get-NetRoute: a run of empty lines before any text is no Format-List', () => {
    expect(parseNetRoute(`${'\n'.repeat(N)}x`, 'powershell/routes.txt').value.routes).toEqual([]);
  });
  it("a RasClient 20221's setting whose value holds a run of blanks", () => {
    const text = `Event[0]:\n  Log Name: Application\n  Source: RasClient\n  Event ID: 20221\n  Description: \nCoId={A}: The user anna has started dialing a VPN connection. The connection settings are:\n VpnStrategy = L2TP${blanks}x\n`;
    expect(parseRasEvents(text).value[0]!.settings?.VpnStrategy).toBe(`L2TP${blanks}x`);
  });
});
