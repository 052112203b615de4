import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { engineT } from '../../i18n';
import { mpdOptionParts, mpdOptionType } from './ppp-option-names';

/**
 * mpd's option lines read into name and value by one function (mpdOptionParts), as its tables name them (lcp.c gLcpConfOpts,
 * ipcp.c gIpcpConfOpts, ccp.c gCcpTypeNames): two-word names (`MP MRRU`, `MP SHORTSEQ`) whole, the longest first; every other
 * name its first word. The Configure-Nak count, the Configure-Reject's statement and the option's number all read it.
 */
const en = engineT('en');
const FIXTURES = 'test/fixtures/real/server-logs';

describe('mpd option lines → name and value', () => {
  it.each([
    ['LCP', 'MP MRRU 1600', 'MP MRRU', '1600', 17],
    ['LCP', 'MP SHORTSEQ', 'MP SHORTSEQ', '', 18],
    ['LCP', 'MRU 1500', 'MRU', '1500', 1],
    ['LCP', 'AUTHPROTO CHAP MSOFTv2', 'AUTHPROTO', 'CHAP MSOFTv2', 3],
    ['LCP', 'ACFCOMP', 'ACFCOMP', '', 8],
    ['IPCP', 'IPADDR 0.0.0.0', 'IPADDR', '0.0.0.0', 3],
    ['CCP', 'MPPC', 'MPPC', '', 18],
    // near misses: a name that only begins like a two-word one, and MP's words under another protocol, are not it
    ['LCP', 'MP MRRUX 1600', 'MP', 'MRRUX 1600', undefined],
    ['IPCP', 'MP SHORTSEQ', 'MP', 'SHORTSEQ', undefined],
  ] as const)('%s `%s` → %s / %s', (proto, line, name, value, type) => {
    expect(mpdOptionParts(proto, line)).toEqual({ name, value });
    expect(mpdOptionType(proto, line)).toBe(type);
  });

  it("every option line of the real mpd logs reads as a name of its protocol's table, with its value after it", () => {
    let read = 0;
    for (const file of repoFiles(FIXTURES).filter((f) => f.startsWith('mpd'))) {
      let proto = '';
      for (const e of parseServerLog(readRepoText(`${FIXTURES}/${file}`), file).entries) {
        for (const dd of e.decoded) {
          if (dd.key === 'packet') proto = String(dd.values?.proto);
          // (a paste that starts under a packet: its first option lines have no protocol to read them by)
          if (dd.key !== 'step.mpdOption' || !proto) continue;
          const line = String(dd.values?.option);
          const { name, value } = mpdOptionParts(proto, line);
          expect(mpdOptionType(proto, line), `${file}: ${proto} ${line}`).toBeTypeOf('number');
          expect(value ? `${name} ${value}` : name).toBe(line);
          read++;
        }
      }
    }
    expect(read).toBeGreaterThan(30);
  });
});

describe('mpd Configure-Nak and Configure-Reject of a two-word option', () => {
  const head = 'Apr  1 11:47:11 R3 mpd[5854]: [L-1] ';
  it('three Naks of MP SHORTSEQ are counted as MP SHORTSEQ (not "MP"), the loop named so', () => {
    const round = (id: number) => [`LCP: rec'd Configure Request #${id} (Req-Sent)`, '  MP MRRU 1600', '  MP SHORTSEQ', `LCP: SendConfigNak #${id}`, '  MP SHORTSEQ'];
    const log = parseServerLog([1, 2, 3].flatMap(round).map((l) => head + l).join('\n'));
    const loop = log.entries.find((e) => e.decoded.some((dd) => dd.key === 'nakLoop'))!;
    expect(loop.decoded.find((dd) => dd.key === 'nakLoop')!.values).toMatchObject({ option: 'MP SHORTSEQ', count: 3 });
    expect(describeEntry(loop, en)).toContain('MP SHORTSEQ');
  });
  it("a Configure-Reject of MP SHORTSEQ is multilink's, said as PPP dropping it", () => {
    const log = parseServerLog([`LCP: rec'd Configure Reject #1 (Req-Sent)`, '  MP SHORTSEQ'].map((l) => head + l).join('\n'));
    expect(log.entries[1]!.outcome).toBe('info');
    expect(describeEntry(log.entries[1]!, en)).toMatch(/multilink/);
  });
});
