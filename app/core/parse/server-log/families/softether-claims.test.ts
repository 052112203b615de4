import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../../test/support/repo-files';
import { REAL_SERVER_LOGS } from '../../../../../test/support/real-server-log-table';
import { applyRules } from '../kit';
import { splitPrefix } from '../prefix';
import { mayMatchRule, SOFTETHER_RULES } from './softether';

/**
 * softether's claims tries its rules only on a message some rule's pattern takes (mayMatchRule: the patterns joined, one test):
 * held to the rules one by one — where it says no, no pattern matches, so applyRules gives no hit.
 */
const noRuleTakes = (m: string) => SOFTETHER_RULES.every(([re]) => !re.test(m));

describe('softether claims: the joined rule patterns', () => {
  it('say no only where every rule says no (real logs, their messages, random and near-rule text)', () => {
    const lines = repoFiles(REAL_SERVER_LOGS).flatMap((n) => readRepoText(`${REAL_SERVER_LOGS}/${n}`).split(/\r?\n/));
    expect(lines.length).toBeGreaterThan(1000);
    let said = 0;
    for (const line of lines) {
      for (const m of [line, line.trim(), splitPrefix(line.trim()).message.trim()]) {
        if (mayMatchRule(m)) said++;
        else expect(noRuleTakes(m), m).toBe(true);
      }
    }
    expect(said).toBeGreaterThan(0);
    const pieces = fc.constantFrom('SSTP', 'LOG: ', 'IPsec Client 1 (a:1 -> b:2): ', 'Connection "CID-1": ', '[HUB "x"] ', 'pppd stopped', 'Listening on x', 'Rejected LCP option = 0x5, proto = 0xc021', 'x', ' ', '.', '"');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 6 }), (parts) => {
        const m = parts.join('');
        if (!mayMatchRule(m)) expect(noRuleTakes(m), m).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('so applyRules gives no hit where they say no', () => {
    for (const m of ['[0.0] ppp0: renamed from ppp', 'Started Session 1 of user root.', 'pppd 2.4.7 started by root, uid 0']) {
      expect(mayMatchRule(m)).toBe(false);
      expect(applyRules(SOFTETHER_RULES, m, { shape: 'iso', message: m }, {})).toBeNull();
    }
  });
});
