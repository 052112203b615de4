import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { compareVersions, parseFileVersions } from './file-versions';
import { parseSysteminfoOs } from './systeminfo-os';

/** One row per systeminfo-ver/ corpus file, read by hand from the file's OS lines. */
const EXPECTED: Record<string, { hostname: string; name: string; version: string; build: string; servicePack?: string; line: number }> = {
  'server2012r2-en-jc-hyperv-vm.txt': { hostname: 'WIN-1A1A1AA11AA', name: 'Microsoft Windows Server 2012 R2 Standard', version: '6.3.9600', build: '9600', line: 4 },
  'win10-ru-systeminfo-npcap-loopback.txt': { hostname: 'DESKTOP-IVE607I', name: 'Майкрософт Windows 10 Pro', version: '10.0.17763', build: '17763', line: 4 },
  'win11-zh-cn-systeminfo-vbs.txt': { hostname: 'SUPER-JAMES', name: 'Microsoft Windows 11 专业版', version: '10.0.26200', build: '26200', line: 5 },
};

describe.skipIf(!corpusAvailable)('systeminfo corpus: OS lines in any language', () => {
  it('has a row for every corpus file', () => expect(corpusFiles('systeminfo-ver')).toEqual(Object.keys(EXPECTED).sort()));
  for (const [file, want] of Object.entries(EXPECTED)) {
    it(file, () => expect(parseSysteminfoOs(readCorpus('systeminfo-ver', file))).toEqual({ ...want, servicePack: undefined }));
  }
});

describe('systeminfo service pack and file versions', () => {
  it('XP prints the service pack between version and build', () => {
    expect(parseSysteminfoOs('Host Name:                 XP1\nOS Name:                   Microsoft Windows XP Professional\nOS Version:                5.1.2600 Service Pack 3 Build 2600\n')).toMatchObject({ version: '5.1.2600', servicePack: 'Service Pack 3', build: '2600' });
    expect(parseSysteminfoOs('nothing here')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => void parseSysteminfoOs(s)));
  });
  it('file-versions.txt: tab rows, notes, bad rows reported', () => {
    const r = parseFileVersions('# collected by collect.cmd\r\nC:\\WINDOWS\\SYSTEM\\RASAPI32.DLL\t4.00.1111\r\nC:\\WINNT\\system32\\drivers\\ndiswan.sys\t4.0.1381.181\tMS WAN Wrapper (Domestic Use Only)\r\nrasapi32.dll version unknown\r\n', 'file-versions.txt');
    expect(r.value).toEqual([
      { path: 'C:\\WINDOWS\\SYSTEM\\RASAPI32.DLL', version: '4.00.1111', line: 2 },
      { path: 'C:\\WINNT\\system32\\drivers\\ndiswan.sys', version: '4.0.1381.181', description: 'MS WAN Wrapper (Domestic Use Only)', line: 3 },
    ]);
    expect(r.problems).toEqual([{ source: 'file-versions.txt', line: 4, message: expect.stringContaining('PATH<TAB>VERSION') }]);
  });
  it('versions compare by number, not text', () => {
    expect(compareVersions('4.00.950', '4.0.950')).toBe(0);
    expect(compareVersions('4.10.1903', '4.10.1998')).toBeLessThan(0);
    expect(compareVersions('4.10.2222', '4.10.999')).toBeGreaterThan(0);
  });
});
