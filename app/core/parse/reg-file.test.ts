import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../capture/decode';
import { findKey, lookupValue } from '../model/registry-view';
import { parseRegFile } from './reg-file';

const values = (text: string, key: string) => findKey(parseRegFile(text, 'x.reg').value, key)?.values.map((v) => [v.name, v.type, v.data]);

describe('.reg files', () => {
  it('5.00: strings with escapes, dword, hex, hex(2)/hex(7)/hex(b) as UTF-16LE, continuations, @=', () => {
    // the Wine export of a test key (reg export under Wine 8), as a fixture
    const text = [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\Software\\TMProbe\\Sub]',
      '@=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,\\',
      '  00,5c,00,78,00,00,00',
      '"a b"="x & y % \\"q\\" ^ !z! end\\\\"',
      '"bin"=hex:0a,ff,00',
      '"multi"=hex(7):61,00,00,00,62,00,20,00,63,00,00,00,64,00,00,00,00,00',
      '"none"=hex(0):30,00,31,00',
      '"q"=hex(b):00,00,00,00,01,00,00,00',
      '"d"=dword:0000000a',
      '"be"=hex(5):00,00,00,02',
      '',
    ].join('\r\n');
    const r = parseRegFile(text, 'x.reg');
    expect(r.problems).toEqual([]);
    expect(r.value.format).toBe('v5');
    expect(values(text, 'HKLM\\Software\\TMProbe\\Sub')).toEqual([
      ['', 'REG_EXPAND_SZ', '%SystemRoot%\\x'],
      ['a b', 'REG_SZ', 'x & y % "q" ^ !z! end\\'],
      ['bin', 'REG_BINARY', '0aff00'],
      ['multi', 'REG_MULTI_SZ', ['a', 'b c', 'd']],
      ['none', 'REG_NONE', '30003100'],
      ['q', 'REG_QWORD', '0x100000000'],
      ['d', 'REG_DWORD', 10],
      ['be', 'REG_DWORD_BIG_ENDIAN', 2],
    ]);
    expect(findKey(r.value, 'HKLM\\Software\\TMProbe\\Sub')?.values[1]?.source.line).toBe(6);
  });

  it('REGEDIT4: hex(2)/hex(7) are single-byte strings; =- and [-KEY] mean absent', () => {
    const text = [
      'REGEDIT4',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]',
      '"KeepRasConnections"="1"',
      '"Shell"=hex(2):25,77,69,6e,64,69,72,25,00',
      '"List"=hex(7):61,00,62,00,00',
      '"ReportDC"=-',
      '',
      '[-HKEY_CURRENT_USER\\Software\\Gone]',
      '',
    ].join('\n');
    const r = parseRegFile(text, 'nt4.reg');
    expect(r.problems).toEqual([]);
    expect(r.value.format).toBe('regedit4');
    const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
    expect(values(text, key)).toEqual([
      ['KeepRasConnections', 'REG_SZ', '1'],
      ['Shell', 'REG_EXPAND_SZ', '%windir%'],
      ['List', 'REG_MULTI_SZ', ['a', 'b']],
    ]);
    expect(lookupValue(r.value, key, 'ReportDC')).toMatchObject({ state: 'absent', keyExists: true });
    expect(lookupValue(r.value, 'HKCU\\Software\\Gone', 'x')).toMatchObject({ state: 'absent', keyExists: false });
  });

  it('a real UTF-16LE export (with BOM) decodes and parses', () => {
    const text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters]\r\n"EnableLMHOSTS"=dword:00000000\r\n"Ünïcode"="ä"\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const decoded = decodeCaptureBytes(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    const r = parseRegFile(decoded.text, 'netbt.reg');
    expect(r.problems).toEqual([]);
    expect(lookupValue(r.value, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters', 'ünïcode')).toMatchObject({ value: { data: 'ä' } });
  });

  it('a file cut in half: the unfinished value and key are problems, the rest is kept', () => {
    const cut = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"x"=dword:00000001\r\n"y"=hex(7):61,00,\\\r\n';
    const r = parseRegFile(cut, 'cut.reg');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[5, 'the file ends inside a value (cut off?)']]);
    expect(lookupValue(r.value, 'HKLM\\SOFTWARE\\A', 'x').state).toBe('present');
    const cut2 = 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n"x"="unfinished\n[HKEY_LOCAL_MACH';
    expect(parseRegFile(cut2, 'cut.reg').problems.map((p) => p.line)).toEqual([4, 5]);
  });

  it('UTF-16 read without its BOM, bad header, bad lines: problems with lines', () => {
    const noBom = iconv.encode('Windows Registry Editor Version 5.00\r\n', 'utf-16le').toString('latin1');
    expect(parseRegFile(noBom, 'x.reg').problems[0]?.message).toContain('UTF-16');
    const r = parseRegFile('hello\n[HKEY_LOCAL_MACHINE\\X]\n"a"=dword:1\n"b"=hex(z):00\njunk\n"c"=hex:0g\n', 'x.reg');
    expect(r.problems.map((p) => p.line)).toEqual([1, 3, 4, 5, 6]);
  });

  it('never throws', () => {
    const piece = fc.constantFrom('Windows Registry Editor Version 5.00', 'REGEDIT4', '[HKEY_LOCAL_MACHINE\\A]', '[-HKEY_CURRENT_USER\\B]', '"a"=hex(7):00,\\', '  00,00', '@="x\\"', '"b"=-', 'dword:', '"c"=hex(b):01', '\\', '');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join('\r\n');
        const r = parseRegFile(text, 'f.reg');
        const count = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).length;
        for (const p of r.problems) expect(p.line! >= 1 && p.line! <= count).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
