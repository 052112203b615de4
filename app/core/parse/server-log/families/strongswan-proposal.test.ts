import { describe, expect, it } from 'vitest';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '../index';

/**
 * proposal.c's `no acceptable %N found` (strongswan.ts): which part of two proposals had nothing in common, said again on the
 * NO_PROPOSAL_CHOSEN line as its reason, without a cause of its own. Lines as in jethrocarr/puppet-roadwarrior #1 and
 * ftao/vpn-deploy-playbook #78 (a Windows or iOS client's first proposals refused for their encryption algorithm).
 */

const en = engineT('en');
const line = (text: string) => `Jul 15 00:39:55 vpn charon: 07[CFG] ${text}`;
const parse = (lines: string[]) => parseServerLog(lines.map(line).join('\n'), 'charon.log');
const at = (lines: string[], n: number) => describeEntry(parse(lines).entries.find((e) => e.line === n)!, en);

const REFUSED = [
  'selecting proposal:',
  '  no acceptable ENCRYPTION_ALGORITHM found',
  'selecting proposal:',
  '  no acceptable INTEGRITY_ALGORITHM found',
  'received proposals: IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024',
  'configured proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048',
  'received proposals inacceptable',
];

describe("charon's `no acceptable <transform type> found`", () => {
  it('says which part did not match, and is said again as the reason of the refusal', () => {
    expect(at(REFUSED, 2)).toBe(
      "The other side's proposal and this side's have no encryption algorithm in common: if no other pair of proposals matches, that is why none is chosen (NO_PROPOSAL_CHOSEN).",
    );
    expect(at(REFUSED, 7)).toContain('What did not match: the encryption algorithm. What did not match: the integrity (hash) algorithm.');
  });
  it('gives no cause of its own: the refusal line gives the one cause', () => {
    expect(parse(REFUSED).entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[7, 'ike-no-proposal']]);
  });
  it('a later pair that matches makes the earlier misses moot', () => {
    const lines = ['selecting proposal:', '  no acceptable ENCRYPTION_ALGORITHM found', 'selecting proposal:', '  proposal matches', ...REFUSED.slice(4)];
    expect(at(lines, 7)).not.toContain('What did not match');
  });
});
