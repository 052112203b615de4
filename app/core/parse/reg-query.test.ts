import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { findKey, lookupValue } from '../model/registry-view';
import { parseRegFile } from './reg-file';
import { parseRegQuery } from './reg-query';

/** Hand-checked: keys, values of chosen keys, problems (line numbers) for every corpus file. */
interface Expected {
  keys: number;
  lines: number[];
  check: (view: ReturnType<typeof parseRegQuery>['value']) => void;
}

const EXPECTED: Record<string, Expected> = {
  'win-en-reg-query-hkcu-run.txt': {
    keys: 1,
    lines: [],
    check: (v) => {
      const r = lookupValue(v, 'hkey_current_user\\software\\microsoft\\windows\\currentversion\\run', 'mozilla-firefox-308046b0af4a39cb');
      expect(r.state).toBe('present');
      if (r.state === 'present') expect(r.value).toMatchObject({ type: 'REG_SZ', data: '"C:\\Program Files\\Mozilla Firefox\\firefox.exe" -os-autostart', source: { line: 3 } });
      // the key's values were listed: anything else is known to be absent
      expect(lookupValue(v, 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'OneDrive').state).toBe('absent');
    },
  },
  'win-en-reg-query-jsfile-clsid-wrapped-80col.txt': {
    keys: 18,
    // six key paths wrapped at 80 columns, each losing one character
    lines: [42, 47, 52, 62, 67, 73],
    check: (v) => {
      expect(lookupValue(v, 'HKCR\\jsfile\\shell\\Open\\Command', '')).toMatchObject({ state: 'present', value: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\System32\\WScript.exe "%1" %*' } });
      expect(lookupValue(v, 'HKCR\\jsfile\\shell\\Open2', 'MUIVerb')).toMatchObject({ state: 'present', value: { data: '@%SystemRoot%\\System32\\wshext.dll,-4511' } });
      // "(Default)    REG_SZ" with no data is an empty default value
      expect(lookupValue(v, 'HKCR\\CLSID\\{f414c260-6ac0-11cf-b6d1-00aa00bbbb58}\\InprocServer32', '')).toMatchObject({ state: 'present', value: { data: '' } });
      // the lost characters ("o", "}", "0") are matched by position
      const wrapped = findKey(v, 'HKEY_CLASSES_ROOT\\Wow6432Node\\CLSID\\{f414c260-6ac0-11cf-b6d1-00aa00bbbb58}\\InprocServer32');
      expect(wrapped?.path).toBe('HKCR\\Wow6432Node\\CLSID\\{f414c260-6ac0-11cf-b6d1-00aa00bbbb58}\\Inpr?cServer32');
      expect(findKey(v, 'HKLM\\SOFTWARE\\Classes\\CLSID\\{f414c260-6ac0-11cf-b6d1-00aa00bbbb58}\\InprocServer32')?.source.line).toBe(46);
      expect(findKey(v, 'HKLM\\SOFTWARE\\Classes\\Wow6432Node\\CLSID\\{16d51579-a30b-4c8b-a276-0ff4dc41e755}\\InprocServer32')?.values).toHaveLength(1);
    },
  },
  'win10-en-reg-query-hklm-software-subkeys.txt': {
    keys: 37,
    lines: [],
    check: (v) => {
      // a subkey listing: keys exist, but their values were not shown
      expect(findKey(v, 'HKLM\\SOFTWARE\\OpenVPN')).toMatchObject({ exists: true, valuesListed: false });
      expect(lookupValue(v, 'HKLM\\SOFTWARE\\OpenVPN', 'anything').state).toBe('unknown');
      expect(findKey(v, 'hklm\\software\\vmware, inc.')?.path).toBe('HKLM\\SOFTWARE\\VMware, Inc.');
    },
  },
  'win10-reg-file-currentversion-edition-backup.reg': {
    keys: 1,
    lines: [],
    check: (v) => {
      expect(lookupValue(v, 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', 'ProductName')).toMatchObject({ state: 'present', value: { data: 'Windows 10 Home Single Language', source: { line: 5 } } });
    },
  },
  'win11-reg-export-tcpip-interface-openvpn-searchlist.reg': {
    keys: 1,
    lines: [],
    check: (v) => {
      const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces\\{da14662c-9e5b-47d8-bd9e-21bfafedf2b4}';
      expect(findKey(v, key)?.values).toHaveLength(19);
      expect(lookupValue(v, key, 'LeaseObtainedTime')).toMatchObject({ value: { type: 'REG_DWORD', data: 0x682b35d4 } });
      expect(lookupValue(v, key, 'IPAddress')).toMatchObject({ value: { type: 'REG_MULTI_SZ', data: [] } });
      expect(lookupValue(v, key, 'SearchList')).toMatchObject({ value: { type: 'REG_SZ', data: 'dom1.com' } });
    },
  },
};

describe.skipIf(!corpusAvailable)('registry readers: every corpus file', () => {
  it('has an expectation for each file', () => {
    expect(corpusFiles('reg-query').sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const file of corpusFiles('reg-query')) {
    it(file, () => {
      const text = readCorpus('reg-query', file);
      const r = file.endsWith('.reg') ? parseRegFile(text, file) : parseRegQuery(text, file);
      const e = EXPECTED[file]!;
      expect(Object.keys(r.value.keys)).toHaveLength(e.keys);
      expect(r.problems.map((p) => p.line)).toEqual(e.lines);
      e.check(r.value);
    });
  }
});

describe('reg query: fixtures', () => {
  it('every value type, localised default names, XP banner and tabs', () => {
    const text = [
      '',
      '! REG.EXE VERSION 3.0',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
      '    KeepRasConnections    REG_SZ    1',
      '    CachedLogonsCount\tREG_SZ\t10',
      '    (Standard)    REG_SZ    x',
      '    Multi    REG_MULTI_SZ    a\\0b c\\0\\0',
      '    Dw    REG_DWORD    0xffffffff',
      '    Qw    REG_QWORD    0x00000001ffffffff',
      '    Bin    REG_BINARY    0A0B',
      '    None    REG_NONE    ',
      '    Exp    REG_EXPAND_SZ    %SystemRoot%\\x',
      '    Big    REG_DWORD_BIG_ENDIAN    0x1',
      '',
    ].join('\r\n');
    const r = parseRegQuery(text, 'registry/winlogon.txt');
    expect(r.problems).toEqual([]);
    const key = findKey(r.value, 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon')!;
    expect(key.values.map((v) => [v.name, v.type, v.data])).toEqual([
      ['KeepRasConnections', 'REG_SZ', '1'],
      ['CachedLogonsCount', 'REG_SZ', '10'],
      ['', 'REG_SZ', 'x'],
      ['Multi', 'REG_MULTI_SZ', ['a', 'b c']],
      ['Dw', 'REG_DWORD', 0xffffffff],
      ['Qw', 'REG_QWORD', '0x1ffffffff'],
      ['Bin', 'REG_BINARY', '0a0b'],
      ['None', 'REG_NONE', ''],
      ['Exp', 'REG_EXPAND_SZ', '%SystemRoot%\\x'],
      ['Big', 'REG_DWORD_BIG_ENDIAN', 1],
    ]);
    expect(key.valuesListed).toBe(true);
  });

  it('an ERROR after the command line marks the value (or key) absent; without one it is a problem', () => {
    const value = parseRegQuery('C:\\>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters" /v KeepRasConnections\r\nERROR: The system was unable to find the specified registry key or value.\r\n', 'r.txt');
    expect(value.problems).toEqual([]);
    expect(lookupValue(value.value, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters', 'KeepRasConnections')).toMatchObject({ state: 'absent', keyExists: true });
    expect(lookupValue(value.value, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters', 'Other').state).toBe('unknown');

    const key = parseRegQuery('reg query HKLM\\Software\\Nope\nFEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.\n', 'r.txt');
    expect(lookupValue(key.value, 'HKLM\\Software\\Nope', 'x')).toMatchObject({ state: 'absent', keyExists: false });

    const bare = parseRegQuery('\nERROR: The system was unable to find the specified registry key or value.\n', 'r.txt');
    expect(bare.problems).toEqual([{ source: 'r.txt', line: 2, message: expect.stringContaining('does not say which key'), code: 'regQuery.errorWithoutKey', params: { error: expect.any(String) } }]);
    const denied = parseRegQuery('reg query HKLM\\SAM\\SAM\nERROR: Access is denied.\n', 'r.txt');
    expect(denied.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('Access is denied') });
  });

  it('/v output does not claim the other values are absent', () => {
    const r = parseRegQuery('reg query "HKLM\\SOFTWARE\\X" /v A\n\nHKEY_LOCAL_MACHINE\\SOFTWARE\\X\n    A    REG_DWORD    0x1\n\n', 'r.txt');
    expect(lookupValue(r.value, 'HKLM\\SOFTWARE\\X', 'A').state).toBe('present');
    expect(lookupValue(r.value, 'HKLM\\SOFTWARE\\X', 'B').state).toBe('unknown');
  });

  it('damage is reported with its line', () => {
    const r = parseRegQuery('\nHKEY_LOCAL_MACHINE\\SOFTWARE\\X\n    A    REG_DWORD    12\n    B    REG_FOO    1\nrandom words\n    C    REG_SZ    ok\n', 'r.txt');
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(lookupValue(r.value, 'HKLM\\SOFTWARE\\X', 'C').state).toBe('present');
    expect(parseRegQuery('    A    REG_SZ    x\n', 'r.txt').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('outside any key') });
  });

  it('never throws and reports only lines that exist', () => {
    const piece = fc.constantFrom('HKEY_LOCAL_MACHINE\\SOFTWARE\\X', '    A    REG_SZ    x', '    B    REG_MULTI_SZ    a\\0', '    C    REG_DWORD    0x', 'ERROR: x', 'reg query "HKLM\\A" /v', '', '\t', 'x'.repeat(79), '\u0000\uffff');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (parts, eol) => {
        const text = parts.join(eol);
        const r = parseRegQuery(text, 'f.txt');
        const count = text.split(/\r\n|\n|\r/).length;
        for (const p of r.problems) expect(p.line! >= 1 && p.line! <= count).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
