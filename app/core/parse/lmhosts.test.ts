import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { emptyView, putValue, touchKey } from '../model/registry-view';
import { parseLmhosts } from './lmhosts';
import { betterOs, osFromRegistry, parseSysteminfoOs } from './os-version';

/** Hand-checked per corpus file: entries, line ending, and the lines with issues. */
const EXPECTED: Record<string, { entries: number; lineEnding: string; lines: number; issueLines: number[] }> = {
  // "# C" lost: line 1 "opyright (c) …" is neither comment nor entry
  'lmhosts.sam-damaged-first-chars-missing.txt': { entries: 0, lineEnding: 'lf', lines: 77, issueLines: [1] },
  // every directive sits inside a comment ("# #INCLUDE"): nothing active, nothing wrong
  'lmhosts.sam-win-stock-sample.txt': { entries: 0, lineEnding: 'lf', lines: 75, issueLines: [] },
  // six unpadded "WOLFTECH\0x1b" lines (76–81; the 0x1B is not the 16th byte) and five duplicates
  // of line 76; the #DOM line 82 is commented out
  'ncsu-wolftech-0x1b-pre-entries.txt': { entries: 6, lineEnding: 'crlf', lines: 83, issueLines: [76, 77, 78, 79, 80, 81, 77, 78, 79, 80, 81] },
};

describe.skipIf(!corpusAvailable)('LMHOSTS: every corpus file', () => {
  it('has an expectation for each file', () => expect(corpusFiles('lmhosts').sort()).toEqual(Object.keys(EXPECTED).sort()));
  for (const file of corpusFiles('lmhosts')) {
    it(file, () => {
      const r = parseLmhosts(readCorpus('lmhosts', file));
      const e = EXPECTED[file]!;
      expect(r.value.entries).toHaveLength(e.entries);
      expect(r.value.lineEnding).toBe(e.lineEnding);
      expect(r.value.lineCount).toBe(e.lines);
      expect(r.value.issues.map((i) => i.line)).toEqual(e.issueLines);
    });
  }
  it('wolftech entries: #PRE with trailing blanks, name decoded, no 16th-byte suffix', () => {
    const r = parseLmhosts(readCorpus('lmhosts', 'ncsu-wolftech-0x1b-pre-entries.txt'));
    expect(r.value.entries[0]).toEqual({ line: 76, address: '10.32.0.70', rawName: 'WOLFTECH\\0x1b', name: 'WOLFTECH\u001b', quoted: true, pre: true, mh: false });
  });
});

describe('LMHOSTS: fixtures', () => {
  it('Q180094 lines, #INCLUDE in an alternate block, #MH, comments after keywords', () => {
    const text = [
      '10.13.1.10  DC1  #PRE  #DOM:CORP  # the DC',
      '10.13.1.10  "CORP           \\0x1B"  #PRE',
      '10.13.1.20  localsrv  #PRE',
      '#BEGIN_ALTERNATE',
      '#INCLUDE \\\\localsrv\\public\\lmhosts',
      '#END_ALTERNATE',
      '10.0.0.1 multi #MH',
      '10.0.0.2 multi #MH',
      '',
    ].join('\r\n');
    const r = parseLmhosts(text);
    expect(r.value.issues).toEqual([]);
    expect(r.value.entries[0]).toMatchObject({ name: 'DC1', pre: true, domain: 'CORP' });
    expect(r.value.entries[1]).toMatchObject({ name: 'CORP           ', suffix: 0x1b, pre: true });
    expect(r.value.directives.map((d) => d.kind)).toEqual(['begin-alternate', 'include', 'end-alternate']);
    expect(r.value.lineEnding).toBe('crlf');
  });

  it('each kind of mistake, with its line', () => {
    const text = [
      '10.0.0.1 averyveryverylongname', // 1: > 15
      '10.0.0.2 dc2 #DOM:CORP', // 2: #DOM without #PRE
      '10.0.0.300 bad', // 3: bad address
      '10.0.0.4 "svc\\0x1"', // 4: bad escape
      '10.0.0.5 plain\\0x20', // 5: escape outside quotes
      '10.0.0.6 dc2 #PRE', // 6: duplicate of line 2
      '#INCLUDE \\\\nobody\\share\\lmhosts', // 7: server not mapped by #PRE
      '#END_ALTERNATE', // 8
      '10.0.0.9 one two', // 9: extra word
      '10.0.0.10 "unterminated', // 10
      '#BEGIN_ALTERNATE', // 11: never closed
      'bin\u0001ary', // 12
      '10.0.0.13 "a\t\\0x20"', // 13: tab padding (and not padded to 15)
      '10.0.0.14 x #DOM:ABCDEFGHIJKLMNOP #PRE', // 14: domain > 15
    ].join('\n');
    const lines = parseLmhosts(text).value.issues.map((i) => i.line);
    expect(lines).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 13, 14, 11, 6]);
  });

  it('10 000 lines parse quickly and keep counts', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1  host${i}  #PRE`).join('\r\n');
    const start = Date.now();
    const r = parseLmhosts(text);
    expect(r.value.entries).toHaveLength(10_000);
    expect(r.value.issues).toEqual([]);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('never throws; issue lines exist', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('10.0.0.1 "A\\0x1B" #PRE #DOM:X', '#INCLUDE \\\\a\\b', '#BEGIN_ALTERNATE', '#END_ALTERNATE', '1.2.3.4')), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        const r = parseLmhosts(text);
        for (const i of r.value.issues) expect(i.line! >= 1 && i.line! <= Math.max(1, r.value.lineCount)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('OS generation', () => {
  it.skipIf(!corpusAvailable)('systeminfo in English, Russian and Chinese', () => {
    expect(parseSysteminfoOs(readCorpus('systeminfo-ver', 'server2012r2-en-jc-hyperv-vm.txt'))).toEqual({ family: 'nt6+', name: 'Microsoft Windows Server 2012 R2 Standard', version: '6.3', build: '9600' });
    expect(parseSysteminfoOs(readCorpus('systeminfo-ver', 'win10-ru-systeminfo-npcap-loopback.txt'))).toMatchObject({ family: 'nt6+', name: 'Майкрософт Windows 10 Pro', build: '17763' });
    expect(parseSysteminfoOs(readCorpus('systeminfo-ver', 'win11-zh-cn-systeminfo-vbs.txt'))).toMatchObject({ family: 'nt6+', version: '10.0', build: '26200' });
  });
  it('a damaged systeminfo whose value is a long run of blanks after a version is read in time linear in it (before: n², 0.4 s at 20 000 characters)', () => {
    const damaged = `OS Version:   10.0.17763${' '.repeat(400_000)}x\nOS Name:   Microsoft Windows 10 Pro\nOS Version:   10.0.17763 N/A Build 17763\n`;
    expect(parseSysteminfoOs(damaged)).toMatchObject({ family: 'nt6+', version: '10.0', build: '17763' });
  });
  it('XP systeminfo with a service pack and a full-width colon', () => {
    expect(parseSysteminfoOs('OS 名称：    Microsoft Windows XP Professional\nOS 版本：    5.1.2600 Service Pack 3 Build 2600\n')).toEqual({
      family: 'nt5',
      name: 'Microsoft Windows XP Professional',
      version: '5.1',
      build: '2600',
      servicePack: 'Service Pack 3',
    });
  });
  it('registry: NT4 with CSDVersion, Windows 10 with CurrentMajorVersionNumber, Win98 VersionNumber', () => {
    const view = (key: string, values: [string, 'REG_SZ' | 'REG_DWORD', string | number][]) => {
      const v = emptyView();
      const k = touchKey(v, key, { file: 'r', line: 1 });
      k.valuesListed = true;
      for (const [name, type, data] of values) putValue(k, { name, type, data, source: { file: 'r', line: 2 } });
      return v;
    };
    const nt = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
    expect(osFromRegistry(view(nt, [['CurrentVersion', 'REG_SZ', '4.0'], ['CurrentBuildNumber', 'REG_SZ', '1381'], ['CSDVersion', 'REG_SZ', 'Service Pack 6']]))).toEqual({
      family: 'nt4',
      name: 'Windows NT 4.0',
      version: '4.0',
      build: '1381',
      servicePack: 'Service Pack 6',
    });
    expect(osFromRegistry(view(nt, [['CurrentVersion', 'REG_SZ', '6.3'], ['CurrentMajorVersionNumber', 'REG_DWORD', 10], ['CurrentMinorVersionNumber', 'REG_DWORD', 0], ['ProductName', 'REG_SZ', 'Windows 10 Pro']]))).toMatchObject({ family: 'nt6+', version: '10.0' });
    expect(osFromRegistry(view('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion', [['VersionNumber', 'REG_SZ', '4.10.2222'], ['ProductName', 'REG_SZ', 'Microsoft Windows 98']]))).toEqual({ family: 'win9x', name: 'Microsoft Windows 98', version: '4.10', build: '2222' });
  });
  it('betterOs fills only what ver.txt did not know', () => {
    const ver = { family: 'nt4' as const, name: 'Windows NT', version: '4.0' };
    expect(betterOs(ver, [{ family: 'nt4', name: 'x', version: '4.0', build: '1381', servicePack: 'Service Pack 3' }])).toEqual({ ...ver, build: '1381', servicePack: 'Service Pack 3' });
    expect(betterOs(ver, [{ family: 'nt5', name: 'x', servicePack: 'Service Pack 3' }])).toBeNull();
    expect(betterOs({ family: 'unknown', name: '?' }, [{ family: 'nt5', name: 'Windows XP' }])).toEqual({ family: 'nt5', name: 'Windows XP' });
  });
});
