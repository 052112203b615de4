import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { compareVersions, parseFileVersions } from './file-versions';
import { parseSysteminfoOs } from './os-version';

/** One row per systeminfo-ver/ corpus file, read by hand from the file's OS lines. */
const EXPECTED: Record<string, { family: string; name: string; version: string; build: string }> = {
  'server2012r2-en-jc-hyperv-vm.txt': { family: 'nt6+', name: 'Microsoft Windows Server 2012 R2 Standard', version: '6.3', build: '9600' },
  'win10-ru-systeminfo-npcap-loopback.txt': { family: 'nt6+', name: 'Майкрософт Windows 10 Pro', version: '10.0', build: '17763' },
  'win11-zh-cn-systeminfo-vbs.txt': { family: 'nt6+', name: 'Microsoft Windows 11 专业版', version: '10.0', build: '26200' },
};

describe.skipIf(!corpusAvailable)('systeminfo corpus: OS lines in any language', () => {
  it('has a row for every corpus file', () => expect(corpusFiles('systeminfo-ver')).toEqual(Object.keys(EXPECTED).sort()));
  for (const [file, want] of Object.entries(EXPECTED)) {
    it(file, () => expect(parseSysteminfoOs(readCorpus('systeminfo-ver', file))).toEqual(want));
  }
});

describe('systeminfo service pack and file versions', () => {
  it('XP prints the service pack between version and build', () => {
    expect(parseSysteminfoOs('Host Name:                 XP1\nOS Name:                   Microsoft Windows XP Professional\nOS Version:                5.1.2600 Service Pack 3 Build 2600\n')).toMatchObject({ family: 'nt5', version: '5.1', servicePack: 'Service Pack 3', build: '2600' });
    expect(parseSysteminfoOs('nothing here')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => void parseSysteminfoOs(s)));
  });
  it('file-versions.txt: tab rows, notes, bad rows reported', () => {
    const r = parseFileVersions('# collected by collect.cmd\r\nC:\\WINDOWS\\SYSTEM\\RASAPI32.DLL\t4.00.1111\r\nC:\\WINNT\\system32\\drivers\\ndiswan.sys\t4.0.1381.181\tMS WAN Wrapper (Domestic Use Only)\r\nrasapi32.dll version unknown\r\n', 'file-versions.txt');
    expect(r.value).toEqual([
      { path: 'C:\\WINDOWS\\SYSTEM\\RASAPI32.DLL', version: '4.00.1111', line: 2 },
      { path: 'C:\\WINNT\\system32\\drivers\\ndiswan.sys', version: '4.0.1381.181', description: 'MS WAN Wrapper (Domestic Use Only)', line: 3 },
    ]);
    expect(r.problems).toEqual([{ source: 'file-versions.txt', line: 4, message: expect.stringContaining('PATH<TAB>VERSION'), code: 'fileVersions.notPathVersion', params: { line: expect.any(String) } }]);
  });
  it('versions compare by number, not text', () => {
    expect(compareVersions('4.00.950', '4.0.950')).toBe(0);
    expect(compareVersions('4.10.1903', '4.10.1998')).toBeLessThan(0);
    expect(compareVersions('4.10.2222', '4.10.999')).toBeGreaterThan(0);
  });
});
