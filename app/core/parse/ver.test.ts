import { describe, expect, it } from 'vitest';
import { parseVer } from './ver';

describe('parseVer: the name as Windows prints it, without its sentence punctuation', () => {
  it.each([
    ['Windows 95. [Version 4.00.1111]', { family: 'win9x', name: 'Windows 95', version: '4.0', build: '1111' }],
    ['Windows 95. [Version 4.00.950]', { family: 'win9x', name: 'Windows 95', version: '4.0', build: '950' }],
    ['Windows 98 [Version 4.10.2222]', { family: 'win9x', name: 'Windows 98', version: '4.10', build: '2222' }],
    ['Windows NT Version 4.0  ', { family: 'nt4', name: 'Windows NT', version: '4.0' }],
    ['Microsoft Windows XP [Version 5.1.2600]', { family: 'nt5', name: 'Microsoft Windows XP', version: '5.1', build: '2600' }],
    ['Microsoft Windows [Versión 10.0.19045.3448]', { family: 'nt6+', name: 'Microsoft Windows', version: '10.0', build: '19045.3448' }],
  ])('%s', (line, os) => {
    expect(parseVer(`\r\n${line}\r\n`)).toEqual(os);
  });

  it('a long run of dots before other text costs a linear pass (no quadratic regex)', () => {
    const os = parseVer(`Windows 95${'.'.repeat(200_000)}x [Version 4.00.950]`);
    expect(os?.name.endsWith('x')).toBe(true);
  });
});
