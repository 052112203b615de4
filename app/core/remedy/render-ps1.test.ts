import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeTestPs } from './render-ps1';

/** the prefix length as fix.ps1 wrote it before it was counted on the mask's number */
const bitsByOctet = (mask: string) => mask.split('.').reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0);
const test = (netmask: string) => routeTestPs({ kind: 'route.add', destination: '10.1.0.0', netmask, gateway: '10.9.0.1', metric: 1, interfaceIndex: 23 });

describe('fix.ps1 names a route by destination/prefix length', () => {
  it('counts the mask’s one bits as before, for any mask', () => {
    fc.assert(
      fc.property(fc.ipV4(), (mask) => {
        expect(test(mask)).toBe(`{ Test-TmRoute '10.1.0.0/${bitsByOctet(mask)}' '10.9.0.1' 23 1 $true }`);
      }),
    );
    for (const mask of ['255.255.255.255', '0.0.0.0', '255.255.240.0', '128.0.0.0', '255.0.255.0', '255.255.255', '010.0.0.0'])
      expect(test(mask), mask).toBe(`{ Test-TmRoute '10.1.0.0/${bitsByOctet(mask)}' '10.9.0.1' 23 1 $true }`);
  });
});
