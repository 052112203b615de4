import { describe, expect, it } from 'vitest';
import { engineT, ENGINE_LANGUAGES } from '../app/core/i18n';
import { PolicySchema } from '../app/core/model/policy';
import { policyIssueTexts } from '../app/core/model/policy-issues';
import { sayText } from '../app/system/error-text';

/**
 * A policy file's problems are worded from the engine catalogue by the issue's code and values
 * (policy-issues.ts), in each language; zod's English message is only the fallback for an issue
 * kind it does not know. test/cli-lang.test.ts runs the CLI on a file with most kinds.
 */
const issuesOf = (policy: unknown) => {
  const r = PolicySchema.safeParse(policy);
  if (r.success) throw new Error('expected an invalid policy');
  return policyIssueTexts(r.error);
};

describe('policy issues', () => {
  const policy = {
    schemaVersion: 1,
    corporateNetworks: ['10.13.1.0/33', '010.1.0.0/16', '4.0.0.0/6'],
    domain: { netbiosName: '', controllers: [{ name: 'DC1', address: '10.13.1' }] },
    probes: { internet: 'https://example.com/', corporate: Array.from({ length: 16 }, (_, i) => `10.0.0.${i}:53`) },
  };

  it('each problem by its kind, with its field, and every text in both catalogues', () => {
    const issues = issuesOf(policy);
    expect(issues.map((i) => `${i.params.path} ${i.key}`)).toEqual([
      'corporateNetworks.0 policyIssue.corporateNetwork.notCidr',
      'corporateNetworks.1 policyIssue.corporateNetwork.notPlain',
      'corporateNetworks.2 policyIssue.corporateNetwork.tooWide',
      'domain.netbiosName policyIssue.tooShort',
      'domain.controllers.0.address policyIssue.ipv4',
      'probes.internet policyIssue.httpUrl',
      'probes.corporate policyIssue.tooMany',
    ]);
    for (const lang of ENGINE_LANGUAGES) {
      const t = engineT(lang);
      for (const i of issues) {
        expect(t(i.key, { lng: lang, fallbackLng: false } as never), `${lang} ${i.key}`).not.toBe(i.key);
        const text = sayText(i, lang);
        expect(text.startsWith(`${String(i.params.path)}: `), text).toBe(true);
        expect(text).not.toMatch(/\{\{|undefined/);
      }
    }
    expect(sayText(issues[2]!, 'nl')).toBe('corporateNetworks.2: 4.0.0.0/6 is 1/64 van alle adressen: via de VPN gestuurd neemt het internetverkeer mee. Noem de eigen netwerken van het bedrijf (/8 of langer), als 10.13.1.0/24.');
  });

  it("an issue kind it does not know keeps zod's words behind its field", () => {
    const r = PolicySchema.safeParse({ schemaVersion: 1, unattended: { allow: [], maxRisk: 'low' }, probes: { unattended: 'yes' } });
    expect(r.success).toBe(false);
    const [issue] = policyIssueTexts(r.error!);
    expect(issue!.key).toBe('policyIssue.type');
    expect(sayText(issue!, 'en')).toBe('probes.unattended: expected a value of JSON type boolean.');
    const other = policyIssueTexts({ issues: [{ code: 'invalid_union', path: ['x'], message: 'Invalid input', errors: [] }] } as never);
    expect(sayText(other[0]!, 'nl')).toBe('x: Invalid input');
  });
});
