import { describe, expect, it } from 'vitest';
import { LOG_FAMILIES } from '../core/parse/server-log/types';
import { LOG_FORMAT_IDS, logFormatsText } from './log-formats';

describe('logFormatsText', () => {
  it('names every family the parser knows (and only those)', () => {
    expect([...LOG_FORMAT_IDS].sort()).toEqual([...LOG_FAMILIES].sort());
  });
  it('says which product wrote the lines and how many, in the order given; one line is singular', () => {
    expect(logFormatsText({ pppd: 12, syslog: 1 }, 'en')).toBe('pppd/pptpd/xl2tpd 12 lines, other programs 1 line');
    expect(logFormatsText({ ios: 2, rras: 1 }, 'nl')).toBe('Cisco IOS 2 regels, Windows RRAS/NPS 1 regel');
    expect(logFormatsText({ vpn3000: 3 }, 'en')).toBe('Cisco VPN 3000 3 lines');
  });
  it('shows an id it has no name for as it is', () => {
    expect(logFormatsText({ someday: 4 }, 'en')).toBe('someday 4 lines');
  });
});
